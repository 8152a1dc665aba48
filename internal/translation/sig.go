package translation

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"
)

// Sig is what identifies a unit's text: Hash, a hash of the exact text,
// and Print, a similarity fingerprint that stays close when the text is
// edited a little (a one-byte-per-slot MinHash of the text's pairs of
// words). A Sig is what a translation records of the original it was
// made from, so that the original's old text is not needed to tell
// whether a block is the same, edited, or another one.
type Sig struct {
	Hash  uint32
	Print [printSlots]uint8
}

// printSlots is how many MinHash slots a fingerprint has. The share of
// equal slots estimates the share of word pairs two texts have in
// common (their Jaccard similarity).
const printSlots = 16

// SigOf returns the signature of a unit's text. Space at the ends does
// not count; everything else does, a hard line break included.
func SigOf(text string) Sig {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	sum := sha256.Sum256([]byte(text))
	return Sig{Hash: binary.BigEndian.Uint32(sum[:4]), Print: minhash(text)}
}

// String writes s as 40 hexadecimal digits, as records keep it.
func (s Sig) String() string {
	return fmt.Sprintf("%08x%s", s.Hash, hex.EncodeToString(s.Print[:]))
}

// parseSig reads what String writes.
func parseSig(word string) (Sig, error) {
	b, err := hex.DecodeString(word)
	if err != nil || len(b) != 4+printSlots {
		return Sig{}, fmt.Errorf("%q is not a block's signature (%d hexadecimal digits)", word, 2*(4+printSlots))
	}
	s := Sig{Hash: binary.BigEndian.Uint32(b)}
	copy(s.Print[:], b[4:])
	return s, nil
}

// Likeness is how many of the fingerprints' slots agree, 0 to 16: about
// 16 times the share of word pairs the two texts have in common.
// Unrelated paragraphs agree in about one slot by chance; a paragraph
// with a typo fixed, in almost all.
func (s Sig) Likeness(t Sig) int {
	n := 0
	for i := range s.Print {
		if s.Print[i] == t.Print[i] {
			n++
		}
	}
	return n
}

// similarFloor is the least Likeness at which two texts are taken for
// an original and its edited version: about 45% of their word pairs in
// common. A sentence added to a paragraph, or a paragraph split in two,
// stays above it; two different paragraphs fall below it but about
// once in 100,000 comparisons.
const similarFloor = 7

// Similar reports whether two texts are close enough to be taken for
// an original and its edited version.
func (s Sig) Similar(t Sig) bool { return s.Likeness(t) >= similarFloor }

// minhash is the one-byte MinHash of the set of the text's pairs of
// words (lower case, letters and digits only); a text of one word is
// that word.
func minhash(text string) [printSlots]uint8 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var feats []uint64
	h := func(s string) uint64 {
		f := fnv.New64a()
		_, _ = f.Write([]byte(s))
		return f.Sum64()
	}
	switch len(words) {
	case 0:
		feats = append(feats, h(text))
	case 1:
		feats = append(feats, h(words[0]))
	}
	for i := 0; i+1 < len(words); i++ {
		feats = append(feats, h(words[i]+" "+words[i+1]))
	}
	var out [printSlots]uint8
	for slot := range out {
		seed := uint64(slot+1) * 0x9e3779b97f4a7c15
		least := ^uint64(0)
		for _, f := range feats {
			if v := mix(f ^ seed); v < least {
				least = v
			}
		}
		out[slot] = uint8(least)
	}
	return out
}

// mix is a 64-bit finalizer (splitmix64's): each slot's seed gives the
// features another order.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
