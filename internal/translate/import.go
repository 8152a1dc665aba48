package translate

import (
	"bytes"
	"cecot/internal/pagefile"
	"cecot/internal/pofiles"
	"cecot/internal/tomlline"
	"cecot/internal/translation"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"sync"

	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/markdown"
	"cecot/internal/po"
	"cecot/internal/promise"
	"cecot/internal/stamp"
	"cecot/internal/words"
)

// PlanImport works out the Markdown pages (content/<lang>/) and
// interface strings (locales/<lang>.toml) that the PO files of the given
// languages hold (every translated language when none is given). It
// changes only the blocks whose translation the PO file changed since
// the last export or import, keeps every other byte of a page (front
// matter such as slug and weight included), and stamps a page as
// translated from its original as it is now when all its messages are
// translated and none is fuzzy. An untranslated message leaves the
// block as it is.
//
// Every problem of every PO file is reported, each at the line of its
// entry, and then nothing is planned: a syntax error, an unknown or
// repeated msgctxt, a file for another language or page, a translation
// that breaks its block's structure or links, raw HTML where the site
// does not allow it, and a wrong number of plural forms.
func PlanImport(fsys fs.FS, langs []string) (*Plan, error) {
	pr, err := LoadProject(fsys)
	if err != nil {
		return nil, err
	}
	if langs, err = pr.languages(langs); err != nil {
		return nil, err
	}
	plan := newPlan()
	var errs diag.List
	for _, lang := range langs {
		errs.Add(pr.importLanguage(plan, lang))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return plan, nil
}

func (pr *Project) importLanguage(plan *Plan, lang string) error {
	base, err := readSync(pr.fsys, lang)
	if err != nil {
		return err
	}
	next := syncRecord{}
	for k, v := range base {
		next[k] = v
	}
	var errs diag.List
	for _, src := range pr.originals() {
		ps, err := pr.pageSync(src, lang, base)
		if err != nil {
			errs.Add(err)
			continue
		}
		errs.Add(ps.importPage(pr, plan, next))
	}
	errs.Add(pr.strayPOFiles(lang))
	errs.Add(pr.importStrings(plan, lang, base, next))
	if err := errs.Err(); err != nil {
		return err
	}
	plan.put(pr.fsys, SyncFile(lang), next.bytes())
	return nil
}

// strayPOFiles finds PO files of pages that the site does not have.
func (pr *Project) strayPOFiles(lang string) error {
	dir := pofiles.Page(lang, "x")
	dir = dir[:len(dir)-len("x.po")]
	var errs diag.List
	_ = fs.WalkDir(pr.fsys, strings.TrimSuffix(dir, "/"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".po") {
			return nil
		}
		key := strings.TrimSuffix(strings.TrimPrefix(p, dir), ".po")
		if src := pr.site.Page(pr.site.Default, key); src == nil || src.Untranslated || src.Draft {
			errs.Add(words.At(p, 1, "po_no_page", "Page", content.ID{Lang: pr.site.Default, Key: key}.File()))
		}
		return nil
	})
	return errs.Err()
}

// edit is a change to one block of a page.
type edit struct {
	b    block // where, in the file being edited
	text string
	// inTranslation says b is the translation's block; otherwise it
	// is the original's, which the translation lacks.
	inTranslation bool
	// remove takes the translation's block b out: its msgstr was
	// emptied, so the block is untranslated (see poEmptied).
	remove bool
}

