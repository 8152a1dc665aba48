package workbench

import (
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"cecot/internal/locale"
	"cecot/internal/plural"
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
		b.Anchor = id // the desk edits it: one field, or one per plural form
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
	for _, f := range plural.Sorted(forms) {
		lines = append(lines, f+" = "+forms[f])
	}
	return strings.Join(lines, "\n")
}

// pluralRows are the plural messages of the strings' view: for each
// message of the default language with plural forms, its translation's
// forms (empty when it has none), which the desk edits one field each.
type pluralRows struct {
	forms    []string                     // the translation's language's CLDR forms, in order
	examples map[string][]int             // numbers that take each form
	text     map[string]map[string]string // message ID → form → translation
}

// pluralRowsOf reads the plural messages of lang's interface strings.
func pluralRowsOf(fsys fs.FS, def, lang string) (*pluralRows, error) {
	d, err := locale.Inspect(fsys, def)
	if err != nil {
		return nil, err
	}
	tr, err := locale.Inspect(fsys, lang)
	if err != nil {
		return nil, err
	}
	pr := &pluralRows{forms: plural.Forms(lang), examples: plural.Examples(lang), text: map[string]map[string]string{}}
	for id, m := range d.Messages {
		if len(m.Forms) < 2 {
			continue
		}
		pr.text[id] = map[string]string{}
		if t, ok := tr.Messages[id]; ok {
			pr.text[id] = t.Forms
		}
	}
	return pr, nil
}

// formField is one plural form's field of a row of the desk.
type formField struct {
	Form     string // the CLDR form: "one", "many", "other"
	Examples string // numbers that take it: "1", "0, 2, 3"
	Text     string
}

// FormFields are row i's fields, one per plural form, when its message
// has plural forms; nil for any other row.
func (v *view) FormFields(i int) []formField {
	if v.plural == nil {
		return nil
	}
	b := v.Page.Blocks[i]
	tr, ok := v.plural.text[b.Anchor]
	if !ok || b.Kind != translation.KindString {
		return nil
	}
	e := v.EditOf(i)
	var out []formField
	for _, f := range v.plural.forms {
		var ex []string
		for _, n := range v.plural.examples[f] {
			ex = append(ex, groupDigits(n))
		}
		text := tr[f]
		if e != nil && e.Forms != nil {
			text = e.Forms[f]
		}
		out = append(out, formField{Form: f, Examples: strings.Join(ex, ", "), Text: text})
	}
	return out
}

// groupDigits writes n with its thousands apart, by a thin no-break
// space, as both languages read it: "1 000 000".
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(c)
	}
	return b.String()
}
