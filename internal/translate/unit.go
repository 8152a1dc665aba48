package translate

import (
	"errors"
	"io/fs"
	"strings"

	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/locale"
	"cecot/internal/markdown"
	"cecot/internal/pagefile"
	"cecot/internal/plural"
	"cecot/internal/promise"
	"cecot/internal/translation"
	"cecot/internal/words"
)

// PlanUnit works out the translation of page key into lang with one
// unit, the one the original's block anchor names ("p7", "meta.title",
// "key-facts.item2"), reading text: the workbench's desk saves one
// field with it. It goes through the same code and checks as "site po
// import": the text must keep every promise of the original's block
// (links, footnotes, placeholders, its shape), the page must still
// parse, and every other byte of the file stays as it was. The plan
// holds the one file, or nothing when the text is already there, and
// the page's PO file and sync record as import leaves them (see
// syncPageSave); a problem is a located error and plans nothing.
func PlanUnit(fsys fs.FS, lang, key, anchor, text string) (*Plan, error) {
	pr, s, err := unitPage(fsys, lang, key)
	if err != nil {
		return nil, err
	}
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	if err := s.poPending(anchor, text); err != nil {
		return nil, err
	}
	for _, sl := range s.slots() {
		if sl.b.Anchor != anchor {
			continue
		}
		if sl.t == nil {
			plan, err := s.planMissingUnit(fsys, sl, text, pr.cfg.UnsafeHTML)
			if err != nil {
				return nil, err
			}
			return plan, syncPageSave(fsys, plan, s, anchor)
		}
		if text == "" {
			return nil, words.At(s.tr.path, sl.t.Line, "unit_empty", "Block", anchor)
		}
		if err := checkUnit(s.tr.path, sl.t.Line, sl.b, text, pr.cfg.UnsafeHTML); err != nil {
			return nil, err
		}
		plan := newPlan()
		s.inPlace = true // one unit changes, and nothing else
		out, err := s.apply([]edit{{b: *sl.t, text: text, inTranslation: true}}, false)
		if err != nil {
			return nil, err
		}
		plan.put(fsys, s.tr.path, out)
		return plan, syncPageSave(fsys, plan, s, anchor)
	}
	return nil, words.At(s.orig.path, 0, "unit_unknown", "Block", anchor, "File", s.orig.path)
}

// planMissingUnit puts the translation of a block the translation
// lacks (a paragraph added to the original) at its place in the
// original's order, as "site po import" does for a PO file that
// translates it: the body is rebuilt through restructure with this one
// translation and no PO entry (unitOnly), and blocks_from records the
// new block. A block of several units (a new list, a new table) is
// started from the original, as "site stamp -new" starts a page: the
// saved unit translated, its other items or cells in the original's
// words, which count as untranslated (translation.Sameness) and keep their own
// fields, so the translator fills them in one by one and the block's
// place (#pN) is never another block's.
func (s *pageSync) planMissingUnit(fsys fs.FS, sl slot, text string, unsafeHTML bool) (*Plan, error) {
	noPlace := words.At(s.tr.path, 0, "unit_no_place", "Block", sl.b.Anchor, "File", s.tr.path, "Original", s.orig.path)
	if sl.b.frontKey != "" || !s.canRestructure() {
		return nil, noPlace
	}
	if text == "" {
		return nil, words.At(s.tr.path, 0, "unit_empty", "Block", sl.b.Anchor)
	}
	if err := checkUnit(s.tr.path, 0, sl.b, text, unsafeHTML); err != nil {
		return nil, err
	}
	s.unitOnly = true
	out, err := s.apply([]edit{{b: sl.b, text: text}}, false)
	if err != nil {
		return nil, err
	}
	plan := newPlan()
	plan.put(fsys, s.tr.path, out)
	return plan, nil
}

// checkUnit is checkTranslation for a text that comes from no PO entry:
// each promise broken is an error at the block's line.
func checkUnit(name string, line int, b block, text string, unsafeHTML bool) error {
	var errs diag.List
	for _, pb := range promise.Markdown(unitOf(b), b.Text, text, promise.Options{UnsafeHTML: unsafeHTML}) {
		errs.Add(words.At(name, line, "unit_check", "Block", b.Anchor, "What", pb))
	}
	return errs.Err()
}

// PlanString works out locales/<lang>.toml with the interface string
// id translated as text (see PlanStringForms).
func PlanString(fsys fs.FS, lang, id, text string) (*Plan, error) {
	return PlanStringForms(fsys, lang, id, map[string]string{"other": text})
}

