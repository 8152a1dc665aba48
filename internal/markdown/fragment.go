package markdown

import (
	"bytes"

	"github.com/tdewolff/parse/v2"
)

// Minified fragments. What Splice does for a page's body, FragmentMark
// and FragmentProbe do for any piece of a page that is the same on many
// pages (a shared fragment of the layouts): the piece is minified once,
// and each page is minified with a mark in its place, which is then
// replaced by the minified piece. For a piece core (its leading and
// trailing whitespace left in the page, around the mark) that gives the
// bytes of minifying the whole page when:
//
//   - core starts with the start tag of a block that ends an open
//     paragraph (BlockBounded), as the mark does: whatever comes before
//     it is minified alike (a space before it is dropped, a </p> left
//     out), and the minifier, whose state at a tag is only whether it is
//     in <pre> or <template>, starts core in the state it starts the mark
//     in;
//   - the mark is minified to exactly its minified form, once, which
//     proves that the tag stands where the minifier reads tags (not in a
//     comment, script or attribute), outside <pre> (where its space
//     would stay) and outside <template> (where its </p> would stay);
//   - core ends with the end tag of a block that the minifier always
//     writes and that does not keep a </p> (BlockBounded): every look
//     ahead of the minifier inside core stops there at the latest, and
//     after it the minifier drops leading spaces, as after the mark's
//     </div>;
//   - core minified alone with FragmentProbe after it ends with the
//     probe's minified form: core leaves the minifier outside <pre>,
//     <template>, scripts and comments, as the mark does.
//
// The caller checks the last two on the minifier's output.

// FragmentMark returns the mark that stands for a minified fragment in
// a page; id is letters, digits and dashes, unique in the page.
func FragmentMark(id string) string { return `<div data-frag-` + id + `><p> </p></div>` }

// FragmentMarkMinified is FragmentMark(id) as the minifier leaves it
// outside <pre> and <template>.
func FragmentMarkMinified(id string) string { return `<div data-frag-` + id + `><p></div>` }

// FragmentProbe follows a fragment minified alone; see above.
const FragmentProbe = `<div data-frag-probe><p> </p></div>`

// FragmentProbeMinified is FragmentProbe minified outside <pre> and
// <template>.
const FragmentProbeMinified = `<div data-frag-probe><p></div>`

// omittedEnds are the blocks whose end tags the minifier leaves out
// (always, or for </p> when a block follows): after them it does not
// drop leading spaces as it does after other blocks.
var omittedEnds = map[string]bool{"li": true, "p": true, "td": true, "th": true, "tr": true, "thead": true, "tbody": true}

// BlockBounded reports whether core, a piece of HTML without whitespace
// around it, starts with the start tag of a block that ends an open
// paragraph and ends with the end tag of a block that the minifier
// always writes and that does not keep a </p>; see above. It also
// refuses pieces the minifier hands to other minifiers (scripts, styles,
// SVG, MathML), which need not keep a mark as it is.
func BlockBounded(core []byte) bool {
	if len(core) < 2 || core[0] != '<' || !startsBlock(core[1:]) {
		return false
	}
	i := bytes.LastIndex(core, []byte("</"))
	if i < 0 || core[len(core)-1] != '>' {
		return false
	}
	name := core[i+2 : len(core)-1]
	t, ok := tags[string(name)]
	if !ok || t&blockTag == 0 || t&keepPTag != 0 || omittedEnds[string(name)] {
		return false
	}
	lower := bytes.ToLower(core)
	for _, s := range []string{"<script", "<style", "<svg", "<math", "<?", "<textarea", "<pre", "<template", "<iframe"} {
		if bytes.Contains(lower, []byte(s)) {
			return false
		}
	}
	return true
}

// startsBlock reports whether rest, what follows a '<', is the name of a
// block that ends an open paragraph, ended as a start tag's name is.
func startsBlock(rest []byte) bool {
	j := 0
	for j < len(rest) && (rest[j] >= 'a' && rest[j] <= 'z' || rest[j] >= '0' && rest[j] <= '9') {
		j++
	}
	if j == 0 || j == len(rest) || rest[j] != '>' && rest[j] != '/' && !parse.IsWhitespace(rest[j]) {
		return false
	}
	t, ok := tags[string(rest[:j])]
	return ok && t&blockTag != 0 && t&omitPTag != 0
}
