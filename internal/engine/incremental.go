package engine

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"cecot/internal/assets"
	"cecot/internal/bounded"
	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/locale"
	"cecot/internal/render"
)

// Incremental holds a loaded site with its rendered outputs and rebuilds what
// a batch of changed files affects. Only one goroutine uses it at a time.
//
// An edited page is parsed again and put in place of the old one; if
// nothing that other pages read of it changed (its content.MetaKey:
// title, URL, weight and so on, everything but its body), only its own
// outputs are rendered again.
// Otherwise the outputs that read it are rendered too: each render
// records the pages it read (render.Deps), and readers is the reverse
// index. Pages added, removed or moved make the content be assembled
// again from the parsed files, without reading the others, and the old
// and new pages are compared to find what changed. Layouts, interface
// strings, assets and site.toml make a full load and render.
type Incremental struct {
	fsys fs.FS
	opts Options

	site      *Site                    // the last site that loaded; nil before
	sources   map[string]*content.Page // parsed pages by file, before assembly
	parseErrs map[string]error         // files that do not parse
	assembly  error                    // why the content could not be assembled
	loadErr   error                    // why the project could not be loaded
	warnings  []*diag.Error            // of the last rebuild, for the terminal

	outputs map[string]*kept               // by name
	byPage  map[content.ID][]string        // names of each page's outputs
	readers map[content.ID]map[string]bool // names of the outputs that read each page
	failed  map[string]error               // outputs whose last render failed
	special map[string]output              // outputs of no page: the root, assets, sitemap.xml
	styles  map[string][]string            // inline style hashes of HTML outputs, for _headers
	restyle bool                           // styles changed since _headers was made
}

// kept is a rendered file of the served site, with what its render read.
type kept struct {
	data []byte      // nil if it never rendered
	deps render.Deps // the pages its render read
	page content.ID  // the page it shows; zero for other files
}

// Change is what a rebuild did to the site.
type Change struct {
	Files    map[string][]byte // new or changed files, by name in the site
	Removed  []string          // files the site no longer has
	Rendered int               // outputs rendered
	Full     bool              // the whole project was loaded again
}

func NewIncremental(fsys fs.FS, opts Options) *Incremental {
	return &Incremental{fsys: fsys, opts: opts, outputs: map[string]*kept{}, readers: map[content.ID]map[string]bool{},
		byPage: map[content.ID][]string{}, failed: map[string]error{}, parseErrs: map[string]error{}, styles: map[string][]string{}}
}

// Rebuild brings the site up to date after the files at paths changed
// (slash-separated, relative to the project; none means everything) and
// says what changed in it. Changes to content only are rebuilt
// incrementally; anything else loads the whole project again.
func (e *Incremental) Rebuild(ctx context.Context, paths []string) *Change {
	if Unread(paths) {
		// Only files no build reads changed (the PO files a desk save
		// keeps in step): the site is as it was.
		return &Change{}
	}
	e.warnings = nil
	ch, ok := (*Change)(nil), false
	if len(paths) > 0 && onlyContent(paths) {
		ch, ok = e.update(ctx, paths)
	}
	if !ok {
		ch = e.load(ctx)
	}
	if ch.Files != nil {
		e.headers(ch)
	}
	return ch
}

// Unread reports whether paths, files that changed, are all files no
// build reads: files in a subfolder of locales/, where the build reads
// only locales/<lang>.toml (the translators' PO files are in
// locales/po/, and the translation desk keeps them in step as it saves).
// Their change leaves the site as it was.
func Unread(paths []string) bool {
	if len(paths) == 0 {
		return false
	}
	for _, p := range paths {
		rest, ok := strings.CutPrefix(p, locale.Dir+"/")
		if !ok || !strings.Contains(rest, "/") {
			return false
		}
	}
	return true
}

// onlyContent reports whether every path is under content/, which an
// incremental rebuild handles.
func onlyContent(paths []string) bool {
	for _, p := range paths {
		if p != config.ContentDir && !strings.HasPrefix(p, config.ContentDir+"/") {
			return false
		}
		// An image beside a page is checked and resized by a full
		// load; its encoded sizes come from the cache.
		if assets.IsImage(p) {
			return false
		}
	}
	return true
}

// Site is the last site that loaded, with the content as the last
// rebuild left it; nil if none ever loaded.
func (e *Incremental) Site() *Site { return e.site }

// Loaded reports whether the last rebuild could load the project (its
// configuration, interface strings, assets and layouts), so that Site is
// the project as it is now.
func (e *Incremental) Loaded() bool { return e.site != nil && e.loadErr == nil }

// Files is the number of files the site has.
func (e *Incremental) Files() int { return len(e.outputs) }

// Warnings are the problems that did not stop the last rebuild.
func (e *Incremental) Warnings() []*diag.Error { return e.warnings }

