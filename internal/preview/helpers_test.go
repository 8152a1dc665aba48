package preview

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"cecot/internal/engine"
	"cecot/internal/projecttest"
)

// fixture is a small bilingual project: the repository's own layouts,
// interface strings, assets and site.toml, with content of its own.
var fixture = map[string]string{
	"content/en/_index.md":      "+++\ntitle = \"Home\"\ndescription = \"The home page.\"\n+++\n\nWelcome.\n",
	"content/es/_index.md":      "+++\ntitle = \"Inicio\"\ndescription = \"La portada.\"\n+++\n\nBienvenida.\n",
	"content/en/about.md":       "+++\ntitle = \"About\"\ndescription = \"About us.\"\nweight = 2\n+++\n\nWe are a test.\n",
	"content/es/about.md":       "+++\ntitle = \"Acerca de\"\ndescription = \"Quiénes somos.\"\nweight = 2\nslug = \"acerca-de\"\n+++\n\nSomos una prueba.\n",
	"content/en/news/_index.md": "+++\ntitle = \"News\"\ndescription = \"What is new.\"\nweight = 1\n+++\n\nThe news.\n",
	"content/en/news/one.md":    "+++\ntitle = \"First story\"\ndescription = \"The first one.\"\ndate = 2025-06-01\nweight = 1\n+++\n\nThe first story's text.\n",
	"content/es/news/one.md":    "+++\ntitle = \"Primera noticia\"\ndescription = \"La primera.\"\ndate = 2025-06-01\nweight = 1\n+++\n\nEl texto de la primera noticia.\n",
	"content/en/404.md":         "+++\ntitle = \"Page not found\"\n+++\n\nNothing here.\n",
	"content/es/404.md":         "+++\ntitle = \"Página no encontrada\"\n+++\n\nAquí no hay nada.\n",
}

// sourceLine is site.toml's source key (see config.Config.Source).
var sourceLine = regexp.MustCompile(`(?m)^source = .*\n`)

// newProject writes the fixture into a temporary folder.
func newProject(t testing.TB) string {
	t.Helper()
	dir := projecttest.Copy(t, "layouts", "locales", "assets")
	cfg, err := os.ReadFile(filepath.Join(projecttest.Root(t), "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	// The fixture's content is not the site's: site.toml's source names
	// a page that it does not have.
	files := map[string]string{"site.toml": sourceLine.ReplaceAllString(string(cfg), "")}
	for name, data := range fixture {
		files[name] = data
	}
	for name, data := range files {
		writeFile(t, dir, name, data)
	}
	return dir
}

func writeFile(t testing.TB, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// save writes a file of the project the way most editors save it: to a
// hidden file beside it, renamed over it, so that a running server sees
// the old contents or the new, never a file half written. writeFile
// truncates, then writes: on a loaded machine the watcher's quiet time
// can pass between the two, and the server then rebuilds from the
// empty file (a page without title, which every list shows) before it
// rebuilds from the new one. Serving that is right, but a test that
// takes the first rebuild after a write for the last one is not; tests
// that look at what one edit did use save.
func save(t testing.TB, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp")
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

// devServer is a Server serving a project on a random local port.
type devServer struct {
	*Server
	dir     string
	url     string
	reports chan Report
}

// newServer is New on the project in dir with opts (whose folder it
// sets), closed when the test ends.
func newServer(t testing.TB, dir string, opts Options) (*Server, Report) {
	t.Helper()
	opts.Src = dir
	srv, rep, err := New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, rep
}

// serveTest puts srv behind an httptest server, closed when the test
// ends, and returns it with a client that does not follow redirects.
func serveTest(t testing.TB, srv *Server) (*httptest.Server, *http.Client) {
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts, &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func startServer(t testing.TB, dir string) *devServer {
	t.Helper()
	return startServerWith(t, dir, Options{})
}

// startServerWith is startServer with opts, whose folder, quiet time
// and OnRebuild it sets.
func startServerWith(t testing.TB, dir string, opts Options) *devServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	reports := make(chan Report, 100)
	opts.Src, opts.Quiet = dir, 20*time.Millisecond
	opts.OnRebuild = func(r Report) {
		select {
		case reports <- r:
		default:
		}
	}
	srv, _, err := New(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	<-reports // the first build
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
		srv.Close()
	})
	return &devServer{Server: srv, dir: dir, url: "http://" + ln.Addr().String(), reports: reports}
}

// get fetches a path and returns the status and body.
func (d *devServer) get(t testing.TB, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(d.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// event is one Server-Sent Event.
type event struct {
	name string
	data string
}

// events connects to the server's event stream like a browser.
func (d *devServer) events(t testing.TB) <-chan event {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, d.url+"/_site/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	ch := make(chan event, 100)
	go func() {
		defer resp.Body.Close()
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[len("data: "):]
			case line == "" && ev.name != "":
				ch <- ev
				ev = event{}
			}
		}
	}()
	return ch
}

// patience is how long a test waits for something that must happen. It
// is a deadline for correctness, not a speed target: CI machines are
// shared, and a rebuild under -race on a loaded machine can take seconds.
const patience = 30 * time.Second

// waitEvent waits for an event called name for which ok holds.
func waitEvent(t testing.TB, ch <-chan event, name string, ok func(data string) bool) string {
	t.Helper()
	timeout := time.After(patience)
	for {
		select {
		case ev, open := <-ch:
			if !open {
				t.Fatalf("event stream closed while waiting for %q", name)
			}
			if ev.name == name && (ok == nil || ok(ev.data)) {
				return ev.data
			}
		case <-timeout:
			t.Fatalf("no %q event within %v", name, patience)
		}
	}
}

// waitReport waits for the report of the rebuild of the changed file
// name, passing over those of other rebuilds. A browser is told of a
// rebuild before OnRebuild reports it, so a test that has seen the
// reload event must still wait for the report.
func waitReport(t testing.TB, d *devServer, name string) Report {
	t.Helper()
	timeout := time.After(patience)
	for {
		select {
		case r := <-d.reports:
			if slices.Contains(r.Paths, name) {
				return r
			}
		case <-timeout:
			t.Fatalf("no rebuild of %s within %v", name, patience)
		}
	}
}

// reloads returns a check that a reload event names path.
func reloads(path string) func(string) bool {
	return func(data string) bool {
		var r struct {
			All   bool
			Paths []string
		}
		if err := json.Unmarshal([]byte(data), &r); err != nil {
			return false
		}
		if r.All {
			return true
		}
		for _, p := range r.Paths {
			if p == path {
				return true
			}
		}
		return false
	}
}

// buildTo builds the project with the ordinary build, for comparison.
func buildTo(t testing.TB, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := engine.Build(context.Background(), dir, out, engine.Options{}); err != nil {
		t.Fatal(err)
	}
	return out
}

func timeAfter(ms int) <-chan time.Time { return time.After(time.Duration(ms) * time.Millisecond) }
