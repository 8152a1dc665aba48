// Package engine is the site generator's engine: it turns a project
// folder into a published site. It loads the configuration, content,
// interface strings, assets and layouts, renders every page on all
// cores, minifies the output and writes it so that a failed build never
// touches the last good site. Its incremental twin, Incremental, keeps
// a loaded site and its outputs in memory for watch mode and renders
// again only what a change affects, to the same bytes.
//
// (It is not named "build" because many tools skip folders of that name
// as build output.)
package engine

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"cecot/internal/assets"
	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/images"
	"cecot/internal/locale"
	"cecot/internal/markdown"
	"cecot/internal/parallel"
	"cecot/internal/render"
	"cecot/internal/share"
)

// Options configure a build.
type Options struct {
	BaseURL string // overrides the configuration's base URL when set
	Drafts  bool   // include draft pages
	// Compress writes a gzip and a Brotli copy beside every text file,
	// for servers that send precompressed files.
	Compress bool
	// Images keeps encoded images between builds (cmd/site keeps them in
	// .cache/images/); nil encodes every resized image on every build.
	Images *images.Cache
	// Shares keeps drawn share images between builds (cmd/site keeps
	// them in .cache/share/), so that only those whose inputs changed
	// are drawn again; nil draws every one on every build.
	Shares *share.Cache
	// Record, when set, records what the build reads of the project and
	// writes into the output folder, for the up-to-date check of the
	// next build (see UpToDate.Save). Only Build records.
	Record *UpToDate
}

// Site is a loaded site, ready to render: the project's configuration,
// content, interface strings, assets and images, the Renderer of its
// layouts, and what the build adds.
type Site struct {
	Config *config.Config
	// Content is the site's pages. Watch mode replaces it whole
	// (setContent); each batch of renders names the content it renders
	// (pass), so the Renderer holds none.
	Content *content.Tree
	Locales *locale.Locales
	Assets  *assets.Set
	Images  *images.Set
	// Renderer renders the layouts; it does not change once loaded.
	Renderer *render.Renderer
	// Warnings are problems that did not stop the build, sorted.
	Warnings []*diag.Error
	min      *minifier
	compress bool
	shares   *share.Cache
}

