package markdown

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestSafeLinks(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"javascript link", "[a](javascript:alert(1))", `<p><a href="">a</a></p>`},
		{"mixed case", "[a](JaVaScRiPt:alert(1))", `<p><a href="">a</a></p>`},
		{"entity-encoded letter", "[a](&#106;avascript:alert(1))", `<p><a href="">a</a></p>`},
		{"entity-encoded colon", "[a](javascript&#58;alert(1))", `<p><a href="">a</a></p>`},
		{"hex entity", "[a](&#x6A;avascript:alert(1))", `<p><a href="">a</a></p>`},
		{"named entity tab", "[a](java&Tab;script:alert(1))", `<p><a href="">a</a></p>`},
		{"reference with entity", "[r]\n\n[r]:&#100;ata:x", `<p><a href="">r</a></p>`},
		{"escaped colon", `[a](javascript\:alert(1))`, `<p><a href="">a</a></p>`},
		{"vbscript", "[a](VBScript:msgbox(1))", `<p><a href="">a</a></p>`},
		{"data link", "[a](data:text/html;base64,PHNjcmlwdD4=)", `<p><a href="">a</a></p>`},
		{"data image", "![a](data:image/svg+xml,<svg/onload=alert(1)>)", `<figure><img src="" alt="a"></figure>`},
		{"data png image", "![a](data:image/png;base64,iVBOR)", `<figure><img src="" alt="a"></figure>`},
		{"javascript image", "![a](javascript:alert(1))", `<figure><img src="" alt="a"></figure>`},
		{"file link", "[a](file:///etc/passwd)", `<p><a href="">a</a></p>`},
		{"unknown scheme", "[a](livescript:alert(1))", `<p><a href="">a</a></p>`},
		{"reference link", "[a][r]\n\n[r]: javascript:alert(1)", `<p><a href="">a</a></p>`},
		{"reference image", "![a][r]\n\n[r]: JAVASCRIPT:alert(1)", `<figure><img src="" alt="a"></figure>`},
		{"autolink", "<javascript:alert(1)>", `<p>javascript:alert(1)</p>`},
		{"autolink mixed case", "<jAvAsCrIpT:alert(1)>", `<p>jAvAsCrIpT:alert(1)</p>`},
		{"autolink data", "<data:text/html,hi>", `<p>data:text/html,hi</p>`},
		{"raw script", "<script>alert(1)</script>", `<!-- raw HTML omitted -->`},
		{"raw inline html", "a <img src=x onerror=alert(1)> b", `<p>a <!-- raw HTML omitted --> b</p>`},
		{"raw link", `<a href="javascript:alert(1)">a</a>`, `<p><!-- raw HTML omitted -->a<!-- raw HTML omitted --></p>`},
		{"title attribute", `[a](/x "\" onmouseover=\"alert(1)")`, `<p><a href="/x" title="&quot; onmouseover=&quot;alert(1)">a</a></p>`},
		{"https kept", "[a](https://example.org/a?b=c#d)", `<p><a href="https://example.org/a?b=c#d">a</a></p>`},
		{"mailto kept", "<mailto:a@example.org>", `<p><a href="mailto:a@example.org">mailto:a@example.org</a></p>`},
		{"relative with colon kept", "[a](notes/a:b)", `<p><a href="notes/a:b">a</a></p>`},
		{"linkify kept, as https", "see www.example.org", `<p>see <a href="https://www.example.org">www.example.org</a></p>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := New(Options{}).Convert([]byte(c.src), Page{File: "content/en/x.md"})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(string(res.HTML)); got != c.want {
				t.Errorf("Convert(%q)\n got %s\nwant %s", c.src, got, c.want)
			}
		})
	}
}

// With [markdown] unsafe = true, the site's editors take responsibility
// for raw HTML and links, which pass through as written.
func TestUnsafeHTMLAllowed(t *testing.T) {
	src := "<div class=\"note\">x</div>\n\n[a](javascript:void(0))"
	res, err := New(Options{UnsafeHTML: true}).Convert([]byte(src), Page{})
	if err != nil {
		t.Fatal(err)
	}
	want := "<div class=\"note\">x</div>\n<p><a href=\"javascript:void(0)\">a</a></p>"
	if got := strings.TrimSpace(string(res.HTML)); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"":                      true,
		"#p3":                   true,
		"../es/informe/":        true,
		"a:b/c":                 false, // a browser reads "a" as a scheme
		"1a:b":                  true,
		"https://example.org/":  true,
		"HTTP://example.org/":   true,
		"mailto:a@example.org":  true,
		"tel:+50312345678":      true,
		"javascript:alert(1)":   false,
		" \x01javascript:x":     false,
		"java\tscript:alert(1)": false,
		"java\nscript:x":        false,
		"data:image/png,x":      false,
		"vbscript:x":            false,
		"java%09script:x":       true, // no scheme: "%" cannot be in one
		"&#106;avascript:x":     false,
		"javascript&colon;x":    false,
	} {
		if got := SafeURL(u); got != want {
			t.Errorf("SafeURL(%q) = %v, want %v", u, got, want)
		}
	}
}

var (
	tagRE  = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>`)
	attrRE = regexp.MustCompile(`\s([a-zA-Z-]+)(?:="([^"]*)")?`)
)

