package status

import (
	"bytes"
	"cecot/internal/pofiles"
	"cecot/internal/translation"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"cecot/internal/diag"
	"cecot/internal/po"
	"cecot/internal/translate"
	"cecot/internal/words"
)

// POProblem is a place where a language's PO files and its Markdown (or
// interface strings) disagree: an export or an import was forgotten, or
// both sides changed.
type POProblem struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Problem string `json:"problem"` // "export", "import" or "conflict"
	Detail  string `json:"detail"`  // what, and the command that fixes it
	// Msg is Detail, to say in the translator's language.
	Msg *words.Message `json:"-"`
}

func (p *POProblem) String() string {
	loc := p.File
	if p.Line > 0 {
		loc = fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return loc + ": " + p.Detail
}

// hasPOFiles reports whether the project keeps PO files for lang.
func hasPOFiles(fsys fs.FS, lang string) bool {
	if _, err := fs.Stat(fsys, pofiles.Strings(lang)); err == nil {
		return true
	}
	_, err := fs.Stat(fsys, path.Dir(pofiles.Page(lang, "x")))
	return err == nil
}

// poProblems compares lang's PO files with the Markdown and the
// interface strings, by working out in memory what "site po export" and
// "site po import" would do: whatever either would change is out of
// step, as the survey sv of lang found. It returns nothing for a
// project that keeps no PO files (sv worked out no export).
func poProblems(fsys fs.FS, sv *translate.Survey, lang string) ([]*POProblem, error) {
	if sv.Export == nil && sv.ExportErr == nil {
		return nil, nil
	}
	var out []*POProblem
	exp, err := sv.Export, sv.ExportErr
	if err != nil {
		var list diag.List
		if !errors.As(err, &list) {
			return nil, err
		}
		for _, e := range list {
			out = append(out, problemOf(e, "conflict", nil))
		}
		return out, nil
	}
	noted := map[string]bool{}
	for _, c := range exp.Changes {
		if _, changed := exp.Files[c.Path]; changed {
			noted[c.Path] = true
			out = append(out, problemOf(c, "export", func(what error) *words.Message {
				return words.Msg("po_behind", "Problem", what, "Command", words.Command, "Lang", lang)
			}))
		}
	}
	for _, name := range exp.Names() {
		if noted[name] || !strings.HasPrefix(name, pofiles.Dir+"/") || sameMessages(fsys, name, exp.Files[name]) {
			continue
		}
		m := words.Msg("po_out_of_date", "Command", words.Command, "Lang", lang)
		out = append(out, &POProblem{File: name, Problem: "export", Detail: m.Error(), Msg: m})
	}
	for _, p := range exp.Pending {
		out = append(out, problemOf(p, "import", nil))
	}
	return out, nil
}

// problemOf makes a problem of kind from e, whose words the function
// more, if given, adds to.
func problemOf(e error, kind string, more func(error) *words.Message) *POProblem {
	p := &POProblem{Problem: kind}
	what := e
	var d *diag.Error
	if errors.As(e, &d) {
		p.File, p.Line, what = d.Path, d.Line, d.Err
	}
	if more != nil {
		p.Msg = more(what)
	} else if m, ok := what.(*words.Message); ok {
		p.Msg = m
	}
	p.Detail = what.Error()
	if p.Msg != nil {
		p.Detail = p.Msg.Error()
	}
	return p
}

// blockReason describes the changed and missing blocks of a page, for a
// page that is out of date unit by unit: said the same whether or not
// the page has a PO file yet.
func blockReason(pa *translation.Page) *words.Message {
	var parts []*words.Message
	for _, r := range pa.Units {
		place := fmt.Sprintf("%s:%d", pa.Original, r.OriginalLine)
		switch r.State {
		case translation.Changed:
			parts = append(parts, words.Msg("block_changed", "Place", place, "Anchor", r.Anchor))
		case translation.Missing:
			parts = append(parts, words.Msg("block_missing", "Place", place, "Anchor", r.Anchor))
		case translation.Identical:
			parts = append(parts, words.Msg("block_identical", "Place", place, "Anchor", r.Anchor, "Flag", translation.SameFlag))
		}
	}
	return words.Msg("reason_po", "Blocks", parts)
}

// sameMessages reports whether the PO file name holds what data holds,
// written differently: Poedit and Weblate wrap long lines, which export
// does not, and that alone is not a disagreement.
func sameMessages(fsys fs.FS, name string, data []byte) bool {
	old, err := fs.ReadFile(fsys, name)
	if err != nil {
		return false
	}
	a, err1 := po.Read(name, old)
	b, err2 := po.Read(name, data)
	return err1 == nil && err2 == nil && bytes.Equal(a.Bytes(), b.Bytes())
}
