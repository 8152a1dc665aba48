package preview

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestFilesVanishDuringRebuilds creates, renames and deletes a page and
// an asset around the server's quiet time, so that files disappear
// between being listed and being read. Beside TestChurn, it checks what
// the server says meanwhile: only problems about the vanishing files,
// and none once they settle.
func TestFilesVanishDuringRebuilds(t *testing.T) {
	d := startServer(t, newProject(t))
	events := d.events(t)
	waitEvent(t, events, "status", nil)

	path := func(name string) string { return filepath.Join(d.dir, filepath.FromSlash(name)) }
	stop := time.Now().Add(1500 * time.Millisecond)
	for i := 0; time.Now().Before(stop); i++ {
		page := fmt.Sprintf("+++\ntitle = \"Churn %d\"\n+++\n\nText %d.\n", i, i)
		writeFile(t, d.dir, "content/en/churn.md", page)
		writeFile(t, d.dir, "assets/churn.css", "p { margin: 0 }\n")
		time.Sleep(time.Duration(i%9) * 5 * time.Millisecond) // around the server's 20 ms quiet time
		if err := os.Rename(path("content/en/churn.md"), path("content/en/churned.md")); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(path("assets/churn.css"), path("assets/churned.css")); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(i%7) * 5 * time.Millisecond)
		for _, name := range []string{"content/en/churned.md", "assets/churned.css"} {
			if err := os.Remove(path(name)); err != nil {
				t.Fatal(err)
			}
		}
		if code, body := d.get(t, "/en/about/"); code != 200 || !strings.Contains(body, "We are a test.") {
			t.Fatalf("while files vanish, GET /en/about/: %d\n%s", code, body)
		}
	}
	for {
		select {
		case r := <-d.reports:
			if r.Err != nil {
				for _, line := range strings.Split(r.Err.Error(), "\n") {
					if !strings.Contains(line, "churn") {
						t.Errorf("a vanishing file made an unrelated problem: %s", line)
					}
				}
			}
			continue
		case <-timeAfter(300):
		}
		break
	}

	save(t, d.dir, "content/en/settled.md", "+++\ntitle = \"Settled\"\n+++\n\nStill here.\n")
	waitEvent(t, events, "reload", reloads("/en/settled/index.html"))
	waitQuiet(d)
	if code, body := d.get(t, "/en/settled/"); code != 200 || !strings.Contains(body, "Still here.") {
		t.Errorf("after the churn, GET /en/settled/: %d", code)
	}
	if err := d.store.problems(); err != nil {
		t.Errorf("problems left after the files settled:\n%v", err)
	}
	compareWithBuild(t, d)
}
