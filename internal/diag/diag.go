// Package diag describes problems found in a site's source files, each
// located by file and line, so that every part of the generator reports
// them the same way.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"syscall"
)

// Error is a problem located in a source file. Path is slash-separated and
// relative to the project folder; Line is 1-based, or 0 when unknown.
type Error struct {
	Path string // "content/es/informe.md"
	Line int    // 1-based; 0 when unknown
	Err  error  // what is wrong, and how to fix it
}

// Errorf returns an Error at path and line with a formatted message.
func Errorf(path string, line int, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Err: fmt.Errorf(format, args...)}
}

// Wrap returns err located at path and line. An err that is already an
// *Error with a path keeps its own location.
func Wrap(path string, line int, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) && e.Path != "" {
		return err
	}
	return &Error{Path: path, Line: line, Err: err}
}

// Error returns "path:line: message".
func (e *Error) Error() string {
	switch {
	case e.Path == "":
		return e.Err.Error()
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	default:
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// List is every problem of one run, reported together.
type List []error

// Add appends err to l, flattening nested lists; nil is ignored.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	var nested List
	if errors.As(err, &nested) {
		*l = append(*l, nested...)
		return
	}
	*l = append(*l, err)
}

// Err returns l sorted by path and line, or nil if l is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// Sort orders l by path, then line, then message, so that reports are
// stable from run to run.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		pi, li := location(l[i])
		pj, lj := location(l[j])
		if pi != pj {
			return pi < pj
		}
		if li != lj {
			return li < lj
		}
		return l[i].Error() < l[j].Error()
	})
}

// SortErrors orders problems by file, then line, the order in which
// every command reports warnings; problems at the same place keep their
// order.
func SortErrors(errs []*Error) {
	slices.SortStableFunc(errs, func(a, b *Error) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line))
	})
}

// Error returns every problem, one a line.
func (l List) Error() string {
	msgs := make([]string, len(l))
	for i, err := range l {
		msgs[i] = err.Error()
	}
	return strings.Join(msgs, "\n")
}

func location(err error) (string, int) {
	var e *Error
	if errors.As(err, &e) {
		return e.Path, e.Line
	}
	return "", 0
}

// Suggest returns the candidate closest to word, for "did you mean" hints,
// or "" when none is close enough to be a likely typo.
func Suggest(word string, candidates []string) string {
	best, bestDist := "", len(word)/2+1
	for _, c := range candidates {
		if d := distance(strings.ToLower(word), strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the Levenshtein edit distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// PathCause returns the cause of a file system error without the
// operation and path that fs.PathError adds, for messages that name the
// file themselves; other errors are returned as they are.
func PathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// CannotRead describes why the file or folder at path could not be read,
// in the words of someone who put it there: a symbolic link that leads
// outside the project (which the build, reading through os.Root, refuses)
// or into a loop, a file that vanished or a link to nothing, a file that
// is not readable, or one too large.
func CannotRead(path string, err error) *Error {
	err = PathCause(err)
	// A reader that said what is wrong in the contributor's words (a
	// file too large to read: package bounded) is not said again.
	var m *Message
	if errors.As(err, &m) {
		return &Error{Path: path, Err: m}
	}
	switch {
	case strings.Contains(err.Error(), "path escapes from parent"):
		return At(path, 0, "read_outside", "symbolic link to a file outside the project, which the build does not read; copy the file into the project instead")
	case errors.Is(err, syscall.ELOOP):
		return At(path, 0, "read_loop", "symbolic links that lead in a circle; replace the link with the file itself")
	case errors.Is(err, fs.ErrNotExist):
		// Listed a moment ago: moved or deleted since, as an editor
		// saving under watch mode does, or a link to nothing.
		return At(path, 0, "read_gone", "gone while being read (moved or deleted), or a symbolic link to nothing; if it is a link, fix it or remove it")
	case errors.Is(err, fs.ErrPermission):
		return At(path, 0, "read_permission", "cannot read: permission denied; make the file readable (chmod a+r)")
	}
	return At(path, 0, "read_other", "cannot read: "+err.Error(), "Err", err)
}

// Message is a problem's words kept by a message ID and named values, so
// that a message catalogue can say them in the reader's language. As an
// error it reads in English, as the logs and -json have it.
type Message struct {
	ID      string         // "fm_unknown_key"; the catalogue's key
	Data    map[string]any // the template's values; an error among them is said in the same language
	English string         // what Error returns
}

// Error is the message in English.
func (m *Message) Error() string { return m.English }

// Unwrap returns the cause the message names Err, if any, so that
// errors.Is sees through it.
func (m *Message) Unwrap() error {
	err, _ := m.Data["Err"].(error)
	return err
}

// Say returns the message id with values from pairs of names and values,
// reading english.
func Say(id, english string, pairs ...any) *Message {
	d := make(map[string]any, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		d[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	return &Message{ID: id, Data: d, English: english}
}

// At is the message id located at path and line.
func At(path string, line int, id, english string, pairs ...any) *Error {
	return &Error{Path: path, Line: line, Err: Say(id, english, pairs...)}
}

// Sayer is an error that builds its words when they are asked for, from
// fields that change after it is made (a count of other pages), so it
// cannot hold a Message: Said returns the same words as a located
// Message, which a message catalogue can say in the reader's language.
type Sayer interface {
	error
	Said() error
}
