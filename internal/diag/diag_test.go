package diag

import (
	"errors"
	"io/fs"
	"syscall"
	"testing"
)

func TestCannotRead(t *testing.T) {
	pe := func(err error) error { return &fs.PathError{Op: "openat", Path: "content/en/x.md", Err: err} }
	for _, c := range []struct {
		err  error
		want string
	}{
		{pe(errors.New("path escapes from parent")), "content/en/x.md: symbolic link to a file outside the project, which the build does not read; copy the file into the project instead"},
		{pe(syscall.ELOOP), "content/en/x.md: symbolic links that lead in a circle; replace the link with the file itself"},
		{pe(fs.ErrNotExist), "content/en/x.md: gone while being read (moved or deleted), or a symbolic link to nothing; if it is a link, fix it or remove it"},
		{pe(fs.ErrPermission), "content/en/x.md: cannot read: permission denied; make the file readable (chmod a+r)"},
		{pe(syscall.EIO), "content/en/x.md: cannot read: input/output error"},
	} {
		if got := CannotRead("content/en/x.md", c.err).Error(); got != c.want {
			t.Errorf("CannotRead(%v)\n got %s\nwant %s", c.err, got, c.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"title", "description", "date", "slug", "translated_from"}
	for word, want := range map[string]string{
		"titel":          "title",
		"Title":          "title",
		"descripton":     "description",
		"translatedfrom": "translated_from",
		"colour":         "",
		"x":              "",
	} {
		if got := Suggest(word, keys); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", word, got, want)
		}
	}
}
