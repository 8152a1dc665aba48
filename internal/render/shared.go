package render

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/diag"
)

// Shared fragments. A partial such as a section's navigation shows the
// same thing on each of the section's pages except for the page itself:
// the link to it is "./" and carries aria-current. Rendered by every page,
// its 50 links were the largest single cost of a build. A layout that
// calls it as
//
//	{{shared "partials/section-nav.html" .}}
//
// gets it rendered once per build for each language, section and folder
// of pages, with holes where the current page makes a difference, and
// each page fills the holes in. What the partial sees as "." is a
// FragmentView, which offers only what is the same for all those pages,
// so a partial cannot show anything that belongs to one page by mistake.

// FragmentView is what a shared fragment sees as ".".
type FragmentView struct {
	Lang   string
	j      *job   // the render that renders the fragment
	parent string // the key of the section the page is in
	page   *PageView
	// In a fragment rendered for many pages, page is nil and links that
	// depend on the page become holes.
	nonce string
	dir   string // the folder of the pages' URLs, "/en/sec/part-01/"
	holes []hole
	// What the pages have in common about their other languages
	// (versionsKey), and whether the fragment asked for them.
	versions                         []versionFact
	indexable                        bool
	readsTranslations, readsVersions bool
}

// hole is a place in a shared fragment filled in per page: a link to
// target (a Rel) or, with current set, aria-current for the page at
// target.
type hole struct {
	kind    holeKind
	lang    string // for the kinds about another language's version
	target  string
	current bool
	// A link depends on whether the current page is page, the page of
	// the folder that target is in or below: it is link from page,
	// other from every other page of the folder.
	page, link, other string
}

// holeKind says what fills a hole in: a link within the folder (or
// aria-current, with hole.current), or one of the page's own URLs.
type holeKind int

const (
	holeFolderLink       holeKind = iota
	holePermalink                 // the page's absolute URL
	holeVersionPermalink          // the absolute URL of the page in hole.lang
	holeVersionLink               // a link to the page in hole.lang
)

// Site is the site's configuration.
func (f *FragmentView) Site() *config.Config { return f.j.pass.r.cfg }

// Language is the language of the pages.
func (f *FragmentView) Language() *config.Language { return f.Site().Language(f.Lang) }

// Languages are all of the site's languages, in order.
func (f *FragmentView) Languages() []config.Language { return f.Site().Languages }

// T looks up an interface string in the pages' language.
func (f *FragmentView) T(id string, args ...any) (string, error) {
	return f.j.pass.r.translators[f.Lang].T(id, args...)
}

// Asset returns the link to an asset, by its name under assets/.
func (f *FragmentView) Asset(name string) (AssetRef, error) { return f.j.pass.r.assetRef(name, f.Rel) }

// Feed returns the link to the feed of the pages' language; nil without
// a base URL.
func (f *FragmentView) Feed() *FeedLink { return f.j.pass.r.feedLink(f.Lang, f.Rel) }

// Section is the section that lists the page, or nil for a home page.
func (f *FragmentView) Section() *PageView {
	s := f.j.pass.content.Page(f.Lang, f.parent)
	if s == nil {
		return nil
	}
	return f.j.view(s)
}

// Home is the home page of the pages' language, or nil.
func (f *FragmentView) Home() *PageView {
	h := f.j.pass.content.Page(f.Lang, "_index")
	if h == nil {
		return nil
	}
	return f.j.view(h)
}

// Menu are the pages listed on the home page of the pages' language.
func (f *FragmentView) Menu() []*PageView {
	h := f.j.pass.content.Page(f.Lang, "_index")
	if h == nil {
		return nil
	}
	f.j.read(h)
	return f.j.views(f.j.pass.content.Children(h))
}