// PlanStringForms works out locales/<lang>.toml with the interface
// string id translated as forms, as "site po import" writes a PO
// entry's: a simple message takes forms["other"]; a message with plural
// forms takes one text for each CLDR form of lang (one, many and other
// for Spanish), none empty. The texts must keep the original's
// placeholders and template syntax (package promise), and only the
// message's own lines change (or lines are added when the file lacks
// it). The strings' PO file and sync record are kept in step, as for a
// page (syncStringSave).
func PlanStringForms(fsys fs.FS, lang, id string, forms map[string]string) (*Plan, error) {
	pr, err := LoadProject(fsys)
	if err != nil {
		return nil, err
	}
	if _, err := pr.languages([]string{lang}); err != nil {
		return nil, err
	}
	defs, err := locale.Messages(fsys, pr.cfg.DefaultLanguage)
	if err != nil {
		return nil, err
	}
	var d *locale.MessageInfo
	for _, m := range defs {
		if m.ID == id {
			d = m
		}
	}
	file := locale.File(lang)
	if d == nil {
		return nil, words.At(locale.File(pr.cfg.DefaultLanguage), 0, "unit_unknown", "Block", id)
	}
	line := 0
	trs, err := locale.Messages(fsys, lang)
	if err != nil {
		return nil, err
	}
	for _, m := range trs {
		if m.ID == id {
			line = m.Line
		}
	}
	rule, ok := plural.RuleOf(lang)
	if !ok {
		return nil, diag.Errorf(file, line, "no plural rule known for language %q", lang)
	}
	want := []string{"other"}
	if d.Plural() {
		want = rule.CLDRForms()
	}
	clean := map[string]string{}
	var empty []string
	for _, f := range want {
		clean[f] = strings.TrimSpace(strings.ReplaceAll(forms[f], "\r\n", "\n"))
		if clean[f] == "" {
			empty = append(empty, f)
		}
	}
	switch {
	case len(empty) > 0 && !d.Plural():
		return nil, words.At(file, line, "unit_empty", "Block", id)
	case len(empty) > 0:
		return nil, words.At(file, line, "unit_plural_empty", "Block", id, "Forms", strings.Join(empty, ", "))
	}
	var errs diag.List
	for _, pb := range promise.String(d.Forms, clean) {
		errs.Add(words.At(file, line, "unit_check", "Block", id, "What", pb))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	data, err := fs.ReadFile(fsys, file)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, diag.CannotRead(file, err)
	}
	ed := &locale.Editor{Src: data}
	if err := ed.Set(id, d.Plural(), rule.CLDRForms(), clean); err != nil {
		return nil, diag.Errorf(file, line, "%v", err)
	}
	plan := newPlan()
	plan.put(fsys, file, ed.Src)
	if err := syncStringSave(fsys, plan, lang, d); err != nil {
		return nil, err
	}
	return plan, nil
}

// PlanReviewUnit works out the translation of page key into lang with
// one unit marked as reviewed against its original as it is now, as
// "site stamp" marks a whole page: the record of what the translation
// was made from (blocks_from) names the original's block that holds the
// unit as it is now, so the unit, and the other units of its block (the
// items of its list, the cells of its table), are no longer changed.
// Only the blocks_from line changes. A translation without a record, or
// a front-matter field (which a record does not cover), is reviewed
// with its whole page.
func PlanReviewUnit(fsys fs.FS, lang, key, anchor string) (*Plan, error) {
	_, s, err := unitPage(fsys, lang, key)
	if err != nil {
		return nil, err
	}
	noRecord := words.At(s.tr.path, 0, "unit_no_record", "Block", anchor, "File", s.tr.path)
	rec, err := translation.ParseRecord(s.tr.page.BlocksFrom)
	ob, tb := markdown.Blocks(s.orig.page.Body), markdown.Blocks(s.tr.page.Body)
	if s.tr.page.BlocksFrom == "" || err != nil || len(rec) != len(tb) {
		return nil, noRecord
	}
	now := translation.Items(s.orig.page.Body, ob)
	matched := translation.Match(rec, now)
	oUnits, _ := unitsByBlock(s.orig, ob)
	for i, units := range oUnits {
		for _, u := range units {
			if s.orig.blocks[u].Anchor != anchor {
				continue
			}
			if matched[i].Old < 0 {
				return nil, words.At(s.tr.path, 0, "unit_no_place", "Block", anchor, "File", s.tr.path, "Original", s.orig.path)
			}
			rec[matched[i].Old] = now[i]
			data, err := fs.ReadFile(fsys, s.tr.path)
			if err != nil {
				return nil, diag.CannotRead(s.tr.path, err)
			}
			out, err := pagefile.Set(data, translation.RecordField, rec.String())
			if err != nil {
				return nil, &diag.Error{Path: s.tr.path, Err: err}
			}
			if _, _, err := content.Parse(content.ID{Lang: lang, Key: key}, out); err != nil {
				return nil, words.WithNote(err, "file_not_changed")
			}
			plan := newPlan()
			plan.put(fsys, s.tr.path, out)
			return plan, syncPageSave(fsys, plan, s, anchor)
		}
	}
	return nil, noRecord
}

// unitPage is the project and page key's translation into lang beside
// its original, for
// the desk's one-unit plans: an error if the original or its
// translation does not exist.
func unitPage(fsys fs.FS, lang, key string) (*Project, *pageSync, error) {
	pr, err := LoadProject(fsys)
	if err != nil {
		return nil, nil, err
	}
	if _, err := pr.languages([]string{lang}); err != nil {
		return nil, nil, err
	}
	src := pr.site.Page(pr.site.Default, key)
	if src == nil || src.Untranslated {
		return nil, nil, words.Msg("unit_no_page", "Page", content.ID{Lang: pr.site.Default, Key: key}.File())
	}
	base, err := readSync(fsys, lang)
	if err != nil {
		return nil, nil, err
	}
	s, err := pr.pageSync(src, lang, base)
	if err != nil {
		return nil, nil, err
	}
	if s.tr == nil {
		return nil, nil, words.At(s.trFile(), 0, "unit_no_translation", "File", s.trFile(), "Original", s.orig.path)
	}
	return pr, s, nil
}
