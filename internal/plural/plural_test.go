package plural

import (
	"slices"
	"strings"
	"testing"
)

// TestGettextMatchesForms: each Plural-Forms chooses among as many
// msgstr as the language has CLDR forms.
func TestGettextMatchesForms(t *testing.T) {
	for lang := range gettextRules {
		expr, _ := gettext(lang)
		forms := Forms(lang)
		if n := strings.Count(expr, "?") + 1; n != len(forms) && !(n == 1 && len(forms) == 2 && strings.Contains(expr, "nplurals=2")) {
			t.Errorf("%s: %q chooses among %d forms, want %d (%q)", lang, expr, n, len(forms), forms)
		}
	}
	if got := Forms("es"); !slices.Equal(got, []string{"one", "many", "other"}) {
		t.Errorf("es: %q", got)
	}
	if expr, ok := gettext("ja"); !ok || expr != "nplurals=1; plural=0;" {
		t.Errorf("ja: %q %v", expr, ok)
	}
	if _, ok := gettext("ru"); ok {
		t.Error("ru: a rule the project does not have")
	}
}

func TestSorted(t *testing.T) {
	if got := Sorted(map[string]int{"other": 1, "one": 2, "many": 3}); !slices.Equal(got, []string{"one", "many", "other"}) {
		t.Errorf("%q", got)
	}
}
