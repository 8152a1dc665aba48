package content

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"cecot/internal/diag"
	"cecot/internal/invisible"
)

// FrontMatter is the metadata at the top of a Markdown file, between +++
// lines (TOML) or --- lines (YAML).
type FrontMatter struct {
	Title       string // the page's heading and <title>
	Description string // one sentence for link previews and search results
	// Date is the date of what the page presents (for the submission,
	// the month it is dated): a day or only a month; zero when not given.
	Date Date
	// Lastmod is when the page itself was last updated on this site,
	// kept apart from Date; the sitemap's <lastmod>. Zero when not given.
	Lastmod    Date
	Draft      bool   // left out of builds without -drafts
	Weight     int    // orders a section's pages, lightest first; 0 goes last
	Slug       string // the last URL segment, in the page's language
	Layout     string // a layout to use instead of the one for its kind
	Numbered   bool   // number top-level paragraphs, as in UN documents
	Standalone bool   // also publish a single-file edition of the page
	// TranslatedFrom is the BodyHash of the default-language page that
	// this translation was last brought up to date with.
	TranslatedFrom string
	// BlocksFrom records, for each top-level block of a translation,
	// which block of the original it translates (package translation's
	// Record): the build shows every block beside its own original.
	BlocksFrom string
	// ShareImage names a file under assets/ that link previews show
	// instead of the share image drawn for the page; ShareImageAlt
	// describes it.
	ShareImage, ShareImageAlt string
	Params                    map[string]any // free-form values that layouts read
	// lines are the lines of the file where each of fields is set (0
	// when it is not), so that a value found wrong later (a layout or
	// share image that does not exist, a slug that collides) is
	// reported where the person wrote it. Kept in the page, not in a
	// map: a map and its keys' strings were 350 bytes and 7 objects of
	// every page a build keeps.
	lines [len(fields)]int32
	// hash is the SHA-256 of the front matter's text as written, which
	// MetaKey uses for Params and lines.
	hash [sha256.Size]byte
}

// Line returns the line of the page's file where the front matter sets
// key, one of fields ("slug"), or 0 when it does not set it.
func (fm *FrontMatter) Line(key string) int {
	if i := slices.Index(fields[:], key); i >= 0 {
		return int(fm.lines[i])
	}
	return 0
}

// fields are the front-matter fields that a page may set, in the order
// of FrontMatter.lines.
var fields = [...]string{"title", "description", "date", "lastmod", "draft", "weight", "slug", "layout", "numbered", "standalone", "translated_from", "blocks_from", "share_image", "share_image_alt", "params"}

// Warning is a problem that does not stop a build.
type Warning = diag.Error

// splitFrontMatter separates front matter from the body of a Markdown
// file. The returned body has the front matter's lines replaced by empty
// lines, so that line numbers in the body are line numbers in the file.
// format is "toml", "yaml" or "" when there is no front matter.
func splitFrontMatter(path string, src []byte) (format string, fm, body []byte, err error) {
	format, fm, start, lines, err := frontMatterAt(path, src)
	if err != nil {
		return "", nil, nil, err
	}
	return format, fm, bodyCopy(src, start, lines), nil
}

