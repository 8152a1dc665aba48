package main

import (
	"cecot/internal/cputime"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"cecot/internal/engine"
	"cecot/internal/parsecache"
	"cecot/internal/status"
	"cecot/internal/synth"
	"cecot/internal/translate"
	"cecot/internal/workbench"
)

// translatorSite writes the synthetic site of 2,000 pages a language
// (once: later runs reuse it) with its PO files exported, as a project
// that keeps them. The export is run every time, so that the PO files
// are what this version of the code writes: a project whose translators
// use these tools, rather than one whose every PO file an older export
// wrote and status finds out of step.
func translatorSite(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "cecot-bench-translators-2000")
	if _, err := os.Stat(filepath.Join(dir, ".done")); err != nil {
		_ = os.RemoveAll(dir)
		if err := synth.WriteDir(dir, synth.Options{N: 2000}); err != nil {
			b.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	plan, err := translate.PlanExport(root.FS(), nil)
	if err != nil {
		b.Fatal(err)
	}
	if err := plan.Write(root, "locales/po", "content"); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".done"), nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkTranslatorTools times, on one synthetic site of 2,000 pages a
// language with PO files, a whole build and what translators run: "site
// status", "site po export" (worked out, not written) and one page of
// the workbench, without the parse cache on disk, with it empty and
// with it filled by an earlier run. Issue 19 asks each of the tools to
// take less time than the build.
func BenchmarkTranslatorTools(b *testing.B) {
	dir := translatorSite(b)
	root, err := os.OpenRoot(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	fsys := root.FS()
	b.Run("build", func(b *testing.B) {
		outs := b.TempDir()
		i := 0
		defer reportCPU(b, cputime.Used())
		for b.Loop() {
			out := filepath.Join(outs, "public")
			if _, err := engine.Build(context.Background(), dir, out, engine.Options{}); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("status", func(b *testing.B) {
		defer reportCPU(b, cputime.Used())
		for b.Loop() {
			if _, err := status.Load(fsys); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The parse cache on disk (.cache/parse/, here in a folder of the
	// benchmark's): a status on a project whose cache is empty (parse,
	// then save everything), and one after it, nothing changed (decode).
	cache := filepath.Join(b.TempDir(), parsecache.DirName)
	cachedStatus := func(b *testing.B) {
		fsys := translate.CachedOnDisk(fsys, parsecache.Open(cache))
		if _, err := status.Load(fsys); err != nil {
			b.Fatal(err)
		}
		if err := translate.SaveCache(fsys); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("status-cache-empty", func(b *testing.B) {
		defer reportCPU(b, cputime.Used())
		for b.Loop() {
			b.StopTimer()
			if err := os.RemoveAll(cache); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			cachedStatus(b)
		}
	})
	b.Run("status-cache-second", func(b *testing.B) {
		cachedStatus(b)
		defer reportCPU(b, cputime.Used())
		for b.Loop() {
			cachedStatus(b)
		}
	})
	b.Run("po-export-cache-second", func(b *testing.B) {
		cachedStatus(b)
		defer reportCPU(b, cputime.Used())
		for b.Loop() {
			fsys := translate.CachedOnDisk(fsys, parsecache.Open(cache))
			if _, err := translate.PlanExport(fsys, nil); err != nil {
				b.Fatal(err)
			}
			if err := translate.SaveCache(fsys); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("po-export", func(b *testing.B) {
		defer reportCPU(b, cputime.Used())
		for b.Loop() {
			if _, err := translate.PlanExport(fsys, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	// A page of the synthetic site's first section.
	const page = "/_status/es/findings/part-01/page-00001"
	b.Run("workbench-first-page", func(b *testing.B) {
		// The first request of a workbench just started: nothing
		// parsed yet.
		defer reportCPU(b, cputime.Used())
		for b.Loop() {
			getPage(b, workbench.New(workbench.Options{FS: fsys}), page)
		}
	})
	b.Run("workbench-first-page-cache-second", func(b *testing.B) {
		// The first request of a workbench started again (site serve
		// after an earlier run or command): what was parsed is decoded
		// from the parse cache on disk.
		cachedStatus(b)
		defer reportCPU(b, cputime.Used())
		for b.Loop() {
			h := workbench.New(workbench.Options{FS: fsys, Cache: parsecache.Open(cache)})
			getPage(b, h, page)
			if err := h.SaveCache(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("workbench-page", func(b *testing.B) {
		// A request after the first, as a translator moves from page
		// to page or reloads after an edit: what was parsed is kept.
		h := workbench.New(workbench.Options{FS: fsys})
		getPage(b, h, page)
		defer reportCPU(b, cputime.Used())
		for b.Loop() {
			getPage(b, h, page)
		}
	})
}

func getPage(b *testing.B, h http.Handler, target string) {
	b.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	if rec.Code != http.StatusOK {
		b.Fatalf("GET %s: %d\n%.500s", target, rec.Code, rec.Body)
	}
}

// reportCPU reports the CPU seconds per iteration since start: on a
// machine that others share, how much work each tool does is steadier
// than how long it waits for the cores.
func reportCPU(b *testing.B, start time.Duration) {
	if b.N > 0 {
		b.ReportMetric((cputime.Used()-start).Seconds()/float64(b.N), "cpu-s/op")
	}
}
