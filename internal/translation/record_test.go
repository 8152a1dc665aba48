package translation

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"cecot/internal/markdown"
)

const origV1 = "\n" + `In February 2025, the two governments finalized a secret agreement about people sent from the United States.

These prisons are notorious for human rights violations on a wide scale.

## Externalization

Externalization happens when a country hands part of the control of its borders to another country.
`

const trV1 = "\n" + `En febrero de 2025, los dos gobiernos cerraron un acuerdo secreto sobre personas enviadas desde Estados Unidos.

Esas cárceles son tristemente célebres por violaciones generalizadas de los derechos humanos.

## Externalización

La externalización ocurre cuando un país deja en manos de otro parte del control de sus fronteras.
`

func TestRecordRoundTrip(t *testing.T) {
	rec := RecordOf([]byte(origV1))
	if len(rec) != 4 || rec[2].Kind != KindHeading || rec[0].Kind != KindParagraph {
		t.Fatalf("RecordOf = %v", rec)
	}
	got, err := ParseRecord(rec.String())
	if err != nil || got.String() != rec.String() {
		t.Fatalf("ParseRecord(%q) = %v, %v", rec.String(), got, err)
	}
	if _, err := ParseRecord("x123"); err == nil {
		t.Error("ParseRecord accepted a word of no kind")
	}
}

// TestCompose checks the build's invariant: the translation's blocks
// follow the original's as it is now, each beside its own original.
func TestCompose(t *testing.T) {
	rec := RecordOf([]byte(origV1))
	inserted := "Relatives say they have had no news of the people sent there since the transfer."
	tests := []struct {
		name         string
		orig         string
		want         []string // the composed body's blocks, by their first words
		untranslated int
	}{
		{"unchanged", origV1, []string{"En febrero", "Esas cárceles", "## Externalización", "La externalización"}, 0},
		{"insert", strings.Replace(origV1, "These prisons", inserted+"\n\nThese prisons", 1),
			[]string{"En febrero", "Relatives say", "Esas cárceles", "## Externalización", "La externalización"}, 1},
		{"delete", strings.Replace(origV1, "These prisons are notorious for human rights violations on a wide scale.\n\n", "", 1),
			[]string{"En febrero", "## Externalización", "La externalización"}, 0},
		{"move", "\n## Externalization\n\nExternalization happens when a country hands part of the control of its borders to another country.\n\nIn February 2025, the two governments finalized a secret agreement about people sent from the United States.\n\nThese prisons are notorious for human rights violations on a wide scale.\n",
			[]string{"## Externalización", "La externalización", "En febrero", "Esas cárceles"}, 0},
		{"edit", strings.Replace(origV1, "finalized", "concluded", 1),
			[]string{"En febrero", "Esas cárceles", "## Externalización", "La externalización"}, 0},
		{"replace", strings.Replace(origV1, "These prisons are notorious for human rights violations on a wide scale.", inserted, 1),
			[]string{"En febrero", "Relatives say", "## Externalización", "La externalización"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Compose([]byte(tt.orig), []byte(trV1), rec)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Split(strings.TrimSpace(string(c.Body)), "\n\n")
			if len(got) != len(tt.want) {
				t.Fatalf("blocks:\n%s\nwant %q", c.Body, tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("block %d = %.30q, want %q", i+1, got[i], tt.want[i])
				}
			}
			if len(c.Untranslated) != tt.untranslated {
				t.Errorf("untranslated = %v, want %d", c.Untranslated, tt.untranslated)
			}
			for line := range c.Untranslated {
				l := strings.Split(string(c.Body), "\n")[line-1]
				if !strings.HasPrefix(l, "Relatives") {
					t.Errorf("untranslated line %d is %q", line, l)
				}
			}
			// Every line of the composed body is a line of one of the
			// two files, and Source says which.
			files := map[bool][]string{true: strings.Split(tt.orig, "\n"), false: strings.Split(trV1, "\n")}
			for i, l := range strings.Split(strings.TrimRight(string(c.Body), "\n"), "\n") {
				original, at := c.Source(i + 1)
				if f := files[original]; at < 1 || at > len(f) || f[at-1] != l {
					t.Errorf("Source(%d) = %v, %d for %q", i+1, original, at, l)
				}
			}
		})
	}
}

func TestComposeRefusesAWrongRecord(t *testing.T) {
	rec := RecordOf([]byte(origV1))
	extra := trV1 + "\nUn párrafo de más.\n"
	if _, err := Compose([]byte(origV1), []byte(extra), rec); err == nil || !strings.Contains(err.Error(), "5 blocks") {
		t.Errorf("Compose with a block added = %v", err)
	}
}

