package quality

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"cecot/internal/browsertest"
)

// axeTags are the axe-core rule sets the site must pass: WCAG 2.1 A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// axeScript finds axe.min.js: $AXE_CORE_JS, else the copy that
// "npm ci --prefix .ci" installs.
func axeScript(t *testing.T) string {
	t.Helper()
	p := os.Getenv("AXE_CORE_JS")
	if p == "" {
		p = filepath.Join(root, ".ci", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		browsertest.Missing(t, "axe-core ("+p+")", "install it with: npm ci --prefix .ci, or set AXE_CORE_JS to axe.min.js")
	}
	return string(data)
}

type axeViolation struct {
	ID, Impact, Help string
	Nodes            []struct {
		Target         []any
		FailureSummary string
	}
}

// TestAccessibility runs axe-core's WCAG 2.1 A and AA rules on every page
// in headless Chromium, in the light and the dark colour scheme, and
// fails on any violation.
func TestAccessibility(t *testing.T) {
	axe := axeScript(t)
	pub := builtSite(t)
	ctx := browsertest.New(t, 3*time.Minute)
	base := serve(t, pub)
	tags, _ := json.Marshal(axeTags)
	run := fmt.Sprintf(`axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']}).then(r => r.violations)`, tags)
	for _, scheme := range []string{"light", "dark"} {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		if err != nil {
			t.Fatalf("emulating prefers-color-scheme: %s: %v", scheme, err)
		}
		for _, page := range htmlPages(t, pub) {
			t.Run(scheme+"/"+page, func(t *testing.T) {
				open(t, ctx, base+urlPath(page))
				if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
					t.Fatalf("loading axe-core: %v", err)
				}
				vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](run, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("running axe-core: %v", err)
				}
				for _, v := range vs {
					var where []string
					for _, n := range v.Nodes {
						where = append(where, fmt.Sprint(n.Target)+": "+strings.ReplaceAll(n.FailureSummary, "\n", " "))
					}
					t.Errorf("%s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, strings.Join(where, "\n\t"))
				}
			})
		}
	}
}
