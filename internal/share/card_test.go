package share

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden PNGs in testdata/")

var (
	testColors = SiteColors("#14365d", []byte(`:root{--on-accent:#fff;--focus:#c2410c}`))
	cards      = map[string]Card{
		"en": {Site: "Sent to CECOT", Title: "Submission to the UN Special Rapporteur",
			Line: "The full account: the secret agreement, who was sent to CECOT, what survivors describe, and what the UN is asked to do.", Colors: testColors},
		"es": {Site: "Enviados al CECOT", Title: "¿Qué pasó? «Detención incomunicada» según año, niño, ¡pingüino! — ÁÉÍÓÚÑ",
			Line: "Condenar los abusos, pedir la liberación de las personas presas en el CECOT y recurrir a la Comisión Interamericana de Derechos Humanos.", Colors: testColors},
		"long-word": {Site: "Enviados al CECOT", Title: "Anticonstitucionalidadesinternacionalesextraordinariamenteinteramericanas y desaparición forzada",
			Line: "Unaúnicapalabramuchísimomáslargaquecualquierlíneaquequepaenlatarjetadecompartir sin espacios", Colors: testColors},
	}
)

func decode(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestSizeAndDimensions: every card is a PNG of 1200×630 of at most
// 60 KB.
func TestSizeAndDimensions(t *testing.T) {
	for name, c := range cards {
		data, err := c.Draw()
		if err != nil {
			t.Fatal(err)
		}
		b := decode(t, data).Bounds()
		if b.Dx() != Width || b.Dy() != Height || Width != 1200 || Height != 630 {
			t.Errorf("%s: %v, want 1200×630", name, b)
		}
		if len(data) > 60<<10 {
			t.Errorf("%s: %d bytes, want at most 60 KB", name, len(data))
		}
		t.Logf("%s: %d bytes", name, len(data))
	}
}

// TestDeterministic: the same card twice, and concurrently, gives the
// same bytes, and a change to any input changes the key.
func TestDeterministic(t *testing.T) {
	c := cards["es"]
	first, err := c.Draw()
	if err != nil {
		t.Fatal(err)
	}
	results := make(chan []byte, 4)
	for range 4 {
		go func() {
			d, _ := c.Draw()
			results <- d
		}()
	}
	for range 4 {
		if !bytes.Equal(<-results, first) {
			t.Fatal("two draws of one card differ")
		}
	}
	keys := map[string]string{c.Key(): "original"}
	for what, changed := range map[string]Card{
		"site":   {Site: c.Site + "!", Title: c.Title, Line: c.Line, Colors: c.Colors},
		"title":  {Site: c.Site, Title: c.Title + "!", Line: c.Line, Colors: c.Colors},
		"line":   {Site: c.Site, Title: c.Title, Line: c.Line + "!", Colors: c.Colors},
		"colour": {Site: c.Site, Title: c.Title, Line: c.Line, Colors: SiteColors("#000000", nil)},
		// Text moved from one field to the next must change the key too.
		"shift": {Site: c.Site + c.Title, Title: "", Line: c.Line, Colors: c.Colors},
	} {
		if prev, ok := keys[changed.Key()]; ok {
			t.Errorf("changing the %s keeps the key of the %s", what, prev)
		}
		keys[changed.Key()] = what
	}
}

// TestGolden compares cards with PNGs drawn before: any change in how
// Spanish text is set shows up here. Run with -update after a change to
// the design, look at the images, and bump design.
func TestGolden(t *testing.T) {
	for name, c := range cards {
		data, err := c.Draw()
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join("testdata", name+".png")
		if *update {
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, want) {
			t.Errorf("%s: differs from %s; if the change is meant, run go test -update and look at the images", name, file)
		}
	}
}

// TestSpanishGlyphs: the fonts have a glyph of their own, not the
// missing-glyph box, for every character Spanish needs.
func TestSpanishGlyphs(t *testing.T) {
	for _, f := range []*text{newText(bold, 40), newText(regular, 40)} {
		for _, r := range "áéíóúüñÁÉÍÓÚÜÑ¿¡«»ºª—–“”‘’…€" {
			if _, ok := f.face.GlyphAdvance(r); !ok {
				t.Errorf("no glyph for %q", r)
			}
		}
		if _, ok := f.face.GlyphAdvance('中'); ok {
			t.Error("the check cannot fail: a glyph for 中 reported")
		}
	}
}

// ink counts the pixels in r that are not the background.
func ink(img image.Image, r image.Rectangle) int {
	bg := img.At(Width/2, Height-1)
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if img.At(x, y) != bg {
				n++
			}
		}
	}
	return n
}

