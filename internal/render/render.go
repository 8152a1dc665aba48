package render

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"cecot/internal/assets"
	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/images"
	"cecot/internal/locale"
	"cecot/internal/markdown"
)

// Inputs are the loaded project that a Renderer renders from, except
// its content: each Pass names the content it renders, since watch mode
// replaces it while the rest stays.
type Inputs struct {
	Config   *config.Config
	Locales  *locale.Locales
	Assets   *assets.Set
	Markdown *markdown.Converter
	// Images are the site's images; nil leaves images in Markdown as
	// they are written.
	Images *images.Set
}

// Renderer holds what every render of one loaded project reads and none
// changes: the layouts, parsed per language, and the inputs. It is made
// once per load and is safe for concurrent use; what varies between
// renders goes in a Pass (the content, the shared fragments) and in each
// output's own job (the pages it read), which are passed explicitly.
type Renderer struct {
	cfg         *config.Config
	assets      *assets.Set
	md          *markdown.Converter
	images      *images.Set
	tmpl        *templates
	fsys        fs.FS // the project, for the bodies a build leaves on disk
	translators map[string]*locale.Translator
	// Sinks that many passes' renders add to, each safe for concurrent
	// use.
	warnings *warnings      // problems renders found but did not stop for
	colors   *shareColors   // the share images' colours, read once
	cards    *sync.Map      // share.Card → cardFacts, until the page is rendered
	compact  *compactCounts // pages written compact, and fallbacks
}

// New parses the layouts in fsys for in. Without in.Locales, as when they
// failed to load, the layouts are only checked: the Renderer cannot
// render.
func New(fsys fs.FS, in Inputs) (*Renderer, error) {
	r := &Renderer{
		cfg: in.Config, assets: in.Assets, md: in.Markdown, images: in.Images, fsys: fsys,
		colors: &shareColors{}, cards: &sync.Map{}, compact: &compactCounts{}, translators: map[string]*locale.Translator{},
		warnings: &warnings{byFile: map[string][]*diag.Error{}},
	}
	langs := in.Config.Codes()
	funcs := map[string]template.FuncMap{}
	for _, lang := range langs {
		var tr *locale.Translator // parsing only needs the functions' names
		if in.Locales != nil {
			tr = in.Locales.Translator(lang)
		}
		r.translators[lang] = tr
		funcs[lang] = r.funcs(tr)
	}
	t, err := loadTemplates(fsys, langs, funcs)
	if err != nil {
		return nil, err
	}
	r.tmpl = t
	return r, nil
}

// A Pass is one batch of renders over one version of the content: a
// build, or watch mode's rebuild of what a change affects. Its shared
// fragments are valid only for that content, so a new version of the
// content takes a new Pass. A Pass is safe for concurrent use.
type Pass struct {
	r       *Renderer
	content *content.Tree
	frags   *fragments // shared fragments, or nil
	// converted, when set, is told of every page's Markdown that the
	// pass converts for the page itself.
	converted func(*content.Page, *markdown.Result)
	// headingIDs keeps, for each default-language page the pass has
	// converted and a translation is composed beside (composedFrom),
	// the IDs of its top-level headings (a []string), which
	// its translations' headings answer to too: a translation rendered
	// after its original need not outline the original again.
	headingIDs sync.Map
	// sources keeps, for each language, the document that site.toml's
	// source page describes (a *sourceDoc), which the JSON-LD of every
	// page without a [params.cite] names.
	sources sync.Map
}

// PassOptions say how a Pass renders.
type PassOptions struct {
	// Share renders each shared fragment once for all the pages it
	// serves (see FragmentView): for many outputs at once.
	Share bool
	// Renders, with Share, are the pages that the pass is to render
	// with their layouts (Page, PageMinified, Standalone,
	// StandaloneMinified), a page once for each render: a folder's
	// shared fragments are let go once the last of its pages is
	// rendered, and what the pass holds does not grow with the site.
	// Without them it holds every fragment to the end.
	Renders []*content.Page
	// Converted, when set, is called with the converted Markdown of
	// every page the pass renders (Page, PageMinified), so that a
	// caller that needs the counts need not convert the page again. It
	// may be called from many goroutines at once, and must not keep the
	// Result's HTML: PageMinified makes the next page's body in its
	// memory (markdown.Result.Release).
	Converted func(*content.Page, *markdown.Result)
}

