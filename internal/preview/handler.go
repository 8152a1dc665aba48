package preview

import (
	"fmt"
	"html"
	"net/http"
	"strconv"
	"strings"

	"cecot/internal/assets"
	"cecot/internal/livereload"
	"cecot/internal/workbench"
)

// contentType is the Content-Type of a file of the site: its media type
// from the site's one table (assets.MediaType), as UTF-8 for text, or
// sniffed when the table does not know it.
func contentType(name string, data []byte) string {
	t := assets.MediaType(name)
	switch {
	case t == "":
		return http.DetectContentType(data)
	case strings.HasPrefix(t, "text/"):
		return t + "; charset=utf-8"
	}
	return t
}

// ServeHTTP serves the site from memory, with clean URLs and each
// language's 404 page, and the live-reload script and events.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w = s.secure(w, r)
	if !workbench.HostAllowed(r, s.opts.Hosts) {
		// Another site's page, reaching this server through a name of
		// its own (DNS rebinding), must not read drafts or the workbench.
		http.Error(w, "forbidden: this preview answers only at the address it serves", http.StatusForbidden)
		return
	}
	if strings.HasPrefix(r.URL.Path, StatusPath) {
		s.bench.ServeHTTP(w, r)
		return
	}
	switch r.URL.Path {
	case livereload.ScriptPath:
		livereload.ServeScript(w, r)
		return
	case livereload.EventsPath:
		s.broker.ServeHTTP(w, r)
		return
	case strings.TrimSuffix(StatusPath, "/"):
		http.Redirect(w, r, StatusPath, http.StatusMovedPermanently)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if !clean(r.URL.Path, r.URL.RawPath) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	cfg := s.store.config()
	if cfg == nil {
		s.serveBroken(w)
		return
	}
	base := cfg.BasePath()
	rel, ok := strings.CutPrefix(r.URL.Path, base)
	if !ok {
		if r.URL.Path+"/" == base || r.URL.Path == "/" {
			http.Redirect(w, r, base, http.StatusFound)
			return
		}
		s.serveNotFound(w, r, cfg.DefaultLanguage)
		return
	}
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if data, ok := s.store.get(name); ok {
		s.serveFile(w, r, name, data, http.StatusOK)
		return
	}
	if _, ok := s.store.get(name + "/index.html"); ok {
		target := r.URL.Path + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	lang, _, _ := strings.Cut(rel, "/")
	if cfg.Language(lang) == nil {
		lang = cfg.DefaultLanguage
	}
	s.serveNotFound(w, r, lang)
}

// clean reports whether a request path names a file inside the site:
// no "." or ".." segments, empty segments, backslashes, NUL bytes or
// encoded slashes. Files are served from memory by name, so nothing
// outside the site could be reached anyway; such paths are refused
// outright rather than guessed at.
func clean(p, raw string) bool {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") || strings.Contains(p, "//") {
		return false
	}
	if lower := strings.ToLower(raw); strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") || strings.Contains(lower, "%00") {
		return false
	}
	for _, seg := range strings.Split(p[1:], "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// serveNotFound sends a language's 404 page.
func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request, lang string) {
	if data, ok := s.store.get(lang + "/404.html"); ok {
		s.serveFile(w, r, lang+"/404.html", data, http.StatusNotFound)
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// serveFile sends a file of the site, with the headers secure set;
// HTML gets the reload script.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, name string, data []byte, code int) {
	ct := contentType(name, data)
	if strings.HasPrefix(ct, "text/html") {
		data = livereload.Inject(data)
	}
	h := w.Header()
	if h.Get("Content-Type") == "" { // _headers may give one (feeds)
		h.Set("Content-Type", ct)
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// serveBroken answers every request while the project has never built:
// a page that lists the problems and reloads once they are fixed.
func (s *Server) serveBroken(w http.ResponseWriter) {
	err := s.store.problems()
	var b strings.Builder
	say := s.opts.Words
	if say.Lang() == "en" {
		b.WriteString("<!doctype html>\n<html lang=\"en\"><meta charset=\"utf-8\"><title>Site has problems</title>\n<h1>The site could not be built</h1>\n<p>Fix these problems and save; this page reloads by itself.</p>\n<pre>")
	} else {
		fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"%s\"><meta charset=\"utf-8\"><title>%s</title>\n<h1>%s</h1>\n<p>%s</p>\n<pre>",
			say.Lang(), html.EscapeString(say.T("serve_broken_title")), html.EscapeString(say.T("serve_broken_heading")), html.EscapeString(say.T("serve_broken_note")))
	}
	for _, e := range problems(err) {
		fmt.Fprintf(&b, "%s\n", html.EscapeString(s.say(e)))
	}
	b.WriteString("</pre>\n")
	b.WriteString(livereload.Tag)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusServiceUnavailable)
	_, _ = w.Write([]byte(b.String()))
}

// StatusPath is where the preview shows the translator's workbench:
// where each language stands, and each page beside its original.
const StatusPath = workbench.Path