// TestAccentsDrawn decodes cards whose titles differ only in their
// accents and checks that the accents are drawn: above the letters, in
// the title's area, and nowhere else.
func TestAccentsDrawn(t *testing.T) {
	plain := Card{Site: "Enviados al CECOT", Title: "Nino que esta aqui: pinguino, ano, Espana", Line: "Informe", Colors: testColors}
	accented := plain
	accented.Title = "Niño que está aquí: pingüino, año, España"
	a, b := mustDraw(t, plain), mustDraw(t, accented)
	diff := image.Rectangle{}
	for y := 0; y < Height; y++ {
		for x := 0; x < Width; x++ {
			if a.At(x, y) != b.At(x, y) {
				diff = diff.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	if diff.Empty() {
		t.Fatal("the accents drew nothing")
	}
	if diff.Min.Y < titleTop-30 || diff.Max.Y > titleBot || diff.Min.X < margin {
		t.Errorf("the accents changed %v, outside the title's area", diff)
	}
	// The marks are in the title's colour: the accented title has more
	// ink than the plain one.
	area := image.Rect(margin, titleTop-30, Width-margin, titleBot)
	if ink(b, area) <= ink(a, area) {
		t.Errorf("accented title has %d pixels of ink, plain %d", ink(b, area), ink(a, area))
	}
	// ¿ and ¡ are drawn, not dropped: a title of only them has ink.
	marks := mustDraw(t, Card{Site: "x", Title: "¿¡«»", Line: "x", Colors: testColors})
	if ink(marks, area) < 200 {
		t.Errorf("¿¡«» drew %d pixels", ink(marks, area))
	}
}

func mustDraw(t *testing.T, c Card) image.Image {
	t.Helper()
	data, err := c.Draw()
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, data)
}

// TestFit: short titles are set large, long ones smaller, every line of
// a title fits the width, and a word too long for any size is broken
// rather than run off the edge.
func TestFit(t *testing.T) {
	width, height := Width-2*margin, titleBot-titleTop
	short := fitTitle("CECOT", width, height)
	long := fitTitle(strings.Repeat("desaparición forzada ", 8), width, height)
	if short.text.size != maxTitle || long.text.size >= short.text.size {
		t.Errorf("sizes: short %d, long %d", short.text.size, long.text.size)
	}
	for _, c := range cards {
		f := fitTitle(c.Title, width, height)
		if f.height() > height {
			t.Errorf("%q: %d px high, box %d", c.Title, f.height(), height)
		}
		for _, l := range f.lines {
			if w := f.text.width(l); w > width {
				t.Errorf("%q: line %q is %d px wide, box %d", c.Title, l, w, width)
			}
		}
	}
	f := fitTitle(cards["long-word"].Title, width, height)
	if !strings.HasSuffix(f.lines[0], "-") {
		t.Errorf("long word not broken: %q", f.lines)
	}
	// Nothing of the text is lost but what must be cut.
	if got := strings.ReplaceAll(strings.Join(f.lines, ""), "-", ""); !strings.HasPrefix(strings.ReplaceAll(cards["long-word"].Title, " ", ""), strings.ReplaceAll(got, " ", "")) {
		t.Errorf("broken lines %q do not spell the title", f.lines)
	}
}

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"This site's  summary\n\n of  it": "This site’s summary\nof it",
		"'quoted' word":                   "'quoted’ word",
		"  \n ":                           "",
	} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSiteColors(t *testing.T) {
	css := []byte(`:root{color-scheme:light dark;--accent:#14365d;--on-accent:#fff;--focus:#c2410c}
@media (prefers-color-scheme:dark){:root{--on-accent:#0d1117;--focus:#ffb066}}`)
	c := SiteColors("#102030", css)
	want := Colors{
		Background: color.RGBA{0x10, 0x20, 0x30, 255},
		Title:      color.RGBA{0xff, 0xff, 0xff, 255},
		Rule:       color.RGBA{0xc2, 0x41, 0x0c, 255},
	}
	want.Text = blend(want.Background, want.Title, 4, 5)
	if c != want {
		t.Errorf("got %v, want %v", c, want)
	}
	if c := SiteColors("", css); c.Background != (color.RGBA{0x14, 0x36, 0x5d, 255}) {
		t.Errorf("without a theme colour: background %v, want the accent", c.Background)
	}
}

// TestCache: a card is drawn once, then found; a deleted or damaged
// cache folder only means drawing again.
func TestCache(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "share")
	c := &Cache{Dir: dir}
	card := cards["en"]
	first, err := c.Image(card)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := c.Image(card)
	if c.Drawn() != 1 || !bytes.Equal(first, again) {
		t.Fatalf("drawn %d times", c.Drawn())
	}
	if err := os.WriteFile(filepath.Join(dir, card.Key()+".png"), []byte("broken"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, _ := c.Image(card); !bytes.Equal(data, first) || c.Drawn() != 2 {
		t.Error("a damaged cached file was used")
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if data, _ := c.Image(card); !bytes.Equal(data, first) || c.Drawn() != 3 {
		t.Error("a deleted cache folder was not drawn again")
	}
	// The PNG and its sum file.
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("cache holds %d files, want 2", len(entries))
	}
}

// BenchmarkDraw measures drawing one card and encoding it as PNG: what
// each page's share image costs a build when it is not in the cache.
func BenchmarkDraw(b *testing.B) {
	c := cards["en"]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Draw(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCached measures finding a drawn card in the cache folder:
// what each page's share image costs a build when its inputs did not
// change.
func BenchmarkCached(b *testing.B) {
	c := NewCache(b.TempDir())
	if _, err := c.Image(cards["en"]); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Image(cards["en"]); err != nil {
			b.Fatal(err)
		}
	}
	if c.Drawn() != 1 {
		b.Fatalf("drawn %d times", c.Drawn())
	}
}

// TestMissing checks that the characters the card's fonts lack are
// found, for the scripts a third language might bring, so that no card is
// drawn with empty boxes.
func TestMissing(t *testing.T) {
	for _, tc := range []struct {
		name string
		card Card
		want string
	}{
		{"English", Card{Site: "CECOT report", Title: "The submission’s key points", Line: "Transfers… and “no hearing”."}, ""},
		{"Spanish", Card{Site: "Informe", Title: "¿Qué pasó en El Salvador? Niñas, jóvenes", Line: "«Desaparición forzada» – junio de 2025."}, ""},
		{"Greek and Cyrillic", Card{Title: "Ελληνικά и русский"}, ""},
		{"Arabic", Card{Site: "تقرير", Title: "Report"}, "تقري"},
		{"Hebrew", Card{Title: "דוח על CECOT"}, "דוחעל"},
		{"Chinese", Card{Title: "Report", Line: "关于CECOT的报告"}, "关于的报告"},
		{"emoji", Card{Title: "Report 🙂"}, "🙂"},
		{"at most five", Card{Title: "一二三四五六七"}, "一二三四五"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(tc.card.Missing()); got != tc.want {
				t.Errorf("Missing = %q, want %q", got, tc.want)
			}
		})
	}
}

// A cache without a folder keeps nothing: no file appears in the working
// directory, whichever way the card is asked for.
func TestCacheWithoutFolderWritesNothing(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	c := NewCache("")
	card := Card{Site: "Site", Title: "Title", Line: "Line."}
	if _, err := c.Image(card); err != nil {
		t.Fatal(err)
	}
	if e, err := c.File(card); err != nil || e.File != "" || len(e.Data) == 0 || e.Sum != nil {
		t.Fatalf("File = %q, %d bytes, sum %v, %v", e.File, len(e.Data), e.Sum != nil, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the cache wrote %d files into the working directory", len(entries))
	}
}

// TestMaskClearAfterPaint: painting a card leaves the mask it drew its
// texts on clear, as the next card drawn on the same pixels needs it,
// and a card drawn on pixels used before has the bytes of one drawn on
// new ones.
func TestMaskClearAfterPaint(t *testing.T) {
	px := pixelPool.New().(*pixels)
	for _, name := range []string{"en", "es", "long-word", "en"} {
		if _, err := cards[name].paint(px); err != nil {
			t.Fatal(err)
		}
		for i, a := range px.mask {
			if a != 0 {
				t.Fatalf("%s: mask pixel (%d, %d) is %d after painting", name, i%Width, i/Width, a)
			}
		}
	}
	for i := range px.canvas {
		px.canvas[i] = uint8(i)
	}
	fresh := pixelPool.New().(*pixels)
	for name, c := range cards {
		used, err := c.paint(px)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := c.paint(fresh)
		if !bytes.Equal(used.Pix, want.Pix) {
			t.Errorf("%s: painted on used pixels differs from new ones", name)
		}
	}
}
