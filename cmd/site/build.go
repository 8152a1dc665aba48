package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"

	"cecot/internal/diag"
	"cecot/internal/engine"
	"cecot/internal/images"
	"cecot/internal/share"
	"cecot/internal/status"
	"cecot/internal/words"
)

// projectFlags are the flags of every command that reads the project.
type projectFlags struct {
	src     string
	baseURL string
	drafts  bool
	lang    *string
}

func (p *projectFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&p.src, "src", ".", "project `folder`, holding site.toml, content/, layouts/, locales/ and assets/")
	fs.StringVar(&p.baseURL, "baseurl", "", "absolute `URL` the site is published under, overriding site.toml's baseURL")
	fs.BoolVar(&p.drafts, "drafts", false, "include pages marked draft = true")
	p.lang = langFlag(fs)
}

// printer is the Printer of the -lang given, or the environment's.
func (p *projectFlags) printer(fs *flag.FlagSet) (*status.Printer, error) {
	lang := ""
	if p.lang != nil {
		lang = *p.lang
	}
	return printer(fs, lang)
}

func (p *projectFlags) options() engine.Options {
	return engine.Options{
		BaseURL: p.baseURL, Drafts: p.drafts,
		Images: images.NewCache(filepath.Join(p.src, filepath.FromSlash(images.CacheDir))),
		Shares: share.NewCache(filepath.Join(p.src, filepath.FromSlash(share.DirName))),
	}
}

func runBuild(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	// First of all: the flags' help and the message catalogue took the
	// heap past Go's first goal (4 MB), and a collection then cost a
	// small site's build a sixth of its CPU.
	lessGC()
	var pf projectFlags
	pf.register(fs)
	compress := fs.Bool("compress", false, "also write a .gz and a .br copy beside each text file, for servers that send precompressed files (nginx, Caddy, S3)")
	force := fs.Bool("force", false, "build even when nothing the build reads has changed since the last build into the same folder, which is otherwise left as it is")
	out := fs.String("out", "", "output `folder` (default: public/ in the project folder); only a folder that site built before is replaced")
	setUsage(fs, pf.lang, "usage_build")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	p, err := pf.printer(fs)
	if err != nil {
		return err
	}
	if *out == "" {
		*out = filepath.Join(pf.src, "public")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opts := pf.options()
	opts.Compress = *compress
	// The language of the messages is in the key: the warnings are
	// kept as printed.
	check := engine.NewUpToDate(pf.src, *out, opts, "lang="+p.Lang())
	if !*force {
		// What it prints was worded when the build was made (the
		// language is in the check's key): the message catalogue is
		// not read.
		if r, ok := check.Check(pf.src, *out); ok {
			for _, line := range r.Warnings {
				fmt.Fprintln(fs.Output(), line)
			}
			fmt.Fprintln(stdout, r.Summary)
			return nil
		}
	}
	opts.Record = check
	res, err := engine.Build(ctx, pf.src, *out, opts)
	var lines []string
	if res != nil {
		lines = warningLines(p, recordedStrayPO(pf.src, check, res.Warnings))
		for _, line := range lines {
			fmt.Fprintln(fs.Output(), line)
		}
	}
	if err != nil {
		return say(p, words.WithNote(err, "build_failed", "Out", *out))
	}
	check.Save(res, lines, "site: "+p.T("up_to_date", "Pages", pageCounts(p, res.Pages), "Files", res.Files,
		"Size", size(res.Bytes), "Out", *out))
	fmt.Fprintf(stdout, "site: %s\n", p.T("built", "Pages", pageCounts(p, res.Pages), "Files", res.Files,
		"Size", size(res.Bytes), "Ms", res.Duration.Milliseconds(), "Out", *out))
	return nil
}

// recordedStrayPO is withStrayPO, its reads recorded by check: a PO file
// added where nothing reads it changes what the build says, so the next
// build is not found up to date.
func recordedStrayPO(src string, check *engine.UpToDate, warnings []*diag.Error) []*diag.Error {
	root, err := openProject(src)
	if err != nil {
		return warnings
	}
	defer root.Close()
	return strayPO(check.FS(root.FS()), warnings)
}

// pageCounts reads "9 pages (en 5, es 4)".
func pageCounts(p *status.Printer, byLang map[string]int) string {
	langs := make([]string, 0, len(byLang))
	total := 0
	for l, n := range byLang {
		langs = append(langs, l)
		total += n
	}
	sort.Strings(langs)
	parts := make([]string, len(langs))
	for i, l := range langs {
		parts[i] = fmt.Sprintf("%s %d", l, byLang[l])
	}
	return p.T("page_counts", "Total", total, "ByLang", strings.Join(parts, ", "))
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
