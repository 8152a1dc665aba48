package translate

import (
	"cecot/internal/plural"
	"cecot/internal/translation"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"

	"cecot/internal/diag"
	"cecot/internal/po"
	"cecot/internal/words"
)

// kindNotes are the extracted comments (#.) that tell a translator what
// a message is.
var kindNotes = map[translation.Kind]string{
	translation.KindTitle:       "Page title.",
	translation.KindDescription: "Page description: one sentence for search results and link previews.",
	translation.KindSummary:     "Page summary, shown where other pages list this one.",
	translation.KindMenu:        "Menu entry: keep it short.",
	translation.KindAddressee:   "To whom the report was addressed, as the citation names it.",
	translation.KindHeading:     "Heading.",
	translation.KindParagraph:   "Paragraph.",
	translation.KindItem:        "List item.",
	translation.KindQuote:       "Quotation.",
	translation.KindCell:        "Table cell.",
	translation.KindFootnote:    "Footnote.",
	translation.KindAlt:         "Image description (alt text), read out to people who cannot see the image.",
	translation.KindImageTitle:  "Image caption.",
	kindSlug:                    "The page's address in this language: the last part of its URL, in lower-case letters without accents, digits and hyphens, like \"informe-final\". A new page is published when all its messages, this one too, are translated.",
}

// note is the extracted comment of block b: what it is and, for a block
// of the body, whose msgctxt is only the page's key, where it is: "List
// item (key-facts.item2)."
func note(b block) string {
	n := kindNotes[b.Kind]
	if b.frontKey != "" {
		return n
	}
	return strings.TrimSuffix(n, ".") + " (" + b.Anchor + ")."
}

// markupNote heads every page's PO file.
var markupNote = []string{
	"Translate the text; keep the Markdown marks as they are: *emphasis*,",
	"**strong**, `code`, [link text](target) with the same target, and [^1]",
	"footnote marks. Written by \"site po export\"; see TRANSLATING.md.",
}

// PlanExport works out the PO files of the given languages (every
// translated language when none is given): for each page of the default
// language a template, locales/po/pages/<key>.pot, and a PO file per
// language with the translation from content/<lang>/, and the same for
// the interface strings. Like msgmerge, it marks fuzzy a translation
// whose original changed since (with the earlier original in "#| msgid"
// where the PO file recorded it), leaves new blocks untranslated and
// keeps entries of deleted blocks as obsolete ("#~").
//
// A translation that a PO file has and the Markdown has not (from a
// Weblate commit, say) is kept and listed in Pending: import it. A block
// changed in both since the last import or export is a conflict: the
// error lists every one, and the plan is not made.
func PlanExport(fsys fs.FS, langs []string) (*Plan, error) {
	pr, err := LoadProject(fsys)
	if err != nil {
		return nil, err
	}
	return pr.PlanExport(langs)
}

// PlanExport is the package's PlanExport on a project already loaded.
// It goes through the pages one at a time (see Survey): each original
// is read once for its template and every language's PO file, and let
// go with its translations and PO files once they are worked out.
func (pr *Project) PlanExport(langs []string) (*Plan, error) {
	langs, err := pr.languages(langs)
	if err != nil {
		return nil, err
	}
	w, err := pr.walk(langs, false, true)
	if err != nil {
		return nil, err
	}
	return w.plan()
}

// join adds what other plans to p, after what p has.
func (p *Plan) join(other *Plan) {
	maps.Copy(p.Files, other.Files)
	p.Changes = append(p.Changes, other.Changes...)
	p.Pending = append(p.Pending, other.Pending...)
}

// templateHeader is the header of a template of project ("submission",
// "interface strings"), with gettext's placeholders for what a
// translator's tool fills in.
func templateHeader(project string) []po.Field {
	return fields(
		"Project-Id-Version", project,
		"PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE",
		"Last-Translator", "FULL NAME <EMAIL@ADDRESS>",
		"Language-Team", "LANGUAGE <LL@li.org>",
		"Language", "",
		"MIME-Version", "1.0",
		"Content-Type", "text/plain; charset=UTF-8",
		"Content-Transfer-Encoding", "8bit",
	)
}