func (s *pageSync) importPage(pr *Project, plan *Plan, next syncRecord) error {
	if s.pofile == nil {
		return nil
	}
	if err := checkLanguage(s.pofile, s.poPath, s.lang); err != nil {
		return err
	}
	var errs diag.List
	seen := map[string]int{}
	for _, e := range s.pofile.Entries {
		if e.Obsolete {
			continue
		}
		ctx := e.Ctx()
		switch {
		case e.Context == nil:
			errs.Add(words.At(s.poPath, e.Line, "po_no_context", "Example", fmt.Sprintf("%q", s.key)))
		case !s.ownEntry(e):
			other, _, _ := strings.Cut(ctx, "#")
			errs.Add(words.At(s.poPath, e.Line, "po_other_page", "Ctx", fmt.Sprintf("%q", ctx), "Other", fmt.Sprintf("%q", other),
				"Page", fmt.Sprintf("%q", s.key), "File", pofiles.Page(s.lang, other)))
		case e.Plural():
			errs.Add(words.At(s.poPath, e.Line, "po_page_plural", "Ctx", fmt.Sprintf("%q", ctx)))
		}
		// A message is its context and its text, as gettext keys it.
		key := msgKey(ctx, e.ID)
		if prev, dup := seen[key]; dup && e.Context != nil {
			errs.Add(words.At(s.poPath, e.Line, "po_twice", "Ctx", fmt.Sprintf("%q", ctx), "Line", prev))
		}
		seen[key] = e.Line
	}
	// An entry that no block of the original takes is of a block the
	// original no longer has: export keeps it as obsolete ("#~").
	if err := errs.Err(); err != nil {
		return err
	}
	var edits []edit
	allDone := true
	for _, sl := range s.messages() {
		if !s.done(sl) {
			allDone = false
		}
		switch s.side(sl) {
		case inStep:
			if m := sl.markdownText(); m != "" {
				next[syncKey(sl.e.Ctx(), sl.e.ID)] = hashText(m)
			}
			continue
		case noPORecord, mdNewer:
			continue
		case bothNewer:
			errs.Add(s.conflict(sl))
			continue
		case poEmptied:
			if err := s.canEmpty(sl); err != nil {
				errs.Add(err)
				continue
			}
			edits = append(edits, edit{b: *sl.t, inTranslation: true, remove: true})
			delete(next, syncKey(sl.e.Ctx(), sl.e.ID))
			plan.Changes = append(plan.Changes, words.At(s.trFile(), sl.t.Line, "po_removed", "Block", sl.name(), "Place", fmt.Sprintf("%s:%d", s.poPath, sl.e.StrLine)))
			continue
		}
		if sl.e.Fuzzy() {
			// A translator's "needs work": gettext never
			// publishes it, and neither does import.
			plan.Pending = append(plan.Pending, words.At(s.poPath, sl.e.StrLine, "po_fuzzy", "Block", sl.name(), "Command", words.Command, "Lang", s.lang))
			continue
		}
		p := first(sl.e.Str)
		check := checkTranslation(s.poPath, sl.e, sl.b, p, pr.cfg.UnsafeHTML)
		if sl.b.Kind == kindSlug {
			check = pr.checkSlug(s, sl.e, p)
		}
		if check != nil {
			errs.Add(check)
			continue
		}
		where := sl.b
		if sl.t != nil {
			where = *sl.t
		} else if s.tr != nil && !s.canRestructure() {
			errs.Add(words.At(s.poPath, sl.e.StrLine, "po_no_place", "Block", sl.name(), "File", s.tr.path, "Original", s.orig.path))
			continue
		}
		edits = append(edits, edit{b: where, text: p, inTranslation: sl.t != nil})
		next[syncKey(sl.e.Ctx(), sl.e.ID)] = hashText(p)
		plan.Changes = append(plan.Changes, words.At(s.trFile(), where.Line, "po_translation_from", "Block", sl.name(), "Place", fmt.Sprintf("%s:%d", s.poPath, sl.e.StrLine)))
	}
	if err := errs.Err(); err != nil {
		return err
	}
	if len(edits) == 0 && (s.tr == nil || !allDone || stamp.From(s.tr.page, s.orig.page)) && !s.needsRestructure() {
		return nil
	}
	out, err := s.apply(edits, allDone)
	if err != nil {
		return err
	}
	plan.put(pr.fsys, s.trFile(), out)
	return nil
}

