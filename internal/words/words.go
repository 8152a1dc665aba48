// Package words holds the tools' own words, in English and Spanish: what
// "site status", "site stamp" and "site po" print, the status details
// the workbench shows, and the build's errors said in the translator's
// language (go-i18n, embedded in messages/). Details and errors are kept
// as Messages, by ID and values, so that the text report, the commands
// and the workbench say them in the translator's language while
// "status -json" and Error() stay English.
package words

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"strconv"
	"strings"
	"syscall"

	"cecot/internal/diag"
	"cecot/internal/imagestamp"
	"cecot/internal/po"
	"cecot/internal/promise"
)

//go:embed messages/*.toml
var messageFiles embed.FS

// Command is how the tools' words tell readers to run the site tool
// ("{{.Command}} po export es").
const Command = "go run ./cmd/site"

// ToolLangs are the languages the translator tools speak; the first is
// the one they fall back to.
var ToolLangs = []string{"en", "es"}

var tools = NewCatalog(messageFiles, "messages", ToolLangs...)

// SpeaksTool reports whether the translator tools have their own words
// in lang.
func SpeaksTool(lang string) bool {
	for _, l := range ToolLangs {
		if l == lang {
			return true
		}
	}
	return false
}

// LangFromEnv chooses the tools' language as command-line tools do: from
// the first of LC_ALL, LC_MESSAGES and LANG that is set ("es_MX.UTF-8"
// is Spanish). Anything the tools do not speak, "C" and "POSIX" among
// them, is English.
func LangFromEnv(getenv func(string) string) string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if val := getenv(v); val != "" {
			return toolLang(val)
		}
	}
	return ToolLangs[0]
}

// toolLang reads a POSIX locale name ("es_AR.UTF-8@euro") or a language
// tag ("es-419") down to a language the tools speak.
func toolLang(locale string) string {
	code := strings.ToLower(locale)
	if i := strings.IndexAny(code, "_-.@"); i >= 0 {
		code = code[:i]
	}
	if SpeaksTool(code) {
		return code
	}
	return ToolLangs[0]
}

// Printer says the translator tools' messages in one language.
type Printer struct{ Speaker }

// NewPrinter returns a Printer for lang, which falls back to English for
// a language the tools do not speak.
func NewPrinter(lang string) *Printer {
	if !SpeaksTool(lang) {
		lang = ToolLangs[0]
	}
	return &Printer{tools.In(lang)}
}

// english is the Printer of the tools' first language, in which a
// Message reads as an error.
var english = NewPrinter("en")

// Message is a text the tools can say in any of their languages: a
// status detail, a reason or an error, kept by its message ID and
// values. As an error it reads in English, as -json and the logs
// have it; a Printer says it in the translator's language.
type Message struct {
	ID   string
	Data map[string]any
	// Count, when set, chooses the plural form.
	Count *int
}

// Msg makes a Message from an ID and pairs of names and values.
func Msg(id string, pairs ...any) *Message {
	return &Message{ID: id, Data: data(pairs)}
}

// Error is the message in English.
func (m *Message) Error() string { return english.Say(m) }

// Say returns m in p's language.
func (p *Printer) Say(m *Message) string {
	d := map[string]any{}
	for k, v := range m.Data {
		switch v := v.(type) {
		case []*Message:
			parts := make([]string, len(v))
			for i, inner := range v {
				parts[i] = p.Say(inner)
			}
			d[k] = strings.Join(parts, "; ")
		case error:
			d[k] = p.Error(v)
		default:
			d[k] = v
		}
	}
	return p.say(m.ID, m.Count, d)
}

// At is a Message located in a file, at a line (0 for the whole file).
func At(file string, line int, id string, pairs ...any) *diag.Error {
	return &diag.Error{Path: file, Line: line, Err: Msg(id, pairs...)}
}

// Error says err in p's language as far as its parts are Messages: a
// located error keeps its "file:line: " exactly as in English, and
// every problem of a list gets a line of its own.
func (p *Printer) Error(err error) string {
	var list diag.List
	if errors.As(err, &list) && list.Error() == err.Error() {
		lines := make([]string, len(list))
		for i, e := range list {
			lines[i] = p.Error(e)
		}
		return strings.Join(lines, "\n")
	}
	var n *Note
	if errors.As(err, &n) && n.Error() == err.Error() {
		return p.Error(n.Err) + "\n" + p.Say(n.Note)
	}
	var d *diag.Error
	if errors.As(err, &d) && d.Error() == err.Error() {
		inner := p.Error(d.Err)
		switch {
		case d.Path == "":
			return inner
		case d.Line > 0:
			return fmt.Sprintf("%s:%d: %s", d.Path, d.Line, inner)
		}
		return d.Path + ": " + inner
	}
	var m *Message
	if errors.As(err, &m) && m.Error() == err.Error() {
		return p.Say(m)
	}
	var sayer diag.Sayer
	if errors.As(err, &sayer) && sayer.Error() == err.Error() {
		return p.Error(sayer.Said())
	}
	var dm *diag.Message
	if errors.As(err, &dm) && dm.Error() == err.Error() {
		return p.sayDiag(dm)
	}
	var pb *promise.Problem
	if errors.As(err, &pb) && pb.Error() == err.Error() {
		return p.promise(pb)
	}
	var syn *po.SyntaxError
	if errors.As(err, &syn) && syn.Error() == err.Error() {
		return p.poSyntax(syn)
	}
	var se *imagestamp.StampError
	if errors.As(err, &se) && se.Error() == err.Error() {
		var why any = se.Err
		if se.Err != nil {
			why = p.Error(se.Err)
		}
		return p.T("image_stamp_"+se.Kind, "File", se.File, "Original", se.Original, "Err", why)
	}
	if s, ok := p.system(err); ok {
		return s
	}
	return err.Error()
}

