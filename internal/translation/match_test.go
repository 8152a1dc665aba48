package translation

import (
	"strings"
	"testing"
)

// page makes the items of a page from lines "kind: text".
func page(lines ...string) []Item {
	var out []Item
	for _, l := range lines {
		k, text, _ := strings.Cut(l, ": ")
		out = append(out, Item{Kind: Kind(k), Sig: SigOf(text)})
	}
	return out
}

const (
	feb   = "paragraph: In February 2025, the governments of the United States and El Salvador finalized a secret agreement under which El Salvador would receive people sent from the United States."
	feb2  = "paragraph: In February 2025, the governments of the United States and El Salvador concluded a secret agreement under which El Salvador would receive people sent from the United States."
	pris  = "paragraph: These prisons are notorious for human rights violations on a wide scale. One of them is the Terrorism Confinement Center, or CECOT."
	ext   = "paragraph: Externalization of migration control happens when a country that receives migrants hands part of the control of its borders to another country."
	newP  = "paragraph: Relatives of the people sent there say they have had no news of them since the transfer, and lawyers have not been allowed to visit."
	head  = "heading: The secret agreement"
	head2 = "heading: The agreement nobody was told about"
	head3 = "heading: Externalization of migration control"
)

func TestMatch(t *testing.T) {
	halfA := "paragraph: In February 2025, the governments of the United States and El Salvador finalized a secret agreement"
	halfB := "paragraph: under which El Salvador would receive people sent from the United States."
	tests := []struct {
		name     string
		old, new []Item
		want     []Pair
	}{
		{"unchanged", page(head, feb, pris), page(head, feb, pris),
			[]Pair{{0, true}, {1, true}, {2, true}}},
		{"insert", page(head, feb, pris, ext), page(head, feb, newP, pris, ext),
			[]Pair{{0, true}, {1, true}, {-1, false}, {2, true}, {3, true}}},
		{"delete", page(head, feb, pris, ext), page(head, feb, ext),
			[]Pair{{0, true}, {1, true}, {3, true}}},
		{"move", page(head, feb, pris, ext), page(head, ext, feb, pris),
			[]Pair{{0, true}, {3, true}, {1, true}, {2, true}}},
		{"edit", page(head, feb, pris), page(head, feb2, pris),
			[]Pair{{0, true}, {1, false}, {2, true}}},
		{"split", page(head, feb, pris), page(head, halfA, halfB, pris),
			[]Pair{{0, true}, {1, false}, {-1, false}, {2, true}}},
		{"merge", page(head, halfA, halfB, pris), page(head, feb, pris),
			[]Pair{{0, true}, {1, false}, {3, true}}},
		{"rename heading", page(head, feb, head3, ext), page(head2, feb, head3, ext),
			[]Pair{{0, false}, {1, true}, {2, true}, {3, true}}},
		{"replace", page(head, feb, pris), page(head, newP, pris),
			[]Pair{{0, true}, {-1, false}, {2, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Match(tt.old, tt.new)
			if len(got) != len(tt.want) {
				t.Fatalf("Match = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("Match = %v, want %v", got, tt.want)
					break
				}
			}
		})
	}
}
