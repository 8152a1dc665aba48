// Package status is "site status": where each language of a site stands,
// from one load of the project. Which pages are translated, missing or
// out of date (by their translated_from stamp and, unit by unit, by
// package translate's alignment), which interface strings are missing,
// changed, left in the default language or unused by the layouts, which
// PO files are out of step with the pages or stray, which translations
// break a promise, and which image variants are stale. It says the
// report as text in the translator's language (Printer) or as JSON.
//
// It reads the project's sources only and writes nothing.
package status

import (
	"cecot/internal/translation"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/glossary"
	"cecot/internal/imagestamp"
	"cecot/internal/locale"
	"cecot/internal/parallel"
	"cecot/internal/stamp"
	"cecot/internal/translate"
	"cecot/internal/words"
)

// State is where a page's translation stands.
type State string

// The states of a translation.
const (
	Translated State = "translated" // made from the source as it is now
	Stale      State = "stale"      // the source changed since, or no one recorded when
	Missing    State = "missing"    // no translation yet: readers get the source's text
)

// Report is the status of every language of a site.
type Report struct {
	Default string `json:"default"`
	// BasePath is the path the site is published under ("/").
	BasePath  string      `json:"base_path"`
	Languages []*Language `json:"languages"` // every other language, in site order
	// Unused are messages of the default language's file that no layout
	// uses; Undefined are strings layouts use that it lacks.
	Unused    []*String `json:"unused,omitempty"`
	Undefined []*String `json:"undefined,omitempty"`
	// Extra are pages with no source in the default language.
	Extra []*Page `json:"extra,omitempty"`
	// Stray are PO files that nothing reads (see StrayPO).
	Stray []*POProblem `json:"stray_po,omitempty"`
}

// Language is the status of one language.
type Language struct {
	Lang     string          `json:"lang"`
	Name     string          `json:"name"`
	Pages    []*Page         `json:"pages"` // one for each page of the default language, by key
	Strings  []*String       `json:"strings,omitempty"`
	Glossary []glossary.Miss `json:"glossary,omitempty"`
	// Blocks counts the blocks of every page (see Align): the same
	// figures as the translator's workbench shows.
	Blocks translation.Counts `json:"blocks"`
	// PO lists where the language's PO files and its Markdown disagree,
	// when the project keeps PO files.
	PO []*POProblem `json:"po,omitempty"`
	// Images are the language's image variants (a chart with its
	// labels translated) and whether each is up to date.
	Images []*imagestamp.Variant `json:"images,omitempty"`
	// Broken are the translated blocks that break a promise of their
	// original (see Broken), at their Markdown line.
	Broken []*POProblem `json:"broken,omitempty"`

	aligned *translation.Language // every page's blocks (see Aligned)
}

// Aligned returns the page key of the original aligned with its
// translation into l, block by block, as Align does: the alignment the
// report counted blocks with, so the workbench shows a page without
// aligning it again. It is nil for a page the report does not list.
func (l *Language) Aligned(key string) *translation.Page {
	if l.aligned == nil {
		return nil
	}
	for _, pa := range l.aligned.Pages {
		if pa.Key == key {
			return pa
		}
	}
	return nil
}

// StaleImages counts l's image variants whose original changed since.
func (l *Language) StaleImages() int {
	n := 0
	for _, v := range l.Images {
		if v.Stale {
			n++
		}
	}
	return n
}

// Count returns how many of l's pages are in state s.
func (l *Language) Count(s State) int {
	n := 0
	for _, p := range l.Pages {
		if p.State == s {
			n++
		}
	}
	return n
}

