package translate

import (
	"cecot/internal/pofiles"
	"cecot/internal/projecttest"
	"cecot/internal/translation"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// posite returns the fixture site of testdata/posite as a MapFS that a
// test may change.
func posite(t testing.TB) fstest.MapFS { return projecttest.MapFS(t, "testdata/posite") }

func rowsText(rows []translation.Unit) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%s %s %d:%d %s %q -> %q", r.State, r.Context, r.OriginalLine, r.TranslationLine, r.Kind, r.Original, r.Translation)
		if r.HasPrevious {
			fmt.Fprintf(&b, " was %q", r.Previous)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestBlocksOfFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/posite/content/en/guide.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks, err := pageBlocks("content/en/guide.md", "en", "guide", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range blocks {
		got = append(got, fmt.Sprintf("%d %s %s %q", b.Line, b.Kind, b.Anchor, b.Text))
	}
	want := []string{
		`2 title meta.title "A guide"`,
		`3 description meta.description "What the guide says, in one sentence."`,
		`7 summary meta.summary "The guide, in short."`,
		`6 menu meta.menu "Guide"`,
		"10 paragraph p1 \"The guide opens with *emphasis*, `code` and [a link](other.md \\\"The other page\\\").\"",
		`12 heading key-facts "Key facts"`,
		`14 item key-facts.item1 "First fact, with **strong** words."`,
		`15 item key-facts.item2 "Second fact,\non two lines."`,
		`18 quote key-facts.quote1 "A quoted paragraph."`,
		`20 cell key-facts.cell1 "Term"`,
		`20 cell key-facts.cell2 "Meaning"`,
		`22 cell key-facts.cell3 "CECOT"`,
		`22 cell key-facts.cell4 "a prison"`,
		`24 alt key-facts.figure1.alt "A map of the region"`,
		`24 image-title key-facts.figure1.title "Where it is"`,
		`32 paragraph p3 "A paragraph with a footnote.[^1]"`,
		`34 footnote fn.1 "The footnote's text."`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestAlign(t *testing.T) {
	fsys := posite(t)
	la, err := Align(fsys, "es")
	if err != nil {
		t.Fatal(err)
	}
	if len(la.Pages) != 2 || la.Pages[0].Key != "guide" || la.Pages[1].Key != "other" {
		t.Fatalf("pages %+v", la.Pages)
	}
	guide, other := la.Pages[0], la.Pages[1]
	if !guide.UpToDate() || guide.Counts.Translated != 17 {
		t.Errorf("guide: %+v\n%s", guide.Counts, rowsText(guide.Units))
	}
	if other.Exists || other.Counts.Missing != 2 || other.Units[1].OriginalLine != 5 {
		t.Errorf("other: %+v\n%s", other.Counts, rowsText(other.Units))
	}
	if la.Totals != (translation.Counts{Translated: 17, Missing: 2}) {
		t.Errorf("totals %+v", la.Totals)
	}
	r := guide.Units[5]
	if r.Context != "guide" || r.ID != "key-facts" || r.TranslationID != "datos-clave" || r.Translation != "Datos clave" || r.TranslationLine != 14 {
		t.Errorf("heading row %+v", r)
	}

	// The original changes in one section: without a PO file, the
	// stamp names the section, so its blocks are changed, with no
	// earlier text to show.
	en := string(fsys["content/en/guide.md"].Data)
	fsys["content/en/guide.md"] = &fstest.MapFile{Data: []byte(strings.Replace(en, "Second fact,", "Second fact, amended,", 1))}
	pa, err := AlignPage(fsys, "es", "guide")
	if err != nil {
		t.Fatal(err)
	}
	if pa.Counts.Changed != 12 || pa.Units[7].State != translation.Changed || pa.Units[7].HasPrevious || pa.Units[4].State != translation.Translated {
		t.Errorf("after an edit, without PO:\n%s", rowsText(pa.Units))
	}

	// With a PO file that records what each block was translated
	// from, only the edited block is changed, beside its old text.
	fsys[pofiles.Page("es", "guide")] = &fstest.MapFile{Data: []byte(`msgid ""
msgstr "Language: es\n"

msgctxt "guide#key-facts.item2"
msgid ""
"Second fact,\n"
"on two lines."
msgstr ""
"Segundo dato,\n"
"en dos líneas."

msgctxt "guide#p9"
msgid "Gone."
msgstr "Ido."
`)}
	pa, err = AlignPage(fsys, "es", "guide")
	if err != nil {
		t.Fatal(err)
	}
	r = pa.Units[7]
	if r.State != translation.Changed || !r.HasPrevious || r.Previous != "Second fact,\non two lines." || r.POLine != 4 {
		t.Errorf("with a PO file: %+v", r)
	}
	last := pa.Units[len(pa.Units)-1]
	if last.State != translation.Obsolete || last.Context != "guide#p9" || last.Previous != "Gone." {
		t.Errorf("obsolete row %+v", last)
	}
}