// The tags and attributes the converter writes (goldmark's, and this
// package's figures); anything else came from input.
var (
	allowedTags  = strings.Fields("p a img em strong code pre h1 h2 h3 h4 h5 h6 ul ol li blockquote hr br table thead tbody tr th td del input sup section div figure figcaption")
	allowedAttrs = strings.Fields("href src alt title id class role checked disabled type start")
)

// FuzzConvert checks that no Markdown, however odd, makes the converter
// emit a tag or attribute of its own choosing or a link that runs script,
// and that only links to pages reach ResolveLink.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nText with [a link](report.md#p2) and a footnote.[^1]\n\n[^1]: Note.",
		"[a](javascript:alert(1)) <javascript:x> ![i](data:image/png,x)",
		"[a][r]\n\n[r]: &#106;avascript:x \"t\"",
		"<script>alert(1)</script>\n\n<div onclick=x>y</div>",
		"| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo",
		"[x](../es/_index.md) [y](/en/) [z](//evil.example/) [w](<a b.md>)",
		"www.example.org https://example.org/x?y=<z> a@example.org",
		"`code` **b** _i_ ~~s~~ \"quotes\" -- ...",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	c := New(Options{})
	f.Fuzz(func(t *testing.T, src string, numbered bool) {
		res, err := c.Convert([]byte(src), Page{
			File:     "content/en/x.md",
			Numbered: numbered,
			ResolveLink: func(dest string) (string, error) {
				if !isPageLink(dest) {
					t.Errorf("ResolveLink got %q, which is not a page link", dest)
				}
				return "../resolved/", nil
			},
		})
		if err != nil {
			return
		}
		for _, m := range tagRE.FindAllStringSubmatch(string(res.HTML), -1) {
			if !slices.Contains(allowedTags, strings.ToLower(m[2])) {
				t.Fatalf("tag <%s> in output of %q:\n%s", m[2], src, res.HTML)
			}
			for _, a := range attrRE.FindAllStringSubmatch(m[3], -1) {
				if !slices.Contains(allowedAttrs, strings.ToLower(a[1])) {
					t.Fatalf("attribute %s in output of %q:\n%s", a[1], src, res.HTML)
				}
				if (a[1] == "href" || a[1] == "src") && !safeInBrowser(html.UnescapeString(a[2])) {
					t.Fatalf("unsafe %s=%q in output of %q", a[1], a[2], src)
				}
			}
		}
	})
}

// FuzzNoColonIsSafe holds noteUnsafe's shortcut: a destination with
// neither a colon nor an ampersand is always safe.
func FuzzNoColonIsSafe(f *testing.F) {
	for _, s := range []string{"report.md", "../x/#p1", "\\&#58;", "java\tscript", "//host/x", "a\\:b", "%3A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		if !strings.ContainsAny(dest, ":&") && !SafeURL(dest) {
			t.Errorf("SafeURL(%q) = false, with no colon or ampersand", dest)
		}
	})
}
