package translate

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"cecot/internal/diag"
	"cecot/internal/locale"
	"cecot/internal/plural"
	"cecot/internal/po"
	"cecot/internal/pofiles"
	"cecot/internal/promise"
	"cecot/internal/words"
)

// stringsContext is the msgctxt of an interface string, as the sync
// record names it.
func stringsContext(id string) string { return "strings#" + id }

func (pr *Project) stringsTemplate() (*po.File, error) {
	msgs, err := locale.Messages(pr.fsys, pr.cfg.DefaultLanguage)
	if err != nil {
		return nil, err
	}
	f := &po.File{Head: po.Entry{Comments: []string{"Template of the interface strings, " + locale.File(pr.cfg.DefaultLanguage) + ".",
		"Keep {{.Count}}, {{.Month}} and the like as they are."}, Flags: []string{"fuzzy"}}}
	f.Header = templateHeader("interface strings")
	// The default language's rule, so that msgfmt can check the
	// template's plural entries (msgstr[0], msgstr[1]).
	rule, ok := plural.RuleOf(pr.cfg.DefaultLanguage)
	if ok {
		f.Set("Plural-Forms", rule.Expr)
	}
	for _, m := range msgs {
		e := pr.stringEntry(m)
		if e.Plural() {
			e.Str = make([]string, max(2, len(rule.Forms)))
		}
		f.Entries = append(f.Entries, e)
	}
	return f, nil
}

// stringEntry is the untranslated entry of a default-language message.
func (pr *Project) stringEntry(m *locale.MessageInfo) *po.Entry {
	e := &po.Entry{Context: po.Str(m.ID), Refs: []string{fmt.Sprintf("%s:%d", locale.File(pr.cfg.DefaultLanguage), m.Line)}, Str: []string{""}}
	if m.Description != "" {
		e.Extracted = []string{m.Description}
	}
	if m.Plural() {
		e.ID, e.IDPlural = m.Forms["one"], po.Str(m.Forms["other"])
		if e.ID == "" {
			e.ID = m.Forms["other"]
		}
	} else {
		e.ID = m.Forms["other"]
	}
	return e
}

// translatedForms returns a message's translation as msgstr values in
// the order of lang's Plural-Forms, "" where there is none.
func translatedForms(m *locale.MessageInfo, plural bool, rule plural.Rule) []string {
	if !plural {
		if m == nil {
			return []string{""}
		}
		return []string{m.Forms["other"]}
	}
	out := make([]string, len(rule.Forms))
	if m != nil {
		for i, f := range rule.Forms {
			out[i] = m.Forms[f]
		}
	}
	return out
}

func joinForms(s []string) string { return strings.Join(s, "\x00") }

// The sync record hashes a string's translation by its CLDR forms, so
// that it means the same whichever plural rule the PO file uses; under
// the language's own rule that is its msgstr values in order.

// tomlHash is the sync record's hash of message m as its TOML file has
// it.
func tomlHash(m *locale.MessageInfo, plural bool, rule plural.Rule) string {
	if !plural {
		return hashText(joinForms(translatedForms(m, false, rule)))
	}
	var forms []string
	for _, f := range rule.CLDRForms() {
		if m != nil {
			forms = append(forms, m.Forms[f])
		} else {
			forms = append(forms, "")
		}
	}
	return hashText(joinForms(forms))
}

// poHash is the sync record's hash of msgstr values p, in rule's order.
func poHash(rule plural.Rule, p []string, isPlural bool) string {
	if !isPlural {
		return hashText(joinForms(p))
	}
	var forms []string
	for _, f := range rule.CLDRForms() {
		if from, ok := rule.Also[f]; ok {
			f = from
		}
		if i := slices.Index(rule.Forms, f); i >= 0 && i < len(p) {
			forms = append(forms, p[i])
		} else {
			forms = append(forms, "")
		}
	}
	return hashText(joinForms(forms))
}

// stringMessages reads the interface strings of the default language
// (defs) and of lang (trs), in file order.
func (pr *Project) stringMessages(lang string) (defs, trs []*locale.MessageInfo, err error) {
	if defs, err = locale.Messages(pr.fsys, pr.cfg.DefaultLanguage); err != nil {
		return nil, nil, err
	}
	trs, err = locale.Messages(pr.fsys, lang)
	return defs, trs, err
}

