package content

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"cecot/internal/bounded"
	"cecot/internal/config"
	"cecot/internal/diag"
	"cecot/internal/invisible"
	"cecot/internal/parallel"
)

// Options say which languages a site has and which pages to include.
type Options struct {
	Languages []string // codes in display order
	Default   string   // the language others fall back to
	Drafts    bool     // include pages marked draft
	// NoBodies keeps the pages' Markdown out of memory: Load leaves each
	// Body nil, with its hash and word count, and ReadBody (or
	// ReadBodyIn) reads it again when the page is rendered. A one-shot
	// build uses it, so that its memory does not grow with the site's
	// text.
	NoBodies bool
}

// OptionsFor returns the options of the site that cfg configures: the
// one place they are made from the configuration.
func OptionsFor(cfg *config.Config, drafts bool) Options {
	return Options{Languages: cfg.Codes(), Default: cfg.DefaultLanguage, Drafts: drafts}
}

// Tree is the content of every language of a site: its pages by language
// and key, with stand-ins for missing translations, and each section with
// the pages it lists. (engine.Site is the whole loaded site.)
type Tree struct {
	Languages []string // codes in display order
	Default   string   // the language that others fall back to
	// Pages are ordered by language (in Languages order), then by key.
	Pages    []*Page
	byKey    map[string]map[string]*Page
	children map[*Page][]*Page
}

// Load reads every Markdown file under config.ContentDir in fsys. It reports all the
// problems it finds at once, as a diag.List.
func Load(fsys fs.FS, opts Options) (*Tree, []*Warning, error) {
	files, errs := findFiles(fsys, opts.Languages)
	pages := make([]*Page, len(files))
	warnings := make([][]*Warning, len(files))
	pageErrs := make([]error, len(files))
	parallel.For(context.Background(), len(files), func(i int) {
		pages[i], warnings[i], pageErrs[i] = readPage(fsys, files[i], !opts.NoBodies)
	})
	var warns []*Warning
	for i := range files {
		errs.Add(pageErrs[i])
		warns = append(warns, warnings[i]...)
	}
	s, err := Assemble(pages, opts)
	errs.Add(err)
	if err := errs.Err(); err != nil {
		return nil, warns, err
	}
	return s, warns, nil
}

// Assemble makes a site of parsed pages: it leaves out drafts (unless
// opts.Drafts), adds stand-ins for missing translations, gives every page
// its URL, output file and parent, and indexes sections. It sets those
// fields on the pages it is given; nil pages are skipped. Watch mode calls
// it again with the pages of changed files, without reading the others.
func Assemble(pages []*Page, opts Options) (*Tree, error) {
	s := &Tree{Languages: opts.Languages, Default: opts.Default, byKey: map[string]map[string]*Page{}}
	for _, l := range opts.Languages {
		s.byKey[l] = map[string]*Page{}
	}
	for _, p := range pages {
		if p == nil || (p.Draft && !opts.Drafts) {
			continue
		}
		if s.byKey[p.Lang] == nil {
			return nil, diag.At(p.File, 0, "lang_not_in_config", fmt.Sprintf("language %q is not in site.toml; add [languages.%s] to site.toml or move the file", p.Lang, p.Lang),
				"Lang", fmt.Sprintf("%q", p.Lang), "Key", p.Lang)
		}
		s.byKey[p.Lang][p.Key] = p
	}
	s.addStandIns()
	if err := s.assignURLs(); err != nil {
		return nil, err
	}
	s.sortPages()
	s.indexChildren()
	return s, nil
}

