// Command sitebench times full, cold builds of the same synthetic
// bilingual site by Hugo and by our generator (cmd/site), side by side.
//
// It writes N pages per language with internal/synth into a temporary
// folder, once: our project (site.toml, content/, layouts/, locales/,
// assets/) and, beside it, the equivalent Hugo project that
// synth.WriteHugo writes (hugo.toml, layouts/, i18n/ and the same
// stylesheet; or, with -hugo-site, a copy of another Hugo project's
// folder) with a symbolic link to the same content/. It builds cmd/site
// as .ci/release.sh builds the binaries the project publishes (static,
// CGO_ENABLED=0 -trimpath -tags nodynamic -ldflags "-s -w"; -plain for a
// plain "go build", see below), or uses -site, checks both builds once, then runs WARMUP + RUNS rounds
// that alternate the tools (A B, then B A, ...) so that the machine's
// drift hits both alike. Every run is a new process writing into a fresh
// folder: "hugo --minify --quiet" with a fresh --cacheDir and
// HUGO_RESOURCEDIR, so that Hugo reuses nothing from an earlier run, and
// "site build -out". Each run is measured from process start to exit:
// wall time, user + system CPU time and peak resident memory (the
// process's rusage). Output folders are deleted after each run, outside
// the timing.
//
// Usage, from the repository root:
//
//	go run ./cmd/sitebench -n 1000 -runs 5
//	go run ./cmd/sitebench -n 5000 -runs 5 -scratch /dev/shm
//	go run ./cmd/sitebench -n 1000 -runs 5 -layouts real -work /dev/shm/sb
//
// With -layouts real, our project uses the repository's own layouts/,
// locales/, assets/ and site.toml instead of the bench theme (every
// feature on: share images, feeds, JSON-LD, the single-file editions),
// and gets the repository's submission, about and recommendations pages
// in each language beside the synthetic ones, which the layouts' cite
// block and links need. Hugo keeps its bench layouts: the ratio says
// what the real layouts cost against Hugo doing the bench theme's work.
// The share images are drawn into the project's .cache/ by the check
// build, so the timed runs find them cached, as a maintainer's builds do.
// Keep the work folder on a RAM disk (/dev/shm): a slow disk's writeback
// of thousands of files spills from one run into the next.
//
// Why the release build by default: Hugo is measured as Debian ships it,
// a release build, so ours is too. A plain "go build" on a machine with a
// C compiler links ours against libc, because gen2brain/webp's path to
// the system's libwebp (left out by the tag nodynamic) imports
// runtime/cgo; that adds 6-8 MiB to the peak memory of every command and
// nothing to its speed (BENCHMARKS.md). -plain measures that build.
//
// It prints every run, then min / median / max per tool and the ratios of
// the medians (ours / Hugo). BENCHMARKS.md records the figures.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"cecot/internal/synth"
)

// options are the command line.
type options struct {
	n, runs, warmup int
	hugoSite        string // another Hugo project to copy instead of synth.WriteHugo's
	hugo            string // hugo binary
	site            string // our binary; built when empty
	work            string // folder for the generated projects
	scratch         string // folder for the build outputs
	keep            bool
	plain           bool   // build ours with a plain go build, not as released
	layouts         string // "bench" or "real"
}

