package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// AxeTags are the axe-core rule sets every page passes, the site's and
// the workbench's alike: WCAG 2.1 A and AA.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// AxeScript returns axe.min.js: $AXE_CORE_JS, else the copy that
// "npm ci --prefix .ci" installs below repo, the repository's root. A
// test without it is skipped, or fails in CI.
func AxeScript(t testing.TB, repo string) string {
	t.Helper()
	p := os.Getenv("AXE_CORE_JS")
	if p == "" {
		p = filepath.Join(repo, ".ci", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		Missing(t, "axe-core ("+p+")", "install it with: npm ci --prefix .ci, or set AXE_CORE_JS to axe.min.js")
	}
	return string(data)
}

// Axe runs axe-core (script, from AxeScript) on the page open in the tab
// and reports each violation of AxeTags as an error of t, with the
// elements it concerns. It returns how many rules were violated.
func Axe(t testing.TB, ctx context.Context, script string) int {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](script)); err != nil {
		t.Fatalf("loading axe-core: %v", err)
	}
	tags, _ := json.Marshal(AxeTags)
	run := fmt.Sprintf(`axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']}).then(r => r.violations)`, tags)
	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	for _, v := range violations {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprint(n.Target)+": "+strings.ReplaceAll(n.FailureSummary, "\n", " "))
		}
		t.Errorf("%s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, strings.Join(where, "\n\t"))
	}
	return len(violations)
}

// axeViolation is what axe-core reports of a rule a page breaks.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []struct {
		Target         []any
		FailureSummary string
	}
}

// ColorScheme makes the tab's pages see prefers-color-scheme as scheme,
// "light" or "dark".
func ColorScheme(t testing.TB, ctx context.Context, scheme string) {
	t.Helper()
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	if err != nil {
		t.Fatalf("emulating prefers-color-scheme: %s: %v", scheme, err)
	}
}
