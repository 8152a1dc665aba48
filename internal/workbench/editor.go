package workbench

import (
	"fmt"
	"html/template"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
)

// EditorEnv is the environment variable that holds the editor link
// when "site serve -editor" does not give one.
const EditorEnv = "SITE_EDITOR_URL"

// Editor makes links that open a file at a line in the maintainer's
// editor, from a pattern such as "vscode://file/{file}:{line}": {file}
// is the file's absolute path, {path} its path in the project and {line}
// the line. The zero Editor makes no links: the workbench then shows
// file:line as text to copy.
type Editor struct {
	pattern string
	root    string // the project's absolute path
}

// Some editors' patterns, for the help text and the docs.
var EditorExamples = []string{
	"vscode://file/{file}:{line}",
	"idea://open?file={file}&line={line}",
	"subl://open?url=file://{file}&line={line}",
}

// NewEditor checks pattern and returns its Editor for the project at
// root. An empty pattern gives the zero Editor.
func NewEditor(pattern, root string) (Editor, error) {
	if pattern == "" {
		return Editor{}, nil
	}
	if !strings.Contains(pattern, "{file}") && !strings.Contains(pattern, "{path}") {
		return Editor{}, fmt.Errorf("editor link %q names no file; put {file} (the absolute path) or {path} where it goes, and {line} for the line, as in %s", pattern, EditorExamples[0])
	}
	u, err := url.Parse(strings.NewReplacer("{file}", "/f", "{path}", "f", "{line}", "1").Replace(pattern))
	if err != nil || u.Scheme == "" {
		return Editor{}, fmt.Errorf("editor link %q is not a link like %s", pattern, EditorExamples[0])
	}
	switch strings.ToLower(u.Scheme) {
	case "javascript", "data", "vbscript", "blob", "about", "file":
		return Editor{}, fmt.Errorf("editor link %q: a %s: link cannot open an editor; use the editor's own scheme, as in %s", pattern, u.Scheme, EditorExamples[0])
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return Editor{}, err
	}
	return Editor{pattern: pattern, root: abs}, nil
}

// Link returns the link that opens p in the editor, or "" when there is
// no editor. The pattern was checked by NewEditor, so the link is marked
// safe for html/template, which would otherwise refuse an editor's
// scheme.
func (e Editor) Link(p Pos) template.URL {
	if e.pattern == "" || p.File == "" {
		return ""
	}
	line := max(p.Line, 1)
	abs := filepath.ToSlash(filepath.Join(e.root, filepath.FromSlash(p.File)))
	// "vscode://file/{file}" with "/home/ana/x.md" is one slash, not two.
	return template.URL(strings.NewReplacer(
		"/{file}", pathEscape("/"+strings.TrimPrefix(abs, "/")),
		"{file}", pathEscape(abs),
		"{path}", pathEscape(p.File),
		"{line}", strconv.Itoa(line),
	).Replace(e.pattern))
}

// pathEscape escapes a path for a link, keeping its slashes.
func pathEscape(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}
