package render

import (
	"bytes"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"

	"cecot/internal/markdown"
)

// Shared fragments, minified once. A page rendered minified (PageMinified)
// gets a shared fragment as a mark (markdown.FragmentMark, or, for a run
// of tags in <head>, tagsMark below) in place of its HTML; the fragment, with its holes, is minified once per build, and
// each page's minified layout gets it, its holes filled in, in the mark's
// place. The minifier then reads a fragment once, not once per page (the
// section navigation of the synthetic theme is two thirds of what its
// pages' layouts add). markdown.BlockBounded says when that gives the bytes
// of minifying the whole page; the holes are filled in where the
// minifier writes what the fragment's markers stand for exactly as it
// would write the page's link or aria-current (plainHref).

// minFragment is a shared fragment minified with its holes.
type minFragment struct {
	lead, trail string // the whitespace around the fragment, left in the page
	out         []byte // the fragment minified, holes as markers
	holes       []placedHole
	// tags says the fragment is a run of <meta> and <link> tags
	// (tagRun), marked with tagsMark, not markdown.FragmentMark.
	tags bool
}

// Runs of tags. In a page's <head>, where there are no blocks, a
// fragment of <meta> and <link> tags (with only whitespace between, as
// the real layouts' asset links) is minified once too, with another
// mark: two empty script elements with a space between, which the
// minifier writes without the space, their quotes dropped. That gives
// the bytes of minifying the whole page when:
//
//   - the mark is minified to exactly that form, once: it was read as
//     tags (not in a comment, raw text or attribute), outside <pre>, and
//     where the minifier drops a leading space, as it then drops the
//     spaces between the run's tags, which change nothing of that;
//   - the run starts with a start tag that is neither a block nor ends
//     a paragraph, as the mark does: what comes before is minified
//     alike;
//   - the run ends with a start tag and whitespace follows it in the
//     page, so no look-ahead of the minifier inside the run reads past
//     it, and its last tag is not followed by its end tag (which would
//     keep a space after it);
//   - the run has no end tags, so <template> changes nothing in it, and
//     no text, so the minifier's state after it is the one after the
//     mark.

// tagsMark returns the mark that stands for a minified run of tags in a
// page, and its minified form.
func tagsMark(id string) (mark, minified string) {
	return `<script data-frag-` + id + ` type="x"></script> <script type="x"></script>`, `<script data-frag-` + id + ` type=x></script><script type=x></script>`
}

// tagRun reports whether core, without whitespace around it, is <meta>
// and <link> tags with whitespace between, as tdewolff's lexer reads it.
func tagRun(core []byte) bool {
	l := phtml.NewLexer(parse.NewInputBytes(append(make([]byte, 0, len(core)+1), core...)))
	open := false // in a start tag, not yet closed
	for {
		tt, data := l.Next()
		switch {
		case tt == phtml.ErrorToken:
			return l.Err() == io.EOF && !open
		case tt == phtml.StartTagToken && !open:
			if name := string(l.Text()); name != "meta" && name != "link" {
				return false
			}
			open = true
		case tt == phtml.AttributeToken && open:
		case (tt == phtml.StartTagCloseToken || tt == phtml.StartTagVoidToken) && open:
			open = false
		case tt == phtml.TextToken && !open && parse.IsAllWhitespace(data):
		default:
			return false
		}
	}
}

// fragSplice is a minified fragment, its holes filled in for the page,
// to put in place of its mark in a page.
type fragSplice struct {
	mark   []byte // the mark as minified
	filled []byte
}

// fragMarks are the marks of a page's i-th spliced fragment
// (markFragment) and their minified forms: for a fragment of any kind
// (div), and for a run of tags (tags).
type fragMarks struct {
	div, tags             string
	divMarked, tagsMarked []byte
}

// marks returns the marks of a page's i-th spliced fragment. Every page
// of the pass has the same, so they are made once, not for each page.
func (f *fragments) marks(i int) fragMarks {
	f.mu.Lock()
	defer f.mu.Unlock()
	for len(f.markList) <= i {
		id := f.nonce + strconv.Itoa(len(f.markList))
		tags, tagsMarked := tagsMark(id)
		f.markList = append(f.markList, fragMarks{
			div: markdown.FragmentMark(id), tags: tags,
			divMarked: []byte(markdown.FragmentMarkMinified(id)), tagsMarked: []byte(tagsMarked),
		})
	}
	return f.markList[i]
}