// done reports whether a slot's message is translated from the
// original as it is now. A translation made before slugs were messages
// has its slug already.
func (s *pageSync) done(sl slot) bool {
	if sl.b.Kind == kindSlug && sl.e == nil {
		return sl.markdownText() != ""
	}
	return sl.e != nil && sl.e.Translated() && !sl.e.Fuzzy() && sl.e.ID == sl.b.Text
}

// apply makes the translation's new text: edits applied to the
// translation (or, for a new one, to a copy of the original), stamped
// when every message is translated and up to date.
func (s *pageSync) apply(edits []edit, allDone bool) ([]byte, error) {
	target := s.tr
	if target == nil {
		target = s.orig
	}
	var fields, body []edit
	for _, e := range edits {
		if e.b.frontKey != "" {
			fields = append(fields, e)
		} else {
			body = append(body, e)
		}
	}
	var (
		src      []byte
		restruct *restructured
	)
	if !s.inPlace && (s.needsRestructure() || (s.tr != nil && (hasPlaceless(body) || hasRemoval(body)))) {
		restruct = s.restructure(body)
		src = restruct.src
		allDone = allDone && restruct.complete
	} else {
		// Front-matter fields are whole lines; the body's blocks byte
		// ranges, applied from the end so that offsets stay right.
		src = applyEdits(target.src, 0, len(target.src), body)
	}
	var err error
	if len(fields) > 0 {
		lines := strings.SplitAfter(string(src), "\n")
		for _, f := range fields {
			if f.b.Kind == kindSlug {
				continue // below: the line may not be there yet
			}
			if f.b.frontLine < 0 {
				return nil, words.At(target.path, 0, "po_no_field", "File", target.path, "Key", f.b.frontKey)
			}
			lines[f.b.frontLine] = frontAssign(lines[f.b.frontLine], f.b.frontKey, f.text, target.format)
		}
		src = []byte(strings.Join(lines, ""))
		for _, f := range fields {
			if f.b.Kind == kindSlug {
				if src, err = pagefile.Set(src, "slug", f.text); err != nil {
					return nil, &diag.Error{Path: s.trFile(), Err: err}
				}
			}
		}
	}
	if s.tr == nil || allDone {
		if src, err = s.stamp(src, stamp.Make(s.orig.page.Body, s.orig.ids)); err != nil {
			return nil, &diag.Error{Path: s.trFile(), Err: err}
		}
	}
	if restruct != nil && !allDone {
		// The record says which original block each block now
		// translates; the build shows the original's text, marked,
		// for the rest.
		if src, err = pagefile.Set(src, translation.RecordField, restruct.record.String()); err != nil {
			return nil, &diag.Error{Path: s.trFile(), Err: err}
		}
	}
	switch {
	case s.tr == nil && !allDone:
		// A new page is published when it is complete, not before.
		if src, err = pagefile.SetDraft(src); err != nil {
			return nil, &diag.Error{Path: s.trFile(), Err: err}
		}
	case allDone && s.tr != nil && s.tr.page.Draft:
		// Complete now: publish it (issue 19, case 9).
		src = pagefile.ClearDraft(src)
	}
	if target.crlf {
		src = bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))
	}
	if target.bom {
		src = append([]byte("\xef\xbb\xbf"), src...)
	}
	if _, _, err := content.Parse(content.ID{Lang: s.lang, Key: s.key}, src); err != nil {
		return nil, words.WithNote(err, "po_would_break")
	}
	return src, nil
}

// canEmpty says why the translation of a slot whose msgstr was emptied
// cannot be taken out of the page, or nil when it can: the page's
// blocks must be known against the original's, and the block must be
// a whole block of the page (not a field, which the page needs, nor one
// item of a list or cell of a table, which cannot show in English
// alone).
func (s *pageSync) canEmpty(sl slot) error {
	switch {
	case sl.b.frontKey != "":
		return words.At(s.poPath, sl.e.StrLine, "po_empty_field", "Block", sl.name(), "File", s.trFile())
	case !s.canRestructure():
		return words.At(s.poPath, sl.e.StrLine, "po_no_place", "Block", sl.name(), "File", s.tr.path, "Original", s.orig.path)
	case !s.wholeBlock(*sl.t):
		return words.At(s.poPath, sl.e.StrLine, "po_empty_part", "Block", sl.name(), "File", s.trFile())
	}
	if mark := s.strandedFootnote(sl); mark != "" {
		return words.At(s.poPath, sl.e.StrLine, "po_empty_footnote", "Block", sl.name(), "Mark", mark)
	}
	return nil
}

