package preview

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"cecot/internal/synth"
)

// BenchmarkEditOnePage measures watch mode on a 10,000-page bilingual
// site (5,000 pages per language): the time from the file system's event
// for an edited page to the reload message, through the real watcher,
// and how many outputs were rendered for it, against a full build in
// memory.
//
//	go test -run '^$' -bench EditOnePage ./internal/preview/
func BenchmarkEditOnePage(b *testing.B) {
	dir := b.TempDir()
	if err := synth.WriteDir(dir, synth.Options{N: 5000}); err != nil {
		b.Fatal(err)
	}
	page := findPage(b, dir, "page-00001.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reports := make(chan Report, 16)
	srv, first, err := New(ctx, Options{Src: dir, Quiet: DefaultQuiet, OnRebuild: func(r Report) { reports <- r }})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	<-reports
	if first.Err != nil {
		b.Fatal(first.Err)
	}
	full := first.Sent.Sub(first.Start)
	go srv.Watch(ctx)
	time.Sleep(200 * time.Millisecond) // let the watcher settle

	var latencies, rebuilds []time.Duration
	rendered := 0
	rel, _ := filepath.Rel(dir, page)
	rel = filepath.ToSlash(rel)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		text := string(orig) + "\nAn edit, number " + strconv.Itoa(i) + ".\n"
		if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		for {
			r := <-reports
			if r.Err != nil {
				b.Fatal(r.Err)
			}
			if slices.Contains(r.Paths, rel) {
				latencies = append(latencies, r.Sent.Sub(r.First))
				rebuilds = append(rebuilds, r.Sent.Sub(r.Start))
				rendered += r.Rendered
				break
			}
		}
	}
	b.StopTimer()
	med := median(latencies)
	b.ReportMetric(ms(med), "event-to-reload-ms")
	b.ReportMetric(ms(median(rebuilds)), "rebuild-ms")
	b.ReportMetric(float64(rendered)/float64(len(latencies)), "rendered/op")
	b.ReportMetric(ms(full), "full-build-ms")
	b.ReportMetric(float64(first.Rendered), "full-rendered")
	b.ReportMetric(float64(full)/float64(median(rebuilds)), "full/rebuild")
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// findPage returns the path of the English page file called name.
func findPage(b *testing.B, dir, name string) string {
	var found string
	_ = filepath.WalkDir(filepath.Join(dir, "content", "en"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && found == "" && d.Name() == name {
			found = p
		}
		return nil
	})
	if found == "" || !strings.HasSuffix(found, ".md") {
		b.Fatalf("no %s in the synthetic site", name)
	}
	return found
}
