package render

import "cecot/internal/content"

// Deps is the set of pages that a render read: the page itself, and
// every other page whose title, URL or other fields it showed. Watch
// mode keeps them to know which outputs to render again when a page
// changes. The methods of Pass that render take the Deps to add to, or
// nil when nobody needs them.
type Deps map[content.ID]struct{}

// read records that the job's render read p.
func (j *job) read(p *content.Page) {
	if j.deps != nil && p != nil {
		j.deps[p.ID()] = struct{}{}
	}
}

// readID records that the job's render read the page with ID id.
func (j *job) readID(id content.ID) {
	if j.deps != nil {
		j.deps[id] = struct{}{}
	}
}
