package promise

import (
	"strings"
	"testing"
)

// kinds lists the problems' kinds and their Want/Got, for comparison.
func kinds(ps Problems) string {
	var s []string
	for _, p := range ps {
		k := string(p.Kind)
		if p.Form != "" {
			k = p.Form + ":" + k
		}
		if p.Want != "" {
			k += " want=" + p.Want
		}
		if p.Got != "" {
			k += " got=" + p.Got
		}
		if p.Detail != "" && p.Kind == Structure {
			k += " " + p.Detail
		}
		s = append(s, k)
	}
	return strings.Join(s, "; ")
}

func TestMarkdown(t *testing.T) {
	const orig = "In February 2025[^1] the [agreement](https://example.org/a) was `signed`."
	tests := []struct {
		name     string
		unit     Unit
		orig, tr string
		unsafe   bool
		want     string
	}{
		{"kept", Block, orig, "En febrero de 2025[^1] se `signed` el [acuerdo](https://example.org/a).", false, ""},
		{"footnote dropped", Block, orig, "En febrero de 2025 se `signed` el [acuerdo](https://example.org/a).", false, "note_missing want=[^1]"},
		{"footnote added", Block, orig, "En febrero de 2025[^1][^2] se `signed` el [acuerdo](https://example.org/a).", false, "note_extra got=[^2]"},
		{"footnote renamed", Block, orig, "En febrero de 2025[^2] se `signed` el [acuerdo](https://example.org/a).", false, "note_missing want=[^1]; note_extra got=[^2]"},
		{"footnote in code is no footnote", Block, orig, "En febrero de 2025`[^1]` se `signed` el [acuerdo](https://example.org/a).", false, "note_missing want=[^1]; code_extra got=[^1]"},
		{"footnote escaped is no footnote", Block, "A[^1].", `A\[^1].`, false, "note_missing want=[^1]"},
		{"link target changed", Block, orig, "En febrero de 2025[^1] se `signed` el [acuerdo](https://example.org/b).", false, "link_missing want=https://example.org/a; link_extra got=https://example.org/b"},
		{"link dropped", Block, orig, "En febrero de 2025[^1] se `signed` el acuerdo.", false, "link_missing want=https://example.org/a"},
		{"links reordered", Block, "[a](/a) and [b](/b)", "[b](/b) y [a](/a)", false, ""},
		{"autolink", Block, "See <https://example.org>.", "Vea https://example.org.", false, ""},
		{"unsafe link", Block, "[a](/a)", "[a](javascript:alert(1))", false, "unsafe_link got=javascript:alert(1); link_missing want=/a"},
		{"unsafe link allowed", Block, "[a](/a)", "[a](/a) [b](javascript:x)", true, "link_extra got=javascript:x"},
		{"image kept", Block, "See ![map](map.png) here.", "Vea ![mapa](map.png) aquí.", false, ""},
		{"image changed", Block, "See ![map](map.png) here.", "Vea ![mapa](mapa.png) aquí.", false, "image_missing want=map.png; image_extra got=mapa.png"},
		{"code changed", Block, orig, "En febrero de 2025[^1] se `firmó` el [acuerdo](https://example.org/a).", false, "code_missing want=signed; code_extra got=firmó"},
		{"hard break kept", Block, "one  \ntwo", "uno\\\ndos", false, ""},
		{"hard break lost", Block, "one  \ntwo", "uno\ndos", false, "breaks want=1 got=0"},
		{"hard break added", Block, "one two", "uno  \ndos", false, "breaks want=0 got=1"},
		{"raw html", Block, "text", `texto <img src=x onerror=alert(1)>`, false, "raw_html got=<img src=x onerror=alert(1)>"},
		{"raw html allowed", Block, "text", "texto <b>x</b>", true, ""},
		{"html block", Block, "text", "<script>alert(1)</script>", false, "structure html; raw_html got=<script>alert(1)</script>"},
		{"second paragraph", Block, "text", "uno\n\ndos", false, "structure paragraph"},
		{"heading", Block, "text", "# uno", false, "structure heading"},
		{"list", Block, "text", "- uno", false, "structure list"},
		{"quote", Block, "text", "> uno", false, "structure quote"},
		{"rule", Block, "text", "---", false, "structure rule"},
		{"setext heading", Block, "text", "uno\n===", false, "structure heading"},
		{"footnote definition", Block, "text", "[^1]: uno", false, "structure footnote"},
		{"link definition", Block, "text", "[x]: /y", false, "structure definition"},
		{"emphasis open", Block, "some *words*", "unas *palabras", false, "emphasis"},
		{"cell bar", Cell, "a", "a | b", false, "table_bar"},
		{"cell bar escaped", Cell, "a", `a \| b`, false, ""},
		{"cell line", Cell, "a", "a\nb", false, "one_line"},
		{"heading line", Heading, "Key facts", "\nDatos", false, "one_line"},
		{"field line", Field, "Title", "Tí\ntulo", false, "one_line"},
		{"alt brackets", Alt, "map", "mapa [1]", false, "alt_brackets"},
		{"caption quote", Caption, "map", `el "mapa"`, false, "title_quote"},
		{"field anything else", Field, "[a](/a)", "sin enlace", false, ""},
		{"blank", Field, "Guide", " \t", false, "blank"},
		{"blank block", Block, "text", "\n", false, "blank"},
		{"control character", Block, "text", "te\x1bxto", false, "invisible got=U+001B (ESC, the start of terminal colour codes)"},
		{"bidi override in a title", Field, "Title", "Tí\u202etulo", false, "invisible got=U+202E (right-to-left override)"},
		{"alt ends in a backslash", Alt, "map", `mapa\`, false, "backslash"},
		{"alt ends in an escaped backslash", Alt, "map", `mapa\\`, false, ""},
		{"caption ends in a backslash", Caption, "map", `mapa\`, false, "backslash"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := kinds(Markdown(tt.unit, tt.orig, tt.tr, Options{UnsafeHTML: tt.unsafe}))
			if got != tt.want {
				t.Errorf("Markdown(%q, %q)\n got: %s\nwant: %s", tt.orig, tt.tr, got, tt.want)
			}
		})
	}
}

func TestString(t *testing.T) {
	simple := func(s string) map[string]string { return map[string]string{"other": s} }
	count := map[string]string{"one": "{{.Count}} min read", "other": "{{.Count}} min read"}
	tests := []struct {
		name     string
		orig, tr map[string]string
		want     string
	}{
		{"kept", simple("Paragraph {{.Number}}"), simple("Párrafo {{.Number}}"), ""},
		{"no placeholders", simple("Read more"), simple("Más información"), ""},
		{"misspelt", simple("Paragraph {{.Number}}"), simple("Párrafo {{.Numero}}"), "unknown want={{.Number}} got={{.Numero}}; dropped want={{.Number}}"},
		{"dropped", simple("Paragraph {{.Number}}"), simple("Párrafo"), "dropped want={{.Number}}"},
		{"unclosed", simple("Paragraph {{.Number}}"), simple("Párrafo {{.Number"), "syntax"},
		{"unknown function", simple("Paragraph {{.Number}}"), simple("Párrafo {{numero .Number}}"), "syntax"},
		{"reordered", simple("{{.Day}} {{.Month}} {{.Year}}"), simple("{{.Day}} de {{.Month}} de {{.Year}}"), ""},
		{"fails when filled", simple("Paragraph {{.Number}}"), simple("Párrafo {{index .Number 1}}"), "fails"},
		{"plural one may drop count", count, map[string]string{"one": "un minuto de lectura", "many": "{{.Count}} de minutos", "other": "{{.Count}} minutos de lectura"}, ""},
		{"plural other keeps count", count, map[string]string{"one": "{{.Count}} minuto", "many": "{{.Count}} de minutos", "other": "minutos"}, "other:dropped want={{.Count}}"},
		{"plural form misspelt", count, map[string]string{"one": "{{.Cuenta}} minuto", "many": "{{.Count}} de minutos", "other": "{{.Count}} minutos"}, "one:unknown want={{.Count}} got={{.Cuenta}}"},
		{"control character", simple("Read more"), simple("Más\x7f"), "invisible got=U+007F (DEL)"},
		{"broken original promises nothing", simple("Paragraph {{.Number"), simple("Párrafo"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := kinds(String(tt.orig, tt.tr))
			if got != tt.want {
				t.Errorf("String(%q, %q)\n got: %s\nwant: %s", tt.orig, tt.tr, got, tt.want)
			}
		})
	}
}

func TestTemplate(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Paragraph {{.Number}}", ""},
		{"no braces }}", ""},
		{"Paragraph {{.Number", "syntax"},
		{"{{end}}", "syntax"},
		{"{{index .Number 1}}", "fails"},
	}
	for _, tt := range tests {
		got := ""
		if p := Template(tt.text); p != nil {
			got = string(p.Kind)
		}
		if got != tt.want {
			t.Errorf("Template(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestProblemError(t *testing.T) {
	p := &Problem{Kind: Syntax, Detail: "unclosed action", Form: "one"}
	if got, want := p.Error(), `plural form "one": placeholder syntax: unclosed action; write placeholders as in the original, like {{.Count}}`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
