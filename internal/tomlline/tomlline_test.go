package tomlline

import "testing"

func TestIsKey(t *testing.T) {
	for _, c := range []struct {
		line, key string
		want      bool
	}{
		{`title = "T"`, "title", true},
		{`title="T"`, "title", true},
		{`"title" = "T"`, "title", true},
		{`titles = "T"`, "title", false},
		{`title_note = "x"`, "title", false},
		{`[title]`, "title", false},
	} {
		if got := IsKey(c.line, c.key); got != c.want {
			t.Errorf("IsKey(%q, %q) = %v, want %v", c.line, c.key, got, c.want)
		}
	}
}

func TestAssign(t *testing.T) {
	for _, c := range []struct{ line, sep, want string }{
		{"  title = \"old\"\n", " = ", "  title = \"new \\\"one\\\"\"\n"},
		{"title: old", ": ", "title: \"new \\\"one\\\"\""},
	} {
		if got := Assign(c.line, "title", c.sep, `new "one"`); got != c.want {
			t.Errorf("Assign(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

func TestQuote(t *testing.T) {
	if got, want := Quote("a\"b\\c\nd\te\x01"), `"a\"b\\c\nd\te\u0001"`; got != want {
		t.Errorf("Quote = %s, want %s", got, want)
	}
}
