package translate

import (
	"bytes"
	"errors"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/locale"
	"cecot/internal/markdown"
	"cecot/internal/po"
	"cecot/internal/projecttest"
	"cecot/internal/promise"
	"cecot/internal/translation"
)

// executable returns what in a page's HTML could run script or load
// another document: such an element, an event handler attribute, or a
// link whose scheme is not one the site allows; "" when there is none.
func executable(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.DataAtom {
			case atom.Script, atom.Iframe, atom.Object, atom.Embed, atom.Style, atom.Svg, atom.Math, atom.Base, atom.Form, atom.Meta, atom.Link:
				return tok.String()
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") || (a.Key == "href" || a.Key == "src") && !markdown.SafeURL(a.Val) {
					return tok.String()
				}
			}
		}
	}
}

// FuzzImport gives any msgstr to any message of the fixture site's PO
// files (a page's and the interface strings') and imports. Import must
// either refuse it, at a line of that PO file, or write Markdown whose
// blocks are the original's (the same kinds, in the same order), each
// keeping its original's promises (links, footnotes, code, breaks), and
// whose HTML runs nothing; and interface strings that load, placeholders
// and all.
func FuzzImport(f *testing.F) {
	base := posite(f)
	p, err := PlanExport(base, nil)
	if err != nil {
		f.Fatal(err)
	}
	projecttest.Put(base, p.Files)
	const guide, strs = "locales/po/pages/es/guide.po", "locales/po/strings/es.po"
	files := map[string]*po.File{}
	var targets []struct {
		file string
		i    int
	}
	for _, name := range []string{guide, strs} {
		pf, err := po.Read(name, base[name].Data)
		if err != nil {
			f.Fatal(err)
		}
		files[name] = pf
		for i := range pf.Entries {
			targets = append(targets, struct {
				file string
				i    int
			}{name, i})
		}
	}
	for _, seed := range []string{
		"Un párrafo con una nota.[^1]", "sin nota", "[^2]", "# título", "- lista", "a\n\nb", "<script>alert(1)</script>",
		"[x](javascript:alert(1))", "`code` y [un enlace](other.md \"t\")", "*énfasis", "| celda |", "{{.Count}} minutos",
		"{{.Count", "{{.Cuenta}}", "línea  \notra", "[^1]: def", "[x]: /y", "![img](/assets/map.png)", "<img src=x onerror=alert(1)>",
		"---", "+++", "\"comillas\"", "\\", "",
	} {
		for i := range targets {
			f.Add(uint8(i), seed)
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, msgstr string) {
		target := targets[int(which)%len(targets)]
		pf := *files[target.file]
		pf.Entries = make([]*po.Entry, len(files[target.file].Entries))
		for i, e := range files[target.file].Entries {
			c := *e
			pf.Entries[i] = &c
		}
		e := pf.Entries[target.i]
		e.SetFuzzy(false)
		e.Str = make([]string, len(e.Str))
		for i := range e.Str {
			e.Str[i] = msgstr
		}
		fsys := maps.Clone(base)
		data := pf.Bytes()
		if _, err := po.Read(target.file, data); err != nil {
			return // not a PO file any more: the reader's fuzz target covers it
		}
		fsys[target.file] = &fstest.MapFile{Data: data}
		plan, err := PlanImport(fsys, nil)
		if err != nil {
			refusedAtLine(t, err, target.file)
			return
		}
		projecttest.Put(fsys, plan.Files)
		samePromises(t, fsys, msgstr)
		if _, _, err := locale.Load(fsys, []string{"en", "es"}, "en"); err != nil {
			t.Fatalf("msgstr %q imported, and the interface strings no longer load: %v", msgstr, err)
		}
	})
}

// place is a block's anchor without its section's, which is a heading's
// ID and so differs between languages: "item1", "p3", "fn.1".
func place(b block) string {
	switch b.Kind {
	case translation.KindHeading:
		return ""
	case translation.KindFootnote, translation.KindParagraph:
		return b.Anchor
	}
	_, rest, _ := strings.Cut(b.Anchor, ".")
	return rest
}

