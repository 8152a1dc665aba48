package quality

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cecot/internal/browsertest"
)

// serve serves the built site at pub on 127.0.0.1 for the test's length.
func serve(t *testing.T, pub string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(pub)))
	t.Cleanup(srv.Close)
	return srv.URL
}

// eval evaluates a JavaScript expression in the tab and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// open loads a page in the tab and waits for it.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
}

// TestLanguageSwitcher opens the English submission, follows the language
// switcher, and checks that it lands on the Spanish submission, in
// Spanish, with the same numbered paragraphs #p1..#pN.
func TestLanguageSwitcher(t *testing.T) {
	pub := builtSite(t)
	ctx := browsertest.New(t, 3*time.Minute)
	base := serve(t, pub)

	open(t, ctx, base+"/en/submission/")
	enIDs := eval[[]string](t, ctx, paragraphIDs)
	err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`nav.languages a[hreflang="es"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="es"] main`)),
	)
	if err != nil {
		t.Fatalf("following the switcher: %v", err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if want := base + "/es/informe/"; loc != want {
		t.Errorf("the switcher led to %s, want %s", loc, want)
	}
	if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "es" {
		t.Errorf(`<html lang=%q>, want "es"`, lang)
	}
	back := eval[string](t, ctx, `document.querySelector('nav.languages a[hreflang="en"]').href`)
	if want := base + "/en/submission/"; back != want {
		t.Errorf("the Spanish page's switcher leads to %s, want back to %s", back, want)
	}
	esIDs := eval[[]string](t, ctx, paragraphIDs)
	if len(enIDs) == 0 {
		t.Fatal("the English submission has no numbered paragraphs")
	}
	for i, id := range enIDs {
		if want := "p" + strconv.Itoa(i+1); id != want {
			t.Errorf("English paragraph %d has id %q, want %q", i+1, id, want)
		}
	}
	if len(esIDs) != len(enIDs) {
		t.Errorf("the Spanish submission has %d numbered paragraphs, the English %d", len(esIDs), len(enIDs))
	}
	for i := range min(len(esIDs), len(enIDs)) {
		if esIDs[i] != enIDs[i] {
			t.Errorf("Spanish paragraph %d has id %q, English %q", i+1, esIDs[i], enIDs[i])
		}
	}
}

// paragraphIDs lists the ids of the numbered paragraphs, in order.
const paragraphIDs = `[...document.querySelectorAll('main p.numbered')].map(p => p.id)`

// switcher describes a page's language switcher: its link's address,
// hreflang and lang, and the page's own language.
const switcher = `(() => {
	const a = document.querySelector('nav.languages a[href]');
	return {page: document.documentElement.lang, href: a ? a.href : '', hreflang: a ? a.hreflang : '', lang: a ? a.lang : ''};
})()`

type switcherInfo struct {
	Page, Href, Hreflang, Lang string
}

// TestSwitcherEverywhere checks on every page with the site's header that
// the language switcher leads to a page in the other language whose
// switcher leads back.
func TestSwitcherEverywhere(t *testing.T) {
	pub := builtSite(t)
	ctx := browsertest.New(t, 3*time.Minute)
	base := serve(t, pub)
	for _, page := range htmlPages(t, pub) {
		if !hasHeader(page) {
			continue
		}
		t.Run(page, func(t *testing.T) {
			here := base + urlPath(page)
			open(t, ctx, here)
			s := eval[switcherInfo](t, ctx, switcher)
			if s.Href == "" {
				t.Fatal("no language switcher (nav.languages a)")
			}
			if s.Hreflang == "" || s.Hreflang != s.Lang || s.Hreflang == s.Page {
				t.Errorf("the switcher's link has hreflang=%q lang=%q on a page in %q", s.Hreflang, s.Lang, s.Page)
			}
			open(t, ctx, s.Href)
			there := eval[switcherInfo](t, ctx, switcher)
			if there.Page != s.Hreflang {
				t.Errorf("the switcher leads to %s, which is in %q, not %q", s.Href, there.Page, s.Hreflang)
			}
			if there.Href != here {
				t.Errorf("%s's switcher leads to %s, not back to %s", s.Href, there.Href, here)
			}
		})
	}
}

// hasHeader reports whether a page has the site's header and switcher:
// the pages in a language's folder, but not their single-file editions.
// The pages at the root (language chooser, 404) speak every language.
func hasHeader(page string) bool {
	base := path.Base(page)
	return strings.Contains(page, "/") && (base == "index.html" || base == "404.html")
}

// TestNoSidewaysScrolling renders every page at a phone's width and a
// desktop's, and fails when the page is wider than the window.
func TestNoSidewaysScrolling(t *testing.T) {
	pub := builtSite(t)
	ctx := browsertest.New(t, 3*time.Minute)
	base := serve(t, pub)
	for _, width := range []int64{360, 1280} {
		for _, page := range htmlPages(t, pub) {
			t.Run(strconv.Itoa(int(width))+"px/"+page, func(t *testing.T) {
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)); err != nil {
					t.Fatal(err)
				}
				open(t, ctx, base+urlPath(page))
				w := eval[[2]int](t, ctx, `[document.documentElement.scrollWidth, document.documentElement.clientWidth]`)
				if w[0] > w[1] {
					t.Errorf("at %d px the page is %d px wide: it scrolls sideways", w[1], w[0])
				}
			})
		}
	}
}
