package markdown

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/*.txt with what the converter makes")

// Test cases in testdata/*.txt follow goldmark's own: a description line,
// an optional OPTIONS line, the Markdown, and the expected output, split
// by these separators.
const (
	inputSep = "//- - - - - - - - -//"
	caseSep  = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

// testCase is one conversion in a testdata file.
type testCase struct {
	desc    string
	options []string // "numbered", "unsafe", "outline", "lang=es", "reserved=main,toc", "nolabel"
	input   string
	want    string
}

func parseCases(t *testing.T, data string) []testCase {
	t.Helper()
	var cases []testCase
	for _, block := range strings.Split(data, caseSep+"\n") {
		if strings.TrimSpace(block) == "" {
			continue
		}
		parts := strings.Split(block, inputSep+"\n")
		if len(parts) != 3 {
			t.Fatalf("case %q: want description, input and output split by %s", firstLine(block), inputSep)
		}
		head := strings.Split(strings.TrimSpace(parts[0]), "\n")
		c := testCase{desc: head[0], input: parts[1], want: parts[2]}
		for _, line := range head[1:] {
			opts, ok := strings.CutPrefix(line, "OPTIONS:")
			if !ok {
				t.Fatalf("case %q: unexpected line %q before the input", c.desc, line)
			}
			c.options = strings.Fields(opts)
		}
		cases = append(cases, c)
	}
	return cases
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

func formatCases(cases []testCase) string {
	var b strings.Builder
	for _, c := range cases {
		b.WriteString(c.desc + "\n")
		if len(c.options) > 0 {
			b.WriteString("OPTIONS: " + strings.Join(c.options, " ") + "\n")
		}
		b.WriteString(inputSep + "\n" + c.input + inputSep + "\n" + c.want + caseSep + "\n\n")
	}
	return b.String()
}

func (c testCase) has(opt string) bool {
	for _, o := range c.options {
		if o == opt {
			return true
		}
	}
	return false
}

// reserved reads "reserved=main,toc": IDs the layout uses.
func (c testCase) reserved() []string {
	for _, o := range c.options {
		if ids, ok := strings.CutPrefix(o, "reserved="); ok {
			return strings.Split(ids, ",")
		}
	}
	return nil
}

func (c testCase) lang() string {
	for _, o := range c.options {
		if l, ok := strings.CutPrefix(o, "lang="); ok {
			return l
		}
	}
	return "en"
}

// pages are the Markdown files that links in test cases may name, with
// the URL of each page in each language.
var pages = map[string]map[string]string{
	"en": {"report": "/en/report/", "news/_index": "/en/news/", "news/first": "/en/news/first/"},
	"es": {"report": "/es/informe/", "news/_index": "/es/noticias/", "news/first": "/es/noticias/primera/"},
}

// paragraphLabels are the accessible names of numbered paragraphs' links,
// as the renderer takes them from each language's locale file.
var paragraphLabels = map[string]string{"en": "Paragraph %d", "es": "Párrafo %d"}

// resolver resolves links as the renderer does, but to paths from the
// site root, as seen from a page at the root of lang's folder.
func resolver(lang string) func(string) (string, error) {
	return func(dest string) (string, error) {
		if strings.HasPrefix(dest, "/") {
			return "/base" + dest, nil
		}
		file, frag, hasFrag := strings.Cut(dest, "#")
		u, ok := pages[lang][strings.TrimSuffix(file, ".md")]
		if !ok {
			return "", fmt.Errorf("no page content/%s/%s", lang, file)
		}
		if hasFrag {
			u += "#" + frag
		}
		return u, nil
	}
}

// imageResolver shows photo.jpg as the images package shows a resized
// photograph, chart.png as an image that fits the column, and knows no
// other image.
func imageResolver(dest string) (*Picture, error) {
	switch dest {
	case "photo.jpg":
		return &Picture{Src: "../a/photo.f.1440.jpg", Width: 1440, Height: 960,
			Srcset: "../a/photo.f.480.jpg 480w, ../a/photo.f.1440.jpg 1440w",
			WebP:   "../a/photo.f.480.webp 480w, ../a/photo.f.1440.webp 1440w", Sizes: "100vw"}, nil
	case "chart.png":
		return &Picture{Src: "../a/chart.f.png", Width: 600, Height: 400}, nil
	}
	return nil, fmt.Errorf("no file content/en/%s", dest)
}

// run converts c's input and formats what the test compares.
func (c testCase) run() string {
	conv := New(Options{UnsafeHTML: c.has("unsafe")})
	lang := c.lang()
	page := Page{
		File:        "content/" + lang + "/page.md",
		Numbered:    c.has("numbered"),
		Reserved:    c.reserved(),
		ResolveLink: resolver(lang),
	}
	if c.has("images") {
		page.ResolveImage = imageResolver
	}
	if !c.has("nolabel") {
		page.ParagraphLabel = func(n int) string { return fmt.Sprintf(paragraphLabels[lang], n) }
	}
	res, err := conv.Convert([]byte(c.input), page)
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	var b strings.Builder
	b.WriteString(res.HTML)
	if c.has("outline") {
		for _, h := range res.TOC {
			fmt.Fprintf(&b, "toc: %d #%s %s\n", h.Level, h.ID, h.Text)
		}
		fmt.Fprintf(&b, "counts: headings %d, paragraphs %d, links %d, footnotes %d\n", res.Headings, res.Paragraphs, res.Links, res.Footnotes)
	}
	if c.has("images") {
		fmt.Fprintf(&b, "images %d, captions %d\n", res.Images, res.Captions)
		for _, w := range res.Warnings {
			fmt.Fprintf(&b, "warning: %v\n", w)
		}
	}
	return b.String()
}

func TestConvert(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases in testdata: %v", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		cases := parseCases(t, string(data))
		for i := range cases {
			c := &cases[i]
			name := strings.TrimSuffix(filepath.Base(file), ".txt") + "/" + c.desc
			t.Run(name, func(t *testing.T) {
				got := c.run()
				if *update {
					c.want = got
					return
				}
				if got != c.want {
					t.Errorf("%s\ninput:\n%s\ngot:\n%s\nwant:\n%s", file, c.input, got, c.want)
				}
				// The same converter gives the same output again.
				if again := c.run(); again != got {
					t.Errorf("second conversion differs:\n%s", again)
				}
			})
		}
		if *update {
			if err := os.WriteFile(file, []byte(formatCases(cases)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestConcurrent converts pages on many goroutines with one Converter, as
// the build does; run with -race.
func TestConcurrent(t *testing.T) {
	conv := New(Options{})
	src := []byte("## Título\n\nTexto con [enlace](report.md)[^1].\n\n[^1]: Nota.\n")
	want, err := conv.Convert(src, Page{File: "x.md", ResolveLink: resolver("es")})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan string)
	for range 8 {
		go func() {
			res, err := conv.Convert(src, Page{File: "x.md", ResolveLink: resolver("es")})
			if err != nil {
				done <- ""
				return
			}
			done <- res.HTML
		}()
	}
	for range 8 {
		if got := <-done; got != want.HTML {
			t.Errorf("concurrent conversion gave %q, want %q", got, want.HTML)
		}
	}
}

func TestSlugify(t *testing.T) {
	for _, c := range [][2]string{
		{"¿Qué soluciones existen?", "que-soluciones-existen"},
		{"Ley de Enemigos Extranjeros (1798)", "ley-de-enemigos-extranjeros-1798"},
		{"Niños y niñas", "ninos-y-ninas"},
		{"Don't stop", "dont-stop"},
		{"  --A--  ", "a"},
		{"CECOT: 288 personas", "cecot-288-personas"},
		{"¿?", ""},
	} {
		if got := Slugify(c[0]); got != c[1] {
			t.Errorf("Slugify(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}
