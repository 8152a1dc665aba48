package images_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cecot/internal/bounded"
	"cecot/internal/browsertest"
	"cecot/internal/engine"
	"cecot/internal/images"
	"cecot/internal/images/imagestest"
)

// root is the project folder, whose layouts, interface strings and assets
// the fixture site uses.
const root = "../.."

var fixture struct {
	once  sync.Once
	dir   string // the project
	cache string // its image cache
	pub   string // its first build
	err   error
}

// builtFixture writes the fixture site to a temporary folder and builds
// it once for all the tests that only read the result.
func builtFixture(t *testing.T) (project, cache, pub string) {
	t.Helper()
	fixture.once.Do(func() {
		dir, err := os.MkdirTemp("", "images-fixture-")
		if err != nil {
			fixture.err = err
			return
		}
		fixture.dir = filepath.Join(dir, "site")
		fixture.cache = filepath.Join(dir, "cache")
		fixture.pub = filepath.Join(dir, "public")
		if fixture.err = imagestest.Fixture(fixture.dir, root); fixture.err != nil {
			return
		}
		res, err := engine.Build(context.Background(), fixture.dir, fixture.pub, engine.Options{Images: images.NewCache(fixture.cache)})
		if err == nil && len(res.Warnings) > 0 {
			err = fmt.Errorf("warnings: %v", res.Warnings)
		}
		fixture.err = err
	})
	if fixture.err != nil {
		t.Fatalf("building the fixture site: %v", fixture.err)
	}
	return fixture.dir, fixture.cache, fixture.pub
}

func TestMain(m *testing.M) {
	if v := os.Getenv(budgetChildEnv); v != "" {
		n, file, _ := strings.Cut(v, ":")
		count, _ := strconv.Atoi(n)
		took, err := prepareMany(count, file)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(took.Nanoseconds())
		os.Exit(0)
	}
	code := m.Run()
	if fixture.dir != "" {
		os.RemoveAll(filepath.Dir(fixture.dir))
	}
	os.Exit(code)
}

// TestRebuildEncodesNothing builds the fixture again with the cache the
// first build filled: nothing is encoded or even decoded, and the site is
// byte for byte the same.
func TestRebuildEncodesNothing(t *testing.T) {
	project, cacheDir, pub := builtFixture(t)
	cache := images.NewCache(cacheDir)
	again := filepath.Join(t.TempDir(), "public")
	if _, err := engine.Build(context.Background(), project, again, engine.Options{Images: cache}); err != nil {
		t.Fatal(err)
	}
	if cache.Encoded() != 0 || cache.Decoded() != 0 {
		t.Errorf("the second build encoded %d files and decoded %d images; want none", cache.Encoded(), cache.Decoded())
	}
	a, b := tree(t, pub), tree(t, again)
	if len(a) != len(b) {
		t.Errorf("the builds have %d and %d files", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between the builds", name)
		}
	}
	for _, want := range []string{
		"assets/en/figures/photo.d91582c19a.480.webp", "assets/en/figures/photo.d91582c19a.960.jpg",
		"assets/en/figures/photo.d91582c19a.1440.webp", "assets/es/chart.ac090e2317.480.webp",
	} {
		if a[want] == nil {
			t.Errorf("no %s in the built site", want)
		}
	}
	for name := range a {
		if strings.Contains(name, ".2400.") {
			t.Errorf("%s is wider than 1440 pixels", name)
		}
	}
}

