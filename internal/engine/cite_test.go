package engine

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The tests in this file build the real site and check what issue 11
// asks of its text: how to cite the submission, its month-precision
// date, and paragraph numbers with a name in the page's language.

// documentName is the submission's name, as the source report lists it
// under its date (shared/seed/report-source.txt); originalHeadline is
// the headline of the web page that summarizes it, the source's second
// line, which is not the submission's title (issue 23).
const (
	documentName     = "Submission to the UN Special Rapporteur on the Human Rights of Migrants"
	originalHeadline = "US brokers secret torture deal with El Salvador: report to UN Special Rapporteur on the Human Rights of Migrants"
)

// partners are the source's three partner organizations, as it lists them.
var partners = []string{
	"Boston University School of Law International Human Rights Clinic",
	"Center for Gender & Refugee Studies (CGRS)",
	"Global Strategic Litigation Council (GSLC)",
}

// parseDoc parses a built HTML file.
func parseDoc(t *testing.T, out, file string) *html.Node {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, file))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return doc
}

// findAll returns the elements under n that match, in document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var found []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			found = append(found, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return found
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// textOf is the text of n as a reader sees it, spaces collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// TestCiteBlock checks the how-to-cite block of the submission page and
// of its single-file edition, in both languages: a heading in the page's
// language that names the block, the statement that the page is a
// summary, the partner organizations as the source lists them, the
// submission's name and the headline it was published under, exactly,
// in the page's quotation marks and marked as English, on a Spanish page
// what the submission is in Spanish, the month of the submission, and an
// example link to a numbered paragraph of the online page that exists.
func TestCiteBlock(t *testing.T) {
	const base = "https://example.org/cecot-report/"
	out := buildProject(t, Options{BaseURL: base}, nil)
	for _, tc := range []struct {
		file, page, lang         string
		heading, summary, partnr string
		name, date, headline     string
	}{
		{"en/submission/index.html", "en/submission/", "en", "How to cite", "not the submission's text", "Partners:",
			"“" + documentName + "”", "June 2025", "Published online under the headline “" + originalHeadline + "”."},
		{"en/submission.html", "en/submission/", "en", "How to cite", "not the submission's text", "Partners:",
			"“" + documentName + "”", "June 2025", "Published online under the headline “" + originalHeadline + "”."},
		{"es/informe/index.html", "es/informe/", "es", "Cómo citar", "no el texto del informe", "Organizaciones asociadas:",
			"«" + documentName + "» (informe dirigido a la Relatoría Especial de las Naciones Unidas sobre los derechos humanos de los migrantes)", "junio de 2025",
			"Publicado en línea con el titular «" + originalHeadline + "»."},
		{"es/informe.html", "es/informe/", "es", "Cómo citar", "no el texto del informe", "Organizaciones asociadas:",
			"«" + documentName + "» (informe dirigido a la Relatoría Especial de las Naciones Unidas sobre los derechos humanos de los migrantes)", "junio de 2025",
			"Publicado en línea con el titular «" + originalHeadline + "»."},
	} {
		t.Run(tc.file, func(t *testing.T) {
			doc := parseDoc(t, out, tc.file)
			blocks := findAll(doc, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "cite") })
			if len(blocks) != 1 {
				t.Fatalf("%d how-to-cite blocks, want 1", len(blocks))
			}
			block := blocks[0]
			text := textOf(block)
			heads := findAll(block, func(n *html.Node) bool { return n.Data == "h2" })
			if len(heads) != 1 || textOf(heads[0]) != tc.heading || attr(heads[0], "id") != attr(block, "aria-labelledby") {
				t.Errorf("the block is not named by its heading %q", tc.heading)
			}
			for _, want := range append([]string{tc.summary, tc.partnr, tc.name + ", " + tc.date + ". " + tc.headline}, partners...) {
				if !strings.Contains(text, want) {
					t.Errorf("the block does not say %q:\n%s", want, text)
				}
			}
			cites := findAll(block, func(n *html.Node) bool { return n.Data == "cite" })
			if len(cites) != 2 || textOf(cites[0]) != documentName || textOf(cites[1]) != originalHeadline {
				t.Fatalf("the block does not give the submission's name and headline exactly: %q", text)
			}
			// They are English: a Spanish page marks them so.
			for _, c := range cites {
				if got := attr(c, "lang"); tc.lang != "en" && got != "en" {
					t.Errorf("<cite lang=%q>, want lang=\"en\" on a %s page", got, tc.lang)
				}
			}
			times := findAll(block, func(n *html.Node) bool { return n.Data == "time" })
			if len(times) != 1 || attr(times[0], "datetime") != "2025-06" || textOf(times[0]) != tc.date {
				t.Errorf("the block's date is not <time datetime=\"2025-06\">%s</time>", tc.date)
			}
			links := findAll(block, func(n *html.Node) bool { return n.Data == "a" && hasClass(n, "cite-link") })
			if len(links) != 1 {
				t.Fatalf("%d example paragraph links, want 1", len(links))
			}
			href := attr(links[0], "href")
			page, frag, _ := strings.Cut(href, "#")
			if page != base+tc.page || !strings.HasPrefix(frag, "p") || textOf(links[0]) != href {
				t.Errorf("example link %q (%q), want %s#pN shown as itself", href, textOf(links[0]), base+tc.page)
			}
			// The name and the headline are under the page's heading
			// too, to search for.
			headers := findAll(doc, func(n *html.Node) bool { return n.Data == "header" && hasClass(n, "page-header") })
			if len(headers) != 1 {
				t.Fatalf("%d page headers", len(headers))
			}
			if !strings.Contains(textOf(headers[0]), tc.headline) {
				t.Errorf("the page's header does not say %q:\n%s", tc.headline, textOf(headers[0]))
			}
			for _, want := range []string{documentName, originalHeadline} {
				if len(findAll(headers[0], func(n *html.Node) bool { return n.Data == "cite" && textOf(n) == want })) != 1 {
					t.Errorf("the page's header does not give %q", want)
				}
			}
			online := parseDoc(t, out, strings.TrimPrefix(tc.page, "/")+"index.html")
			if len(findAll(online, func(n *html.Node) bool { return attr(n, "id") == frag })) != 1 {
				t.Errorf("example link %q: the page has no paragraph #%s", href, frag)
			}
		})
	}
}