// frontMatterAt finds the front matter of a Markdown file, as
// splitFrontMatter says: the body is src[start:], after the front
// matter's lines.
func frontMatterAt(path string, src []byte) (format string, fm []byte, start, lines int, err error) {
	var delim string
	switch {
	case bytes.HasPrefix(src, []byte("+++")):
		format, delim = "toml", "+++"
	case bytes.HasPrefix(src, []byte("---")):
		format, delim = "yaml", "---"
	default:
		return "", nil, 0, 0, nil
	}
	firstEnd := bytes.IndexByte(src, '\n')
	if firstEnd < 0 || strings.TrimSpace(string(src[:firstEnd])) != delim {
		return "", nil, 0, 0, nil
	}
	rest := src[firstEnd+1:]
	off := 0
	for off <= len(rest) {
		end := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if end >= 0 {
			line = rest[off : off+end]
		}
		if string(bytes.TrimRight(line, " \t\r")) == delim {
			start = firstEnd + 1 + off + len(line)
			return format, rest[:off], start, bytes.Count(src[:start], []byte("\n")), nil
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	return "", nil, 0, 0, diag.At(path, 1, "fm_no_closing",
		fmt.Sprintf("front matter: no closing %s line; end the front matter with a line that holds only %s", delim, delim), "Delim", delim)
}

// bodyCopy is the body of src, whose front matter frontMatterAt found
// to end at start, after lines lines: those lines blank, then the rest.
// It never shares src, which readPage reuses.
func bodyCopy(src []byte, start, lines int) []byte {
	if start == 0 {
		return bytes.Clone(src)
	}
	body := make([]byte, 0, lines+len(src)-start)
	body = append(body, bytes.Repeat([]byte("\n"), lines)...)
	return append(body, src[start:]...)
}

// parseFrontMatter decodes front matter in the given format. Unknown keys
// give warnings, not errors, so that a typo does not stop a preview.
func parseFrontMatter(path, format string, fm []byte) (FrontMatter, []*Warning, error) {
	var m map[string]any
	switch format {
	case "":
		return FrontMatter{}, nil, nil
	case "toml":
		if _, err := toml.Decode(string(fm), &m); err != nil {
			var perr toml.ParseError
			if errors.As(err, &perr) {
				return FrontMatter{}, nil, &diag.Error{Path: path, Line: perr.Position.Line + 1, Err: frontMatterSays(tomlMessage(perr.Message))}
			}
			return FrontMatter{}, nil, &diag.Error{Path: path, Line: 1, Err: diag.Say("fm_syntax", "front matter: "+err.Error(), "Problem", err)}
		}
	case "yaml":
		if err := yaml.Unmarshal(fm, &m); err != nil {
			return FrontMatter{}, nil, yamlError(path, err)
		}
	}
	lineOf := func(key string) int { return fieldLine(fm, format, key) + 1 }
	return decodeFrontMatter(path, m, lineOf)
}

func decodeFrontMatter(path string, m map[string]any, lineOf func(string) int) (FrontMatter, []*Warning, error) {
	var (
		fm   FrontMatter
		errs diag.List
		warn []*Warning
	)
	bad := func(key, want string, v any) {
		errs.Add(diag.At(path, lineOf(key), "fm_want", fmt.Sprintf("front matter: %s: want %s, got %s", key, want, describe(v)),
			"Key", key, "Want", diag.Say("fm_want_"+wantIDs[want], want), "Got", describe(v)))
	}
	// Text and switch keys, each with the field it sets.
	texts := map[string]*string{
		"title": &fm.Title, "description": &fm.Description, "slug": &fm.Slug,
		"layout": &fm.Layout, "translated_from": &fm.TranslatedFrom, "blocks_from": &fm.BlocksFrom,
		"share_image": &fm.ShareImage, "share_image_alt": &fm.ShareImageAlt,
	}
	switches := map[string]*bool{"draft": &fm.Draft, "numbered": &fm.Numbered, "standalone": &fm.Standalone}
	for _, key := range slices.Sorted(maps.Keys(m)) {
		if i := slices.Index(fields[:], key); i >= 0 {
			fm.lines[i] = int32(lineOf(key))
		}
		v := m[key]
		if field, ok := texts[key]; ok {
			s, ok := v.(string)
			if !ok {
				bad(key, "text in quotes", v)
				continue
			}
			if err := invisible.Check(s, key == "title"); err != nil {
				errs.Add(diag.At(path, lineOf(key), "fm_invisible", fmt.Sprintf("front matter: %s %v", key, err), "Key", key, "Err", err))
				continue
			}
			// A copy: the TOML decoder's strings are parts of one
			// string of the whole front matter, which a page would
			// keep to the end of the build for its title.
			*field = strings.Clone(strings.TrimSpace(s))
			continue
		}
		if field, ok := switches[key]; ok {
			b, ok := v.(bool)
			if !ok {
				bad(key, "true or false", v)
				continue
			}
			*field = b
			continue
		}
		switch key {
		case "weight":
			switch n := v.(type) {
			case int64:
				fm.Weight = int(n)
			case int:
				fm.Weight = n
			default:
				bad(key, "a whole number", v)
			}
		case "date", "lastmod":
			d, ok := toDate(v)
			if !ok {
				bad(key, dateHint, v)
				continue
			}
			if key == "date" {
				fm.Date = d
			} else {
				fm.Lastmod = d
			}
		case "params":
			p, ok := v.(map[string]any)
			if !ok {
				bad(key, "a table of values", v)
				continue
			}
			if err := checkParams(path, "params", p, lineOf); err != nil {
				errs.Add(err)
				continue
			}
			fm.Params = p
		default:
			warn = append(warn, &Warning{Path: path, Line: lineOf(key), Err: unknownKey(key)})
		}
	}
	return fm, warn, errs.Err()
}

// checkParams refuses invisible characters in the text of a params
// table, at any depth: layouts publish it. lineOf finds a nested key's
// line as it finds a top-level key's, which is near enough for a person
// to see the value.
func checkParams(path, name string, v any, lineOf func(string) int) error {
	switch v := v.(type) {
	case string:
		if err := invisible.Check(v, false); err != nil {
			return diag.At(path, lineOf(name[strings.LastIndexByte(name, '.')+1:]), "fm_invisible", fmt.Sprintf("front matter: %s %v", name, err), "Key", name, "Err", err)
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if err := checkParams(path, name+"."+k, v[k], lineOf); err != nil {
				return err
			}
		}
	case []any:
		for _, e := range v {
			if err := checkParams(path, name, e, lineOf); err != nil {
				return err
			}
		}
	}
	return nil
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case map[string]any:
		return "a table"
	case []any:
		return "a list"
	case time.Time:
		return v.Format(time.DateOnly)
	}
	return fmt.Sprint(v)
}

// fieldLine returns the 1-based line in fm where a top-level key is set, or 0.
func fieldLine(fm []byte, format, key string) int {
	sep := "="
	if format == "yaml" {
		sep = ":"
	}
	// Asked for every key of every page: the lines are looked at where
	// they lie, not copied.
	i := 0
	for line := range bytes.SplitSeq(fm, []byte("\n")) {
		i++
		rest, ok := bytes.CutPrefix(bytes.TrimSpace(line), []byte(key))
		if format == "toml" && len(line) == len(key)+2 && line[0] == '[' && string(line[1:len(line)-1]) == key && line[len(line)-1] == ']' {
			return i
		}
		if ok && bytes.HasPrefix(bytes.TrimSpace(rest), []byte(sep)) {
			return i
		}
	}
	return 0
}

// yamlError locates a YAML error; the front matter starts on file line 2.
func yamlError(path string, err error) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if strings.Contains(msg, "cannot unmarshal") {
		// The document is not a mapping, such as a list or plain text.
		msg = strings.TrimSuffix(msg, msg[strings.Index(msg, "cannot unmarshal"):]) + "front matter must be lines of key: value"
	}
	line := 1
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		var n int
		if _, err := fmt.Sscanf(rest, "%d", &n); err == nil {
			line = n + 1
			if i := strings.Index(rest, ": "); i >= 0 {
				msg = rest[i+2:]
			}
		}
	}
	return &diag.Error{Path: path, Line: line, Err: diag.Say("fm_yaml",
		"front matter: "+msg+"; check the YAML around this line: quotes, colons and indentation", "Problem", yamlMessage(msg))}
}