// Rel returns a link from the current page to target, a path from the
// site root, as PageView.Rel does.
func (f *FragmentView) Rel(target string) string {
	if f.page != nil {
		return f.page.Rel(target)
	}
	if link, ok := f.versionLink(target); ok {
		return link
	}
	// Every page of the folder links to target alike unless target is
	// in or below one of the folder's pages ("./", "../page-2/#x").
	path, _, _ := strings.Cut(target, "#")
	other := content.RelURL(f.dir+"\x00/", target)
	if rest, ok := strings.CutPrefix(path, f.dir); ok && strings.Contains(rest, "/") {
		page := f.dir + rest[:strings.IndexByte(rest, '/')+1]
		return f.hole(hole{target: target, page: page, link: content.RelURL(page, target), other: other})
	}
	return other
}

// Current returns aria-current="page" when p is the current page: it
// goes where an attribute goes, <a href="..."{{$.Current .}}>.
func (f *FragmentView) Current(p *PageView) template.HTMLAttr {
	if f.page != nil {
		return currentAttr(p.URL == f.page.URL)
	}
	return template.HTMLAttr(f.hole(hole{target: p.URL, current: true}))
}

func currentAttr(current bool) template.HTMLAttr {
	if current {
		return ` aria-current="page"`
	}
	return ""
}

// hole records h and returns its marker: letters and digits, which every
// escaper leaves as they are.
func (f *FragmentView) hole(h hole) string {
	f.holes = append(f.holes, h)
	return f.nonce + strconv.Itoa(len(f.holes)-1) + "x"
}

// fragments holds the shared fragments of one build.
type fragments struct {
	mu sync.Mutex
	m  map[fragmentKey]*fragment
	// open counts, for each folder of pages (fragmentKey.dir), the
	// renders of its pages that the pass was told of
	// (PassOptions.Renders) and that are not done yet. Once the last is
	// done, the folder's fragments are let go: the pass holds those of
	// the folders being rendered, not those of every folder of the
	// site, which at 5,000 pages a language were a quarter of the live
	// heap. Nil when the pass was told of no renders: it keeps them all.
	open  map[string]int
	nonce string
	// renders counts the fragments rendered for the pages of a key,
	// with holes or for the first page alone (FragmentRenders).
	renders atomic.Int64
	// made counts the fragments made for a key so far, and late those
	// of them made for a folder that had no render left (FragmentsHeld);
	// holed those that had holes, shared those that pages shared.
	made, late    int
	holed, shared atomic.Int64
	// markList are the marks of a page's spliced fragments, by their
	// order in the page (marks).
	markList []fragMarks
}

// newFragments returns the fragments of a pass that makes renders.
func newFragments(renders []*content.Page) *fragments {
	f := &fragments{m: map[fragmentKey]*fragment{}, nonce: newNonce()}
	if len(renders) > 0 {
		f.open = map[string]int{}
	}
	for _, p := range renders {
		if dir, ok := sharedDir(p); ok {
			f.open[dir]++
		}
	}
	return f
}

// done lets go of the fragments of p's folder when this render of p was
// the last one of the folder's that the pass was told of: no page the
// pass is to render asks for them again. A page rendered after all (one
// the pass was not told of, or one whose layout asks for a fragment for
// another page) makes them again, the same bytes.
func (f *fragments) done(p *content.Page) {
	if f == nil || f.open == nil {
		return
	}
	dir, ok := sharedDir(p)
	if !ok {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	switch n, ok := f.open[dir]; {
	case !ok:
	case n > 1:
		f.open[dir] = n - 1
	default:
		delete(f.open, dir)
		for k := range f.m {
			if k.dir == dir {
				delete(f.m, k)
			}
		}
	}
}

// fragmentKey is what a shared fragment's output depends on.
type fragmentKey struct {
	lang, name, parent string
	dir                string // folder of the pages' URLs, ending in "/"
	versions           string // versionsKey
}

type fragment struct {
	mu sync.Mutex
	// The first page renders the fragment with holes (held); without
	// holes, that is the fragment, one render for all the pages. With
	// holes, the first page renders it alone too, and the second checks
	// the one with holes against that: two renders.
	held                  *holedRender
	first                 *PageView
	firstOut              string
	seenFirst, seenSecond bool
	// out is the fragment with its holes; nil when it could not be
	// shared, and each page renders it on its own.
	out   []byte
	holes []placedHole
	deps  []content.ID // the pages the fragment read
	// Whether it showed the pages' translations or versions, which each
	// page then reads (versionViews).
	readsTranslations, readsVersions bool
	err                              error
	// min is out minified, once a page rendered minified asks for it
	// (minTried); nil when it cannot be spliced minified.
	min      *minFragment
	minTried bool
}

// holedRender is a fragment rendered with holes, held from the first
// page that asks for it to the second, which checks it.
type holedRender struct {
	out   []byte // nil when the markers were not each there once (placeHoles)
	holes []placedHole
	deps  []content.ID // the pages the render read
	// Whether it showed the pages' translations or versions.
	readsTranslations, readsVersions bool
}

// placedHole is a hole and where its marker is in the fragment.
type placedHole struct {
	hole
	start, end int
}

// newNonce returns the start of hole markers: random, so that no page's
// text can contain one.
func newNonce() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return "hole" + hex.EncodeToString(b) + "n"
}