func main() {
	var o options
	flag.IntVar(&o.n, "n", 1000, "pages per `N` language (2N content pages in all)")
	flag.IntVar(&o.runs, "runs", 5, "timed runs of each tool")
	flag.IntVar(&o.warmup, "warmup", 1, "untimed runs of each tool before the timed ones")
	flag.StringVar(&o.hugoSite, "hugo-site", "", "`folder` of a Hugo project (configuration, layouts, i18n, assets) to use instead of the one in internal/synth/hugo")
	flag.StringVar(&o.hugo, "hugo", "hugo", "Hugo `binary`")
	flag.StringVar(&o.site, "site", "", "our generator's `binary` (default: built from ./cmd/site as .ci/release.sh builds it)")
	flag.BoolVar(&o.plain, "plain", false, "build our generator with a plain go build instead (dynamically linked where a C compiler is installed)")
	flag.StringVar(&o.work, "work", "", "`folder` to generate the projects in, removed at exit unless -keep (default: a new temporary folder)")
	flag.StringVar(&o.scratch, "scratch", "", "`folder` the builds write into (default: inside the work folder); both tools use the same")
	flag.BoolVar(&o.keep, "keep", false, "keep the work folder")
	flag.StringVar(&o.layouts, "layouts", "bench", "our project's `layouts`: bench (the theme matching Hugo's) or real (the repository's layouts, locales, assets, site.toml and report pages; run from the repository root)")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "sitebench:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	if o.n < 1 || o.runs < 1 || o.warmup < 0 {
		return errors.New("-n and -runs must be at least 1, -warmup at least 0")
	}
	if o.layouts != "bench" && o.layouts != "real" {
		return fmt.Errorf("-layouts %q: want bench or real", o.layouts)
	}
	work := o.work
	if work == "" {
		dir, err := os.MkdirTemp("", "sitebench-")
		if err != nil {
			return err
		}
		work = dir
	}
	if !o.keep {
		defer os.RemoveAll(work)
	}
	scratch := o.scratch
	if scratch == "" {
		scratch = filepath.Join(work, "scratch")
	}
	if err := os.MkdirAll(scratch, 0o755); err != nil {
		return err
	}
	tools, err := prepare(o, work)
	if err != nil {
		return err
	}
	for _, t := range tools {
		if err := check(t, scratch); err != nil {
			return err
		}
	}
	fmt.Printf("\n%d warm-up + %d timed runs each, alternating; outputs in %s\n", o.warmup, o.runs, scratch)
	results := make([][]sample, len(tools))
	for round := range o.warmup + o.runs {
		for k := range tools {
			i := k
			if round%2 == 1 {
				i = len(tools) - 1 - k // A B, then B A
			}
			s, err := measure(tools[i], scratch)
			if err != nil {
				return err
			}
			label := "warm-up"
			if round >= o.warmup {
				label = fmt.Sprintf("run %d", round-o.warmup+1)
				results[i] = append(results[i], s)
			}
			fmt.Printf("%-8s %-5s %s\n", label, tools[i].name, s)
		}
	}
	report(o, tools, results)
	return nil
}

// tool is one generator and how to run a cold build with it.
type tool struct {
	name string
	// cmd returns the command that builds into the fresh folder dir.
	cmd func(dir string) *exec.Cmd
}

// prepare generates the content and both projects, builds our binary,
// and returns the two tools, Hugo first.
func prepare(o options, work string) ([]tool, error) {
	ours := filepath.Join(work, "ours")
	hugoSrc := filepath.Join(work, "hugo")
	start := time.Now()
	if err := synth.WriteDir(ours, synth.Options{N: o.n}); err != nil {
		return nil, fmt.Errorf("generating the content: %w", err)
	}
	fmt.Printf("generated %d pages per language into %s in %.1f s\n", o.n, ours, time.Since(start).Seconds())
	if o.layouts == "real" {
		if err := synth.UseRealLayouts(".", ours); err != nil {
			return nil, fmt.Errorf("-layouts real (run sitebench from the repository root): %w", err)
		}
		fmt.Printf("our project uses the repository's layouts, locales, assets, site.toml and report pages\n")
	}
	var err error
	if o.hugoSite == "" {
		err = synth.WriteHugo(hugoSrc)
	} else {
		err = synth.CopyTree(o.hugoSite, hugoSrc)
	}
	if err != nil {
		return nil, fmt.Errorf("writing the Hugo project: %w", err)
	}
	link := filepath.Join(hugoSrc, "content")
	if err := os.Remove(link); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err // a -work folder used before holds the link already
	}
	if err := os.Symlink(filepath.Join(ours, "content"), link); err != nil {
		return nil, err
	}
	site := o.site
	if site == "" {
		site = filepath.Join(work, "site")
		build := buildCommand(site, o.plain)
		build.Stdout, build.Stderr = os.Stdout, os.Stderr
		if err := build.Run(); err != nil {
			return nil, fmt.Errorf("go build ./cmd/site (run sitebench from the repository root): %w", err)
		}
	}
	return []tool{
		{"hugo", func(dir string) *exec.Cmd {
			c := exec.Command(o.hugo, "--minify", "--quiet", "--source", hugoSrc,
				"--destination", filepath.Join(dir, "public"), "--cacheDir", filepath.Join(dir, "cache"))
			c.Env = append(os.Environ(), "HUGO_RESOURCEDIR="+filepath.Join(dir, "resources"))
			return c
		}},
		{"site", func(dir string) *exec.Cmd {
			return exec.Command(site, "build", "-src", ours, "-out", filepath.Join(dir, "public"))
		}},
	}, nil
}

