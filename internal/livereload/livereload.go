// Package livereload keeps browsers that show a site in watch mode up to
// date: a small script, loaded only by served pages, listens for
// Server-Sent Events and reloads the page, swaps a changed stylesheet in
// place, or lays the build's errors over the page.
package livereload

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Paths the server answers besides the site's own files. They are under
// a folder that a site cannot have, as content URLs never start with "_".
const (
	ScriptPath = "/_site/reload.js"
	EventsPath = "/_site/events"
)

//go:embed reload.js
var script []byte

// Tag is the element that Inject adds to served pages.
const Tag = `<script src="` + ScriptPath + `" defer></script>`

// Inject returns html with the reload script's tag appended. Appending
// keeps the page as built, byte for byte, in front of the tag; browsers
// run a script after </html> as if it were at the end of the body.
func Inject(html []byte) []byte {
	out := make([]byte, 0, len(html)+len(Tag)+1)
	out = append(out, html...)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	return append(out, Tag...)
}

// ServeScript serves the reload script.
func ServeScript(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	http.ServeContent(w, r, "reload.js", time.Time{}, bytes.NewReader(script))
}

// Problem is one build error, for the overlay.
type Problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

// Status is the state of the site after a build, sent to every browser
// when it connects and after every rebuild.
type Status struct {
	// Started identifies the server process: a browser that sees it
	// change reconnected to a new server and reloads.
	Started int64     `json:"started"`
	Errors  []Problem `json:"errors"`
	// Rebuild counts the statuses set, one per rebuild: a page made
	// from the project as a whole, such as the translator's workbench,
	// records the count it was made at (RebuildMeta) and reloads when
	// it differs, so that it misses no rebuild, even one that happened
	// while it was loading.
	Rebuild int64 `json:"rebuild"`
	// Words are the error overlay's own words in the translator's
	// language; the script has English ones when they are missing.
	Words *Words `json:"words,omitempty"`
}

// Words are the error overlay's title, note and button.
type Words struct {
	Title string `json:"title"` // "The site has 2 problems"
	Note  string `json:"note"`  // what to do
	Hide  string `json:"hide"`  // the button that hides the overlay
}

// RebuildMeta is the name of the <meta> element whose content is the
// Status.Rebuild a page was made at.
const RebuildMeta = "site-rebuild"

// Reload asks browsers showing one of Paths, or any page if All, to
// reload. Paths are URL paths from the server root, with index.html for
// folders ("/en/report/index.html").
type Reload struct {
	All   bool     `json:"all,omitempty"`
	Paths []string `json:"paths,omitempty"`
}

// Sheet is a stylesheet whose published name changed.
type Sheet struct {
	Old       string `json:"old"` // URL path from the server root
	New       string `json:"new"`
	Integrity string `json:"integrity"`
}

// CSS asks browsers to swap stylesheets without reloading the page.
type CSS struct {
	Sheets []Sheet `json:"sheets"`
}

type message struct {
	event string
	data  []byte
}

// Broker sends events to every connected browser. Its zero value is not
// usable; call NewBroker.
type Broker struct {
	mu      sync.Mutex
	clients map[chan message]struct{}
	status  message // sent first to every new client
	rebuild int64   // statuses set
	closed  bool
	beat    time.Duration
}

// NewBroker returns a broker whose connections send a comment every
// heartbeat, so that proxies keep them open and dead ones are noticed.
func NewBroker(heartbeat time.Duration) *Broker {
	return &Broker{clients: map[chan message]struct{}{}, beat: heartbeat}
}

// SetStatus records the site's status and sends it to every browser.
func (b *Broker) SetStatus(s Status) {
	if s.Errors == nil {
		s.Errors = []Problem{}
	}
	b.mu.Lock()
	b.rebuild++
	s.Rebuild = b.rebuild
	m := encode("status", s)
	b.status = m
	b.mu.Unlock()
	b.send(m)
}

// Rebuilds is the number of statuses set so far: a page made now
// records it as its Status.Rebuild.
func (b *Broker) Rebuilds() int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.rebuild
}

// Reload sends a Reload event.
func (b *Broker) Reload(r Reload) { b.send(encode("reload", r)) }

// SwapCSS sends a CSS event.
func (b *Broker) SwapCSS(c CSS) { b.send(encode("css", c)) }

func encode(event string, v any) message {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err) // only our own plain structs are encoded
	}
	return message{event: event, data: data}
}

// send queues m for every client. A client too slow to keep up is
// disconnected rather than waited for; its browser reconnects and gets
// the current status.
func (b *Broker) send(m message) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for c := range b.clients {
		select {
		case c <- m:
		default:
			delete(b.clients, c)
			close(c)
		}
	}
}

// Clients is the number of connected browsers.
func (b *Broker) Clients() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.clients)
}

// Close disconnects every browser and refuses new ones, so that a server
// shutting down does not wait for them.
func (b *Broker) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	for c := range b.clients {
		delete(b.clients, c)
		close(c)
	}
}

func (b *Broker) subscribe() (chan message, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, false
	}
	c := make(chan message, 16)
	if b.status.event != "" {
		c <- b.status
	}
	b.clients[c] = struct{}{}
	return c, true
}

func (b *Broker) unsubscribe(c chan message) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.clients[c]; ok {
		delete(b.clients, c)
		close(c)
	}
}

// ServeHTTP streams events to one browser until it disconnects or the
// broker closes.
func (b *Broker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	c, ok := b.subscribe()
	if !ok {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer b.unsubscribe(c)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	// A browser whose connection dropped retries after a second.
	if _, err := fmt.Fprint(w, "retry: 1000\n\n"); err != nil || rc.Flush() != nil {
		return
	}
	beat := time.NewTicker(b.beat)
	defer beat.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case m, ok := <-c:
			if !ok {
				return
			}
			_, err = fmt.Fprintf(w, "event: %s\ndata: %s\n\n", m.event, m.data)
		case <-beat.C:
			_, err = fmt.Fprint(w, ": ping\n\n")
		}
		if err != nil || rc.Flush() != nil {
			return
		}
	}
}
