package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

const twoLanguages = `
[languages.es]
name = "Español"
weight = 2

[languages.en]
name = "English"
weight = 1
`

func TestParse(t *testing.T) {
	c, err := Parse([]byte(`title = "Site"
baseURL = "https://example.org/report"
defaultLanguage = "es"
source = "submission"
[params]
anything = "goes"
` + twoLanguages))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Codes(), ","); got != "en,es" {
		t.Errorf("languages %s, want en,es (by weight)", got)
	}
	if c.DefaultLanguage != "es" {
		t.Errorf("default language %q, want es", c.DefaultLanguage)
	}
	if c.BaseURL != "https://example.org/report/" || c.BasePath() != "/report/" {
		t.Errorf("base URL %q, path %q", c.BaseURL, c.BasePath())
	}
	if l := c.Language("es"); l == nil || l.Name != "Español" || l.Title != "Site" {
		t.Errorf("Language(es) = %+v, want its name and the site title", l)
	}
	if c.Source != "submission" {
		t.Errorf("source %q, want submission", c.Source)
	}
	if c.Params["anything"] != "goes" {
		t.Errorf("params %v", c.Params)
	}
	if c.UnsafeHTML {
		t.Errorf("unsafe HTML is on by default")
	}
}

func TestLanguageOrder(t *testing.T) {
	for _, tc := range []struct {
		name, toml, order, def string
	}{
		{"by weight", twoLanguages, "en,es", "en"},
		{"same weight by code", "[languages.fr]\n[languages.de]\n[languages.es]\n", "de,es,fr", "de"},
		{"weight before code", "[languages.de]\nweight = 3\n[languages.fr]\nweight = 1\n", "fr,de", "fr"},
		{"default not first", "defaultLanguage = \"es\"\n" + twoLanguages, "en,es", "es"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse([]byte(tc.toml))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(c.Codes(), ","); got != tc.order {
				t.Errorf("order %s, want %s", got, tc.order)
			}
			if c.DefaultLanguage != tc.def {
				t.Errorf("default %s, want %s", c.DefaultLanguage, tc.def)
			}
		})
	}
}

func TestBaseURL(t *testing.T) {
	for _, tc := range []struct{ in, url, path string }{
		{"", "", "/"},
		{"https://example.org", "https://example.org/", "/"},
		{"https://example.org/", "https://example.org/", "/"},
		{"http://example.org/cecot", "http://example.org/cecot/", "/cecot/"},
		{"https://user.github.io/cecot-report/", "https://user.github.io/cecot-report/", "/cecot-report/"},
		{"https://example.org:8443/a/b", "https://example.org:8443/a/b/", "/a/b/"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			c, err := Parse([]byte("baseURL = \"" + tc.in + "\"\n" + twoLanguages))
			if err != nil {
				t.Fatal(err)
			}
			if c.BaseURL != tc.url || c.BasePath() != tc.path {
				t.Errorf("got %q (path %q), want %q (path %q)", c.BaseURL, c.BasePath(), tc.url, tc.path)
			}
			// The flag normalizes the same way.
			if err := c.SetBaseURL(tc.in); err != nil || c.BaseURL != tc.url {
				t.Errorf("SetBaseURL: %q, %v", c.BaseURL, err)
			}
		})
	}
}

