package engine

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"cecot/internal/svg"
)

// TestMinifiedSVGStaysClean: the minifier, which runs after svg.Clean,
// keeps a cleaned picture namespace-well-formed (the xlink: prefix still
// declared, every element SVG's) and accepted by Clean as it is.
func TestMinifiedSVGStaysClean(t *testing.T) {
	files, err := filepath.Glob("../svg/testdata/real/*.golden.svg")
	if err != nil || len(files) == 0 {
		t.Fatal("no cleaned pictures", err)
	}
	m := newMinifier()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		min, err := m.Minify("image/svg+xml", data)
		if err != nil {
			t.Fatal(err)
		}
		if err := svgNamespaces(min); err != nil {
			t.Errorf("%s minified: %v", filepath.Base(f), err)
		}
		if _, err := svg.Clean(min); err != nil {
			t.Errorf("%s minified: Clean refuses it: %v", filepath.Base(f), err)
		}
	}
}

// svgNamespaces checks that every element is SVG's and every attribute
// has no namespace, or XLink's or XML's, declared.
func svgNamespaces(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Space != "http://www.w3.org/2000/svg" {
			return errors.New("<" + se.Name.Local + "> in namespace " + se.Name.Space)
		}
		for _, a := range se.Attr {
			switch a.Name.Space {
			case "", "xmlns", "http://www.w3.org/1999/xlink", "http://www.w3.org/XML/1998/namespace":
			default:
				return errors.New(a.Name.Local + " in namespace " + a.Name.Space)
			}
		}
	}
}