// sharedFunc is the layouts' function shared. The functions are made
// once for the renderer; the page's view knows the job of the render in
// progress, which records what it reads and whose pass holds the
// fragments.
func (r *Renderer) sharedFunc(name string, v *PageView) (template.HTML, error) {
	if v == nil || v.Page == nil || v.j == nil {
		q := fmt.Sprintf("%q", name)
		return "", diag.Say("shared_needs_page", fmt.Sprintf("shared %s: needs the page, as in {{shared %s .}}", q, q), "Name", q)
	}
	return v.j.shared(name, v)
}

// shared renders the partial name for page v: from the pass's fragments
// when v's folder of pages can share it, else on its own.
func (j *job) shared(name string, v *PageView) (template.HTML, error) {
	r, frags := j.pass.r, j.pass.frags
	dir, ok := sharedDir(v.Page)
	if frags == nil || !ok {
		return r.renderFragment(name, &FragmentView{Lang: v.Lang, j: j, parent: v.Parent, page: v})
	}
	v.otherLanguages() // sets v's versionsKey
	frags.mu.Lock()
	key := fragmentKey{lang: v.Lang, name: name, parent: v.Parent, dir: dir, versions: v.once.versionsKey}
	fr := frags.m[key]
	if fr == nil {
		fr = &fragment{}
		frags.m[key] = fr
		frags.made++
		if _, ok := frags.open[dir]; !ok && frags.open != nil {
			frags.late++
		}
	}
	frags.mu.Unlock()
	fr.mu.Lock()
	defer fr.mu.Unlock()
	switch {
	case !fr.seenFirst:
		fr.seenFirst = true
		if fr.renderHoled(j.pass, key); fr.held != nil && len(fr.held.holes) == 0 {
			// Without holes the fragment printed nothing that depends
			// on the page: the first page takes it as every page does.
			// Without out, its markers were misplaced: it cannot be
			// shared, and every page renders it alone.
			fr.share(frags, fr.held)
			fr.seenSecond = true
			break
		}
		fr.renderFirst(j.pass, key, v)
		if fr.err == nil {
			fr.replay(j)
		}
		return template.HTML(fr.firstOut), fr.err
	case !fr.seenSecond:
		fr.seenSecond = true
		fr.check(j.pass)
	}
	if fr.err != nil {
		return "", fr.err
	}
	fr.replay(j)
	if fr.out != nil {
		if mark, ok := j.markFragment(fr, v); ok {
			fr.readVersions(j, v)
			return mark, nil
		}
		if out, ok := fr.fill(j, v); ok {
			fr.readVersions(j, v)
			return template.HTML(out), nil
		}
	}
	return r.renderFragment(name, &FragmentView{Lang: v.Lang, j: j, parent: v.Parent, page: v})
}

// replay adds the pages the fragment read to what j's render read.
func (fr *fragment) replay(j *job) {
	for _, id := range fr.deps {
		j.readID(id)
	}
}