// Err returns every problem that the site has now, as a diag.List, or
// the error that stopped the project from loading; nil if none.
func (e *Incremental) Err() error { return e.errors() }

// errors returns every problem that the served site has now.
func (e *Incremental) errors() error {
	if e.loadErr != nil {
		return e.loadErr
	}
	var list diag.List
	for _, err := range e.parseErrs {
		list.Add(err)
	}
	list.Add(e.assembly)
	failed := make([]error, 0, len(e.failed))
	for _, name := range slices.Sorted(maps.Keys(e.failed)) {
		failed = append(failed, e.failed[name])
	}
	list.Add(layoutErrorsOnce(failed).Err())
	return list.Err()
}

// load loads and renders the whole project.
func (e *Incremental) load(ctx context.Context) *Change {
	site, err := Load(e.fsys, e.opts)
	if err != nil {
		e.loadErr = err
		return &Change{Full: true}
	}
	e.loadErr, e.assembly = nil, nil
	e.parseErrs = map[string]error{}
	e.site = site
	e.warnings = site.Warnings
	e.sources = map[string]*content.Page{}
	for _, p := range site.Content.Pages {
		if !p.Untranslated {
			c := *p
			e.sources[p.File] = &c
		}
	}
	outs := site.outputs()
	e.special = map[string]output{}
	for _, o := range outs {
		if o.Page == nil {
			e.special[o.Name] = o
		}
	}
	ch := e.render(ctx, outs)
	ch.Full = true
	e.restyle = true
	// Files that the new site no longer has.
	keep := map[string]bool{headersName: true} // made after the others
	for _, o := range outs {
		keep[o.Name] = true
	}
	for name := range e.outputs {
		if !keep[name] {
			e.remove(name)
			ch.Removed = append(ch.Removed, name)
		}
	}
	return ch
}

// render makes outs and files the results.
func (e *Incremental) render(ctx context.Context, outs []output) *Change {
	ch := &Change{Files: map[string][]byte{}, Rendered: len(outs)}
	res := e.site.makeAll(ctx, outs)
	if ctx.Err() != nil {
		return ch
	}
	warned := map[string]bool{}
	for i, o := range outs {
		var id content.ID
		if o.Page != nil {
			id = o.Page.ID()
			// What the render found but did not stop for, like
			// images without alt text, once per file.
			if !warned[o.Page.File] {
				warned[o.Page.File] = true
				e.warnings = append(e.warnings, e.site.Renderer.WarningsFor(o.Page.File)...)
			}
		}
		old := e.outputs[o.Name]
		if res[i].Err != nil {
			e.failed[o.Name] = res[i].Err
			if old == nil {
				e.file(o.Name, &kept{page: id})
			}
			continue
		}
		delete(e.failed, o.Name)
		if old == nil || !bytes.Equal(old.data, res[i].Data) {
			ch.Files[o.Name] = res[i].Data
			e.setStyles(o.Name, inlineStyles(o.Name, res[i].Data))
		}
		e.file(o.Name, &kept{data: res[i].Data, deps: res[i].Deps, page: id})
	}
	return ch
}

// file records out as the output called name, replacing the old one in
// the indexes.
func (e *Incremental) file(name string, out *kept) {
	if old := e.outputs[name]; old != nil {
		e.unindex(name, old)
	}
	e.outputs[name] = out
	for id := range out.deps {
		if e.readers[id] == nil {
			e.readers[id] = map[string]bool{}
		}
		e.readers[id][name] = true
	}
	if out.page != (content.ID{}) {
		e.byPage[out.page] = append(e.byPage[out.page], name)
	}
}

func (e *Incremental) unindex(name string, old *kept) {
	for id := range old.deps {
		delete(e.readers[id], name)
		if len(e.readers[id]) == 0 {
			delete(e.readers, id)
		}
	}
	if old.page != (content.ID{}) {
		names := e.byPage[old.page]
		for i, n := range names {
			if n == name {
				names = append(names[:i:i], names[i+1:]...)
				break
			}
		}
		if len(names) == 0 {
			delete(e.byPage, old.page)
		} else {
			e.byPage[old.page] = names
		}
	}
}

func (e *Incremental) remove(name string) {
	if old := e.outputs[name]; old != nil {
		e.unindex(name, old)
	}
	e.setStyles(name, nil)
	delete(e.outputs, name)
	delete(e.failed, name)
}

// setStyles records the inline styles of an output.
func (e *Incremental) setStyles(name string, hashes []string) {
	if slices.Equal(e.styles[name], hashes) {
		return
	}
	if len(hashes) == 0 {
		delete(e.styles, name)
	} else {
		e.styles[name] = hashes
	}
	e.restyle = true
}

