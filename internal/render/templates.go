// Package render executes a site's html/template layouts for its pages.
package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"
	"text/template/parse"

	"cecot/internal/config"
	"cecot/internal/diag"
	"cecot/internal/markdown"
)

// templates are the parsed layouts. Each layout file is parsed together
// with base.html and the partials into a set of its own, since every
// layout defines the blocks that base.html leaves open; and each set is
// cloned per language, so that T and date speak that language.
type templates struct {
	sets map[string]map[string]*template.Template // lang → layout → set
	// partials are base.html and the partials alone, per language, for
	// shared fragments: cloned from root with the language's functions
	// when first asked for.
	partialsMu sync.Mutex
	partials   map[string]*template.Template
	root       *template.Template
	funcs      map[string]template.FuncMap
	// ids are the element IDs the layouts write literally ("main",
	// "toc-title"), which headings of a page must not take.
	ids []string
}

// loadTemplates parses every layout in fsys. funcs gives each language's
// template functions; parsing uses the first language's.
func loadTemplates(fsys fs.FS, langs []string, funcs map[string]template.FuncMap) (*templates, error) {
	var common, layouts []string
	err := fs.WalkDir(fsys, config.LayoutsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil && p == config.LayoutsDir && errors.Is(err, fs.ErrNotExist) {
			return diag.Errorf(config.LayoutsDir, 0, "missing; a site needs at least %s/base.html and %s/page.html", config.LayoutsDir, config.LayoutsDir)
		}
		if err != nil {
			return diag.CannotRead(p, err)
		}
		if d.IsDir() || path.Ext(p) != ".html" {
			return nil
		}
		name := strings.TrimPrefix(p, config.LayoutsDir+"/")
		if name == "base.html" || strings.HasPrefix(name, "partials/") {
			common = append(common, name)
		} else {
			layouts = append(layouts, name)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(common)
	sort.Strings(layouts)
	root := template.New("").Funcs(funcs[langs[0]])
	var errs diag.List
	ids := map[string]bool{}
	for _, name := range common {
		errs.Add(parseFile(fsys, root, name, ids))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	t := &templates{sets: map[string]map[string]*template.Template{}, partials: map[string]*template.Template{}, root: root, funcs: funcs}
	for _, lang := range langs {
		t.sets[lang] = map[string]*template.Template{}
	}
	for _, name := range layouts {
		set := template.Must(root.Clone())
		if err := parseFile(fsys, set, name, ids); err != nil {
			errs.Add(err)
			continue
		}
		// Clones for the other languages first: set itself, never
		// executed yet, serves the first (a clone is a tenth of the
		// real site's build).
		for i := len(langs) - 1; i >= 0; i-- {
			clone := set
			if i > 0 {
				var err error
				if clone, err = set.Clone(); err != nil {
					errs.Add(templateError(err))
					continue
				}
			}
			t.sets[langs[i]][strings.TrimSuffix(name, ".html")] = clone.Funcs(funcs[langs[i]])
		}
	}
	for id := range ids {
		t.ids = append(t.ids, id)
	}
	sort.Strings(t.ids)
	return t, errs.Err()
}

// parseFile parses the layout name into t, and adds the IDs it writes
// literally to ids.
func parseFile(fsys fs.FS, t *template.Template, name string, ids map[string]bool) error {
	data, err := fs.ReadFile(fsys, path.Join(config.LayoutsDir, name))
	if err != nil {
		return diag.CannotRead(path.Join(config.LayoutsDir, name), err)
	}
	markdown.AddLiteralIDs(data, ids)
	if _, err := t.New(name).Parse(string(data)); err != nil {
		return parseHint(templateError(err))
	}
	return nil
}

// parseHint adds to a layout's syntax error what the syntax is, since the
// parser only says what it did not expect.
func parseHint(err error) error {
	var e *diag.Error
	if !errors.As(err, &e) || e.Path == "" {
		return err
	}
	return diag.Errorf(e.Path, e.Line, "%v; actions are written {{...}}, and each if, range, with, define and block ends with {{end}}", e.Err)
}

// lookup returns the set of a layout ("page", "404") in lang.
func (t *templates) lookup(lang, layout string) (*template.Template, bool) {
	set, ok := t.sets[lang][layout]
	return set, ok
}

// Go reports where a layout failed only inside its error messages, in
// words that are not an API: "template: page.html:3:12: executing
// "main" at <.Titel>: can't evaluate field Titel in type
// *render.PageView". templateError reads them with these expressions
// where it must, and TestGoTemplateErrorWording fails, saying what to
// update, when a Go release words them differently. A message they no
// longer match is still reported, in Go's words, at the layout that
// the error's structured fields name where there are some.
var (
	// templateErrRE matches text/template's parse and execution errors:
	// "template: page.html:3:12: ..." (the column is left out by some).
	templateErrRE = regexp.MustCompile(`^template: ([^:]+\.html):(\d+):(?:\d+:)? ?(.*)$`)
	// execRE matches text/template's `executing "main" at <.Asset>: ...`.
	execRE = regexp.MustCompile(`^executing "[^"]*" at <([^>]*)>: (?:error calling [^:]+: )?(.*)$`)
	// fieldRE matches a missing field or method of the data.
	fieldRE = regexp.MustCompile(`^can't evaluate field (\S+) in type (\S+)$`)
)

// templateError turns an error of html/template into an error at the
// layout's file and line, layouts/page.html:3, and rewords execution
// errors for people who write layouts, not Go.
func templateError(err error) error {
	// Escaping errors carry their place in fields.
	var he *template.Error
	if errors.As(err, &he) {
		if file, line, ok := escapeErrorPlace(he); ok {
			return diag.Errorf(path.Join(config.LayoutsDir, file), line, "%s", he.Description)
		}
	}
	msg := err.Error()
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		return diag.Errorf(path.Join(config.LayoutsDir, m[1]), line, "%s", execMessage(m[3]))
	}
	// Unread wording: Go's own words, at the layout an execution error
	// names when it names a file.
	var ee texttemplate.ExecError
	if errors.As(err, &ee) && strings.HasSuffix(ee.Name, ".html") {
		return diag.Errorf(path.Join(config.LayoutsDir, ee.Name), 0, "%s", msg)
	}
	return fmt.Errorf("%s: %v", config.LayoutsDir, err)
}

// escapeErrorPlace returns the layout file and line of an escaping
// error: from its node, located the way html/template itself does, or
// from its name and line.
func escapeErrorPlace(e *template.Error) (file string, line int, ok bool) {
	if e.Node != nil {
		// "page.html:3:12": the file, line and column of the node.
		loc, _ := (*parse.Tree)(nil).ErrorContext(e.Node)
		rest, _, ok1 := cutLast(loc, ":")
		file, lineText, ok2 := cutLast(rest, ":")
		n, err := strconv.Atoi(lineText)
		if ok1 && ok2 && err == nil && strings.HasSuffix(file, ".html") {
			return file, n, true
		}
	}
	if strings.HasSuffix(e.Name, ".html") {
		return e.Name, e.Line, true
	}
	return "", 0, false
}

// cutLast slices s around the last sep.
func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// execMessage rewords an execution error: `executing "main" at <.Nope>:
// can't evaluate field Nope in type *render.PageView` becomes `{{.Nope}}:
// a page has no field or method Nope; ...`.
func execMessage(msg string) string {
	m := execRE.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	action, detail := m[1], m[2]
	if f := fieldRE.FindStringSubmatch(detail); f != nil {
		switch typ := strings.TrimPrefix(f[2], "*"); typ {
		case "render.PageView", "content.Page":
			detail = fmt.Sprintf("a page has no field or method %s; check the spelling against PageView in internal/render/view.go", f[1])
		default:
			detail = fmt.Sprintf("%s has no field or method %s", typ, f[1])
		}
	}
	return fmt.Sprintf("{{%s}}: %s", action, detail)
}

// partialSet returns base.html and the partials with lang's functions,
// for shared fragments.
func (t *templates) partialSet(lang string) (*template.Template, error) {
	t.partialsMu.Lock()
	defer t.partialsMu.Unlock()
	if set, ok := t.partials[lang]; ok {
		return set, nil
	}
	funcs, ok := t.funcs[lang]
	if !ok {
		return nil, fmt.Errorf("no language %q", lang)
	}
	clone, err := t.root.Clone()
	if err != nil {
		return nil, templateError(err)
	}
	t.partials[lang] = clone.Funcs(funcs)
	return t.partials[lang], nil
}
