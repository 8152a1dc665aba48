package translate

import (
	"io/fs"
	"os"
	"path"

	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/pagefile"
	"cecot/internal/po"
	"cecot/internal/pofiles"
	"cecot/internal/stamp"
	"cecot/internal/translation"
)

// A translator who saves a unit on the desk, or marks it or the page
// reviewed, has read it beside the original as the original is now:
// afterwards the model, the PO file and status agree that it is up to
// date. Its PO entry is the current original's message, not fuzzy and
// without the earlier text (as Poedit leaves an entry whose "needs
// work" mark the translator turned off), and once no unit of the page
// is out of date, the page is stamped as made from the original as it
// is now, as "site stamp" and "site po import" stamp it.

// reviewedEntry makes e the entry of the unit's current original text,
// msgid, translated as text and reviewed: not fuzzy, no earlier text.
// It reports whether e changed.
func reviewedEntry(e *po.Entry, msgid, text string) bool {
	if first(e.Str) == text && e.ID == msgid && !e.Fuzzy() && e.PrevID == nil && e.PrevContext == nil {
		return false
	}
	e.Str = []string{text}
	e.ID = msgid
	e.SetFuzzy(false)
	e.PrevContext, e.PrevID, e.PrevIDPlural = nil, nil, nil
	return true
}

// PlanReviewedPO plans what marking the translation into lang of page
// key reviewed ("site stamp", the desk's page-wide button) means for
// its PO file: each entry that holds the Markdown's translation but
// still says "needs work" (fuzzy, or the msgid of an earlier original)
// is the current original's message, reviewed, and the sync record says
// both sides agree on it. A page without a PO file has nothing to plan.
func PlanReviewedPO(fsys fs.FS, lang, key string) (*Plan, error) {
	_, s, err := unitPage(fsys, lang, key)
	if err != nil {
		return nil, err
	}
	plan := newPlan()
	if s.pofile == nil {
		return plan, nil
	}
	rec, err := readSync(fsys, lang)
	if err != nil {
		return nil, err
	}
	changed := false
	for _, sl := range s.slots() {
		text := sl.markdownText()
		if sl.e == nil || sl.e.Plural() || text == "" || first(sl.e.Str) != text {
			continue
		}
		old := syncKey(sl.e.Ctx(), sl.e.ID)
		if reviewedEntry(sl.e, sl.b.Text, text) {
			changed = true
			delete(rec, old)
			rec[syncKey(sl.e.Ctx(), sl.e.ID)] = hashText(text)
		}
	}
	if changed {
		plan.put(fsys, s.poPath, s.pofile.Bytes())
		plan.put(fsys, SyncFile(lang), rec.bytes())
	}
	return plan, nil
}

// Review marks the translation at file ("content/es/report.md")
// reviewed against its original as it is now: it stamps the page, as
// "site stamp" does, and clears the "needs work" marks of the PO entries
// that hold its translation (PlanReviewedPO), so that status, po export,
// the desk and the command line agree that the page is up to date. It
// returns the original's path.
func Review(root *os.Root, cfg *config.Config, file string) (original string, err error) {
	id, ok := content.FileID(file)
	if !ok || id.Lang == cfg.DefaultLanguage {
		// Not a translation: StampTranslation says why.
		return pagefile.StampTranslation(root, cfg, file)
	}
	// Planned first, so that a PO file that cannot be read leaves the
	// page unstamped too.
	plan, err := PlanReviewedPO(root.FS(), id.Lang, id.Key)
	if err != nil {
		return "", err
	}
	if original, err = pagefile.StampTranslation(root, cfg, file); err != nil {
		return "", err
	}
	return original, plan.Write(root, path.Join(pofiles.Dir, "pages", id.Lang), SyncFile(id.Lang))
}

// stampWhenCurrent adds to plan, a desk save or review of a unit of the
// page that before describes, the stamp that says the page is made from
// its original as it is now, once plan leaves no unit of it out of
// date. Only a translation whose record is its original's blocks, in
// order, is stamped: the build shows a stamped page's blocks as they
// are (render's composeTranslation), so one whose blocks are in
// another order, or lack some, keeps its record alone.
func stampWhenCurrent(fsys fs.FS, plan *Plan, before *pageSync) error {
	after := newOverlay(fsys, plan.Files)
	pr, err := LoadProject(after)
	if err != nil {
		return err
	}
	pa, err := pr.AlignPage(before.lang, before.key)
	if err != nil {
		return err
	}
	for _, u := range pa.Units {
		if u.State == translation.Changed {
			return nil
		}
	}
	src := pr.site.Page(pr.site.Default, before.key)
	tr := pr.site.Page(before.lang, before.key)
	if src == nil || tr == nil || tr.Untranslated || stamp.From(tr, src) {
		return nil
	}
	data, err := fs.ReadFile(after, tr.File)
	if err != nil {
		return diag.CannotRead(tr.File, err)
	}
	page, _, err := content.Parse(tr.ID(), data)
	if err != nil {
		return err
	}
	if page.BlocksFrom != translation.RecordOf(before.orig.page.Body).String() {
		return nil
	}
	out, err := pagefile.SetStamp(data, stamp.Make(before.orig.page.Body, before.orig.ids))
	if err != nil {
		return &diag.Error{Path: tr.File, Err: err}
	}
	plan.put(fsys, tr.File, out)
	return nil
}
