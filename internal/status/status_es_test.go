package status

import (
	"bytes"
	"io/fs"
	"slices"
	"strings"
	"syscall"
	"testing"

	"cecot/internal/diag"
	"cecot/internal/words"
)

// TestReportSpanish is TestReport's report in Spanish: the headings,
// the reasons, the details and the advice are Spanish, and every
// file:line is the same as in English.
func TestReportSpanish(t *testing.T) {
	r, err := Load(fixture())
	if err != nil {
		t.Fatal(err)
	}
	var es, en bytes.Buffer
	if err := NewPrinter("es").WriteText(&es, r); err != nil {
		t.Fatal(err)
	}
	if err := english.WriteText(&en, r); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.es.txt", es.Bytes())
	for _, want := range []string{
		"Español (es): 1 página traducida, 1 desactualizada, 1 faltante",
		`"Key facts" (línea 7) cambió`,
		"para empezar: go run ./cmd/site stamp -new content/en/about.md es",
		`locales/es.toml:7: mensaje "reading_time": falta la forma de plural "many"`,
		"el término acordado en español",
	} {
		if !strings.Contains(es.String(), want) {
			t.Errorf("Spanish report lacks %q", want)
		}
	}
	if es.String() == en.String() {
		t.Fatal("the Spanish report is the English one")
	}
	if !strings.Contains(en.String(), "Español (es): 1 page translated, 1 out of date, 1 missing") {
		t.Errorf("English report changed:\n%s", en.String())
	}
	// Every location the English report names, the Spanish one names
	// too, as the first thing on its line.
	for _, loc := range locations(en.String()) {
		if !slices.Contains(locations(es.String()), loc) {
			t.Errorf("Spanish report lacks the location %q", loc)
		}
	}
}

// locations are the "file:line:" and "file:" that start the lines of a
// report.
func locations(report string) []string {
	var out []string
	for _, line := range strings.Split(report, "\n") {
		line = strings.TrimSpace(line)
		if f, _, ok := strings.Cut(line, ": "); ok && strings.Contains(f, "/") && !strings.Contains(f, " ") {
			out = append(out, f)
		}
	}
	return out
}

// TestProjectFolderSpanish: a project folder that cannot be opened is
// said in Spanish, with the folder.
func TestProjectFolderSpanish(t *testing.T) {
	err := words.Msg("project_folder", "Dir", "/tmp/nada", "Err", diag.PathCause(&fs.PathError{Op: "open", Path: "/tmp/nada", Err: syscall.ENOENT}))
	want := "carpeta del proyecto /tmp/nada: no existe ese archivo ni esa carpeta; ejecute el comando"
	if got := NewPrinter("es").Error(err); !strings.HasPrefix(got, want) {
		t.Errorf("got %q\nwant %q...", got, want)
	}
}