// tree reads every file of a built site.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p], err = fs.ReadFile(os.DirFS(dir), p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestBadImages builds the fixture with one mistake at a time: each is an
// error at the Markdown line that shows the image, and the last good
// site stays as it was.
func TestBadImages(t *testing.T) {
	project, cacheDir, _ := builtFixture(t)
	// A PNG header that claims 100000 × 100000 pixels: 40 GB to decode.
	ihdr := []byte("IHDR\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x06\x00\x00\x00")
	bomb := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d"), ihdr...)
	bomb = binary.BigEndian.AppendUint32(bomb, crc32.ChecksumIEEE(ihdr))
	bomb = append(bomb, make([]byte, 64)...)
	tests := []struct {
		name  string
		image string // file to add under content/en/
		data  []byte
		dest  string // what the page's Markdown names
		want  string
	}{
		{"missing", "", nil, "missing.png", `content/en/figures.md:22: image "missing.png": no file content/en/missing.png; check the name`},
		{"broken", "broken.png", truncated(imagestest.Chart(800, 600, "X")), "broken.png", `content/en/figures.md:22: image "broken.png": content/en/broken.png does not decode as a PNG image: `},
		{"not what its name says", "photo.png", imagestest.Photo(64, 48), "photo.png", `content/en/figures.md:22: image "photo.png": content/en/photo.png is named as a PNG image but is a JPEG image; rename it to photo.jpg`},
		{"decompression bomb", "huge.png", bomb, "huge.png", `content/en/figures.md:22: image "huge.png": content/en/huge.png is 100000 × 100000 pixels, more than the 36 million this site decodes safely`},
		{"too large to read", "huge.jpg", make([]byte, bounded.Image+1), "huge.jpg", `content/en/figures.md:22: image "huge.jpg": content/en/huge.jpg cannot be read: it is larger than 64 MB, the most this site reads of a file of its kind`},
		{"outside content", "", nil, "../../site.toml.png", `content/en/figures.md:22: image "../../site.toml.png": leads to site.toml.png, outside content/ and assets/`},
		{"layouts", "", nil, "../../layouts/x.png", `content/en/figures.md:22: image "../../layouts/x.png": leads to layouts/x.png, outside content/ and assets/`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "site")
			if err := os.CopyFS(dir, os.DirFS(project)); err != nil {
				t.Fatal(err)
			}
			pub := filepath.Join(dir, "public")
			opts := engine.Options{Images: images.NewCache(cacheDir)}
			if _, err := engine.Build(context.Background(), dir, pub, opts); err != nil {
				t.Fatal(err)
			}
			before := tree(t, pub)
			if tt.image != "" {
				if err := os.WriteFile(filepath.Join(dir, "content", "en", tt.image), tt.data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			page := filepath.Join(dir, "content", "en", "figures.md")
			src, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			src = append(src, "\n![The bad image]("+tt.dest+")\n"...)
			if err := os.WriteFile(page, src, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = engine.Build(context.Background(), dir, pub, opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("build error:\n%v\nwant one containing\n%s", err, tt.want)
			}
			after := tree(t, pub)
			if len(after) != len(before) {
				t.Errorf("the failed build changed the site: %d files, before %d", len(after), len(before))
			}
			for name, data := range before {
				if !bytes.Equal(data, after[name]) {
					t.Errorf("the failed build changed %s", name)
				}
			}
		})
	}
}

// TestFixtureInChromium opens the page of figures at a phone's width and a
// desktop's, in English and Spanish: the photograph comes as the
// narrowest WebP that fills the column, the chart and drawing wait until
// the reader scrolls near them, the Spanish page shows the Spanish chart,
// and nothing on the page moves as images arrive.
func TestFixtureInChromium(t *testing.T) {
	_, _, pub := builtFixture(t)
	ctx := browsertest.New(t, 3*time.Minute)
	srv := httptest.NewServer(http.FileServer(http.Dir(pub)))
	t.Cleanup(srv.Close)
	tests := []struct {
		width int64
		page  string
		photo string // the photograph's file
		chart string // the chart's file
	}{
		{360, "/en/figures/", "photo.d91582c19a.480.webp", "en/chart.6f494e840b.480.webp"},
		{360, "/es/figuras/", "photo.d91582c19a.480.webp", "es/chart.ac090e2317.480.webp"},
		{1280, "/en/figures/", "photo.d91582c19a.960.webp", "en/chart.6f494e840b.960.webp"},
		{1280, "/es/figuras/", "photo.d91582c19a.960.webp", "es/chart.ac090e2317.960.webp"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dpx%s", tt.width, tt.page), func(t *testing.T) {
			err := chromedp.Do(ctx,
				chromedp.EmulateViewport(tt.width, 700),
				// Watch for layout shifts from the very start.
				chromedp.Navigate("about:blank"),
				chromedp.Navigate(srv.URL+tt.page),
			)
			if err != nil {
				t.Fatal(err)
			}
			var photos []string
			for _, f := range eval[[]string](t, ctx, loadedImages) {
				if strings.Contains(f, "/photo.") {
					photos = append(photos, f)
				}
			}
			if len(photos) != 1 || !strings.HasSuffix(photos[0], "/assets/en/figures/"+tt.photo) {
				t.Errorf("the page loaded the photograph as %v; want only %s", photos, tt.photo)
			}
			cur := eval[string](t, ctx, `document.querySelector('main figure img').currentSrc`)
			if !strings.HasSuffix(cur, tt.photo) {
				t.Errorf("the photograph shows %s, want %s", cur, tt.photo)
			}
			// Scroll to the end, and wait for the lazy images.
			if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.body.scrollHeight)`)); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](allLoaded, chromedp.EvalAwaitPromise)); err != nil {
				t.Fatal(err)
			}
			// Chromium fetches lazy images well before they scroll
			// into view (1250 px ahead on a fast connection), so on
			// this short page only the attribute can be checked.
			charts := eval[[]chartInfo](t, ctx, `[...document.querySelectorAll('main figure img')].slice(1, 2).map(i => ({src: i.currentSrc, complete: i.complete && i.naturalWidth > 0, lazy: i.loading}))`)
			if len(charts) != 1 || !strings.HasSuffix(charts[0].Src, "/assets/"+tt.chart) || !charts[0].Complete || charts[0].Lazy != "lazy" {
				t.Errorf("the chart is %+v; want %s, shown, loaded lazily", charts, tt.chart)
			}
			shift, err := chromedp.Run(ctx, chromedp.Evaluate[float64](layoutShift, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			if shift != 0 {
				t.Errorf("cumulative layout shift %g, want 0", shift)
			}
			sized := eval[[]string](t, ctx, `[...document.images].filter(i => !i.getAttribute('width') || !i.getAttribute('height')).map(i => i.src)`)
			if len(sized) > 0 {
				t.Errorf("images without width and height: %v", sized)
			}
		})
	}
}

type chartInfo struct {
	Src      string
	Complete bool
	Lazy     string
}

// loadedImages lists the images the page has fetched so far.
const loadedImages = `performance.getEntriesByType('resource').map(e => e.name).filter(n => /\.(webp|jpg|png|svg)$/.test(n) && !n.includes('favicon'))`

// allLoaded waits until every image of the page has loaded.
const allLoaded = `Promise.all([...document.images].map(i => i.decode().catch(() => {}))).then(() => true)`

// layoutShift is the page's cumulative layout shift so far, from the
// layout-shift entries that the browser buffered since the page began.
const layoutShift = `new Promise(resolve => {
	let total = 0;
	new PerformanceObserver(list => {
		for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
	}).observe({type: 'layout-shift', buffered: true});
	setTimeout(() => resolve(total), 300);
})`

// eval evaluates a JavaScript expression in the tab and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// truncated is the first half of a file, as a download cut short leaves it.
func truncated(data []byte) []byte { return data[:len(data)/2] }

// TestFixtureAccessibility runs axe-core's WCAG 2.1 A and AA rules, as
// internal/quality does on the real site, on the fixture's pages of
// figures in the light and dark colour schemes.
func TestFixtureAccessibility(t *testing.T) {
	axe := browsertest.AxeScript(t, root)
	_, _, pub := builtFixture(t)
	ctx := browsertest.New(t, 3*time.Minute)
	srv := httptest.NewServer(http.FileServer(http.Dir(pub)))
	t.Cleanup(srv.Close)
	for _, scheme := range []string{"light", "dark"} {
		browsertest.ColorScheme(t, ctx, scheme)
		for _, page := range []string{"/en/figures/", "/es/figuras/"} {
			t.Run(scheme+page, func(t *testing.T) {
				if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+page)); err != nil {
					t.Fatal(err)
				}
				browsertest.Axe(t, ctx, axe)
			})
		}
	}
}

// TestWatchEncodesOnlyChangedImages rebuilds the fixture as watch mode
// does: editing a page's text renders it again without touching images,
// and replacing the Spanish chart encodes that chart's widths only; the
// photograph and the English chart come from the cache.
func TestWatchEncodesOnlyChangedImages(t *testing.T) {
	project, cacheDir, _ := builtFixture(t)
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS(project)); err != nil {
		t.Fatal(err)
	}
	// The test counts what it encodes: a copy of the shared cache, so
	// that the new chart it encodes is not already there when the test
	// runs again (-count), nor seen by other tests.
	own := filepath.Join(t.TempDir(), "cache")
	if err := os.CopyFS(own, os.DirFS(cacheDir)); err != nil {
		t.Fatal(err)
	}
	cache := images.NewCache(own)
	e := engine.NewIncremental(os.DirFS(dir), engine.Options{Images: cache})
	ctx := context.Background()
	if e.Rebuild(ctx, nil); e.Err() != nil {
		t.Fatal(e.Err())
	}
	if cache.Encoded() != 0 {
		t.Fatalf("loading the site encoded %d files; all were cached", cache.Encoded())
	}
	page := filepath.Join(dir, "content", "en", "figures.md")
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, bytes.Replace(src, []byte("2400 pixels wide"), []byte("2,400 pixels wide"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	ch := e.Rebuild(ctx, []string{"content/en/figures.md"})
	if e.Err() != nil || ch.Full || ch.Files["en/figures/index.html"] == nil || cache.Encoded() != 0 {
		t.Fatalf("after a text edit: full %v, changed %d files, encoded %d, err %v", ch.Full, len(ch.Files), cache.Encoded(), e.Err())
	}
	// An image without alt text is a warning until it gets one.
	if err := os.WriteFile(page, append(src, "\n![](chart.png)\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	e.Rebuild(ctx, []string{"content/en/figures.md"})
	if ws := fmt.Sprint(e.Warnings()); e.Err() != nil || !strings.Contains(ws, "content/en/figures.md:22: image chart.png has no alt text") {
		t.Errorf("warnings after removing alt text: %s (err %v)", ws, e.Err())
	}
	if err := os.WriteFile(page, src, 0o644); err != nil {
		t.Fatal(err)
	}
	e.Rebuild(ctx, []string{"content/en/figures.md"})
	if ws := e.Warnings(); len(ws) > 0 {
		t.Errorf("warnings after the fix: %v", ws)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "es", "chart.png"), imagestest.Chart(1200, 800, "DETENCIONES, POR MES"), 0o644); err != nil {
		t.Fatal(err)
	}
	ch = e.Rebuild(ctx, []string{"content/es/chart.png"})
	if e.Err() != nil {
		t.Fatal(e.Err())
	}
	if n := cache.Encoded(); n != 5 {
		t.Errorf("replacing the Spanish chart encoded %d files; want 5 (three WebP, two PNG: the widest is the original)", n)
	}
	var newCharts int
	for name := range ch.Files {
		if strings.HasPrefix(name, "assets/es/chart.") {
			newCharts++
		}
		if strings.Contains(name, "photo.") || strings.HasPrefix(name, "assets/en/chart.") {
			t.Errorf("%s changed, though its image did not", name)
		}
	}
	if newCharts != 6 || ch.Files["es/figuras/index.html"] == nil {
		t.Errorf("after replacing the chart, %d chart files and the Spanish page changed: %v", newCharts, len(ch.Files))
	}
}

// TestSingleFileEdition checks that the single-file edition of the page
// of figures carries its images inside, as data: URLs, and loads nothing.
func TestSingleFileEdition(t *testing.T) {
	_, _, pub := builtFixture(t)
	for _, file := range []string{"en/figures.html", "es/figuras.html"} {
		data, err := os.ReadFile(filepath.Join(pub, filepath.FromSlash(file)))
		if err != nil {
			t.Fatal(err)
		}
		srcs := regexp.MustCompile(`<img src="?([^" >]{0,30})`).FindAllSubmatch(data, -1)
		if len(srcs) != 3 {
			t.Errorf("%s has %d images, want 3", file, len(srcs))
		}
		for _, m := range srcs {
			if !bytes.HasPrefix(m[1], []byte("data:image/")) {
				t.Errorf("%s loads an image from %s", file, m[1])
			}
		}
		if bytes.Contains(data, []byte("srcset")) {
			t.Errorf("%s has a srcset", file)
		}
	}
}
