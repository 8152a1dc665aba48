package plural

import (
	"fmt"
	"testing"
)

// TestExamples: Spanish's forms with the numbers that take them.
func TestExamples(t *testing.T) {
	got := fmt.Sprint(Examples("es"))
	if want := "map[many:[1000000 2000000 1000000000] one:[1] other:[0 2 3]]"; got != want {
		t.Errorf("es: %s, want %s", got, want)
	}
	if got := fmt.Sprint(Examples("en")); got != "map[one:[1] other:[0 2 3]]" {
		t.Errorf("en: %s", got)
	}
}
