package preview

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestServe checks clean URLs, redirects, localized 404 pages, content
// types and refused paths, through httptest.
func TestServe(t *testing.T) {
	dir := newProject(t)
	// A file beside the project that no request may reach.
	if err := os.WriteFile(filepath.Join(filepath.Dir(dir), "secret.txt"), []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv, rep := newServer(t, dir, Options{})
	if rep.Err != nil {
		t.Fatal(rep.Err)
	}
	ts, client := serveTest(t, srv)

	tests := []struct {
		path     string
		code     int
		ctype    string
		location string
		contains string
	}{
		{"/en/about/", 200, "text/html; charset=utf-8", "", "We are a test."},
		{"/en/about", 301, "", "/en/about/", ""},
		{"/en/about?x=1", 301, "", "/en/about/?x=1", ""},
		{"/es/acerca-de/", 200, "text/html; charset=utf-8", "", "Somos una prueba."},
		{"/", 200, "text/html; charset=utf-8", "", ""},
		{"/en/", 200, "text/html; charset=utf-8", "", "Welcome."},
		{"/en", 301, "", "/en/", ""},
		{"/en/no-such-page/", 404, "text/html; charset=utf-8", "", "Nothing here."},
		{"/es/no-existe/", 404, "text/html; charset=utf-8", "", "Aquí no hay nada."},
		{"/fr/", 404, "text/html; charset=utf-8", "", "Nothing here."},
		{"/robots.txt", 200, "text/plain; charset=utf-8", "", ""},
		{"/sitemap.xml", 200, "application/xml", "", "<urlset"},
		{"/_site/reload.js", 200, "text/javascript; charset=utf-8", "", "EventSource"},
		// Paths that try to leave the site.
		{"/../secret.txt", 400, "", "", ""},
		{"/en/../../secret.txt", 400, "", "", ""},
		{"/%2e%2e/secret.txt", 400, "", "", ""},
		{"/en/%2e%2e/%2e%2e/secret.txt", 400, "", "", ""},
		{"/..%2fsecret.txt", 400, "", "", ""},
		{"/%2F..%2F..%2Fsecret.txt", 400, "", "", ""},
		{"/..%5csecret.txt", 400, "", "", ""},
		{"/en/%00", 400, "", "", ""},
		// Sent as "//host/path", these name another host, which the
		// preview refuses before it looks at the path.
		{"//secret.txt", 403, "", "", ""},
		{"/" + filepath.ToSlash(filepath.Dir(dir)) + "/secret.txt", 403, "", "", ""},
		{"/./en/about/", 400, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, ts.URL, nil)
			if err != nil {
				t.Fatal(err)
			}
			// Sent as written, not cleaned by the client.
			req.URL.Opaque = tt.path
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.code {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.code)
			}
			if strings.Contains(string(body), "SECRET") {
				t.Errorf("served a file outside the site")
			}
			if tt.ctype != "" && resp.Header.Get("Content-Type") != tt.ctype {
				t.Errorf("Content-Type %q, want %q", resp.Header.Get("Content-Type"), tt.ctype)
			}
			if tt.location != "" && resp.Header.Get("Location") != tt.location {
				t.Errorf("Location %q, want %q", resp.Header.Get("Location"), tt.location)
			}
			if !strings.Contains(string(body), tt.contains) {
				t.Errorf("body lacks %q", tt.contains)
			}
			if strings.HasPrefix(tt.ctype, "text/html") && !strings.HasSuffix(string(body), `<script src="/_site/reload.js" defer></script>`) {
				t.Errorf("HTML without the reload script")
			}
		})
	}
	t.Run("every file's type", func(t *testing.T) {
		srv.store.mu.RLock()
		names := make([]string, 0, len(srv.store.files))
		for name := range srv.store.files {
			names = append(names, name)
		}
		srv.store.mu.RUnlock()
		for _, name := range names {
			if strings.HasPrefix(name, "_") {
				continue // host configuration, served as text
			}
			resp, err := client.Get(ts.URL + "/" + name)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			ct := resp.Header.Get("Content-Type")
			if resp.StatusCode != 200 || ct == "" || ct == "application/octet-stream" {
				t.Errorf("/%s: status %d, Content-Type %q", name, resp.StatusCode, ct)
			}
		}
	})
}

