// Package workbench is the translator's workbench that "site serve"
// shows at /_status/: where each language stands, page by page, and
// each page beside its original, block by block, with what changed in
// the original since it was translated, what is missing, and where a
// glossary term was missed; each row links to the file and line to edit
// and to the same place in the preview. It speaks the translator's
// language (English and Spanish) and reads the project on every
// request; "site build" never publishes it. Given a Root, it is also a
// desk (desk.go): each row is a form that saves that unit of the
// translation through the code of "site po import", and a page can be
// marked reviewed or started with one click; it writes only under
// content/<lang>/, for a same-origin POST with the process's token over
// a loopback connection.
package workbench

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"

	"cecot/internal/diag"
	"cecot/internal/livereload"
	"cecot/internal/markdown"
	"cecot/internal/parsecache"
	"cecot/internal/status"
	"cecot/internal/translate"
	"cecot/internal/translation"
	"cecot/internal/words"
)

// Path is where the workbench is served. A site's own addresses never
// start with "_", so it cannot hide a page of the site.
const Path = "/_status/"

// Command is how the workbench tells translators to run the site tool.
const Command = "go run ./cmd/site"

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static/workbench.css
var stylesheet []byte

// templates are parsed when the workbench first shows a page, not when
// the program starts: every "site build" would pay for them.
var templates = sync.OnceValue(func() map[string]*template.Template {
	return map[string]*template.Template{
		"overview": parse("overview"),
		"page":     parse("page"),
		"problem":  parse("problem"),
	}
})

func parse(name string) *template.Template {
	return template.Must(template.New(name).Funcs(template.FuncMap{
		"pct":  pct,
		"pct2": func(a, b, total int) string { return pct(a+b, total) },
		"dict": func(v *view, tasks []Task) taskList { return taskList{v, tasks} },
	}).ParseFS(templateFiles, "templates/base.html", "templates/"+name+".html"))
}

// taskList is a list of tasks with the view that shows it.
type taskList struct {
	V     *view
	Tasks []Task
}

// pct is n of total as a percentage with one decimal, for bar widths.
func pct(n, total int) string {
	if total == 0 {
		return "0"
	}
	return strconv.FormatFloat(float64(n)*100/float64(total), 'f', 1, 64)
}

// Source reads what the workbench shows from the project, on every
// request, so that it shows the files as they are on disk.
type Source interface {
	// Overview returns where every translated language stands.
	Overview(fsys fs.FS) (*Overview, error)
	// Page returns the page key of language lang beside its original,
	// with its blocks; nil when the site has no such page.
	Page(fsys fs.FS, lang, key string) (*Page, *Overview, error)
	// Strings returns the interface strings of lang beside the
	// original's, one row per message, as a Page with no Key; nil when
	// the site has no such language.
	Strings(fsys fs.FS, lang string) (*Page, *Overview, error)
}

// Options configure a Handler.
type Options struct {
	FS     fs.FS  // the project, read on every request, never written
	Source Source // nil for the project's own (Project)
	Editor Editor // links to the files; the zero Editor shows file:line as text
	// BasePath is the path the preview serves the site under ("/");
	// Overview and Page URLs are prefixed with it.
	BasePath func() string
	// Rebuilds, if set, is the preview's count of rebuilds: a page
	// records the count it was made at, and the reload script reloads
	// it when the count moves on (see livereload.Status.Rebuild).
	Rebuilds func() int64
	// Root, if set, makes the workbench a desk: its rows are forms that
	// save a unit of the translation, under Root's content/<lang>/
	// only (see desk.go). Nil keeps it read-only.
	Root *os.Root
	// Hosts are the host names, besides the served address, that the
	// desk's requests may name (see HostAllowed).
	Hosts []string
	// Cache, if set, is the project's parse cache on disk: a workbench
	// started again decodes what an earlier run or command parsed, and
	// saves what it parses after each request. Nil keeps what it
	// parsed in memory only.
	Cache *parsecache.Store
}