// Load reads a whole project from fsys. Its error is a diag.List of every
// problem found, in configuration, content, interface strings, assets and
// layouts at once.
func Load(fsys fs.FS, opts Options) (*Site, error) {
	s, err := load(fsys, opts, false)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// loadedContent is what content.Load returned.
type loadedContent struct {
	tree  *content.Tree
	warns []*content.Warning
	err   error
}

// load is Load, except that it also returns the site as far as it got,
// so that the warnings found are reported beside the errors.
func load(fsys fs.FS, opts Options, noBodies bool) (*Site, error) {
	s := &Site{min: newMinifier(), compress: opts.Compress, shares: opts.Shares}
	if s.shares == nil {
		s.shares = share.NewCache("")
	}
	cfg, err := config.Load(fsys)
	if err != nil {
		return s, err
	}
	if opts.BaseURL != "" {
		if err := cfg.SetBaseURL(opts.BaseURL); err != nil {
			return s, err
		}
	}
	s.Config = cfg
	// The pages are read and parsed on all cores while the rest is
	// loaded beside them: nothing else needs the pages before
	// checkPages, and walking content/ for them (one core) leaves the
	// other free for the interface strings, images and layouts.
	pages := make(chan loadedContent, 1)
	go func() {
		copts := content.OptionsFor(cfg, opts.Drafts)
		copts.NoBodies = noBodies
		var c loadedContent
		c.tree, c.warns, c.err = content.Load(fsys, copts)
		pages <- c
	}()
	locs, lwarns, lerr := locale.Load(fsys, cfg.Codes(), cfg.DefaultLanguage)
	s.Locales = locs
	keep := map[string]bool{}
	for _, p := range cfg.KeepMetadata {
		keep[p] = true
	}
	var aerr, ierr, rerr error
	s.Assets, aerr = assets.Load(fsys, s.min, keep)
	var iwarns []*diag.Error
	s.Images, iwarns, ierr = images.Load(fsys, images.Options{
		Languages: cfg.Codes(), Default: cfg.DefaultLanguage,
		Cache: opts.Images, Assets: s.Assets, Minifier: s.min,
		KeepMetadata: keep,
	})
	// Layouts are parsed even when the rest failed (without interface
	// strings they are only checked), so that every problem is reported
	// at once.
	s.Renderer, rerr = render.New(fsys, render.Inputs{
		Config: cfg, Locales: s.Locales, Assets: s.Assets, Images: s.Images,
		Markdown: markdown.New(markdown.Options{UnsafeHTML: cfg.UnsafeHTML}),
	})
	c := <-pages
	s.Content = c.tree
	// Problems are reported in the order of a load one part after
	// another: content, interface strings, assets, images, layouts.
	var errs diag.List
	errs.Add(c.err)
	errs.Add(lerr)
	errs.Add(aerr)
	errs.Add(ierr)
	if s.Images != nil {
		errs.Add(checkKeepMetadata(cfg, s.Images))
	}
	errs.Add(rerr)
	s.Warnings = append(s.Warnings, c.warns...)
	s.Warnings = append(s.Warnings, lwarns...)
	s.Warnings = append(s.Warnings, iwarns...)
	diag.SortErrors(s.Warnings)
	if rerr == nil && s.Content != nil && s.Assets != nil {
		errs.Add(s.checkPages())
	}
	if errs.Err() == nil {
		errs.Add(s.checkOutputs())
	}
	return s, errs.Err()
}

// checkPages judges, before anything is rendered or written, what pages'
// front matter names (layouts, share images), so that each mistake is
// reported at the line that made it.
func (s *Site) checkPages() error {
	var errs diag.List
	for _, p := range s.Content.Pages {
		if !p.Untranslated {
			errs.Add(s.Renderer.CheckPage(p))
		}
		if w := s.Renderer.ShareWarning(p); w != nil {
			s.Warnings = append(s.Warnings, w)
		}
	}
	diag.SortErrors(s.Warnings)
	return errs.Err()
}

// checkKeepMetadata refuses entries of site.toml's [images] keep_metadata
// that name no photograph of the site: a misspelt name would otherwise
// leave the maintainer believing a setting applies that does not.
func checkKeepMetadata(cfg *config.Config, imgs *images.Set) error {
	var errs diag.List
	for _, p := range cfg.KeepMetadata {
		img := imgs.Lookup(p)
		switch {
		case img == nil:
			errs.Add(diag.At(config.File, cfg.KeepMetadataLine, "keep_metadata_no_image", fmt.Sprintf("images.keep_metadata: no image %q; name a file of %s/ or %s/ from the project's folder, like \"%s/en/scan.jpg\"", p, config.ContentDir, assets.Dir, config.ContentDir),
				"Image", fmt.Sprintf("%q", p), "Content", config.ContentDir+"/", "Assets", assets.Dir+"/", "Example", config.ContentDir+"/en/scan.jpg"))
		case img.Format == images.SVG:
			errs.Add(diag.At(config.File, cfg.KeepMetadataLine, "keep_metadata_svg", fmt.Sprintf("images.keep_metadata: %q is an SVG, which has no metadata to keep; remove it from the list", p), "Image", fmt.Sprintf("%q", p)))
		}
	}
	return errs.Err()
}

// Stats describe a finished build.
type Stats struct {
	Pages map[string]int // pages per language
	Files int            // files written, with compressed copies
	Bytes int64          // their total size
}

// output is one file of the site and how to make it.
type output struct {
	Name string        // path in the site: "es/informe/index.html"
	Page *content.Page // the page it shows; nil for other files
	// global is set on files made from the whole site, like sitemap.xml:
	// their makers read the pages directly, not through a recording
	// renderer, so they must be made again whenever pages change.
	global bool
	// fingerprinted is set on files whose name is a hash of their
	// bytes, like share images: once made, they need not be made again
	// under the same name.
	fingerprinted bool
	// ready is set on files whose bytes are final as made, like assets,
	// which assets.Load minified and whose fingerprint and integrity
	// hash name exactly those bytes.
	ready bool
	// make makes the output's bytes in a pass over the site's
	// content, adding to deps (unless nil) the pages it read. When
	// owned, it makes them in buf's memory where they fit, or in new
	// memory, and no one else holds them: once they are written, Render
	// makes the next output in the same memory. Otherwise it ignores
	// buf, and its bytes may be held elsewhere (an asset's).
	make  func(ps *render.Pass, deps render.Deps, buf []byte) ([]byte, error)
	owned bool
	// layout is set on the outputs that make renders Page with a
	// layout: its page and its single-file edition (rendersOf).
	layout bool
	// reads are the pages that the output's bytes come from, for an
	// output that is not rendered, so that no renderer records them
	// (a share image's card was made from its pages when the output
	// was listed). Watch mode makes the output again when they change.
	reads []content.ID
	// cached, when set, gives the file that already holds the output's
	// bytes, like a share image in the cache, so that a build links it
	// into the site instead of making it (see FileLinker); or, when
	// there is no such file, the bytes.
	cached func() (share.Entry, error)
}

// outputs lists every file of the site with the function that makes it,
// except _headers, which needs the others' final bytes (see Render and
// makeHeaders).
func (s *Site) outputs() []output {
	// Room for every page and, with share images on, its image: the
	// list is not grown again and again, copying what it holds, on
	// the way to a few thousand outputs.
	perPage := 1
	if s.Config.ShareImages {
		perPage++
	}
	assets, files := s.Assets.All(), s.Images.Files()
	outs := make([]output, 0, perPage*len(s.Content.Pages)+len(assets)+len(files)+2*len(s.Config.Languages)+8)
	for _, p := range s.Content.Pages {
		outs = s.appendPageOutputs(outs, p)
	}
	global := func(name string, job func() ([]byte, error)) output {
		return output{Name: name, global: true, make: func(*render.Pass, render.Deps, []byte) ([]byte, error) { return job() }}
	}
	for _, sp := range s.Renderer.SpecialPages() {
		outs = append(outs, output{Name: sp.Out, make: func(ps *render.Pass, deps render.Deps, _ []byte) ([]byte, error) {
			return ps.Special(sp.Layout, sp.URL, deps)
		}})
	}
	for _, a := range assets {
		outs = append(outs, output{Name: a.Out, ready: true, make: func(*render.Pass, render.Deps, []byte) ([]byte, error) { return a.Data, nil }})
	}
	for _, f := range files {
		outs = append(outs, output{Name: f.Name, ready: true, make: func(*render.Pass, render.Deps, []byte) ([]byte, error) { return f.Data, nil }})
	}
	if s.Config.BaseURL != "" {
		outs = append(outs, global("sitemap.xml", s.sitemap))
		for _, lang := range s.Config.Codes() {
			outs = append(outs, global(feedName(lang), func() ([]byte, error) { return s.feed(lang) }))
		}
	}
	outs = append(outs, global("robots.txt", s.robots), global("_redirects", s.redirects))
	return outs
}

// pageOutputs are the files made from page p: the page, its single-file
// edition if it has one, and its share image unless it has none.
func (s *Site) pageOutputs(p *content.Page) []output { return s.appendPageOutputs(nil, p) }

// appendPageOutputs appends p's outputs (pageOutputs) to outs.
func (s *Site) appendPageOutputs(outs []output, p *content.Page) []output {
	// A page's Markdown is converted to minified HTML, and only its
	// layout's part is minified: the output is ready as made.
	outs = append(outs, output{Name: p.Out, Page: p, ready: true, owned: true, layout: true, make: func(ps *render.Pass, deps render.Deps, buf []byte) ([]byte, error) {
		return ps.PageMinified(buf, p, s.min.appendHTML, deps)
	}})
	if p.Standalone {
		outs = append(outs, output{Name: p.StandaloneURL()[1:], Page: p, ready: true, owned: true, layout: true, make: func(ps *render.Pass, deps render.Deps, buf []byte) ([]byte, error) {
			return ps.StandaloneMinified(buf, p, s.min.appendHTML, deps)
		}})
	}
	if card, at, ok := s.Renderer.ShareCard(p); ok {
		// What the image shows is read from p, so watch mode makes it
		// again when p's title or description changes.
		outs = append(outs, s.shareOutput(at, p, card, []content.ID{p.ID()}))
	}
	// The language chooser's image goes with the default language's
	// home page: a page of its own, which watch mode keeps track of.
	if p.Kind == content.KindHome && p.Lang == s.Config.DefaultLanguage && s.Renderer.HasRoot() {
		if card, at, ok := s.Renderer.RootCard(s.Content); ok {
			// It shows every language's home page.
			var homes []content.ID
			for _, lang := range s.Config.Codes() {
				homes = append(homes, content.ID{Lang: lang, Key: "_index"})
			}
			outs = append(outs, s.shareOutput(at, p, card, homes))
		}
	}
	return outs
}

// shareOutput is the output of page p that is share image card, at the
// path at; reads are the pages whose text the card shows.
func (s *Site) shareOutput(at string, p *content.Page, card share.Card, reads []content.ID) output {
	return output{Name: strings.TrimPrefix(at, "/"), Page: p, fingerprinted: true, ready: true, reads: reads,
		make: func(*render.Pass, render.Deps, []byte) ([]byte, error) {
			return s.shares.Image(card)
		},
		cached: func() (share.Entry, error) { return s.shares.File(card) },
	}
}

// makeWith makes the bytes of o exactly as Render writes them, in pass
// ps, which for many outputs at once shares fragments between them
// (render.PassOptions.Share). With deps non-nil, it adds the pages that
// the render read. An owned output is made in buf's memory where it
// fits.
func (s *Site) makeWith(ps *render.Pass, o output, deps render.Deps, buf []byte) ([]byte, error) {
	if deps != nil {
		for _, id := range o.reads {
			deps[id] = struct{}{}
		}
	}
	data, err := o.make(ps, deps, buf)
	if err != nil || o.ready {
		return data, err
	}
	return s.min.minifyFile(o.Name, data)
}

// made is an output made by makeAll.
type made struct {
	Data []byte
	Deps render.Deps // the pages the render read
	Err  error
}

// sharedMin is the fewest outputs that makeAll shares fragments between.
// A shared fragment costs two renders (with holes, and on its first page
// alone to check it), so watch mode's rebuild of a page or two renders
// each page's own.
const sharedMin = 8

// makeAll makes outs on all cores, recording what each read. Results are
// in the order of outs.
func (s *Site) makeAll(ctx context.Context, outs []output) []made {
	results := make([]made, len(outs))
	ps := s.pass(render.PassOptions{Share: len(outs) >= sharedMin, Renders: rendersOf(outs)})
	parallel.For(ctx, len(outs), func(i int) {
		d := render.Deps{}
		data, err := s.makeWith(ps, outs[i], d, nil)
		results[i] = made{Data: data, Deps: d, Err: err}
	})
	return results
}

// headersName is the file of HTTP headers that makeHeaders makes.
const headersName = "_headers"

// inlineStyles returns the hashes of the inline styles of a file, which
// makeHeaders needs: none unless it is HTML.
func inlineStyles(name string, data []byte) []string {
	if path.Ext(name) != ".html" {
		return nil
	}
	return inlineStyleHashes(data)
}

// makeHeaders makes _headers, given the inline styles of every file that has
// some (see inlineStyles).
func (s *Site) makeHeaders(styles map[string][]string) ([]byte, error) {
	return s.min.minifyFile(headersName, s.headers(styles))
}

// rendersOf lists the pages that making outs renders with a layout, a
// page once for each render (render.PassOptions.Renders): told of them,
// a pass lets a folder's shared fragments go once its last page is
// made.
func rendersOf(outs []output) []*content.Page {
	var ps []*content.Page
	for _, o := range outs {
		if o.layout {
			ps = append(ps, o.Page)
		}
	}
	return ps
}

// setContent replaces the site's content, as watch mode does after pages
// were added, removed or moved. Passes started after it render the new
// content.
func (s *Site) setContent(c *content.Tree) { s.Content = c }

// pass starts a batch of renders of the site's content as it is now.
func (s *Site) pass(o render.PassOptions) *render.Pass {
	return s.Renderer.NewPass(s.Content, o)
}

// written is what became of one output.
type written struct {
	files int   // the file and its compressed siblings
	bytes int64 // their sizes
	// styles are the sha256 hashes of the inline styles of an HTML file,
	// for its Content-Security-Policy.
	styles []string
	err    error
}

// Render makes every file of the site and hands it to w, in parallel. It
// reports every problem at once, as a diag.List.
func (s *Site) Render(ctx context.Context, w Writer) (Stats, error) {
	outs := s.outputs()
	t := tally{styles: map[string][]string{}, errs: map[int]error{}}
	po := render.PassOptions{Share: true, Renders: rendersOf(outs)}
	if mw, ok := w.(MarkdownWriter); ok {
		po.Converted = mw.WriteMarkdown
	}
	ps := s.pass(po)
	rendering, stop := context.WithCancel(ctx)
	defer stop()
	fw := &fullDiskWriter{w: w, stop: stop}
	w = fw
	linker := fw.linker()
	order := slowFirst(outs)
	parallel.For(rendering, len(outs), func(k int) {
		i := order[k]
		o := outs[i]
		// Once written, the output and what its make function holds
		// (a share image's card, the pages it reads) are let go: the
		// list is held to the end of the render.
		outs[i] = output{}
		if o.cached != nil && linker != nil && !(s.compress && compressible(o.Name)) {
			t.add(i, o.Name, s.link(fw, o))
			return
		}
		t.add(i, o.Name, s.writeOutput(w, ps, o))
	})
	if err := ctx.Err(); err != nil {
		return Stats{}, err
	}
	if err := fw.full(); err != nil {
		return Stats{}, err // once, not once per file
	}
	// _headers comes last: its policies name the hashes of the final,
	// minified inline styles.
	t.add(len(outs), headersName, s.write(w, headersName, func() ([]byte, error) {
		return s.makeHeaders(t.styles)
	}))
	st := Stats{Pages: map[string]int{}, Files: t.files, Bytes: t.bytes}
	for _, p := range s.Content.Pages {
		st.Pages[p.Lang]++
	}
	var errs []error
	for _, i := range slices.Sorted(maps.Keys(t.errs)) {
		errs = append(errs, t.errs[i])
	}
	return st, layoutErrorsOnce(errs).Err()
}

// tally is what became of the outputs that Render wrote, added up as
// they are written: a result kept for each output until the last was
// written was 56 bytes of every page in the heap through the render.
type tally struct {
	mu     sync.Mutex
	files  int
	bytes  int64
	styles map[string][]string // the inline styles of each file that has some
	errs   map[int]error       // by the output's index, to report in order
}

// add adds what became of output i, called name.
func (t *tally) add(i int, name string, r written) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if r.err != nil {
		t.errs[i] = r.err
		return
	}
	t.files += r.files
	t.bytes += r.bytes
	if len(r.styles) > 0 {
		t.styles[name] = r.styles
	}
}

