package status

import (
	"fmt"
	"io"
	"strings"

	"cecot/internal/glossary"
	"cecot/internal/imagestamp"
	"cecot/internal/pofiles"
	"cecot/internal/stamp"
	"cecot/internal/words"
)

// WriteText writes r in plain words for translators, in p's language:
// per language, what needs doing, file by file, with the command that
// finishes each task.
func (p *Printer) WriteText(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, l := range r.Languages {
		p.writeLanguage(&b, l)
	}
	if len(r.Extra) > 0 {
		fmt.Fprintf(&b, "%s\n", p.T("extra_heading", "Default", r.Default))
		for _, pg := range r.Extra {
			fmt.Fprintf(&b, "  %s: %s\n", pg.File, p.T("extra_page", "Original", pg.Source))
		}
		b.WriteString("\n")
	}
	if len(r.Stray) > 0 {
		fmt.Fprintf(&b, "%s\n", p.T("stray_heading"))
		for _, s := range r.Stray {
			fmt.Fprintf(&b, "  %s: %s\n", s.File, p.Say(s.Msg))
		}
		b.WriteString("\n")
	}
	if len(r.Undefined)+len(r.Unused) > 0 {
		fmt.Fprintf(&b, "%s\n", p.T("default_strings_heading", "Default", r.Default))
		p.writeStrings(&b, r.Undefined)
		p.writeStrings(&b, r.Unused)
		b.WriteString("\n")
	}
	if r.Clean() {
		fmt.Fprintf(&b, "%s\n", p.T("all_clean"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (p *Printer) writeLanguage(b *strings.Builder, l *Language) {
	fmt.Fprintf(b, "%s\n\n", p.T("language_header", "Name", l.Name, "Lang", l.Lang,
		"Translated", p.N("count_translated", l.Count(Translated)),
		"Stale", p.N("count_stale", l.Count(Stale)),
		"Missing", p.N("count_missing", l.Count(Missing))))
	if l.Count(Stale) > 0 {
		fmt.Fprintf(b, "%s\n", p.T("stale_heading"))
		for _, pg := range l.Pages {
			if pg.State != Stale {
				continue
			}
			fmt.Fprintf(b, "  %s\n", p.T("file_and_original", "File", pg.File, "Original", pg.Source))
			if r := p.Reason(pg); r != "" {
				fmt.Fprintf(b, "      %s\n", r)
			}
			for _, c := range pg.Changes {
				fmt.Fprintf(b, "      %s\n", p.Change(c))
			}
			if pg.Why != nil && pg.Why.ID == "reason_po" {
				fmt.Fprintf(b, "      %s\n", p.T("po_fix_import", "PO", pofiles.Page(l.Lang, pg.Key), "Command", words.Command, "Lang", l.Lang))
				fmt.Fprintf(b, "      %s\n", p.T("po_fix_stamp", "File", pg.File, "Command", words.Command, "Lang", l.Lang))
				continue
			}
			fmt.Fprintf(b, "      %s\n", p.T("when_it_matches", "Command", words.Command, "File", pg.File))
		}
		b.WriteString("\n")
	}
	if l.Count(Missing) > 0 {
		fmt.Fprintf(b, "%s\n", p.T("missing_heading"))
		for _, pg := range l.Pages {
			if pg.State != Missing {
				continue
			}
			fmt.Fprintf(b, "  %s\n", p.T("file_and_original", "File", pg.File, "Original", pg.Source))
			if pg.Draft {
				fmt.Fprintf(b, "      %s\n", p.T("draft_in_progress"))
				continue
			}
			if r := p.Reason(pg); r != "" {
				// The file is there, still in the original's words
				// (issue 19, case 8): say so, not how to start it.
				fmt.Fprintf(b, "      %s\n", r)
				continue
			}
			fmt.Fprintf(b, "      %s\n", p.T("to_start", "Command", words.Command, "Original", pg.Source, "Lang", l.Lang))
		}
		b.WriteString("\n")
	}
	if l.Count(Translated) > 0 {
		fmt.Fprintf(b, "%s\n", p.T("translated_heading"))
		for _, pg := range l.Pages {
			if pg.State == Translated {
				fmt.Fprintf(b, "  %s\n", pg.File)
			}
		}
		b.WriteString("\n")
	}
	if l.StaleImages() > 0 {
		fmt.Fprintf(b, "%s\n", p.T("images_heading"))
		for _, v := range l.Images {
			if v.Stale {
				fmt.Fprintf(b, "  %s\n      %s\n      %s\n", p.T("file_and_original", "File", v.File, "Original", v.Original),
					p.ImageReason(v), p.T("when_it_matches", "Command", words.Command, "File", v.File))
			}
		}
		b.WriteString("\n")
	}
	if len(l.Strings) > 0 {
		fmt.Fprintf(b, "%s\n", p.T("strings_heading"))
		p.writeStrings(b, l.Strings)
		b.WriteString("\n")
	}
	if len(l.Broken) > 0 {
		fmt.Fprintf(b, "%s\n", p.T("broken_heading"))
		for _, pr := range l.Broken {
			fmt.Fprintf(b, "  %s\n", p.POProblem(pr))
		}
		b.WriteString("\n")
	}
	if len(l.PO) > 0 {
		fmt.Fprintf(b, "%s\n", p.T("po_heading"))
		for _, pr := range l.PO {
			fmt.Fprintf(b, "  %s: %s\n", p.Problem(pr.Problem), p.POProblem(pr))
		}
		b.WriteString("\n")
	}
	if len(l.Glossary) > 0 {
		fmt.Fprintf(b, "%s\n", p.T("glossary_heading"))
		for _, m := range l.Glossary {
			fmt.Fprintf(b, "  %s\n", p.Miss(m))
		}
		b.WriteString("\n")
	}
}

func (p *Printer) writeStrings(b *strings.Builder, ss []*String) {
	for _, s := range ss {
		loc := s.File
		if s.Line > 0 {
			loc = fmt.Sprintf("%s:%d", s.File, s.Line)
		}
		if s.ID != "" {
			fmt.Fprintf(b, "  %s: %s %q: %s\n", loc, p.Problem(s.Problem), s.ID, p.Detail(s))
		} else {
			fmt.Fprintf(b, "  %s: %s\n", loc, p.Detail(s))
		}
		for _, u := range s.Uses {
			fmt.Fprintf(b, "      %s\n", p.T("used_at", "Place", fmt.Sprintf("%s:%d", u.File, u.Line)))
		}
	}
}

// Problem names a kind of problem of an interface string ("missing") or
// of a PO file ("export").
func (p *Printer) Problem(kind string) string {
	if s := p.T("problem_" + kind); s != strings.ToUpper("problem_"+kind) {
		return s
	}
	return kind
}

// Detail says what is wrong with an interface string and how to fix it.
func (p *Printer) Detail(s *String) string { return p.sayOr(s.Msg, s.Detail) }

// POProblem says where a PO file and the pages disagree, after its
// file:line.
func (p *Printer) POProblem(pr *POProblem) string {
	if pr.Msg == nil {
		return pr.String()
	}
	loc := pr.File
	if pr.Line > 0 {
		loc = fmt.Sprintf("%s:%d", pr.File, pr.Line)
	}
	return loc + ": " + p.PODetail(pr)
}

// PODetail says a PO problem's detail, without its file:line.
func (p *Printer) PODetail(pr *POProblem) string { return p.sayOr(pr.Msg, pr.Detail) }

// Reason says why a page is out of date, when its changes do not.
func (p *Printer) Reason(pg *Page) string { return p.sayOr(pg.Why, pg.Reason) }

// sayOr says m in the printer's language, or, where a problem was made
// without one, its English text.
func (p *Printer) sayOr(m *words.Message, english string) string {
	if m == nil {
		return english
	}
	return p.Say(m)
}

// Change says which section of an original changed, where, and how.
func (p *Printer) Change(c stamp.Change) string {
	name := c.Title
	switch {
	case c.ID == stamp.Intro:
		name = p.T("section_intro")
	case name == "":
		name = "#" + c.ID
	default:
		name = fmt.Sprintf("%q", name)
	}
	s := p.T("section_"+c.What, "Name", name, "Line", c.Line)
	if s == strings.ToUpper("section_"+c.What) {
		return c.String()
	}
	return s
}

// ImageReason says why an image variant is out of date.
func (p *Printer) ImageReason(v *imagestamp.Variant) string {
	switch v.Reason {
	case imagestamp.ReasonUnrecorded:
		return p.T("image_unrecorded")
	case imagestamp.ReasonChanged:
		return p.T("image_changed")
	}
	return v.Reason
}

// ImageTask says why an image variant is out of date and how to finish.
func (p *Printer) ImageTask(v *imagestamp.Variant) string {
	return p.T("image_task", "Reason", p.ImageReason(v), "Original", v.Original, "Command", words.Command, "File", v.File)
}

// ExtraPage says what to do with a page that has no original.
func (p *Printer) ExtraPage(pg *Page) string {
	return p.T("extra_page", "Original", pg.Source)
}

// Miss says that a translation lacks a glossary term, after the
// original's file:line.
func (p *Printer) Miss(m glossary.Miss) string {
	name := m.To
	if p.Lang() != "en" {
		name = p.T("lang_" + m.To)
		if name == strings.ToUpper("lang_"+m.To) {
			name = m.To
		}
	}
	return p.T("glossary_miss", "Original", m.Source, "Line", m.Line,
		"Term", fmt.Sprintf("%q", m.Term.Forms[m.From]), "Translation", m.Translation,
		"Agreed", fmt.Sprintf("%q", m.Term.Forms[m.To]), "Lang", name,
		"Glossary", glossary.File, "GlossaryLine", m.Term.Line)
}
