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
func (ps *Pass) PageMinified(p *content.Page, min Minify, deps Deps) ([]byte, error) {
	j := ps.job(deps)
	j.read(p)
	md, err := j.convertWith(p, false, true)
	if err != nil {
		return nil, err
	}
	if ps.converted != nil {
		ps.converted(p, md)
	}
	return j.minified(p, Layout(p), md, min, func() (*markdown.Result, error) { return j.convert(p, false) })
}

// StandaloneMinified is PageMinified for the single-file edition of p.
func (ps *Pass) StandaloneMinified(p *content.Page, min Minify, deps Deps) ([]byte, error) {
	j := ps.job(deps)
	j.read(p)
	md, err := j.convertWith(p, true, true)
	if err != nil {
		return nil, err
	}
	return j.minified(p, "standalone", md, min, func() (*markdown.Result, error) { return j.convert(p, true) })
}

// minified executes layout for p with md, a compact body, and minifies
// it: the layout with markdown.BodyMark in the body's place, and the
// body spliced in. Where the splice cannot be proved the same, the page
// is rendered with goldmark's HTML, from plain, and minified whole.
func (j *job) minified(p *content.Page, layout string, md *markdown.Result, min Minify, plain func() (*markdown.Result, error)) ([]byte, error) {
	r := j.pass.r
	if md.Blocks() {
		v := j.viewWith(p, md)
		v.Content = markdown.BodyMark
		raw, err := j.execute(p, layout, v)
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
	raw, err := j.execute(p, layout, j.viewWith(p, md))
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