// NewPass starts a batch of renders of c.
func (r *Renderer) NewPass(c *content.Tree, o PassOptions) *Pass {
	p := &Pass{r: r, content: c, converted: o.Converted}
	if o.Share {
		p.frags = newFragments(o.Renders)
	}
	return p
}

// done ends a render of page p with its layout: its folder's shared
// fragments are let go after the folder's last (fragments.done), and
// the facts of its share card at once (forgetCard).
func (ps *Pass) done(p *content.Page) {
	ps.frags.done(p)
	ps.r.forgetCard(p)
}

// job is the render of one output in a pass. It records in deps (when
// not nil) every page the render read: every PageView is made by its
// view method, which records the page, so that methods added to
// PageView are tracked as long as they make their views that way. A job
// belongs to one goroutine.
type job struct {
	pass *Pass
	deps Deps
	// min, while a page is rendered to be minified, makes shared
	// fragments marks whose minified fragments splices holds (minfrag.go).
	min     Minify
	splices []fragSplice
	// fills holds the fragments of splices filled in for the page, one
	// after another, in a buffer of the pool while the page is made.
	fills []byte
	// body is the buffer of the pool that a compact body is written in
	// (markdown.Page.Into) until the page is made (releaseBody).
	body *[]byte
}

func (p *Pass) job(deps Deps) *job { return &job{pass: p, deps: deps} }

func (r *Renderer) funcs(tr *locale.Translator) template.FuncMap {
	return template.FuncMap{
		"T": tr.T,
		// date shows a date in the page's language. A date given
		// only to the month shows as a month whatever style a
		// layout asks for: no day is ever invented.
		"date": func(d content.Date, style string) (string, error) {
			if d.MonthOnly && style == "long" {
				style = "month"
			}
			return tr.Date(d.Time, style)
		},
		"inlineCSS": func(name string) (template.CSS, error) {
			a, err := r.assets.Lookup(name)
			if err != nil {
				return "", err
			}
			return template.CSS(a.Data), nil
		},
		"dataURL": r.dataURL,
		"add":     func(a, b int) int { return a + b },
		"shared":  r.sharedFunc,
	}
}

// dataURL returns an asset as a data: URL, for the single-file edition,
// which must not make a second request even for its icon.
func (r *Renderer) dataURL(name string) (template.URL, error) {
	a, err := r.assets.Lookup(name)
	if err != nil {
		return "", err
	}
	return template.URL("data:" + a.MediaType + ";base64," + base64.StdEncoding.EncodeToString(a.Data)), nil
}

// Layout returns the layout that renders p: its front matter's, or the
// one for its kind.
func Layout(p *content.Page) string {
	if p.Layout != "" {
		return p.Layout
	}
	return p.Kind.String()
}

// Page renders p with its layout, recording in deps (unless nil) the
// pages the render read. It also returns p's converted Markdown, whose
// counts the site checks compare between translations.
func (ps *Pass) Page(p *content.Page, deps Deps) ([]byte, *markdown.Result, error) {
	defer ps.done(p)
	j := ps.job(deps)
	j.read(p)
	md, err := j.convert(p, false)
	if err != nil {
		return nil, nil, err
	}
	if ps.converted != nil {
		ps.converted(p, md)
	}
	out, err := j.execute(p, Layout(p), j.viewWith(p, md))
	return out, md, err
}

// Standalone renders the single-file edition of p, which has its
// styles inlined and loads nothing else, for reading offline.
func (ps *Pass) Standalone(p *content.Page, deps Deps) ([]byte, error) {
	defer ps.done(p)
	j := ps.job(deps)
	j.read(p)
	md, err := j.convert(p, true)
	if err != nil {
		return nil, err
	}
	return j.execute(p, "standalone", j.viewWith(p, md))
}

// The layouts of the pages that have no Markdown source: the language
// chooser at the site root and the 404 page there, which speaks every
// language. Each is made only when the layouts have it.
const (
	RootLayout         = "root"
	RootNotFoundLayout = "404-root"
)

// A SpecialPage is a page without Markdown that a layout makes alone.
type SpecialPage struct {
	Layout string // RootLayout or RootNotFoundLayout
	URL    string // "/", "/404.html"
	Out    string // the file: "index.html", "404.html"
}

// SpecialPages are the pages without Markdown that the layouts make:
// the language chooser at "/" if there is a root layout, and the root
// 404 page if there is a 404-root layout.
func (r *Renderer) SpecialPages() []SpecialPage {
	var ps []SpecialPage
	for _, p := range []SpecialPage{{RootLayout, "/", "index.html"}, {RootNotFoundLayout, "/404.html", "404.html"}} {
		if r.HasLayout(p.Layout) {
			ps = append(ps, p)
		}
	}
	return ps
}

