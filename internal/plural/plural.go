// Package plural is what the project knows of plural forms, in one
// place: CLDR's forms and their order, which of them a language uses (as
// go-i18n, which renders the messages, decides), and gettext's
// Plural-Forms for them in PO files: a Rule, the CLDR form of each
// msgstr, for a language (RuleOf) or as a PO file has it (FileRule,
// which accepts gettext's two forms where they map faithfully).
package plural

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Order is CLDR's plural forms in their order.
var Order = []string{"zero", "one", "two", "few", "many", "other"}

// IsForm reports whether s is the name of a CLDR plural form.
func IsForm(s string) bool { return slices.Contains(Order, s) }

// Sorted returns the forms of a message, given by form, in CLDR's order.
func Sorted[V any](forms map[string]V) []string {
	var out []string
	for _, f := range Order {
		if _, ok := forms[f]; ok {
			out = append(out, f)
		}
	}
	return out
}

// Forms returns the CLDR plural forms that lang uses ("one", "many",
// "other" for Spanish), in the order zero, one, two, few, many, other.
//
// go-i18n keeps its CLDR rules internal, so the forms are read off by
// asking it to choose among all six for a spread of numbers: that way the
// check here always agrees with the library that renders the messages.
func Forms(lang string) []string {
	if f, ok := formsCache.Load(lang); ok {
		return f.([]string)
	}
	f := probeForms(lang)
	formsCache.Store(lang, f)
	return f
}

// formsCache keeps each language's forms: probing takes a few hundred
// lookups, and PO export and import ask for every file.
var formsCache sync.Map

func probeForms(lang string) []string {
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
	for _, f := range Order {
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

// gettextRules are gettext's Plural-Forms for the CLDR forms that Forms
// gives, msgstr[0], msgstr[1], ... in CLDR's order
// (TestGettextMatchesForms checks them against go-i18n). Spanish "many"
// is for whole millions: "1 millón de minutos".
var gettextRules = map[string]string{
	"en": "nplurals=2; plural=(n != 1);",
	"de": "nplurals=2; plural=(n != 1);",
	"nl": "nplurals=2; plural=(n != 1);",
	"es": "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
	"it": "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
	"pt": "nplurals=3; plural=((n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
	"fr": "nplurals=3; plural=((n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
}

// gettext returns lang's Plural-Forms ("es", "es-419"), whose msgstr[0],
// msgstr[1], ... are the CLDR forms that Forms gives, in order; ok is
// false for a language whose rule the project does not know.
func gettext(lang string) (expr string, ok bool) {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	if expr, ok := gettextRules[base]; ok {
		return expr, true
	}
	if len(Forms(lang)) == 1 {
		return "nplurals=1; plural=0;", true
	}
	return "", false
}

// twoForms is the two-form rule that gettext's own tables (and so
// Poedit, Weblate and Crowdin by default) give a language whose CLDR
// forms are one, many and other. It is faithful where it agrees with
// CLDR: msgstr[0] is CLDR's "one" for every whole number, and msgstr[1]
// serves "other" and the millions that CLDR calls "many", as it does in
// a program that reads the file with gettext.
type twoForms struct {
	Plural string         // the expression, without spaces or parentheses
	One    func(int) bool // the numbers msgstr[0] is for
}

var gettextTwo = map[string]twoForms{
	"es": {"n!=1", func(n int) bool { return n == 1 }},
	"it": {"n!=1", func(n int) bool { return n == 1 }},
	"fr": {"n>1", func(n int) bool { return n <= 1 }},
}

// twoFormsOf returns gettext's two-form rule of lang, if it has one.
func twoFormsOf(lang string) (twoForms, bool) {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	r, ok := gettextTwo[base]
	return r, ok
}

// Examples returns, for each plural form of lang, up to three
// whole numbers that take it, smallest first (Spanish: "one" 1; "many"
// 1000000, 2000000, 1000000000; "other" 0, 2, 3), read off go-i18n as
// Forms reads the forms, so that a translator sees which form is
// for which numbers.
func Examples(lang string) map[string][]int {
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

// Rule is how a PO file's msgstr values stand for a language's CLDR
// forms.
type Rule struct {
	Expr  string   // the Plural-Forms header
	Forms []string // the CLDR form of msgstr[0], msgstr[1], ...
	// Also are CLDR forms that no msgstr has to itself, each with the
	// form whose msgstr it takes ("many" → "other" under gettext's two
	// forms for Spanish).
	Also map[string]string
}

// RuleOf returns lang's own rule ("es", "es-419"): its Plural-Forms
// (gettext), with the CLDR form of each msgstr; ok is false for a
// language whose Plural-Forms the project does not know.
func RuleOf(lang string) (Rule, bool) {
	expr, ok := gettext(lang)
	if !ok {
		return Rule{}, false
	}
	return Rule{Expr: expr, Forms: Forms(lang)}, true
}

// FileRule returns the rule of lang that a PO file whose Plural-Forms
// header is header ("" for none) uses: that header when it can be
// mapped faithfully onto lang's CLDR forms (gettext's two forms for
// Spanish, as well as CLDR's three), otherwise lang's own (RuleOf).
func FileRule(lang, header string) (Rule, bool) {
	rule, ok := RuleOf(lang)
	if header == "" || !ok {
		return rule, ok
	}
	two, known := twoFormsOf(lang)
	compact := strings.NewReplacer(" ", "", "\t", "", "(", "", ")", "").Replace(strings.TrimSuffix(strings.TrimSpace(header), ";"))
	if known && compact == "nplurals=2;plural="+two.Plural && slices.Equal(rule.Forms, []string{"one", "many", "other"}) {
		return Rule{Expr: header, Forms: []string{"one", "other"}, Also: map[string]string{"many": "other"}}, true
	}
	return rule, ok
}

// CLDRForms returns every CLDR form that rule fills, in CLDR's order.
func (rule Rule) CLDRForms() []string {
	var out []string
	for _, f := range Order {
		_, also := rule.Also[f]
		if also || slices.Contains(rule.Forms, f) {
			out = append(out, f)
		}
	}
	return out
}
