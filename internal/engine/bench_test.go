package engine

import (
	"cecot/internal/cputime"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"cecot/internal/synth"

	"cecot/internal/share"
)

// The benchmarks build synthetic bilingual sites (internal/synth), the
// same content and equivalent layouts as the Hugo benchmark site that
// cmd/sitebench compares against. The content is generated outside the
// timing, only when benchmarks run, and once per size for all -count
// repetitions:
//
//	go test -run '^$' -bench . -count 5 ./internal/engine
//
// BENCHMARKS.md records the figures.

// benchSizes are the synthetic sites' pages per language: 20, 2,000 and
// 10,000 content pages in all.
var benchSizes = []int{10, 1000, 5000}

// synthRoot holds the synthetic sites of one test binary's benchmarks,
// made by TestMain and removed when the benchmarks end.
var synthRoot string

func TestMain(m *testing.M) {
	if dir := os.Getenv(killAfterSwapEnv); dir != "" {
		killedAfterSwap(dir) // a child of TestOldSiteOfKilledBuildIsRemoved
	}
	dir, err := os.MkdirTemp("", "cecot-bench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	synthRoot = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// writeSynth returns the folder of a synthetic site of n pages per
// language, writing it the first time it is asked for. The site is only
// read by the benchmarks.
func writeSynth(b *testing.B, n int) string {
	return writeSynthSite(b, n, false)
}

// writeSynthReal is writeSynth with the repository's own layouts,
// locales, assets, site.toml and report pages, as "sitebench -layouts
// real" builds it (synth.UseRealLayouts), and its share images drawn
// (benchShares).
func writeSynthReal(b *testing.B, n int) string {
	return writeSynthSite(b, n, true)
}

// writeSynthSite writes the synthetic site of n pages per language, with
// the real layouts if real, once per test binary.
func writeSynthSite(b *testing.B, n int, real bool) string {
	b.Helper()
	name := fmt.Sprint("n", n)
	if real {
		name += "-real"
	}
	src := filepath.Join(synthRoot, name)
	done := filepath.Join(synthRoot, name+".done")
	if _, err := os.Stat(done); err == nil {
		return src
	}
	if err := os.RemoveAll(src); err != nil {
		b.Fatal(err)
	}
	if err := synth.WriteDir(src, synth.Options{N: n}); err != nil {
		b.Fatal(err)
	}
	if real {
		if err := synth.UseRealLayouts(filepath.Join("..", ".."), src); err != nil {
			b.Fatal(err)
		}
		// A first build draws the share images, once for all -count
		// repetitions.
		opts := Options{Shares: share.NewCache(benchShares(src))}
		if _, err := Build(context.Background(), src, filepath.Join(b.TempDir(), "warm"), opts); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkBuild is a whole build as "site build" does it, into a new
// output folder every time: load, render, minify, write, publish.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("pages=%d", 2*n), func(b *testing.B) { benchBuilds(b, n, nil) })
	}
}

// benchBuilds times whole builds of a synthetic site of n pages a
// language, each into a new folder, removed outside the timing. build,
// if set, builds in place of Build (to add what a caller does around
// it).
func benchBuilds(b *testing.B, n int, build func(src, out string) error) {
	if build == nil {
		build = func(src, out string) error {
			_, err := Build(context.Background(), src, out, Options{})
			return err
		}
	}
	src := writeSynth(b, n)
	outs := b.TempDir()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		out := filepath.Join(outs, fmt.Sprint("public-", i))
		i++
		if err := build(src, out); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := os.RemoveAll(out); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// discard is a Writer that keeps nothing, to time a build without the
// file system.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// BenchmarkRender is a whole build without the file system: load the
// project, render and minify every output, and drop it. The difference
// to BenchmarkBuild is the cost of writing the files. It reports how
// many pages per build had their body written compact (compact/op) and
// how many were minified whole (fallbacks/op: the synthetic theme's
// home and section pages, whose layouts show no body), and how many
// shared fragments were minified once and spliced in (fragments/op).
func BenchmarkRender(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("pages=%d", 2*n), func(b *testing.B) {
			benchRenders(b, writeSynth(b, n), Options{})
		})
	}
}

// BenchmarkRenderReal is BenchmarkRender of the synthetic content with
// the real layouts (every feature on: share images, JSON-LD, feeds, the
// cite block), the project "sitebench -layouts real" builds. Share
// images come from a cache folder, drawn by a first build outside the
// timing, as with site build.
func BenchmarkRenderReal(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("pages=%d", 2*n), func(b *testing.B) {
			src := writeSynthReal(b, n)
			benchRenders(b, src, Options{Shares: share.NewCache(benchShares(src))})
		})
	}
}

