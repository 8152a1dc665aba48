// Package tomlline reads and writes single lines of TOML, for the tools
// that change a file line by line and keep every other byte as it was
// (comments, the order of keys, line endings): which line sets a key
// (IsKey), a key's line with a new value (Assign), a basic string
// (Quote). It parses no whole file: package locale and the TOML parser
// do.
package tomlline

import (
	"fmt"
	"strconv"
	"strings"
)

// IsKey reports whether line, trimmed, sets key ("key = ..." or
// "\"key\" = ...").
func IsKey(line, key string) bool {
	rest, ok := strings.CutPrefix(line, key)
	if !ok {
		rest, ok = strings.CutPrefix(line, strconv.Quote(key))
	}
	return ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), "=")
}

// Assign rewrites line, which sets key, as key, sep and value quoted,
// keeping its indentation and its line ending; sep is " = " for TOML
// (": " writes a YAML line with the same quoting).
func Assign(line, key, sep, value string) string {
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
	end := ""
	if strings.HasSuffix(line, "\n") {
		end = "\n"
	}
	return indent + key + sep + Quote(value) + end
}

// Quote writes s as a TOML basic string.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
