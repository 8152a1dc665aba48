package locale

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestPlaceholders: an interface string that would fail or show
// "<no value>" when a page is rendered is refused at its line of
// locales/<lang>.toml, not at the layout that uses it (issue 19, case 4);
// one that leaves out a placeholder is a warning that Dropped keeps.
func TestPlaceholders(t *testing.T) {
	for _, tc := range []struct{ name, en, es, err, warn string }{
		{
			name: "misspelt",
			en:   "label = \"Paragraph {{.Number}}\"\n",
			es:   "\nlabel = \"Párrafo {{.Numero}}\"\n",
			err:  `locales/es.toml:2: message "label": unknown placeholder {{.Numero}}; this text can use only {{.Number}}`,
		},
		{
			name: "unclosed",
			en:   "label = \"Paragraph {{.Number}}\"\n",
			es:   "label = \"Párrafo {{.Number\"\n",
			err:  `locales/es.toml:1: message "label": placeholder syntax: unclosed action`,
		},
		{
			name: "unclosed in the default language",
			en:   "x = \"y\"\nlabel = \"Paragraph {{.Number\"\n",
			es:   "",
			err:  `locales/en.toml:2: message "label": placeholder syntax: unclosed action`,
		},
		{
			name: "plural form",
			en:   "[n]\none = \"{{.Count}} minute\"\nother = \"{{.Count}} minutes\"\n",
			es:   "[n]\none = \"un minuto\"\nmany = \"{{.Count}} de minutos\"\nother = \"{{.Cuenta}} minutos\"\n",
			err:  `locales/es.toml:1: message "n": plural form "other": unknown placeholder {{.Cuenta}}`,
		},
		{
			name: "dropped",
			en:   "label = \"Paragraph {{.Number}}\"\n",
			es:   "label = \"Párrafo\"\n",
			warn: `locales/es.toml:1: message "label": the placeholder {{.Number}} of the original is missing`,
		},
		{
			name: "kept",
			en:   "label = \"Paragraph {{.Number}}\"\n",
			es:   "label = \"Párrafo {{.Number}}\"\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"locales/en.toml": {Data: []byte(tc.en)},
				"locales/es.toml": {Data: []byte(tc.es)},
			}
			l, warns, err := Load(fsys, []string{"en", "es"}, "en")
			if tc.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.err) {
					t.Errorf("got %v\nwant %s...", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var dropped []string
			for _, w := range l.Dropped() {
				dropped = append(dropped, w.Error())
			}
			if got := strings.Join(dropped, "\n"); tc.warn == "" && got != "" || !strings.HasPrefix(got, tc.warn) {
				t.Errorf("Dropped: %q, want %q", got, tc.warn)
			}
			found := tc.warn == ""
			for _, w := range warns {
				found = found || strings.HasPrefix(w.Error(), tc.warn)
			}
			if !found {
				t.Errorf("warnings %v lack %q", warns, tc.warn)
			}
		})
	}
}
