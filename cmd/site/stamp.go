package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"cecot/internal/assets"
	"cecot/internal/config"
	"cecot/internal/imagestamp"
	"cecot/internal/pagefile"
	"cecot/internal/status"
	"cecot/internal/translate"
	"cecot/internal/words"
)

func runStamp(fset *flag.FlagSet, args []string, stdout io.Writer) error {
	src := fset.String("src", ".", flagUsage("src"))
	create := fset.Bool("new", false, flagUsage("new"))
	lang := langFlag(fset)
	setUsage(fset, lang, "usage_stamp")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	pr, err := printer(fset, *lang)
	if err != nil {
		return err
	}
	return say(pr, stamp(fset, pr, *src, *create, stdout))
}

// stamp stamps the files named in fset's arguments, or with create
// starts a translation, and says what it did in pr's language.
func stamp(fset *flag.FlagSet, pr *status.Printer, src string, create bool, stdout io.Writer) error {
	root, err := openProject(src)
	if err != nil {
		return err
	}
	defer root.Close()
	cfg, err := config.Load(root.FS())
	if err != nil {
		return err
	}
	if create {
		if fset.NArg() != 2 {
			fset.Usage()
			return errUsage
		}
		p, err := projectPath(src, fset.Arg(0))
		if err != nil {
			return err
		}
		target, original, err := pagefile.StartTranslation(root, cfg, p, fset.Arg(1))
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "site: %s\nsite: %s\n", pr.T("created", "File", target, "Original", original), pr.T("created_next"))
		return nil
	}
	if fset.NArg() == 0 {
		fset.Usage()
		return errUsage
	}
	for _, f := range fset.Args() {
		p, err := projectPath(src, f)
		if err != nil {
			return err
		}
		stamp := translate.Review
		if assets.IsImage(p) {
			stamp = func(root *os.Root, cfg *config.Config, p string) (string, error) {
				return imagestamp.Stamp(root, cfg.DefaultLanguage, p)
			}
		}
		original, err := stamp(root, cfg, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "site: %s\n", pr.T("stamped", "File", p, "Original", original))
	}
	return nil
}

// projectPath turns a file named on the command line into its path in
// the project: "content/es/report.md".
func projectPath(src, name string) (string, error) {
	p := filepath.ToSlash(filepath.Clean(name))
	if _, err := os.Stat(name); err == nil {
		absSrc, err1 := filepath.Abs(src)
		absName, err2 := filepath.Abs(name)
		if err1 == nil && err2 == nil {
			if rel, err := filepath.Rel(absSrc, absName); err == nil && filepath.IsLocal(rel) {
				p = filepath.ToSlash(rel)
			}
		}
	}
	if !strings.HasPrefix(p, config.ContentDir+"/") || path.Ext(p) != ".md" && !assets.IsImage(p) {
		return "", words.At(name, 0, "not_a_page", "Page", config.ContentDir+"/es/report.md", "Image", config.ContentDir+"/es/chart.png")
	}
	return p, nil
}
