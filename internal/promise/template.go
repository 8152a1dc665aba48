package promise

import (
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"

	"cecot/internal/invisible"
	"cecot/internal/plural"
	"cecot/internal/tmplwalk"
)

// String checks tr, a translated interface string, against orig, its
// original: each maps a plural form ("one", "other") to its text, and a
// simple string has "other" alone. Every form must parse as go-i18n
// parses it, use only the placeholders the original uses (those are the
// names the code fills in), and fill in without error; the "other" form
// must keep every placeholder of the original, while the others may
// drop one ("un minuto" needs no {{.Count}}). Forms tr lacks are not
// checked here: the plural rules are locale's.
func String(orig, tr map[string]string) Problems {
	known := map[string]bool{}
	for _, text := range orig {
		names, err := Placeholders(text)
		if err != nil {
			// The original is checked on its own (Template); a
			// broken original promises nothing.
			return nil
		}
		for _, n := range names {
			known[n] = true
		}
	}
	var ps Problems
	for _, form := range plural.Sorted(tr) {
		label := form
		if len(tr) == 1 {
			label = "" // a simple string's only form
		}
		ps = append(ps, checkForm(form, label, tr[form], known, orig[form])...)
	}
	return ps
}

// Template checks one interface string alone: its syntax, and that it
// fills in.
func Template(text string) *Problem {
	names, err := Placeholders(text)
	if err != nil {
		return &Problem{Kind: Syntax, Detail: err.Error()}
	}
	if err := fill(text, names); err != nil {
		return &Problem{Kind: Fails, Detail: err.Error()}
	}
	return nil
}

// checkForm checks one form of a translated string; label names it in
// problems ("" for a simple string).
func checkForm(form, label, text string, known map[string]bool, origText string) Problems {
	if r, ok := invisible.Find(text, true); ok {
		return Problems{{Kind: Invisible, Got: invisible.Describe(r), Form: label}}
	}
	names, err := Placeholders(text)
	if err != nil {
		return Problems{{Kind: Syntax, Detail: err.Error(), Form: label}}
	}
	var ps Problems
	for _, n := range names {
		if !known[n] {
			ps = append(ps, &Problem{Kind: Unknown, Got: "{{." + n + "}}", Want: knownList(known), Form: label})
		}
	}
	if form == "other" {
		have := map[string]bool{}
		for _, n := range names {
			have[n] = true
		}
		for _, n := range slices.Sorted(maps.Keys(known)) {
			if !have[n] {
				ps = append(ps, &Problem{Kind: Dropped, Want: "{{." + n + "}}", Form: label})
			}
		}
	}
	if len(ps) > 0 {
		return ps
	}
	all := slices.Sorted(maps.Keys(known))
	if origText == "" || fill(origText, all) == nil {
		if err := fill(text, all); err != nil {
			ps = append(ps, &Problem{Kind: Fails, Detail: err.Error(), Form: label})
		}
	}
	return ps
}

func knownList(known map[string]bool) string {
	if len(known) == 0 {
		return "no placeholders"
	}
	var s []string
	for _, n := range slices.Sorted(maps.Keys(known)) {
		s = append(s, "{{."+n+"}}")
	}
	return strings.Join(s, ", ")
}

// Placeholders returns the data names text uses ("Count" for
// {{.Count}}), sorted, each once, or the syntax error that go-i18n
// would meet.
func Placeholders(text string) ([]string, error) {
	if !strings.Contains(text, "{{") {
		return nil, nil // go-i18n shows it as it is
	}
	if err := balanced(text); err != nil {
		return nil, err
	}
	t, err := template.New("").Parse(text)
	if err != nil {
		return nil, errorString(cleanError(err))
	}
	names := map[string]bool{}
	if t.Tree != nil {
		tmplwalk.Walk(t.Tree.Root, func(n parse.Node) {
			if f, ok := n.(*parse.FieldNode); ok {
				names[f.Ident[0]] = true
			}
		})
	}
	return slices.Sorted(maps.Keys(names)), nil
}

// balanced finds a {{ that is not closed before the next one: the
// template parser would read the words after it as a function's name
// ("function \"minutos\" not defined"), which says nothing to a
// translator.
func balanced(text string) error {
	rest := text
	for {
		i := strings.Index(rest, "{{")
		if i < 0 {
			return nil
		}
		rest = rest[i+2:]
		end := strings.Index(rest, "}}")
		if next := strings.Index(rest, "{{"); end < 0 || next >= 0 && next < end {
			return errorString("unclosed action: a {{ without its }}")
		}
		rest = rest[end+2:]
	}
}

// fill executes text with a value for each name, as the build does.
func fill(text string, names []string) error {
	if !strings.Contains(text, "{{") {
		return nil
	}
	t, err := template.New("").Option("missingkey=default").Parse(text)
	if err != nil {
		return errorString(cleanError(err))
	}
	data := map[string]any{}
	for _, n := range names {
		data[n] = 2
	}
	if err := t.Execute(io.Discard, data); err != nil {
		return errorString(cleanError(err))
	}
	return nil
}

type errorString string

func (e errorString) Error() string { return string(e) }

// templatePrefix is what text/template puts before its messages:
// "template: :1: ", "template: :1:5: executing \"\" at <...>: ". It is
// compiled when first used, not at every start of the program.
var templatePrefix = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^template: :\d+(:\d+)?: (executing "" at <[^>]*>: )?`)
})

func cleanError(err error) string {
	return templatePrefix().ReplaceAllString(err.Error(), "")
}
