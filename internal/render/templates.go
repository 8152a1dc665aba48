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
	"cecot/internal/tmplwalk"
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
			return diag.At(config.LayoutsDir, 0, "layouts_missing", fmt.Sprintf("missing; a site needs at least %s/base.html and %s/page.html", config.LayoutsDir, config.LayoutsDir), "Dir", config.LayoutsDir)
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
			foldMessages(clone, funcs[langs[i]])
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
	return &diag.Error{Path: e.Path, Line: e.Line, Err: diag.Say("layout_syntax",
		e.Err.Error()+"; actions are written {{...}}, and each if, range, with, define and block ends with {{end}}", "Problem", e.Err)}
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
// the error's structured fields name where there are some. They are
// compiled when an error needs them, not at every start of the program.
var (
	// templateErrRE matches text/template's parse and execution errors:
	// "template: page.html:3:12: ..." (the column is left out by some).
	templateErrRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^template: ([^:]+\.html):(\d+):(?:\d+:)? ?(.*)$`) })
	// execRE matches text/template's `executing "main" at <.Asset>: ...`.
	execRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^executing "[^"]*" at <([^>]*)>: (?:error calling [^:]+: )?(.*)$`)
	})
	// fieldRE matches a missing field or method of the data.
	fieldRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^can't evaluate field (\S+) in type (\S+)$`) })
)

// templateError turns an error of html/template into an error at the
// layout's file and line, layouts/page.html:3, and rewords execution
// errors for people who write layouts, not Go.
func templateError(err error) error {
	// Escaping errors carry their place in fields.
	var he *template.Error
	if errors.As(err, &he) {
		if file, line, ok := escapeErrorPlace(he); ok {
			said := goWords(he.Description)
			if said.ID == "layout_go" {
				said = diag.Say("layout_escape", he.Description, "Go", he.Description)
			}
			return &diag.Error{Path: path.Join(config.LayoutsDir, file), Line: line, Err: said}
		}
	}
	msg := err.Error()
	if m := templateErrRE().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		return &diag.Error{Path: path.Join(config.LayoutsDir, m[1]), Line: line, Err: execMessage(m[3], err)}
	}
	// Unread wording: Go's own words, at the layout an execution error
	// names when it names a file.
	var ee texttemplate.ExecError
	if errors.As(err, &ee) && strings.HasSuffix(ee.Name, ".html") {
		return &diag.Error{Path: path.Join(config.LayoutsDir, ee.Name), Line: 0, Err: goWords(msg)}
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
// a page has no field or method Nope; ...`. An error of the site's own
// template functions (T, Asset) keeps its message, and so its words in
// the translator's language; err is the error msg was read from.
func execMessage(msg string, err error) *diag.Message {
	m := execRE().FindStringSubmatch(msg)
	if m == nil {
		return goWords(msg)
	}
	action, detail := "{{"+m[1]+"}}", m[2]
	var said *diag.Message
	if f := fieldRE().FindStringSubmatch(detail); f != nil {
		switch typ := strings.TrimPrefix(f[2], "*"); typ {
		case "render.PageView", "content.Page":
			said = diag.Say("layout_no_field_page", fmt.Sprintf("a page has no field or method %s; check the spelling against PageView in internal/render/view.go", f[1]), "Field", f[1])
		default:
			said = diag.Say("layout_no_field", fmt.Sprintf("%s has no field or method %s", typ, f[1]), "Type", typ, "Field", f[1])
		}
	} else if errors.As(err, &said) && said.English == detail {
		// A template function's own message.
	} else {
		said = goWords(detail)
	}
	return diag.Say("layout_action", action+": "+said.English, "Action", action, "Err", said)
}

// goMessages are Go's commonest words about a layout's mistakes, by the
// catalogue message that says them; Name is what they quote.
var goMessages = sync.OnceValue(func() []goMessage {
	return []goMessage{
		{regexp.MustCompile(`^missing value for (\S+)$`), "layout_missing_value"},
		{regexp.MustCompile(`^unexpected EOF$`), "layout_eof"},
		{regexp.MustCompile(`^unexpected \{\{end\}\}`), "layout_extra_end"},
		{regexp.MustCompile(`^unexpected EOF in `), "layout_eof"},
		{regexp.MustCompile(`^function "([^"]*)" not defined$`), "layout_no_function"},
		{regexp.MustCompile(`^bad character (U\+[0-9A-F]+ '.*')$`), "layout_bad_char"},
		{regexp.MustCompile(`^unclosed action`), "layout_unclosed"},
		{regexp.MustCompile(`^no such template "([^"]*)"$`), "layout_no_template"},
		{regexp.MustCompile(`^template: no template "([^"]*)"`), "layout_no_template"},
	}
})

// goMessage is Go's words for a mistake (re), and the catalogue message
// that says them (id).
type goMessage struct {
	re *regexp.Regexp
	id string
}

// goWords is Go's message about a layout, in English as Go wrote it;
// the catalogue says the commonest in other words, and any other keeps
// Go's, which cannot be put in words without knowing what they are
// about (layout_go).
func goWords(msg string) *diag.Message {
	for _, g := range goMessages() {
		if m := g.re.FindStringSubmatch(msg); m != nil {
			name := ""
			if len(m) > 1 {
				name = m[1]
			}
			return diag.Say(g.id, msg, "Name", name)
		}
	}
	return diag.Say("layout_go", msg, "Go", msg)
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
	foldMessages(clone, funcs)
	return t.partials[lang], nil
}

// foldMessages writes each message that set's layouts ask for by a
// constant name alone, {{T "toc"}}, into their parse trees as the
// string constant it is in the language of funcs' T, before the set is
// escaped or run: text/template would otherwise find T by name, make
// its variadic slice and call it through reflection on every page, six
// to ten times a page in the real layouts. html/template escapes the
// constant as it would have escaped T's result, so the output is the
// same. A message T cannot give is left to fail where it did, at
// execution, with the layout's line.
func foldMessages(set *template.Template, funcs template.FuncMap) {
	t, ok := funcs["T"].(func(string, ...any) (string, error))
	if !ok {
		return
	}
	for _, tmpl := range set.Templates() {
		if tmpl.Tree == nil {
			continue
		}
		tmplwalk.Walk(tmpl.Tree.Root, func(n parse.Node) {
			// Past the first command, the value piped in is the last
			// argument: no call there is constant.
			if p, ok := n.(*parse.PipeNode); ok && len(p.Cmds) > 0 {
				foldCommand(p.Cmds[0], t)
			}
		})
	}
}

// foldCommand turns cmd, when it is T "name", into the message: the
// name's string node, which keeps its place in the layout for errors,
// now holding the message.
func foldCommand(cmd *parse.CommandNode, t func(string, ...any) (string, error)) {
	if len(cmd.Args) != 2 {
		return
	}
	fn, ok1 := cmd.Args[0].(*parse.IdentifierNode)
	name, ok2 := cmd.Args[1].(*parse.StringNode)
	if !ok1 || !ok2 || fn.Ident != "T" {
		return
	}
	msg, ok := message(t, name.Text)
	if !ok {
		return
	}
	name.Text, name.Quoted = msg, strconv.Quote(msg)
	cmd.Args = []parse.Node{name}
}

// message is T's message id, or false when T fails or panics (a T with
// no translator, as some tests make), which execution reports at the
// action as it always has.
func message(t func(string, ...any) (string, error), id string) (msg string, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	msg, err := t(id)
	return msg, err == nil
}