// refusedAtLine fails t unless every problem of err is located at a line
// of the PO file name.
func refusedAtLine(t *testing.T, err error, name string) {
	t.Helper()
	var list diag.List
	if !errors.As(err, &list) {
		list = diag.List{err}
	}
	for _, e := range list {
		var d *diag.Error
		if !errors.As(e, &d) || d.Path != name || d.Line <= 0 {
			t.Fatalf("refused, but not at a line of %s: %v", name, err)
		}
	}
}

// composed returns the Spanish guide as the build shows it: an emptied
// msgstr takes its block out of the Markdown (issue 19, case 10), and
// the build puts the original's block in its place, by the record of
// the page's blocks (translation.Compose).
func composed(t *testing.T, fsys fstest.MapFS, msgstr string) []byte {
	t.Helper()
	src := fsys["content/es/guide.md"].Data
	page, _, err := content.Parse(content.ID{Lang: "es", Key: "guide"}, src)
	if err != nil {
		t.Fatalf("msgstr %q imported, and the page no longer parses: %v", msgstr, err)
	}
	orig, _, err := content.Parse(content.ID{Lang: "en", Key: "guide"}, fsys["content/en/guide.md"].Data)
	if err != nil {
		t.Fatal(err)
	}
	if page.BlocksFrom == "" {
		return src
	}
	rec, err := translation.ParseRecord(page.BlocksFrom)
	if err != nil {
		t.Fatalf("msgstr %q imported: %v", msgstr, err)
	}
	c, err := translation.Compose(orig.Body, page.Body, rec)
	if err != nil {
		t.Fatalf("msgstr %q imported, and the build would refuse the page: %v\n%s", msgstr, err, src)
	}
	if len(c.Untranslated) > 0 && msgstr != "" {
		t.Fatalf("msgstr %q imported, and the build shows %d blocks in English\n%s", msgstr, len(c.Untranslated), src)
	}
	// The body keeps the front matter's lines, left blank.
	end := bytes.Index(src[3:], []byte("\n+++\n"))
	if end < 0 {
		t.Fatalf("no TOML front matter:\n%s", src)
	}
	front := src[:end+3+len("\n+++\n")]
	return append(append(append([]byte(nil), front...), '\n'), bytes.TrimLeft(c.Body, "\n")...)
}

// samePromises fails t unless the Spanish guide, as the build shows it,
// has the English guide's blocks, each keeping its promises, and HTML
// that runs nothing.
func samePromises(t *testing.T, fsys fstest.MapFS, msgstr string) {
	t.Helper()
	en, err := pageBlocks("content/en/guide.md", "en", "guide", fsys["content/en/guide.md"].Data, nil)
	if err != nil {
		t.Fatal(err)
	}
	src := composed(t, fsys, msgstr)
	es, err := pageBlocks("content/es/guide.md", "es", "guide", src, nil)
	if err != nil {
		t.Fatalf("msgstr %q imported, and the page no longer parses: %v", msgstr, err)
	}
	if len(es) != len(en) {
		t.Fatalf("msgstr %q imported: %d blocks, the original has %d\n%s", msgstr, len(es), len(en), src)
	}
	for i := range en {
		if es[i].Kind != en[i].Kind || place(es[i]) != place(en[i]) {
			t.Fatalf("msgstr %q imported: block %d is %s %s, in the original %s %s\n%s", msgstr, i, es[i].Kind, es[i].Anchor, en[i].Kind, en[i].Anchor, src)
		}
		if ps := promise.Markdown(unitOf(en[i]), en[i].Text, es[i].Text, promise.Options{}); ps != nil {
			t.Fatalf("msgstr %q imported: %s %s breaks a promise: %v", msgstr, es[i].Kind, es[i].Anchor, ps)
		}
	}
	page, _, err := content.Parse(content.ID{Lang: "es", Key: "guide"}, src)
	if err != nil {
		t.Fatal(err)
	}
	res, err := markdown.New(markdown.Options{}).Convert(page.Body, markdown.Page{File: "content/es/guide.md"})
	if err != nil {
		return // refused by the build, at the page's line: nothing published
	}
	if m := executable(res.HTML); m != "" {
		t.Fatalf("msgstr %q imported: the page's HTML holds %q\n%s", msgstr, m, res.HTML)
	}
}
