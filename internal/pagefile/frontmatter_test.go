package pagefile

import (
	"testing"

	"cecot/internal/content"
)

func TestSet(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"toml replaces the line only",
			"+++\ntitle = \"T\"\ntranslated_from = \"old\"  \nweight = 2\n+++\nBody  \n",
			"+++\ntitle = \"T\"\ntranslated_from = \"abc def:12\"\nweight = 2\n+++\nBody  \n"},
		{"toml inserts before a table",
			"+++\ntitle = \"T\"\n[params]\nsummary = \"s\"\n+++\n\nBody\n",
			"+++\ntitle = \"T\"\ntranslated_from = \"abc def:12\"\n[params]\nsummary = \"s\"\n+++\n\nBody\n"},
		{"toml inserts at the end",
			"+++\ntitle = \"T\"\n+++\nBody\n",
			"+++\ntitle = \"T\"\ntranslated_from = \"abc def:12\"\n+++\nBody\n"},
		{"yaml",
			"---\ntitle: T\ntranslated_from: old\n---\nBody\n",
			"---\ntitle: T\ntranslated_from: \"abc def:12\"\n---\nBody\n"},
		{"crlf kept",
			"+++\r\ntitle = \"T\"\r\n+++\r\nBody\r\n",
			"+++\r\ntitle = \"T\"\r\ntranslated_from = \"abc def:12\"\r\n+++\r\nBody\r\n"},
		{"no front matter",
			"Body\n",
			"+++\ntranslated_from = \"abc def:12\"\n+++\nBody\n"},
		{"a param named alike is not the key",
			"+++\n[params]\ntranslated_from_note = \"x\"\n+++\n",
			"+++\ntranslated_from = \"abc def:12\"\n[params]\ntranslated_from_note = \"x\"\n+++\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := SetStamp([]byte(c.in), "abc def:12")
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.want {
				t.Errorf("got\n%q\nwant\n%q", got, c.want)
			}
		})
	}
	if _, err := SetStamp([]byte("+++\ntitle = \"T\"\n"), "abc"); err == nil {
		t.Error("unclosed front matter accepted")
	}
}

func TestNewTranslation(t *testing.T) {
	src := "+++\ntitle = \"Report\"\nweight = 1\n[params]\nsummary = \"s\"\n+++\n\nText.\n"
	got, err := newTranslation([]byte(src), "abc")
	if err != nil {
		t.Fatal(err)
	}
	want := "+++\ntitle = \"Report\"\nweight = 1\ndraft = true\ntranslated_from = \"abc\"\n[params]\nsummary = \"s\"\n+++\n\nText.\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	p, _, err := content.Parse(content.ID{Lang: "es", Key: "report"}, got)
	if err != nil || !p.Draft || p.TranslatedFrom != "abc" {
		t.Errorf("new translation parses as draft=%v from=%q err=%v", p.Draft, p.TranslatedFrom, err)
	}
}
