package glossary

import (
	"encoding/xml"
	"testing"
)

// TestTBX: the glossary's TBX has one entry per term, each language's
// form and the note, and escapes what XML must.
func TestTBX(t *testing.T) {
	g, err := parse([]byte(file + "\n[[term]]\nen = \"Alien Enemies Act\"\nes = \"Ley de Enemigos Extranjeros\"\nnote = \"1798 <law> & \\\"quotes\\\"\"\n\n[[term]]\nes = \"sin inglés\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name `xml:"martif"`
		Lang    string   `xml:"lang,attr"`
		Entries []struct {
			ID       string `xml:"id,attr"`
			Descrip  string `xml:"descrip"`
			Note     string `xml:"note"`
			LangSets []struct {
				Lang string `xml:"lang,attr"`
				Term string `xml:"tig>term"`
			} `xml:"langSet"`
		} `xml:"text>body>termEntry"`
	}
	data := g.TBX([]string{"en", "es"}, "en")
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if doc.Lang != "en" || len(doc.Entries) != 4 {
		t.Fatalf("%d entries in %s", len(doc.Entries), data)
	}
	last := doc.Entries[3]
	if last.ID != "term-15" || last.Descrip != `1798 <law> & "quotes"` || last.Note != last.Descrip ||
		len(last.LangSets) != 2 || last.LangSets[0].Lang != "en" || last.LangSets[1].Term != "Ley de Enemigos Extranjeros" {
		t.Errorf("entry %+v", last)
	}
	if again := g.TBX([]string{"en", "es"}, "en"); string(again) != string(data) {
		t.Error("TBX is not deterministic")
	}
}
