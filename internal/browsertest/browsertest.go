// Package browsertest starts headless Chromium for tests, with the flags
// that keep it off the network, and decides whether a test without a
// browser is skipped (on a developer's machine) or fails (in CI).
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Install says how to get what the browser tests need.
const Install = "install it with: apt-get update && apt-get install -y chromium"

// Path finds the browser: $CHROME_PATH, else Debian's chromium or another
// Chromium on $PATH; "" when there is none.
func Path() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Required reports whether a missing tool must fail a test rather than
// skip it: in CI (CI=true), where nothing may be skipped.
func Required() bool { return os.Getenv("CI") == "true" }

// Missing skips t, or fails it in CI, because what it needs is not
// installed; how says how to install it.
func Missing(t testing.TB, what, how string) {
	t.Helper()
	if Required() {
		t.Fatalf("%s is missing, and CI=true does not allow skipping; %s", what, how)
	}
	t.Skipf("%s is missing; %s (CI fails instead of skipping)", what, how)
}

// New starts headless Chromium with a fresh profile and returns a tab's
// context, which ends after timeout. Everything is closed when t ends.
func New(t testing.TB, timeout time.Duration) context.Context {
	t.Helper()
	exe := Path()
	if exe == "" {
		Missing(t, "Chromium", Install)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		// The machine's network is closed: without these, Chromium
		// keeps trying to reach Google's hosts and stalls.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	return ctx
}
