package translation

import "testing"

func TestSigDistance(t *testing.T) {
	para := "In February 2025, the governments of the United States and El Salvador finalized a secret agreement. Under its terms, El Salvador would receive people sent from the United States."
	tests := []struct {
		name    string
		a, b    string
		similar bool
	}{
		{"typo", para, "In February 2025, the governments of the United States and El Salvador finalised a secret agreement. Under its terms, El Salvador would receive people sent from the United States.", true},
		{"sentence added", para, para + " It would keep them in its prisons.", true},
		{"unrelated paragraphs", para, "Externalization of migration control happens when a country that receives migrants hands part of the control of its borders to another country.", false},
		{"unrelated headings", "The secret agreement", "What survivors describe", false},
		{"unrelated short", "Yes.", "No.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := SigOf(tt.a), SigOf(tt.b)
			t.Logf("likeness %d", a.Likeness(b))
			if a.Similar(b) != tt.similar {
				t.Errorf("Similar = %v (likeness %d), want %v", !tt.similar, a.Likeness(b), tt.similar)
			}
			if a.Hash == b.Hash {
				t.Error("different texts have the same signature hash")
			}
		})
	}
}

func TestSigRoundTrip(t *testing.T) {
	s := SigOf("The secret agreement")
	got, err := parseSig(s.String())
	if err != nil || got != s {
		t.Fatalf("ParseSig(%q) = %v, %v; want %v", s.String(), got, err, s)
	}
	for _, bad := range []string{"", "xyz", "0123456789abcdef0123456g"} {
		if _, err := parseSig(bad); err == nil {
			t.Errorf("ParseSig(%q) accepted it", bad)
		}
	}
}
