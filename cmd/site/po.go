package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path"

	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/locale"
	"cecot/internal/translate"
)

func runPO(fset *flag.FlagSet, args []string, stdout io.Writer) error {
	src := fset.String("src", ".", "project `folder`")
	dryRun := fset.Bool("n", false, "only say what would change; write nothing")
	fset.Usage = func() {
		fmt.Fprintf(fset.Output(), `Usage: site po export [flags] [LANG ...]
       site po import [flags] [LANG ...]

Translators can work in Poedit, Weblate or Crowdin: "site po export" writes
gettext PO files of every page and of the interface strings, and "site po
import" puts their translations back into the Markdown pages and
locales/<lang>.toml. Without LANG, every translated language. The files are

  %s/pages/<page>.pot          a page's template (default language)
  %s/pages/<lang>/<page>.po    its translation, one message per block
  %s/strings/strings.pot       the interface strings' template
  %s/strings/<lang>.po         their translation

Export marks fuzzy a translation whose original changed since, with the
earlier original in "#| msgid"; import changes only the blocks whose
translation the PO file changed, and stamps pages whose messages are all
translated and none fuzzy. A block changed in both since the last export
or import is a conflict: it is reported, and nothing is written.

Flags:
`, translate.PODir, translate.PODir, translate.PODir, translate.PODir)
		fset.PrintDefaults()
	}
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
	root, err := openProject(*src)
	if err != nil {
		return err
	}
	defer root.Close()
	cfg, err := config.Load(root.FS())
	if err != nil {
		return err
	}
	if verb == "export" {
		plan, err := translate.PlanExport(root.FS(), langs)
		if err != nil {
			return fmt.Errorf("%w\nnothing was written", err)
		}
		for _, p := range plan.Pending {
			fmt.Fprintf(fset.Output(), "site: warning: %v\n", p)
		}
		return finish(stdout, root, plan, *dryRun, translate.PODir, content.Dir)
	}
	plan, err := translate.PlanImport(root.FS(), langs)
	if err != nil {
		return fmt.Errorf("%w\nnothing was written", err)
	}
	allowed := []string{content.Dir}
	for _, l := range cfg.Codes() {
		if l != cfg.DefaultLanguage {
			allowed = append(allowed, locale.File(l))
		}
	}
	return finish(stdout, root, plan, *dryRun, allowed...)
}

// finish writes a plan, or with -n only lists it, and says what changed.
func finish(stdout io.Writer, root *os.Root, plan *translate.Plan, dryRun bool, allowed ...string) error {
	for _, c := range plan.Changes {
		fmt.Fprintf(stdout, "site: %s\n", describeChange(c))
	}
	names := plan.Names()
	if len(names) == 0 {
		fmt.Fprintf(stdout, "site: nothing to change; the PO files and the pages are in step\n")
		return nil
	}
	verb := "would write"
	if !dryRun {
		if err := plan.Write(root, allowed...); err != nil {
			return err
		}
		verb = "wrote"
	}
	for _, n := range names {
		fmt.Fprintf(stdout, "site: %s %s\n", verb, n)
	}
	return nil
}

func describeChange(e *diag.Error) string {
	if e.Line == 0 {
		return path.Clean(e.Path) + ": " + e.Err.Error()
	}
	return e.Error()
}
