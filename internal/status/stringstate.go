package status

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"cecot/internal/locale"
	"cecot/internal/pofiles"
	"cecot/internal/promise"
	"cecot/internal/translate"
	"cecot/internal/words"
)

// stringChanges finds the interface strings of lang whose original
// changed since they were translated, with the original's text then.
// The strings' PO file is the record: its msgid is the original an
// export last saw, and a fuzzy entry keeps the one before in "#|
// msgid". Without a PO file nothing is known, and nothing is reported.
func stringChanges(fsys fs.FS, def, fi *locale.FileInfo, lang string) ([]*String, error) {
	name := pofiles.Strings(lang)
	f, err := translate.ReadPO(fsys, name)
	if err != nil || f == nil {
		return nil, err
	}
	var out []*String
	for _, e := range f.Entries {
		if e.Obsolete {
			continue
		}
		id := e.Ctx()
		d, ok := def.Messages[id]
		m, translated := fi.Messages[id]
		if !ok || !translated || (!m.Same && sameText(d, m)) {
			continue // missing and untranslated are said otherwise
		}
		now := templateText(d.Forms)
		var before string
		advice := "string_changed"
		switch {
		case entryText(e.ID, e.IDPlural) != now:
			before, advice = entryText(e.ID, e.IDPlural), "string_changed_unexported"
		case e.Fuzzy() && e.PrevID != nil:
			before = entryText(*e.PrevID, e.PrevIDPlural)
		case e.Fuzzy():
			before = ""
		default:
			continue
		}
		s := newString(id, fi.File, m.Line, "changed", words.Msg(advice,
			"Before", fmt.Sprintf("%q", before), "Now", fmt.Sprintf("%q", now), "Place", fmt.Sprintf("%s:%d", name, e.Line),
			"Command", words.Command, "Lang", lang))
		s.Previous = before
		out = append(out, s)
	}
	return out, nil
}

// templateText is a default-language message as the strings' template
// has it: msgid, and for a plural message msgid_plural on a line after.
func templateText(forms map[string]string) string {
	if len(forms) == 1 && forms["other"] != "" {
		return forms["other"]
	}
	one := forms["one"]
	if one == "" {
		one = forms["other"]
	}
	return one + "\n" + forms["other"]
}

func entryText(id string, plural *string) string {
	if plural == nil {
		return id
	}
	return id + "\n" + *plural
}

// stringPromises finds the interface strings of a translation that
// break a promise of their original (package promise): a placeholder
// misspelt, dropped or unclosed. The build refuses most of these, so
// status says them at the same line, in the translator's language.
func stringPromises(def, fi *locale.FileInfo) []*String {
	var out []*String
	for _, id := range slices.Sorted(maps.Keys(fi.Messages)) {
		d, ok := def.Messages[id]
		if !ok {
			continue
		}
		m := fi.Messages[id]
		var what []string
		var msgs []*words.Message
		for _, p := range promise.String(d.Forms, m.Forms) {
			what = append(what, p.Error())
			msgs = append(msgs, words.Msg("string_promise", "What", p))
		}
		if len(msgs) == 0 {
			continue
		}
		s := &String{ID: id, File: fi.File, Line: m.Line, Problem: "placeholder", Detail: strings.Join(what, "; "), Msg: words.Msg("string_promises", "Problems", msgs)}
		out = append(out, s)
	}
	return out
}
