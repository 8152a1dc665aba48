package translate

import (
	"context"
	"crypto/sha256"
	"errors"
	"io/fs"
	"maps"

	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/parallel"
	"cecot/internal/po"
	"cecot/internal/pofiles"
	"cecot/internal/translation"
)

// Survey is one language of a project, gone through page by page: its
// alignment (Align) and, when asked, the export "site po export" would
// make of it (PlanExport), worked out together.
type Survey struct {
	Aligned *translation.Language
	// Export is nil when not asked for or when it could not be made;
	// ExportErr then says why (the blocks changed on both sides).
	Export    *Plan
	ExportErr error
}

// Survey aligns every page of lang and, when export is set, works out
// its export, one page at a time: each page's original, translation
// and PO file are read and parsed once, aligned, exported, and let go
// before the next page on the same core. What is kept is what the
// report needs: the page's units and counts, and the plan's changes and
// changed files. Status needs both; holding every page's blocks and PO
// file until the whole export was worked out made it peak at 16 times
// a build's memory on a large site.
func (pr *Project) Survey(lang string, export bool) (*Survey, error) {
	if _, err := pr.languages([]string{lang}); err != nil {
		return nil, err
	}
	w, err := pr.walk([]string{lang}, true, export)
	if err != nil {
		return nil, err
	}
	sv := &Survey{Aligned: w.aligned(lang)}
	if export {
		sv.Export, sv.ExportErr = w.plan()
	}
	return sv, nil
}

// walked is what a pass over every original leaves: per page, its
// alignment with its translation into each language and its part of the
// export.
type walked struct {
	pr    *Project
	langs []string
	bases []syncRecord // each language's sync record
	// syncErrs are the languages' sync records that could not be
	// read, for an export (an alignment stops at once).
	syncErrs []error
	srcs     []*content.Page
	pages    []walkedPage
	export   bool
}

type walkedPage struct {
	aligned  []*translation.Page // by language
	alignErr error
	tmpl     *Plan // the template, when exporting
	tmplErr  error
	plans    []*Plan      // by language
	nexts    []syncRecord // by language
	errs     []error      // by language
}

// walk goes through every published original, on all cores, page by
// page; results go by index, so their order never changes.
func (pr *Project) walk(langs []string, align, export bool) (*walked, error) {
	w := &walked{pr: pr, langs: langs, srcs: pr.originals(), export: export}
	sames := make([]*translation.Sameness, len(langs))
	w.bases, w.syncErrs = make([]syncRecord, len(langs)), make([]error, len(langs))
	for j, lang := range langs {
		sames[j] = translation.NewSameness(pr.glossary.SameIn(pr.site.Default, lang))
		rec, err := readSync(pr.fsys, lang)
		if err != nil && align {
			return nil, err
		}
		w.bases[j], w.syncErrs[j] = rec, err
	}
	w.pages = make([]walkedPage, len(w.srcs))
	parallel.For(context.Background(), len(w.srcs), func(i int) {
		w.pages[i] = pr.walkPage(w.srcs[i], langs, w.bases, sames, align, export)
	})
	if align {
		for _, p := range w.pages {
			if p.alignErr != nil {
				var errs diag.List
				for _, p := range w.pages {
					errs.Add(p.alignErr)
				}
				return nil, errs.Err()
			}
		}
	}
	return w, nil
}

// walkPage aligns and exports one original in each language. Nothing
// it reads outlives it but its results.
func (pr *Project) walkPage(src *content.Page, langs []string, bases []syncRecord, sames []*translation.Sameness, align, export bool) walkedPage {
	out := walkedPage{aligned: make([]*translation.Page, len(langs)), plans: make([]*Plan, len(langs)),
		nexts: make([]syncRecord, len(langs)), errs: make([]error, len(langs))}
	fsys := pr.direct()
	orig, err := readLoaded(fsys, src, src.Key, pr.reserved)
	if err != nil {
		out.alignErr, out.tmplErr = err, err
		for j := range langs {
			out.errs[j] = err
		}
		return out
	}
	if export {
		out.tmpl = newPlan()
		tmpl := &pageSync{key: src.Key, lang: pr.cfg.DefaultLanguage, orig: orig}
		out.tmpl.put(pr.fsys, pofiles.Template(src.Key), tmpl.template().Bytes())
	}
	for j, lang := range langs {
		pa := &translation.Page{Key: src.Key, Lang: lang, Original: src.File,
			Translation: src.ID().In(lang).File()}
		ps, pofound, err := pr.walkSync(fsys, src, orig, lang, bases[j], pa)
		if err != nil {
			if out.alignErr == nil {
				out.alignErr = err
			}
			out.errs[j] = err
			continue
		}
		ps.same = sames[j]
		if align {
			pa.Units = alignSync(ps)
			for _, r := range pa.Units {
				pa.Counts.Add(r.State)
			}
			out.aligned[j] = pa
		}
		if export {
			plan, next := newPlan(), syncRecord{}
			f, err := ps.export(plan, next)
			if err != nil {
				out.errs[j] = err
				continue
			}
			plan.putSum(pr.fsys, ps.poPath, f.Bytes(), pofound)
			out.plans[j], out.nexts[j] = plan, next
		}
	}
	return out
}

