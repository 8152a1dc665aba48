package preview

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"cecot/internal/words"
)

// TestSpeaksSpanish checks that serve speaks the translator's language:
// the log's lines, the page shown while the site never built, and the
// error overlay's words and problems sent to browsers.
func TestSpeaksSpanish(t *testing.T) {
	dir := newProject(t)
	writeFile(t, dir, "content/es/about.md", "+++\ntitle = \"Acerca de\nslug = \"acerca-de\"\n+++\n")
	var log bytes.Buffer
	srv, rep := newServer(t, dir, Options{Log: &log, Words: words.NewPrinter("es")})
	const problem = "metadatos: un texto entre comillas debe terminar en la misma línea en que empieza; agregue las comillas que lo cierran"
	if rep.Err == nil {
		t.Fatal("no error reported")
	}
	for _, want := range []string{
		"site: error: content/es/about.md:2: " + problem + "\n",
		"site: sitio construido con problemas (",
		"; corríjalos y guarde; de cada página se muestra la última versión buena\n",
	} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, log.String())
		}
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/es/acerca-de/", nil))
	for _, want := range []string{
		`<html lang="es">`, "<title>El sitio tiene problemas</title>", "<h1>No se pudo construir el sitio</h1>",
		"<p>Corrija estos problemas y guarde; esta página se vuelve a cargar sola.</p>",
		"content/es/about.md:2: " + problem + "\n",
	} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("page lacks %q:\n%s", want, rec.Body.String())
		}
	}
	st := srv.status(rep.Err)
	if len(st.Errors) != 1 || st.Errors[0].Message != problem || st.Errors[0].File != "content/es/about.md" {
		t.Errorf("overlay's problems: %+v", st.Errors)
	}
	if st.Words == nil || st.Words.Title != "El sitio tiene un problema" || st.Words.Hide != "Ocultar" ||
		st.Words.Note != "Corrija el archivo y guárdelo; esta página se actualiza sola. Debajo está la última versión que se construyó bien." {
		t.Errorf("overlay's words: %+v", st.Words)
	}
}

// TestSpeaksEnglishOverlay checks that an English server sends no words
// of its own: the script's English ones show.
func TestSpeaksEnglishOverlay(t *testing.T) {
	dir := newProject(t)
	writeFile(t, dir, "content/en/about.md", "+++\ntitle = 3\n+++\n")
	srv, rep := newServer(t, dir, Options{})
	if st := srv.status(rep.Err); st.Words != nil || len(st.Errors) == 0 {
		t.Errorf("status %+v", st)
	}
}