// TestParagraphLinkNames checks that every numbered paragraph's link is
// named for screen readers in the language its text is in: "Paragraph 7"
// in English, "Párrafo 7" in Spanish, and in English on the Spanish
// stand-in that shows the English text while a translation is missing.
func TestParagraphLinkNames(t *testing.T) {
	check := func(t *testing.T, out, file, label string) int {
		t.Helper()
		doc := parseDoc(t, out, file)
		marks := findAll(doc, func(n *html.Node) bool { return n.Data == "a" && hasClass(n, "pnum") })
		for _, m := range marks {
			n := textOf(m)
			if want := label + " " + n; attr(m, "aria-label") != want || attr(m, "href") != "#p"+n {
				t.Errorf("%s: paragraph link %q named %q, href %q; want %q, #p%s", file, n, attr(m, "aria-label"), attr(m, "href"), want, n)
			}
		}
		return len(marks)
	}
	out := buildProject(t, Options{}, nil)
	en := check(t, out, "en/submission/index.html", "Paragraph")
	if en == 0 {
		t.Fatal("the English submission has no numbered paragraphs")
	}
	for _, file := range []string{"es/informe/index.html", "es/informe.html"} {
		if es := check(t, out, file, "Párrafo"); es != en {
			t.Errorf("%s: %d numbered paragraphs, the English %d", file, es, en)
		}
	}
	check(t, out, "en/submission.html", "Paragraph")

	standIn := buildProject(t, Options{}, func(src string) {
		if err := os.Remove(filepath.Join(src, "content/es/submission.md")); err != nil {
			t.Fatal(err)
		}
	})
	if n := check(t, standIn, "es/submission/index.html", "Paragraph"); n != en {
		t.Errorf("the Spanish stand-in has %d numbered paragraphs, want %d", n, en)
	}
}

// TestSubmissionMonth checks that the real site shows the submission's
// date as the month the source gives, in each language, and never
// invents its first day anywhere.
func TestSubmissionMonth(t *testing.T) {
	out := buildProject(t, Options{BaseURL: "https://example.org/"}, nil)
	for file, want := range map[string]string{
		"en/submission/index.html": `<time datetime=2025-06>June 2025</time>`,
		"es/informe/index.html":    `<time datetime=2025-06>junio de 2025</time>`,
		"en/submission.html":       `<time datetime=2025-06>June 2025</time>`,
		"es/informe.html":          `<time datetime=2025-06>junio de 2025</time>`,
	} {
		data, err := os.ReadFile(filepath.Join(out, file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s: no %s", file, want)
		}
	}
	for _, f := range publicFiles(t, out) {
		data, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("2025-06-01")) {
			t.Errorf("%s says 2025-06-01: the source dates the submission to June 2025, not a day", f)
		}
	}
	for _, u := range readSitemap(t, out).URLs {
		if strings.HasPrefix(u.Lastmod, "2025-06") {
			t.Errorf("%s: sitemap lastmod %s is the submission's date, not the page's last update", u.Loc, u.Lastmod)
		}
	}
}