// writeOutput makes output o in pass ps and writes it. An owned output
// is made in a buffer of the pool, which takes it back once it is
// written: a build's pages are made in the same few buffers, not in new
// memory each, and the collector runs less often.
func (s *Site) writeOutput(w Writer, ps *render.Pass, o output) written {
	if !o.owned {
		return s.write(w, o.Name, func() ([]byte, error) { return s.makeWith(ps, o, nil, nil) })
	}
	buf := outBufs.Get().(*[]byte)
	defer putOutBuf(buf)
	return s.write(w, o.Name, func() ([]byte, error) {
		data, err := s.makeWith(ps, o, nil, *buf)
		*buf = data[:0]
		return data, err
	})
}

// outBufs are the buffers that Render makes owned outputs in.
var outBufs = sync.Pool{New: func() any { return new([]byte) }}

// putOutBuf returns b to the pool, unless it grew so large (a single-file
// edition with its images inlined) that keeping it would cost more
// memory than it saves work.
func putOutBuf(b *[]byte) {
	if cap(*b) <= 256<<10 {
		outBufs.Put(b)
	}
}

// slowFirst is the order in which Render makes outs: share images first,
// then the rest as listed. Drawing a share image whose cache entry is
// missing costs ten pages or more; started last, one of them would
// keep a core busy while the others have nothing left to do. Started
// first, the pages fill in around them.
func slowFirst(outs []output) []int {
	order := make([]int, 0, len(outs))
	for i, o := range outs {
		if o.cached != nil {
			order = append(order, i)
		}
	}
	for i, o := range outs {
		if o.cached == nil {
			order = append(order, i)
		}
	}
	return order
}

