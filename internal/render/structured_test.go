package render

import (
	"encoding/json"
	"testing"
)

// jsonStrings are texts that json.Marshal writes with escapes, and some
// that it writes as they are: what appendJSONString must write alike.
var jsonStrings = []string{
	"", "plain", "Informe anual · 2025", "ñandú año", "with \"quotes\" and \\", "a < b > c & d",
	"</script><!--", "tab\there\nnew line\r\x00\x1f\x7f", "line\u2028sep\u2029par", "bad \xff utf-8 \xe2\x80",
	"emoji 😀", "\b\f", "https://example.org/es/informe/?a=1&b=2",
}

// TestThingJSON compares thing.appendJSON with json.Marshal: every
// field, empty and not, nested objects and lists, and the strings
// json.Marshal escapes.
func TestThingJSON(t *testing.T) {
	for _, s := range jsonStrings {
		t.Run(s, func(t *testing.T) { checkThingJSON(t, s) })
	}
}

// FuzzThingJSON is TestThingJSON for any text.
func FuzzThingJSON(f *testing.F) {
	for _, s := range jsonStrings {
		f.Add(s)
	}
	f.Fuzz(checkThingJSON)
}

// checkThingJSON fails when thing.appendJSON writes other bytes than
// json.Marshal for things that hold s, in every field in turn and in
// all at once.
func checkThingJSON(t *testing.T, s string) {
	full := func(s string) *thing {
		return &thing{Context: s, Type: s, Name: s, Headline: s, Description: s, InLanguage: s, URL: s,
			DatePublished: s, DateModified: s, Image: s}
	}
	things := []*thing{
		{},
		{Type: s},
		{Name: s, URL: s},
		full(s),
		{Type: "Article", Audience: full(s), Contributor: []*thing{full(s), {Type: s}, nil}, IsBasedOn: full(s),
			IsPartOf: &thing{Name: s}, TranslationOfWork: full(s), WorkTranslation: []*thing{{}, full(s)}},
		{Contributor: []*thing{}, WorkTranslation: []*thing{full(s)}},
	}
	for i, th := range things {
		want, err := json.Marshal(th)
		if err != nil {
			t.Fatal(err)
		}
		if got := th.appendJSON(nil); string(got) != string(want) {
			t.Errorf("thing %d with %q:\n got %s\nwant %s", i, s, got, want)
		}
	}
}
