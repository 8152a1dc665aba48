package invisible

import "testing"

func TestFind(t *testing.T) {
	for _, tc := range []struct {
		s     string
		title bool
		want  rune // -1: none
	}{
		{"Informe sobre CECOT", true, -1},
		{"línea\tcon tabulador\ny salto", true, -1},
		{"\x1b[31mRed", false, 0x1b},
		{"bell\a", false, 0x07},
		{"nul\x00", false, 0},
		{"cr\r", false, '\r'},
		{"del\x7f", false, 0x7f},
		{"c1 \u0085 next line", false, 0x85},
		{"c1 \u009b csi", false, 0x9b},
		{"non \ufffe", false, 0xfffe},
		{"non \uffff", false, 0xffff},
		{"override \u202e fdp.exe", true, 0x202e},
		{"override \u202e in a description", false, -1},
		{"isolate \u2066x\u2069", true, 0x2066},
		{"עברית \u200f mark", true, -1},
		{"العربية", true, -1},
		{"emoji 🙂 and CJK 中文", true, -1},
	} {
		r, ok := Find(tc.s, tc.title)
		if tc.want < 0 {
			if ok {
				t.Errorf("Find(%q, %v) = %U, want none", tc.s, tc.title, r)
			}
			continue
		}
		if !ok || r != tc.want {
			t.Errorf("Find(%q, %v) = %U, %v; want %U", tc.s, tc.title, r, ok, tc.want)
		}
	}
}

func TestCheck(t *testing.T) {
	if err := Check("Report", true); err != nil {
		t.Errorf("Check(Report) = %v", err)
	}
	err := Check("\x1b[31mReport", false)
	want := "holds the invisible character U+001B (ESC, the start of terminal colour codes), which a page must not publish; delete it (text copied from a terminal or another program can bring one in)"
	if err == nil || err.Error() != want {
		t.Errorf("Check = %v\nwant %s", err, want)
	}
	err = Check("x\u202ey", true)
	want = "holds the invisible character U+202E (right-to-left override), which reorders the text that readers see; delete it (right-to-left text needs no such character in a title)"
	if err == nil || err.Error() != want {
		t.Errorf("Check = %v\nwant %s", err, want)
	}
}

func TestFromTOML(t *testing.T) {
	msg, ok := FromTOML("TOML files cannot contain control characters: '0x07'")
	var got string
	if ok {
		got = msg.Error()
	}
	want := "the line holds the invisible character U+0007 (BEL, the bell), which a page must not publish; delete it (text copied from a terminal or another program can bring one in)"
	if !ok || got != want {
		t.Errorf("FromTOML = %q, %v\nwant %q", got, ok, want)
	}
	if _, ok := FromTOML("expected value but found '\\n'"); ok {
		t.Error("FromTOML took another message for a control character's")
	}
}

func TestIndex(t *testing.T) {
	tests := []struct {
		text string
		i    int
		r    rune
	}{
		{"plain text\twith a tab\nand lines", -1, 0},
		{"señal ¿qué? €", -1, 0},
		{"right\u202eto left", -1, 0}, // bidi controls are refused in titles only
		{"a\x07bell", 1, 0x07},
		{"a\r\nb", 1, '\r'},
		{"ñ\u0085next line", 2, 0x85},
		{"x\uffffy", 1, 0xffff},
		{"\x1b[31mred", 0, 0x1b},
		{"del\x7f", 3, 0x7f},
	}
	for _, tt := range tests {
		i, r := Index([]byte(tt.text))
		if i != tt.i || r != tt.r {
			t.Errorf("Index(%q) = %d, %U; want %d, %U", tt.text, i, r, tt.i, tt.r)
		}
		if _, ok := Find(tt.text, false); ok != (tt.i >= 0) {
			t.Errorf("Find(%q) disagrees with Index", tt.text)
		}
	}
}