// readVersions records that page v's render read the pages in other
// languages that the fragment showed it, as PageView's Translations and
// Versions do.
func (fr *fragment) readVersions(j *job, v *PageView) {
	if !fr.readsTranslations && !fr.readsVersions {
		return
	}
	for _, t := range v.otherLanguages() {
		if fr.readsVersions || !t.Untranslated {
			j.read(t)
		}
	}
}

// renderFirst renders the fragment for v, the first page that asks for it,
// alone, in a job of its own that records what the fragment reads.
func (fr *fragment) renderFirst(ps *Pass, key fragmentKey, v *PageView) {
	ps.frags.renders.Add(1)
	deps := Deps{}
	out, err := ps.r.renderFragment(key.name, &FragmentView{Lang: key.lang, j: ps.job(deps), parent: key.parent, page: v})
	fr.first, fr.firstOut, fr.deps, fr.err = v, string(out), slices.Collect(maps.Keys(deps)), err
}

// sharedDir returns the folder whose pages can share a fragment with p: a
// page with a pretty URL ("/en/sec/part-01/page-1/") shares with the
// other pages of its folder ("/en/sec/part-01/"). Others render theirs
// alone: 404 pages link from the base path, and the rest are few.
func sharedDir(p *content.Page) (string, bool) {
	if p.Kind == content.KindNotFound || strings.HasSuffix(p.URL, "/404.html") || !strings.HasSuffix(p.URL, "/") {
		return "", false
	}
	i := strings.LastIndexByte(strings.TrimSuffix(p.URL, "/"), '/')
	if i < 0 {
		return "", false
	}
	return p.URL[:i+1], true
}

// renderHoled renders the fragment with holes, for the first page that
// asks for it, and finds them in the output (held). Without holes it
// is what every page's render gives: a page in the folder sees from a
// FragmentView what it would see alone but for its links, and Rel makes
// a hole of every link that differs between the folder's pages (those
// to one of its pages and to pages in other languages, with Current,
// Permalink and the versions' URLs). With holes, a page's render alone
// checks it (check).
func (fr *fragment) renderHoled(ps *Pass, key fragmentKey) {
	ps.frags.renders.Add(1)
	deps := Deps{}
	nonce := ps.frags.nonce
	f := &FragmentView{Lang: key.lang, j: ps.job(deps), parent: key.parent, nonce: nonce, dir: key.dir}
	f.versions, f.indexable = parseVersionsKey(key.versions)
	out, err := ps.r.renderFragment(key.name, f)
	if err != nil {
		return // each page renders it alone, and reports its own error
	}
	fr.held = &holedRender{deps: slices.Collect(maps.Keys(deps))}
	if holes, ok := placeHoles([]byte(out), nonce, f.holes); ok {
		fr.held.out, fr.held.holes = []byte(out), holes
		if len(holes) > 0 {
			ps.frags.holed.Add(1)
		}
		fr.held.readsTranslations, fr.held.readsVersions = f.readsTranslations, f.readsVersions
	}
}

// check checks the fragment rendered with holes, for the second page that
// asks for it, against what the first page rendered alone: a hole
// filled in where the layout's escaping would have changed the link
// shows there, and then every page renders the fragment alone. The
// first page's view and output are let go: the view holds that page's
// whole body.
func (fr *fragment) check(ps *Pass) {
	h, first, firstOut := fr.held, fr.first, fr.firstOut
	fr.held, fr.first, fr.firstOut = nil, nil, ""
	if h == nil {
		return
	}
	fr.deps = h.deps
	if h.out == nil {
		return
	}
	// Filled in for the first page in a job that records nothing: the
	// first page's own job is another goroutine's.
	shared := &fragment{out: h.out, holes: h.holes}
	if got, ok := shared.fill(ps.job(nil), first); ok && got == firstOut {
		fr.share(ps.frags, h)
	}
}

// share makes h the fragment that the pages fill in; f counts it.
func (fr *fragment) share(f *fragments, h *holedRender) {
	fr.out, fr.holes, fr.deps = h.out, h.holes, h.deps
	fr.readsTranslations, fr.readsVersions = h.readsTranslations, h.readsVersions
	fr.held = nil
	if h.out != nil {
		f.shared.Add(1)
	}
}

