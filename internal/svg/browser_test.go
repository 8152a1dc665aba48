package svg

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cecot/internal/browsertest"
)

// TestBrowserDrawsTheSame: Chromium draws each real picture of
// testdata/real the same, pixel for pixel, before and after Clean, shown
// as a page shows it (an <img>), the cleaned one with the site's
// Content-Security-Policy.
func TestBrowserDrawsTheSame(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	files, err := filepath.Glob("testdata/real/*.svg")
	if err != nil {
		t.Fatal(err)
	}
	pictures := map[string][]byte{}
	var names []string
	for _, f := range files {
		if strings.HasSuffix(f, ".golden.svg") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// inkscape.svg starts with a blank line before its XML
		// declaration, which browsers refuse; drawn from the first "<".
		data = bytes.TrimLeft(data, " \t\r\n")
		p, err := Clean(data)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".svg")
		pictures["original/"+name] = data
		pictures["cleaned/"+name] = p.Data
		names = append(names, name)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p, ok := strings.CutPrefix(r.URL.Path, "/img/"); ok {
			w.Header().Set("Content-Type", "image/svg+xml")
			if strings.HasPrefix(p, "cleaned/") {
				// As the site's _headers sends it (engine's
				// ContentSecurityPolicy, which this package cannot
				// import): it must not stop the picture's styles.
				w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
			}
			_, _ = w.Write(pictures[p])
			return
		}
		which := strings.TrimPrefix(r.URL.Path, "/")
		fmt.Fprintf(w, `<!doctype html><style>body{margin:0;background:#fff}img{display:block;width:400px;height:400px;object-fit:contain}</style><img id=p src="/img/%s">`, which)
	}))
	defer srv.Close()
	ctx := browsertest.New(t, 2*time.Minute)
	shot := func(which string) image.Image {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(400, 400), chromedp.Navigate(srv.URL+"/"+which)); err != nil {
			t.Fatalf("%s: %v", which, err)
		}
		for loaded := false; !loaded; {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("p").complete`))
			if err != nil {
				t.Fatalf("%s: %v", which, err)
			}
			loaded = ok
		}
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("%s: %v", which, err)
		}
		img, err := png.Decode(bytes.NewReader(buf))
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	for _, name := range names {
		before, after := shot("original/"+name), shot("cleaned/"+name)
		if !before.Bounds().Eq(after.Bounds()) {
			t.Errorf("%s: drawn %v before, %v after", name, before.Bounds(), after.Bounds())
			continue
		}
		diff, blank := 0, true
		b := before.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r1, g1, b1, _ := before.At(x, y).RGBA()
				r2, g2, b2, _ := after.At(x, y).RGBA()
				if r1 != r2 || g1 != g2 || b1 != b2 {
					diff++
				}
				if r1 != 0xffff || g1 != 0xffff || b1 != 0xffff {
					blank = false
				}
			}
		}
		if blank {
			t.Errorf("%s: the original draws nothing; the comparison proves nothing", name)
		}
		if diff > 0 {
			t.Errorf("%s: %d of %d pixels differ after Clean", name, diff, b.Dx()*b.Dy())
		}
	}
}
