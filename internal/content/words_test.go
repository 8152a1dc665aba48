package content

import (
	"strings"
	"testing"
)

func TestCountWords(t *testing.T) {
	for _, text := range []string{
		"", " ", "a", " a ", "a b", "a\tb\nc\rd\ve\ff", "  leading and trailing  ",
		"año\u00a0niño", "a\u2003b\u3000c", "\u0085x", "mal\xffformed \xff", "x\u200by",
		"Un *texto* — con «comillas» y números 1 000.",
	} {
		if got, want := CountWords([]byte(text)), len(strings.Fields(text)); got != want {
			t.Errorf("CountWords(%q) = %d, want %d (strings.Fields)", text, got, want)
		}
	}
}

func FuzzCountWords(f *testing.F) {
	f.Add("a b\u00a0c\td")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := CountWords([]byte(text)), len(strings.Fields(text)); got != want {
			t.Errorf("CountWords(%q) = %d, want %d (strings.Fields)", text, got, want)
		}
	})
}

func BenchmarkCountWords(b *testing.B) {
	text := []byte(strings.Repeat("Evidence health less agency *capacity* that policy, año niño. ", 200))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		CountWords(text)
	}
}
