package preview

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestChurn renames and deletes files and folders while the server
// rebuilds, so that rebuilds race files that vanish under them. The
// server must keep serving the pages that stay, and once the churn
// stops it must serve what a build makes.
func TestChurn(t *testing.T) {
	d := startServer(t, newProject(t))
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			dir := filepath.Join(d.dir, "content/en/tmp")
			os.MkdirAll(dir, 0o755)
			for j := range 5 {
				os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%d.md", j)), []byte(fmt.Sprintf("+++\ntitle = \"P%d\"\n+++\n\nText %d.\n", j, i)), 0o644)
			}
			os.Rename(dir, dir+"2")
			os.Rename(filepath.Join(dir+"2", "p1.md"), filepath.Join(d.dir, "content/en/moved.md"))
			os.RemoveAll(dir + "2")
			os.Remove(filepath.Join(d.dir, "content/en/moved.md"))
			// A layout that comes and goes makes full loads race too.
			extra := filepath.Join(d.dir, "layouts/extra.html")
			if i%3 == 0 {
				os.WriteFile(extra, []byte("{{define \"main\"}}x{{end}}"), 0o644)
			} else {
				os.Remove(extra)
			}
			time.Sleep(time.Duration(i%7) * time.Millisecond)
		}
	}()
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(d.url + "/en/about/")
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("GET /en/about/ during churn: %d", resp.StatusCode)
		}
	}
	close(stop)
	<-done
	want, err := built(t, d.dir)
	if err != nil {
		t.Fatal(err)
	}
	// On a busy machine the last rebuilds may still be running: give
	// them time, but a difference that stays is a failure.
	deadline = time.Now().Add(patience)
	for {
		waitQuiet(d)
		err := diffFiles(d.Server, want)
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the churn: %v", err)
		}
	}
}
