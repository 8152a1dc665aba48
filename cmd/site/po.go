package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path"

	"cecot/internal/config"
	"cecot/internal/diag"
	"cecot/internal/locale"
	"cecot/internal/pofiles"
	"cecot/internal/status"
	"cecot/internal/translate"
	"cecot/internal/words"
)

func runPO(fset *flag.FlagSet, args []string, stdout io.Writer) error {
	src := fset.String("src", ".", flagUsage("src"))
	dryRun := fset.Bool("n", false, flagUsage("n"))
	lang := langFlag(fset)
	setUsage(fset, lang, "usage_po", "Dir", pofiles.Dir)
	verb := ""
	if len(args) > 0 && (args[0] == "export" || args[0] == "import") {
		verb, args = args[0], args[1:]
	}
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	langs := fset.Args()
	if verb == "" && len(langs) > 0 {
		verb, langs = langs[0], langs[1:]
	}
	if verb != "export" && verb != "import" {
		fset.Usage()
		return errUsage
	}
	pr, err := printer(fset, *lang)
	if err != nil {
		return err
	}
	return say(pr, poSync(fset, pr, verb, langs, *src, *dryRun, stdout))
}

// poSync runs "po export" or "po import" (verb) for langs and says what
// it did in pr's language.
func poSync(fset *flag.FlagSet, pr *status.Printer, verb string, langs []string, src string, dryRun bool, stdout io.Writer) error {
	root, err := openProject(src)
	if err != nil {
		return err
	}
	defer root.Close()
	cfg, err := config.Load(root.FS())
	if err != nil {
		return err
	}
	fsys, save := cachedProject(src, root)
	defer save()
	if verb == "export" {
		plan, err := translate.PlanExport(fsys, langs)
		if err != nil {
			return words.WithNote(err, "nothing_written")
		}
		for _, p := range plan.Pending {
			fmt.Fprintf(fset.Output(), "site: %s: %s\n", pr.T("warning"), pr.Error(p))
		}
		return finish(stdout, pr, root, plan, dryRun, pofiles.Dir, config.ContentDir)
	}
	plan, err := translate.PlanImport(fsys, langs)
	if err != nil {
		return words.WithNote(err, "nothing_written")
	}
	// What import leaves out (a fuzzy msgstr) is said, not silently
	// skipped (issue 19, case 6).
	for _, p := range plan.Pending {
		fmt.Fprintf(fset.Output(), "site: %s: %s\n", pr.T("warning"), pr.Error(p))
	}
	allowed := []string{config.ContentDir}
	for _, l := range cfg.Codes() {
		if l != cfg.DefaultLanguage {
			allowed = append(allowed, locale.File(l))
		}
	}
	return finish(stdout, pr, root, plan, dryRun, allowed...)
}

// finish writes a plan, or with -n only lists it, and says what changed.
func finish(stdout io.Writer, pr *status.Printer, root *os.Root, plan *translate.Plan, dryRun bool, allowed ...string) error {
	for _, c := range plan.Changes {
		fmt.Fprintf(stdout, "site: %s\n", describeChange(pr, c))
	}
	names := plan.Names()
	if len(names) == 0 {
		fmt.Fprintf(stdout, "site: %s\n", pr.T("po_in_step"))
		return nil
	}
	done := "po_would_write"
	if !dryRun {
		if err := plan.Write(root, allowed...); err != nil {
			return err
		}
		done = "po_wrote"
	}
	for _, n := range names {
		fmt.Fprintf(stdout, "site: %s\n", pr.T(done, "File", n))
	}
	return nil
}

func describeChange(pr *status.Printer, e *diag.Error) string {
	if e.Line == 0 {
		return path.Clean(e.Path) + ": " + pr.Error(e.Err)
	}
	return pr.Error(e)
}
