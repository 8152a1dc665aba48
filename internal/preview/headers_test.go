package preview

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"cecot/internal/engine"
)

// TestSecurityHeaders: every response of the preview carries the
// security headers of the build's _headers — a page, a stylesheet, an
// SVG, a 404, a redirect, an error, the reload script, the workbench —
// and each file of the site gets the very policy _headers gives its path,
// with only the reload script's sources added to HTML.
func TestSecurityHeaders(t *testing.T) {
	dir := newProject(t)
	writeFile(t, dir, "content/en/chart.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`)
	writeFile(t, dir, "content/en/about.md", "+++\ntitle = \"About\"\ndescription = \"About us.\"\nweight = 2\nstandalone = true\n+++\n\nWe are a test.\n\n![a chart](chart.svg)\n")
	srv, rep := newServer(t, dir, Options{})
	if rep.Err != nil {
		t.Fatal(rep.Err)
	}
	ts, client := serveTest(t, srv)
	headersFile, ok := srv.store.get(engine.HeadersFile)
	if !ok {
		t.Fatal("no _headers in the store")
	}
	rules := engine.ParseHeaders(headersFile)
	base := engine.SecurityHeaders()

	do := func(method, path string) *http.Response {
		t.Helper()
		req, err := http.NewRequest(method, ts.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp
	}
	check := func(path string, resp *http.Response) {
		t.Helper()
		for _, kv := range base {
			if kv[0] == "Cache-Control" || kv[0] == "Content-Security-Policy" {
				continue
			}
			if got := resp.Header.Get(kv[0]); got != kv[1] {
				t.Errorf("%s (%d): %s %q, want %q", path, resp.StatusCode, kv[0], got, kv[1])
			}
		}
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.HasPrefix(csp, "default-src 'none'") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s (%d): Content-Security-Policy %q", path, resp.StatusCode, csp)
		}
		if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("%s: Cache-Control %q, want no-store", path, cc)
		}
	}
	for _, tc := range []struct {
		method, path string
		code         int
	}{
		{"GET", "/en/about/", 200},
		{"HEAD", "/en/about/", 200},
		{"GET", "/en/about", 301},
		{"GET", "/en/no-such-page/", 404},
		{"GET", "/../x", 400},
		{"POST", "/en/", 405},
		{"GET", "/_site/reload.js", 200},
		{"GET", StatusPath, 200},
		{"GET", StatusPath + "workbench.css", 200},
	} {
		resp := do(tc.method, tc.path)
		if resp.StatusCode != tc.code {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.path, resp.StatusCode, tc.code)
		}
		check(tc.path, resp)
	}

	srv.store.mu.RLock()
	var names []string
	for name := range srv.store.files {
		names = append(names, name)
	}
	srv.store.mu.RUnlock()
	sort.Strings(names)
	var svgs, inline int
	for _, name := range names {
		resp := do("GET", "/"+name)
		check("/"+name, resp)
		want := ""
		for _, kv := range rules.For("/" + name) {
			if kv[0] == "Content-Security-Policy" {
				want = kv[1]
			}
		}
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			want += reloadSources
		}
		if got := resp.Header.Get("Content-Security-Policy"); got != want {
			t.Errorf("/%s: Content-Security-Policy\n%q\nwant the _headers one\n%q", name, got, want)
		}
		if strings.HasSuffix(name, ".svg") {
			svgs++
		}
		if strings.Contains(want, "sha256-") {
			inline++
		}
	}
	if svgs < 2 || inline == 0 {
		t.Errorf("%d SVGs and %d pages with inline styles checked; want the favicon and the chart, and single-file editions", svgs, inline)
	}
}

// TestIdleConnectionsClosed: a keep-alive connection that sends no
// further request is closed by the server, and the timeouts are set.
func TestIdleConnectionsClosed(t *testing.T) {
	if idleTimeout <= 0 || idleTimeout > time.Minute || readHeaderTimeout <= 0 {
		t.Fatalf("timeouts: idle %v, header %v", idleTimeout, readHeaderTimeout)
	}
	dir := newProject(t)
	srv, _ := newServer(t, dir, Options{})
	srv.idle = 200 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET /en/ HTTP/1.1\r\nHost: "+ln.Addr().String()+"\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.Close {
		t.Fatal("the server closed the connection after the response; want keep-alive")
	}
	// Now idle: the server must close the connection.
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	_, err = br.ReadByte()
	if !errors.Is(err, io.EOF) {
		t.Fatalf("idle connection: read %v after %v; want the server to close it", err, time.Since(start))
	}
}
