package images_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"cecot/internal/images"
	"cecot/internal/images/imagestest"
)

// budgetChildEnv makes the test binary, run as a child by
// BenchmarkMemoryBudget, prepare copies of a photograph ("4:photo.jpg":
// four copies), print how long that took in nanoseconds and exit (see
// TestMain), so that the parent can read the child's peak memory.
const budgetChildEnv = "IMAGES_BENCH_BUDGET_CHILD"

// prepareMany prepares n copies of the photograph in file as a build
// does, with no cache: each is decoded once and published at 480, 960
// and 1440 px. It returns how long that took.
func prepareMany(n int, file string) (time.Duration, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0, err
	}
	fsys := fstest.MapFS{}
	for i := range n {
		fsys[fmt.Sprintf("content/en/photo%02d.jpg", i)] = &fstest.MapFile{Data: data}
	}
	start := time.Now()
	_, warns, err := images.Load(fsys, images.Options{Languages: []string{"en"}, Default: "en"})
	if err == nil && len(warns) > 0 {
		err = fmt.Errorf("%v", warns)
	}
	return time.Since(start), err
}

// BenchmarkMemoryBudget prepares one, four and sixteen 24 Mpx (6000 ×
// 4000) photographs in a child process at 2 and 16 cores (GOMAXPROCS),
// and reports the child's peak resident memory (peak-MB) and the time
// it took to prepare them (s). The photograph is made once, before.
// Run it alone, once per case:
//
//	go test ./internal/images -run '^$' -bench MemoryBudget -benchtime 1x
func BenchmarkMemoryBudget(b *testing.B) {
	if _, ok := peakKB(nil); !ok {
		b.Skip("reads the peak resident memory of a child from Linux's rusage")
	}
	photo := filepath.Join(b.TempDir(), "photo.jpg")
	if err := os.WriteFile(photo, imagestest.Photo(6000, 4000), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, procs := range []int{2, 16} {
		for _, n := range []int{1, 4, 16} {
			b.Run(fmt.Sprintf("procs=%d/images=%d", procs, n), func(b *testing.B) {
				var peak int64
				var took time.Duration
				for b.Loop() {
					cmd := exec.Command(os.Args[0], "-test.run=^$")
					cmd.Env = append(os.Environ(), budgetChildEnv+"="+strconv.Itoa(n)+":"+photo, "GOMAXPROCS="+strconv.Itoa(procs))
					out, err := cmd.Output()
					if err != nil {
						b.Fatalf("%v\n%s", err, out)
					}
					ns, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
					if err != nil {
						b.Fatalf("the child said %q", out)
					}
					took += time.Duration(ns)
					kb, _ := peakKB(cmd.ProcessState)
					peak = max(peak, kb)
				}
				b.ReportMetric(float64(peak)/1024, "peak-MB")
				b.ReportMetric(took.Seconds()/float64(b.N), "s")
			})
		}
	}
}
