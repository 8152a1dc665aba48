package render

import (
	"sync/atomic"

	"cecot/internal/content"
	"cecot/internal/markdown"
)

// Minify minifies a whole HTML file as the site publishes it.
type Minify func(html []byte) ([]byte, error)

// compactCounts count the pages rendered with a compact body and those
// that fell back to minifying the whole page, for benchmarks.
type compactCounts struct {
	compact, fallback atomic.Int64
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

// PageMinified renders p as Page does and returns the page minified by
// min. The Markdown is converted straight to minified HTML and only the
// layout's part is minified; the bytes are those of min(Page(p)).
func (r *Renderer) PageMinified(p *content.Page, min Minify) ([]byte, error) {
	r.read(p)
	md, err := r.convertWith(p, false, true)
	if err != nil {
		return nil, err
	}
	if r.converted != nil {
		r.converted(p, md)
	}
	return r.minified(p, Layout(p), md, min, func() (*markdown.Result, error) { return r.convert(p, false) })
}

// StandaloneMinified is PageMinified for the single-file edition of p.
func (r *Renderer) StandaloneMinified(p *content.Page, min Minify) ([]byte, error) {
	r.read(p)
	md, err := r.convertWith(p, true, true)
	if err != nil {
		return nil, err
	}
	return r.minified(p, "standalone", md, min, func() (*markdown.Result, error) { return r.convert(p, true) })
}

// minified executes layout for p with md, a compact body, and minifies
// it: the layout with markdown.BodyMark in the body's place, and the
// body spliced in. Where the splice cannot be proved the same, the page
// is rendered with goldmark's HTML, from plain, and minified whole.
func (r *Renderer) minified(p *content.Page, layout string, md *markdown.Result, min Minify, plain func() (*markdown.Result, error)) ([]byte, error) {
	if md.Blocks() {
		v := r.viewWith(p, md)
		v.Content = markdown.BodyMark
		raw, err := r.execute(p, layout, v)
		if err != nil {
			return nil, err
		}
		if markdown.MarkPlaced(raw) {
			m, err := min(raw)
			if err != nil {
				return nil, err
			}
			if out, ok := markdown.Splice(m, md.HTML); ok {
				r.count(true)
				return out, nil
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
	raw, err := r.execute(p, layout, r.viewWith(p, md))
	if err != nil {
		return nil, err
	}
	return min(raw)
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
