package translate

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"cecot/internal/diag"
	"cecot/internal/po"
)

// POProblem is a place where a language's PO files and its Markdown (or
// interface strings) disagree: an export or an import was forgotten, or
// both sides changed.
type POProblem struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Problem string `json:"problem"` // "export", "import" or "conflict"
	Detail  string `json:"detail"`  // what, and the command that fixes it
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
	if _, err := fs.Stat(fsys, StringsPO(lang)); err == nil {
		return true
	}
	_, err := fs.Stat(fsys, path.Dir(POPath(lang, "x")))
	return err == nil
}

// poProblems compares lang's PO files with the Markdown and the
// interface strings, by working out in memory what "site po export" and
// "site po import" would do: whatever either would change is out of
// step. It returns nothing for a project that keeps no PO files.
func poProblems(fsys fs.FS, lang string) ([]*POProblem, error) {
	if !hasPOFiles(fsys, lang) {
		return nil, nil
	}
	var out []*POProblem
	exp, err := PlanExport(fsys, []string{lang})
	if err != nil {
		var list diag.List
		if !errors.As(err, &list) {
			return nil, err
		}
		for _, e := range list {
			out = append(out, problemOf(e, "conflict", ""))
		}
		return out, nil
	}
	noted := map[string]bool{}
	for _, c := range exp.Changes {
		if _, changed := exp.Files[c.Path]; changed {
			noted[c.Path] = true
			out = append(out, problemOf(c, "export", fmt.Sprintf("; the PO file is behind: run \"%s po export %s\"", Command, lang)))
		}
	}
	for _, name := range exp.Names() {
		if noted[name] || !strings.HasPrefix(name, PODir+"/") || sameMessages(fsys, name, exp.Files[name]) {
			continue
		}
		out = append(out, &POProblem{File: name, Problem: "export",
			Detail: fmt.Sprintf("out of date (a new or changed original, or its line numbers); run \"%s po export %s\"", Command, lang)})
	}
	for _, p := range exp.Pending {
		out = append(out, problemOf(p, "import", ""))
	}
	return out, nil
}

func problemOf(e error, kind, suffix string) *POProblem {
	var d *diag.Error
	if errors.As(e, &d) {
		return &POProblem{File: d.Path, Line: d.Line, Problem: kind, Detail: d.Err.Error() + suffix}
	}
	return &POProblem{Problem: kind, Detail: e.Error() + suffix}
}

// poReason starts the reason of a page that its PO file shows out of
// date.
const poReason = "its PO file shows: "

// blockReason describes the changed and missing blocks of a page, for a
// page that its PO file shows out of date.
func blockReason(pa *PageAlignment) string {
	var parts []string
	for _, r := range pa.Rows {
		switch r.State {
		case BlockChanged:
			parts = append(parts, fmt.Sprintf("%s:%d (%s) changed", pa.Original, r.OriginalLine, r.Anchor))
		case BlockMissing:
			parts = append(parts, fmt.Sprintf("%s:%d (%s) not translated", pa.Original, r.OriginalLine, r.Anchor))
		}
	}
	return poReason + strings.Join(parts, "; ")
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