// Page is the status of one page in one language.
type Page struct {
	Key   string `json:"key"`
	Title string `json:"title"`
	State State  `json:"state"`
	// File is the translation's file, or where to create it.
	File      string `json:"file"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	SourceURL string `json:"source_url"`
	// Draft is set when a translation file exists but is marked draft.
	Draft bool `json:"draft,omitempty"`
	// Reason says why a stale page is stale when Changes cannot.
	Reason  string         `json:"reason,omitempty"`
	Changes []stamp.Change `json:"changes,omitempty"`
	// Why is Reason, to say in the translator's language.
	Why *words.Message `json:"-"`
	// Blocks counts the page's blocks by state (see Align).
	Blocks translation.Counts `json:"blocks"`
}

// String is a problem with one interface string.
type String struct {
	ID      string `json:"id"`
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Problem string `json:"problem"` // "missing", "untranslated", "changed", "placeholder", "plural", "unused" or "undefined"
	Detail  string `json:"detail"`
	// Previous is the original's text when the string was translated,
	// for a "changed" one ("" when the PO file does not keep it).
	Previous string `json:"previous,omitempty"`
	Uses     []Use  `json:"uses,omitempty"`
	// Msg is Detail, to say in the translator's language.
	Msg *words.Message `json:"-"`
}

// newString makes a String whose Detail is its message in English.
func newString(id, file string, line int, problem string, m *words.Message) *String {
	return &String{ID: id, File: file, Line: line, Problem: problem, Detail: m.Error(), Msg: m}
}

// Clean reports whether nothing is missing or out of date. Glossary
// misses are advice and do not count.
func (r *Report) Clean() bool {
	if len(r.Unused)+len(r.Undefined)+len(r.Stray) > 0 {
		return false
	}
	for _, l := range r.Languages {
		if len(l.Strings)+len(l.PO)+len(l.Broken)+l.StaleImages() > 0 || l.Count(Translated) != len(l.Pages) {
			return false
		}
	}
	return true
}

// Load reads the project in fsys and reports on it.
func Load(fsys fs.FS) (*Report, error) {
	// The report aligns every page and works out an export: the
	// project's one load (a snapshot of it) parses each page and PO
	// file once for both. A caller that loads again (the workbench)
	// passes a translate.Cached folder, so that what did not change is
	// not parsed again; one status keeps no such cache, whose hashing
	// of every file it would not use.
	pr, err := translate.LoadProject(fsys)
	if err != nil {
		return nil, err
	}
	cfg, site, gl, reserved := pr.Config(), pr.Site(), pr.Glossary(), pr.Reserved()
	used, err := usedStrings(fsys)
	if err != nil {
		return nil, err
	}
	// No layout names the message that names numbered paragraphs'
	// links: the renderer uses it for every numbered page.
	for _, p := range site.Pages {
		if p.Numbered {
			used[locale.ParagraphLabel] = append(used[locale.ParagraphLabel], Use{File: p.File, Line: 1})
		}
		// Nor the notice before a block shown in the original's
		// language: the renderer writes it in a translation that
		// records its blocks (and falls back to its own words when a
		// site has no such message).
		if p.BlocksFrom != "" {
			used[locale.UntranslatedBlock] = append(used[locale.UntranslatedBlock], Use{File: p.File, Line: 1})
		}
	}
	files := map[string]*locale.FileInfo{}
	var errs diag.List
	for _, lang := range cfg.Codes() {
		fi, err := locale.Inspect(fsys, lang)
		errs.Add(err)
		files[lang] = fi
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	r := &Report{Default: cfg.DefaultLanguage, BasePath: cfg.BasePath()}
	r.Unused, r.Undefined = defaultStrings(files[cfg.DefaultLanguage], used)
	for _, l := range cfg.Languages {
		if l.Code == cfg.DefaultLanguage {
			continue
		}
		lang := &Language{Lang: l.Code, Name: l.Name}
		lang.Pages, lang.Glossary = pages(site, l.Code, gl, reserved)
		lang.Strings = stringsOf(files[cfg.DefaultLanguage], files[l.Code], used)
		lang.Strings = append(lang.Strings, stringPromises(files[cfg.DefaultLanguage], files[l.Code])...)
		changed, err := stringChanges(pr.FS(), files[cfg.DefaultLanguage], files[l.Code], l.Code)
		if err != nil {
			return nil, err
		}
		lang.Strings = append(lang.Strings, changed...)
		// One pass over the pages aligns them and works out the
		// export that tells which PO files are out of step.
		sv, err := pr.Survey(l.Code, hasPOFiles(fsys, l.Code))
		if err != nil {
			return nil, err
		}
		la := sv.Aligned
		addBlocks(lang, la)
		lang.aligned = la
		for _, e := range translate.Broken(la, cfg.UnsafeHTML) {
			lang.Broken = append(lang.Broken, problemOf(e, "promise", nil))
		}
		if lang.PO, err = poProblems(pr.FS(), sv, l.Code); err != nil {
			return nil, err
		}
		if lang.Images, err = imagestamp.Variants(fsys, l.Code, cfg.DefaultLanguage); err != nil {
			return nil, err
		}
		r.Languages = append(r.Languages, lang)
	}
	r.Extra = extra(site)
	r.Stray = StrayPO(fsys, cfg.Codes(), cfg.DefaultLanguage)
	return r, nil
}

// pages reports on every published default-language page in lang.
func pages(site *content.Tree, lang string, gl *glossary.Glossary, reserved []string) ([]*Page, []glossary.Miss) {
	var (
		srcs   []*content.Page
		misses []glossary.Miss
	)
	for _, src := range site.Pages {
		if src.Lang == site.Default && !src.Draft {
			srcs = append(srcs, src)
		}
	}
	// Each page's stamp and glossary are checked on their own, so on
	// all cores; results go by index, so the order never changes.
	out := make([]*Page, len(srcs))
	pageMisses := make([][]glossary.Miss, len(srcs))
	parallel.For(context.Background(), len(srcs), func(i int) {
		out[i], pageMisses[i] = page(site, srcs[i], lang, gl, reserved)
	})
	for _, m := range pageMisses {
		misses = append(misses, m...)
	}
	return out, misses
}

// page reports on the published default-language page src in lang.
func page(site *content.Tree, src *content.Page, lang string, gl *glossary.Glossary, reserved []string) (*Page, []glossary.Miss) {
	t := site.Page(lang, src.Key)
	p := &Page{Key: src.Key, Title: src.Title, Source: src.File, SourceURL: src.URL,
		File: src.ID().In(lang).File(), URL: t.URL}
	switch {
	case t.Untranslated:
		p.State = Missing
	case t.Draft:
		p.State, p.Draft, p.File, p.Title = Missing, true, t.File, t.Title
	default:
		p.File, p.Title = t.File, t.Title
		var why *words.Message
		p.State, why, p.Changes = staleness(t, src, reserved)
		p.setReason(why)
		return p, gl.Check(src.Lang, src.File, src.Body, lang, t.File, t.Body)
	}
	return p, nil
}

// staleness compares a translation's stamp with its source, whose
// layouts reserve the IDs reserved.
func staleness(t, src *content.Page, reserved []string) (State, *words.Message, []stamp.Change) {
	if t.TranslatedFrom == "" {
		return Stale, words.Msg("reason_unstamped"), nil
	}
	st, err := stamp.Parse(t.TranslatedFrom)
	if err != nil {
		return Stale, words.Msg("reason_bad_stamp", "Err", err.Error()), nil
	}
	changed, changes := stamp.Diff(st, src.Body, stamp.HeadingIDs(src, reserved))
	if !changed {
		return Translated, nil, nil
	}
	if len(changes) == 0 {
		return Stale, words.Msg("reason_old_stamp"), nil
	}
	return Stale, nil, changes
}

// setReason records why p is out of date, or that nothing says why.
func (p *Page) setReason(m *words.Message) {
	p.Why, p.Reason = m, ""
	if m != nil {
		p.Reason = m.Error()
	}
}

// extra lists pages that exist in a language but not in the default one.
func extra(site *content.Tree) []*Page {
	var out []*Page
	for _, p := range site.Pages {
		if p.Lang != site.Default && !p.Untranslated && site.Page(site.Default, p.Key) == nil {
			out = append(out, &Page{Key: p.Key, Title: p.Title, File: p.File, URL: p.URL,
				Source: p.ID().In(site.Default).File()})
		}
	}
	return out
}

// defaultStrings finds the default language's unused and undefined strings.
func defaultStrings(def *locale.FileInfo, used map[string][]Use) (unused, undefined []*String) {
	for _, id := range slices.Sorted(maps.Keys(def.Messages)) {
		if _, ok := used[id]; !ok {
			m := def.Messages[id]
			unused = append(unused, newString(id, def.File, m.Line, "unused", words.Msg("string_unused_default")))
		}
	}
	for _, id := range slices.Sorted(maps.Keys(used)) {
		if _, ok := def.Messages[id]; !ok {
			s := newString(id, def.File, 0, "undefined", words.Msg("string_undefined", "File", def.File))
			s.Uses = used[id]
			undefined = append(undefined, s)
		}
	}
	for _, p := range def.Problems {
		undefined = append(undefined, pluralString(p))
	}
	return unused, undefined
}

// stringsOf finds the problems of one translation's message file.
func stringsOf(def, fi *locale.FileInfo, used map[string][]Use) []*String {
	var out []*String
	for _, id := range slices.Sorted(maps.Keys(def.Messages)) {
		d := def.Messages[id]
		m, ok := fi.Messages[id]
		switch {
		case !ok:
			s := newString(id, fi.File, 0, "missing", words.Msg("string_missing", "Place", fmt.Sprintf("%s:%d", def.File, d.Line)))
			s.Uses = used[id]
			out = append(out, s)
		case !m.Same && sameText(d, m):
			out = append(out, newString(id, fi.File, m.Line, "untranslated",
				words.Msg("string_untranslated", "File", def.File, "Mark", fmt.Sprintf("%q", locale.SameMark))))
		}
	}
	for _, p := range fi.Problems {
		out = append(out, pluralString(p))
	}
	for _, id := range slices.Sorted(maps.Keys(fi.Messages)) {
		if _, ok := def.Messages[id]; !ok {
			m := fi.Messages[id]
			out = append(out, newString(id, fi.File, m.Line, "unused", words.Msg("string_unused", "File", def.File)))
		}
	}
	return out
}

// pluralString reports a message whose plural forms are wrong for its
// language.
func pluralString(p *diag.Error) *String {
	s := &String{File: p.Path, Line: p.Line, Problem: "plural", Detail: p.Err.Error()}
	var pe *locale.PluralError
	if errors.As(p.Err, &pe) {
		s.Msg = words.Msg("plural_"+pe.Kind, "ID", fmt.Sprintf("%q", pe.ID), "Form", fmt.Sprintf("%q", pe.Form),
			"Lang", fmt.Sprintf("%q", pe.Lang), "Forms", strings.Join(pe.Forms, ", "))
	}
	return s
}

// sameText reports whether a message reads the same in both files: the
// forms they share are equal.
func sameText(a, b locale.MessageInfo) bool {
	shared := 0
	for f, s := range b.Forms {
		if t, ok := a.Forms[f]; ok {
			if s != t {
				return false
			}
			shared++
		}
	}
	return shared > 0
}

// addBlocks adds the block counts of a language's alignment to its
// status.
func addBlocks(l *Language, la *translation.Language) {
	byKey := map[string]*translation.Page{}
	for _, pa := range la.Pages {
		byKey[pa.Key] = pa
	}
	// Each page's reason is said on its own (a page out of date names
	// every block that changed), so on all cores.
	parallel.For(context.Background(), len(l.Pages), func(i int) {
		pageBlocks(l.Pages[i], byKey[l.Pages[i].Key])
	})
	l.Blocks = la.Totals
}

// pageBlocks adds the block counts of a page's alignment pa (nil for
// none) to its status p.
func pageBlocks(p *Page, pa *translation.Page) {
	if pa == nil {
		return
	}
	p.Blocks = pa.Counts
	if pa.PO == "" && p.State == Translated && pa.Counts.Identical > 0 {
		// Stamped, but blocks still read as the original
		// (a page made with "stamp -new" and left so).
		p.State = Stale
		if pa.Counts.Identical == pa.Counts.Total() {
			p.State = Missing
		}
		p.Changes = nil
		p.setReason(blockReason(pa))
		return
	}
	// Where a PO file records what each block was translated
	// from, the page is up to date exactly when every block is.
	if pa.PO == "" || p.State == Missing {
		return
	}
	if pa.UpToDate() {
		p.State, p.Changes = Translated, nil
		p.setReason(nil)
	} else {
		p.State = Stale
		p.setReason(blockReason(pa))
	}
}

// ErrNotClean is "site status -strict"'s error when something is missing
// or out of date.
var ErrNotClean error = words.Msg("not_clean")

// PageReport is one page of one language as the report has it, worked
// out from that page's own files: its entry in the report (Page), its
// alignment with the original (Aligned), and the language names the
// page's view shows.
type PageReport struct {
	Default     string // the original's language
	DefaultName string
	Lang, Name  string
	Page        *Page
	Aligned     *translation.Page
	Glossary    *glossary.Glossary // the project's, as the page was read with it
}

// LoadPage reports on the published default-language page key in
// lang as Load would, reading only the project's tree of pages, the
// page's original, translation and PO file, the language's sync record
// and the glossary: its state and block counts come from that page
// alone, so a workbench's first page need not align every page. Nil
// when lang is not a translated language or the page is not published
// in the default language.
func LoadPage(fsys fs.FS, lang, key string) (*PageReport, error) {
	pr, err := translate.LoadProject(fsys)
	if err != nil {
		return nil, err
	}
	cfg, site := pr.Config(), pr.Site()
	l := cfg.Language(lang)
	if l == nil || l.Code != lang || lang == cfg.DefaultLanguage {
		return nil, nil
	}
	src := site.Page(cfg.DefaultLanguage, key)
	if src == nil || src.Lang != site.Default || src.Draft || src.Untranslated {
		return nil, nil
	}
	p, _ := page(site, src, lang, pr.Glossary(), pr.Reserved())
	pa, err := pr.AlignPage(lang, key)
	if err != nil {
		return nil, err
	}
	pageBlocks(p, pa)
	return &PageReport{Default: cfg.DefaultLanguage, DefaultName: cfg.Language(cfg.DefaultLanguage).Name,
		Lang: lang, Name: l.Name, Page: p, Aligned: pa, Glossary: pr.Glossary()}, nil
}
