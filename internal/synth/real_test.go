package synth

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCopyTree(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "copy")
	if err := os.MkdirAll(filepath.Join(src, "layouts", "_default"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Read-only, as the shared bench site's files are: the copy must be
	// writable so that a -work folder can be written again.
	if err := os.WriteFile(filepath.Join(src, "layouts", "_default", "list.html"), []byte("x"), 0o444); err != nil {
		t.Fatal(err)
	}
	if err := CopyTree(src, dst); err != nil {
		t.Fatal(err)
	}
	copied := filepath.Join(dst, "layouts", "_default", "list.html")
	if data, err := os.ReadFile(copied); err != nil || string(data) != "x" {
		t.Fatalf("copy holds %q, %v", data, err)
	}
	if err := CopyTree(src, dst); err != nil {
		t.Errorf("copying again: %v", err)
	}
	if info, err := os.Stat(copied); err != nil || info.Mode().Perm()&0o200 == 0 {
		t.Errorf("copy not writable: %v %v", info.Mode(), err)
	}
}

func TestUseRealLayouts(t *testing.T) {
	repo, dst := t.TempDir(), t.TempDir()
	write := func(root, rel, data string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"layouts/page.html", "layouts/partials/head.html", "locales/en.toml", "assets/css/site.css", "site.toml"} {
		write(repo, f, "real "+f)
	}
	for _, lang := range []string{"en", "es"} {
		for _, page := range RealPages {
			write(repo, "content/"+lang+"/"+page, "real "+lang+" "+page)
		}
		write(repo, "content/"+lang+"/_index.md", "the real home, which the synthetic one keeps its place against")
		write(dst, "content/"+lang+"/_index.md", "synthetic home")
	}
	write(dst, "layouts/home.html", "bench theme")
	write(dst, "site.toml", "bench")
	if err := UseRealLayouts(repo, dst); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"layouts/page.html":          "real layouts/page.html",
		"layouts/partials/head.html": "real layouts/partials/head.html",
		"locales/en.toml":            "real locales/en.toml",
		"assets/css/site.css":        "real assets/css/site.css",
		"site.toml":                  "real site.toml",
		"content/es/submission.md":   "real es submission.md",
		"content/en/about.md":        "real en about.md",
		"content/en/_index.md":       "synthetic home",
	}
	for rel, data := range want {
		got, err := os.ReadFile(filepath.Join(dst, filepath.FromSlash(rel)))
		if err != nil || string(got) != data {
			t.Errorf("%s holds %q, %v; want %q", rel, got, err, data)
		}
	}
	if _, err := os.Stat(filepath.Join(dst, "layouts", "home.html")); err == nil {
		t.Error("the bench theme's home.html is left among the real layouts")
	}
}