func TestBaseURLErrors(t *testing.T) {
	for _, in := range []string{
		"example.org",
		"/cecot/",
		"ftp://example.org/",
		"https://",
		"https://example.org/?page=1",
		"https://example.org/#top",
		"https://exa mple.org/",
	} {
		t.Run(in, func(t *testing.T) {
			_, err := Parse([]byte("title = \"x\"\nbaseURL = \"" + in + "\"\n" + twoLanguages))
			if err == nil || !strings.HasPrefix(err.Error(), "site.toml:2: baseURL: ") {
				t.Errorf("got %v, want an error at site.toml:2", err)
			}
			c, _ := Parse([]byte(twoLanguages))
			if err := c.SetBaseURL(in); err == nil || !strings.HasPrefix(err.Error(), "-baseurl: ") {
				t.Errorf("SetBaseURL: got %v, want an error about -baseurl", err)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, toml string
		want       []string
	}{
		{
			"unknown top-level key",
			"title = \"x\"\nthemeColour = \"#000\"\n" + twoLanguages,
			[]string{`site.toml:2: unknown key "themeColour" (did you mean "themeColor"?)`},
		},
		{
			"unknown keys report their own lines",
			"title = \"x\"\nbase = \"https://x.org/\"\nbaseURL = \"https://x.org/\"\n[languages.en]\nname = \"English\"\nnmae = \"Inglés\"\n",
			[]string{`site.toml:2: unknown key "base"`, `site.toml:6: unknown key "languages.en.nmae" (did you mean "name"?)`},
		},
		{
			"unknown table",
			"[markdwn]\nunsafe = true\n" + twoLanguages,
			[]string{`site.toml:1: unknown key "markdwn" (did you mean "markdown"?)`},
		},
		{
			"syntax error",
			"title = \"x\"\nbaseURL = https://x.org/\n" + twoLanguages,
			[]string{"site.toml:2: "},
		},
		{
			"wrong type",
			"title = \"x\"\n[languages.en]\nweight = \"one\"\n",
			[]string{`site.toml:3: languages.en.weight: incompatible types`},
		},
		{
			"no languages",
			"title = \"x\"\n",
			[]string{"site.toml: no languages"},
		},
		{
			"unknown default language",
			"\ndefaultLanguage = \"fr\"\n" + twoLanguages,
			[]string{`site.toml:2: defaultLanguage "fr" is not one of the [languages] tables`},
		},
		{
			"bad language code",
			"[languages.English]\nname = \"English\"\n",
			[]string{`site.toml:1: language "English": not a language code`},
		},
		{
			"invisible characters in the site's names",
			"title = \"Report\\u001b\"\n[languages.en]\nname = \"English\"\ntitle = \"Report \u202eexe\"\n",
			[]string{`site.toml:1: title holds the invisible character U+001B`, `site.toml:4: languages.en.title holds the invisible character U+202E (right-to-left override)`},
		},
		{
			"raw control character",
			"title = \"Report\a\"\n" + twoLanguages,
			[]string{`site.toml:1: the line holds the invisible character U+0007 (BEL, the bell)`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.toml))
			if err == nil {
				t.Fatal("no error")
			}
			msgs := strings.Split(err.Error(), "\n")
			if len(msgs) != len(tc.want) {
				t.Errorf("got %d problems, want %d:\n%v", len(msgs), len(tc.want), err)
			}
			for i, want := range tc.want {
				if i < len(msgs) && !strings.HasPrefix(msgs[i], want) {
					t.Errorf("problem %d: %q, want it to start with %q", i+1, msgs[i], want)
				}
			}
		})
	}
}

func TestLoad(t *testing.T) {
	if _, err := Load(fstest.MapFS{}); err == nil || !strings.HasPrefix(err.Error(), "site.toml: missing") {
		t.Errorf("no site.toml: got %v", err)
	}
	c, err := Load(fstest.MapFS{File: {Data: []byte(twoLanguages + "[markdown]\nunsafe = true\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if !c.UnsafeHTML {
		t.Error("[markdown] unsafe = true is not read")
	}
}

func TestShareAndFeeds(t *testing.T) {
	c, err := Parse([]byte(`baseURL = "https://example.org/report/"` + twoLanguages))
	if err != nil {
		t.Fatal(err)
	}
	if !c.ShareImages {
		t.Error("share images off without configuration; want on")
	}
	if c.FeedID != "tag:example.org,2025:" {
		t.Errorf("feed ID %q, want one made from the base URL's host", c.FeedID)
	}
	// The -baseurl flag moves the site; the IDs stay.
	if err := c.SetBaseURL("https://elsewhere.example/"); err != nil || c.FeedID != "tag:example.org,2025:" {
		t.Errorf("after -baseurl: feed ID %q, %v", c.FeedID, err)
	}
	c, err = Parse([]byte("[share]\nimages = false\n[feeds]\nid = \"tag:me@example.org,2024-05\"\n" + twoLanguages))
	if err != nil {
		t.Fatal(err)
	}
	if c.ShareImages || c.FeedID != "tag:me@example.org,2024-05:" {
		t.Errorf("images %v, feed ID %q", c.ShareImages, c.FeedID)
	}
	_, err = Parse([]byte("[feeds]\nid = \"https://example.org/\"\n" + twoLanguages))
	if err == nil || !strings.Contains(err.Error(), "site.toml:2: feeds.id") {
		t.Errorf("a feed ID that is no tag URI: %v", err)
	}
	_, err = Parse([]byte("[share]\nimage = false\n" + twoLanguages))
	if err == nil || !strings.Contains(err.Error(), `did you mean "images"`) {
		t.Errorf("a misspelt share key: %v", err)
	}
}
