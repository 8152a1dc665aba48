package render

import (
	"bytes"
	"slices"
	"sync"
	"sync/atomic"

	"cecot/internal/content"
	"cecot/internal/markdown"
)

// Minify appends to dst a whole HTML file minified as the site publishes
// it. It may use html's spare capacity: html is the caller's, and dropped
// after.
type Minify func(dst, html []byte) ([]byte, error)

// compactCounts count the pages rendered with a compact body and those
// that fell back to minifying the whole page, for benchmarks.
type compactCounts struct {
	compact, fallback atomic.Int64
	fragments         atomic.Int64 // shared fragments spliced in minified
}

// CompactCounts returns how many pages the renderer has made minified
// with a compact body spliced into their minified layout, and how many
// it minified whole because their body or layout did not allow that
// (markdown.Splice says when).
func (r *Renderer) CompactCounts() (compact, fallback int64) {
	if r.compact == nil {
		return 0, 0
	}
	return r.compact.compact.Load(), r.compact.fallback.Load()
}

// FragmentsSpliced returns how many shared fragments the renderer has
// spliced into pages minified, instead of minifying them with each page.
func (r *Renderer) FragmentsSpliced() int64 {
	if r.compact == nil {
		return 0
	}
	return r.compact.fragments.Load()
}

// PageMinified renders p as Page does and returns the page minified by
// min. The Markdown is converted straight to minified HTML and only the
// layout's part is minified; the bytes are those of min(Page(p)).
//
// The page is made in buf's memory when it fits, overwriting buf's
// bytes, so that a caller that writes one page after another can reuse
// the memory (the pages of a build add up to three times its live heap);
// buf may be nil.
func (ps *Pass) PageMinified(buf []byte, p *content.Page, min Minify, deps Deps) ([]byte, error) {
	defer ps.done(p)
	j := ps.job(deps)
	j.read(p)
	md, err := j.convertWith(p, false, true)
	if err != nil {
		return nil, err
	}
	if ps.converted != nil {
		ps.converted(p, md)
	}
	return j.minified(buf, p, Layout(p), md, min, func() (*markdown.Result, error) { return j.convert(p, false) })
}

// StandaloneMinified is PageMinified for the single-file edition of p.
func (ps *Pass) StandaloneMinified(buf []byte, p *content.Page, min Minify, deps Deps) ([]byte, error) {
	defer ps.done(p)
	j := ps.job(deps)
	j.read(p)
	md, err := j.convertWith(p, true, true)
	if err != nil {
		return nil, err
	}
	return j.minified(buf, p, "standalone", md, min, func() (*markdown.Result, error) { return j.convert(p, true) })
}

// minified executes layout for p with md, a compact body, and minifies
// it: the layout with markdown.BodyMark in the body's place, and the
// body spliced in. Where the splice cannot be proved the same, the page
// is rendered with goldmark's HTML, from plain, and minified whole.
// Either way shared fragments are spliced in minified where they can be
// (minfrag.go), and where that fails the page is rendered again without.
// The page is made in out's memory when it fits (PageMinified).
func (j *job) minified(out []byte, p *content.Page, layout string, md *markdown.Result, min Minify, plain func() (*markdown.Result, error)) ([]byte, error) {
	r := j.pass.r
	defer j.releaseBody(md)
	// The layout is executed into a buffer of the pool: once minified,
	// it is dropped.
	buf := layoutBufs.Get().(*bytes.Buffer)
	defer putLayoutBuf(buf)
	fills := minBufs.Get().(*[]byte)
	j.fills = (*fills)[:0]
	defer func() {
		*fills, j.fills = j.fills, nil
		putMinBuf(fills)
	}()
	if md.Blocks() {
		v := j.viewWith(p, md)
		v.Content = markdown.BodyMark
		raw, err := j.executeSplicing(buf, p, layout, v, min)
		if err != nil {
			return nil, err
		}
		if markdown.MarkPlaced(raw) {
			// Room for the body, so that Splice puts it in place.
			m, ok, err := j.minifySpliced(out, raw, len(md.HTML), min)
			if err != nil {
				return nil, err
			}
			if ok {
				if out, ok := markdown.Splice(m, md.HTML); ok {
					r.count(true)
					j.countSpliced()
					return out, nil
				}
			}
		}
	}
	r.count(false)
	if md.Compact {
		var err error
		if md, err = plain(); err != nil {
			return nil, err
		}
	}
	raw, err := j.executeSplicing(buf, p, layout, j.viewWith(p, md), min)
	if err != nil {
		return nil, err
	}
	if len(j.splices) > 0 {
		m, ok, err := j.minifySpliced(out, raw, 0, min)
		if err != nil {
			return nil, err
		}
		if ok {
			j.countSpliced()
			return m, nil
		}
		j.splices = j.splices[:0]
		buf.Reset()
		if err := j.executeTo(buf, p, layout, j.viewWith(p, md)); err != nil {
			return nil, err
		}
		raw = buf.Bytes()
	}
	return min(slices.Grow(out[:0], len(raw)), raw)
}

