package workbench

import (
	"strings"
	"testing"
)

func TestEditor(t *testing.T) {
	e, err := NewEditor("vscode://file/{file}:{line}", "/home/ana/cecot")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := e.Link(Pos{"content/es/mi página.md", 14}), "vscode://file/home/ana/cecot/content/es/mi%20p%C3%A1gina.md:14"; string(got) != want {
		t.Errorf("link %s, want %s", got, want)
	}
	e, _ = NewEditor("myeditor://open?path={path}&line={line}", "/p")
	if got, want := e.Link(Pos{"content/en/a.md", 0}), "myeditor://open?path=content/en/a.md&line=1"; string(got) != want {
		t.Errorf("link %s, want %s", got, want)
	}
	if got := (Editor{}).Link(Pos{"content/en/a.md", 3}); got != "" {
		t.Errorf("no editor gives %q", got)
	}
	for _, bad := range []string{"javascript:alert({file})", "vscode://open", "{file}:{line}", "data:text/html,{file}", "file://{file}"} {
		if _, err := NewEditor(bad, "/p"); err == nil {
			t.Errorf("NewEditor(%q) accepted it", bad)
		} else if !strings.Contains(err.Error(), "editor link") {
			t.Errorf("NewEditor(%q): %v", bad, err)
		}
	}
}
