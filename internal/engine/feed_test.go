package engine

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"testing"

	"cecot/internal/synth"
)

// fuzzFeed is a feed made of the fuzzer's strings, with one entry and
// every optional field set or left out by them.
func fuzzFeed(a, b, c, d string) *atomFeed {
	return &atomFeed{
		Lang: a, ID: b, Title: c, Subtitle: d,
		Links:   []atomLink{{Rel: "self", Type: a, Href: b}, {Rel: c, Hreflang: d, Href: a}},
		Updated: d,
		Author:  atomAuthor{Name: a, URI: c},
		Entries: []atomEntry{
			{ID: a, Title: b, Links: []atomLink{{Rel: d, Type: c, Hreflang: b, Href: a}}, Published: c, Updated: b, Summary: d},
			{ID: d, Title: c, Updated: a},
		},
	}
}

var feedSeeds = [][4]string{
	{"en", "tag:example.org,2025:en", "Annual report", "A summary."},
	{"es", "", "", ""},
	{`"quoted" & 'apos' <tag>`, "tab\there\nnew line\r\n", "  spaced  ", "\x00\x01 bad \xff bytes \uFFFD"},
	{"Informe · año", "😀 \U0010FFFF \uFFFE", "]]> <!-- -->", "&amp; &#34;"},
}

// FuzzFeedXML holds appendXML to what xml.Marshal writes for the same
// feed, byte for byte.
func FuzzFeedXML(f *testing.F) {
	for _, s := range feedSeeds {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		feed := fuzzFeed(a, b, c, d)
		want, err := xml.Marshal(feed)
		if err != nil {
			t.Skip(err)
		}
		if got := feed.appendXML(nil); !bytes.Equal(got, want) {
			t.Errorf("appendXML:\n%s\nxml.Marshal:\n%s", got, want)
		}
	})
}

// indentedFeed is the feed as it was written before appendXML: by
// encoding/xml, indented.
func indentedFeed(t testing.TB, f *atomFeed) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		t.Fatal(err)
	}
	b.WriteString("\n")
	return b.Bytes()
}

// sameMinified checks that the feed written as feed writes it and the
// feed indented by encoding/xml minify to the same bytes.
func sameMinified(t testing.TB, m *minifier, f *atomFeed, compact []byte) {
	t.Helper()
	want, err := m.minifyFile("feed.xml", indentedFeed(t, f))
	if err != nil {
		t.Fatal(err)
	}
	got, err := m.minifyFile("feed.xml", compact)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("minified feeds differ:\n%s\nindented before:\n%s", got, want)
	}
}

// FuzzFeedIndentMinifiesAway checks that leaving out the indentation
// changes nothing once the feed is minified.
func FuzzFeedIndentMinifiesAway(f *testing.F) {
	for _, s := range feedSeeds {
		f.Add(s[0], s[1], s[2], s[3])
	}
	m := newMinifier()
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		feed := fuzzFeed(a, b, c, d)
		compact := append([]byte(xml.Header), feed.appendXML(nil)...)
		sameMinified(t, m, feed, append(compact, '\n'))
	})
}

// TestFeedIndentMinifiesAway compares the published feeds of the real
// site and of a synthetic one with the feeds encoding/xml wrote before.
func TestFeedIndentMinifiesAway(t *testing.T) {
	synthSrc := filepath.Join(t.TempDir(), "src")
	if err := synth.WriteDir(synthSrc, synth.Options{N: 40}); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{filepath.Join("..", ".."), synthSrc} {
		root, err := os.OpenRoot(src)
		if err != nil {
			t.Fatal(err)
		}
		site, err := Load(root.FS(), Options{})
		root.Close()
		if err != nil {
			t.Fatal(err)
		}
		if site.Config.BaseURL == "" {
			t.Fatalf("%s: no base URL, so no feeds", src)
		}
		for _, lang := range site.Config.Codes() {
			f := site.atomFeed(lang)
			if len(f.Entries) == 0 {
				t.Errorf("%s: %s: a feed without entries tests little", src, lang)
			}
			compact, err := site.feed(lang)
			if err != nil {
				t.Fatal(err)
			}
			sameMinified(t, site.min, f, compact)
		}
	}
}

// FuzzXMLText holds appendXMLText to xml.EscapeText, which the sitemap
// used before.
func FuzzXMLText(f *testing.F) {
	for _, s := range feedSeeds {
		for _, v := range s {
			f.Add(v)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got := appendXMLText([]byte("x"), s); string(got) != "x"+want.String() {
			t.Errorf("appendXMLText(%q) = %q, want %q", s, got[1:], want.Bytes())
		}
	})
}
