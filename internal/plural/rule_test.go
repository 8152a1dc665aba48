package plural

import (
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// TestGettextTwoFormsAreFaithful: under gettext's two-form rule for a
// language, every whole number gets the msgstr that holds its CLDR form,
// as go-i18n chooses it.
func TestGettextTwoFormsAreFaithful(t *testing.T) {
	for lang := range gettextTwo {
		two, _ := twoFormsOf(lang)
		header := "nplurals=2; plural=(" + strings.Replace(strings.Replace(two.Plural, "!=", " != ", 1), ">", " > ", 1) + ");"
		rule, ok := FileRule(lang, header)
		if !ok || len(rule.Forms) != 2 {
			t.Fatalf("%s: %q not accepted: %+v", lang, header, rule)
		}
		tag := language.MustParse(lang)
		b := i18n.NewBundle(tag)
		probe := &i18n.Message{ID: "p", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
		if err := b.AddMessages(tag, probe); err != nil {
			t.Fatal(err)
		}
		loc := i18n.NewLocalizer(b, lang)
		for _, n := range []int{0, 1, 2, 3, 11, 21, 100, 101, 1000, 999999, 1000000, 1000001, 2000000, 1000000000} {
			cldr, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "p", PluralCount: n})
			if err != nil {
				t.Fatal(err)
			}
			idx := 1
			if two.One(n) {
				idx = 0
			}
			got := rule.Forms[idx]
			if got != cldr && rule.Also[cldr] != got {
				t.Errorf("%s: n = %d is CLDR %q, but gettext's msgstr[%d] holds %q", lang, n, cldr, idx, got)
			}
		}
	}
}