// minified returns fr minified with its holes, made with min the first
// time a page asks; nil when fr cannot be spliced minified, and each page
// minifies it with the rest of its layout. The caller holds fr.mu.
func (fr *fragment) minified(min Minify, nonce string) *minFragment {
	if !fr.minTried {
		fr.minTried = true
		fr.min = minifyFragment(fr.out, fr.holes, nonce, min)
	}
	return fr.min
}

// minifyFragment minifies out, a fragment with the markers of holes in it,
// and finds the markers in the minified bytes; see minFragment.
func minifyFragment(out []byte, holes []placedHole, nonce string, minify Minify) *minFragment {
	core := bytes.TrimLeft(out, " \t\n\r\f")
	lead := out[:len(out)-len(core)]
	core = bytes.TrimRight(core, " \t\n\r\f")
	trail := out[len(lead)+len(core):]
	if bytes.Contains(out, []byte("data-frag-")) || bytes.Contains(out, []byte("data-compact-body")) {
		return nil
	}
	tags := false
	if !markdown.BlockBounded(core) {
		if len(trail) == 0 || !tagRun(core) {
			return nil
		}
		tags = true
	}
	for _, h := range holes {
		if !placedForMinified(out, h) {
			return nil
		}
	}
	in := make([]byte, 0, len(core)+len(markdown.FragmentProbe)+1)
	in = append(append(in, core...), markdown.FragmentProbe...)
	m, err := minify(nil, in)
	if err != nil || !bytes.HasSuffix(m, []byte(markdown.FragmentProbeMinified)) {
		return nil
	}
	m = m[:len(m)-len(markdown.FragmentProbeMinified)]
	mf := &minFragment{lead: string(lead), trail: string(trail), out: m, tags: tags}
	at := 0
	for i, h := range holes {
		marker := []byte(nonce + strconv.Itoa(i) + "x")
		j := bytes.Index(m[at:], marker)
		if j < 0 {
			return nil
		}
		start, end := at+j, at+j+len(marker)
		if bytes.Contains(m[end:], marker) {
			return nil
		}
		// What the minifier made of the marker's attribute: a link's
		// value unquoted, as it writes a plain link; an aria-current
		// marker as an attribute without value, after one space.
		if h.current && h.kind == holeFolderLink {
			if start == 0 || m[start-1] != ' ' || end == len(m) || m[end] != '>' && m[end] != ' ' {
				return nil
			}
			start--
		} else if !bytes.HasSuffix(m[:start], []byte(" href=")) || end == len(m) || m[end] != '>' && m[end] != ' ' {
			return nil
		}
		mf.holes = append(mf.holes, placedHole{hole: h.hole, start: start, end: end})
		at = end
	}
	if bytes.Contains(m[at:], []byte(nonce)) {
		return nil
	}
	return mf
}

// placedForMinified reports whether hole h is where filling it in the
// minified fragment gives what minifying the filled fragment gives: a
// link as the whole quoted value of an href (whose values within the
// folder are plain, and the page's own links are checked when filled);
// aria-current after a quoted value or a space, inside a tag.
func placedForMinified(out []byte, h placedHole) bool {
	if h.current && h.kind == holeFolderLink {
		if h.start == 0 || h.end == len(out) {
			return false
		}
		b, a := out[h.start-1], out[h.end]
		return (b == '"' || b == ' ' || b == '\n') && (a == '>' || a == ' ' || a == '\n')
	}
	if !bytes.HasSuffix(out[:h.start], []byte(` href="`)) || h.end == len(out) || out[h.end] != '"' {
		return false
	}
	return h.kind != holeFolderLink || plainHref(h.link) && plainHref(h.other)
}

