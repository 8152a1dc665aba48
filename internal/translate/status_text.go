package translate

import (
	"fmt"
	"io"
	"strings"
)

// Command is how the text report tells readers to run the site tool.
const Command = "go run ./cmd/site"

// WriteText writes r in plain words for translators: per language, what
// needs doing, file by file, with the command that finishes each task.
func WriteText(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, l := range r.Languages {
		writeLanguage(&b, l, r.Default)
	}
	if len(r.Extra) > 0 {
		fmt.Fprintf(&b, "Pages with no %s original (they get no language switcher link and are never marked out of date):\n", r.Default)
		for _, p := range r.Extra {
			fmt.Fprintf(&b, "  %s: there is no %s; if it is a translation, give it the same file name as its original\n", p.File, p.Source)
		}
		b.WriteString("\n")
	}
	if len(r.Undefined)+len(r.Unused) > 0 {
		fmt.Fprintf(&b, "Interface strings of the default language (%s):\n", r.Default)
		writeStrings(&b, r.Undefined)
		writeStrings(&b, r.Unused)
		b.WriteString("\n")
	}
	if r.Clean() {
		b.WriteString("Everything is translated and up to date.\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeLanguage(b *strings.Builder, l *Language, def string) {
	fmt.Fprintf(b, "%s (%s): %s translated, %d out of date, %d missing\n\n",
		l.Name, l.Lang, pageCount(l.Count(Translated)), l.Count(Stale), l.Count(Missing))
	if l.Count(Stale) > 0 {
		fmt.Fprintf(b, "Out of date: the original changed after the translation was made, or no one recorded when.\n")
		for _, p := range l.Pages {
			if p.State != Stale {
				continue
			}
			fmt.Fprintf(b, "  %s  (original: %s)\n", p.File, p.Source)
			if p.Reason != "" {
				fmt.Fprintf(b, "      %s\n", p.Reason)
			}
			for _, c := range p.Changes {
				fmt.Fprintf(b, "      %s\n", c)
			}
			if strings.HasPrefix(p.Reason, poReason) {
				fmt.Fprintf(b, "      translate those messages in %s (Poedit, Weblate) and run %s po import %s;\n", POPath(l.Lang, p.Key), Command, l.Lang)
				fmt.Fprintf(b, "      or fix them in %s, run %s stamp %s, then %s po export %s\n", p.File, Command, p.File, Command, l.Lang)
				continue
			}
			fmt.Fprintf(b, "      when it matches the original again: %s stamp %s\n", Command, p.File)
		}
		b.WriteString("\n")
	}
	if l.Count(Missing) > 0 {
		fmt.Fprintf(b, "Missing: readers see the original text with a notice until these are translated.\n")
		for _, p := range l.Pages {
			if p.State != Missing {
				continue
			}
			if p.Draft {
				fmt.Fprintf(b, "  %s  (original: %s)\n      a draft is in progress; when it is done, delete its line draft = true\n", p.File, p.Source)
				continue
			}
			fmt.Fprintf(b, "  %s  (original: %s)\n      to start: %s stamp -new %s %s\n", p.File, p.Source, Command, p.Source, l.Lang)
		}
		b.WriteString("\n")
	}
	if l.Count(Translated) > 0 {
		fmt.Fprintf(b, "Translated and up to date:\n")
		for _, p := range l.Pages {
			if p.State == Translated {
				fmt.Fprintf(b, "  %s\n", p.File)
			}
		}
		b.WriteString("\n")
	}
	if l.StaleImages() > 0 {
		fmt.Fprintf(b, "Images out of date: the original changed after this language's version was made, or no one recorded when.\n")
		for _, v := range l.Images {
			if v.Stale {
				fmt.Fprintf(b, "  %s  (original: %s)\n      %s\n      when it matches the original again: %s stamp %s\n", v.File, v.Original, v.Reason, Command, v.File)
			}
		}
		b.WriteString("\n")
	}
	if len(l.Strings) > 0 {
		fmt.Fprintf(b, "Interface strings (menus, notices, dates) to fix:\n")
		writeStrings(b, l.Strings)
		b.WriteString("\n")
	}
	if len(l.PO) > 0 {
		fmt.Fprintf(b, "PO files out of step with the pages (Poedit, Weblate, Crowdin):\n")
		for _, p := range l.PO {
			fmt.Fprintf(b, "  %s: %v\n", p.Problem, p)
		}
		b.WriteString("\n")
	}
	if len(l.Glossary) > 0 {
		fmt.Fprintf(b, "Glossary: the translation does not use the agreed term (advice; check each one):\n")
		for _, m := range l.Glossary {
			fmt.Fprintf(b, "  %v\n", m)
		}
		b.WriteString("\n")
	}
}

func writeStrings(b *strings.Builder, ss []*String) {
	for _, s := range ss {
		loc := s.File
		if s.Line > 0 {
			loc = fmt.Sprintf("%s:%d", s.File, s.Line)
		}
		if s.ID != "" {
			fmt.Fprintf(b, "  %s: %s %q: %s\n", loc, s.Problem, s.ID, s.Detail)
		} else {
			fmt.Fprintf(b, "  %s: %s\n", loc, s.Detail)
		}
		for _, u := range s.Uses {
			fmt.Fprintf(b, "      used at %s:%d\n", u.File, u.Line)
		}
	}
}

func pageCount(n int) string {
	if n == 1 {
		return "1 page"
	}
	return fmt.Sprintf("%d pages", n)
}