// findFiles lists the configured languages' Markdown files, as paths
// that FileID takes apart: a page's File, Lang and Key are one string
// each, kept once (and once in the up-to-date check's record of reads).
func findFiles(fsys fs.FS, langs []string) ([]string, diag.List) {
	var (
		files []string
		errs  diag.List
	)
	err := fs.WalkDir(fsys, config.ContentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil && p == config.ContentDir && errors.Is(err, fs.ErrNotExist) {
			home := config.ContentDir + "/" + langs[0] + "/_index.md"
			errs.Add(diag.At(config.ContentDir, 0, "content_missing", "missing; create "+home+" for the home page", "Home", home))
			return nil
		}
		if err != nil {
			errs.Add(diag.CannotRead(p, err))
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, config.ContentDir), "/")
		if rel == "" {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 && (path.Ext(p) == ".md" || path.Ext(p) == "") {
			// A linked image is judged by the images package and
			// reported at the line of the page that shows it.
			info, err := fs.Stat(fsys, p)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				errs.Add(diag.At(p, 0, "link_to_nothing", "symbolic link to a file that does not exist; fix the link or remove it"))
				return nil
			case err != nil:
				errs.Add(diag.CannotRead(p, err))
				return nil
			case info.IsDir():
				errs.Add(diag.At(p, 0, "link_to_folder", "symbolic link to a folder; folders are not followed, so copy or move the folder here instead"))
				return nil
			}
		}
		lang, _, nested := strings.Cut(rel, "/")
		if d.IsDir() {
			if !nested && !slices.Contains(langs, lang) {
				errs.Add(diag.At(p, 0, "lang_folder_not_in_config", fmt.Sprintf("folder for language %q, which site.toml does not name; add [languages.%s] to site.toml or move the folder", lang, lang),
					"Lang", fmt.Sprintf("%q", lang), "Key", lang))
				return fs.SkipDir
			}
			return nil
		}
		if path.Ext(p) != ".md" {
			return nil
		}
		if !nested {
			errs.Add(diag.At(p, 0, "md_outside_lang", fmt.Sprintf("Markdown file outside a language folder; move it into %s/%s/", config.ContentDir, langs[0]),
				"Folder", config.ContentDir+"/"+langs[0]+"/"))
			return nil
		}
		if _, ok := FileID(p); ok {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		errs.Add(&diag.Error{Path: config.ContentDir, Err: err}) // a system's error stays one, to be put in words
	}
	if len(files) == 0 && len(errs) == 0 {
		home := config.ContentDir + "/" + langs[0] + "/_index.md"
		errs.Add(diag.At(config.ContentDir, 0, "content_no_markdown", "no Markdown files; add "+home+" for the home page", "Home", home))
	}
	return files, errs
}

// readPage reads and parses the Markdown file at file, one of
// findFiles', and keeps its body if keepBody.
func readPage(fsys fs.FS, file string, keepBody bool) (*Page, []*Warning, error) {
	buf := readBuffers.Get().(*bytes.Buffer)
	defer readBuffers.Put(buf)
	buf.Reset()
	if err := bounded.ReadInto(buf, fsys, file); err != nil {
		return nil, nil, diag.CannotRead(file, err)
	}
	id, _ := FileID(file)
	return parse(id, file, buf.Bytes(), keepBody)
}

// ReadBody returns p's Markdown body: Body, or when Load left it out
// (Options.NoBodies), the body read again from p's file in fsys. A file
// that changed since Load is an error: the page's other fields describe
// what it was.
func ReadBody(fsys fs.FS, p *Page) ([]byte, error) {
	if p.Body != nil {
		return p.Body, nil
	}
	buf := readBuffers.Get().(*bytes.Buffer)
	defer readBuffers.Put(buf)
	body, err := ReadBodyIn(buf, fsys, p)
	return bytes.Clone(body), err
}