// footnoteMark is a footnote reference, "[^1]"; compiled when first used,
// not at every start of the program.
var footnoteMark = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[\^([^\]\s]+)\]`) })

// strandedFootnote returns the mark of a footnote that taking out the
// translation of a slot would leave without a reference in the page, its
// own translation staying: Markdown would then drop the footnote's text.
// "" when there is none.
func (s *pageSync) strandedFootnote(sl slot) string {
	for _, m := range footnoteMark().FindAllStringSubmatch(sl.t.Text, -1) {
		label, used := m[1], false
		for _, o := range s.slots() {
			switch {
			case o.t == nil || o.t.start == sl.t.start:
			case o.b.Kind == translation.KindFootnote && o.b.Anchor == "fn."+label:
				if s.side(o) == poEmptied {
					used = true // taken out too
				}
			case strings.Contains(o.t.Text, m[0]) && s.side(o) != poEmptied:
				used = true
			}
		}
		if !used {
			return m[0]
		}
	}
	return ""
}

// wholeBlock reports whether the translation's block b is alone in its
// top-level block of the page.
func (s *pageSync) wholeBlock(b block) bool {
	units, _ := unitsByBlock(s.tr, markdown.Blocks(s.tr.page.Body))
	for _, u := range units {
		for _, i := range u {
			if s.tr.blocks[i].start == b.start {
				return len(u) == 1
			}
		}
	}
	return false
}

// frontAssign rewrites a front-matter line "key = ..." (TOML) or
// "key: ..." (YAML) with a new value, keeping its indentation.
func frontAssign(line, key, value, format string) string {
	if format == "yaml" {
		return tomlline.Assign(line, key, ": ", value)
	}
	return tomlline.Assign(line, key, " = ", value)
}

// checkTranslation checks that msgstr p can stand in for block b: that
// it keeps every promise of b's text (package promise). Errors name the
// entry's msgstr line, one for each promise broken.
func checkTranslation(name string, e *po.Entry, b block, p string, unsafeHTML bool) error {
	var errs diag.List
	for _, pb := range promise.Markdown(unitOf(b), b.Text, p, promise.Options{UnsafeHTML: unsafeHTML}) {
		errs.Add(words.At(name, e.StrLine, "po_check", "Ctx", entryName(e, b), "What", pb))
	}
	return errs.Err()
}

// unitOf says what shape block b's text has to keep.
func unitOf(b block) promise.Unit {
	if b.frontKey != "" {
		return promise.Field
	}
	return unitOfKind(b.Kind)
}

// stamp stamps src, the translation's new text, as made from the
// original as it is now, with the record of its blocks when it has the
// original's blocks (see pagefile.StampBlocks).
func (s *pageSync) stamp(src []byte, value string) ([]byte, error) {
	p, _, err := content.Parse(content.ID{Lang: s.lang, Key: s.key}, src)
	if err != nil {
		return nil, err
	}
	if pagefile.SameBlocks(s.orig.path, s.orig.page.Body, s.trFile(), p.Body) != nil {
		return pagefile.SetStamp(src, value)
	}
	return pagefile.StampBlocks(src, value, s.orig.page.Body)
}

// entryName names a page's entry in messages: its msgctxt, and for a
// block of the body, whose context is the page's, where the block is:
// "\"guide\" (key-facts.quote1)".
func entryName(e *po.Entry, b block) string {
	if b.frontKey != "" {
		return fmt.Sprintf("%q", e.Ctx())
	}
	return fmt.Sprintf("%q (%s)", e.Ctx(), b.Anchor)
}
