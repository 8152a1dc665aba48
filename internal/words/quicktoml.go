package words

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// unmarshalCatalog reads a catalogue file for go-i18n: with readCatalog
// when the file keeps to the little of TOML the catalogues use, else
// with the TOML library. Every "site build" says a message, and
// decoding 51 kB of TOML with the library was a tenth of building a
// small site; TestReadCatalogAsTOML checks that both read the
// catalogues alike.
func unmarshalCatalog(data []byte, v any) error {
	p, ok := v.(*any)
	if !ok {
		return toml.Unmarshal(data, v)
	}
	m, err := readCatalog(data)
	if err != nil {
		return toml.Unmarshal(data, v)
	}
	*p = m
	return nil
}

// errUnread is a line readCatalog does not read; the TOML library does.
var errUnread = errors.New("not in the catalogues' subset of TOML")

// readCatalog reads the subset of TOML the catalogues are written in:
// comment and blank lines, lines id = "text", id = """text over
// lines""" or id = { form = "text", ... }, and [id] lines that start a
// table of such lines, with bare ids and the escapes of TOML's basic
// strings. Anything else is errUnread.
func readCatalog(data []byte) (map[string]any, error) {
	out := map[string]any{}
	cur := out // the table that lines go into: out, or the last [id]'s
	s := string(data)
	for s != "" {
		line, rest, _ := strings.Cut(s, "\n")
		t := strings.TrimSpace(line)
		if t == "" || t[0] == '#' {
			s = rest
			continue
		}
		if t[0] == '[' {
			name, after, ok := strings.Cut(t[1:], "]")
			if !ok || strings.HasPrefix(name, "[") {
				return nil, errUnread
			}
			key, val, err := readKey(name + "=")
			if err != nil || val != "" {
				return nil, errUnread
			}
			if _, dup := out[key]; dup {
				return nil, errUnread
			}
			if err := endOfLine(after); err != nil {
				return nil, err
			}
			cur = map[string]any{}
			out[key] = cur
			s = rest
			continue
		}
		key, val, err := readKey(t)
		if err != nil {
			return nil, err
		}
		if _, dup := cur[key]; dup {
			return nil, errUnread
		}
		var v any
		var after string
		switch {
		case strings.HasPrefix(val, `"""`):
			// The value runs on to the closing quotes, on a later line.
			start := strings.Index(line, `"""`) + 3
			var text string
			if text, after, err = readMultiline(s[start:]); err != nil {
				return nil, err
			}
			v = text
			rest = after
			after, rest, _ = strings.Cut(rest, "\n")
		case strings.HasPrefix(val, `"`):
			var text string
			if text, after, err = readBasic(val[1:]); err != nil {
				return nil, err
			}
			v = text
		case strings.HasPrefix(val, "{"):
			var table map[string]any
			if table, after, err = readInlineTable(val[1:]); err != nil {
				return nil, err
			}
			v = table
		default:
			return nil, errUnread
		}
		if err := endOfLine(after); err != nil {
			return nil, err
		}
		cur[key] = v
		s = rest
	}
	return out, nil
}

// readKey reads `id = value` into its bare id and what follows the "=".
func readKey(t string) (key, val string, err error) {
	key, val, ok := strings.Cut(t, "=")
	key = strings.TrimSpace(key)
	if !ok || key == "" || strings.TrimLeft(key, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") != "" {
		return "", "", errUnread
	}
	return key, strings.TrimLeft(val, " \t"), nil
}

// endOfLine accepts what may follow a value on its line: spaces and a
// comment.
func endOfLine(after string) error {
	after = strings.TrimLeft(after, " \t")
	if after != "" && after[0] != '#' && after != "\r" {
		return errUnread
	}
	return nil
}

// readBasic reads a basic string after its opening quote, to the
// closing quote on the same line; after is what follows it.
func readBasic(s string) (text, after string, err error) {
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '"':
			return b.String(), s[i+1:], nil
		case c == '\\':
			n, err := readEscape(&b, s[i:])
			if err != nil {
				return "", "", err
			}
			i += n
		case c == '\n' || c == '\r' || c < 0x20 && c != '\t' || c == 0x7f:
			return "", "", errUnread
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return "", "", errUnread
			}
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return "", "", errUnread
}

// readMultiline reads a multi-line basic string after its opening
// quotes: a newline just after them is dropped, and a backslash at the
// end of a line drops the line break and the blanks that follow.
func readMultiline(s string) (text, after string, err error) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "\r"), "\n")
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case strings.HasPrefix(s[i:], `"""`):
			if strings.HasPrefix(s[i+3:], `"`) {
				return "", "", errUnread // quotes just before the closing ones
			}
			return b.String(), s[i+3:], nil
		case c == '\\':
			if j := i + 1 + len(s[i+1:]) - len(strings.TrimLeft(s[i+1:], " \t")); j < len(s) && (s[j] == '\n' || s[j] == '\r') {
				i = len(s) - len(strings.TrimLeft(s[i+1:], " \t\r\n"))
				continue
			}
			n, err := readEscape(&b, s[i:])
			if err != nil {
				return "", "", err
			}
			i += n
		case c == '\r' || c < 0x20 && c != '\t' && c != '\n' || c == 0x7f:
			return "", "", errUnread
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return "", "", errUnread
			}
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return "", "", errUnread
}

// readEscape writes the character of the escape at the start of s and
// returns the escape's length.
func readEscape(b *strings.Builder, s string) (int, error) {
	if len(s) < 2 {
		return 0, errUnread
	}
	switch s[1] {
	case '"', '\\':
		b.WriteByte(s[1])
	case 'n':
		b.WriteByte('\n')
	case 't':
		b.WriteByte('\t')
	case 'r':
		b.WriteByte('\r')
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'u', 'U':
		n := 4
		if s[1] == 'U' {
			n = 8
		}
		if len(s) < 2+n {
			return 0, errUnread
		}
		code, err := strconv.ParseUint(s[2:2+n], 16, 32)
		if err != nil || !utf8.ValidRune(rune(code)) {
			return 0, errUnread
		}
		b.WriteRune(rune(code))
		return 2 + n, nil
	default:
		return 0, errUnread
	}
	return 2, nil
}

// readInlineTable reads { form = "text", ... } after its opening brace,
// on one line.
func readInlineTable(s string) (map[string]any, string, error) {
	table := map[string]any{}
	for {
		s = strings.TrimLeft(s, " \t")
		if strings.HasPrefix(s, "}") && len(table) == 0 {
			return table, s[1:], nil
		}
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return nil, "", errUnread
		}
		key, val, err := readKey(s[:eq+1])
		if err != nil || val != "" {
			return nil, "", errUnread
		}
		s = strings.TrimLeft(s[eq+1:], " \t")
		if !strings.HasPrefix(s, `"`) || strings.HasPrefix(s, `"""`) {
			return nil, "", errUnread
		}
		text, after, err := readBasic(s[1:])
		if err != nil {
			return nil, "", err
		}
		if _, dup := table[key]; dup {
			return nil, "", errUnread
		}
		table[key] = text
		s = strings.TrimLeft(after, " \t")
		switch {
		case strings.HasPrefix(s, ","):
			s = s[1:]
			if strings.HasPrefix(strings.TrimLeft(s, " \t"), "}") {
				return nil, "", errUnread // TOML allows no trailing comma
			}
		case strings.HasPrefix(s, "}"):
			return table, s[1:], nil
		default:
			return nil, "", errUnread
		}
	}
}