// headers makes _headers again if the inline styles it lists changed.
func (e *Incremental) headers(ch *Change) {
	if !e.restyle || e.site == nil {
		return
	}
	data, err := e.site.makeHeaders(e.styles)
	if err != nil {
		e.failed[headersName] = err
		return
	}
	delete(e.failed, headersName)
	e.restyle = false
	if old := e.outputs[headersName]; old == nil || !bytes.Equal(old.data, data) {
		ch.Files[headersName] = data
		e.file(headersName, &kept{data: data})
	}
}

// update rebuilds after the Markdown files under paths changed. It
// reports false when only a full load can tell what changed.
func (e *Incremental) update(ctx context.Context, paths []string) (*Change, bool) {
	if e.site == nil || e.loadErr != nil {
		return nil, false
	}
	files := e.expand(paths)
	parsed := map[string]*content.Page{}
	var removed []string
	for _, f := range files {
		id, ok := content.FileID(f)
		if !ok || e.site.Config.Language(id.Lang) == nil {
			return nil, false // a misplaced file: the full load explains
		}
		src, err := bounded.ReadFile(e.fsys, f)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			delete(e.parseErrs, f)
			if e.sources[f] != nil {
				delete(e.sources, f)
				removed = append(removed, f)
			}
			continue
		case err != nil:
			e.parseErrs[f] = diag.CannotRead(f, err)
			continue
		}
		p, warns, err := content.Parse(id, src)
		e.warnings = append(e.warnings, warns...)
		if err != nil {
			e.parseErrs[f] = err // the last good version stays
			continue
		}
		if err := e.site.Renderer.CheckPage(p); err != nil {
			e.parseErrs[f] = err // as a build would refuse it
			continue
		}
		if w := e.site.Renderer.ShareWarning(p); w != nil {
			e.warnings = append(e.warnings, w)
		}
		delete(e.parseErrs, f)
		e.sources[f] = p
		parsed[f] = p
	}
	var d delta
	if len(removed) > 0 || e.assembly != nil || !e.fits(parsed) {
		if !e.assemble(&d) {
			return &Change{Files: map[string][]byte{}}, true
		}
	} else {
		e.replace(parsed, &d)
	}
	outs, gone := e.affected(&d)
	ch := e.render(ctx, outs)
	for _, name := range gone {
		e.remove(name)
		ch.Removed = append(ch.Removed, name)
	}
	return ch, true
}

// expand turns changed paths into the Markdown files they may concern:
// a folder that was created, removed or renamed stands for the files
// that were and are in it.
func (e *Incremental) expand(paths []string) []string {
	seen := map[string]bool{}
	var files []string
	addFile := func(f string) {
		if !seen[f] {
			seen[f] = true
			files = append(files, f)
		}
	}
	for _, p := range paths {
		if strings.HasSuffix(p, ".md") {
			addFile(p)
			continue
		}
		for f := range e.sources {
			if strings.HasPrefix(f, p+"/") {
				addFile(f)
			}
		}
		for f := range e.parseErrs {
			if strings.HasPrefix(f, p+"/") {
				addFile(f)
			}
		}
		_ = fs.WalkDir(e.fsys, p, func(f string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return nil // gone: what it held is handled above
			case f != p && strings.HasPrefix(d.Name(), "."):
				if d.IsDir() {
					return fs.SkipDir
				}
			case !d.IsDir() && path.Ext(f) == ".md":
				addFile(f)
			}
			return nil
		})
	}
	return files
}

// delta is what changed in the content: pages whose own outputs must be
// rendered again, and pages whose readers must.
type delta struct {
	own  map[content.ID]bool
	read map[content.ID]bool
}

func (d *delta) ownPage(id content.ID) {
	if d.own == nil {
		d.own = map[content.ID]bool{}
	}
	d.own[id] = true
}

func (d *delta) readPage(id content.ID) {
	if d.read == nil {
		d.read = map[content.ID]bool{}
	}
	d.read[id] = true
}

// unpublished reports whether p is a draft that was not published and
// still is not.
func (e *Incremental) unpublished(p *content.Page) bool {
	cur := e.site.Content.Page(p.Lang, p.Key)
	return p.Draft && !e.opts.Drafts && (cur == nil || cur.Untranslated)
}

// fits reports whether every re-parsed page can be put in place (see
// content.Tree.Replace).
func (e *Incremental) fits(parsed map[string]*content.Page) bool {
	for _, p := range parsed {
		if !e.unpublished(p) && !e.site.Content.Fits(p) {
			return false
		}
	}
	return true
}

// replace puts re-parsed pages in place, noting what changed in d.
func (e *Incremental) replace(parsed map[string]*content.Page, d *delta) {
	c := e.site.Content
	for _, p := range parsed {
		if e.unpublished(p) {
			continue
		}
		before := map[string]content.Page{}
		for _, lang := range c.Languages {
			if cur := c.Page(lang, p.Key); cur != nil {
				before[lang] = *cur
			}
		}
		changed, _ := c.Replace(p)
		for _, n := range changed {
			o := before[n.Lang]
			e.compare(&o, n, d)
		}
	}
}