// walkSync reads the translation into lang of original orig and its PO
// file, and pairs their blocks. It notes on pa whether the translation
// and the PO file exist.
func (pr *Project) walkSync(fsys fs.FS, src *content.Page, orig *pageFile, lang string, base syncRecord, pa *translation.Page) (*pageSync, *poSum, error) {
	var tr *pageFile
	if t := pr.site.Page(lang, src.Key); t != nil && !t.Untranslated {
		pa.Exists, pa.Draft = true, t.Draft
		var err error
		if tr, err = readLoaded(fsys, t, src.Key, pr.reserved); err != nil {
			return nil, nil, err
		}
	}
	name := pofiles.Page(lang, src.Key)
	pofile, sum, err := readPOSum(fsys, name)
	if err != nil {
		return nil, nil, err
	}
	if pofile != nil {
		pa.PO = name
	}
	return newPageSync(orig, tr, pofile, name, base, src.Key, lang), sum, nil
}

// aligned is lang's alignment: every page's, in order, and their totals.
func (w *walked) aligned(lang string) *translation.Language {
	j := 0
	for j < len(w.langs) && w.langs[j] != lang {
		j++
	}
	la := &translation.Language{Lang: lang}
	for _, p := range w.pages {
		pa := p.aligned[j]
		la.Pages = append(la.Pages, pa)
		la.Totals = la.Totals.Plus(pa.Counts)
	}
	return la
}

// plan joins the pages' parts of the export, in the order PlanExport
// has always made them: the templates, the interface strings' template
// and the glossary, then each language's pages, its strings and its
// sync record.
func (w *walked) plan() (*Plan, error) {
	pr := w.pr
	plan := newPlan()
	var errs diag.List
	for _, p := range w.pages {
		if p.tmpl != nil {
			plan.join(p.tmpl)
		}
		errs.Add(p.tmplErr)
	}
	if pot, err := pr.stringsTemplate(); err != nil {
		errs.Add(err)
	} else {
		plan.put(pr.fsys, pofiles.StringsTemplate(), pot.Bytes())
	}
	if len(pr.glossary.Terms) > 0 {
		plan.put(pr.fsys, pofiles.GlossaryTBX(), pr.glossary.TBX(pr.cfg.Codes(), pr.cfg.DefaultLanguage))
	}
	for j, lang := range w.langs {
		errs.Add(w.planLanguage(plan, j, lang))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return plan, nil
}

// planLanguage adds language j's pages, strings and sync record to plan.
func (w *walked) planLanguage(plan *Plan, j int, lang string) error {
	if w.syncErrs[j] != nil {
		return w.syncErrs[j]
	}
	// The record has a line for every block of every page: made at
	// its size, not grown (and rehashed) page by page.
	n := 0
	for _, p := range w.pages {
		n += len(p.nexts[j])
	}
	next := make(syncRecord, n)
	var errs diag.List
	for _, p := range w.pages {
		if p.plans[j] != nil {
			plan.join(p.plans[j])
			maps.Copy(next, p.nexts[j])
		}
		errs.Add(p.errs[j])
	}
	if err := w.pr.exportStrings(plan, lang, w.bases[j], next); err != nil {
		errs.Add(err)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	plan.put(w.pr.fsys, SyncFile(lang), next.bytes())
	return nil
}

// direct is the folder under the load's snapshot: a pass that reads
// each file once has nothing to keep for a second reading.
func (pr *Project) direct() fs.FS {
	if s, ok := pr.fsys.(*snapshot); ok {
		return s.FS
	}
	return pr.fsys
}

// readLoaded is readPage for page p of the project's load, under key:
// when the file still holds what content.Load parsed, its blocks are
// found from that parse, not from a second one of the front matter and
// a second copy of the body.
func readLoaded(fsys fs.FS, p *content.Page, key string, reserved []string) (*pageFile, error) {
	data, err := fs.ReadFile(fsys, p.File)
	if err != nil {
		return nil, diag.CannotRead(p.File, err)
	}
	if c, ok := fsys.(*parseCache); ok {
		return c.parsed(p.File, p.Lang, key, data, reserved, p)
	}
	pf, err := frontOf(p.File, p.Lang, key, data, reserved, p)
	if err != nil {
		return nil, err
	}
	pf.findBlocks(key)
	return pf, nil
}

// frontOf is readPageFront, from the page content.Load parsed (loaded,
// if not nil) when the file still holds what it parsed.
func frontOf(file, lang, key string, data []byte, reserved []string, loaded *content.Page) (*pageFile, error) {
	if loaded != nil && loaded.Key == key && loaded.Lang == lang && loaded.Unchanged(data) {
		return pageFront(file, data, loaded, reserved), nil
	}
	return readPageFront(file, lang, key, data, reserved)
}

// poSum is the hash of a PO file's bytes as they were read.
type poSum [sha256.Size]byte

// readPOSum is ReadPO, with the hash of the bytes read: nil, nil when
// there is no such file.
func readPOSum(fsys fs.FS, name string) (*po.File, *poSum, error) {
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, diag.CannotRead(name, err)
	}
	sum := poSum(sha256.Sum256(data))
	var f *po.File
	if c, ok := fsys.(*parseCache); ok {
		f, err = c.parsedPOSum(name, sum, data)
	} else {
		f, err = po.Read(name, data)
	}
	if err != nil {
		return nil, nil, err
	}
	return f, &sum, nil
}

// putSum is put for a file whose bytes, as read, hash to old (nil: not
// found): the new contents are compared by their hash, not kept.
func (p *Plan) putSum(fsys fs.FS, name string, data []byte, old *poSum) {
	if old == nil {
		p.put(fsys, name, data)
		return
	}
	if sha256.Sum256(data) != *old {
		p.Files[name] = data
	}
}
