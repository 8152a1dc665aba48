package content

import (
	"reflect"
	"testing"

	"github.com/BurntSushi/toml"

	"cecot/internal/synth"
)

// sameAsTOML fails if decodeSimpleTOML decodes fm to anything else than
// toml.Decode does. It reports whether decodeSimpleTOML took fm.
func sameAsTOML(t testing.TB, fm string) bool {
	t.Helper()
	got, ok := decodeSimpleTOML([]byte(fm))
	if !ok {
		return false
	}
	var want map[string]any
	if _, err := toml.Decode(fm, &want); err != nil {
		t.Errorf("decodeSimpleTOML took %q, which toml.Decode refuses: %v", fm, err)
		return true
	}
	if len(got) == 0 && len(want) == 0 {
		return true
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%q:\ndecodeSimpleTOML: %#v\ntoml.Decode:      %#v", fm, got, want)
	}
	return true
}

func TestSimpleTOML(t *testing.T) {
	for _, tc := range []struct {
		fm     string
		simple bool
	}{
		{"title = \"Informe\"\ndate = 2025-10-21T12:06:00Z\nweight = 49\ndraft = false\nnumbered = true\n", true},
		{"\ntitle = \"Dónde\testán\"  \n\nweight = -3\nx-y_1 = 0\n", true},
		{"title = \"a \\\"b\\\"\"\n", false},               // an escape
		{"title = 'a'\n", false},                           // a literal string
		{"date = 2025-06-01\n", false},                     // a local date
		{"date = 2025-10-21T12:06:00+02:00\n", false},      // an offset
		{"date = 2025-02-30T12:06:00Z\n", false},           // no such day
		{"weight = 007\n", false},                          // a leading zero
		{"weight = 1_000\n", false},                        // an underscore
		{"weight = +1\n", false},                           // a plus
		{"weight = 99999999999999999999\n", false},         // too large
		{"title = \"a\"\ntitle = \"b\"\n", false},          // twice
		{"title = \"a\" # note\n", false},                  // a comment
		{"# note\ntitle = \"a\"\n", false},                 // a comment line
		{"[params]\nx = 1\n", false},                       // a table
		{"a.b = 1\n", false},                               // a dotted key
		{"\"t\" = 1\n", false},                             // a quoted key
		{"title=\"a\"\n", false},                           // no spaces
		{"title = \"a\x01\"\n", false},                     // a control character
		{"title = \"\xff\"\n", false},                      // not UTF-8
		{"title = \"a\"\r\n", false},                       // a carriage return
		{"  title = \"a\"\n", false},                       // indented
		{"list = [1, 2]\n", false},                         // an array
		{"title = \"\"\nweight = 0\ndraft = true\n", true}, // empty text
	} {
		if got := sameAsTOML(t, tc.fm); got != tc.simple {
			t.Errorf("decodeSimpleTOML(%q) took it: %v, want %v", tc.fm, got, tc.simple)
		}
	}
}

// TestSimpleTOMLSyntheticSite: the synthetic site's front matter is
// all simple.
func TestSimpleTOMLSyntheticSite(t *testing.T) {
	n := 0
	for name, f := range synth.MapFS(synth.Options{N: 20}) {
		_, fm, _, err := splitFrontMatter(name, f.Data)
		if err != nil || fm == nil {
			continue
		}
		if !sameAsTOML(t, string(fm)) {
			t.Errorf("%s: front matter not simple:\n%s", name, fm)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no front matter in the synthetic site")
	}
}

func FuzzSimpleTOML(f *testing.F) {
	for _, s := range []string{
		"title = \"Informe\"\ndate = 2025-10-21T12:06:00Z\nweight = 49\ndraft = false\n",
		"weight = -0\nx = 0\ny = 18446744073\n",
		"date = 2025-12-31T23:59:59Z\nd = 2024-02-29T00:00:00Z\n",
		"t = \"a\tb ü €\"\n\n\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, fm string) {
		sameAsTOML(t, fm)
	})
}
