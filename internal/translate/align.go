package translate

import (
	"bufio"
	"bytes"
	"cecot/internal/pofiles"
	"cecot/internal/translation"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"strings"

	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/po"
	"cecot/internal/stamp"
)

// Align returns every published page of the default language aligned
// with its translation into lang: per block its kind, anchor, original
// and translated text with their lines, the original's previous text
// when known, and its state; per page and in total, how many blocks are
// in each state. "site status" counts blocks with the same function, so
// its figures and these agree.
//
// Blocks are found with the same goldmark parse as the build (see
// readPageFile), and a translation's blocks are paired with the original's by
// kind and order, as the structure check expects them to be. A block's
// state comes from the language's PO file when the project keeps one
// (locales/po/pages/<lang>/<key>.po: fuzzy entries, and the msgid each
// block was translated from), and otherwise from the translation's
// translated_from stamp, which knows which "##" sections changed but not
// their earlier text.
func Align(fsys fs.FS, lang string) (*translation.Language, error) {
	pr, err := LoadProject(fsys)
	if err != nil {
		return nil, err
	}
	return pr.alignLanguage(lang)
}

// alignLanguage is Align on a project already loaded, one page at a
// time (see Survey).
func (pr *Project) alignLanguage(lang string) (*translation.Language, error) {
	w, err := pr.walk([]string{lang}, true, false)
	if err != nil {
		return nil, err
	}
	return w.aligned(lang), nil
}

// AlignPage returns one page, by key ("submission"), aligned with its
// translation into lang, as Align does.
func AlignPage(fsys fs.FS, lang, key string) (*translation.Page, error) {
	pr, err := LoadProject(fsys)
	if err != nil {
		return nil, err
	}
	return pr.AlignPage(lang, key)
}

// AlignPage is AlignPage on a project already loaded.
func (pr *Project) AlignPage(lang, key string) (*translation.Page, error) {
	site := pr.site
	src := site.Page(site.Default, key)
	if src == nil || src.Untranslated {
		return nil, diag.Errorf(content.ID{Lang: site.Default, Key: key}.File(), 0, "no such page")
	}
	sync, err := readSync(pr.fsys, lang)
	if err != nil {
		return nil, err
	}
	return alignPage(pr.fsys, site, src, lang, sync, pr.reserved, translation.NewSameness(pr.glossary.SameIn(site.Default, lang)))
}

func alignPage(fsys fs.FS, site *content.Tree, src *content.Page, lang string, sync syncRecord, reserved []string, same *translation.Sameness) (*translation.Page, error) {
	pa := &translation.Page{Key: src.Key, Lang: lang, Original: src.File,
		Translation: src.ID().In(lang).File()}
	orig, err := readPage(fsys, src.File, src.Lang, src.Key, reserved)
	if err != nil {
		return nil, err
	}
	var tr *pageFile
	if t := site.Page(lang, src.Key); t != nil && !t.Untranslated {
		pa.Exists, pa.Draft = true, t.Draft
		if tr, err = readPage(fsys, t.File, lang, src.Key, reserved); err != nil {
			return nil, err
		}
	}
	pofile, err := ReadPO(fsys, pofiles.Page(lang, src.Key))
	if err != nil {
		return nil, err
	}
	if pofile != nil {
		pa.PO = pofiles.Page(lang, src.Key)
	}
	ps := newPageSync(orig, tr, pofile, pofiles.Page(lang, src.Key), sync, src.Key, lang)
	ps.same = same
	pa.Units = alignSync(ps)
	for _, r := range pa.Units {
		pa.Counts.Add(r.State)
	}
	return pa, nil
}

func readPage(fsys fs.FS, file, lang, key string, reserved []string) (*pageFile, error) {
	if s, ok := fsys.(*snapshot); ok {
		return s.page(file, lang, key, reserved)
	}
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, diag.CannotRead(file, err)
	}
	if c, ok := fsys.(*parseCache); ok {
		return c.parsed(file, lang, key, data, reserved, nil)
	}
	return readPageFile(file, lang, key, data, reserved)
}

// ReadPO reads a PO file, or returns nil when there is none.
func ReadPO(fsys fs.FS, name string) (*po.File, error) {
	if s, ok := fsys.(*snapshot); ok {
		return s.po(name)
	}
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, diag.CannotRead(name, err)
	}
	if c, ok := fsys.(*parseCache); ok {
		return c.parsedPO(name, data)
	}
	return po.Read(name, data)
}

// fieldContext returns the msgctxt of a page's front-matter field:
// "submission#meta.title". A block of the body has the page's key (see
// messageContexts).
func fieldContext(key, anchor string) string { return key + "#" + anchor }