// buildCommand builds cmd/site into out: as .ci/release.sh builds the
// published binaries for this system, or with a plain go build.
func buildCommand(out string, plain bool) *exec.Cmd {
	if plain {
		return exec.Command("go", "build", "-o", out, "./cmd/site")
	}
	c := exec.Command("go", "build", "-trimpath", "-tags", "nodynamic", "-ldflags", "-s -w", "-o", out, "./cmd/site")
	c.Env = append(os.Environ(), "CGO_ENABLED=0")
	return c
}

// check builds once with t and prints what it made, so that a broken
// build is not timed.
func check(t tool, scratch string) error {
	dir, err := os.MkdirTemp(scratch, "check-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	c := t.cmd(dir)
	out, err := c.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %v\n%s", strings.Join(c.Args, " "), err, out)
	}
	files, bytes, err := count(filepath.Join(dir, "public"))
	if err != nil {
		return err
	}
	fmt.Printf("check %-5s %d files, %.1f MiB\n", t.name, files, float64(bytes)/(1<<20))
	if msg := strings.TrimSpace(string(out)); msg != "" {
		fmt.Printf("      %s\n", strings.ReplaceAll(msg, "\n", "\n      "))
	}
	return nil
}

func count(dir string) (files int, bytes int64, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files++
		bytes += info.Size()
		return nil
	})
	return files, bytes, err
}

// sample is one timed run.
type sample struct {
	wall, cpu time.Duration
	rss       int64 // peak resident set, bytes
}

func (s sample) String() string {
	return fmt.Sprintf("wall %7.3f s  cpu %7.3f s  max RSS %6.0f MiB", s.wall.Seconds(), s.cpu.Seconds(), mib(s.rss))
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

// measure runs one cold build with t into a fresh folder under scratch,
// then deletes the folder.
func measure(t tool, scratch string) (sample, error) {
	dir, err := os.MkdirTemp(scratch, "run-")
	if err != nil {
		return sample{}, err
	}
	defer os.RemoveAll(dir)
	c := t.cmd(dir)
	c.Stdout = io.Discard
	var stderr strings.Builder
	c.Stderr = &stderr
	start := time.Now()
	err = c.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s: %v\n%s", strings.Join(c.Args, " "), err, stderr.String())
	}
	cpu, rss, ok := usage(c.ProcessState)
	if !ok {
		return sample{}, errors.New("no resource usage on this system")
	}
	return sample{wall: wall, cpu: cpu, rss: rss}, nil
}

// stats are min, median and max of one figure.
type stats struct{ min, med, max float64 }

func summarize(xs []float64) stats {
	s := slices.Clone(xs)
	slices.Sort(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return stats{s[0], med, s[len(s)-1]}
}

// report prints each tool's figures and the ratios of the medians.
func report(o options, tools []tool, results [][]sample) {
	figures := []struct {
		name, unit string
		get        func(sample) float64
	}{
		{"wall", "s", func(s sample) float64 { return s.wall.Seconds() }},
		{"cpu", "s", func(s sample) float64 { return s.cpu.Seconds() }},
		{"max RSS", "MiB", func(s sample) float64 { return mib(s.rss) }},
	}
	fmt.Printf("\nN = %d per language, %d runs: median (min - max)\n", o.n, o.runs)
	meds := make([][]float64, len(tools))
	for i, t := range tools {
		var cols []string
		for _, f := range figures {
			xs := make([]float64, len(results[i]))
			for j, s := range results[i] {
				xs[j] = f.get(s)
			}
			st := summarize(xs)
			meds[i] = append(meds[i], st.med)
			cols = append(cols, fmt.Sprintf("%s %.4g %s (%.4g - %.4g)", f.name, st.med, f.unit, st.min, st.max))
		}
		fmt.Printf("%-5s %s\n", t.name, strings.Join(cols, ", "))
	}
	var ratios []string
	for k, f := range figures {
		ratios = append(ratios, fmt.Sprintf("%s %.3f", f.name, meds[1][k]/meds[0][k]))
	}
	fmt.Printf("ratio %s / %s of medians: %s\n", tools[1].name, tools[0].name, strings.Join(ratios, ", "))
}
