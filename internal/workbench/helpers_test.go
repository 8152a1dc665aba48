package workbench_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cecot/internal/pofiles"
	"cecot/internal/preview"
	"cecot/internal/projecttest"
	"cecot/internal/status"
	"cecot/internal/translate"
)

// repo is the project's own folder, two levels up.
const repo = "../.."

// patience is how long a test waits for what must happen: a deadline
// for correctness on a loaded machine, not a speed target.
const patience = 30 * time.Second

// newProject copies the real site (content, layouts, interface strings,
// glossary, assets, site.toml) into a temporary folder, so that tests
// can edit it.
func newProject(t testing.TB) string {
	t.Helper()
	return projecttest.Copy(t)
}

func readFile(t testing.TB, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
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

// replaceIn replaces old with new in a file of the project, once, and
// fails when old is not there.
func replaceIn(t testing.TB, dir, name, old, new string) {
	t.Helper()
	s := readFile(t, dir, name)
	if !strings.Contains(s, old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	writeFile(t, dir, name, strings.Replace(s, old, new, 1))
}

// served is a preview server of a project on a free local port.
type served struct {
	*preview.Server
	dir, url string
	rebuilt  chan preview.Report
}

func serve(t testing.TB, dir string) *served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	rebuilt := make(chan preview.Report, 100)
	srv, rep, err := preview.New(ctx, preview.Options{Src: dir, Quiet: 20 * time.Millisecond, OnRebuild: func(r preview.Report) {
		select {
		case rebuilt <- r:
		default:
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Err != nil {
		t.Fatalf("the project does not build: %v", rep.Err)
	}
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
	return &served{Server: srv, dir: dir, url: "http://" + ln.Addr().String(), rebuilt: rebuilt}
}

// get fetches a path with a Host header of host ("" for the served one).
func (s *served) get(t testing.TB, path, host string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	resp, err := http.DefaultClient.Do(req)
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

// open loads a page in the tab and waits until its reload script is
// connected, so that an edit made next is seen.
func (s *served) open(t testing.TB, ctx context.Context, path string) {
	t.Helper()
	before := s.Clients()
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+path)); err != nil {
		t.Fatalf("opening %s: %v", path, err)
	}
	deadline := time.Now().Add(patience)
	for s.Clients() <= before && s.Clients() == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%s: its reload script did not connect", path)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// poll evaluates expr in the tab until it is true. chromedp.Poll gives
// up when the page navigates, which a live reload is, so it is done
// here.
func poll(t testing.TB, ctx context.Context, what, expr string) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return time.Since(start)
		}
		if time.Since(start) > patience {
			page, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + "\n" + [...document.querySelectorAll("li.row.changed, li.row.gloss")].map(li => li.innerText).join("\n---\n")`))
			t.Fatalf("%s: not within %v (%v); the page shows:\n%s", what, patience, err, page)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func eval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// keepPO runs "site po export" for lang in the project, as a
// maintainer who keeps the PO files in the repository does: each PO
// entry then holds the original's text the translation was made from,
// so an English edit made after it is a change whose earlier text is
// known.
func keepPO(t testing.TB, dir, lang string) {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	plan, err := translate.PlanExport(root.FS(), []string{lang})
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Write(root, pofiles.Dir, "content"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(pofiles.Page(lang, "submission")))); err != nil {
		t.Fatalf("the export wrote no PO file for the submission: %v", err)
	}
}

// loadStatus is the report of "site status" on the project in dir.
func loadStatus(t *testing.T, dir string) *status.Report {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	rep, err := status.Load(root.FS())
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// assertSubmissionInStep checks that status finds the submission
// translated and no PO file out of step, after what the test did.
func assertSubmissionInStep(t *testing.T, dir, after string) {
	t.Helper()
	for _, l := range loadStatus(t, dir).Languages {
		for _, p := range l.PO {
			t.Errorf("status after %s: PO out of step: %+v", after, p)
		}
		for _, p := range l.Pages {
			if p.Key == "submission" && p.State != status.Translated {
				t.Errorf("status after %s: the submission is %q (%s)", after, p.State, p.Reason)
			}
		}
	}
}
