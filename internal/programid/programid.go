// Package programid says which program is running, cheaply: the caches
// of .cache/ (the parse cache, the build's up-to-date manifest) keep
// what one program made and must never hand it to another, whose code
// may parse or render differently.
//
// Hashing the executable says it exactly, but costs about 30 ms for
// the 27 MB binary, more than a build found up to date takes. The Go
// toolchain already wrote that hash into the binary: its build ID,
// near the start of the file (an ELF note, or the "\xff Go build ID"
// line other formats carry), ends with a content ID, a hash of the
// linked executable. So the identity is read from the file's first 32
// kB. A release binary is built without a build ID (-buildid=, see
// .ci/release.sh) and names itself by the version and commit the
// release script sets (SetRelease); only a binary with neither is
// hashed whole.
package programid

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"sync"
)

// headSize is how much of the executable is searched for the build ID,
// as much as the Go toolchain's own reader searches.
const headSize = 32 << 10

var (
	releaseMu sync.Mutex
	release   string
)

// SetRelease names the release this program is (its version and
// commit), for a binary built without a build ID. It must be called
// before ID, if at all; empty strings name nothing.
func SetRelease(version, commit string) {
	releaseMu.Lock()
	defer releaseMu.Unlock()
	if version != "" && commit != "" {
		release = version + " " + commit
	}
}

// ID returns the running program's identity: a hash of its Go build
// ID, else of its release name, else of its executable's bytes. It is
// worked out once per process.
func ID() ([sha256.Size]byte, error) { return id() }

var id = sync.OnceValues(func() ([sha256.Size]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	releaseMu.Lock()
	rel := release
	releaseMu.Unlock()
	return identify(exe, rel)
})

// identify returns the identity of the executable file exe, whose
// release name (or "") is rel.
func identify(exe, rel string) ([sha256.Size]byte, error) {
	f, err := os.Open(exe)
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	defer f.Close()
	head := make([]byte, headSize)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return [sha256.Size]byte{}, err
	}
	if b := BuildID(head[:n]); b != "" {
		return sum("go build id", b), nil
	}
	if rel != "" {
		return sum("release", rel), nil
	}
	h := sha256.New()
	h.Write([]byte("executable\x00"))
	h.Write(head[:n])
	if _, err := io.Copy(h, f); err != nil {
		return [sha256.Size]byte{}, err
	}
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out, nil
}

func sum(kind, s string) [sha256.Size]byte {
	return sha256.Sum256([]byte(kind + "\x00" + s))
}

var (
	// elfNote starts an ELF note named "Go" of type 4 (the build ID),
	// after its 4-byte description size: namesz 4, descsz, type 4, "Go\0\0".
	elfNoteType = []byte{4, 0, 0, 0, 'G', 'o', 0, 0}
	// textPrefix starts the build ID that the Go linker writes at the
	// start of the text of formats without notes.
	textPrefix = []byte("\xff Go build ID: \"")
)

// BuildID returns the Go build ID found in head, the first bytes of an
// executable, or "" when it has none (built with -buildid=) or none is
// found there.
func BuildID(head []byte) string {
	for at := 0; ; {
		i := bytes.Index(head[at:], elfNoteType)
		if i < 0 {
			break
		}
		i += at
		at = i + 1
		if i < 8 || binary.LittleEndian.Uint32(head[i-8:]) != 4 {
			continue
		}
		size := int(binary.LittleEndian.Uint32(head[i-4:]))
		start := i + len(elfNoteType)
		if size <= 0 || start+size > len(head) {
			continue
		}
		return string(head[start : start+size])
	}
	if i := bytes.Index(head, textPrefix); i >= 0 {
		rest := head[i+len(textPrefix):]
		if j := bytes.IndexByte(rest, '"'); j > 0 {
			return string(rest[:j])
		}
	}
	return ""
}
