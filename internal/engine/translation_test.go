package engine

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"cecot/internal/content"
	"cecot/internal/translation"
)

// recordTranslation stamps the fixture's content/es/report.md as the
// translation of content/en/report.md as it is, block for block, as
// "site stamp" does.
func recordTranslation(t *testing.T, dir string) {
	t.Helper()
	orig := reportPage(t, dir, "en")
	tr := filepath.Join(dir, "content", "es", "report.md")
	data, err := os.ReadFile(tr)
	if err != nil {
		t.Fatal(err)
	}
	stamp := "translated_from = \"" + orig.BodyHash + "\"\nblocks_from = \"" + translation.RecordOf(orig.Body).String() + "\"\n"
	out := strings.Replace(string(data), "numbered = true\n", "numbered = true\n"+stamp, 1)
	if err := os.WriteFile(tr, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
}

func reportPage(t *testing.T, dir, lang string) *content.Page {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "content", lang, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := content.Parse(content.ID{Lang: lang, Key: "report"}, data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var (
	numberedParagraph = regexp.MustCompile(`^"?p(\d+)"?([^>]*)><a [^>]*>\d+</a>\s*`)
	tag               = regexp.MustCompile(`<[^>]+>`)
)

// paragraphs returns a built page's numbered paragraphs, each as its
// first three words, with " [en]" after one marked as the original's
// text. They must be numbered 1, 2, 3… in order.
func paragraphs(t *testing.T, html string) []string {
	t.Helper()
	var out []string
	for _, piece := range strings.Split(html, "<p id=")[1:] {
		m := numberedParagraph.FindStringSubmatch(piece)
		if m == nil {
			continue
		}
		if m[1] != strconv.Itoa(len(out)+1) {
			t.Fatalf("paragraph %d is numbered %s", len(out)+1, m[1])
		}
		text := piece[len(m[0]):]
		if end := strings.IndexAny(text, "<"); end >= 0 {
			text = text[:end]
		}
		words := strings.Fields(tag.ReplaceAllString(text, ""))
		s := strings.Join(words[:min(3, len(words))], " ")
		if strings.Contains(m[2], "lang=en") || strings.Contains(m[2], `lang="en"`) {
			s += " [en]"
		}
		out = append(out, s)
	}
	return out
}

// TestTranslationFollowsOriginal checks the build's invariant: after
// any edit of the original, the translation's paragraph #pN is the
// translation of the original's #pN, or the original's own text marked
// lang="en" with a notice; never the translation of another paragraph.
func TestTranslationFollowsOriginal(t *testing.T) {
	const (
		first  = "The first paragraph, with a note.[^1]\n\n"
		second = "The second paragraph says \"what happened\" -- in short.\n\n"
		third  = "The third paragraph links to [the first news item](news/first.md#p1) and to [the home page](/en/).\n\n"
		added  = "An added paragraph that nobody has translated yet, about something else entirely.\n\n"
	)
	tests := []struct {
		name string
		edit func(string) string
		want []string
	}{
		{"unchanged", func(s string) string { return s },
			[]string{"El primer párrafo,", "El segundo párrafo", "El tercer párrafo"}},
		{"insert", func(s string) string { return strings.Replace(s, first, first+added, 1) },
			[]string{"El primer párrafo,", "An added paragraph [en]", "El segundo párrafo", "El tercer párrafo"}},
		{"delete", func(s string) string { return strings.Replace(s, second, "", 1) },
			[]string{"El primer párrafo,", "El tercer párrafo"}},
		{"move", func(s string) string {
			s = strings.Replace(s, first, "", 1)
			return strings.Replace(s, third, third+first, 1)
		}, []string{"El segundo párrafo", "El tercer párrafo", "El primer párrafo,"}},
		{"edit", func(s string) string {
			return strings.Replace(s, "says \"what happened\" -- in short", "says \"what happened\" -- briefly", 1)
		},
			[]string{"El primer párrafo,", "El segundo párrafo", "El tercer párrafo"}},
		{"split", func(s string) string {
			return strings.Replace(s, "The first paragraph, with a note.[^1]", "The first paragraph,\n\nwith a note.[^1]", 1)
			// The old paragraph's translation goes with the half that
			// shares more of its words, as msgmerge would pair them.
		}, []string{"The first paragraph, [en]", "El primer párrafo,", "El segundo párrafo", "El tercer párrafo"}},
		{"merge", func(s string) string {
			return strings.Replace(s, "with a note.[^1]\n\n## What happened\n\n", "with a note.[^1] ", 1)
			// The merged paragraph is shown in the translation of the
			// part it shares more words with, out of date, as
			// msgmerge would propose it.
		}, []string{"El segundo párrafo", "El tercer párrafo"}},
		{"rename heading", func(s string) string { return strings.Replace(s, "## What happened", "## What took place", 1) },
			[]string{"El primer párrafo,", "El segundo párrafo", "El tercer párrafo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyFixture(t)
			recordTranslation(t, dir)
			en := filepath.Join(dir, "content", "en", "report.md")
			data, err := os.ReadFile(en)
			if err != nil {
				t.Fatal(err)
			}
			edited := tt.edit(string(data))
			if tt.name != "unchanged" && edited == string(data) {
				t.Fatal("the edit changed nothing")
			}
			if err := os.WriteFile(en, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "public")
			build(t, dir, out, Options{})
			html, err := os.ReadFile(filepath.Join(out, "es", "informe", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if os.Getenv("DUMP") != "" {
				t.Logf("%s", html)
			}
			got := paragraphs(t, string(html))
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("Spanish paragraphs:\n got %q\nwant %q", got, tt.want)
			}
			notes := strings.Count(string(html), "untranslated-note")
			wantNotes := strings.Count(strings.Join(tt.want, ""), "[en]")
			if notes != wantNotes {
				t.Errorf("%d notices of untranslated text, want %d", notes, wantNotes)
			}
		})
	}
}

// TestComposedLines checks that a problem in a translation shown beside
// a newer original is reported where it was written: in a block of the
// translation, at the translation file's own line (not the line it has
// in the composed page); in a block shown from the original, at the
// original's. And that the paragraph shown from the original keeps its
// mark's label in the page's language.
func TestComposedLines(t *testing.T) {
	dir := copyFixture(t)
	recordTranslation(t, dir)
	edit := func(lang, old, new string) {
		t.Helper()
		f := filepath.Join(dir, "content", lang, "report.md")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), old) {
			t.Fatalf("%s has no %q", f, old)
		}
		if err := os.WriteFile(f, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const first = "The first paragraph, with a note.[^1]\n\n"
	edit("en", first, first+"An added paragraph, not translated yet.\n\n")
	out := filepath.Join(t.TempDir(), "public")
	build(t, dir, out, Options{})
	html, err := os.ReadFile(filepath.Join(out, "es", "informe", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`<p id=p2 [^>]*lang=en><a [^>]*aria-label="Párrafo 2" lang=es>2</a>`).Match(html) {
		t.Errorf("the paragraph shown in English lost its Spanish label's language:\n%s", html)
	}

	// A broken link in the translation's last paragraph, at its line 26,
	// which is line 28 of the composed page; and one in the block shown
	// from the original, at the original's line 13.
	edit("es", "(news/first.md#p1) y con", "(news/nada.md) y con")
	edit("en", "An added paragraph, not translated yet.", "An added paragraph, [not translated](news/none.md) yet.")
	_, err = Build(context.Background(), dir, filepath.Join(t.TempDir(), "public"), Options{})
	if err == nil {
		t.Fatal("the build passed with two broken links")
	}
	msg := err.Error()
	for _, want := range []string{"content/es/report.md:26: ", "content/en/report.md:13: "} {
		if !strings.Contains(msg, want) {
			t.Errorf("no problem at %s in:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "content/es/report.md:13: ") || strings.Contains(msg, "content/es/report.md:28: ") {
		t.Errorf("a problem at a line of the composed page:\n%s", msg)
	}
}