// HasRoot reports whether the site has a language chooser at its root.
func (r *Renderer) HasRoot() bool { return r.HasLayout(RootLayout) }

// Special renders a page that has no Markdown source, such as the
// language chooser at the site root: layout at url, in the default
// language.
func (ps *Pass) Special(layout, url string, deps Deps) ([]byte, error) {
	j := ps.job(deps)
	p := &content.Page{Lang: ps.r.cfg.DefaultLanguage, Key: layout, File: path.Join(config.LayoutsDir, layout+".html"), URL: url}
	return j.execute(p, layout, j.view(p))
}

// HasLayout reports whether the layouts include name.
func (r *Renderer) HasLayout(name string) bool {
	_, ok := r.tmpl.lookup(r.cfg.DefaultLanguage, name)
	return ok
}

func (j *job) execute(p *content.Page, layout string, v *PageView) ([]byte, error) {
	var buf bytes.Buffer
	// The layout around the content, in one allocation.
	buf.Grow(len(v.Content) + 16<<10)
	if err := j.executeTo(&buf, p, layout, v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// executeTo is execute, writing into buf.
func (j *job) executeTo(buf *bytes.Buffer, p *content.Page, layout string, v *PageView) error {
	set, ok := j.pass.r.tmpl.lookup(p.Lang, layout)
	if !ok {
		q, file := fmt.Sprintf("%q", layout), config.LayoutsDir+"/"+layout+".html"
		return diag.At(p.File, p.Line("layout"), "layout_missing", "no layout "+q+"; add "+file+" or fix the layout key", "Layout", q, "File", file)
	}
	if err := set.ExecuteTemplate(buf, layout+".html", v); err != nil {
		return &ExecError{Err: templateError(err), Page: p.File}
	}
	return nil
}

// ExecError is a layout that failed while it rendered a page. The same
// mistake in a layout fails for many pages; the build reports it once.
type ExecError struct {
	Err  error  // located in the layout: "layouts/page.html:3: ..."
	Page string // the page being rendered: "content/es/informe.md"
	// Others counts the other pages it failed for, when they are
	// reported together.
	Others int
}

// Error returns the layout's error and the page it failed for.
func (e *ExecError) Error() string {
	switch e.Others {
	case 0:
		return fmt.Sprintf("%v (rendering %s)", e.Err, e.Page)
	case 1:
		return fmt.Sprintf("%v (rendering %s and 1 other page)", e.Err, e.Page)
	}
	return fmt.Sprintf("%v (rendering %s and %d other pages)", e.Err, e.Page, e.Others)
}

// Unwrap returns the located layout error.
func (e *ExecError) Unwrap() error { return e.Err }

// Said is the error as a message at the layout's file and line, for the
// message catalogue (diag.Sayer).
func (e *ExecError) Said() error {
	located := &diag.Error{Err: e.Err}
	var d *diag.Error
	if errors.As(e.Err, &d) && d.Error() == e.Err.Error() {
		located = &diag.Error{Path: d.Path, Line: d.Line, Err: d.Err}
	}
	id := "layout_rendering"
	switch {
	case e.Others == 1:
		id = "layout_rendering_one_more"
	case e.Others > 1:
		id = "layout_rendering_more"
	}
	english := strings.TrimPrefix(e.Error(), strings.TrimSuffix(located.Error(), located.Err.Error()))
	located.Err = diag.Say(id, english, "Err", located.Err, "Page", e.Page, "Others", e.Others)
	return located
}

// convert converts p's Markdown, resolving links to other pages of its
// language: relative to p, or absolute for a file that is read away
// from the site.
func (j *job) convert(p *content.Page, absolute bool) (*markdown.Result, error) {
	return j.convertWith(p, absolute, false)
}

// convertWith is convert, with the body compact (markdown.Page.Compact)
// if compact.
func (j *job) convertWith(p *content.Page, absolute, compact bool) (*markdown.Result, error) {
	r := j.pass.r
	v := j.view(p)
	link := v.Rel
	switch {
	case absolute && r.cfg.BaseURL != "":
		link = v.Abs
	case absolute:
		// Without a base URL, links start from where the file is.
		from := p.StandaloneURL()
		link = func(target string) string { return content.RelURL(from, target) }
	}
	var resolveImage func(string) (*markdown.Picture, error)
	if r.images != nil {
		resolveImage = func(dest string) (*markdown.Picture, error) {
			img, err := r.images.Resolve(p.File, p.Lang, dest)
			if err != nil {
				return nil, err
			}
			if absolute && img.Inline != nil {
				// The single-file edition loads nothing else.
				in := img.Inline
				return &markdown.Picture{Src: "data:" + in.MediaType + ";base64," + base64.StdEncoding.EncodeToString(in.Data), Width: in.Width, Height: in.Height}, nil
			}
			return picture(img, link), nil
		}
	}
	label, err := r.paragraphLabel(p)
	if err != nil {
		return nil, err
	}
	// The body is read into a buffer of the pool: nothing of the
	// result shares it (goldmark's and the compact writer's HTML, the
	// headings' text and IDs are copies).
	src := layoutBufs.Get().(*bytes.Buffer)
	defer putLayoutBuf(src)
	body, err := content.ReadBodyIn(src, r.fsys, p)
	if err != nil {
		return nil, err
	}
	body, untranslated, at, err := j.composeTranslation(p, body)
	if err != nil {
		return nil, err
	}
	var into []byte
	if compact {
		j.body = minBufs.Get().(*[]byte)
		into = *j.body
	}
	md, err := r.md.Convert(body, markdown.Page{
		File:           p.File,
		Numbered:       p.Numbered,
		ParagraphLabel: label,
		Reserved:       r.tmpl.ids,
		ResolveLink: func(dest string) (string, error) {
			if name, ok := strings.CutPrefix(dest, "/"+assets.Dir+"/"); ok {
				return r.assetLink(name, link)
			}
			if strings.HasPrefix(dest, "/") {
				return link(dest), nil
			}
			target, frag, err := j.resolve(p, dest)
			if err != nil {
				return "", err
			}
			if frag != "" {
				target = j.fragmentTarget(p, target, frag)
				frag = "#" + frag
			}
			return link(target.URL) + frag, nil
		},
		ResolveImage:   resolveImage,
		Compact:        compact,
		Into:           into,
		Untranslated:   untranslated,
		HeadingAliases: at.headingAliases(),
	})
	at.relocateAll(err)
	if err == nil && p.Lang == r.cfg.DefaultLanguage && untranslated == nil && at == nil && j.pass.composedFrom(p) {
		// Converted as markdown.Result.HeadingIDs asks.
		j.pass.headingIDs.Store(p, md.HeadingIDs)
	}
	if err == nil {
		for _, w := range md.Warnings {
			at.relocate(w)
		}
		r.warnings.set(p.File, md.Warnings)
	}
	return md, err
}

// picture says how a page shows img, with link making its files' URLs.
func picture(img *images.Image, link func(string) string) *markdown.Picture {
	// File names may have spaces, which would split a srcset entry.
	link = func(link func(string) string) func(string) string {
		return func(p string) string { return link((&url.URL{Path: p}).EscapedPath()) }
	}(link)
	pic := &markdown.Picture{Src: link("/" + img.Out), Width: img.Width, Height: img.Height}
	if len(img.Sizes) == 0 {
		return pic
	}
	// The widest size is the one src loads: its size is the image's.
	widest := img.Sizes[len(img.Sizes)-1]
	pic.Width, pic.Height = widest.Width, widest.Height
	var fallback, webp []string
	for _, s := range img.Sizes {
		w := " " + strconv.Itoa(s.Width) + "w"
		fallback = append(fallback, link("/"+s.Fallback)+w)
		webp = append(webp, link("/"+s.WebP)+w)
	}
	pic.Srcset, pic.WebP, pic.Sizes = strings.Join(fallback, ", "), strings.Join(webp, ", "), images.Sizes
	return pic
}

// composedFrom reports whether a translation of p, a default-language
// page, is shown block by block beside it (see composeTranslation),
// which asks for p's heading IDs. Only then are they kept: kept for
// every page, they were 100 bytes and 3 objects of each page in the
// heap until the end of a build, mostly never read.
func (ps *Pass) composedFrom(p *content.Page) bool {
	for _, lang := range ps.content.Languages {
		t := ps.content.Page(lang, p.Key)
		if t != nil && t != p && composes(t, p) {
			return true
		}
	}
	return false
}

// warnings collects the problems that renders found but that do not stop
// a build, by the Markdown file they are in. A file's conversion replaces
// its warnings, so that watch mode forgets those fixed since; a page
// converted again for its single-file edition or for the stand-ins that
// show it finds the same ones.
type warnings struct {
	mu     sync.Mutex
	byFile map[string][]*diag.Error
}

func (w *warnings) set(file string, ws []*diag.Error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(ws) == 0 {
		delete(w.byFile, file)
		return
	}
	w.byFile[file] = ws
}

// Warnings returns the problems that renders so far found but did not
// stop for, like images without alt text, ordered by file and line.
func (r *Renderer) Warnings() []*diag.Error {
	r.warnings.mu.Lock()
	defer r.warnings.mu.Unlock()
	var ws []*diag.Error
	for _, fw := range r.warnings.byFile {
		ws = append(ws, fw...)
	}
	diag.SortErrors(ws)
	return ws
}

// WarningsFor returns what the last conversion of the Markdown file found
// but did not stop for.
func (r *Renderer) WarningsFor(file string) []*diag.Error {
	r.warnings.mu.Lock()
	defer r.warnings.mu.Unlock()
	return slices.Clone(r.warnings.byFile[file])
}

// paragraphLabel returns the accessible names of a numbered page's
// paragraph links ("Paragraph 7", "Párrafo 7"), from the message
// paragraph_label of the language the text is in: a stand-in for a
// missing translation shows the default language's text, and its numbers
// are read in that language. Pages without numbers need no label.
func (r *Renderer) paragraphLabel(p *content.Page) (func(int) string, error) {
	if !p.Numbered {
		return nil, nil
	}
	lang := p.Lang
	if p.Untranslated {
		lang = r.cfg.DefaultLanguage
	}
	tr := r.translators[lang]
	if _, err := tr.T(locale.ParagraphLabel, map[string]any{"Number": 1}); err != nil {
		// Only a message missing from the default language fails: a
		// language without it falls back to the default's, with a
		// warning from locale.Load.
		return nil, diag.At(locale.File(r.cfg.DefaultLanguage), 0, "strings_paragraph_label",
			fmt.Sprintf("no message %s, which names each numbered paragraph's link for screen readers; add a line like %s = \"Paragraph {{.Number}}\"", locale.ParagraphLabel, locale.ParagraphLabel), "ID", locale.ParagraphLabel)
	}
	return func(n int) string {
		s, _ := tr.T(locale.ParagraphLabel, map[string]any{"Number": n}) // checked above
		return s
	}, nil
}

// assetLink returns the link to an asset, named by its path under
// assets/ (with an optional #fragment), at its published name.
func (r *Renderer) assetLink(name string, link func(string) string) (string, error) {
	name, frag, hasFrag := strings.Cut(name, "#")
	a, err := r.assets.Lookup(name)
	if err != nil {
		return "", err
	}
	if hasFrag {
		frag = "#" + frag
	}
	return link("/"+a.Out) + frag, nil
}

// fragmentTarget is the page that a link from p to a section of target
// leads to. A stand-in shows the default language's text, whose links
// name sections by the default language's heading IDs; the translated
// target has other IDs, so such a link goes to the original, where the
// section exists. Numbered paragraphs (#p12) are the same in every
// language and stay in the reader's language.
func (j *job) fragmentTarget(p, target *content.Page, frag string) *content.Page {
	if !p.Untranslated || target.Untranslated || isParagraphID(frag) {
		return target
	}
	orig := j.pass.content.Page(j.pass.r.cfg.DefaultLanguage, target.Key)
	if orig == nil {
		return target
	}
	j.read(orig)
	return orig
}

// isParagraphID reports whether id names a numbered paragraph: "p12".
func isParagraphID(id string) bool {
	_, ok := markdown.ParagraphNumber(id)
	return ok
}

// resolve finds the page a Markdown link names, relative to p's file.
func (j *job) resolve(p *content.Page, dest string) (*content.Page, string, error) {
	file, frag, _ := strings.Cut(dest, "#")
	key := strings.TrimSuffix(path.Clean(path.Join(p.Dir(), file)), ".md")
	if strings.HasPrefix(key, "../") || key == ".." || strings.HasPrefix(file, "/") {
		dir := config.ContentDir + "/" + p.Lang + "/"
		return nil, "", diag.Say("link_outside", "leads outside "+dir+"; link to a page of the same language", "Dir", dir)
	}
	target := j.pass.content.Page(p.Lang, key)
	if target == nil {
		file := content.ID{Lang: p.Lang, Key: key}.File()
		return nil, "", diag.Say("link_no_page", "no page "+file, "File", file)
	}
	j.read(target)
	return target, frag, nil
}
