package stamp

import (
	"strings"
	"testing"

	"cecot/internal/content"
	"cecot/internal/markdown"
)

const source = `
Intro text.

## Key facts

- one
- two

## What is asked

Ask.

` + "```" + `
## not a heading
` + "```" + `
`

func TestSections(t *testing.T) {
	secs := Sections([]byte(source), markdown.Page{})
	var ids []string
	for _, s := range secs {
		ids = append(ids, s.ID)
	}
	if got, want := strings.Join(ids, " "), "_ key-facts what-is-asked"; got != want {
		t.Fatalf("sections %q, want %q", got, want)
	}
	if secs[0].Line != 2 || secs[1].Line != 4 || secs[2].Line != 9 {
		t.Errorf("lines %d %d %d, want 2 4 9", secs[0].Line, secs[1].Line, secs[2].Line)
	}
	if secs[1].Title != "Key facts" {
		t.Errorf("title %q", secs[1].Title)
	}
}

func TestDiff(t *testing.T) {
	recorded := Make([]byte(source), markdown.Page{})
	st, err := Parse(recorded)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, body, want string
	}{
		{"unchanged", source, ""},
		{"changed section", strings.Replace(source, "- two", "- three", 1), `"Key facts" (line 4) changed`},
		{"intro changed", strings.Replace(source, "Intro text.", "New intro.", 1), `the text before the first heading (line 2) changed`},
		{"added", source + "\n## New part\n\nMore.\n", `"New part" (line 17) added`},
		{"removed", strings.Replace(source, "## What is asked", "", 1), `"Key facts" (line 4) changed; #what-is-asked removed`},
	} {
		t.Run(c.name, func(t *testing.T) {
			changed, changes := Diff(st, []byte(c.body), markdown.Page{})
			var got []string
			for _, ch := range changes {
				got = append(got, ch.String())
			}
			if strings.Join(got, "; ") != c.want || changed != (c.want != "") {
				t.Errorf("Diff = %v %q, want %q", changed, got, c.want)
			}
		})
	}
}

func TestParseOldStamp(t *testing.T) {
	st, err := Parse(content.SourceHash([]byte(source)))
	if err != nil {
		t.Fatal(err)
	}
	if changed, _ := Diff(st, []byte(source), markdown.Page{}); changed {
		t.Error("a page-only stamp of the same body reads as changed")
	}
	changed, changes := Diff(st, []byte(source+"x"), markdown.Page{})
	if !changed || changes != nil {
		t.Errorf("page-only stamp: changed=%v changes=%v, want true and no sections", changed, changes)
	}
	for _, bad := range []string{"", "xyz", "abc123 intro", "abc123 a:zz"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

// The build tells a stale translation by the first word of its stamp
// (From): that word must stay the original's content.SourceHash.
func TestStampedFrom(t *testing.T) {
	src := &content.Page{BodyHash: content.SourceHash([]byte(source))}
	for _, c := range []struct {
		stamp string
		want  bool
	}{
		{Make([]byte(source), markdown.Page{}), true},
		{content.SourceHash([]byte(source)), true},
		{"\t" + Make([]byte(source), markdown.Page{}), true},
		{Make([]byte(source+"More.\n"), markdown.Page{}), false},
		{"", false},
	} {
		tr := &content.Page{FrontMatter: content.FrontMatter{TranslatedFrom: c.stamp}}
		if got := From(tr, src); got != c.want {
			t.Errorf("From with stamp %q = %v, want %v", c.stamp, got, c.want)
		}
	}
}
