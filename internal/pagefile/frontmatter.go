package pagefile

import (
	"bytes"
	"fmt"
	"strings"

	"cecot/internal/stamp"
	"cecot/internal/translation"
	"cecot/internal/words"
)

// SetStamp returns src, the text of a Markdown file, with its translated_from
// front-matter line set to value. Every other byte of the file is kept
// as it was, line endings included. A file without front matter gets
// one.
func SetStamp(src []byte, value string) ([]byte, error) {
	return Set(src, stamp.Field, value)
}

// Set returns src with its top-level front-matter field set to value,
// every other byte kept; see SetStamp.
func Set(src []byte, field, value string) ([]byte, error) {
	if strings.ContainsAny(value, "\"\\\n") {
		return nil, fmt.Errorf("stamp %q has characters that need quoting", value)
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	nl := "\n"
	if len(lines) > 0 && bytes.HasSuffix(lines[0], []byte("\r\n")) {
		nl = "\r\n"
	}
	delim := strings.TrimSpace(string(bytes.TrimPrefix(firstLine(lines), []byte("\xef\xbb\xbf"))))
	if delim != "+++" && delim != "---" {
		fm := "+++" + nl + tomlLine(field, value) + nl + "+++" + nl
		return append([]byte(fm), src...), nil
	}
	line := tomlLine(field, value)
	if delim == "---" {
		line = fmt.Sprintf("%s: %q", field, value)
	}
	insertAt := -1
	for i := 1; i < len(lines); i++ {
		text := strings.TrimRight(string(lines[i]), "\r\n")
		trimmed := strings.TrimSpace(text)
		if trimmed == delim {
			if insertAt < 0 {
				insertAt = i
			}
			out := joinLines(lines[:insertAt])
			out = append(out, line+nl...)
			return append(out, joinLines(lines[insertAt:])...), nil
		}
		if isFieldLine(text, field, delim) {
			end := lines[i][len(text):] // the line's own ending
			out := joinLines(lines[:i])
			out = append(out, line...)
			out = append(out, end...)
			return append(out, joinLines(lines[i+1:])...), nil
		}
		// In TOML, keys after a [table] header belong to the table, so
		// a new top-level key goes before the first one.
		if delim == "+++" && insertAt < 0 && strings.HasPrefix(trimmed, "[") {
			insertAt = i
		}
	}
	return nil, words.Msg("stamp_no_closing")
}

func tomlLine(field, value string) string { return fmt.Sprintf("%s = %q", field, value) }

func firstLine(lines [][]byte) []byte {
	if len(lines) == 0 {
		return nil
	}
	return lines[0]
}

// isKeyLine reports whether a front-matter line sets translated_from at
// the top level (not indented, as YAML nesting would be).
func isKeyLine(line, delim string) bool { return isFieldLine(line, stamp.Field, delim) }

// isFieldLine reports whether a front-matter line sets field at the top
// level.
func isFieldLine(line, field, delim string) bool {
	rest, ok := strings.CutPrefix(line, field)
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " \t")
	if delim == "---" {
		return strings.HasPrefix(rest, ":")
	}
	return strings.HasPrefix(rest, "=")
}

// StampBlocks returns src, a translation's file, stamped as made from an
// original whose body is orig (stamp is its stamp.Make) and with its
// record (translation.Record) naming, block for block, the original's
// blocks. The translation must have the original's blocks, of the same
// kinds in the same order: a stamp vouches that it is the translation
// of each of them.
func StampBlocks(src []byte, stamp string, orig []byte) ([]byte, error) {
	out, err := SetStamp(src, stamp)
	if err != nil {
		return nil, err
	}
	return Set(out, translation.RecordField, translation.RecordOf(orig).String())
}

func joinLines(lines [][]byte) []byte { return bytes.Join(lines, nil) }

// newTranslation returns the text of a new translation file made from
// src, the source page's file: the same front matter and text, to be
// translated, with draft = true so that it is not published half done,
// and stamped with value, the source's stamp.
func newTranslation(src []byte, value string) ([]byte, error) {
	out, err := SetStamp(src, value)
	if err != nil {
		return nil, err
	}
	return SetDraft(out)
}

// SetDraft sets draft to true, through the same line-preserving edit.
func SetDraft(src []byte) ([]byte, error) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	delim := strings.TrimSpace(string(firstLine(lines)))
	nl := "\n"
	if bytes.HasSuffix(firstLine(lines), []byte("\r\n")) {
		nl = "\r\n"
	}
	sep := " = "
	if delim == "---" {
		sep = ": "
	}
	for i := 1; i < len(lines); i++ {
		text := strings.TrimRight(string(lines[i]), "\r\n")
		if strings.TrimSpace(text) == delim || (delim == "+++" && strings.HasPrefix(strings.TrimSpace(text), "[")) {
			break
		}
		if rest, ok := strings.CutPrefix(text, "draft"); ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), strings.TrimSpace(sep)) {
			lines[i] = []byte("draft" + sep + "true" + nl)
			return joinLines(lines), nil
		}
	}
	// Put draft just before the stamp line, which Set has placed among
	// the top-level keys.
	for i := 1; i < len(lines); i++ {
		if isKeyLine(strings.TrimRight(string(lines[i]), "\r\n"), delim) {
			out := joinLines(lines[:i])
			out = append(out, "draft"+sep+"true"+nl...)
			return append(out, joinLines(lines[i:])...), nil
		}
	}
	return nil, words.Msg("stamp_no_field")
}

// ClearDraft removes a front matter's top-level "draft" line.
func ClearDraft(src []byte) []byte {
	lines := bytes.SplitAfter(src, []byte("\n"))
	delim := strings.TrimSpace(string(firstLine(lines)))
	for i := 1; i < len(lines); i++ {
		text := strings.TrimRight(string(lines[i]), "\r\n")
		trimmed := strings.TrimSpace(text)
		if trimmed == delim || (delim == "+++" && strings.HasPrefix(trimmed, "[")) {
			break
		}
		if isFieldLine(text, "draft", delim) {
			return append(joinLines(lines[:i]), joinLines(lines[i+1:])...)
		}
	}
	return src
}
