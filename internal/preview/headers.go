package preview

import (
	"net/http"
	"strings"
	"time"

	"cecot/internal/engine"
)

// Timeouts of the preview's connections. A request's headers must come
// within readHeaderTimeout, and a keep-alive connection with no request
// is closed after idleTimeout, so that idle browsers and scripts cannot
// hold connections open forever. There is no read or write timeout: the
// reload events are one response that lasts as long as the page is open.
const (
	readHeaderTimeout = 10 * time.Second
	idleTimeout       = 30 * time.Second
)

// reloadSources are what the preview adds to an HTML page's policy: the
// reload script it injects, and the events that script listens to, both
// served by the preview itself. A built site runs no script.
const reloadSources = "; script-src 'self'; connect-src 'self'"

// secure sets on w the headers that a host applying the build's _headers
// sends for r's path (engine.HeaderRules, from the very _headers file
// the preview serves), or else the security headers every file of the
// site gets; and it returns w wrapped so that an HTML response's policy
// also lets the reload script run. Caching headers are left out: the
// preview sends every response with "no-store", so that an edit shows
// at once.
func (s *Server) secure(w http.ResponseWriter, r *http.Request) http.ResponseWriter {
	hs := s.store.headers(r.URL.Path)
	if !hasHeader(hs, "Content-Security-Policy") {
		hs = engine.SecurityHeaders()
	}
	h := w.Header()
	for _, kv := range hs {
		if strings.EqualFold(kv[0], "Cache-Control") {
			continue
		}
		h.Set(kv[0], kv[1])
	}
	h.Set("Cache-Control", "no-store")
	return &reloadPolicy{ResponseWriter: w}
}

func hasHeader(hs [][2]string, name string) bool {
	for _, kv := range hs {
		if strings.EqualFold(kv[0], name) {
			return true
		}
	}
	return false
}

// reloadPolicy adds reloadSources to the policy of an HTML response when
// its headers are written, once its Content-Type is known.
type reloadPolicy struct {
	http.ResponseWriter
	done bool
}

func (w *reloadPolicy) allow() {
	if w.done {
		return
	}
	w.done = true
	h := w.Header()
	csp := h.Get("Content-Security-Policy")
	if csp != "" && !strings.Contains(csp, "script-src") && strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		h.Set("Content-Security-Policy", csp+reloadSources)
	}
}

func (w *reloadPolicy) WriteHeader(code int) {
	w.allow()
	w.ResponseWriter.WriteHeader(code)
}

func (w *reloadPolicy) Write(b []byte) (int, error) {
	w.allow()
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController flush the reload events.
func (w *reloadPolicy) Unwrap() http.ResponseWriter { return w.ResponseWriter }
