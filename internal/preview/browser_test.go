package preview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cecot/internal/browsertest"
	"cecot/internal/words"
)

// TestBrowserReload loads a page in headless Chromium, edits its
// Markdown and sees the page change with nothing done in the browser;
// then breaks the file and sees the overlay, fixes it, and changes the
// stylesheet, which is swapped without a reload.
func TestBrowserReload(t *testing.T) {
	ctx := browsertest.New(t, time.Minute)
	d := startServer(t, newProject(t))
	if err := chromedp.Do(ctx, chromedp.Navigate(d.url+"/en/about/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return d.Clients() == 1 }, "the page's event stream")
	// poll evaluates expr until it is true. chromedp.Poll gives up when
	// the page navigates, which a reload is, so it is done here.
	poll := func(what, expr string) {
		t.Helper()
		deadline := time.Now().Add(patience)
		for {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
			if err == nil && ok {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within %v (%v)", what, patience, err)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	check := func(what, expr string) {
		t.Helper()
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err != nil || !ok {
			t.Fatalf("%s: %v", what, err)
		}
	}

	save(t, d.dir, "content/en/about.md", strings.Replace(fixture["content/en/about.md"], "We are a test.", "Changed while the browser watched.", 1))
	poll("the edit shows", `document.body.innerText.includes("Changed while the browser watched.")`)

	save(t, d.dir, "content/en/about.md", "+++\ntitle = \"About\nweight = 2\n+++\n\nBroken.\n")
	poll("the overlay shows", `(document.getElementById("site-error-overlay")?.innerText ?? "").includes("content/en/about.md:")`)
	check("the last good page stays underneath", `document.body.innerText.includes("Changed while the browser watched.")`)

	save(t, d.dir, "content/en/about.md", strings.Replace(fixture["content/en/about.md"], "We are a test.", "Fixed again.", 1))
	poll("the fix shows", `document.body.innerText.includes("Fixed again.")`)
	check("the overlay is gone", `document.getElementById("site-error-overlay") === null`)

	// A stylesheet change swaps the stylesheet in place: the page is not
	// reloaded, so a mark left on window survives.
	before, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.mark = 1; document.querySelector('link[rel="stylesheet"]').href`))
	if err != nil {
		t.Fatal(err)
	}
	var css []byte
	css, err = os.ReadFile(filepath.Join(d.dir, "assets/css/site.css"))
	if err != nil {
		t.Fatal(err)
	}
	save(t, d.dir, "assets/css/site.css", string(css)+"\nmain{outline:3px solid rgb(1, 2, 3)}\n")
	poll("the new stylesheet applies", `getComputedStyle(document.querySelector("main")).outlineColor === "rgb(1, 2, 3)"`)
	check("no reload", `window.mark === 1`)
	after, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('link[rel="stylesheet"]').href`))
	if err != nil {
		t.Fatal(err)
	}
	if after == before {
		t.Errorf("the stylesheet link still points to %s", before)
	}
}

// TestBrowserOverlaySpanish breaks a page under a Spanish server and
// sees the overlay in Spanish over the last good page, the problem said
// in Spanish at its file and line.
func TestBrowserOverlaySpanish(t *testing.T) {
	ctx := browsertest.New(t, time.Minute)
	d := startServerWith(t, newProject(t), Options{Words: words.NewPrinter("es")})
	if err := chromedp.Do(ctx, chromedp.Navigate(d.url+"/es/acerca-de/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return d.Clients() == 1 }, "the page's event stream")
	save(t, d.dir, "content/es/about.md", "+++\ntitle = \"Acerca de\nslug = \"acerca-de\"\n+++\n\nRoto.\n")
	const overlay = `(document.getElementById("site-error-overlay")?.innerText ?? "")`
	var got string
	for deadline := time.Now().Add(patience); !strings.Contains(got, "content/es/about.md:2:"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no overlay within %v: %q", patience, got)
		}
		got, _ = chromedp.Run(ctx, chromedp.Evaluate[string](overlay))
	}
	for _, want := range []string{
		"El sitio tiene un problema",
		"Corrija el archivo y guárdelo; esta página se actualiza sola.",
		"content/es/about.md:2: metadatos: un texto entre comillas debe terminar en la misma línea en que empieza",
		"Ocultar",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("overlay lacks %q:\n%s", want, got)
		}
	}
}
