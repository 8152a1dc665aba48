package glossary

import (
	"slices"
	"strings"
	"testing"
)

const file = `# glossary
[[term]]
en = "enforced disappearance"
es = "desaparición forzada"

[[term]]
en = "gang"
es = "pandilla"
note = "plural pandillas"

[[term]]
en = "release"
es = "liberación"
`

func TestCheck(t *testing.T) {
	g, err := parse([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Terms) != 3 || g.Terms[1].Line != 6 || g.Terms[1].Note != "plural pandillas" {
		t.Fatalf("terms %+v", g.Terms)
	}
	for _, c := range []struct {
		name, src, tr, want string
	}{
		{"agreed term used", "An Enforced Disappearance.", "Una desaparición forzada.", ""},
		{"term missing", "\n\nThis is an enforced disappearance.", "Una desaparición.",
			`en.md:3: uses "enforced disappearance", but es.md never says "desaparición forzada", the agreed es term (locales/glossary.toml:2)`},
		{"inflected translation counts", "gang members", "pertenecían a pandillas", ""},
		{"only whole words in the source", "They were released.", "Fueron liberados.", ""},
		{"upper case in the translation", "A gang.", "PANDILLA.", ""},
		{"a link's target is not a use", "See [the report](gang-report.md) and <https://example.org/gang>.", "Vea [el informe](gang-report.md).", ""},
		{"nor an image's, a definition's or a bare URL", "![map](gang.png \"Map\")\n\n[x]: /gang/\n\nhttps://example.org/release", "![mapa](gang.png \"Mapa\")", ""},
		{"a link's text is", "See [the gang report](report.md).", "Vea [el informe](report.md).",
			`en.md:1: uses "gang", but es.md never says "pandilla", the agreed es term (locales/glossary.toml:6)`},
		{"a target in the translation does not satisfy the term", "A gang.", "Vea [esto](pandilla.md).",
			`en.md:1: uses "gang", but es.md never says "pandilla", the agreed es term (locales/glossary.toml:6)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, m := range g.Check("en", "en.md", []byte(c.src), "es", "es.md", []byte(c.tr)) {
				got = append(got, m.Error())
			}
			if strings.Join(got, "\n") != c.want {
				t.Errorf("got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestParseError(t *testing.T) {
	_, err := parse([]byte("[[term]]\nen = \"x\nes = \"y\"\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "locales/glossary.toml:2: ") {
		t.Errorf("error %v, want one at locales/glossary.toml:2", err)
	}
}

func TestSameIn(t *testing.T) {
	gl := &Glossary{Terms: []Term{
		{Forms: map[string]string{"en": "CECOT", "es": "CECOT"}},
		{Forms: map[string]string{"en": "GSLC", "es": "gslc"}},
		{Forms: map[string]string{"en": "human rights", "es": "derechos humanos"}},
		{Forms: map[string]string{"en": "Alien Enemies Act"}},
	}}
	if got := gl.SameIn("en", "es"); !slices.Equal(got, []string{"CECOT", "GSLC"}) {
		t.Errorf("SameIn = %q, want CECOT and GSLC", got)
	}
	if got := (*Glossary)(nil).SameIn("en", "es"); got != nil {
		t.Errorf("a nil glossary's SameIn = %q", got)
	}
}