// systemErrors are the operating system's errors that translators meet,
// by the message that says them.
var systemErrors = []struct {
	err error
	id  string
}{
	{fs.ErrNotExist, "os_not_exist"},
	{fs.ErrPermission, "os_permission"},
	{fs.ErrExist, "os_exist"},
	{syscall.ENOSPC, "os_no_space"},
	{syscall.EROFS, "os_read_only"},
	{syscall.ENOTDIR, "os_not_dir"},
	{syscall.EISDIR, "os_is_dir"},
	{syscall.ELOOP, "os_loop"},
	{syscall.ENAMETOOLONG, "os_name_too_long"},
	{syscall.EADDRINUSE, "os_addr_in_use"},
	{syscall.EADDRNOTAVAIL, "os_addr_not_available"},
}

// system says an operating-system error in p's language: "open x: no
// such file or directory" as "open x" and the system's reason, in the
// translator's words; ok is false for any other error.
func (p *Printer) system(err error) (string, bool) {
	reason := ""
	for _, se := range systemErrors {
		if errors.Is(err, se.err) {
			reason = p.T(se.id)
			break
		}
	}
	if reason == "" {
		return "", false
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Error() == err.Error() {
		return p.T("os_path", "Op", p.T("os_op_"+opName(pe.Op)), "Path", pe.Path, "Reason", reason), true
	}
	var errno syscall.Errno
	if errors.As(err, &errno) && errno.Error() == err.Error() {
		return reason, true
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Error() == err.Error() && oe.Addr != nil {
		return p.T("os_addr", "Addr", oe.Addr.String(), "Reason", reason), true
	}
	return "", false
}

// opName is the name of a file operation's message: "open", "read",
// "write", "remove", "rename", "mkdir", or "other".
func opName(op string) string {
	switch op {
	case "open", "read", "write", "remove", "rename", "mkdir", "stat", "lstat", "readdir":
		return op
	case "openat", "openfdat":
		return "open"
	case "mkdirat":
		return "mkdir"
	case "unlinkat":
		return "remove"
	case "renameat":
		return "rename"
	case "fstatat":
		return "stat"
	}
	return "other"
}

// poSyntax says a PO file's syntax error in p's language: its values
// are A0, A1, ... as they are, Q0, ... quoted as Go quotes them (as the
// english does), and C0, ... as characters; an error among them is said
// in p's language too.
func (p *Printer) poSyntax(e *po.SyntaxError) string {
	var pairs []any
	for i, a := range e.Args {
		n := strconv.Itoa(i)
		if err, ok := a.(error); ok {
			a = p.Error(err)
		}
		pairs = append(pairs, "A"+n, a, "Q"+n, fmt.Sprintf("%q", a))
		switch c := a.(type) {
		case rune:
			pairs = append(pairs, "C"+n, string(c))
		case byte:
			pairs = append(pairs, "C"+n, string(rune(c)))
		}
	}
	return p.T("po_syntax_"+e.Kind, pairs...)
}

// syntaxDetails are the placeholder syntax errors that promise words
// itself (promise.Placeholders), by the message that says them in other
// languages; the template parser's own stay in its words.
var syntaxDetails = map[string]string{
	"unclosed action: a {{ without its }}": "promise_unclosed",
}

// promise says a broken promise in p's language.
func (p *Printer) promise(pb *promise.Problem) string {
	want, got := pb.Want, pb.Got
	switch pb.Kind {
	case promise.UnsafeLink, promise.LinkMissing, promise.LinkExtra, promise.ImageMissing, promise.ImageExtra:
		want, got = fmt.Sprintf("%q", want), fmt.Sprintf("%q", got)
	}
	detail := pb.Detail
	if id, ok := syntaxDetails[detail]; ok && pb.Kind == promise.Syntax && p.lang != ToolLangs[0] {
		detail = p.T(id)
	}
	s := p.T("promise_"+string(pb.Kind), "Want", want, "Got", got, "Detail", detail,
		"Structure", p.T("structure_"+pb.Detail))
	if pb.Form != "" {
		s = p.T("promise_form", "Form", fmt.Sprintf("%q", pb.Form), "What", s)
	}
	return s
}

// Note is an error with a line added after it that says what came of
// it: "nothing was written".
type Note struct {
	Err  error
	Note *Message
}

func (n *Note) Error() string { return n.Err.Error() + "\n" + n.Note.Error() }

// Unwrap returns the error the note is about.
func (n *Note) Unwrap() error { return n.Err }

// WithNote adds the note id, with values from pairs of names and values,
// after err.
func WithNote(err error, id string, pairs ...any) error {
	return &Note{Err: err, Note: Msg(id, pairs...)}
}

// sayDiag says a problem's Message in p's language. English, and a
// message the catalogue does not have yet, read as the message's own
// english, so that the English output is the one the code writes.
func (p *Printer) sayDiag(m *diag.Message) string {
	if p.Lang() == ToolLangs[0] || !p.Has(m.ID) {
		return m.English
	}
	return p.Say(&Message{ID: m.ID, Data: m.Data})
}
