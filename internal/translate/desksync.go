package translate

import (
	"io/fs"
	"testing/fstest"

	"cecot/internal/locale"
	"cecot/internal/plural"
	"cecot/internal/po"
	"cecot/internal/pofiles"
	"cecot/internal/words"
)

// A desk save changes the Markdown (or locales/<lang>.toml) as "site po
// import" would, and leaves the PO file and the sync record (.po-sync)
// as import leaves them: the PO file holds the saved translation and
// the record says both sides last agreed on it. So the next "site po
// export" finds nothing to carry, and the next import nothing to undo,
// where a hand edit of the Markdown is carried across by the next
// export. A translation in the PO file not yet imported is never
// overwritten: the save is refused, naming it.

// overlay is fsys as it will be once files are written.
type overlay struct {
	fs.FS
	files fstest.MapFS
}

func newOverlay(fsys fs.FS, files map[string][]byte) overlay {
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return overlay{FS: fsys, files: m}
}

func (o overlay) Open(name string) (fs.File, error) {
	if _, ok := o.files[name]; ok {
		return o.files.Open(name)
	}
	return o.FS.Open(name)
}

// poPending refuses a desk save of the unit at anchor when the PO file
// has another translation of it that the Markdown does not have yet (a
// Weblate commit not imported): saving would lose it.
func (s *pageSync) poPending(anchor, text string) error {
	for _, sl := range s.slots() {
		if sl.b.Anchor != anchor || sl.e == nil {
			continue
		}
		if p := first(sl.e.Str); p == "" || p == text {
			return nil
		}
		if side := s.side(sl); side == poNewer || side == bothNewer {
			return words.At(s.poPath, sl.e.StrLine, "unit_po_pending", "Block", anchor, "File", s.poPath, "Command", words.Command, "Lang", s.lang)
		}
	}
	return nil
}

// syncPageSave adds to plan, a desk save of the unit at anchor of a
// page's translation, what "site po import" records when it brings a
// PO entry's translation into the Markdown: the entry (found as import
// and export find it) holds the text as the saved Markdown now has it,
// reviewed against the original as it is now (see reviewedEntry), and
// the sync record says both sides agree on it; and once no unit of the
// page is out of date, the page is stamped (see stampWhenCurrent). As
// after an import, the next export finds the block in step. A page
// without a PO file, or a unit without an entry (a PO file older than
// the block), has nothing to keep in step: the next export writes the
// entry.
func syncPageSave(fsys fs.FS, plan *Plan, before *pageSync, anchor string) error {
	if err := syncPageEntry(fsys, plan, before, anchor); err != nil {
		return err
	}
	return stampWhenCurrent(fsys, plan, before)
}

// syncPageEntry is syncPageSave's part for the PO file: the unit's
// entry, reviewed (see reviewedEntry), and the sync record.
func syncPageEntry(fsys fs.FS, plan *Plan, before *pageSync, anchor string) error {
	if before.pofile == nil {
		return nil
	}
	var e *po.Entry
	for _, sl := range before.slots() {
		if sl.b.Anchor == anchor {
			e = sl.e
		}
	}
	if e == nil || e.Plural() {
		return nil
	}
	after := newOverlay(fsys, plan.Files)
	pr, err := LoadProject(after)
	if err != nil {
		return err
	}
	src := pr.site.Page(pr.site.Default, before.key)
	if src == nil {
		return nil
	}
	ps, err := pr.pageSync(src, before.lang, nil)
	if err != nil {
		return err
	}
	saved, msgid := "", ""
	for _, sl := range ps.slots() {
		if sl.b.Anchor == anchor {
			saved, msgid = sl.markdownText(), sl.b.Text
		}
	}
	if saved == "" {
		return nil
	}
	old := syncKey(e.Ctx(), e.ID)
	if reviewedEntry(e, msgid, saved) {
		plan.put(fsys, before.poPath, before.pofile.Bytes())
	}
	rec, err := readSync(fsys, before.lang)
	if err != nil {
		return err
	}
	delete(rec, old)
	rec[syncKey(e.Ctx(), e.ID)] = hashText(saved)
	plan.put(fsys, SyncFile(before.lang), rec.bytes())
	return nil
}

// syncStringSave adds to plan, a desk save of interface string d's
// translation into lang, what "site po import" records when it brings
// the strings' PO entry into locales/<lang>.toml: the entry holds the
// saved forms (in the PO file's own plural rule) and the sync record
// says both sides agree. A translation in the PO file not imported yet,
// other than the saved one, refuses the save, as for a page.
func syncStringSave(fsys fs.FS, plan *Plan, lang string, d *locale.MessageInfo) error {
	name := pofiles.Strings(lang)
	f, err := ReadPO(fsys, name)
	if err != nil || f == nil {
		return err
	}
	rule, ok := plural.FileRule(lang, f.Get("Plural-Forms"))
	if !ok {
		return nil
	}
	var e *po.Entry
	for _, x := range f.Entries {
		if !x.Obsolete && x.Ctx() == d.ID {
			e = x
		}
	}
	plural := d.Plural()
	if e == nil || e.Plural() != plural || plural && len(e.Str) != len(rule.Forms) {
		return nil // a PO file import would refuse: it says why
	}
	old, err := messageOf(fsys, lang, d.ID)
	if err != nil {
		return err
	}
	saved, err := messageOf(newOverlay(fsys, plan.Files), lang, d.ID)
	if err != nil {
		return err
	}
	rec, err := readSync(fsys, lang)
	if err != nil {
		return err
	}
	ctx := stringsContext(d.ID)
	now := translatedForms(saved, plural, rule)
	if p := joinForms(e.Str); !allEmpty(e.Str) && p != joinForms(translatedForms(old, plural, rule)) && p != joinForms(now) {
		if b, ok := rec[ctx]; !ok || poHash(rule, e.Str, plural) != b {
			return words.At(name, e.StrLine, "unit_po_pending", "Block", d.ID, "File", name, "Command", words.Command, "Lang", lang)
		}
	}
	if joinForms(e.Str) != joinForms(now) {
		e.Str = now
		plan.put(fsys, name, f.Bytes())
	}
	rec[ctx] = tomlHash(saved, plural, rule)
	plan.put(fsys, SyncFile(lang), rec.bytes())
	return nil
}

// messageOf is interface string id of locales/<lang>.toml, nil if the
// file lacks it.
func messageOf(fsys fs.FS, lang, id string) (*locale.MessageInfo, error) {
	msgs, err := locale.Messages(fsys, lang)
	if err != nil {
		return nil, err
	}
	for _, m := range msgs {
		if m.ID == id {
			return m, nil
		}
	}
	return nil, nil
}