// A list started from the desk has its other items in the original's
// words until each is translated: Compose names their lines, and not
// those translated or without letters.
func TestComposeUntranslatedItems(t *testing.T) {
	orig := "\nThe asks:\n\n- Ask the United States to answer.\n- Ask El Salvador to answer.\n- 2025\n"
	tr := "\nLas peticiones:\n\n- Pedir a Estados Unidos que responda.\n- Ask El Salvador to answer.\n- 2025\n"
	c, err := Compose([]byte(orig), []byte(tr), RecordOf([]byte(orig)))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(c.Body), "\n")
	if len(c.UntranslatedItems) != 1 {
		t.Fatalf("untranslated items %v in\n%s", c.UntranslatedItems, c.Body)
	}
	for l := range c.UntranslatedItems {
		if lines[l-1] != "- Ask El Salvador to answer." {
			t.Errorf("line %d, %q, marked as the original's", l, lines[l-1])
		}
	}
	if len(c.Untranslated) != 0 {
		t.Errorf("whole blocks untranslated: %v", c.Untranslated)
	}
}

// A translation that reads as its original wherever it has words (a
// page made with "site stamp -new" and left so) is composed as the
// original: every block with letters is marked untranslated. One with a
// block translated keeps the others, which may be meant to read the
// same (a name). Positional reads the record of a page that has none.
func TestComposeLeftInOriginal(t *testing.T) {
	orig := "\n## CECOT\n\nPeople were sent there.\n\n288\n\nThey have had no contact.\n"
	tests := []struct {
		name, tr string
		want     []int // the untranslated blocks' first lines
	}{
		{"all English", orig, []int{2, 4, 8}},
		{"one translated", strings.Replace(orig, "People were sent there.", "Enviaron allí a personas.", 1), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := Positional([]byte(orig), []byte(tt.tr))
			if rec == nil {
				t.Fatal("Positional: nil for the same blocks")
			}
			c, err := Compose([]byte(orig), []byte(tt.tr), rec)
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for l := range c.Untranslated {
				got = append(got, l)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("untranslated lines %v, want %v\n%s", got, tt.want, c.Body)
			}
			if once := ComposePositional([]byte(orig), []byte(tt.tr)); !reflect.DeepEqual(once, c) {
				t.Errorf("ComposePositional = %+v, want Compose of Positional's record %+v", once, c)
			}
		})
	}
	if rec := Positional([]byte(orig), []byte("\nUn solo párrafo.\n")); rec != nil {
		t.Errorf("Positional of other blocks = %v, want nil", rec)
	}
	if c := ComposePositional([]byte(orig), []byte("\nUn solo párrafo.\n")); c != nil {
		t.Errorf("ComposePositional of other blocks = %+v, want nil", c)
	}
}

// TestMatchOfItselfIsIdentity: ComposePositional pairs each block with
// itself without signing the blocks, which holds because Match of a
// record with the items it records is the identity, repeated blocks
// included.
func TestMatchOfItselfIsIdentity(t *testing.T) {
	body := []byte("\n# Title\n\nSame.\n\nOther text here.\n\nSame.\n\n- a\n- b\n\n# Title\n\nSame.\n")
	items := Items(body, markdown.Blocks(body))
	for i, p := range Match(Record(items), items) {
		if p != (Pair{Old: i, Exact: true}) {
			t.Errorf("block %d paired as %+v", i, p)
		}
	}
	tr := []byte("\n# Título\n\nIgual.\n\nOtro texto aquí.\n\nSame.\n\n- a\n- b\n\n# Title\n\nIgual.\n")
	rec := Positional(body, tr)
	want, err := Compose(body, tr, rec)
	if err != nil {
		t.Fatal(err)
	}
	if got := ComposePositional(body, tr); !reflect.DeepEqual(got, want) {
		t.Errorf("ComposePositional = %+v, want %+v", got, want)
	}
}

// Positional returns the record of a translation, tr, that has its
// original's blocks, orig, of the same kinds in the same order, each
// the translation of the original's block at its place; nil if the
// blocks differ. Compose of it is what ComposePositional must give.
func Positional(orig, tr []byte) Record {
	ob, tb := markdown.Blocks(orig), markdown.Blocks(tr)
	if !samePlan(ob, tb) {
		return nil
	}
	return Record(Items(orig, ob))
}
