package engine

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"cecot/internal/browsertest"
)

// recordViolations runs in every document before its own content and
// keeps the browser's Content-Security-Policy violation reports.
const recordViolations = `window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
	window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));`

// pageState is what a page shows after loading under its policy.
const pageState = `({
	Violations: window.__csp || [],
	Styled: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim() !== '',
	// JSON-LD data blocks: the policy lets no script run, and these are
	// not script, so they must be there, readable, with no violation.
	DataBlocks: [...document.querySelectorAll('script[type="application/ld+json"]')]
		.map(s => { try { return JSON.parse(s.textContent)['@type'] || '' } catch (e) { return 'invalid: ' + e } }),
})`

type cspState struct {
	Violations []string
	Styled     bool
	DataBlocks []string
}

// TestContentSecurityPolicyInBrowser serves the real site with the
// headers of its _headers, as Netlify and as Cloudflare Pages apply
// them, and loads every page in Chromium: the browser must report no
// violation, and every page, the single-file editions with their inline
// styles included, must be styled.
func TestContentSecurityPolicyInBrowser(t *testing.T) {
	const base = "/cecot-report/"
	out := buildProject(t, Options{BaseURL: "https://example.org" + base}, nil)
	data, err := os.ReadFile(filepath.Join(out, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	rules := parseHeaderRules(t, string(data))
	ctx := browsertest.New(t, time.Minute)
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
		_, err := cdp.Call(ctx, tab, cdppage.AddScriptToEvaluateOnNewDocument,
			cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: recordViolations})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	hosts := []struct {
		name    string
		headers func([]headerRule, string) map[string][]string
	}{{"netlify", netlifyHeaders}, {"cloudflare", cloudflareHeaders}}
	for _, host := range hosts {
		t.Run(host.name, func(t *testing.T) {
			files := siteServer(out, base)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				for name, values := range host.headers(rules, r.URL.Path) {
					for _, v := range values {
						w.Header().Add(name, v)
					}
				}
				files.ServeHTTP(w, r)
			}))
			defer srv.Close()
			pages, blocks := 0, 0
			for _, f := range publicFiles(t, out) {
				if path.Ext(f) != ".html" {
					continue
				}
				pages++
				u := srv.URL + pageURL(base, f)
				if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
					t.Fatalf("%s: %v", u, err)
				}
				st, err := chromedp.Run(ctx, chromedp.Evaluate[cspState](pageState))
				if err != nil {
					t.Fatalf("%s: %v", u, err)
				}
				if len(st.Violations) > 0 {
					t.Errorf("%s: the browser reports %s", f, strings.Join(st.Violations, "; "))
				}
				if !st.Styled {
					t.Errorf("%s: not styled under its policy", f)
				}
				for _, b := range st.DataBlocks {
					blocks++
					if b == "" || strings.HasPrefix(b, "invalid") {
						t.Errorf("%s: JSON-LD block %q", f, b)
					}
				}
			}
			if pages < 13 || blocks < 8 {
				t.Errorf("loaded only %d pages, with %d JSON-LD blocks", pages, blocks)
			}
		})
	}
}
