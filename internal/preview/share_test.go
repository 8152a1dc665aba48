package preview

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cecot/internal/engine"
	"cecot/internal/share"
)

// TestShareImagesRedrawn: in watch mode, an edit draws again only the
// share images whose inputs it changed: none for a page's text, one for
// its title; and with a cache folder, a full reload draws none.
func TestShareImagesRedrawn(t *testing.T) {
	dir := newProject(t)
	opts := engine.Options{Shares: share.NewCache(filepath.Join(dir, filepath.FromSlash(share.DirName)))}
	ctx := context.Background()
	e := engine.NewIncremental(os.DirFS(dir), opts)
	first := e.Rebuild(ctx, nil)
	if err := e.Err(); err != nil {
		t.Fatal(err)
	}
	images := func(files map[string][]byte) []string {
		var names []string
		for name := range files {
			if strings.HasPrefix(name, "assets/share/") {
				names = append(names, name)
			}
		}
		return names
	}
	drawn := opts.Shares.Drawn()
	if n := len(images(first.Files)); n == 0 || int64(n) != drawn {
		t.Fatalf("the first load made %d share images and drew %d", n, drawn)
	}
	update := func(file, from, to string) *engine.Change {
		t.Helper()
		writeFile(t, dir, file, strings.Replace(fixture[file], from, to, 1))
		ch := e.Rebuild(ctx, []string{file})
		if ch.Full || e.Err() != nil {
			t.Fatalf("update %s: full %v, %v", file, ch.Full, e.Err())
		}
		return ch
	}

	ch := update("content/en/news/one.md", "The first story's text.", "Other words.")
	if n := opts.Shares.Drawn() - drawn; n != 0 || len(images(ch.Files)) != 0 {
		t.Errorf("editing a page's text drew %d share images and changed %q, want none", n, images(ch.Files))
	}

	ch = update("content/en/news/one.md", "First story", "Opening story")
	if n := opts.Shares.Drawn() - drawn; n != 1 {
		t.Errorf("editing a page's title drew %d share images, want 1", n)
	}
	added := images(ch.Files)
	if len(added) != 1 || !strings.HasPrefix(added[0], "assets/share/en/news/one.") || len(ch.Removed) != 1 || !strings.HasPrefix(ch.Removed[0], "assets/share/en/news/one.") {
		t.Fatalf("a new title's image: added %q, removed %q; want one image of en/news/one in place of the other", added, ch.Removed)
	}
	if page := string(ch.Files["en/news/one/index.html"]); !strings.Contains(page, added[0]) {
		t.Errorf("the page does not name its new image %s", added[0])
	}

	// The Spanish home's title is on its own image and on the language
	// chooser's, which goes with the English home.
	ch = update("content/es/_index.md", "Inicio", "Portada")
	added = images(ch.Files)
	if len(added) != 2 || len(ch.Removed) != 2 {
		t.Errorf("a new title of the Spanish home: added %q, removed %q; want its image and the chooser's", added, ch.Removed)
	}
	for _, name := range added {
		if !strings.HasPrefix(name, "assets/share/es.") && !strings.HasPrefix(name, "assets/share/index.") {
			t.Errorf("made %s", name)
		}
	}
	if root := string(ch.Files["index.html"]); !strings.Contains(root, "assets/share/index.") {
		t.Error("the chooser was not made again with its new image")
	}

	// A change to a layout loads everything again: the images come
	// from the cache folder.
	drawn = opts.Shares.Drawn()
	if ch := e.Rebuild(ctx, []string{"layouts/page.html"}); !ch.Full || opts.Shares.Drawn() != drawn {
		t.Errorf("a full load with the cache drew %d images, want 0", opts.Shares.Drawn()-drawn)
	}
}
