package pagefile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/projecttest"
)

// TestStartThenStamp: a translation started from its original is the
// original's text as a draft, stamped as made from it; stamping it adds
// the record of its blocks and keeps the rest, and after an edit of the
// original that keeps its blocks, a new stamp changes the stamp's and
// the record's lines alone.
func TestStartThenStamp(t *testing.T) {
	dir, root, cfg := project(t)
	const es = "content/es/recommendations.md"
	if err := os.Remove(filepath.Join(dir, es)); err != nil {
		t.Fatal(err)
	}

	target, original, err := StartTranslation(root, cfg, "content/en/recommendations.md", "es")
	if err != nil || target != es || original != "content/en/recommendations.md" {
		t.Fatalf("StartTranslation = %q, %q, %v", target, original, err)
	}
	p := parse(t, dir, es)
	if !p.Draft || p.TranslatedFrom == "" || !strings.Contains(string(p.Body), "It urges the Special Rapporteur to:") {
		t.Errorf("the new translation is draft=%v, stamped %q, with the body:\n%s", p.Draft, p.TranslatedFrom, p.Body)
	}
	if _, _, err := StartTranslation(root, cfg, "content/en/recommendations.md", "es"); err == nil {
		t.Error("a second start wrote over the translation")
	}

	if got, err := StampTranslation(root, cfg, es); err != nil || got != original {
		t.Fatalf("StampTranslation = %q, %v", got, err)
	}
	stamped := parse(t, dir, es)
	if stamped.TranslatedFrom != p.TranslatedFrom || stamped.BlocksFrom == "" || text(stamped) != text(p) {
		t.Errorf("stamping an up-to-date translation: stamp %q (was %q), record %q, body changed: %v",
			stamped.TranslatedFrom, p.TranslatedFrom, stamped.BlocksFrom, text(stamped) != text(p))
	}
	started := read(t, dir, es)

	en := filepath.Join(dir, "content", "en", "recommendations.md")
	data, err := os.ReadFile(en)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(en, []byte(strings.Replace(string(data), "in plain language", "in simple language", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := StampTranslation(root, cfg, es); err != nil {
		t.Fatal(err)
	}
	now := read(t, dir, es)
	if parse(t, dir, es).TranslatedFrom == p.TranslatedFrom || changedLines(started, now) != 2 {
		t.Errorf("after the original's edit, stamping changed %d lines, want the stamp's and the record's alone:\n%s", changedLines(started, now), now)
	}
}

// TestStampRefuses: an original is not stamped, a translation is not
// started from a translation nor into an unknown language, and a
// translation whose blocks are not its original's is not stamped.
func TestStampRefuses(t *testing.T) {
	dir, root, cfg := project(t)
	const es = "content/es/recommendations.md"
	if _, err := StampTranslation(root, cfg, "content/en/recommendations.md"); err == nil || !strings.Contains(err.Error(), es) {
		t.Errorf("stamping the original: %v, want an error naming %s", err, es)
	}
	if _, _, err := StartTranslation(root, cfg, es, "en"); err == nil {
		t.Error("a translation was started from a translation")
	}
	if _, _, err := StartTranslation(root, cfg, "content/en/recommendations.md", "fr"); err == nil {
		t.Error("a translation was started into a language site.toml does not have")
	}
	before := read(t, dir, es)
	broken := before + "\nOne paragraph more than the original has.\n"
	if err := os.WriteFile(filepath.Join(dir, es), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := StampTranslation(root, cfg, es); err == nil || !strings.Contains(err.Error(), es+":") {
		t.Errorf("stamping a translation with a block more: %v, want an error at its line", err)
	}
	if read(t, dir, es) != broken {
		t.Error("a refused stamp changed the file")
	}
}

// project copies the project into a temporary folder and opens it, as
// site stamp does.
func project(t *testing.T) (string, *os.Root, *config.Config) {
	t.Helper()
	dir := projecttest.Copy(t)
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	cfg, err := config.Load(root.FS())
	if err != nil {
		t.Fatal(err)
	}
	return dir, root, cfg
}

// changedLines counts the lines of a that b has otherwise.
func changedLines(a, b string) int {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	n := max(len(al), len(bl)) - min(len(al), len(bl))
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			n++
		}
	}
	return n
}

// text is a page's body without the empty lines that stand for its
// front matter.
func text(p *content.Page) string { return strings.TrimLeft(string(p.Body), "\n") }

func read(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func parse(t *testing.T, dir, name string) *content.Page {
	t.Helper()
	id, _ := content.FileID(name)
	p, _, err := content.Parse(id, []byte(read(t, dir, name)))
	if err != nil {
		t.Fatal(err)
	}
	return p
}
