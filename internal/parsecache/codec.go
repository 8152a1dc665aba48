package parsecache

import (
	"encoding/binary"
	"errors"
)

// Encoder writes an entry's value: unsigned and signed varints, strings
// as a length and their bytes, booleans as a byte. A value is read back
// by a Decoder making the same calls in the same order; nothing in the
// bytes names a field, so a change to an entry's layout is a change to
// the program, whose new identity (see Store) never reads the old.
//
// encoding/gob was not used: it leaves out zero values, so a pointer to
// "" (a PO entry's empty msgctxt, which is not no msgctxt) would come
// back nil, and it is slower to decode than these few calls.
type Encoder struct{ buf []byte }

// Bytes returns what was written.
func (e *Encoder) Bytes() []byte { return e.buf }

// Len writes a length or count.
func (e *Encoder) Len(n int) { e.buf = binary.AppendUvarint(e.buf, uint64(n)) }

// Int writes a signed number.
func (e *Encoder) Int(n int) { e.buf = binary.AppendVarint(e.buf, int64(n)) }

// String writes s.
func (e *Encoder) String(s string) {
	e.Len(len(s))
	e.buf = append(e.buf, s...)
}

// Bool writes b.
func (e *Encoder) Bool(b bool) {
	var c byte
	if b {
		c = 1
	}
	e.buf = append(e.buf, c)
}

// Strings writes a list of strings, nil and empty alike.
func (e *Encoder) Strings(ss []string) {
	e.Len(len(ss))
	for _, s := range ss {
		e.String(s)
	}
}

// OptString writes a string that may be absent (nil), which is not the
// empty string.
func (e *Encoder) OptString(s *string) {
	e.Bool(s != nil)
	if s != nil {
		e.String(*s)
	}
}

// ErrTruncated is a Decoder's error when a value ends before what is
// read from it, or holds a length or number that cannot be.
var ErrTruncated = errors.New("cache entry truncated or corrupt")

// Decoder reads what an Encoder wrote. After the first error every call
// returns a zero value and Err reports it: a caller checks once, at the
// end.
type Decoder struct {
	data string
	pos  int
	err  error
}

// NewDecoder returns a Decoder of data. The strings it returns are
// substrings of data.
func NewDecoder(data string) *Decoder { return &Decoder{data: data} }

// Err returns the first error met, or ErrTruncated when data was not
// read to its end; nil when the value was read whole.
func (d *Decoder) Err() error {
	if d.err == nil && d.pos != len(d.data) {
		return ErrTruncated
	}
	return d.err
}

func (d *Decoder) fail() {
	if d.err == nil {
		d.err = ErrTruncated
	}
	d.pos = len(d.data)
}

func (d *Decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	var x uint64
	var s uint
	for i := 0; d.pos < len(d.data) && i < binary.MaxVarintLen64; i++ {
		b := d.data[d.pos]
		d.pos++
		if b < 0x80 {
			return x | uint64(b)<<s
		}
		x |= uint64(b&0x7f) << s
		s += 7
	}
	d.fail()
	return 0
}

// Len reads a length or count; one larger than what is left to read
// (each counted item takes a byte at least) is an error.
func (d *Decoder) Len() int {
	n := d.uvarint()
	if n > uint64(len(d.data)-d.pos) {
		d.fail()
		return 0
	}
	return int(n)
}

// Int reads a signed number.
func (d *Decoder) Int() int {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return int(x)
}

// String reads a string.
func (d *Decoder) String() string { return d.Fixed(d.Len()) }

// Fixed reads n bytes as a string.
func (d *Decoder) Fixed(n int) string {
	if d.err != nil {
		return ""
	}
	if n < 0 || n > len(d.data)-d.pos {
		d.fail()
		return ""
	}
	s := d.data[d.pos : d.pos+n]
	d.pos += n
	return s
}

// Bool reads a boolean; a byte other than 0 or 1 is an error.
func (d *Decoder) Bool() bool {
	switch d.Fixed(1) {
	case "\x00":
		return false
	case "\x01":
		return true
	}
	d.fail()
	return false
}

// Strings reads a list of strings; an empty one is nil.
func (d *Decoder) Strings() []string {
	n := d.Len()
	if n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.String()
	}
	return ss
}

// OptString reads a string that may be absent.
func (d *Decoder) OptString() *string {
	if !d.Bool() {
		return nil
	}
	s := d.String()
	return &s
}
