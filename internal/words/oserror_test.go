package words

import (
	"io/fs"
	"net"
	"os"
	"strings"
	"syscall"
	"testing"

	"cecot/internal/diag"
)

// TestMoreSystemErrors: the system errors that build and serve meet
// beyond the translator tools' (TestSystemErrorsInSpanish) are said in
// words too, with the file or address.
func TestMoreSystemErrors(t *testing.T) {
	es := NewPrinter("es")
	for _, c := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "a", Err: syscall.ELOOP}, "no se puede abrir a: enlaces simbólicos que forman un círculo"},
		{&fs.PathError{Op: "open", Path: "a", Err: syscall.ENAMETOOLONG}, "no se puede abrir a: el nombre es demasiado largo"},
		{&net.OpError{Op: "listen", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}, Err: &os.SyscallError{Syscall: "bind", Err: syscall.EADDRINUSE}},
			"no se puede escuchar en 127.0.0.1:1313: otro programa ya usa esta dirección"},
		{diag.Say("build_project_folder", "project folder: open src: no such file or directory", "Err", &fs.PathError{Op: "open", Path: "src", Err: syscall.ENOENT}),
			"carpeta del proyecto: no se puede abrir src: no existe ese archivo ni esa carpeta"},
		{&diag.Error{Path: "content/es/a.md", Line: 3, Err: diag.Say("no_such_id_yet", "in English")}, "content/es/a.md:3: in English"},
	} {
		if got := es.Error(c.err); got != c.want {
			t.Errorf("%v:\n got %q\nwant %q", c.err, got, c.want)
		}
	}
	// english keeps a diag.Message's own words.
	m := diag.Say("build_project_folder", "project folder: x", "Err", &fs.PathError{Op: "open", Path: "x", Err: syscall.ENOENT})
	if got := english.Error(m); !strings.HasPrefix(got, "project folder: x") {
		t.Errorf("English: %q", got)
	}
}
