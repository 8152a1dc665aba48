package main

import (
	"encoding/json"
	"flag"
	"io"

	"cecot/internal/status"
)

func runStatus(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	src := fs.String("src", ".", flagUsage("src"))
	asJSON := fs.Bool("json", false, flagUsage("json"))
	strict := fs.Bool("strict", false, flagUsage("strict"))
	lang := langFlag(fs)
	setUsage(fs, lang, "usage_status")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	p, err := printer(fs, *lang)
	if err != nil {
		return err
	}
	return say(p, statusReport(p, *src, *asJSON, *strict, stdout))
}

// statusReport reports on the project in src, as JSON or in p's language.
func statusReport(p *status.Printer, src string, asJSON, strict bool, stdout io.Writer) error {
	root, err := openProject(src)
	if err != nil {
		return err
	}
	defer root.Close()
	fsys, save := cachedProject(src, root)
	defer save()
	r, err := status.Load(fsys)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(r)
	} else {
		err = p.WriteText(stdout, r)
	}
	if err != nil {
		return err
	}
	if strict && !r.Clean() {
		return status.ErrNotClean
	}
	return nil
}
