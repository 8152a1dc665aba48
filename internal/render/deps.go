package render

import "cecot/internal/content"

// Deps is the set of pages that a render read: the page itself, and
// every other page whose title, URL or other fields it showed. Watch
// mode keeps them to know which outputs to render again when a page
// changes.
type Deps map[content.ID]struct{}

// Recording returns a renderer that renders as r does and adds to d
// every page its renders read. Every PageView of another page is made by
// the renderer's view method, which records it, so that methods added
// to PageView are tracked as long as they make their views that way.
// The returned renderer is for one goroutine at a time.
func (r *Renderer) Recording(d Deps) *Renderer {
	c := *r
	c.deps = d
	return &c
}

// read records that the current render read p.
func (r *Renderer) read(p *content.Page) {
	if r.deps != nil && p != nil {
		r.deps[p.ID()] = struct{}{}
	}
}

// readID records that the current render read the page with ID id.
func (r *Renderer) readID(id content.ID) {
	if r.deps != nil {
		r.deps[id] = struct{}{}
	}
}
