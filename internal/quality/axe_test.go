package quality

import (
	"testing"
	"time"

	"cecot/internal/browsertest"
)

// TestAccessibility runs axe-core's WCAG 2.1 A and AA rules on every page
// in headless Chromium, in the light and the dark colour scheme, and
// fails on any violation.
func TestAccessibility(t *testing.T) {
	axe := browsertest.AxeScript(t, root)
	pub := builtSite(t)
	ctx := browsertest.New(t, 3*time.Minute)
	base := serve(t, pub)
	for _, scheme := range []string{"light", "dark"} {
		browsertest.ColorScheme(t, ctx, scheme)
		for _, page := range htmlPages(t, pub) {
			t.Run(scheme+"/"+page, func(t *testing.T) {
				open(t, ctx, base+urlPath(page))
				browsertest.Axe(t, ctx, axe)
			})
		}
	}
}
