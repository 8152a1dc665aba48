package locale

import (
	"slices"
	"strconv"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// PluralForms returns the CLDR plural forms that lang uses ("one", "many",
// "other" for Spanish), in the order zero, one, two, few, many, other.
//
// go-i18n keeps its CLDR rules internal, so the forms are read off by
// asking it to choose among all six for a spread of numbers: that way the
// check here always agrees with the library that renders the messages.
func PluralForms(lang string) []string {
	tag, err := language.Parse(lang)
	if err != nil {
		return []string{"other"}
	}
	b := i18n.NewBundle(tag)
	probe := &i18n.Message{ID: "probe", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(tag, probe); err != nil {
		return []string{"other"}
	}
	loc := i18n.NewLocalizer(b, lang)
	seen := map[string]bool{}
	for _, n := range probeCounts() {
		if form, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "probe", PluralCount: n}); err == nil {
			seen[form] = true
		}
	}
	var forms []string
	for _, f := range allForms {
		if seen[f] {
			forms = append(forms, f)
		}
	}
	if !slices.Contains(forms, "other") {
		forms = append(forms, "other")
	}
	return forms
}

// probeCounts covers every CLDR plural category: small integers, the
// teens and hundreds that some languages treat apart, decimals, and the
// millions that take "many" in Spanish, French and Italian.
func probeCounts() []any {
	var ns []any
	for i := 0; i <= 200; i++ {
		ns = append(ns, i)
	}
	for _, n := range []int{1000, 1000000, 2000000, 1000000000} {
		ns = append(ns, n)
	}
	for _, s := range []string{"0.0", "0.5", "1.0", "1.5", "2.5", "3.5", "10.5", "100.5", "1e6", "1.0e6"} {
		ns = append(ns, s)
	}
	for i := 201; i <= 1000; i += 17 {
		ns = append(ns, strconv.Itoa(i))
	}
	return ns
}

// PluralExamples returns, for each plural form of lang, up to three
// whole numbers that take it, smallest first (Spanish: "one" 1; "many"
// 1000000, 2000000, 1000000000; "other" 0, 2, 3), read off go-i18n as
// PluralForms reads the forms, so that a translator sees which form is
// for which numbers.
func PluralExamples(lang string) map[string][]int {
	out := map[string][]int{}
	tag, err := language.Parse(lang)
	if err != nil {
		return out
	}
	b := i18n.NewBundle(tag)
	probe := &i18n.Message{ID: "probe", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(tag, probe); err != nil {
		return out
	}
	loc := i18n.NewLocalizer(b, lang)
	for _, c := range probeCounts() {
		n, ok := c.(int)
		if !ok {
			continue
		}
		form, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "probe", PluralCount: n})
		if err == nil && len(out[form]) < 3 {
			out[form] = append(out[form], n)
		}
	}
	return out
}