func (pr *Project) exportStrings(plan *Plan, lang string, base, next syncRecord) error {
	defs, trs, err := pr.stringMessages(lang)
	if err != nil {
		return err
	}
	name := pofiles.Strings(lang)
	old, err := ReadPO(pr.fsys, name)
	if err != nil {
		return err
	}
	header := ""
	if old != nil {
		header = old.Get("Plural-Forms")
	}
	rule, ok := plural.FileRule(lang, header)
	if !ok {
		return diag.Errorf(locale.File(lang), 0, "no gettext Plural-Forms known for language %q; add its Plural-Forms to gettextRules in internal/plural/plural.go", lang)
	}
	byID := map[string]*locale.MessageInfo{}
	for _, m := range trs {
		byID[m.ID] = m
	}
	oldByID := map[string]*po.Entry{}
	f := &po.File{Head: po.Entry{Comments: []string{"Interface strings in " + lang + ", from " + locale.File(lang) + ".",
		"Keep {{.Count}}, {{.Month}} and the like as they are."}}}
	if old != nil {
		f.Header, f.Head.Comments = append(f.Header, old.Header...), old.Head.Comments
		for _, e := range old.Entries {
			if !e.Obsolete {
				oldByID[e.Ctx()] = e
			}
		}
	}
	setPOHeader(f, "interface strings", lang)
	var errs diag.List
	active := map[string]bool{}
	for _, d := range defs {
		active[d.ID] = true
		e := pr.stringEntry(d)
		ctx := stringsContext(d.ID)
		m := translatedForms(byID[d.ID], e.Plural(), rule)
		str := m
		o := oldByID[d.ID]
		recorded := o != nil
		if o != nil && joinForms(o.Str) != joinForms(m) {
			b, ok := base[ctx]
			switch {
			case allEmpty(o.Str):
				recorded = false
			case allEmpty(m) || ok && tomlHash(byID[d.ID], e.Plural(), rule) == b:
				str = o.Str
				pending := "po_pending"
				if o.Fuzzy() {
					pending = "po_fuzzy"
				}
				plan.Pending = append(plan.Pending, words.At(name, o.StrLine, pending,
					"Block", d.ID, "File", locale.File(lang), "Command", words.Command, "Lang", lang))
				if ok {
					next[ctx] = b
				}
			case ok && poHash(rule, o.Str, e.Plural()) == b:
				recorded = false
			default:
				errs.Add(words.At(name, o.StrLine, "po_conflict", "Block", d.ID, "Place", locale.File(lang)))
				continue
			}
		}
		if joinForms(str) == joinForms(m) && !allEmpty(m) {
			next[ctx] = tomlHash(byID[d.ID], e.Plural(), rule)
		}
		e.Str = str
		if o != nil {
			e.Comments = o.Comments
		}
		if !allEmpty(str) && recorded {
			switch {
			case o.Fuzzy():
				e.SetFuzzy(true)
				e.PrevID, e.PrevIDPlural = o.PrevID, o.PrevIDPlural
			case o.ID != e.ID || !sameOpt(o.IDPlural, e.IDPlural):
				e.SetFuzzy(true)
				e.PrevID, e.PrevIDPlural = po.Str(o.ID), o.IDPlural
			}
		}
		f.Entries = append(f.Entries, e)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	if old != nil {
		for _, e := range old.Entries {
			if !active[e.Ctx()] && e.Translated() {
				o := *e
				o.Obsolete, o.Refs, o.Extracted = true, nil, nil
				f.Entries = append(f.Entries, &o)
			}
		}
	}
	plan.put(pr.fsys, name, f.Bytes())
	return nil
}

func allEmpty(s []string) bool {
	for _, x := range s {
		if x != "" {
			return false
		}
	}
	return true
}

func sameOpt(a, b *string) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// importStrings applies a language's strings PO file to its TOML file.
func (pr *Project) importStrings(plan *Plan, lang string, base, next syncRecord) error {
	name := pofiles.Strings(lang)
	f, err := ReadPO(pr.fsys, name)
	if err != nil || f == nil {
		return err
	}
	if err := checkLanguage(f, name, lang); err != nil {
		return err
	}
	rule, ok := plural.FileRule(lang, f.Get("Plural-Forms"))
	if !ok {
		return diag.Errorf(name, 0, "no gettext Plural-Forms known for language %q", lang)
	}
	defs, trs, err := pr.stringMessages(lang)
	if err != nil {
		return err
	}
	defByID, trByID := map[string]*locale.MessageInfo{}, map[string]*locale.MessageInfo{}
	for _, m := range defs {
		defByID[m.ID] = m
	}
	for _, m := range trs {
		trByID[m.ID] = m
	}
	file := locale.File(lang)
	data, err := fs.ReadFile(pr.fsys, file)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return diag.CannotRead(file, err)
	}
	ed := &locale.Editor{Src: data}
	var errs diag.List
	seen := map[string]int{}
	for _, e := range f.Entries {
		if e.Obsolete {
			continue
		}
		id := e.Ctx()
		d := defByID[id]
		if d == nil {
			errs.Add(words.At(name, e.Line, "po_no_message", "Ctx", fmt.Sprintf("%q", id), "Original", locale.File(pr.cfg.DefaultLanguage), "Command", words.Command, "Lang", lang))
			continue
		}
		if prev, dup := seen[id]; dup {
			errs.Add(words.At(name, e.Line, "po_twice", "Ctx", fmt.Sprintf("%q", id), "Line", prev))
			continue
		}
		seen[id] = e.Line
		plural := d.Plural()
		switch {
		case plural && !e.Plural():
			errs.Add(words.At(name, e.Line, "po_wants_plural", "ID", fmt.Sprintf("%q", id), "Last", len(rule.Forms)-1))
			continue
		case !plural && e.Plural():
			errs.Add(words.At(name, e.Line, "po_no_plural", "ID", fmt.Sprintf("%q", id)))
			continue
		case plural && len(e.Str) != len(rule.Forms):
			errs.Add(words.At(name, e.StrLine, "po_plural_count", "ID", fmt.Sprintf("%q", id), "Got", len(e.Str), "Lang", lang,
				"Want", len(rule.Forms), "Forms", strings.Join(rule.Forms, ", "), "Last", len(rule.Forms)-1))
			continue
		}
		if allEmpty(e.Str) {
			continue
		}
		if plural && !e.Translated() {
			errs.Add(words.At(name, e.StrLine, "po_plural_empty", "ID", fmt.Sprintf("%q", id), "Want", len(rule.Forms), "Forms", strings.Join(rule.Forms, ", ")))
			continue
		}
		ctx := stringsContext(id)
		m := translatedForms(trByID[id], plural, rule)
		p := e.Str
		if joinForms(p) == joinForms(m) {
			next[ctx] = tomlHash(trByID[id], plural, rule)
			continue
		}
		if e.Fuzzy() {
			plan.Pending = append(plan.Pending, words.At(name, e.StrLine, "po_fuzzy", "Block", id, "Command", words.Command, "Lang", lang))
			continue
		}
		b, ok := base[ctx]
		switch {
		case allEmpty(m) || ok && tomlHash(trByID[id], plural, rule) == b:
		case ok && poHash(rule, p, plural) == b:
			continue // the TOML file is newer: export carries it
		default:
			errs.Add(words.At(name, e.StrLine, "po_conflict", "Block", id, "Place", file))
			continue
		}
		forms := map[string]string{}
		if plural {
			for i, form := range rule.Forms {
				forms[form] = p[i]
			}
			for form, from := range rule.Also {
				forms[form] = forms[from]
			}
		} else {
			forms["other"] = p[0]
		}
		if err := checkString(name, e, id, d.Forms, forms); err != nil {
			errs.Add(err)
			continue
		}
		if err := ed.Set(id, plural, rule.CLDRForms(), forms); err != nil {
			errs.Add(diag.Errorf(name, e.Line, "%v", err))
			continue
		}
		next[ctx] = poHash(rule, p, plural)
		plan.Changes = append(plan.Changes, words.At(file, 0, "po_translation_from", "Block", id, "Place", fmt.Sprintf("%s:%d", name, e.StrLine)))
	}
	if err := errs.Err(); err != nil {
		return err
	}
	if ed.Changed {
		plan.put(pr.fsys, file, ed.Src)
	}
	return nil
}

// checkString checks that a translated interface string keeps its
// original's promises (package promise), at the entry's msgstr line.
func checkString(name string, e *po.Entry, id string, orig, tr map[string]string) error {
	var errs diag.List
	for _, pb := range promise.String(orig, tr) {
		errs.Add(words.At(name, e.StrLine, "po_string_check", "ID", fmt.Sprintf("%q", id), "What", pb))
	}
	return errs.Err()
}

// checkLanguage refuses a PO file whose header names another language.
func checkLanguage(f *po.File, name, lang string) error {
	got := f.Get("Language")
	if got != "" && !strings.EqualFold(strings.ReplaceAll(got, "_", "-"), lang) {
		return words.At(name, 1, "po_wrong_language", "Got", fmt.Sprintf("%q", got), "Lang", fmt.Sprintf("%q", lang), "File", strings.Replace(name, "/"+lang, "/"+got, 1))
	}
	return nil
}
