package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"cecot/internal/check"
	"cecot/internal/engine"
	"cecot/internal/status"
)

func runCheck(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	var pf projectFlags
	pf.register(fs)
	setUsage(fs, pf.lang, "usage_check")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	p, err := pf.printer(fs)
	if err != nil {
		return err
	}
	return say(p, checkProject(fs, pf, p, stdout))
}

// checkProject loads the project pf names and checks the site it makes.
func checkProject(fs *flag.FlagSet, pf projectFlags, p *status.Printer, stdout io.Writer) error {
	root, err := openProject(pf.src)
	if err != nil {
		return err
	}
	defer root.Close()
	site, err := engine.Load(root.FS(), pf.options())
	if err != nil {
		return err
	}
	warn(fs.Output(), p, withStrayPO(pf.src, site.Warnings))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := check.Site(ctx, site)
	if err != nil {
		return err
	}
	fsys, save := cachedProject(pf.src, root)
	defer save()
	broken, err := check.Translations(fsys, site.Config)
	if err != nil {
		return err
	}
	for _, b := range broken {
		res.Errors.Add(b)
	}
	res.Errors.Sort()
	if err := res.Errors.Err(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "site: %s\n", p.T("checked", "Pages", res.Pages, "Links", res.Links))
	return nil
}