// alignSync pairs the original's blocks with the translation's, as
// s paired them, and gives each its state.
func alignSync(s *pageSync) []translation.Unit {
	tr, key := s.tr, s.key
	var rows []translation.Unit
	slots := s.slots()
	next := 0
	for _, p := range s.pairs {
		if p.o < 0 {
			t := tr.blocks[p.t]
			rows = append(rows, translation.Unit{Kind: t.Kind, Anchor: t.Anchor, Context: key,
				TranslationID: t.ID, Translation: t.Text, TranslationLine: t.Line, State: translation.Obsolete})
			continue
		}
		sl := slots[next]
		next++
		b := sl.b
		r := translation.Unit{Kind: b.Kind, Anchor: b.Anchor, Context: sl.ctx, ID: b.ID, Original: b.Text, OriginalLine: b.Line}
		if sl.e != nil {
			r.POLine = sl.e.Line
		}
		if sl.t == nil {
			r.State = translation.Missing
			rows = append(rows, r)
			continue
		}
		t := *sl.t
		r.TranslationID, r.Translation, r.TranslationLine = t.ID, t.Text, t.Line
		r.State, r.Previous, r.HasPrevious = blockState(b, t, sl.e, s.base[r.Context], s.changed)
		if sl.draft {
			r.State = translation.Missing
		} else if sl.identical {
			r.State = translation.Identical
		}
		rows = append(rows, r)
	}
	for _, e := range s.unused() {
		anchor := strings.TrimPrefix(strings.TrimPrefix(e.Ctx(), key), "#")
		rows = append(rows, translation.Unit{Anchor: anchor, Context: e.Ctx(), Previous: e.ID, HasPrevious: true,
			Translation: first(e.Str), State: translation.Obsolete, POLine: e.Line})
	}
	return rows
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// blockState decides whether translation t of block b is up to date,
// from PO entry e when the PO file holds the translation the Markdown
// has, else from the stamp's changed sections.
func blockState(b, t block, e *po.Entry, base string, changed func(block) bool) (translation.State, string, bool) {
	if e != nil && first(e.Str) == t.Text {
		switch {
		case e.Fuzzy() && e.PrevID != nil:
			return translation.Changed, *e.PrevID, true
		case e.Fuzzy():
			return translation.Changed, "", false
		case e.ID != b.Text && !vouched(b, changed):
			return translation.Changed, e.ID, true
		}
		return translation.Translated, "", false
	}
	if e != nil && hashText(t.Text) == base && e.ID != b.Text {
		// The PO file changed since the last import, but the
		// Markdown holds the translation made from its old msgid.
		return translation.Changed, e.ID, true
	}
	if changed(b) {
		return translation.Changed, "", false
	}
	return translation.Translated, "", false
}

// vouched reports whether the translation's stamp says that block b is
// up to date. A stamp that matches the original as it is now was made
// after the original's last change, so it is newer than a PO file's
// record of an earlier text: someone reviewed the block since. Stamps
// cover the Markdown body only, not the front matter.
func vouched(b block, changed func(block) bool) bool {
	return b.frontKey == "" && !changed(b)
}

// stampChanges returns a test of whether a block of the original is in a
// part the translation's stamp records as changed since.
func stampChanges(orig, tr *pageFile) func(block) bool {
	no := func(block) bool { return false }
	if tr == nil {
		return no
	}
	all := func(b block) bool { return b.frontKey == "" }
	if tr.page.TranslatedFrom == "" {
		return all
	}
	st, err := stamp.Parse(tr.page.TranslatedFrom)
	if err != nil {
		return all
	}
	if st.Hash == content.SourceHash(orig.page.Body) {
		return no
	}
	if st.Sections == nil {
		return all
	}
	// As Diff, with one parse of the original.
	secs := stamp.Sections(orig.page.Body, orig.ids)
	bad := map[string]bool{}
	for _, s := range secs {
		if old, ok := st.Sections[s.ID]; !ok || old != s.Hash {
			bad[s.ID] = true
		}
	}
	return func(b block) bool {
		if b.frontKey != "" {
			return false
		}
		id := ""
		for _, s := range secs {
			if s.Line <= b.Line {
				id = s.ID
			}
		}
		if id == "" && len(secs) > 0 {
			id = secs[0].ID
		}
		return bad[id]
	}
}

// pair is an original block's index and its translation's, -1 for none.
type pair struct{ o, t int }

// pairBlocks pairs two pages' blocks by kind, in order: the longest
// common sequence of kinds, so that one block more or less on either
// side does not shift the rest.
func pairBlocks(a, b []block) []pair {
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if sameKind(a[i], b[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []pair
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && sameKind(a[i], b[j]):
			out = append(out, pair{i, j})
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			out = append(out, pair{-1, j})
			j++
		default:
			out = append(out, pair{i, -1})
			i++
		}
	}
	return out
}

func sameKind(a, b block) bool {
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind == translation.KindHeading || a.frontKey != "" {
		return true
	}
	// Non-heading anchors are positional, so equal ones pair up
	// exactly; a heading's ID differs between languages.
	return a.Anchor == b.Anchor || a.Kind != translation.KindFootnote
}

// hashText is the short hash of a translation's text that the sync
// record keeps.
func hashText(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}

// syncRecord is, per msgctxt, the hash of the translation as the last
// import or export left it in both the PO file and the Markdown: the
// common ancestor that tells which side changed since.
type syncRecord map[string]string

// SyncFile is where a language's sync record is kept: in its content
// folder, as import writes nothing else, and with a dot so that the
// site ignores it.
func SyncFile(lang string) string { return path.Join(config.ContentDir, lang, ".po-sync") }

func readSync(fsys fs.FS, lang string) (syncRecord, error) {
	if s, ok := fsys.(*snapshot); ok {
		return s.sync(lang)
	}
	rec := syncRecord{}
	data, err := fs.ReadFile(fsys, SyncFile(lang))
	if errors.Is(err, fs.ErrNotExist) {
		return rec, nil
	}
	if err != nil {
		return nil, diag.CannotRead(SyncFile(lang), err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if i := strings.LastIndexByte(line, ' '); i > 0 {
			rec[line[:i]] = line[i+1:]
		}
	}
	return rec, nil
}