// assemble assembles the content again from the parsed files and
// compares every page with its old version.
func (e *Incremental) assemble(d *delta) bool {
	pages := make([]*content.Page, 0, len(e.sources))
	for _, p := range e.sources {
		c := *p
		pages = append(pages, &c)
	}
	cfg := e.site.Config
	next, err := content.Assemble(pages, content.OptionsFor(cfg, e.opts.Drafts))
	e.assembly = err
	if err != nil {
		return false
	}
	prev := e.site.Content
	// Pages added or moved may take a name that another file of the
	// site has, as a build would refuse.
	e.site.setContent(next)
	err = e.site.checkOutputs()
	e.site.setContent(prev)
	if err != nil {
		e.assembly = err
		return false
	}
	for _, o := range prev.Pages {
		n := next.Page(o.Lang, o.Key)
		if n == nil {
			e.structural(o, next, d)
			continue
		}
		e.compare(o, n, d)
	}
	for _, n := range next.Pages {
		if prev.Page(n.Lang, n.Key) == nil {
			e.structural(n, next, d)
		}
	}
	e.site.setContent(next)
	return true
}

// structural notes a page added or removed: its section's lists, its
// translations' switchers and whatever read it change.
func (e *Incremental) structural(p *content.Page, c *content.Tree, d *delta) {
	d.ownPage(p.ID())
	d.readPage(p.ID())
	d.readPage(content.ID{Lang: p.Lang, Key: p.Parent})
	for _, lang := range c.Languages {
		d.readPage(p.ID().In(lang))
	}
}

// compare notes in d how page n differs from its old version o.
func (e *Incremental) compare(o, n *content.Page, d *delta) {
	id := n.ID()
	switch {
	case o.MetaKey() != n.MetaKey():
		d.ownPage(id)
		d.readPage(id)
	case !bytes.Equal(o.Body, n.Body):
		d.ownPage(id)
		if o.BodyHash != n.BodyHash {
			// Translations compare their TranslatedFrom with the
			// original's BodyHash, which a render may read without
			// making a view of it.
			for _, lang := range e.site.Content.Languages {
				if lang != n.Lang {
					d.ownPage(id.In(lang))
				}
			}
		}
	}
}

// affected lists the outputs that delta d makes stale, and the names of
// outputs that the site no longer has.
func (e *Incremental) affected(d *delta) (outs []output, gone []string) {
	names := map[string]bool{}
	for id := range d.read {
		for name := range e.readers[id] {
			names[name] = true
		}
	}
	for id := range d.own {
		for _, name := range e.byPage[id] {
			names[name] = true
		}
	}
	for name := range e.failed {
		if name != headersName { // made after the others
			names[name] = true
		}
	}
	if len(d.read) > 0 {
		// Files like sitemap.xml read every page's URL, title and date.
		for name, o := range e.special {
			if o.global {
				names[name] = true
			}
		}
	}
	c := e.site.Content
	have := map[string]bool{}
	for id := range d.own {
		if p := c.Page(id.Lang, id.Key); p != nil {
			for _, o := range e.site.pageOutputs(p) {
				have[o.Name] = true
				if !e.made(o) {
					outs = append(outs, o)
				}
			}
		}
	}
	for name := range names {
		if have[name] {
			continue
		}
		if o, ok := e.special[name]; ok {
			outs = append(outs, o)
			continue
		}
		out := e.outputs[name]
		if out == nil {
			continue
		}
		if p := c.Page(out.page.Lang, out.page.Key); p != nil {
			for _, o := range e.site.pageOutputs(p) {
				switch {
				case o.Name == name:
					if !e.made(o) {
						outs = append(outs, o)
					}
					have[name] = true
				case o.fingerprinted && e.outputs[o.Name] == nil && !have[o.Name]:
					// Another page's change renamed this one's
					// image (the chooser's shows every home's
					// title): the old name is gone, make the new.
					outs = append(outs, o)
					have[o.Name] = true
				}
			}
		}
	}
	// Outputs of pages that are gone, or that no longer make them.
	for name := range names {
		if _, special := e.special[name]; !have[name] && !special {
			gone = append(gone, name)
		}
	}
	return outs, gone
}

// made reports whether o need not be made again: its name is a hash of
// its bytes, like a share image's, and it was made under that name. An
// edit that leaves a page's title and description alone leaves its
// share image's name, and so the image, alone.
func (e *Incremental) made(o output) bool {
	out := e.outputs[o.Name]
	return o.fingerprinted && out != nil && out.data != nil && e.failed[o.Name] == nil
}