// layoutErrorsOnce reports a mistake in a layout once, naming the first
// page it failed for and counting the others, rather than once per page.
// Other errors that repeat word for word are also reported once. Both a
// build and watch mode (Incremental.Err) report through it; it leaves
// errs as they were, so that it may be asked again.
func layoutErrorsOnce(errs []error) diag.List {
	var (
		list  diag.List
		seen  = map[string]bool{}
		first = map[string]*render.ExecError{}
	)
	for _, err := range errs {
		var ee *render.ExecError
		if errors.As(err, &ee) {
			if f := first[ee.Err.Error()]; f != nil {
				f.Others++
				continue
			}
			once := *ee
			once.Others = 0
			first[ee.Err.Error()] = &once
			list.Add(&once)
			continue
		} else if seen[err.Error()] {
			continue
		}
		seen[err.Error()] = true
		list.Add(err)
	}
	return list
}

// link puts output o into the site from the file that holds it (see
// output.cached), or writes its bytes when there is no such file. It
// is for files that are not compressed.
func (s *Site) link(w *fullDiskWriter, o output) written {
	e, err := o.cached()
	if err != nil || e.File == "" {
		return s.write(w, o.Name, func() ([]byte, error) { return e.Data, err })
	}
	size, err := w.LinkFile(o.Name, e.File, e.Sum)
	if err != nil {
		return written{err: err}
	}
	return written{files: 1, bytes: size}
}