// benchSharesEnv names a folder where BenchmarkRenderReal keeps the
// share images it draws from one run of the test binary to the next:
// drawing 2,000 of them takes longer than the benchmark, and runs that
// alternate two binaries (old, new, old...) would each draw them again.
// The cache is keyed by what a card shows, so binaries that draw alike
// share it.
const benchSharesEnv = "CECOT_BENCH_SHARES"

// benchShares is the share image cache folder for the synthetic site in
// src: $CECOT_BENCH_SHARES if set, else one beside src, removed with it.
func benchShares(src string) string {
	if dir := os.Getenv(benchSharesEnv); dir != "" {
		return dir
	}
	return src + ".shares"
}

// benchRenders times loading and rendering the project in src with opts
// into discard, and reports the process's CPU time and the compact,
// fallback and fragment counts.
func benchRenders(b *testing.B, src string, opts Options) {
	b.ReportAllocs()
	var compact, fallback, fragments int64
	cpu := cputime.Used()
	for b.Loop() {
		root, err := os.OpenRoot(src)
		if err != nil {
			b.Fatal(err)
		}
		site, err := Load(root.FS(), opts)
		if err == nil {
			_, err = site.Render(context.Background(), discard{})
		}
		root.Close()
		if err != nil {
			b.Fatal(err)
		}
		c, f := site.Renderer.CompactCounts()
		compact += c
		fallback += f
		fragments += site.Renderer.FragmentsSpliced()
	}
	// CPU time from rusage, which moves much less with the load of a
	// shared machine than wall time.
	b.ReportMetric(float64(cputime.Used()-cpu)/float64(b.N), "cpu-ns/op")
	// Pages whose body was written compact and spliced into their
	// minified layout, and pages minified whole.
	b.ReportMetric(float64(compact)/float64(b.N), "compact/op")
	b.ReportMetric(float64(fallback)/float64(b.N), "fallbacks/op")
	// Shared fragments minified once and spliced into pages.
	b.ReportMetric(float64(fragments)/float64(b.N), "fragments/op")
}

// BenchmarkRealSite builds the project at the repository root, the real
// site, into a new folder every time. Share images come from a cache
// folder, as with site build, after a first build draws them: drawing
// is measured on its own (BenchmarkDraw in internal/share).
func BenchmarkRealSite(b *testing.B) {
	outs := b.TempDir()
	opts := Options{Shares: share.NewCache(b.TempDir())}
	if _, err := Build(context.Background(), filepath.Join("..", ".."), filepath.Join(outs, "warm"), opts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		out := filepath.Join(outs, fmt.Sprint("public-", i))
		i++
		if _, err := Build(context.Background(), filepath.Join("..", ".."), out, opts); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := os.RemoveAll(out); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// BenchmarkLoadChecks times what a load adds to refuse a page before
// anything is rendered (issue 21): every page's layout and share image
// (checkPages, with the share images' glyph check) and the list of
// outputs for names that collide (checkOutputs). Compare with
// BenchmarkRender, the whole build without the file system.
func BenchmarkLoadChecks(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("pages=%d", 2*n), func(b *testing.B) {
			src := writeSynth(b, n)
			root, err := os.OpenRoot(src)
			if err != nil {
				b.Fatal(err)
			}
			defer root.Close()
			site, err := Load(root.FS(), Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := site.checkPages(); err != nil {
					b.Fatal(err)
				}
				if err := site.checkOutputs(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
