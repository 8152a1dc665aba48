package translate

import (
	"testing"

	"cecot/internal/glossary"
	"cecot/internal/po"
)

func TestSameness(t *testing.T) {
	gl := &glossary.Glossary{Terms: []glossary.Term{
		{Forms: map[string]string{"en": "CECOT", "es": "CECOT"}},
		{Forms: map[string]string{"en": "Global Strategic Litigation Council", "es": "Global Strategic Litigation Council"}},
		{Forms: map[string]string{"en": "GSLC", "es": "GSLC"}},
		{Forms: map[string]string{"en": "human rights", "es": "derechos humanos"}},
	}}
	s := newSameness(gl, "en", "es")
	flagged := &po.Entry{Flags: []string{SameFlag}}
	for _, c := range []struct {
		text string
		e    *po.Entry
		want bool
	}{
		{"Other text.", nil, false},
		{"Other text.", flagged, true},
		{"Other text.", &po.Entry{Flags: []string{"fuzzy"}}, false},
		{"288", nil, true},
		{"2025–2026 (%)", nil, true},
		{"CECOT", nil, true},
		{"cecot", nil, true},
		{"**CECOT**", nil, true},
		{"Global Strategic Litigation Council (GSLC)", nil, true},
		{"The CECOT prison", nil, false},
		{"human rights", nil, false},
	} {
		if got := s.meant(c.text, c.e); got != c.want {
			t.Errorf("meant(%q, %v) = %v, want %v", c.text, c.e, got, c.want)
		}
	}
	if (*sameness)(nil).meant("CECOT", nil) {
		t.Error("no glossary: a name is not meant to be the same")
	}
}