// Handler serves the workbench under Path.
type Handler struct {
	opts  Options
	token string         // the desk forms' token; "" when read-only
	saves sync.WaitGroup // of the parse cache, after requests
}

// SaveCache waits for the saves of the parse cache on disk
// (Options.Cache) that requests started, then saves what is left.
func (h *Handler) SaveCache() error {
	h.saves.Wait()
	if h.opts.FS == nil {
		return nil
	}
	return translate.SaveCache(h.opts.FS)
}

// New returns a Handler.
func New(opts Options) *Handler {
	if opts.Source == nil {
		opts.Source = Project{}
	}
	if opts.BasePath == nil {
		opts.BasePath = func() string { return "/" }
	}
	if opts.FS != nil {
		// Requests after the first parse only the pages edited since.
		opts.FS = translate.Cached(translate.CachedOnDisk(opts.FS, opts.Cache))
	}
	h := &Handler{opts: opts}
	if opts.Root != nil {
		h.token = newToken()
	}
	return h
}

// ServeHTTP answers GET and HEAD requests for the overview (Path), a
// page (Path + "es/submission") and the stylesheet.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, Path)
	if r.Method == http.MethodPost && h.opts.Root != nil && ok {
		h.servePost(w, r, rest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		allow := "GET, HEAD"
		if h.opts.Root != nil {
			allow += ", POST"
		}
		w.Header().Set("Allow", allow)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// The count is taken before the project is read: a rebuild after it
	// then makes the page reload, even one that ends while it loads.
	if h.opts.Rebuilds != nil {
		r = r.WithContext(context.WithValue(r.Context(), rebuildKey{}, h.opts.Rebuilds()))
	}
	if h.opts.Cache != nil && h.opts.FS != nil {
		// After the answer, not before it: the first request of a
		// large project writes the whole cache. Saves wait for each
		// other, and one with nothing new writes nothing.
		defer h.saves.Go(func() { _ = translate.SaveCache(h.opts.FS) })
	}
	switch {
	case !ok:
		http.NotFound(w, r)
	case rest == "":
		h.serveOverview(w, r)
	case rest == "workbench.css":
		send(w, r, "text/css; charset=utf-8", stylesheet, http.StatusOK)
	case strings.HasPrefix(rest, stringsDir):
		h.serveStrings(w, r, strings.TrimPrefix(rest, stringsDir))
	default:
		lang, key, _ := strings.Cut(rest, "/")
		h.servePage(w, r, lang, key)
	}
}

// rebuildKey is the request context's key of the rebuild count.
type rebuildKey struct{}

// RebuildMeta names the page's rebuild count for the reload script.
func (v *view) RebuildMeta() string { return livereload.RebuildMeta }

// view is what the templates show, with the helpers they call.
type view struct {
	speech
	UI          string
	Default     string // the original's language
	DefaultName string // its name in the workbench's language
	Lang        string // the translation's language, on a page
	LangName    string
	Languages   []*Language
	Tasks       []Task // the original's, on the overview
	Page        *Page
	Problems    []string
	Title       string
	Message     string
	// Rebuild is the preview's rebuild count when the page was made,
	// "" without one.
	Rebuild string

	// Hash names the version of the translation's file the page shows,
	// "" when it has none; the desk's forms carry it back.
	Hash string

	path  string // the request's path, for the language switcher
	base  string // the site's base path in the preview
	ed    Editor
	token string // the desk's token, "" when read-only
	edit  *edit  // a form brought back unsaved
	saved string // the row just saved, from the query
	// plural are the plural messages of the strings' view, nil on a
	// page's.
	plural *pluralRows
}

func (h *Handler) newView(r *http.Request, o *Overview, lang string) *view {
	ui := r.URL.Query().Get("ui")
	if !speaks(ui) {
		ui = ""
	}
	if ui == "" && speaks(lang) {
		ui = lang
	}
	if ui == "" && o != nil {
		for _, l := range o.Languages {
			if speaks(l.Lang) {
				ui = l.Lang
				break
			}
		}
	}
	if ui == "" {
		ui = defaultUI
	}
	v := &view{speech: newSpeech(ui), UI: ui, path: r.URL.Path, base: h.opts.BasePath(), ed: h.opts.Editor, Lang: lang, token: h.token, saved: r.URL.Query().Get("saved")}
	if n, ok := r.Context().Value(rebuildKey{}).(int64); ok {
		v.Rebuild = strconv.FormatInt(n, 10)
	}
	if o != nil {
		v.Default = o.Default
		v.DefaultName = v.langName(o.Default, o.DefaultName)
		v.Languages, v.Tasks = o.Languages, o.Tasks
		if l := o.Language(lang); l != nil {
			v.LangName = v.langName(l.Lang, l.Name)
		}
	}
	return v
}

func (h *Handler) serveOverview(w http.ResponseWriter, r *http.Request) {
	o, err := h.opts.Source.Overview(h.opts.FS)
	if err != nil {
		h.serveProblem(w, r, err)
		return
	}
	h.render(w, r, "overview", h.newView(r, o, ""), http.StatusOK)
}

func (h *Handler) servePage(w http.ResponseWriter, r *http.Request, lang, key string) {
	h.servePageWith(w, r, lang, key, nil, http.StatusOK)
}

// servePageWith shows a page's view, with ed, an unsaved form, beside
// its row; code is the response's status.
func (h *Handler) servePageWith(w http.ResponseWriter, r *http.Request, lang, key string, ed *edit, code int) {
	var (
		p   *Page
		o   *Overview
		err error
	)
	if lang != "" && key != "" && !strings.Contains(key, "..") {
		p, o, err = h.opts.Source.Page(h.opts.FS, lang, key)
	}
	if err != nil {
		h.serveProblem(w, r, err)
		return
	}
	if p == nil {
		v := h.newView(r, o, lang)
		v.Title, v.Message = v.T("not_found_title"), v.T("not_found", "Key", key)
		h.render(w, r, "problem", v, http.StatusNotFound)
		return
	}
	v := h.newView(r, o, lang)
	v.Page = p
	v.setEdit(h.opts.FS, ed)
	h.render(w, r, "page", v, code)
}

// stringsDir is where the interface strings' views are, under Path:
// "strings/es". No language code is "strings", so it cannot hide a page.
const stringsDir = "strings/"

func (h *Handler) serveStrings(w http.ResponseWriter, r *http.Request, lang string) {
	h.serveStringsWith(w, r, lang, nil, http.StatusOK)
}

// serveStringsWith shows the interface strings' view with ed, an
// unsaved form, beside its row; code is the response's status.
func (h *Handler) serveStringsWith(w http.ResponseWriter, r *http.Request, lang string, ed *edit, code int) {
	p, o, err := h.opts.Source.Strings(h.opts.FS, lang)
	if err != nil {
		h.serveProblem(w, r, err)
		return
	}
	v := h.newView(r, o, lang)
	if p == nil {
		v.Title, v.Message = v.T("not_found_title"), v.T("not_found", "Key", lang)
		h.render(w, r, "problem", v, http.StatusNotFound)
		return
	}
	p.Title = v.T("interface_strings")
	v.Page = p
	if v.plural, err = pluralRowsOf(h.opts.FS, o.Default, lang); err != nil {
		h.serveProblem(w, r, err)
		return
	}
	v.setEdit(h.opts.FS, ed)
	h.render(w, r, "page", v, code)
}

// serveProblem shows why the project could not be read; the reload
// script shows the same problems over it and reloads once they are
// fixed.
func (h *Handler) serveProblem(w http.ResponseWriter, r *http.Request, err error) {
	v := h.newView(r, nil, "")
	v.Title, v.Message = v.T("error_title"), v.T("error_note")
	// Problems the translator tools have words for are said in the
	// workbench's language, with the same file:line.
	say := status.NewPrinter(v.UI).Error
	var list diag.List
	if errors.As(err, &list) {
		for _, e := range list {
			v.Problems = append(v.Problems, say(e))
		}
	} else {
		v.Problems = []string{say(err)}
	}
	h.render(w, r, "problem", v, http.StatusInternalServerError)
}

func (h *Handler) render(w http.ResponseWriter, r *http.Request, name string, v *view, code int) {
	var buf bytes.Buffer
	if err := templates()[name].ExecuteTemplate(&buf, "base", v); err != nil {
		http.Error(w, fmt.Sprintf("workbench: %v", err), http.StatusInternalServerError)
		return
	}
	send(w, r, "text/html; charset=utf-8", buf.Bytes(), code)
}

// contentPolicy allows the workbench's own stylesheet and the reload
// script, and nothing inline: a translation's text is shown, never run.
const contentPolicy = "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func send(w http.ResponseWriter, r *http.Request, ct string, data []byte, code int) {
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", contentPolicy)
	// The site's own policy (the preview's invariant): the desk's forms
	// then carry "Origin: null", and Sec-Fetch-Site says where they were.
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// Reload is the tag of the live-reload script.
func (v *view) Reload() template.HTML { return template.HTML(livereload.Tag) }

// NameOf is a language's name in the workbench's language.
func (v *view) NameOf(l *Language) string { return v.langName(l.Lang, l.Name) }

// Command is how to run the site tool.
func (v *view) Command() string { return Command }

// link is a workbench address in the current interface language.
func (v *view) link(p string) string {
	q := url.Values{"ui": {v.UI}}
	return p + "?" + q.Encode()
}

// Overview is the overview's address.
func (v *view) Overview() string { return v.link(Path) }

// Asset is the address of a file of the workbench.
func (v *view) Asset(name string) string { return Path + name }

// StringsLink is the address of a language's interface strings' view.
func (v *view) StringsLink(l *Language) string {
	return v.link(Path + stringsDir + url.PathEscape(l.Lang))
}

// PageLink is the address of a page's side-by-side view.
func (v *view) PageLink(p *Page) string {
	return v.link(Path + url.PathEscape(p.Lang) + "/" + escapeKey(p.Key))
}

func escapeKey(key string) string {
	parts := strings.Split(key, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

// uiLang is an entry of the interface-language switcher.
type uiLang struct {
	Code, Name, Href string
	Current          bool
}

// UILangs lists the workbench's languages, each linking to this page in it.
func (v *view) UILangs() []uiLang {
	var out []uiLang
	for _, l := range uiLangs {
		q := url.Values{"ui": {l.Code}}
		out = append(out, uiLang{Code: l.Code, Name: l.Name, Href: v.path + "?" + q.Encode(), Current: l.Code == v.UI})
	}
	return out
}

// Preview is the address of a page of the site in the preview, at a
// fragment.
func (v *view) Preview(pageURL, fragment string) string {
	u := strings.TrimSuffix(v.base, "/") + "/" + strings.TrimPrefix(pageURL, "/")
	if fragment != "" {
		u += "#" + fragment
	}
	return u
}

// Percent is the share of p translated and up to date, rounded down so
// that 100 % means everything.
func (v *view) Percent(p Progress) string {
	n := 100
	if t := p.Total(); t > 0 {
		n = p.Translated * 100 / t
	}
	return v.T("percent", "N", n)
}

// Counts writes out p's figures.
func (v *view) Counts(p Progress) string {
	return v.N("counts", p.Total(), "Translated", p.Translated, "Changed", p.Changed, "Missing", p.Missing)
}

// PageState names a page's state.
func (v *view) PageState(p *Page) string {
	switch {
	case p.Draft:
		return v.T("state_draft")
	case p.State == "translated":
		return v.T("state_translated")
	case p.State == "stale":
		return v.T("state_stale")
	}
	return v.T("state_missing")
}

// BlockName names a row: "Paragraph 7", "Heading · #the-secret-agreement".
func (v *view) BlockName(b Block) string {
	switch {
	case strings.HasPrefix(b.Anchor, "meta."):
		// "cite.addressee" is the field addressee in the table cite.
		if key := b.Name[strings.LastIndex(b.Name, ".")+1:]; v.Has("kind_" + key) {
			return v.T("kind_" + key)
		}
		return v.T("kind_field") + " · " + b.Name
	case b.Kind == translation.KindParagraph:
		if n, ok := markdown.ParagraphNumber(b.Name); ok {
			name := v.T("kind_numbered", "N", n)
			if b.Fragment == b.Name {
				name += " · #" + b.Name // a numbered paragraph's own anchor
			}
			return name
		}
	}
	name := v.T("kind_block") + " · " + string(b.Kind) // a kind added since
	if v.Has("kind_" + string(b.Kind)) {
		name = v.T("kind_" + string(b.Kind))
	}
	if b.Kind == translation.KindString {
		return name + " · " + b.Name
	}
	if b.Name != "" {
		name += " · #" + b.Name
	}
	return name
}

// Diff is the word diff of a block's original change, for showing: the
// spaces at either end of a deleted or inserted run are shown outside its
// mark, so that a mark underlines or strikes words, not the gaps between
// them.
func (v *view) Diff(old, new string) []Span {
	var out []Span
	for _, s := range WordDiff(old, new) {
		core := strings.TrimSpace(s.Text)
		if s.Op == Equal || core == "" {
			out = append(out, s)
			continue
		}
		lead := s.Text[:strings.Index(s.Text, core)]
		trail := s.Text[len(lead)+len(core):]
		if lead != "" {
			out = append(out, Span{Equal, lead})
		}
		out = append(out, Span{s.Op, core})
		if trail != "" {
			out = append(out, Span{Equal, trail})
		}
	}
	return out
}

// fileLink is a file:line, with the editor's link when there is one.
type fileLink struct {
	Text  string
	Href  template.URL
	Title string
}

// FileLink links to p in the editor.
func (v *view) FileLink(p Pos) fileLink {
	text := p.File
	if p.Line > 0 {
		text += ":" + strconv.Itoa(p.Line)
	}
	return fileLink{Text: text, Href: v.ed.Link(p)}
}

// TargetLink links to where row i is in the translation; a missing
// block is placed after the row before it that the translation has.
func (v *view) TargetLink(i int) fileLink {
	bs := v.Page.Blocks
	p := bs[i].Target
	if p.File == "" {
		p.File = v.Page.File
	}
	for j := i - 1; p.Line == 0 && j >= 0; j-- {
		if bs[j].Target.Line > 0 {
			p.Line = bs[j].Target.Line
		}
	}
	return v.FileLink(p)
}

// taskDetail is a task's detail and the language it is in.
type taskDetail struct{ Lang, Text string }

// TaskDetail says what a task asks, in the workbench's language when the
// translator tools speak it, else in English.
func (v *view) TaskDetail(t Task) taskDetail {
	if t.Say == nil || !words.SpeaksTool(v.UI) {
		return taskDetail{"en", t.Detail}
	}
	return taskDetail{v.UI, t.Say(status.NewPrinter(v.UI))}
}

// GlossaryPos is where the glossary agrees on a term.
func (v *view) GlossaryPos(t Term) Pos { return Pos{File: GlossaryFile, Line: t.Line} }

// GlossaryCount is the number of rows with glossary misses.
func (v *view) GlossaryCount() int {
	n := 0
	for _, b := range v.Page.Blocks {
		if len(b.Glossary) > 0 {
			n++
		}
	}
	return n
}
