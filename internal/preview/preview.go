// Package preview serves a project as it is being edited: it keeps the
// built site in memory, has engine.Incremental rebuild what a changed
// file affects, and tells the browsers showing it to reload, or shows
// them what is wrong. It is HTTP, the in-memory store and the
// watch-and-reload glue; what a change affects is the engine's business. What
// it serves is byte for byte what a build writes, apart from the tag of
// the reload script in HTML pages; it never writes a file.
package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"cecot/internal/assets"
	"cecot/internal/config"
	"cecot/internal/diag"
	"cecot/internal/engine"
	"cecot/internal/livereload"
	"cecot/internal/locale"
	"cecot/internal/parsecache"
	"cecot/internal/watch"
	"cecot/internal/words"
	"cecot/internal/workbench"
)

// DefaultQuiet is the quiet period that ends a burst of changes: long
// enough for an editor's save-by-rename (a rename and a write, which
// inotify delivers within a fraction of a millisecond) to arrive as one
// batch, and it is all the wait between saving and rebuilding, so it is
// short. A longer burst, such as a git checkout, may come as several
// batches, each rebuilt exactly.
const DefaultQuiet = 5 * time.Millisecond

// Options configure a Server.
type Options struct {
	Src   string         // the project folder
	Build engine.Options // as for a build
	// Quiet is how long no file may change before a burst of changes is
	// rebuilt at once.
	Quiet time.Duration
	// Log receives a line per rebuild and every problem, for the
	// terminal.
	Log io.Writer
	// OnRebuild, if set, is called after every rebuild, when browsers
	// were told.
	OnRebuild func(Report)
	// Editor makes the workbench's links to files; the zero Editor
	// shows file:line as text.
	Editor workbench.Editor
	// Hosts are host names, besides the address served, that requests
	// may name (site serve -addr name:port); see workbench.HostAllowed.
	Hosts []string
	// ParseCache, if set, is the project's parse cache on disk, which
	// the workbench reads and fills (see workbench.Options.Cache).
	ParseCache *parsecache.Store
	// Words say the log's lines, the error overlay and the page shown
	// while the site has never built in the translator's language; nil
	// is English.
	Words *words.Printer
}

// Report describes one rebuild.
type Report struct {
	Paths    []string  // the changed paths, relative to the project
	First    time.Time // when the first change was seen
	Start    time.Time // when the rebuild started
	Sent     time.Time // when browsers were told
	Full     bool      // the whole site was loaded and rendered
	Rendered int       // outputs rendered
	Changed  int       // files that changed or appeared
	Removed  int       // files that disappeared
	Err      error     // the site's problems, a diag.List; nil if none
	BasePath string    // the path the site is served under ("/")
}

// Server serves a project and rebuilds it when its files change.
type Server struct {
	opts    Options
	root    *os.Root
	started int64
	store   *store
	broker  *livereload.Broker
	watcher *watch.Watcher
	bench   *workbench.Handler

	idle time.Duration // idleTimeout; shorter in tests

	mu sync.Mutex // serializes rebuilds
	e  *engine.Incremental
}

// watched are what a project's build reads, relative to its folder.
var (
	watchedTrees = []string{config.ContentDir, config.LayoutsDir, locale.Dir, assets.Dir}
	watchedFiles = []string{config.File}
)

// New loads and renders the project. A project with errors still makes
// a Server, which shows the errors until they are fixed; Report.Err
// tells of them.
func New(ctx context.Context, opts Options) (*Server, Report, error) {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Words == nil {
		opts.Words = words.NewPrinter("en")
	}
	root, err := os.OpenRoot(opts.Src)
	if err != nil {
		return nil, Report{}, diag.Say("serve_project_folder", "project folder: "+err.Error(), "Err", err)
	}
	// The watcher starts before the first build: a file saved while it
	// runs, or before Watch is called, is then rebuilt, not missed.
	w, err := watch.New(root.Name(), watchedTrees, watchedFiles, opts.Quiet)
	if err != nil {
		root.Close()
		return nil, Report{}, diag.Say("serve_watching", fmt.Sprintf("watching %s: %v", root.Name(), err), "Dir", root.Name(), "Err", err)
	}
	s := &Server{
		watcher: w,
		opts:    opts,
		root:    root,
		started: time.Now().UnixNano(),
		store:   newStore(),
		broker:  livereload.NewBroker(15 * time.Second),
		e:       engine.NewIncremental(root.FS(), opts.Build),
		idle:    idleTimeout,
	}
	s.bench = workbench.New(workbench.Options{FS: root.FS(), Root: root, Hosts: opts.Hosts, Editor: opts.Editor, BasePath: s.basePath, Rebuilds: s.broker.Rebuilds, Cache: opts.ParseCache})
	r := s.Rebuild(ctx, nil, time.Now())
	return s, r, nil
}

