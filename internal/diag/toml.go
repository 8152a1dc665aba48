package diag

import (
	"fmt"
	"strings"
)

// tomlProblems are the TOML parser's commonest messages, by prefix, with
// the catalogue message that says what to do, so that every TOML file a
// translator edits (front matter, site.toml, locales/) is told alike.
var tomlProblems = []struct{ prefix, id, english string }{
	{"strings cannot contain newlines", "toml_newline", `text in quotes must end on the line it starts; add the closing quote`},
	{`expected value but found '\n'`, "toml_no_value", `no value after =; write key = "text", a number, true or false, or a date`},
	{"expected value but found", "toml_unquoted", `text must be in quotes, like title = "Report"`},
	{"expected a top-level item to end with a newline", "toml_two_values", `two values on one line; put each key = value on its own line`},
	{"expected '.' or '='", "toml_not_key_value", `not a key = value line; write it like title = "Report"`},
	{"unexpected EOF", "toml_eof", "the front matter ends in the middle of a value; close its quotes or brackets"},
	{"invalid datetime", "toml_date", `not a date; write a day like 2025-06-01, or a month in quotes like "2025-06"`},
	// Said in English in the parser's words, as they always were; the
	// catalogue says what to do.
	{"expected '.' or ']' to end table name", "toml_table_name", ""},
	{"expected a comma (',') or array terminator (']')", "toml_list_open", ""},
}

// TOMLProblem rewords a TOML parser's message (toml.ParseError's
// Message) as what to do, in front matter's words: "unexpected EOF" is
// the front matter ending in the middle of a value (toml_eof; a whole
// file's message is toml_eof_file). ok is false for a message it does
// not know, which the caller says with the parser's own words.
func TOMLProblem(parser string) (m *Message, ok bool) {
	if key, ok := strings.CutPrefix(parser, "Key '"); ok && strings.HasSuffix(key, "' has already been defined.") {
		key = fmt.Sprintf("%q", strings.TrimSuffix(key, "' has already been defined."))
		return Say("toml_key_twice", fmt.Sprintf("key %s is set twice; keep one of them", key), "Key", key), true
	}
	for _, p := range tomlProblems {
		if strings.HasPrefix(parser, p.prefix) {
			english := p.english
			if english == "" {
				english = tomlOther(parser)
			}
			return Say(p.id, english), true
		}
	}
	return nil, false
}

// TOMLFileProblem is a whole TOML file's parser message (site.toml,
// locales/*.toml): its English is the parser's, as the logs have always
// had it; the catalogue says what to do. A message TOMLProblem does not
// know keeps the parser's words (toml_other), which cannot be put in
// words without knowing what they are about.
func TOMLFileProblem(parser string) *Message {
	m, ok := TOMLProblem(parser)
	if !ok {
		m = TOMLOther(parser)
		m.English = parser
		return m
	}
	if m.ID == "toml_eof" {
		m.ID = "toml_eof_file"
	}
	m.English = parser
	return m
}

// TOMLOther is a parser's message the catalogue has no words for: the
// parser's own, in English (they cannot be put in words without knowing
// what they are about), with where to look.
func TOMLOther(parser string) *Message {
	return Say("toml_other", tomlOther(parser), "Parser", strings.TrimSuffix(parser, "."))
}

// tomlOther is the English of a parser's message that has no words of
// its own: the parser's, with where to look.
func tomlOther(parser string) string {
	return strings.TrimSuffix(parser, ".") + "; check the TOML on this line: key = \"text in quotes\""
}