// placeHoles finds the marker of each hole in out, in order. It fails when
// the markers are not each there once, in the order they were made (a
// layout that printed a link twice, or dropped one): then the fragment
// is not shared.
func placeHoles(out []byte, nonce string, holes []hole) ([]placedHole, bool) {
	var placed []placedHole
	at := 0
	for i, h := range holes {
		marker := nonce + strconv.Itoa(i) + "x"
		j := bytes.Index(out[at:], []byte(marker))
		if j < 0 {
			return nil, false
		}
		start := at + j
		// The same marker printed twice would be filled once only.
		if bytes.Contains(out[start+len(marker):], []byte(marker)) {
			return nil, false
		}
		placed = append(placed, placedHole{hole: h, start: start, end: start + len(marker)})
		at = start + len(marker)
	}
	// Anything else of the fragment's that it printed (a version's URL
	// outside Rel) would be left unfilled.
	if bytes.Count(out, []byte(nonce)) != len(holes) {
		return nil, false
	}
	return placed, true
}

// fill returns the fragment with its holes filled in for page v, whose
// pages in other languages j looks up; false when a hole would need
// text that the layout's escaping might have changed (urlSafe).
func (fr *fragment) fill(j *job, v *PageView) (string, bool) {
	var b strings.Builder
	b.Grow(len(fr.out) + 64)
	at := 0
	for _, h := range fr.holes {
		b.Write(fr.out[at:h.start])
		switch {
		case h.kind != holeFolderLink:
			s, ok := j.fillVersion(h.hole, v)
			if !ok {
				return "", false
			}
			b.WriteString(s)
		case h.current:
			b.WriteString(string(currentAttr(h.target == v.URL)))
		case h.page == v.URL:
			b.WriteString(h.link)
		default:
			b.WriteString(h.other)
		}
		at = h.end
	}
	b.Write(fr.out[at:])
	return b.String(), true
}

// renderFragment executes the partial name with f as ".".
func (r *Renderer) renderFragment(name string, f *FragmentView) (template.HTML, error) {
	set, err := r.tmpl.partialSet(f.Lang)
	if err != nil {
		return "", err
	}
	if set.Lookup(name) == nil {
		q := fmt.Sprintf("%q", name)
		return "", diag.Say("shared_no_partial", fmt.Sprintf("shared %s: no such partial; shared fragments are files under %s/partials/", q, config.LayoutsDir), "Name", q, "Dir", config.LayoutsDir)
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, name, f); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// SharedFragments counts the fragments that the pass's renders shared
// between pages so far, and the others it made: those that pages had to
// render alone, and any made again after their folder let them go.
func (ps *Pass) SharedFragments() (shared, alone int) {
	if ps.frags == nil {
		return 0, 0
	}
	ps.frags.mu.Lock()
	defer ps.frags.mu.Unlock()
	shared = int(ps.frags.shared.Load())
	return shared, ps.frags.made - shared
}

// FragmentRenders counts, so far, the shared fragments made (one for
// each language, partial, section and folder of pages, and again for
// one made late; see FragmentsHeld), the fragments that the pass rendered for
// them, with holes or for the first page alone, and the fragments that
// had holes; renders of pages that render a fragment alone are not
// counted.
func (ps *Pass) FragmentRenders() (keys, renders, holed int) {
	if ps.frags == nil {
		return 0, 0, 0
	}
	ps.frags.mu.Lock()
	defer ps.frags.mu.Unlock()
	return ps.frags.made, int(ps.frags.renders.Load()), int(ps.frags.holed.Load())
}

// FragmentsHeld counts the shared fragments that the pass holds now, and
// those it made late: for a folder whose renders it was told of were
// all done (it had let them go), or for a page it was not told of.
func (ps *Pass) FragmentsHeld() (held, late int) {
	if ps.frags == nil {
		return 0, 0
	}
	ps.frags.mu.Lock()
	defer ps.frags.mu.Unlock()
	return len(ps.frags.m), ps.frags.late
}
