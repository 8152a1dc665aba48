package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"cecot/internal/status"
	"cecot/internal/words"
)

// getenv reads the environment; tests replace it.
var getenv = os.Getenv

// langFlag adds -lang, the language of a translator command's messages,
// to fs. Without it, the environment chooses (LC_ALL, LC_MESSAGES, LANG).
func langFlag(fs *flag.FlagSet) *string {
	// Its help is filled in when the help is shown (setUsage): reading
	// the message catalogue for it cost every build, one found up to
	// date included, a few milliseconds.
	return fs.String("lang", "", "")
}

// flagUsage is the English help of a translator command's flag; see
// printFlags for the other languages.
func flagUsage(name string) string {
	return status.NewPrinter("en").T("flag_" + name)
}

// printer is the Printer for the -lang value given, or the environment's.
func printer(fs *flag.FlagSet, lang string) (*status.Printer, error) {
	if lang == "" {
		return status.NewPrinter(words.LangFromEnv(getenv)), nil
	}
	if !words.SpeaksTool(lang) {
		line := fmt.Sprintf("%s: -lang %q: name %s", fs.Name(), lang, strings.Join(words.ToolLangs, " or "))
		if p := flagPrinter(fs); p.Lang() != "en" {
			line = p.T("lang_unknown", "Command", fs.Name(), "Lang", strconv.Quote(lang), "Langs", strings.Join(words.ToolLangs, " o "))
		}
		fmt.Fprintln(fs.Output(), line)
		fs.Usage()
		return nil, errUsage
	}
	return status.NewPrinter(lang), nil
}

// spoken is an error to report in a translator's language.
type spoken struct {
	err error
	p   *status.Printer
}

func (s *spoken) Error() string { return s.err.Error() }
func (s *spoken) Unwrap() error { return s.err }

// say marks err, if any, to be reported in p's language.
func say(p *status.Printer, err error) error {
	if err == nil || errors.Is(err, errUsage) || errors.Is(err, flag.ErrHelp) {
		return err
	}
	return &spoken{err: err, p: p}
}

// flagPrinter is the Printer of the language fs's -lang names, if it
// has one the tools speak, else the environment's.
func flagPrinter(fs *flag.FlagSet) *status.Printer {
	if f := fs.Lookup("lang"); f != nil && words.SpeaksTool(f.Value.String()) {
		return status.NewPrinter(f.Value.String())
	}
	return status.NewPrinter(words.LangFromEnv(getenv))
}

// setUsage makes fs's help the message id, with its flags, in the
// language -lang names, else the environment's.
func setUsage(fs *flag.FlagSet, lang *string, id string, pairs ...any) {
	fs.Usage = func() {
		if f := fs.Lookup("lang"); f != nil && f.Usage == "" {
			f.Usage = flagUsage("lang")
		}
		p := status.NewPrinter(words.LangFromEnv(getenv))
		if words.SpeaksTool(*lang) {
			p = status.NewPrinter(*lang)
		}
		fmt.Fprint(fs.Output(), p.T(id, pairs...))
		printFlags(fs, p, pairs...)
	}
}

// printFlags lists fs's flags as flag.PrintDefaults does, with each
// flag's words in p's language: the command's own (flag_build_out), else
// the flag's (flag_src), filled from pairs of names and values.
func printFlags(fs *flag.FlagSet, p *status.Printer, pairs ...any) {
	if p.Lang() == "en" {
		fs.PrintDefaults()
		return
	}
	fs.VisitAll(func(f *flag.Flag) {
		words := *f
		own := "flag_" + strings.TrimPrefix(fs.Name(), "site ") + "_" + f.Name
		switch {
		case p.Has(own):
			words.Usage = p.T(own, pairs...)
		case p.Has("flag_" + f.Name):
			words.Usage = p.T("flag_"+f.Name, pairs...)
		}
		arg, text := flag.UnquoteUsage(&words)
		line := "  -" + f.Name
		if arg != "" {
			line += " " + arg
		}
		if len(line) <= 4 {
			line += "\t"
		} else {
			line += "\n    \t"
		}
		line += strings.ReplaceAll(text, "\n", "\n    \t")
		if f.DefValue != "" && f.DefValue != "false" {
			line += " (" + p.T("flag_default", "Value", strconv.Quote(f.DefValue)) + ")"
		}
		fmt.Fprintln(fs.Output(), line)
	})
}
