package content

import "testing"

func TestFileID(t *testing.T) {
	for _, c := range []struct {
		file string
		want ID
		ok   bool
	}{
		{"content/es/report.md", ID{"es", "report"}, true},
		{"content/en/news/_index.md", ID{"en", "news/_index"}, true},
		{"content/en/_index.md", ID{"en", "_index"}, true},
		{"content/report.md", ID{}, false},
		{"content/en/notes.txt", ID{}, false},
		{"content/en/.md", ID{}, false},
		{"content/en/news/.md", ID{}, false},
		{"layouts/en/page.md", ID{}, false},
		{"content//report.md", ID{}, false},
	} {
		got, ok := FileID(c.file)
		if got != c.want || ok != c.ok {
			t.Errorf("FileID(%q) = %v, %v; want %v, %v", c.file, got, ok, c.want, c.ok)
		}
		if ok && got.File() != c.file {
			t.Errorf("FileID(%q).File() = %q", c.file, got.File())
		}
	}
	if got := (ID{"es", "news/_index"}).String(); got != "es/news/_index" {
		t.Errorf("String() = %q", got)
	}
}