// plainHref reports whether the minifier writes link, the value of an
// href, as it is and unquoted: nonempty, printable ASCII without spaces,
// quotes, <, =, >, ` or & (an entity), and not starting with a scheme it
// rewrites (data:, or http: and https: not in lower case).
func plainHref(link string) bool {
	if link == "" {
		return false
	}
	for i := 0; i < len(link); i++ {
		c := link[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("\"'<=>`&", c) >= 0 {
			return false
		}
	}
	if len(link) > 5 {
		if strings.EqualFold(link[:5], "data:") {
			return false
		}
		if strings.EqualFold(link[:4], "http") && link[:5] != strings.ToLower(link[:5]) {
			return false
		}
	}
	return true
}

// fill appends to dst the minified fragment with its holes filled in
// for page v, as fragment.fill does for the fragment's HTML; false when
// one of the page's own links is not plain (plainHref).
func (mf *minFragment) fill(dst []byte, j *job, v *PageView) ([]byte, bool) {
	at := 0
	for _, h := range mf.holes {
		dst = append(dst, mf.out[at:h.start]...)
		switch {
		case h.kind != holeFolderLink:
			s, ok := j.fillVersion(h.hole, v)
			if !ok || !plainHref(s) {
				return nil, false
			}
			dst = append(dst, s...)
		case h.current:
			if h.target == v.URL {
				dst = append(dst, " aria-current=page"...)
			}
		case h.page == v.URL:
			dst = append(dst, h.link...)
		default:
			dst = append(dst, h.other...)
		}
		at = h.end
	}
	return append(dst, mf.out[at:]...), true
}

// markFragment returns the mark that stands for fr in v's page, and
// records what takes its place, when j renders minified and fr can be
// spliced minified.
func (j *job) markFragment(fr *fragment, v *PageView) (template.HTML, bool) {
	if j.min == nil || fr.out == nil {
		return "", false
	}
	nonce := j.pass.frags.nonce
	mf := fr.minified(j.min, nonce)
	if mf == nil {
		return "", false
	}
	// A fragment without holes is the same for every page: its bytes
	// are only read (spliceFragments), and shared.
	filled := mf.out
	if len(mf.holes) > 0 {
		// Filled in after the page's other fragments: an earlier one's
		// bytes stay where they are, in the array j.fills had then.
		start := len(j.fills)
		fills, ok := mf.fill(j.fills, j, v)
		if !ok {
			return "", false
		}
		j.fills, filled = fills, fills[start:len(fills):len(fills)]
	}
	marks := j.pass.frags.marks(len(j.splices))
	mark, marked := marks.div, marks.divMarked
	if mf.tags {
		mark, marked = marks.tags, marks.tagsMarked
	}
	if j.splices == nil {
		j.splices = make([]fragSplice, 0, 8) // the real layouts' five, and room
	}
	j.splices = append(j.splices, fragSplice{mark: marked, filled: filled})
	return template.HTML(mf.lead + mark + mf.trail), true
}

// spliceFragments returns m, a page minified with the marks of j's
// fragments, with the minified fragments in their places and room for
// more bytes after, made in out's memory when it fits; false when a mark
// is not there once as minified (it stood in <pre>, a comment, ...).
func (j *job) spliceFragments(out, m []byte, room int) ([]byte, bool) {
	if len(j.splices) == 0 {
		return m, true
	}
	n := len(m) + room
	for _, s := range j.splices {
		n += len(s.filled)
	}
	out = slices.Grow(out[:0], n)
	at := 0
	for _, s := range j.splices {
		k := bytes.Index(m[at:], s.mark)
		if k < 0 {
			return nil, false
		}
		out = append(out, m[at:at+k]...)
		out = append(out, s.filled...)
		at += k + len(s.mark)
	}
	// Every mark once: none left over, in a place the minifier kept.
	if bytes.Contains(m[at:], []byte("data-frag-"+j.pass.frags.nonce)) || bytes.Count(m, []byte("data-frag-"+j.pass.frags.nonce)) != len(j.splices) {
		return nil, false
	}
	return append(out, m[at:]...), true
}

// countSpliced counts the fragments of the page j made, for benchmarks.
func (j *job) countSpliced() {
	if c := j.pass.r.compact; c != nil && len(j.splices) > 0 {
		c.fragments.Add(int64(len(j.splices)))
	}
}
