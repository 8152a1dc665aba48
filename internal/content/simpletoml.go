package content

import (
	"bytes"
	"strconv"
	"time"
	"unicode/utf8"
)

// decodeSimpleTOML decodes front matter that uses only the plainest of
// TOML, as nearly every page's does: one "key = value" a line, with a bare
// key and a value that is a string in double quotes without escapes, a
// whole number, true or false, or a date and time in UTC
// (2025-10-21T12:06:00Z); blank lines between. It gives the map that
// toml.Decode gives for it (TestSimpleTOML, FuzzSimpleTOML), without the
// cost of a general TOML parser on every page of every build; ok is
// false for anything else, which toml.Decode then reads, and reports.
func decodeSimpleTOML(fm []byte) (m map[string]any, ok bool) {
	m = map[string]any{}
	for rest := fm; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		line = bytes.TrimRight(line, " \t")
		if len(line) == 0 {
			continue
		}
		eq := bytes.Index(line, []byte(" = "))
		if eq <= 0 || !bareKey(line[:eq]) {
			return nil, false
		}
		key := string(line[:eq])
		if _, dup := m[key]; dup {
			return nil, false
		}
		v, ok := simpleValue(line[eq+3:])
		if !ok {
			return nil, false
		}
		m[key] = v
	}
	return m, true
}

// bareKey reports whether k is a TOML bare key.
func bareKey(k []byte) bool {
	for _, c := range k {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return len(k) > 0
}

// simpleValue decodes v if it is one of decodeSimpleTOML's values.
func simpleValue(v []byte) (any, bool) {
	switch {
	case len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"':
		s := v[1 : len(v)-1]
		for _, c := range s {
			// No escape, no end of the string, no control
			// character (TOML allows a tab only).
			if c == '\\' || c == '"' || c < 0x20 && c != '\t' || c == 0x7f {
				return nil, false
			}
		}
		return string(s), utf8.Valid(s)
	case string(v) == "true":
		return true, true
	case string(v) == "false":
		return false, true
	case len(v) == len("2006-01-02T15:04:05Z") && v[4] == '-' && v[10] == 'T' && v[19] == 'Z':
		t, err := time.Parse("2006-01-02T15:04:05Z", string(v))
		if err != nil || t.Format("2006-01-02T15:04:05Z") != string(v) {
			return nil, false
		}
		return t, true
	}
	digits := v
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	// No sign but the minus, no leading zero, no underscore; short
	// enough never to overflow.
	if len(digits) == 0 || len(digits) > 18 || digits[0] == '0' && len(digits) > 1 {
		return nil, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return nil, false
		}
	}
	n, err := strconv.ParseInt(string(v), 10, 64)
	return n, err == nil
}