// yamlMessages are the YAML parser's commonest messages, by the
// catalogue message that says them in the translator's language.
var yamlMessages = []struct{ prefix, id string }{
	{"mapping values are not allowed in this context", "yaml_colon"},
	{"found unexpected end of stream", "yaml_eof"},
	{"found a tab character", "yaml_tab"},
	{"found character that cannot start any token", "yaml_bad_start"},
	{"front matter must be lines of key: value", "yaml_not_mapping"},
	{"did not find expected ',' or ']'", "yaml_list_open"},
	{"did not find expected ',' or '}'", "yaml_table_open"},
	{"found unknown escape character", "yaml_escape"},
	{"did not find expected key", "yaml_no_key"},
	{"could not find expected ':'", "yaml_no_colon"},
}

// yamlKeyTwice is the YAML library's message about a key given twice;
// compiled when first used, not at every start of the program.
var yamlKeyTwice = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^mapping key ("[^"]*") already defined at line (\d+)$`)
})

// yamlMessage is a YAML parser's message as a catalogue message; its
// English is the parser's, as it always was. A message the table does
// not know keeps the parser's own words (yaml_other), in English: they
// cannot be put in words without knowing what they are about.
func yamlMessage(msg string) *diag.Message {
	if m := yamlKeyTwice().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		return diag.Say("yaml_key_twice", msg, "Key", m[1], "Line", line+1) // the front matter starts on line 2
	}
	for _, m := range yamlMessages {
		if strings.HasPrefix(msg, m.prefix) {
			return diag.Say(m.id, msg)
		}
	}
	return diag.Say("yaml_other", msg, "Parser", msg)
}

// wantIDs name the kinds of value a key wants, for the message catalogue.
var wantIDs = map[string]string{
	"text in quotes": "text", "true or false": "switch", "a whole number": "number",
	dateHint: "date", "a table of values": "table",
}

// unknownKey is the warning about a key the front matter does not know,
// with the likely key it was meant to be.
func unknownKey(key string) error {
	msg := fmt.Sprintf("front matter: unknown key %q", key)
	if s := diag.Suggest(key, fields[:]); s != "" {
		return diag.Say("fm_unknown_key_suggest", msg+fmt.Sprintf(" (did you mean %q?)", s), "Key", fmt.Sprintf("%q", key), "Suggest", fmt.Sprintf("%q", s))
	}
	return diag.Say("fm_unknown_key", msg+"; put your own values under [params]", "Key", fmt.Sprintf("%q", key))
}

// frontMatterSays puts "front matter: " before a problem of its syntax.
func frontMatterSays(m *diag.Message) *diag.Message {
	return diag.Say("fm_syntax", "front matter: "+m.English, "Problem", m)
}

// tomlMessage makes a TOML parse message read like the others: lower
// case, with how to fix it.
func tomlMessage(msg string) *diag.Message {
	if say, ok := invisible.FromTOML(msg); ok {
		return say
	}
	if say, ok := diag.TOMLProblem(msg); ok {
		return say
	}
	return diag.TOMLOther(msg)
}
