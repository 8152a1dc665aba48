package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// quiet is the tests' quiet period. It is longer than serve's, because
// a burst of writes on a loaded machine (CI runs the packages' tests in
// parallel on two cores) can pause longer than serve's 30 ms between
// two writes, and a test that says "one burst, one batch" must not fail
// for that.
const quiet = 300 * time.Millisecond

func start(t *testing.T, root string) <-chan Batch {
	t.Helper()
	w, err := New(root, []string{"content", "assets"}, []string{"site.toml"}, quiet)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan Batch)
	done := make(chan struct{})
	go func() { w.Run(ctx, out); close(done) }()
	t.Cleanup(func() { cancel(); <-done; w.Close() })
	return out
}

func write(t *testing.T, root, name, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func next(t *testing.T, out <-chan Batch) Batch {
	t.Helper()
	select {
	case b := <-out:
		return b
	case <-time.After(20 * time.Second):
		t.Fatal("no batch within 20s")
	}
	return Batch{}
}

// none checks that no batch follows.
func none(t *testing.T, out <-chan Batch) {
	t.Helper()
	select {
	case b := <-out:
		t.Fatalf("unexpected batch %v", b.Paths)
	case <-time.After(3 * quiet):
	}
}

func TestBatches(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/en/a.md", "a")
	write(t, root, "site.toml", "x")
	out := start(t, root)

	t.Run("burst is one batch", func(t *testing.T) {
		var want []string
		for i := range 200 {
			name := fmt.Sprintf("content/en/p%03d.md", i)
			write(t, root, name, "x")
			want = append(want, name)
		}
		b := next(t, out)
		if !slices.Equal(b.Paths, want) {
			t.Errorf("got %d paths, want the 200 files: %v", len(b.Paths), b.Paths[:min(5, len(b.Paths))])
		}
		none(t, out)
	})
	t.Run("save by rename", func(t *testing.T) {
		tmp := filepath.Join(root, "content/en/.a.md.tmp")
		if err := os.WriteFile(tmp, []byte("new"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(root, "content/en/a.md")); err != nil {
			t.Fatal(err)
		}
		if b := next(t, out); !slices.Equal(b.Paths, []string{"content/en/a.md"}) {
			t.Errorf("got %v", b.Paths)
		}
	})
	t.Run("site.toml by rename", func(t *testing.T) {
		write(t, root, "site.toml.new", "y")
		if err := os.Rename(filepath.Join(root, "site.toml.new"), filepath.Join(root, "site.toml")); err != nil {
			t.Fatal(err)
		}
		if b := next(t, out); !slices.Contains(b.Paths, "site.toml") || slices.Contains(b.Paths, "site.toml.new") {
			t.Errorf("got %v", b.Paths)
		}
	})
	t.Run("new folder is watched", func(t *testing.T) {
		write(t, root, "content/es/news/one.md", "x")
		b := next(t, out)
		if !slices.Contains(b.Paths, "content/es/news/one.md") && !slices.Contains(b.Paths, "content/es") {
			t.Errorf("got %v", b.Paths)
		}
		write(t, root, "content/es/news/two.md", "y")
		if b := next(t, out); !slices.Equal(b.Paths, []string{"content/es/news/two.md"}) {
			t.Errorf("a file in the new folder: got %v", b.Paths)
		}
	})
	t.Run("tree created after start", func(t *testing.T) {
		write(t, root, "assets/css/site.css", "x")
		b := next(t, out)
		if !slices.Contains(b.Paths, "assets/css/site.css") {
			t.Errorf("got %v", b.Paths)
		}
		write(t, root, "assets/css/site.css", "y")
		if b := next(t, out); !slices.Equal(b.Paths, []string{"assets/css/site.css"}) {
			t.Errorf("a file in the new tree: got %v", b.Paths)
		}
	})
	t.Run("ignored", func(t *testing.T) {
		write(t, root, "README.md", "x")
		write(t, root, "content/en/a.md~", "x")
		write(t, root, "content/en/.a.md.swp", "x")
		write(t, root, "layouts/x.html", "x") // not watched in this test
		none(t, out)
	})
	t.Run("removed folder", func(t *testing.T) {
		if err := os.RemoveAll(filepath.Join(root, "content/es")); err != nil {
			t.Fatal(err)
		}
		if b := next(t, out); !slices.Contains(b.Paths, "content/es") {
			t.Errorf("got %v", b.Paths)
		}
	})
}
