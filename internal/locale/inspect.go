package locale

import (
	"cmp"
	"errors"
	"io/fs"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"cecot/internal/diag"
	"cecot/internal/plural"
)

// SameMark is the comment that marks a message as meant to read the same
// as in the default language ("OK", a name), so that it is not reported
// as untranslated: put it at the end of the message's first line.
const SameMark = "# same"

// FileInfo is what a language's message file holds, read without stopping
// at the first problem, for translators' status reports.
type FileInfo struct {
	File     string
	Exists   bool
	Messages map[string]MessageInfo
	// Problems are messages that Load would refuse, such as plural forms
	// that the language does not have or lacks.
	Problems []*diag.Error
}

// MessageInfo is one message of a file.
type MessageInfo struct {
	ID    string
	Line  int
	Forms map[string]string // plural form ("other" for a simple message) → text
	// Same is set when the message is marked to read the same as in the
	// default language.
	Same bool
	// Description is what the message is for, and what must change in
	// translation (go-i18n's description), for translators' tools.
	Description string
}

// Plural reports whether the message has plural forms: more than one,
// or no "other" alone.
func (m *MessageInfo) Plural() bool { return len(m.Forms) > 1 || m.Forms["other"] == "" }

// Messages reads the messages of lang's file in file order, or nil when
// the file does not exist.
func Messages(fsys fs.FS, lang string) ([]*MessageInfo, error) {
	fi, err := Inspect(fsys, lang)
	if err != nil || !fi.Exists {
		return nil, err
	}
	out := make([]*MessageInfo, 0, len(fi.Messages))
	for _, m := range fi.Messages {
		out = append(out, &m)
	}
	slices.SortFunc(out, func(a, b *MessageInfo) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), strings.Compare(a.ID, b.ID))
	})
	return out, nil
}

// Inspect reads the message file of lang. A file that cannot be parsed at
// all is an error; a message with wrong plural forms is a Problem.
func Inspect(fsys fs.FS, lang string) (*FileInfo, error) {
	fi := &FileInfo{File: File(lang), Messages: map[string]MessageInfo{}}
	data, err := fs.ReadFile(fsys, fi.File)
	if errors.Is(err, fs.ErrNotExist) {
		return fi, nil
	}
	if err != nil {
		return nil, diag.Errorf(fi.File, 0, "cannot read: %v", err)
	}
	fi.Exists = true
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, &diag.Error{Path: fi.File, Line: perr.Position.Line, Err: diag.TOMLFileProblem(perr.Message)}
		}
		return nil, diag.Errorf(fi.File, 0, "%v", err)
	}
	msgs, err := i18n.ParseMessageBytes(data, toml.Unmarshal)
	if err != nil {
		return nil, diag.Errorf(fi.File, 0, "%v", err)
	}
	lines := messageLines(data)
	text := strings.Split(string(data), "\n")
	forms := plural.Forms(lang)
	for _, m := range msgs {
		line := lines[m.ID]
		mi := MessageInfo{ID: m.ID, Line: line, Forms: map[string]string{}, Description: m.Description}
		for f, s := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other} {
			if s != "" {
				mi.Forms[f] = s
			}
		}
		if line > 0 && line <= len(text) {
			mi.Same = strings.HasSuffix(strings.TrimSpace(text[line-1]), SameMark)
		}
		fi.Messages[m.ID] = mi
		if err := checkPlural(m, lang, forms); err != nil {
			fi.Problems = append(fi.Problems, &diag.Error{Path: fi.File, Line: line, Err: err.Message()})
		}
	}
	return fi, nil
}
