package svg

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/real")

const (
	open  = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">`
	openX = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`
)

// TestCleanKeeps: what the allow-list names is written again, with its
// values, its text and its structure.
func TestCleanKeeps(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"shapes", open + `<rect x="1" y="2" width="3" height="4" rx="1"/><circle cx="5" cy="5" r="2"/><path d="M0 0L10 10z" stroke-width="2"/></svg>`,
			open + `<rect x="1" y="2" width="3" height="4" rx="1"/><circle cx="5" cy="5" r="2"/><path d="M0 0L10 10z" stroke-width="2"/></svg>`},
		{"text and escapes", open + `<text x="1" y="5">a &amp; b &lt; c &gt; d "e"</text></svg>`,
			open + `<text x="1" y="5">a &amp; b &lt; c &gt; d "e"</text></svg>`},
		{"CDATA is text", open + `<text><![CDATA[x < y & z]]></text></svg>`,
			open + `<text>x &lt; y &amp; z</text></svg>`},
		{"gradient by local url()", open + `<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect width="1" height="1" fill="url(#g)"/></svg>`,
			open + `<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect width="1" height="1" fill="url(#g)"/></svg>`},
		{"pattern, clipPath, mask, marker, filter", open + `<pattern id="p"/><clipPath id="c"/><mask id="m"/><marker id="k"/><filter id="f"><feGaussianBlur stdDeviation="2"/></filter></svg>`,
			open + `<pattern id="p"/><clipPath id="c"/><mask id="m"/><marker id="k"/><filter id="f"><feGaussianBlur stdDeviation="2"/></filter></svg>`},
		{"use of a local fragment, xlink declared", open + `<use xlink:href="#a" xmlns:xlink="http://www.w3.org/1999/xlink"/><use href=" #b "/></svg>`,
			openX[:len(openX)-len(` viewBox="0 0 10 10">`)] + ` viewBox="0 0 10 10"><use xlink:href="#a"/><use href="#b"/></svg>`},
		{"style attribute and element", open + `<style>rect { fill: #123 } a > b { opacity: .5 }</style><rect style="fill:red;stroke:url( '#x' )"/></svg>`,
			open + `<style>rect { fill: #123 } a &gt; b { opacity: .5 }</style><rect style="fill:red;stroke:url( '#x' )"/></svg>`},
		{"xml:space and xml:lang", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" xml:space="preserve"><text xml:lang="es">hola</text></svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" xml:space="preserve"><text xml:lang="es">hola</text></svg>`},
		{"line breaks in attributes kept as references", open + `<path d="M0 0&#10;L1 1` + "\tz" + `"/></svg>`,
			open + `<path d="M0 0&#10;L1 1&#9;z"/></svg>`},
		{"any prefix for the SVG namespace", `<s:svg xmlns:s="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><s:rect width="1"/></s:svg>`,
			open + `<rect width="1"/></svg>`},
		{"no namespace at all", `<svg viewBox="0 0 10 10"><rect width="1"/></svg>`,
			open + `<rect width="1"/></svg>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Clean([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(p.Data) != tc.want {
				t.Errorf("Clean(%s)\n= %s\nwant %s", tc.in, p.Data, tc.want)
			}
			if err := checkSafe(p.Data); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestCleanDrops: what browsers ignore anyway goes without a word.
func TestCleanDrops(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"XML declaration, comments, other instructions", `<?xml version="1.0" encoding="UTF-8"?><!-- made by hand --><?foo bar?>` + open + `<!-- c --><g/></svg><!-- after -->`,
			open + `<g/></svg>`},
		{"DOCTYPE without declarations", `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + open + `</svg>`,
			open[:len(open)-1] + `/>`},
		{"a drawing program's elements and attributes", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" viewBox="0 0 10 10" inkscape:version="1.3"><sodipodi:namedview pagecolor="#fff"><inkscape:grid/></sodipodi:namedview><g inkscape:label="Layer 1" inkscape:groupmode="layer"><rect width="1"/></g></svg>`,
			open + `<g><rect width="1"/></g></svg>`},
		{"metadata with its content", open + `<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">A witness</dc:creator></rdf:RDF></metadata><g/></svg>`,
			open + `<g/></svg>`},
		{"unknown elements and attributes", open + `<font-face><font-face-uri href="https://x.example/f.svg"/></font-face><g data-x="1" xml:base="https://x.example/" src="x" VIEWBOX="0 0 1 1"/></svg>`,
			open + `<g/></svg>`},
		{"wrong case is not the name", open + `<a HREF="javascript:alert(1)"><RECT width="1"/></a></svg>`,
			open + `<a/></svg>`},
		{"elements inside a style", open + `<style>a{}<g>@import url(x)</g></style></svg>`,
			open + `<style>a{}</style></svg>`},
		{"text outside the root element", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>` + "\n",
			open[:len(open)-1] + `/>`},
		{"foreign namespaces' own declarations", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="urn:x" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"/>`,
			open[:len(open)-1] + `/>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Clean([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(p.Data) != tc.want {
				t.Errorf("Clean(%s)\n= %s\nwant %s", tc.in, p.Data, tc.want)
			}
			if err := checkSafe(p.Data); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestCleanRefuses: a test per rule of refusal, with the line named.
func TestCleanRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		line     int
		want     string
	}{
		{"script", open + "\n<script>alert(1)</script></svg>", 2, "has <script>: a script runs code"},
		{"script in any case", open + "\n<ScRiPt/></svg>", 2, "has <ScRiPt>"},
		{"script under another prefix", open + "\n<h:script xmlns:h=\"urn:x\"/></svg>", 2, "has <script>"},
		{"SVG Tiny handler", open + "<handler/></svg>", 1, "has <handler>"},
		{"event handler attribute", open + "\n\n<rect onclick=\"x()\"/></svg>", 3, "event handler onclick= on <rect>"},
		{"event handler in any case or namespace", open + "<rect x:OnMouseOver=\"x()\" xmlns:x=\"urn:x\"/></svg>", 1, "event handler OnMouseOver="},
		{"foreignObject", open + "<foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">x</p></foreignObject></svg>", 1, "has <foreignObject>: it puts a web page"},
		{"HTML elements", open + "<g xmlns=\"http://www.w3.org/1999/xhtml\"/></svg>", 1, "has HTML (<g>)"},
		{"iframe", open + "<iframe/></svg>", 1, "has <iframe>"},
		{"animate", open + "<animate attributeName=\"href\" to=\"javascript:x()\"/></svg>", 1, "has <animate>: animation can change a link"},
		{"set", open + "<set attributeName=\"href\" to=\"javascript:x()\"/></svg>", 1, "has <set>"},
		{"animateMotion", open + "<animateMotion path=\"M0 0\"/></svg>", 1, "has <animateMotion>"},
		{"javascript: link", open + "<a href=\"javascript:x()\"/></svg>", 1, "link on <a> that runs code"},
		{"javascript: link spelled with references and spaces", open + "<a xlink:href=\" &#x6A;ava&#9;script:x()\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"/></svg>", 1, "runs code"},
		{"data: URL", open + "<image href=\"data:image/png;base64,AAAA\"/></svg>", 1, "as a data: URL"},
		{"reference to another file", open + "<use href=\"sprites.svg#a\"/></svg>", 1, "has <use> refer to \"sprites.svg#a\", outside the picture"},
		{"reference to another site", open + "<image href=\"https://x.example/t.png\"/></svg>", 1, "outside the picture"},
		{"url() to another file", open + "<rect fill=\"url(https://x.example/p.svg#g)\"/></svg>", 1, "url() may only name a part of the picture"},
		{"url() in a style attribute", open + "<rect style=\"fill:URL( 'x.svg#g' )\"/></svg>", 1, "url() may only name"},
		{"url() in a style element, split by a comment", open + "\n<style>rect{fill:u<!-- -->rl(x.svg#g)}</style></svg>", 2, "has a <style> element: url()"},
		{"@import", open + "<style>@IMPORT 'x.css';</style></svg>", 1, "@import loads another stylesheet"},
		{"@import split by CDATA", open + "<style>@im<![CDATA[port]]> 'x.css';</style></svg>", 1, "@import"},
		{"CSS escapes", open + "<rect style=\"fill:\\75 rl(x.svg)\"/></svg>", 1, "backslash escape"},
		{"image-set()", open + "<style>rect{fill:image-set('x.png' 1x)}</style></svg>", 1, "image-set() loads another file"},
		{"expression()", open + "<rect style=\"width:expression(x())\"/></svg>", 1, "run code"},
		{"entity declarations", "<!DOCTYPE svg [\n<!ENTITY x \"y\">\n]>\n" + open + "<text>&x;</text></svg>", 1, "declares entities or attributes in its DOCTYPE"},
		{"attribute declarations", "<!DOCTYPE svg [<!ATTLIST svg onload CDATA \"x()\">]>" + open + "</svg>", 1, "declares entities or attributes"},
		{"xml-stylesheet", "<?xml-stylesheet href=\"x.css\"?>\n" + open + "</svg>", 1, "loads a stylesheet from another file"},
		{"an attribute twice", open + "\n<a href=\"#x\" href=\"#y\"/></svg>", 2, "has the attribute href twice"},
		{"a second root element", open + "</svg>\n<svg/>", 2, "second top-level element"},
		{"use in a loop", open + "\n<g id=\"a\"><use href=\"#b\"/></g>\n<g id=\"b\">\n<use href=\"#a\"/></g></svg>", 4, "a loop browsers refuse to draw"},
		{"use of its own ancestor", open + "<g id=\"a\">\n<use href=\"#a\"/></g></svg>", 2, "a loop"},
		{"use repeating too much", open + "\n<rect id=\"r0\"/>" + useLevels(6) + "</svg>", 1, "more than 200,000 elements"},
		{"nesting too deep", open + strings.Repeat("<g>", maxDepth) + strings.Repeat("</g>", maxDepth) + "</svg>", 1, "nests elements more than 500 deep"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Clean([]byte(tc.in))
			if err == nil {
				t.Fatalf("Clean published %s", p.Data)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not an *Error", err)
			}
			if e.Line != tc.line || !strings.Contains(e.Reason, tc.want) {
				t.Errorf("error %q at line %d; want %q at line %d", e.Reason, e.Line, tc.want, tc.line)
			}
		})
	}
}

// useLevels returns n groups, each using the one before it ten times:
// 10^n elements drawn.
func useLevels(n int) string {
	var b strings.Builder
	for l := 1; l <= n; l++ {
		fmt.Fprintf(&b, "<g id=\"r%d\">", l)
		for range 10 {
			fmt.Fprintf(&b, "<use href=\"#r%d\"/>", l-1)
		}
		b.WriteString("</g>")
	}
	return b.String()
}

// TestUseWithinBounds: a picture that repeats a shape many times, as a
// map of points does, is published; uses of what does not exist too (a
// browser draws nothing for them).
func TestUseWithinBounds(t *testing.T) {
	var b strings.Builder
	b.WriteString(open + `<defs><symbol id="dot"><circle r="2"/><circle r="1"/></symbol></defs>`)
	for i := range 20_000 {
		fmt.Fprintf(&b, `<use href="#dot" x="%d"/>`, i)
	}
	b.WriteString(`<use href="#nothing"/>` + useLevels(4) + `<rect id="r0"/></svg>`)
	if _, err := Clean([]byte(b.String())); err != nil {
		t.Fatal(err)
	}
}

// TestCleanRefusesBrokenFiles: what is not well-formed XML, or not SVG,
// is refused as the browser would show nothing of it.
func TestCleanRefusesBrokenFiles(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"unclosed", open + "<g></svg>", "not a well-formed SVG file"},
		{"undeclared entity", open + "<text>&nbsp;</text></svg>", "not a well-formed SVG file"},
		{"not UTF-8", `<?xml version="1.0" encoding="ISO-8859-1"?>` + open + "</svg>", "is not saved as UTF-8"},
		{"not SVG", `<html xmlns="http://www.w3.org/1999/xhtml"/>`, "first element is not <svg>"},
		{"SVG name in another namespace", `<svg xmlns="urn:x"/>`, "first element is not <svg>"},
		{"empty", ``, "has no <svg> element"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Clean([]byte(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Clean(%s) = %v; want %q", tc.in, err, tc.want)
			}
		})
	}
}

func TestSize(t *testing.T) {
	for _, tc := range []struct {
		name, attrs string
		w, h        int
		want        string
	}{
		{"viewBox", `viewBox="0 0 800 450"`, 800, 450, ""},
		{"viewBox with commas", `viewBox="0,0,30.4,20"`, 30, 20, ""},
		{"pixels win over viewBox", `width="120px" height="60" viewBox="0 0 12 6"`, 120, 60, ""},
		{"small viewBox with a size in pixels", `width="100" height="100" viewBox="0 0 0.1 0.1"`, 100, 100, ""},
		{"percent falls back to the viewBox", `width="100%" viewBox="0 0 30 20"`, 30, 20, ""},
		{"other units fall back to the viewBox", `width="210mm" height="297mm" viewBox="0 0 210 297"`, 210, 297, ""},
		{"the limits", `viewBox="0 0 1 100000"`, 1, 100000, ""},
		{"huge viewBox", `viewBox="0 0 1e300 1e300"`, 0, 0, "a size of 1e+300 × 1e+300 pixels"},
		{"tiny viewBox", `viewBox="0 0 0.1 0.1"`, 0, 0, "must be between 1 and 100,000 pixels"},
		{"past the limit", `viewBox="0 0 100001 10"`, 0, 0, "must be between 1 and 100,000"},
		{"infinite", `viewBox="0 0 1e400 10"`, 0, 0, "is not four numbers"},
		{"NaN", `viewBox="0 0 NaN 10"`, 0, 0, "is not four numbers"},
		{"Inf", `viewBox="0 0 Inf 10"`, 0, 0, "is not four numbers"},
		{"hexadecimal", `viewBox="0 0 0x10 10"`, 0, 0, "is not four numbers"},
		{"negative", `viewBox="0 0 -10 10"`, 0, 0, "is not four numbers"},
		{"three numbers", `viewBox="0 0 10"`, 0, 0, "is not four numbers"},
		{"zero width in pixels", `width="0" height="10" viewBox="0 0 10 10"`, 0, 0, `has width="0"`},
		{"huge height in pixels", `width="10" height="1e300px"`, 0, 0, `has height="1e300px"`},
		{"no size", ``, 0, 0, "has no viewBox"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Clean([]byte(`<svg xmlns="http://www.w3.org/2000/svg" ` + tc.attrs + `/>`))
			if err != nil {
				t.Fatal(err)
			}
			w, h, err := p.Size()
			switch {
			case tc.want == "" && err != nil:
				t.Fatal(err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("Size() = %d, %d, %v; want error %q", w, h, err, tc.want)
			case w != tc.w || h != tc.h:
				t.Errorf("Size() = %d × %d; want %d × %d", w, h, tc.w, tc.h)
			}
		})
	}
}

// hostile is the expected fate of each file of testdata/hostile (see
// its README): the reason it is refused for, or "" when what remains is
// published.
var hostile = map[string]string{
	"owasp-onload.svg":                         "event handler onload=",
	"owasp-href-embedded-tab.svg":              "runs code",
	"owasp-href-embedded-newline.svg":          "runs code",
	"owasp-href-char-refs.svg":                 "runs code",
	"owasp-href-leading-space.svg":             "runs code",
	"owasp-style-expression.svg":               "run code",
	"owasp-style-import.svg":                   "@import",
	"owasp-style-url-javascript.svg":           "url() may only name",
	"owasp-moz-binding.svg":                    "run code",
	"owasp-cdata-script-text.svg":              "",
	"portswigger-animate-href.svg":             "has <animate>",
	"portswigger-set-href.svg":                 "has <set>",
	"portswigger-animate-onbegin.svg":          "has <animate>",
	"portswigger-animatetransform-onbegin.svg": "has <animateTransform>",
	"portswigger-discard-onbegin.svg":          "has <discard>",
	"portswigger-use-data-url.svg":             "data: URL",
	"portswigger-script-href.svg":              "has <script>",
	"portswigger-image-onerror.svg":            "event handler onerror=",
	"portswigger-foreignobject-iframe.svg":     "has <foreignObject>",
	"portswigger-a-javascript.svg":             "runs code",
	"dompurify-cdata-image.svg":                "",
	"dompurify-style-closing-tag.svg":          "",
	"dompurify-svg-onload-case.svg":            "event handler onLoad=",
	"svgsanitizer-entity.svg":                  "declares entities",
	"svgsanitizer-external-fill.svg":           "url() may only name",
	"svgsanitizer-href-mixed-case.svg":         "",
	"svgsanitizer-html-in-svg.svg":             "has HTML (<p>)",
	"svgsanitizer-form.svg":                    "has HTML (<form>)",
	"svgsanitizer-malicious-js.svg":            "event handler onload=",
	"svgsanitizer-use-external.svg":            "outside the picture",
	"svgsanitizer-cdata-style.svg":             "",
	"svgsanitizer-use-laughs.svg":              "more than 200,000 elements",
	"svgsanitizer-use-loop.svg":                "a loop browsers refuse to draw",
	"xxe-file.svg":                             "declares entities",
	"xxe-billion-laughs.svg":                   "declares entities",
	"xxe-attlist-handler.svg":                  "declares entities or attributes",
	"xxe-undeclared-entity.svg":                "invalid character entity &js;",
	"ns-xhtml-script.svg":                      "has <script>",
	"ns-default-redeclared.svg":                "has HTML (<g>)",
	"ns-svg-prefix-script.svg":                 "has <script>",
	"ns-xlink-alias.svg":                       "runs code",
	"ns-foreign-element-dropped.svg":           "",
	"ns-foreign-handler.svg":                   "event handler onclick=",
	"ns-uppercase-script.svg":                  "has <SCRIPT>",
	"ext-image-https.svg":                      "outside the picture",
	"ext-feimage.svg":                          "outside the picture",
	"ext-textpath.svg":                         "outside the picture",
	"ext-xml-stylesheet.svg":                   "loads a stylesheet from another file",
	"ext-xslt.svg":                             "loads a stylesheet from another file",
	"ext-css-escaped-url.svg":                  "backslash escape",
	"ext-style-comment-split.svg":              "@import",
	"ext-style-cdata-split.svg":                "url() may only name",
	"ext-image-set.svg":                        "image-set()",
	"ext-xml-base.svg":                         "",
	"ext-font-face-uri.svg":                    "",
	"xml-second-root.svg":                      "has <script>",
	"xml-duplicate-attribute.svg":              "href twice",
	"xml-latin1.svg":                           "not saved as UTF-8",
	"xml-handler-tiny.svg":                     "has <handler>",
	"xml-deep-nesting.svg":                     "nests elements more than",
}

// TestHostileCorpus: every hostile picture is refused for its reason, or
// what is published of it parses as SVG and holds nothing on the deny
// side.
func TestHostileCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/hostile/*.svg")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 30 || len(files) != len(hostile) {
		t.Fatalf("%d files in testdata/hostile, %d expectations; each file needs one", len(files), len(hostile))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			want, ok := hostile[name]
			if !ok {
				t.Fatal("no expectation")
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Clean(data)
			switch {
			case want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case want != "" && err == nil:
				t.Fatalf("published %s; want refused for %q", p.Data, want)
			case want != "" && !strings.Contains(err.Error(), want):
				t.Fatalf("refused for %v; want %q", err, want)
			case err == nil:
				if err := checkSafe(p.Data); err != nil {
					t.Fatalf("published %s, which %v", p.Data, err)
				}
			}
		})
	}
}

// TestRealPictures: pictures made by drawing programs (Illustrator,
// Inkscape, by hand) are published, with their drawing kept: the output
// is stable (golden files), safe, cleaned again unchanged, and has every
// drawing element of the original.
func TestRealPictures(t *testing.T) {
	files, err := filepath.Glob("testdata/real/*.svg")
	if err != nil || len(files) == 0 {
		t.Fatal("no pictures in testdata/real", err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".golden.svg") {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Clean(data)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := p.Size(); err != nil {
				t.Error(err)
			}
			if err := checkSafe(p.Data); err != nil {
				t.Error(err)
			}
			again, err := Clean(p.Data)
			if err != nil || !bytes.Equal(again.Data, p.Data) {
				t.Errorf("cleaning the output again changes it (%v)", err)
			}
			for _, el := range []string{"<path", "<rect", "<circle", "<ellipse", "<polygon", "<polyline", "<line", "<text", "<use", "Gradient"} {
				if in, out := countSVG(data, el), bytes.Count(p.Data, []byte(el)); in != out {
					t.Errorf("%d %s in the original, %d published", in, el, out)
				}
			}
			golden := strings.TrimSuffix(f, ".svg") + ".golden.svg"
			if *update {
				if err := os.WriteFile(golden, p.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(p.Data, want) {
				t.Errorf("output differs from %s; run go test -update if the change is meant", golden)
			}
		})
	}
}

// countSVG counts an element's start tags in a drawing, with or without
// the svg: prefix that some programs write.
func countSVG(data []byte, el string) int {
	n := bytes.Count(data, []byte(el))
	if strings.HasPrefix(el, "<") {
		n += bytes.Count(data, []byte("<svg:"+el[1:]))
	}
	return n
}
