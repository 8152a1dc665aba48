package synth

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"cecot/internal/browsertest"
)

// TestWriteHugo writes the Hugo project and, where Hugo is installed,
// builds a small site with it and checks the pages it makes.
func TestWriteHugo(t *testing.T) {
	dir := t.TempDir()
	if err := WriteHugo(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"hugo.toml", "layouts/_default/baseof.html", "layouts/_default/single.html",
		"layouts/_default/list.html", "layouts/partials/section-nav.html", "i18n/en.toml", "i18n/es.toml"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	css, err := os.ReadFile(filepath.Join(dir, "assets/css/main.css"))
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := theme.ReadFile("theme/assets/css/main.css"); !bytes.Equal(css, want) {
		t.Error("the Hugo project's stylesheet is not the theme's")
	}
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		browsertest.Missing(t, "hugo (to check that the Hugo project builds)", "install Debian's package: apt-get install --no-install-recommends hugo")
	}
	ours := t.TempDir()
	if err := WriteDir(ours, Options{N: 10}); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(ours, "content"), filepath.Join(dir, "content")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(hugo, "--minify", "--quiet", "--source", dir, "--destination", out, "--cacheDir", t.TempDir())
	cmd.Env = append(os.Environ(), "HUGO_RESOURCEDIR="+t.TempDir())
	if msg, err := cmd.CombinedOutput(); err != nil || len(msg) > 0 {
		t.Fatalf("%v: %v\n%s", cmd.Args, err, msg)
	}
	page, err := os.ReadFile(filepath.Join(out, "es/findings/part-01/page-00001/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<html lang=es>`, `<nav class=section aria-label="En esta sección">`,
		`aria-current=page>`, `minutos de lectura`, `hreflang=en`, `integrity=sha384-`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("Hugo's page lacks %s", want)
		}
	}
}