// ReadBodyIn is ReadBody, but a body read from the file is in buf's
// memory (buf's contents replaced), not a copy: it is the caller's until
// buf is used again. A build's render converts each page from a buffer
// that it then reuses, rather than copying every body into new memory.
func ReadBodyIn(buf *bytes.Buffer, fsys fs.FS, p *Page) ([]byte, error) {
	if p.Body != nil {
		return p.Body, nil
	}
	buf.Reset()
	if err := bounded.ReadInto(buf, fsys, p.File); err != nil {
		return nil, diag.CannotRead(p.File, err)
	}
	src := bytes.TrimPrefix(buf.Bytes(), bom)
	if bytes.Contains(src, []byte("\r")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	_, _, start, lines, err := frontMatterAt(p.File, src)
	if err != nil {
		return nil, err
	}
	// As bodyCopy, in place: the front matter's lines, at least one
	// byte each, become blank.
	body := src[start-lines:]
	for i := range lines {
		body[i] = '\n'
	}
	if SourceHash(body) != p.BodyHash {
		return nil, diag.At(p.File, 0, "changed_during_build", "changed while the site was being built; build again")
	}
	return body, nil
}

// readBuffers hold files while a load parses them (readPage), which
// keeps nothing of its input, and while ReadBody reads a body again.
// Reading every file into a new buffer left a buffer of garbage beside
// each page's body, and the heap of a 2,000-page site twice the size of
// what it held (23 MB in use for 13 MB of pages).
var readBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

var bom = []byte("\xef\xbb\xbf")

// Parse makes the page id from the contents of its Markdown file,
// id.File().
func Parse(id ID, src []byte) (*Page, []*Warning, error) { return parse(id, id.File(), src, true) }

// parse is Parse of the file at path, id.File(); without keepBody, the
// page's Body is left nil, and never made: the body is looked at where
// it lies in src, after the front matter (a build's load,
// Options.NoBodies, copied 11 MB of bodies at N = 1,000 only to drop
// them).
func parse(id ID, path string, src []byte, keepBody bool) (*Page, []*Warning, error) {
	lang, key := id.Lang, id.Key
	src = bytes.TrimPrefix(src, bom)
	if !utf8.Valid(src) {
		return nil, nil, diag.At(path, invalidUTF8Line(src), "not_utf8", "not valid UTF-8 text; save the file with UTF-8 encoding")
	}
	if bytes.Contains(src, []byte("\r")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	format, fmText, start, lines, err := frontMatterAt(path, src)
	if err != nil {
		return nil, nil, err
	}
	// The body as Body holds it is the front matter's lines, blank,
	// then rest; what is worked out from it is the same from rest (the
	// hash and the words ignore the blank lines at its start).
	rest := src[start:]
	fm, warns, err := parseFrontMatter(path, format, fmText)
	if err != nil {
		return nil, warns, err
	}
	if i, r := invisible.Index(rest); i >= 0 {
		err := invisible.Check(string(r), false)
		return nil, warns, diag.At(path, lines+bytes.Count(rest[:i], []byte("\n"))+1, "invisible_line", "the line "+err.Error(), "Err", err)
	}
	fm.hash = sha256.Sum256(fmText)
	empty := len(bytes.TrimSpace(src)) == 0
	if empty {
		warns = append(warns, diag.At(path, 0, "empty_file", "empty file; it makes a page without title or text; write them, or delete the file"))
	}
	p := &Page{FrontMatter: fm, Lang: lang, Key: key, File: path, BodyHash: SourceHash(rest), Words: CountWords(rest)}
	if keepBody {
		p.Body = bodyCopy(src, start, lines)
	}
	switch {
	case key == "_index":
		p.Kind = KindHome
	case strings.HasSuffix(key, "/_index"):
		p.Kind = KindSection
	case key == "404":
		p.Kind = KindNotFound
	}
	if p.Title == "" && p.Kind != KindHome && !empty {
		warns = append(warns, diag.At(path, 1, "no_title", "no title; add title = \"...\" to the front matter"))
	}
	if err := checkSlug(fm.Slug); err != nil {
		return nil, warns, diag.At(path, fm.Line("slug"), "fm_slug", fmt.Sprintf("front matter: slug %q: %v", fm.Slug, err),
			"Slug", fmt.Sprintf("%q", fm.Slug), "Err", err)
	}
	return p, warns, nil
}

func invalidUTF8Line(src []byte) int {
	line := 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		src = src[size:]
	}
	return line
}

// CheckSlug says why slug cannot be a page's slug, or nil when it can:
// one URL segment, in lower-case letters, digits and hyphens, that
// cannot name another folder. "" (no slug) is fine. The translators'
// tools check a slug written in a PO file with it.
func CheckSlug(slug string) error { return checkSlug(slug) }

// checkSlug accepts one URL segment that cannot name another folder.
func checkSlug(slug string) error {
	if slug == "" {
		return nil
	}
	if strings.ContainsAny(slug, "/\\") || slug == "." || slug == ".." || strings.Contains(slug, "..") {
		return diag.Say("slug_segment", "a slug is one URL segment: no slashes, backslashes or \"..\"; write it like \"informe\"")
	}
	return checkSegment(slug)
}

func checkSegment(seg string) error {
	for _, r := range seg {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
		case r >= 'A' && r <= 'Z':
			return diag.Say("url_upper", "use lower-case letters, digits and hyphens only, like \"informe-final\"")
		default:
			return diag.Say("url_char", fmt.Sprintf("%q is not allowed in a URL; use lower-case letters without accents, digits and hyphens, like \"informe-final\"", r),
				"Char", fmt.Sprintf("%q", r))
		}
	}
	if strings.HasPrefix(seg, ".") {
		return diag.Say("url_dot", "must not start with a dot")
	}
	return nil
}

