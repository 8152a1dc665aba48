package translation

import "testing"

func TestSameness(t *testing.T) {
	s := NewSameness([]string{"CECOT", "Global Strategic Litigation Council", "GSLC"})
	for _, c := range []struct {
		text    string
		flagged bool
		want    bool
	}{
		{"Other text.", false, false},
		{"Other text.", true, true},
		{"288", false, true},
		{"2025–2026 (%)", false, true},
		{"CECOT", false, true},
		{"cecot", false, true},
		{"**CECOT**", false, true},
		{"Global Strategic Litigation Council (GSLC)", false, true},
		{"The CECOT prison", false, false},
		{"human rights", false, false},
	} {
		if got := s.Meant(c.text, c.flagged); got != c.want {
			t.Errorf("Meant(%q, %v) = %v, want %v", c.text, c.flagged, got, c.want)
		}
	}
	if (*Sameness)(nil).Meant("CECOT", false) {
		t.Error("no glossary: a name is not meant to be the same")
	}
}
