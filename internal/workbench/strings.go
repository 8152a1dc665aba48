package workbench

import (
	"io/fs"
	"sort"
	"strings"

	"cecot/internal/locale"
	"cecot/internal/status"
	"cecot/internal/translation"
)

// Strings reads a language's interface strings beside the default
// language's, one row per message, as a Page whose rows have no place
// in the preview. It counts them as the overview does.
func (Project) Strings(fsys fs.FS, lang string) (*Page, *Overview, error) {
	o, _, rep, err := loadReport(fsys, "", "")
	if err != nil {
		return nil, nil, err
	}
	l := o.Language(lang)
	if l == nil {
		return nil, o, nil
	}
	def, err := locale.Inspect(fsys, o.Default)
	if err != nil {
		return nil, nil, err
	}
	tr, err := locale.Inspect(fsys, lang)
	if err != nil {
		return nil, nil, err
	}
	problems := map[string][]*status.String{}
	for _, rl := range rep.Languages {
		if rl.Lang != lang {
			continue
		}
		for _, s := range rl.Strings {
			if s.ID != "" {
				problems[s.ID] = append(problems[s.ID], s)
			}
		}
	}
	p := &Page{Lang: lang, Key: "", Source: def.File, File: tr.File, State: "translated", Progress: l.Strings}
	if l.Strings.Missing+l.Strings.Changed > 0 {
		p.State = "stale"
	}
	for _, id := range byLine(def) {
		d := def.Messages[id]
		b := Block{Kind: translation.KindString, Name: id, Original: formsText(d.Forms), State: translation.Translated,
			Source: Pos{File: def.File, Line: d.Line}, Target: Pos{File: tr.File}}
		if m, ok := tr.Messages[id]; ok {
			b.Translation, b.Target.Line = formsText(m.Forms), m.Line
		}
		if len(d.Forms) == 1 {
			b.Anchor = id // the desk edits it (a plural one has no single field)
		}
		for _, s := range problems[id] {
			switch s.Problem {
			case "missing", "placeholder":
				b.State = translation.Missing
			case "untranslated":
				b.State = translation.Identical // the original's words, left in place
			case "changed":
				if b.State == translation.Translated {
					b.State, b.Previous, b.HasPrevious = translation.Changed, s.Previous, true
				}
			}
		}
		p.Blocks = append(p.Blocks, b)
	}
	for _, id := range byLine(tr) {
		if _, ok := def.Messages[id]; !ok {
			m := tr.Messages[id]
			p.Blocks = append(p.Blocks, Block{Kind: translation.KindString, Name: id, Translation: formsText(m.Forms), State: translation.Obsolete,
				Target: Pos{File: tr.File, Line: m.Line}})
		}
	}
	return p, o, nil
}

// byLine lists a message file's IDs in the order of the file.
func byLine(fi *locale.FileInfo) []string {
	ids := make([]string, 0, len(fi.Messages))
	for id := range fi.Messages {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := fi.Messages[ids[i]], fi.Messages[ids[j]]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return ids[i] < ids[j]
	})
	return ids
}

// formsText is a message's text: its only form, or each plural form on
// a line of its own, in CLDR's order.
func formsText(forms map[string]string) string {
	if len(forms) == 1 {
		for _, s := range forms {
			return s
		}
	}
	var lines []string
	for _, f := range []string{"zero", "one", "two", "few", "many", "other"} {
		if s, ok := forms[f]; ok {
			lines = append(lines, f+" = "+s)
		}
	}
	return strings.Join(lines, "\n")
}