// write makes one file with job (which minifies it) and writes it, with its
// compressed siblings when the build compresses.
func (s *Site) write(w Writer, name string, job func() ([]byte, error)) written {
	data, err := job()
	if err != nil {
		return written{err: err}
	}
	r := written{files: 1, bytes: int64(len(data)), styles: inlineStyles(name, data)}
	if err := w.WriteFile(name, data); err != nil {
		return written{err: err}
	}
	if !s.compress || !compressible(name) {
		return r
	}
	for _, enc := range encodings {
		z, err := enc.compress(data)
		if err != nil {
			return written{err: diag.Say("out_compress", fmt.Sprintf("%s: %s: %v", name, enc.ext, err), "File", name, "Ext", enc.ext, "Err", err)}
		}
		if len(z) >= len(data) {
			continue
		}
		if err := w.WriteFile(name+enc.ext, z); err != nil {
			return written{err: err}
		}
		r.files++
		r.bytes += int64(len(z))
	}
	return r
}

// Result describes a finished build on disk.
type Result struct {
	Stats
	Warnings []*diag.Error // problems that did not stop the build, sorted
	Duration time.Duration // from start to the swap
}

// Build builds the project in folder src into folder out. It builds into
// a fresh folder beside out and puts it in out's place only when
// everything succeeded, so a failed build leaves out as it was.
func Build(ctx context.Context, src, out string, opts Options) (res *Result, err error) {
	start := time.Now()
	if err := checkOut(src, out); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(src)
	if err != nil {
		return nil, ProjectFolderError(err)
	}
	defer root.Close()
	// A build reads each page's text again when it renders it, rather
	// than keeping the whole site's text in memory: the files are in the
	// system's cache, and memory stays flat as the site grows.
	dirs := newDirRoots(root)
	defer dirs.Close()
	var fsys fs.FS = dirs
	if opts.Record != nil {
		fsys = opts.Record.FS(fsys)
	}
	site, err := load(fsys, opts, true)
	if err != nil {
		return &Result{Warnings: site.Warnings}, err
	}
	defer func() {
		// Renders warn too, about images without alt text.
		if res != nil {
			res.Warnings = append(res.Warnings, site.Renderer.Warnings()...)
			diag.SortErrors(res.Warnings)
		}
	}()
	staged, err := stage(filepath.Clean(out))
	if err != nil {
		return nil, diag.Say("out_stage", "output: "+err.Error(), "Err", err)
	}
	var w Writer = newDirWriter(staged)
	if opts.Record != nil {
		w = &recordWriter{w: w.(FileLinker), root: staged, u: opts.Record}
	}
	st, err := site.Render(ctx, w)
	var old string
	if err == nil {
		old, err = publish(staged, filepath.Clean(out))
	}
	if err != nil {
		_ = os.RemoveAll(staged)
		return &Result{Warnings: site.Warnings}, err
	}
	warnings := site.Warnings
	if old != "" {
		// The new site is in place: failing to delete the old one
		// is worth a warning, not a failed build.
		if err := os.RemoveAll(old); err != nil {
			cause := diag.PathCause(err)
			warnings = append(warnings, diag.At(filepath.ToSlash(old), 0, "old_build_kept", fmt.Sprintf("the previous build could not be deleted: %v; delete the folder yourself", cause), "Err", cause))
		}
	}
	return &Result{Stats: st, Warnings: warnings, Duration: time.Since(start)}, nil
}

// ProjectFolderError is err, from opening the project folder, said as
// such.
func ProjectFolderError(err error) error {
	return diag.Say("build_project_folder", "project folder: "+err.Error(), "Err", err)
}