// addStandIns gives each language a page for every default-language page
// it lacks, showing the default language's text, so that every URL exists
// in every language and a language switcher never leads nowhere.
func (s *Tree) addStandIns() {
	def := s.byKey[s.Default]
	for _, lang := range s.Languages {
		if lang == s.Default {
			continue
		}
		for key, orig := range def {
			if _, ok := s.byKey[lang][key]; ok {
				continue
			}
			standIn := *orig
			standIn.Lang = lang
			standIn.Untranslated = true
			standIn.Slug = ""
			s.byKey[lang][key] = &standIn
		}
	}
}

// assignURLs gives every page its URL, output file and parent section,
// and reports pages that would overwrite each other.
func (s *Tree) assignURLs() error {
	var errs diag.List
	for _, lang := range s.Languages {
		pages := s.byKey[lang]
		dirURLs := map[string]string{"": "/" + lang + "/"}
		var dirURL func(dir string) string
		dirURL = func(dir string) string {
			if u, ok := dirURLs[dir]; ok {
				return u
			}
			parent, name := path.Split(dir)
			seg := name
			if sec := pages[dir+"/_index"]; sec != nil && sec.Slug != "" {
				seg = sec.Slug
			}
			u := dirURL(strings.TrimSuffix(parent, "/")) + seg + "/"
			dirURLs[dir] = u
			return u
		}
		byOut := map[string]*Page{}
		// The pages of a folder have one parent: one string for all.
		parents := map[string]string{}
		parent := func(dir string) string {
			if u, ok := parents[dir]; ok {
				return u
			}
			u := parentSection(dir)
			parents[dir] = u
			return u
		}
		for _, key := range slices.Sorted(maps.Keys(pages)) {
			p := pages[key]
			dir := p.Dir()
			// One string holds the page's URL and its output file:
			// "/es/informe/index.html" is the file after its slash,
			// the URL before "index.html".
			var full string
			switch p.Kind {
			case KindHome:
				full = dirURL("") + indexFile
			case KindSection:
				full = dirURL(dir) + indexFile
				p.Parent = parent(path.Dir(dir))
			case KindNotFound:
				full = dirURL(dir) + "404.html"
				p.Parent = parent(dir)
			default:
				seg := p.Slug
				if seg == "" {
					seg = path.Base(key)
				}
				full = dirURL(dir) + seg + "/" + indexFile
				p.Parent = parent(dir)
			}
			p.URL = full
			if p.Kind != KindNotFound {
				p.URL = full[:len(full)-len(indexFile)]
			}
			if err := checkURL(p.URL); err != nil {
				if p.Untranslated {
					// The original's slug gave it a good URL,
					// but a stand-in takes the file's name.
					if orig := s.byKey[s.Default][p.Key]; orig != nil && orig.Slug != "" {
						errs.Add(diag.At(p.File, 1, "url_stand_in", fmt.Sprintf("URL %s, which the page has in language %q until it is translated: %v; rename the file", p.URL, lang, err),
							"URL", p.URL, "Lang", fmt.Sprintf("%q", lang), "Err", err))
					}
					continue // else reported once, on the original
				}
				errs.Add(diag.At(p.File, 1, "url_bad", fmt.Sprintf("URL %s: %v; rename the file or set a slug", p.URL, err), "URL", p.URL, "Err", err))
				continue
			}
			p.Out = full[1:]
			if other := byOut[p.Out]; other != nil {
				blame := p
				if p.NameLine() == 1 && other.NameLine() > 1 {
					// The slug chose the URL, not the file name.
					blame, other = other, p
				}
				errs.Add(diag.At(blame.File, blame.NameLine(), "same_url", fmt.Sprintf("has the same URL %s as %s; give one of them another slug", p.URL, other.File),
					"URL", p.URL, "Other", other.File))
				continue
			}
			byOut[p.Out] = p
		}
	}
	return errs.Err()
}