// template is the page's PO template: every block, untranslated.
func (s *pageSync) template() *po.File {
	f := &po.File{Head: po.Entry{Comments: append([]string{"Template of " + s.orig.path + "."}, markupNote...), Flags: []string{"fuzzy"}}}
	f.Header = templateHeader(s.key)
	slug, hasSlug := s.slugSlot()
	for _, b := range s.orig.blocks {
		if hasSlug && b.frontKey == "" {
			f.Entries = append(f.Entries, s.entry(slug.b, ""))
			hasSlug = false
		}
		f.Entries = append(f.Entries, s.entry(b, ""))
	}
	if hasSlug {
		f.Entries = append(f.Entries, s.entry(slug.b, ""))
	}
	return f
}

// entry is the PO entry of block b with translation str.
func (s *pageSync) entry(b block, str string) *po.Entry {
	return &po.Entry{
		Extracted: []string{note(b)},
		Refs:      []string{s.orig.path + ":" + strconv.Itoa(b.Line)},
		Context:   po.Str(b.ctx),
		ID:        b.Text,
		Str:       []string{str},
	}
}

// export returns the page's PO file in s.lang, recording in next the
// blocks that are then in step.
func (s *pageSync) export(plan *Plan, next syncRecord) (*po.File, error) {
	f := &po.File{Head: po.Entry{Comments: append([]string{"Translation of " + s.orig.path + " into " + s.lang + "."}, markupNote...)}}
	if s.pofile != nil {
		f.Header = append(f.Header, s.pofile.Header...)
		f.Head.Comments = s.pofile.Head.Comments
	}
	setPOHeader(f, s.key, s.lang)
	var errs diag.List
	for _, sl := range s.messages() {
		m := sl.markdownText()
		str := m
		fromPO := false
		switch s.side(sl) {
		case poNewer:
			str, fromPO = first(sl.e.Str), true
			pending := "po_pending"
			if sl.e.Fuzzy() {
				pending = "po_fuzzy"
			}
			plan.Pending = append(plan.Pending, words.At(s.poPath, sl.e.StrLine, pending,
				"Block", sl.name(), "File", s.trFile(), "Command", words.Command, "Lang", s.lang))
			if b, ok := s.base[syncKey(sl.e.Ctx(), sl.e.ID)]; ok {
				next[syncKey(sl.ctx, sl.b.Text)] = b
			}
		case poEmptied:
			// Untranslated now: exported empty, never the
			// Markdown's text put back, until import takes the
			// block out (issue 19, case 10).
			str, fromPO = "", true
			plan.Pending = append(plan.Pending, words.At(s.poPath, sl.e.StrLine, "po_emptied",
				"Block", sl.name(), "File", s.trFile(), "Command", words.Command, "Lang", s.lang))
			if b, ok := s.base[syncKey(sl.e.Ctx(), sl.e.ID)]; ok {
				next[syncKey(sl.ctx, sl.b.Text)] = b
			}
		case bothNewer:
			errs.Add(s.conflict(sl))
			continue
		default:
			if m != "" {
				next[syncKey(sl.ctx, sl.b.Text)] = hashText(m)
			}
		}
		e := s.entry(sl.b, str)
		old := sl.e
		if old != nil {
			e.Comments = old.Comments
			for _, fl := range old.Flags {
				if fl != "fuzzy" {
					e.Flags = append(e.Flags, fl)
				}
			}
		}
		if str != "" {
			fuzzy, prevCtx, prev := s.fuzzy(sl, fromPO || s.side(sl) == inStep)
			e.SetFuzzy(fuzzy)
			e.PrevContext, e.PrevID = prevCtx, prev
		}
		if s.pofile != nil && (old == nil || old.ID != e.ID || old.Fuzzy() != e.Fuzzy() || first(old.Str) != str) {
			line := 0
			if old != nil {
				line = old.Line
			}
			plan.Changes = append(plan.Changes, words.At(s.poPath, line, "po_entry",
				"Block", sl.name(), "Place", fmt.Sprintf("%s:%d", s.orig.path, sl.b.Line), "What", describeEntry(e, old)))
		}
		f.Entries = append(f.Entries, e)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	f.Entries = append(f.Entries, s.obsolete()...)
	if s.pofile == nil {
		plan.Changes = append(plan.Changes, newPOFile(s.poPath, len(f.Entries)))
	}
	return f, nil
}

// fuzzy decides whether the translation of a slot awaits review, and
// the original it was made from when known. recorded says the
// translation is the one the PO entry holds, so the entry's record of
// its original applies; otherwise the Markdown's stamp does.
func (s *pageSync) fuzzy(sl slot, recorded bool) (fuzzy bool, prevCtx, prevID *string) {
	old := sl.e
	if recorded && old != nil {
		if old.Fuzzy() {
			return true, old.PrevContext, old.PrevID
		}
		if old.ID != sl.b.Text && !vouched(sl.b, s.changed) {
			// gettext writes the earlier context too.
			return true, old.Context, po.Str(old.ID)
		}
		return false, nil, nil
	}
	if sl.draft {
		return false, nil, nil
	}
	return s.changed(sl.b), nil, nil
}

// obsolete returns the PO file's entries for blocks the original no
// longer has, as "#~" entries, as msgmerge keeps them.
func (s *pageSync) obsolete() []*po.Entry {
	if s.pofile == nil {
		return nil
	}
	var out []*po.Entry
	for _, e := range s.unused() {
		if e.Translated() {
			o := *e
			o.Obsolete, o.Refs, o.Extracted = true, nil, nil
			out = append(out, &o)
		}
	}
	active := map[string]bool{}
	for _, sl := range s.messages() {
		active[msgKey(sl.ctx, sl.b.Text)] = true
	}
	seen := map[string]bool{}
	for _, e := range out {
		seen[msgKey(e.Ctx(), e.ID)] = true
	}
	for _, e := range s.pofile.Entries {
		if k := msgKey(e.Ctx(), e.ID); e.Obsolete && !active[k] && !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

func describeEntry(e, old *po.Entry) *words.Message {
	switch {
	case old == nil:
		return words.Msg("entry_new")
	case old.ID != e.ID && e.Fuzzy():
		return words.Msg("entry_fuzzy")
	case old.ID != e.ID:
		return words.Msg("entry_original_changed")
	case first(old.Str) != first(e.Str):
		return words.Msg("entry_translation_changed")
	case e.Fuzzy():
		return words.Msg("entry_still_fuzzy")
	}
	return words.Msg("entry_up_to_date")
}

// newPOFile is the change of a PO file written for the first time.
func newPOFile(name string, messages int) *diag.Error {
	m := words.Msg("po_new_file")
	m.Count = &messages
	return &diag.Error{Path: name, Err: m}
}

// setPOHeader fills in the header fields of a language's PO file,
// keeping those that editors (Poedit, Weblate) set.
func setPOHeader(f *po.File, project, lang string) {
	keep := func(name, value string) {
		if f.Get(name) == "" {
			f.Set(name, value)
		}
	}
	keep("Project-Id-Version", project)
	keep("Last-Translator", "Automatically generated")
	keep("Language-Team", "none")
	f.Set("Language", lang)
	f.Set("MIME-Version", "1.0")
	f.Set("Content-Type", "text/plain; charset=UTF-8")
	f.Set("Content-Transfer-Encoding", "8bit")
	// A file that already uses a rule that maps faithfully onto the
	// language's (gettext's two forms for Spanish) keeps it.
	if rule, ok := plural.FileRule(lang, f.Get("Plural-Forms")); ok {
		f.Set("Plural-Forms", rule.Expr)
	}
}

// bytes writes the sync record, sorted.
func (r syncRecord) bytes() []byte {
	const head = "# Written by \"site po export\" and \"site po import\"; do not edit. Each line is a\n" +
		"# message and a short hash of its translation as both the PO file and the\n" +
		"# Markdown last had it, which tells which of them changed since.\n"
	keys := slices.Sorted(maps.Keys(r))
	// One allocation of the right size: a large site's record has a
	// line for every block of every page.
	n := len(head)
	for k, v := range r {
		n += len(k) + len(v) + 2
	}
	b := make([]byte, 0, n)
	b = append(b, head...)
	for _, k := range keys {
		b = append(append(append(append(b, k...), ' '), r[k]...), '\n')
	}
	return b
}

// fields makes header fields of names and values in turn.
func fields(kv ...string) []po.Field {
	var out []po.Field
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, po.Field{Name: kv[i], Value: kv[i+1]})
	}
	return out
}
