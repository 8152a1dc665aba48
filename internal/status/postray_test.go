package status

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestStrayPO checks that PO files nothing reads are named, with why:
// a language the site lacks, the default language, a place outside the
// layout; and that the files it reads are not.
func TestStrayPO(t *testing.T) {
	fsys := fstest.MapFS{
		"locales/po/pages/report.pot":            {},
		"locales/po/pages/news/_index.pot":       {},
		"locales/po/pages/es/report.po":          {},
		"locales/po/pages/es/news/_index.po":     {},
		"locales/po/strings/strings.pot":         {},
		"locales/po/strings/es.po":               {},
		"locales/po/pages/.backup/x.po":          {},
		"locales/po/pages/es/notes.txt":          {},
		"locales/po/pages/fr/report.po":          {},
		"locales/po/pages/fr/news/_index.po":     {},
		"locales/po/pages/en/report.po":          {},
		"locales/po/strings/pt.po":               {},
		"locales/po/es.po":                       {},
		"locales/po/pages/report.po":             {},
		"locales/po/strings/es/strings.po":       {},
		"locales/po/translations/es/report.po":   {},
		"locales/po/strings/strings.es.pot.orig": {},
	}
	var got []string
	for _, p := range StrayPO(fsys, []string{"en", "es"}, "en") {
		got = append(got, p.File+": "+p.Msg.ID)
	}
	want := []string{
		"locales/po/es.po: po_stray_place",
		"locales/po/pages/en/: po_stray_default",
		"locales/po/pages/fr/: po_stray_language",
		"locales/po/pages/report.po: po_stray_place",
		"locales/po/strings/es/strings.po: po_stray_place",
		"locales/po/strings/pt.po: po_stray_language",
		"locales/po/translations/es/report.po: po_stray_place",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("StrayPO:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := StrayPO(fstest.MapFS{"site.toml": {}}, []string{"en", "es"}, "en"); len(got) != 0 {
		t.Errorf("a project without PO files: %v", got)
	}
}

// TestStrayPOSaid checks the words of a stray PO file in both
// languages of the tools.
func TestStrayPOSaid(t *testing.T) {
	fsys := fstest.MapFS{"locales/po/pages/fr/report.po": {}}
	p := StrayPO(fsys, []string{"en", "es"}, "en")[0]
	if want := "PO files for language fr, which site.toml does not name, so nothing reads them; add [languages.fr] to site.toml, or move or delete them"; p.Detail != want {
		t.Errorf("English: %s\nwant %s", p.Detail, want)
	}
	es := NewPrinter("es")
	if got, want := es.Say(p.Msg), "archivos PO del idioma fr, que site.toml no nombra, así que nada los lee; agregue [languages.fr] a site.toml, o muévalos o bórrelos"; got != want {
		t.Errorf("Spanish: %s\nwant %s", got, want)
	}
}
