package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/stamp"
)

func runStamp(fset *flag.FlagSet, args []string, stdout io.Writer) error {
	src := fset.String("src", ".", "project `folder`")
	create := fset.Bool("new", false, "create a new translation: site stamp -new content/en/page.md es")
	fset.Usage = func() {
		fmt.Fprintf(fset.Output(), `Usage: site stamp [flags] content/es/page.md ...
       site stamp -new content/en/page.md es

Stamp records that a translation matches its original as the original is
now: run it after you have brought the translation up to date. It changes
only the translated_from line of the file's front matter.

With -new, it creates the translation of an original page in a language,
with the original's text to translate, marked draft = true so that it is
not published until you delete that line.

Flags:
`)
		fset.PrintDefaults()
	}
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	root, err := openProject(*src)
	if err != nil {
		return err
	}
	defer root.Close()
	cfg, err := config.Load(root.FS())
	if err != nil {
		return err
	}
	if *create {
		if fset.NArg() != 2 {
			fset.Usage()
			return errUsage
		}
		return stampNew(stdout, root, cfg, *src, fset.Arg(0), fset.Arg(1))
	}
	if fset.NArg() == 0 {
		fset.Usage()
		return errUsage
	}
	for _, f := range fset.Args() {
		if err := stampFile(stdout, root, cfg, *src, f); err != nil {
			return err
		}
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
	if !strings.HasPrefix(p, content.Dir+"/") || path.Ext(p) != ".md" {
		return "", fmt.Errorf("%s: not a page of the project; name a file like %s/es/report.md", name, content.Dir)
	}
	return p, nil
}

// splitPage returns the language and key of a page's project path.
func splitPage(cfg *config.Config, p string) (lang, key string, err error) {
	lang, rest, ok := strings.Cut(strings.TrimPrefix(p, content.Dir+"/"), "/")
	if !ok || cfg.Language(lang) == nil {
		return "", "", fmt.Errorf("%s: not in a language folder of site.toml (%s)", p, strings.Join(cfg.Codes(), ", "))
	}
	return lang, strings.TrimSuffix(rest, ".md"), nil
}

// sourceStamp reads the default-language page of key and returns its
// project path and stamp.
func sourceStamp(root *os.Root, cfg *config.Config, key string) (string, []byte, string, error) {
	file := path.Join(content.Dir, cfg.DefaultLanguage, key+".md")
	data, err := fs.ReadFile(root.FS(), file)
	if err != nil {
		return "", nil, "", fmt.Errorf("%s: cannot read the original: %w", file, unwrap(err))
	}
	p, _, err := content.Parse(file, cfg.DefaultLanguage, key, data)
	if err != nil {
		return "", nil, "", err
	}
	return file, data, stamp.Make(p.Body), nil
}

func stampFile(stdout io.Writer, root *os.Root, cfg *config.Config, src, name string) error {
	p, err := projectPath(src, name)
	if err != nil {
		return err
	}
	lang, key, err := splitPage(cfg, p)
	if err != nil {
		return err
	}
	if lang == cfg.DefaultLanguage {
		return fmt.Errorf("%s is an original, not a translation; stamp its translations, like %s", p, path.Join(content.Dir, otherLanguage(cfg), key+".md"))
	}
	srcFile, _, value, err := sourceStamp(root, cfg, key)
	if err != nil {
		return err
	}
	data, err := fs.ReadFile(root.FS(), p)
	if err != nil {
		return fmt.Errorf("%s: cannot read: %w", p, unwrap(err))
	}
	out, err := stamp.Set(data, value)
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	if _, _, err := content.Parse(p, lang, key, out); err != nil {
		return fmt.Errorf("%w\nthe file was not changed", err)
	}
	if err := writeFile(root, p, out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "site: %s is now marked as translated from %s as it is now\n", p, srcFile)
	return nil
}

func stampNew(stdout io.Writer, root *os.Root, cfg *config.Config, src, name, lang string) error {
	p, err := projectPath(src, name)
	if err != nil {
		return err
	}
	from, key, err := splitPage(cfg, p)
	if err != nil {
		return err
	}
	if from != cfg.DefaultLanguage {
		return fmt.Errorf("%s: translations are made from the %s pages; name %s", p, cfg.DefaultLanguage, path.Join(content.Dir, cfg.DefaultLanguage, key+".md"))
	}
	if cfg.Language(lang) == nil || lang == cfg.DefaultLanguage {
		return fmt.Errorf("language %q: name one of the site's other languages (%s)", lang, strings.Join(cfg.Codes(), ", "))
	}
	srcFile, data, value, err := sourceStamp(root, cfg, key)
	if err != nil {
		return err
	}
	target := path.Join(content.Dir, lang, key+".md")
	if _, err := root.Stat(filepath.FromSlash(target)); err == nil {
		return fmt.Errorf("%s already exists; edit it, and run \"site stamp %s\" when it is up to date", target, target)
	}
	out, err := stamp.NewTranslation(data, value)
	if err != nil {
		return fmt.Errorf("%s: %w", srcFile, err)
	}
	if err := root.MkdirAll(filepath.FromSlash(path.Dir(target)), 0o755); err != nil {
		return err
	}
	if err := writeFile(root, target, out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "site: created %s from %s\nsite: translate its title, description and text; then delete the line draft = true\n", target, srcFile)
	return nil
}

// writeFile replaces a file through a temporary file, so that a failed
// write never leaves half a page.
func writeFile(root *os.Root, name string, data []byte) error {
	mode := fs.FileMode(0o644)
	if info, err := root.Stat(filepath.FromSlash(name)); err == nil {
		mode = info.Mode().Perm()
	}
	tmp := filepath.FromSlash(name) + ".stamp-tmp"
	if err := root.WriteFile(tmp, data, mode); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := root.Rename(tmp, filepath.FromSlash(name)); err != nil {
		_ = root.Remove(tmp)
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func otherLanguage(cfg *config.Config) string {
	for _, c := range cfg.Codes() {
		if c != cfg.DefaultLanguage {
			return c
		}
	}
	return cfg.DefaultLanguage
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