// TestBrokenAtStart checks that a project that does not build is served
// as a page that lists its problems and loads the reload script.
func TestBrokenAtStart(t *testing.T) {
	dir := newProject(t)
	writeFile(t, dir, "content/en/about.md", "+++\ntitle = 3\n+++\n")
	srv, rep := newServer(t, dir, Options{})
	if rep.Err == nil {
		t.Fatal("no error reported")
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/en/about/", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(body, "content/en/about.md:2") || !strings.Contains(body, "/_site/reload.js") {
		t.Errorf("status %d\n%s", rec.Code, body)
	}
}

// TestConcurrentRequests sends many requests while the site is rebuilt
// again and again; run it with -race. No request may fail.
func TestConcurrentRequests(t *testing.T) {
	d := startServer(t, newProject(t))
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	paths := []string{"/en/about/", "/es/acerca-de/", "/en/news/one/", "/en/news/", "/", "/sitemap.xml", "/en/missing/"}
	for w := range 8 {
		wg.Go(func() {
			for i := w; ctx.Err() == nil; i++ {
				p := paths[i%len(paths)]
				resp, err := client.Get(d.url + p)
				if err != nil {
					errs <- err
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				want := 200
				if p == "/en/missing/" {
					want = 404
				}
				if resp.StatusCode != want {
					errs <- fmt.Errorf("GET %s: %d", p, resp.StatusCode)
					return
				}
			}
		})
	}
	for i := range 20 {
		// Edits of text and of titles, and a page that comes and goes.
		writeFile(t, d.dir, "content/en/about.md", strings.Replace(fixture["content/en/about.md"], "We are a test.", fmt.Sprintf("Edit %d.", i), 1))
		writeFile(t, d.dir, "content/en/news/one.md", strings.Replace(fixture["content/en/news/one.md"], "First story", fmt.Sprintf("Story %d", i), 1))
		if i%2 == 0 {
			writeFile(t, d.dir, "content/en/news/extra.md", "+++\ntitle = \"Extra\"\n+++\n\nExtra.\n")
		} else {
			os.Remove(filepath.Join(d.dir, "content/en/news/extra.md"))
		}
		// Rebuild directly as well, racing the watcher's rebuilds.
		d.Rebuild(ctx, []string{"content/en/about.md"}, time.Now())
		time.Sleep(15 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestEventsReleased checks that browsers that go away release their
// event streams, and that shutting down lets the rest go.
func TestEventsReleased(t *testing.T) {
	dir := newProject(t)
	srv, _ := newServer(t, dir, Options{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	url := "http://" + ln.Addr().String() + "/_site/events"
	// Count goroutines once the server and the watcher run.
	if resp, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		resp.Body.Close()
	}
	http.DefaultClient.CloseIdleConnections()
	time.Sleep(200 * time.Millisecond)
	before := runtime.NumGoroutine()

	connect := func(ctx context.Context) *http.Response {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	var cancels []context.CancelFunc
	for range 20 {
		c, cancel := context.WithCancel(context.Background())
		cancels = append(cancels, cancel)
		connect(c)
	}
	waitFor(t, func() bool { return srv.Clients() == 20 }, "20 clients")
	for _, cancel := range cancels {
		cancel()
	}
	waitFor(t, func() bool { return srv.Clients() == 0 }, "disconnected clients released")
	http.DefaultClient.CloseIdleConnections()
	waitFor(t, func() bool { return runtime.NumGoroutine() <= before }, "goroutines back to where they were")

	// Clients still connected at shutdown do not hold it up.
	resp := connect(context.Background())
	defer resp.Body.Close()
	waitFor(t, func() bool { return srv.Clients() == 1 }, "one client")
	stop()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("shutdown waited for a connected browser")
	}
	if srv.Clients() != 0 {
		t.Errorf("%d clients after shutdown", srv.Clients())
	}
}

func waitFor(t *testing.T, cond func() bool, what string) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s (goroutines: %d)", what, runtime.NumGoroutine())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
