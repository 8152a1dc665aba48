package engine

import (
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2/buffer"

	"cecot/internal/assets"
	"cecot/internal/markdown"
)

// minifier minifies every kind of text file the site publishes. It is the
// only user of tdewolff/minify, and safe for concurrent use.
type minifier struct {
	m *minify.M
}

func newMinifier() *minifier {
	m := minify.New()
	// The settings are markdown's: its compact bodies are what they
	// make of a body's HTML.
	m.Add("text/html", markdown.HTMLMinifier())
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &minifier{m: m}
}

// Minify implements assets.Minifier. The minifiers rewrite their input
// in place and need one spare byte after it, so they get a copy of data
// with that byte: one allocation of the right size, where handing them a
// reader made them copy it into a growing buffer (a tenth of a build's
// allocated bytes), and data itself, which may be shared, stays as it is.
func (m *minifier) Minify(mediaType string, data []byte) ([]byte, error) {
	in := make([]byte, len(data), len(data)+1)
	copy(in, data)
	out, err := m.m.Bytes(mediaType, in)
	if err == minify.ErrNotExist {
		return data, nil
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// minifyFile minifies the contents of a published file by its extension.
// The caller made data for this file and hands it over: it is minified
// in place, without the copy that Minify makes (a page's worth of bytes
// per page).
func (m *minifier) minifyFile(name string, data []byte) ([]byte, error) {
	mt := assets.MediaType(name)
	if _, _, minify := m.m.Match(mt); minify == nil {
		return data, nil
	}
	in := data
	if cap(in) == len(in) {
		in = append(in, 0)[:len(data)] // the spare byte the minifiers need
	}
	out, err := m.m.Bytes(mt, in)
	if err == minify.ErrNotExist {
		return data, nil
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// appendHTML appends to dst the minified data, a whole HTML file that the
// caller made and hands over, as minifyFile does (render.Minify): into dst's
// spare room, so that a caller that made room for what it adds next
// (a page's body) needs no other copy.
func (m *minifier) appendHTML(dst, data []byte) ([]byte, error) {
	in := data
	if cap(in) == len(in) {
		in = append(in, 0)[:len(data)] // the spare byte the minifiers need
	}
	w := buffer.NewWriter(dst)
	if err := m.m.Minify("text/html", w, buffer.NewReader(in)); err != nil {
		return nil, err
	}
	return w.Bytes(), nil
}
