// Command site builds the CECOT report microsite, and helps its editors
// and translators preview, check and maintain it.
//
// Usage:
//
//	site <command> [flags]
//
// Run "site help" for the commands.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"cecot/internal/diag"
	"cecot/internal/status"
	"cecot/internal/words"
)

// command is one of site's subcommands.
type command struct {
	name    string
	summary string
	// run parses args with fs, then works. It prints its results to
	// stdout and warnings to fs.Output(), which is stderr; usage errors
	// come back as flag.ErrHelp or errUsage.
	run func(fs *flag.FlagSet, args []string, stdout io.Writer) error
}

var errUsage = errors.New("usage")

// parseFlags parses a command's flags. A bad flag is a usage error, which
// the flag package has already explained.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if f := fs.Lookup("lang"); f != nil {
		// The flag package shows the help as soon as it reads -h,
		// before the flags after it: "-h -lang es" must be in Spanish
		// too, as LANG=es_* makes it.
		if lang, ok := langArg(args); ok && words.SpeaksTool(lang) {
			_ = f.Value.Set(lang)
		}
	}
	err := fs.Parse(args)
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		return errUsage
	}
	return err
}

// langArg returns the value of -lang among a command's arguments, as
// the flag package reads it ("-lang es", "--lang=es"), wherever it is
// before "--".
func langArg(args []string) (string, bool) {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if hasValue {
			return value, true
		}
		if i+1 < len(args) {
			return args[i+1], true
		}
	}
	return "", false
}

// parseNoArgs parses the flags of a command that takes no arguments.
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		line := fmt.Sprintf("%s takes no arguments, only flags; got %q", fs.Name(), fs.Arg(0))
		if p := flagPrinter(fs); p.Lang() != "en" {
			line = p.T("no_arguments", "Command", fs.Name(), "Arg", strconv.Quote(fs.Arg(0)))
		}
		fmt.Fprintln(fs.Output(), line)
		fs.Usage()
		return errUsage
	}
	return nil
}

// openProject opens the project folder, through which every file is read
// so that no symbolic link can lead outside it.
func openProject(dir string) (*os.Root, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, words.Msg("project_folder", "Dir", dir, "Err", diag.PathCause(err))
	}
	return root, nil
}

func commands() []command {
	return []command{
		{"build", "build the site into public/", runBuild},
		{"check", "check links, anchors, hreflang, titles, alt text and translations' structure", runCheck},
		{"serve", "preview the site, rebuilding and reloading as files change", runServe},
		{"status", "list pages and strings that are missing or out of date, per language", runStatus},
		{"stamp", "mark a translation as up to date, or start a new one (-new)", runStamp},
		{"po", "export PO files for Poedit, Weblate or Crowdin, or import their translations", runPO},
		{"version", "print the release and the commit this program was built from", runVersion},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// cwdAndExe are the current folder and the program's own path, where
// "site" alone looks for a project; tests replace it.
var cwdAndExe = func() (cwd, exe string) {
	cwd, _ = os.Getwd()
	exe, _ = os.Executable()
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	return cwd, exe
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		// A double-click on the program, or "site" typed in a project
		// folder: open the translation desk.
		if dir := findProject(cwdAndExe()); dir != "" {
			return runDesk(dir, stdout, stderr)
		}
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			args = []string{args[1], "-h"}
		} else {
			usage(stdout)
			return 0
		}
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		fs := flag.NewFlagSet("site "+c.name, flag.ContinueOnError)
		fs.SetOutput(stderr)
		err := c.run(fs, args[1:], stdout)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		}
		report(stderr, err)
		return 1
	}
	if p := status.NewPrinter(words.LangFromEnv(getenv)); p.Lang() != "en" {
		fmt.Fprintf(stderr, "site: %s: %s\nsite: %s: %s\n", p.T("label_error"), p.T("unknown_command", "Command", strconv.Quote(args[0])), p.T("label_hint"), p.T("unknown_command_hint"))
		return 2
	}
	fmt.Fprintf(stderr, "site: error: unknown command %q\nsite: hint: run \"site help\" for the list of commands\n", args[0])
	return 2
}

// usage lists the commands, in the environment's language.
func usage(w io.Writer) {
	p := status.NewPrinter(words.LangFromEnv(getenv))
	if p.Lang() == "en" {
		fmt.Fprintf(w, "Site builds the CECOT report microsite from content/, layouts/, locales/ and assets/.\n\nUsage:\n\n\tsite <command> [flags]\n\nCommands:\n\n")
	} else {
		fmt.Fprint(w, p.T("usage_site"))
	}
	for _, c := range commands() {
		summary := c.summary
		if p.Lang() != "en" {
			summary = p.T("command_" + c.name)
		}
		fmt.Fprintf(w, "\t%-8s %s\n", c.name, summary)
	}
	if p.Lang() == "en" {
		fmt.Fprintf(w, "\nRun \"site help <command>\" or \"site <command> -h\" for a command's flags.\n")
	} else {
		fmt.Fprintf(w, "\n%s\n", p.T("usage_site_more"))
	}
}

// report prints every problem in err, one a line, then what to do. A
// command may add notes after a list of problems ("%w\nbuild failed"):
// they are printed after it.
//
// An error a command marked with its -lang (see say) is reported in
// that language; every other one in the environment's.
func report(w io.Writer, err error) {
	p := status.NewPrinter(words.LangFromEnv(getenv))
	var sp *spoken
	if errors.As(err, &sp) {
		p, err = sp.p, sp.err
	}
	var list diag.List
	if !errors.As(err, &list) {
		for _, line := range strings.Split(p.Error(err), "\n") {
			fmt.Fprintf(w, "site: %s: %s\n", p.T("label_error"), line)
		}
		return
	}
	for _, e := range list {
		fmt.Fprintf(w, "site: %s: %s\n", p.T("label_error"), p.Error(e))
	}
	fmt.Fprintf(w, "site: %s\n", p.N("problems", len(list)))
	notes := strings.TrimPrefix(p.Error(err), p.Error(list))
	for _, line := range strings.Split(notes, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			fmt.Fprintf(w, "site: %s\n", line)
		}
	}
}

// warn prints, in p's language, warnings that did not stop the command.
func warn(w io.Writer, p *status.Printer, warnings []*diag.Error) {
	for _, line := range warningLines(p, warnings) {
		fmt.Fprintln(w, line)
	}
}

// warningLines are the lines that warn prints.
func warningLines(p *status.Printer, warnings []*diag.Error) []string {
	lines := make([]string, len(warnings))
	for i, e := range warnings {
		lines[i] = fmt.Sprintf("site: %s: %s", p.T("label_warning"), p.Error(e))
	}
	return lines
}
