package content

import (
	"strings"

	"cecot/internal/config"
)

// ID identifies a page across languages and rebuilds: its language and
// its key. A stand-in has the ID of the page it stands for in its
// language. It is the one place where a page's Markdown file name is
// made and taken apart (File and FileID).
type ID struct {
	Lang string // language code, the name of its folder: "es"
	// Key identifies the page across languages: its path within the
	// language folder without ".md" ("report", "news/_index").
	Key string
}

// ID returns the page's ID.
func (p *Page) ID() ID { return ID{Lang: p.Lang, Key: p.Key} }

// String returns "es/news/_index".
func (id ID) String() string { return id.Lang + "/" + id.Key }

// In returns the ID of the same page in language lang.
func (id ID) In(lang string) ID { return ID{Lang: lang, Key: id.Key} }

// File returns the project path of the page's Markdown file:
// "content/es/news/_index.md".
func (id ID) File() string { return config.ContentDir + "/" + id.Lang + "/" + id.Key + ".md" }

// FileID returns the ID of the page whose Markdown file is at file, a
// slash-separated project path like "content/es/report.md". It reports
// false for a path that is not a Markdown file inside a language folder;
// whether the site has that language is for the caller to check.
func FileID(file string) (ID, bool) {
	rel, ok := strings.CutPrefix(file, config.ContentDir+"/")
	if !ok {
		return ID{}, false
	}
	lang, name, ok := strings.Cut(rel, "/")
	key, md := strings.CutSuffix(name, ".md")
	if !ok || !md || lang == "" || key == "" || strings.HasSuffix(key, "/") {
		return ID{}, false
	}
	return ID{Lang: lang, Key: key}, true
}