// releaseBody takes md's compact body back into the pool once the page
// is made: the body is copied into the page (Splice), or the page made
// from goldmark's HTML, and md.HTML, which the view of a page held by a
// shared fragment may still point to, is emptied.
func (j *job) releaseBody(md *markdown.Result) {
	if j.body != nil {
		if b := md.Release(); b != nil {
			*j.body = b
		}
		putMinBuf(j.body)
		j.body = nil
	}
}

// executeSplicing executes layout for p with v into buf, its shared
// fragments as marks where they can be spliced minified by min, and
// returns buf's bytes.
func (j *job) executeSplicing(buf *bytes.Buffer, p *content.Page, layout string, v *PageView, min Minify) ([]byte, error) {
	buf.Reset()
	j.min, j.splices = min, j.splices[:0]
	err := j.executeTo(buf, p, layout, v)
	j.min = nil
	return buf.Bytes(), err
}

// minifySpliced minifies raw, a page executed by executeSplicing, into
// out's memory when it fits, and splices in its fragments, with room for
// more bytes after; false when a fragment's mark was not minified as a
// tag (spliceFragments). With fragments to splice, raw is minified into
// a buffer of the pool, whose bytes are copied into the page with the
// fragments.
func (j *job) minifySpliced(out, raw []byte, room int, min Minify) ([]byte, bool, error) {
	if len(j.splices) == 0 {
		m, err := min(slices.Grow(out[:0], len(raw)+room), raw)
		return m, err == nil, err
	}
	scratch := minBufs.Get().(*[]byte)
	defer putMinBuf(scratch)
	m, err := min((*scratch)[:0], raw)
	if err != nil {
		return nil, false, err
	}
	*scratch = m
	page, ok := j.spliceFragments(out, m, room)
	return page, ok, nil
}

// minBufs are buffers for what a page's render drops once the page is
// made: the minified layout of a page with fragments to splice, and the
// fragments filled in for it (job.fills).
var minBufs = sync.Pool{New: func() any { return new([]byte) }}

// putMinBuf returns b to the pool, unless it grew too large to keep, as
// putLayoutBuf.
func putMinBuf(b *[]byte) {
	if cap(*b) <= 256<<10 {
		minBufs.Put(b)
	}
}

// layoutBufs are buffers that layouts are executed into before they are
// minified.
var layoutBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putLayoutBuf returns buf to the pool, unless it grew so large (a
// single-file edition with its images inlined) that keeping it would
// cost more memory than it saves work.
func putLayoutBuf(buf *bytes.Buffer) {
	if buf.Cap() <= 256<<10 {
		layoutBufs.Put(buf)
	}
}

func (r *Renderer) count(compact bool) {
	switch {
	case r.compact == nil:
	case compact:
		r.compact.compact.Add(1)
	default:
		r.compact.fallback.Add(1)
	}
}
