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
	res, err := engine.Build(ctx, pf.src, *out, opts)
	if res != nil {
		warn(fs.Output(), p, withStrayPO(pf.src, res.Warnings))
	}
	if err != nil {
		return say(p, words.WithNote(err, "build_failed", "Out", *out))
	}
	fmt.Fprintf(stdout, "site: %s\n", p.T("built", "Pages", pageCounts(p, res.Pages), "Files", res.Files,
		"Size", size(res.Bytes), "Ms", res.Duration.Milliseconds(), "Out", *out))
	return nil
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
