package translate

import (
	"bytes"
	"cecot/internal/pagefile"
	"cecot/internal/pofiles"
	"cecot/internal/translation"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/glossary"
	"cecot/internal/markdown"
	"cecot/internal/po"
	"cecot/internal/words"
)

// Plan is what "site po export" or "site po import" would write, worked
// out in memory first so that a problem anywhere writes nothing.
type Plan struct {
	// Files are the new contents of the files to write, by project
	// path; files that would not change are left out.
	Files map[string][]byte
	// Changes say, block by block, what the plan carries across: one
	// line each, "file:line: what", for the command's output and for
	// "site status".
	Changes []*diag.Error
	// Pending are changes the other command must carry (an export that
	// finds translations in a PO file not yet imported).
	Pending []*diag.Error
}

func newPlan() *Plan { return &Plan{Files: map[string][]byte{}} }

// put adds a file to the plan if its contents differ from what fsys has.
func (p *Plan) put(fsys fs.FS, name string, data []byte) {
	if s, ok := fsys.(*snapshot); ok {
		if old, found := s.poSum(name); found {
			if sha256.Sum256(data) != old {
				p.Files[name] = data
			}
			return
		}
	}
	old, err := fs.ReadFile(fsys, name)
	if err == nil && bytes.Equal(old, data) {
		return
	}
	p.Files[name] = data
}

// Names returns the plan's files, sorted.
func (p *Plan) Names() []string {
	names := slices.Sorted(maps.Keys(p.Files))
	return names
}

