package livereload

import (
	"bufio"
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestInjectKeepsThePageAsBuilt(t *testing.T) {
	for _, page := range []string{"", "<!doctype html><p>x", "<p>x</p>\n"} {
		got := Inject([]byte(page))
		if !bytes.HasPrefix(got, []byte(page)) {
			t.Errorf("Inject(%q) = %q: the built page is not kept as its prefix", page, got)
		}
		if !bytes.HasSuffix(got, []byte(Tag)) {
			t.Errorf("Inject(%q) = %q: no script tag at the end", page, got)
		}
	}
}

// stream connects to the broker and returns its events as "name data".
func stream(t *testing.T, url string) <-chan string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q, want text/event-stream", ct)
	}
	t.Cleanup(func() { resp.Body.Close() })
	events := make(chan string, 64)
	go func() {
		defer close(events)
		sc := bufio.NewScanner(resp.Body)
		var name string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				events <- name + " " + strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return events
}

func next(t *testing.T, events <-chan string) string {
	t.Helper()
	select {
	case e, ok := <-events:
		if !ok {
			t.Fatal("the event stream ended")
		}
		return e
	case <-time.After(30 * time.Second):
		t.Fatal("no event")
	}
	return ""
}

func TestBrokerSendsStatusFirstThenEvents(t *testing.T) {
	b := NewBroker(time.Hour)
	srv := httptest.NewServer(b)
	defer srv.Close()
	defer b.Close()

	b.SetStatus(Status{Started: 7, Errors: []Problem{{File: "content/es/a.md", Line: 3, Message: "front matter: bad"}}})
	events := stream(t, srv.URL)
	// A browser that connects while the site is broken sees the error at
	// once, without waiting for the next build.
	want := `status {"started":7,"errors":[{"file":"content/es/a.md","line":3,"message":"front matter: bad"}],"rebuild":1}`
	if got := next(t, events); got != want {
		t.Fatalf("first event %s, want %s", got, want)
	}
	b.Reload(Reload{Paths: []string{"/en/index.html"}})
	if got, want := next(t, events), `reload {"paths":["/en/index.html"]}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	b.SwapCSS(CSS{Sheets: []Sheet{{Old: "/a.1.css", New: "/a.2.css", Integrity: "sha384-x"}}})
	if got, want := next(t, events), `css {"sheets":[{"old":"/a.1.css","new":"/a.2.css","integrity":"sha384-x"}]}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	b.SetStatus(Status{Started: 7})
	if got, want := next(t, events), `status {"started":7,"errors":[],"rebuild":2}`; got != want {
		t.Errorf("got %s, want %s: fixing the error must clear the overlay", got, want)
	}
}

func TestBrokerDropsSlowClientsAndCloses(t *testing.T) {
	b := NewBroker(time.Hour)
	c, ok := b.subscribe()
	if !ok || b.Clients() != 1 {
		t.Fatalf("subscribe: ok=%v, %d clients", ok, b.Clients())
	}
	// Nobody reads c: once its buffer is full, the broker lets it go
	// rather than wait for it.
	for range cap(c) + 1 {
		b.Reload(Reload{All: true})
	}
	if n := b.Clients(); n != 0 {
		t.Errorf("%d clients after a slow one overflowed, want 0", n)
	}

	srv := httptest.NewServer(b)
	defer srv.Close()
	events := stream(t, srv.URL)
	deadline := time.Now().Add(30 * time.Second)
	for b.Clients() != 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	b.Close()
	select {
	case _, ok := <-events:
		for ok {
			_, ok = <-events
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Close did not end a connected stream")
	}
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("after Close: status %d, want 503", resp.StatusCode)
	}
}

func TestServeScript(t *testing.T) {
	rec := httptest.NewRecorder()
	ServeScript(rec, httptest.NewRequest("GET", ScriptPath, nil))
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
		t.Errorf("Content-Type %q", ct)
	}
	if !bytes.Equal(rec.Body.Bytes(), script) || len(script) == 0 {
		t.Error("the served script is not the embedded one")
	}
}
