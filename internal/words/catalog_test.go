package words

import (
	"testing"
	"testing/fstest"
)

// TestCatalogReadsOnlyWhatItSays: a speaker whose language has a file
// reads that file alone, not English's (here English's cannot be read as
// TOML: reading it would panic); a message missing from it is reported as
// missing, as it was when English's was read too; a speaker of a language
// without a file speaks English.
func TestCatalogReadsOnlyWhatItSays(t *testing.T) {
	files := fstest.MapFS{
		"m/es.toml": {Data: []byte("hola = \"Hola, {{.Name}}\"\n")},
		"m/en.toml": {Data: []byte("this is not = = TOML\n")},
	}
	c := NewCatalog(files, "m", "es", "en")
	es := c.In("es")
	if got := es.T("hola", "Name", "Ana"); got != "Hola, Ana" {
		t.Errorf("es hola = %q", got)
	}
	if got := es.T("adios"); got != "ADIOS" {
		t.Errorf("es adios = %q, want the ID", got)
	}
	if es.Has("adios") {
		t.Error("es has adios")
	}

	files["m/en.toml"] = &fstest.MapFile{Data: []byte("hola = \"Hello, {{.Name}}\"\nadios = \"Bye\"\n")}
	c = NewCatalog(files, "m", "es", "en")
	if got := c.In("es").T("adios"); got != "ADIOS" {
		t.Errorf("es adios with English read = %q, want the ID as before", got)
	}
	if got := c.In("fr").T("hola", "Name", "Ana"); got != "Hello, Ana" {
		t.Errorf("fr hola = %q, want English", got)
	}
	if got := c.In("en").T("adios"); got != "Bye" {
		t.Errorf("en adios = %q", got)
	}
}