// Write writes the plan's files under root, each through a temporary
// file. It refuses, before writing anything, a path outside the folders
// the commands own.
func (p *Plan) Write(root *os.Root, allowed ...string) error {
	names := p.Names()
	for _, n := range names {
		if path.Clean(n) != n || !filepath.IsLocal(filepath.FromSlash(n)) || !underAny(n, allowed) {
			return fmt.Errorf("%s: refusing to write outside %s", n, strings.Join(allowed, " and "))
		}
	}
	// The sync records go last. Written before the files they describe,
	// a failure in between would leave a record that says the PO file
	// and the Markdown agree on a text one of them does not have, and
	// the next export or import would take the older side for the newer.
	slices.SortStableFunc(names, func(a, b string) int {
		return cmpBool(path.Base(a) == path.Base(SyncFile("x")), path.Base(b) == path.Base(SyncFile("x")))
	})
	for _, n := range names {
		if err := root.MkdirAll(filepath.FromSlash(path.Dir(n)), 0o755); err != nil {
			return err
		}
		if err := pagefile.Write(root, n, p.Files[n]); err != nil {
			return err
		}
	}
	return nil
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func underAny(name string, dirs []string) bool {
	for _, d := range dirs {
		if name == d || strings.HasPrefix(name, strings.TrimSuffix(d, "/")+"/") {
			return true
		}
	}
	return false
}

// Project is what export, import, alignment and the status report read,
// loaded once: the configuration and every page, drafts included, the
// IDs the layouts use and the glossary.
type Project struct {
	fsys     fs.FS
	cfg      *config.Config
	site     *content.Tree
	reserved []string // the IDs the layouts use (markdown.ReservedIDs)
	glossary *glossary.Glossary
	// slugURLs are the URLs that the slugs an import writes give
	// pages, each with the translation it writes, so that two new
	// pages cannot take the same one.
	slugURLs map[string]string
}

// LoadProject loads the project in fsys.
func LoadProject(fsys fs.FS) (*Project, error) {
	fsys = newSnapshot(fsys)
	cfg, err := config.Load(fsys)
	if err != nil {
		return nil, err
	}
	site, _, err := content.Load(fsys, content.OptionsFor(cfg, true))
	if err != nil {
		return nil, err
	}
	gl, err := glossary.Load(fsys)
	if err != nil {
		return nil, err
	}
	return &Project{fsys: fsys, cfg: cfg, site: site, reserved: markdown.ReservedIDs(fsys, config.LayoutsDir), glossary: gl}, nil
}

// FS is the project's folder.
func (pr *Project) FS() fs.FS { return pr.fsys }

// Config is the project's site.toml.
func (pr *Project) Config() *config.Config { return pr.cfg }

// Site is every page of the project, drafts included.
func (pr *Project) Site() *content.Tree { return pr.site }

// Reserved are the IDs the layouts use, which headings do not take.
func (pr *Project) Reserved() []string { return pr.reserved }

// Glossary is the project's agreed terms.
func (pr *Project) Glossary() *glossary.Glossary { return pr.glossary }

// languages checks the languages named on the command line; none means
// every language but the default.
func (pr *Project) languages(langs []string) ([]string, error) {
	if len(langs) == 0 {
		for _, c := range pr.cfg.Codes() {
			if c != pr.cfg.DefaultLanguage {
				langs = append(langs, c)
			}
		}
		return langs, nil
	}
	for _, l := range langs {
		if pr.cfg.Language(l) == nil || l == pr.cfg.DefaultLanguage {
			return nil, words.Msg("po_language", "Lang", fmt.Sprintf("%q", l), "Langs", strings.Join(pr.others(), ", "))
		}
	}
	return langs, nil
}

func (pr *Project) others() []string {
	var out []string
	for _, c := range pr.cfg.Codes() {
		if c != pr.cfg.DefaultLanguage {
			out = append(out, c)
		}
	}
	return out
}

// originals returns the default language's published pages, by key.
func (pr *Project) originals() []*content.Page {
	var out []*content.Page
	for _, p := range pr.site.Pages {
		if p.Lang == pr.site.Default && !p.Draft {
			out = append(out, p)
		}
	}
	return out
}

// pageSync is one page in one language, with everything that tells how
// its Markdown and its PO file stand.
type pageSync struct {
	key, lang string
	orig      *pageFile
	tr        *pageFile // nil when the translation does not exist
	poPath    string
	pofile    *po.File // nil when there is none
	base      syncRecord
	pairs     []pair
	entries   map[string]*po.Entry   // by msgctxt
	byID      map[string][]*po.Entry // by msgid
	changed   func(block) bool
	cached    []slot
	// inPlace keeps the page's blocks where they are when edits are
	// applied: a one-unit save never rebuilds the page (see restructure).
	inPlace bool
	// unitOnly rebuilds the page with the edits alone, no PO entry:
	// the desk's save of a block the translation lacks.
	unitOnly bool
	used     map[*po.Entry]bool
	same     *translation.Sameness // which units may read as their original
}

func (pr *Project) pageSync(src *content.Page, lang string, base syncRecord) (*pageSync, error) {
	orig, err := readPage(pr.fsys, src.File, src.Lang, src.Key, pr.reserved)
	if err != nil {
		return nil, err
	}
	var tr *pageFile
	if t := pr.site.Page(lang, src.Key); t != nil && !t.Untranslated {
		if tr, err = readPage(pr.fsys, t.File, lang, src.Key, pr.reserved); err != nil {
			return nil, err
		}
	}
	pofile, err := ReadPO(pr.fsys, pofiles.Page(lang, src.Key))
	if err != nil {
		return nil, err
	}
	s := newPageSync(orig, tr, pofile, pofiles.Page(lang, src.Key), base, src.Key, lang)
	s.same = translation.NewSameness(pr.glossary.SameIn(pr.site.Default, lang))
	return s, nil
}

func newPageSync(orig, tr *pageFile, pofile *po.File, poPath string, base syncRecord, key, lang string) *pageSync {
	s := &pageSync{key: key, lang: lang, orig: orig, tr: tr, pofile: pofile, poPath: poPath, base: base,
		entries: map[string]*po.Entry{}, byID: map[string][]*po.Entry{}}
	if pofile != nil {
		for _, e := range pofile.Entries {
			if !e.Obsolete && e.Context != nil {
				s.entries[msgKey(*e.Context, e.ID)] = e
				s.byID[e.ID] = append(s.byID[e.ID], e)
			}
		}
	}
	var trBlocks []block
	if tr != nil {
		trBlocks = tr.blocks
	}
	s.pairs, s.changed = pairByRecord(orig, tr)
	if s.pairs == nil {
		s.pairs = pairBlocks(orig.blocks, trBlocks)
		s.changed = stampChanges(orig, tr)
	}
	return s
}

// trFile is where the translation is, or would be created.
func (s *pageSync) trFile() string {
	if s.tr != nil {
		return s.tr.path
	}
	return content.ID{Lang: s.lang, Key: s.key}.File()
}

// slot is one block of the original with its translation's text.
type slot struct {
	b     block
	t     *block // the translation's block, nil when missing
	e     *po.Entry
	ctx   string
	draft bool
	// identical: the translation reads exactly as the original, and
	// nothing says it is meant to (see translation.Sameness). It counts as
	// untranslated.
	identical bool
}

func (s *pageSync) slots() []slot {
	if s.cached != nil || len(s.pairs) == 0 {
		return s.cached
	}
	s.used = map[*po.Entry]bool{}
	var out []slot
	for _, p := range s.pairs {
		if p.o < 0 {
			continue
		}
		b := s.orig.blocks[p.o]
		sl := slot{b: b, ctx: b.ctx}
		if p.t >= 0 && s.tr != nil {
			t := s.tr.blocks[p.t]
			sl.t = &t
			sl.draft = s.tr.page.Draft
		}
		out = append(out, sl)
	}
	// Each block's PO entry is found by what it says, as msgmerge
	// finds it, in rounds so that a closer match is never taken by a
	// looser one first: the same context and text; the same text under
	// another context (a duplicate, or a context of an older export);
	// the entry whose translation the Markdown has for the block; and
	// last, for a changed original, the entry of the most similar text.
	for _, round := range []func(slot) *po.Entry{s.sameMessage, s.sameText, s.sameTranslation, s.similar} {
		for i := range out {
			if out[i].e != nil {
				continue
			}
			if e := round(out[i]); e != nil {
				out[i].e = e
				s.used[e] = true
			}
		}
	}
	for i := range out {
		sl := &out[i]
		sl.identical = sl.t != nil && sl.t.Text == sl.b.Text && !s.same.Meant(sl.b.Text, sl.e != nil && sl.e.HasFlag(translation.SameFlag))
	}
	s.cached = out
	return out
}

func (s *pageSync) sameMessage(sl slot) *po.Entry {
	if e := s.entries[msgKey(sl.ctx, sl.b.Text)]; e != nil && !s.used[e] {
		return e
	}
	return nil
}

func (s *pageSync) sameText(sl slot) *po.Entry {
	if sl.b.frontKey != "" {
		return nil
	}
	for _, c := range s.byID[sl.b.Text] {
		if !s.used[c] && !isFieldEntry(c) {
			return c
		}
	}
	return nil
}

// sameTranslation finds the entry that holds, as its msgstr, the
// translation the Markdown has for the block: the block's own entry,
// made from an earlier text of the original (a renamed heading).
func (s *pageSync) sameTranslation(sl slot) *po.Entry {
	m := sl.markdownText()
	if m == "" || s.pofile == nil {
		return nil
	}
	for _, e := range s.pofile.Entries {
		if !e.Obsolete && e.Context != nil && !s.used[e] && isFieldEntry(e) == (sl.b.frontKey != "") && first(e.Str) == m && s.ownEntry(e) && !s.isSlugEntry(e) {
			return e
		}
	}
	return nil
}

// similar finds, for a block whose original changed, the entry of its
// earlier text: a field's by its context, a block's by the most similar
// msgid (translation.Sig), as msgmerge proposes a fuzzy match.
func (s *pageSync) similar(sl slot) *po.Entry {
	if s.pofile == nil {
		return nil
	}
	if sl.b.frontKey != "" {
		for _, e := range s.pofile.Entries {
			if !e.Obsolete && !s.used[e] && e.Context != nil && *e.Context == sl.ctx {
				return e
			}
		}
		return nil
	}
	want := translation.SigOf(sl.b.Text)
	var best *po.Entry
	bestLike := 0
	for _, e := range s.pofile.Entries {
		if e.Obsolete || e.Context == nil || s.used[e] || isFieldEntry(e) || !e.Translated() || !s.ownEntry(e) {
			continue
		}
		sig := translation.SigOf(e.ID)
		if like := sig.Likeness(want); sig.Similar(want) && like > bestLike {
			best, bestLike = e, like
		}
	}
	return best
}

// ownEntry reports whether e's context is this page's.
func (s *pageSync) ownEntry(e *po.Entry) bool {
	c := e.Ctx()
	return c == s.key || strings.HasPrefix(c, s.key+"#")
}

// isFieldEntry reports whether e is a front-matter field's message.
func isFieldEntry(e *po.Entry) bool { return strings.Contains(e.Ctx(), "#meta.") }

// unused returns the PO file's entries that no block of the original
// took: those of deleted blocks.
func (s *pageSync) unused() []*po.Entry {
	s.slots()
	var out []*po.Entry
	if s.pofile == nil {
		return nil
	}
	for _, e := range s.pofile.Entries {
		if !e.Obsolete && e.Context != nil && !s.used[e] && !s.isSlugEntry(e) {
			out = append(out, e)
		}
	}
	return out
}

// markdownText is the translation the Markdown holds for a slot, "" for
// none: a missing block, or a draft's block still in the original's
// words.
func (sl slot) markdownText() string {
	if sl.t == nil || sl.identical || (sl.draft && sl.t.Text == sl.b.Text) {
		return ""
	}
	return sl.t.Text
}

// side says which side of a slot changed since the last export or
// import, when the PO file and the Markdown disagree.
type side int

const (
	inStep     side = iota
	poNewer         // the PO file changed: import it
	mdNewer         // the Markdown changed: export it
	bothNewer       // both changed: a conflict
	noPORecord      // the PO file has no entry for the block
	// poEmptied: the translator emptied the msgstr of a translation
	// the Markdown still holds as it was last exported or imported. In
	// gettext an empty msgstr is untranslated: import removes the
	// block's translation (issue 19, case 10).
	poEmptied
)

func (s *pageSync) side(sl slot) side {
	if sl.e == nil {
		return noPORecord
	}
	p, m := first(sl.e.Str), sl.markdownText()
	if p == m {
		return inStep
	}
	base, ok := s.base[syncKey(sl.e.Ctx(), sl.e.ID)]
	switch {
	case p == "" && ok && hashText(m) == base:
		return poEmptied
	case p == "":
		// An entry that never held the Markdown's translation (a new
		// page's, or one exported before the Markdown had it) never
		// overrides it.
		return mdNewer
	case m == "":
		return poNewer
	case ok && hashText(m) == base:
		return poNewer
	case ok && hashText(p) == base:
		return mdNewer
	}
	return bothNewer
}

func (s *pageSync) conflict(sl slot) *diag.Error {
	return words.At(s.poPath, sl.e.StrLine, "po_conflict", "Block", sl.name(), "Place", fmt.Sprintf("%s:%d", s.trFile(), sl.t.Line))
}

// name names a slot's message in what the commands say: its msgctxt,
// and for a block of the body, whose context is the page's key, where
// the block is: "submission (p3)".
func (sl slot) name() string {
	if sl.b.frontKey != "" {
		return sl.ctx
	}
	return sl.ctx + " (" + sl.b.Anchor + ")"
}
