package locale

import (
	"fmt"
	"testing"
)

// TestPluralExamples: Spanish's forms with the numbers that take them.
func TestPluralExamples(t *testing.T) {
	got := fmt.Sprint(PluralExamples("es"))
	if want := "map[many:[1000000 2000000 1000000000] one:[1] other:[0 2 3]]"; got != want {
		t.Errorf("es: %s, want %s", got, want)
	}
	if got := fmt.Sprint(PluralExamples("en")); got != "map[one:[1] other:[0 2 3]]" {
		t.Errorf("en: %s", got)
	}
}