// indexFile is the file of a page whose URL is a folder's.
const indexFile = "index.html"

func parentSection(dir string) string {
	if dir == "" || dir == "." {
		return "_index"
	}
	return dir + "/_index"
}

func checkURL(u string) error {
	for _, seg := range strings.Split(strings.Trim(u, "/"), "/") {
		if err := checkSegment(seg); err != nil {
			return diag.Say("url_segment", fmt.Sprintf("segment %q: %v", seg, err), "Segment", fmt.Sprintf("%q", seg), "Err", err)
		}
	}
	return nil
}

func (s *Tree) sortPages() {
	s.Pages = s.Pages[:0]
	for _, lang := range s.Languages {
		for _, key := range slices.Sorted(maps.Keys(s.byKey[lang])) {
			s.Pages = append(s.Pages, s.byKey[lang][key])
		}
	}
}

// Page returns the page of a language with the given key, or nil.
func (s *Tree) Page(lang, key string) *Page { return s.byKey[lang][key] }

// Translations returns p in every other language, in language order.
// Stand-ins for missing translations are included; callers that must not
// link to them check Untranslated.
func (s *Tree) Translations(p *Page) []*Page {
	var ts []*Page
	for _, lang := range s.Languages {
		if t := s.byKey[lang][p.Key]; t != nil && lang != p.Lang {
			ts = append(ts, t)
		}
	}
	return ts
}

// Children returns the pages that section p lists: by weight (pages
// without one last), then by key.
func (s *Tree) Children(p *Page) []*Page { return s.children[p] }

// indexChildren files every page under the section that lists it.
func (s *Tree) indexChildren() {
	s.children = map[*Page][]*Page{}
	for _, c := range s.Pages {
		parent := s.byKey[c.Lang][c.Parent]
		if parent == nil || c.Kind == KindNotFound || c == parent {
			continue
		}
		s.children[parent] = append(s.children[parent], c)
	}
	for _, kids := range s.children {
		sortChildren(kids)
	}
}

// sortChildren orders a section's pages ByWeight, so that re-sorting
// after one page's weight changed gives the order a fresh load would.
func sortChildren(kids []*Page) { slices.SortStableFunc(kids, ByWeight) }

// Unchanged reports whether src, the contents of p's file, still holds
// what p was parsed from: the same front matter and the same body. A
// tool that reads a file again for its lines (the translators' block
// reader) takes p then, instead of parsing the page again. It is false for a page loaded without its
// body (Options.NoBodies).
func (p *Page) Unchanged(src []byte) bool {
	if p.Body == nil {
		return false
	}
	src = bytes.TrimPrefix(src, bom)
	if bytes.Contains(src, []byte("\r")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	_, fm, body, err := splitFrontMatter(p.File, src)
	if err != nil || !bytes.Equal(body, p.Body) {
		return false
	}
	return sha256.Sum256(fm) == p.hash
}
