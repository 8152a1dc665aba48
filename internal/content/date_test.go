package content

import (
	"strings"
	"testing"
)

// TestDates checks that front matter dates keep the precision they were
// given: a month stays a month, a day stays a day, in TOML and YAML, for
// date and for lastmod, which are kept apart.
func TestDates(t *testing.T) {
	for _, tc := range []struct {
		name, src        string
		date, lastmod    string // Date.ISO and Lastmod.ISO
		dateMonth, dated bool
	}{
		{"toml month in quotes", "+++\ntitle = \"T\"\ndate = \"2025-06\"\n+++\n", "2025-06", "", true, true},
		{"toml day", "+++\ntitle = \"T\"\ndate = 2025-06-12\n+++\n", "2025-06-12", "", false, true},
		{"toml day in quotes", "+++\ntitle = \"T\"\ndate = \"2025-06-12\"\n+++\n", "2025-06-12", "", false, true},
		{"toml datetime keeps its calendar day", "+++\ntitle = \"T\"\ndate = 2025-06-30T23:30:00-05:00\n+++\n", "2025-06-30", "", false, true},
		{"yaml month", "---\ntitle: T\ndate: 2025-06\n---\n", "2025-06", "", true, true},
		{"yaml day", "---\ntitle: T\ndate: 2025-06-12\n---\n", "2025-06-12", "", false, true},
		{"date and lastmod apart", "+++\ntitle = \"T\"\ndate = \"2025-06\"\nlastmod = 2026-01-05\n+++\n", "2025-06", "2026-01-05", true, true},
		{"lastmod month, no date", "+++\ntitle = \"T\"\nlastmod = \"2026-01\"\n+++\n", "", "2026-01", false, false},
		{"no date", "+++\ntitle = \"T\"\n+++\n", "", "", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, _, err := Parse(ID{Lang: "en", Key: "x"}, []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Date.ISO(); got != tc.date {
				t.Errorf("date %q, want %q", got, tc.date)
			}
			if got := p.Lastmod.ISO(); got != tc.lastmod {
				t.Errorf("lastmod %q, want %q", got, tc.lastmod)
			}
			if p.Date.MonthOnly != tc.dateMonth || p.Dated() != tc.dated {
				t.Errorf("MonthOnly %v, Dated %v; want %v, %v", p.Date.MonthOnly, p.Dated(), tc.dateMonth, tc.dated)
			}
			if p.Dated() && (p.Date.Day() != 1 && tc.dateMonth || p.Date.Location().String() != "UTC") {
				t.Errorf("date %v: want midnight UTC of the month's first day", p.Date.Time)
			}
		})
	}
}

// TestDateErrors checks that a date that is not one is an error at its
// file and line, which says how to write one.
func TestDateErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"month 13", "+++\ntitle = \"T\"\ndate = \"2025-13\"\n+++\n", `content/en/x.md:3: front matter: date: want a date like 2025-06-01, or a month in quotes like "2025-06", got "2025-13"`},
		{"month name", "+++\ntitle = \"T\"\nweight = 1\nlastmod = \"June 2025\"\n+++\n", `content/en/x.md:4: front matter: lastmod: want a date like 2025-06-01, or a month in quotes like "2025-06", got "June 2025"`},
		{"day 31 of June", "---\ntitle: T\ndate: \"2025-06-31\"\n---\n", `content/en/x.md:3: front matter: date: want a date like`},
		{"a number", "+++\ntitle = \"T\"\ndate = 2025\n+++\n", `content/en/x.md:3: front matter: date: want a date like 2025-06-01, or a month in quotes like "2025-06", got 2025`},
		{"toml month without quotes", "+++\ntitle = \"T\"\ndate = 2025-06\n+++\n", `content/en/x.md:3: front matter: not a date; write a day like 2025-06-01, or a month in quotes like "2025-06"`},
		// Issue 21: invisible characters (package invisible).
		{"escaped ESC in a title", "+++\nweight = 1\ntitle = \"\\u001b[31mReport\\u0007\"\n+++\n", `content/en/x.md:3: front matter: title holds the invisible character U+001B (ESC, the start of terminal colour codes), which a page must not publish; delete it`},
		{"raw BEL in TOML", "+++\ntitle = \"Report\a\"\n+++\n", `content/en/x.md:2: front matter: the line holds the invisible character U+0007 (BEL, the bell)`},
		{"YAML escape in a description", "---\ntitle: T\ndescription: \"one\\x85two\"\n---\n", `content/en/x.md:3: front matter: description holds the invisible character U+0085 (next line)`},
		{"right-to-left override in a title", "+++\ntitle = \"Informe \u202eexe.pdf\"\n+++\n", `content/en/x.md:2: front matter: title holds the invisible character U+202E (right-to-left override), which reorders the text that readers see`},
		{"noncharacter in a share image's alt", "+++\ntitle = \"T\"\nshare_image_alt = \"a \\uFFFF\"\n+++\n", `content/en/x.md:3: front matter: share_image_alt holds the invisible character U+FFFF (a noncharacter)`},
		{"control character in params", "+++\ntitle = \"T\"\n[params]\nmenu = \"About\"\nsummary = \"x\\u0008\"\n+++\n", `content/en/x.md:5: front matter: params.summary holds the invisible character U+0008 (backspace)`},
		{"BEL in the text", "+++\ntitle = \"T\"\n+++\n\nFirst paragraph.\n\nA bell\a here.\n", `content/en/x.md:7: the line holds the invisible character U+0007 (BEL, the bell), which a page must not publish`},
		{"C1 control in YAML page's text", "---\ntitle: T\n---\nA next\u0085line.\n", `content/en/x.md:4: the line holds the invisible character U+0085 (next line)`},
		{"lone carriage return in the text", "+++\ntitle = \"T\"\n+++\nover\rwritten\n", `content/en/x.md:4: the line holds the invisible character U+000D (carriage return)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Parse(ID{Lang: "en", Key: "x"}, []byte(tc.src))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error:\n %s\nwant:\n %s", err, tc.want)
			}
		})
	}
}

func TestDateISO(t *testing.T) {
	if got := (Date{}).ISO(); got != "" {
		t.Errorf("zero date: %q, want empty", got)
	}
	d, ok := toDate("2025-06")
	if !ok || d.String() != "2025-06" || d.Format("2006-01-02") != "2025-06-01" {
		t.Errorf("toDate(\"2025-06\") = %v, %v", d, ok)
	}
}