// basePath is the path the site is served under, "/" until it built.
func (s *Server) basePath() string {
	if cfg := s.store.config(); cfg != nil {
		return cfg.BasePath()
	}
	return "/"
}

// Close stops watching and releases the project folder.
func (s *Server) Close() error {
	return errors.Join(s.watcher.Close(), s.root.Close())
}

// Clients is the number of browsers listening for reloads.
func (s *Server) Clients() int { return s.broker.Clients() }

// Rebuild rebuilds after the files at paths changed (slash-separated,
// relative to the project; none means everything), publishes the
// result and tells the browsers. first is when the change was seen.
func (s *Server) Rebuild(ctx context.Context, paths []string, first time.Time) (r Report) {
	if engine.Unread(paths) {
		// Nothing the site is made of changed: no rebuild, and no
		// new status, which would reload the pages open.
		return Report{Paths: paths, First: first}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r = Report{Paths: paths, First: first, Start: time.Now()}
	defer func() {
		// A bug must not take down the server an editor is using.
		if v := recover(); v != nil {
			r.Err = fmt.Errorf("internal error while rebuilding: %v; the last good site is still served", v)
			s.broker.SetStatus(s.status(r.Err))
		}
	}()
	oldAssets := s.assets()
	ch := s.e.Rebuild(ctx, paths)
	if ctx.Err() != nil {
		r.Err = ctx.Err()
		return r
	}
	r.Full, r.Rendered, r.Changed, r.Removed = ch.Full, ch.Rendered, len(ch.Files), len(ch.Removed)
	r.Err = s.e.Err()
	var cfgBase string
	if site := s.e.Site(); site != nil {
		s.store.apply(site.Config, ch.Files, ch.Removed, r.Err)
		cfgBase = site.Config.BasePath()
	} else {
		s.store.apply(nil, nil, nil, r.Err)
	}
	s.broker.SetStatus(s.status(r.Err))
	if len(ch.Files)+len(ch.Removed) > 0 {
		if sheets := s.swappable(paths, oldAssets, cfgBase); sheets != nil {
			s.broker.SwapCSS(livereload.CSS{Sheets: sheets})
		} else {
			s.broker.Reload(reload(ch, cfgBase))
		}
	}
	r.BasePath = cfgBase
	if r.BasePath == "" {
		r.BasePath = "/"
	}
	r.Sent = time.Now()
	s.log(r)
	if s.opts.OnRebuild != nil {
		s.opts.OnRebuild(r)
	}
	return r
}

// assets maps each asset's name to its published name.
func (s *Server) assets() map[string]livereload.Sheet {
	m := map[string]livereload.Sheet{}
	site := s.e.Site()
	if site == nil {
		return m
	}
	for _, a := range site.Assets.All() {
		m[a.Name] = livereload.Sheet{New: a.Out, Integrity: a.Integrity}
	}
	return m
}

// swappable returns the stylesheets to swap when only stylesheets
// changed, or nil if the pages must reload.
func (s *Server) swappable(paths []string, old map[string]livereload.Sheet, base string) []livereload.Sheet {
	if len(paths) == 0 || !s.e.Loaded() {
		return nil
	}
	now := s.assets()
	var sheets []livereload.Sheet
	for _, p := range paths {
		name, ok := strings.CutPrefix(p, "assets/")
		if !ok || !strings.HasSuffix(name, ".css") {
			return nil
		}
		o, n := old[name], now[name]
		if o.New == "" || n.New == "" {
			return nil // a stylesheet added or removed
		}
		if o.New != n.New {
			sheets = append(sheets, livereload.Sheet{Old: base + o.New, New: base + n.New, Integrity: n.Integrity})
		}
	}
	return sheets
}

// reload is the event that makes browsers showing a changed file reload.
func reload(ch *engine.Change, base string) livereload.Reload {
	if ch.Full && len(ch.Files)+len(ch.Removed) > 200 {
		return livereload.Reload{All: true}
	}
	var paths []string
	for name := range ch.Files {
		paths = append(paths, base+name)
	}
	for _, name := range ch.Removed {
		paths = append(paths, base+name)
	}
	sort.Strings(paths)
	return livereload.Reload{Paths: paths}
}

// status is what browsers are told after a rebuild.
func (s *Server) status(err error) livereload.Status {
	st := livereload.Status{Started: s.started}
	for _, e := range problems(err) {
		p := livereload.Problem{Message: s.say(e)}
		var d *diag.Error
		if errors.As(e, &d) && d.Path != "" {
			p = livereload.Problem{File: d.Path, Line: d.Line, Message: s.say(d.Err)}
		}
		st.Errors = append(st.Errors, p)
	}
	if n := len(st.Errors); n > 0 && s.opts.Words.Lang() != "en" {
		w := s.opts.Words
		st.Words = &livereload.Words{Title: w.N("overlay_title", n), Note: w.T("overlay_note"), Hide: w.T("overlay_hide")}
	}
	return st
}

// say is err in the translator's language; in English, as it reads.
func (s *Server) say(err error) string {
	if s.opts.Words.Lang() == "en" {
		return err.Error()
	}
	return s.opts.Words.Error(err)
}

// problems flattens err into its list of problems.
func problems(err error) []error {
	if err == nil {
		return nil
	}
	var list diag.List
	if errors.As(err, &list) {
		return list
	}
	return []error{err}
}

func (s *Server) log(r Report) {
	w := s.opts.Words
	for _, warning := range s.e.Warnings() {
		fmt.Fprintf(s.opts.Log, "site: %s: %s\n", w.T("label_warning"), s.say(warning))
	}
	for _, e := range problems(r.Err) {
		fmt.Fprintf(s.opts.Log, "site: %s: %s\n", w.T("label_error"), s.say(e))
	}
	what := "rebuilt"
	if r.Paths == nil {
		what = "built"
	}
	took := r.Sent.Sub(r.First).Round(100 * time.Microsecond)
	var line string
	switch {
	case r.Err != nil:
		line = fmt.Sprintf("%s with problems (%d files rendered) in %v; fix them and save; the last good version of each page is served", what, r.Rendered, took)
		if w.Lang() != "en" {
			line = w.T("serve_"+what+"_problems", "Rendered", r.Rendered, "Took", took)
		}
	default:
		line = fmt.Sprintf("%s %d files (%d rendered, %d changed, %d removed) in %v", what, s.e.Files(), r.Rendered, r.Changed, r.Removed, took)
		if w.Lang() != "en" {
			line = w.T("serve_"+what, "Files", s.e.Files(), "Rendered", r.Rendered, "Changed", r.Changed, "Removed", r.Removed, "Took", took)
		}
	}
	fmt.Fprintf(s.opts.Log, "site: %s\n", line)
}

// Watch rebuilds whenever the project's files change, until ctx is done.
// It is called once per Server.
func (s *Server) Watch(ctx context.Context) error {
	batches := make(chan watch.Batch)
	done := make(chan error, 1)
	go func() { done <- s.watcher.Run(ctx, batches) }()
	for {
		select {
		case b := <-batches:
			s.Rebuild(ctx, b.Paths, b.First)
		case err := <-done:
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
	}
}

// Serve serves the site on ln and rebuilds on changes until ctx is done,
// then shuts down: browsers listening for reloads are let go first, so
// that no connection holds the shutdown up.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       s.idle,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	srv.RegisterOnShutdown(s.broker.Close)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 2)
	var watching sync.WaitGroup
	watching.Go(func() {
		if err := s.Watch(ctx); err != nil {
			errc <- err
		}
	})
	go func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			errc <- err
		}
	}()
	var err error
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	cancel()
	// Requests in flight get a moment to finish; connections a browser
	// opened in advance and never used are then closed, not waited for.
	shut, done := context.WithTimeout(context.Background(), 2*time.Second)
	defer done()
	if serr := srv.Shutdown(shut); serr != nil {
		srv.Close()
	}
	watching.Wait()
	return err
}
