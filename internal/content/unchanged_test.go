package content

import "testing"

func TestUnchanged(t *testing.T) {
	const file = "+++\ntitle = \"Report\"\n+++\n\nFirst paragraph.\n"
	p, _, err := Parse(ID{Lang: "en", Key: "report"}, []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, src string
		want      bool
	}{
		{"same bytes", file, true},
		{"a byte-order mark", "\xef\xbb\xbf" + file, true},
		{"Windows line endings", "+++\r\ntitle = \"Report\"\r\n+++\r\n\r\nFirst paragraph.\r\n", true},
		{"body edited", "+++\ntitle = \"Report\"\n+++\n\nFirst paragraph, edited.\n", false},
		// The body's hash ignores surrounding space; the lines of
		// its blocks do not.
		{"a blank line added before the body", "+++\ntitle = \"Report\"\n+++\n\n\nFirst paragraph.\n", false},
		{"title edited", "+++\ntitle = \"The report\"\n+++\n\nFirst paragraph.\n", false},
		{"front matter no longer closed", "+++\ntitle = \"Report\"\n\nFirst paragraph.\n", false},
	}
	for _, tt := range tests {
		if got := p.Unchanged([]byte(tt.src)); got != tt.want {
			t.Errorf("%s: Unchanged = %v, want %v", tt.name, got, tt.want)
		}
	}
	noBody := *p
	noBody.Body = nil
	if noBody.Unchanged([]byte(file)) {
		t.Error("a page loaded without its body: Unchanged = true, want false")
	}
}
