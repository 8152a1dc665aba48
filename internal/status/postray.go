package status

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"cecot/internal/pofiles"
	"cecot/internal/words"
)

// StrayPO lists the PO files under pofiles.Dir that nothing reads, each with
// why and what to do: the PO files of a language that site.toml does not
// name (locales/po/pages/fr/ when the site has no fr), of the default
// language, whose pages are the originals, and PO files outside the
// places of the layout that pofiles.Dir describes (pofiles.Of). A translator who saved
// their work there would otherwise lose it without a word. A language's
// folder of page PO files is named once, not file by file. langs are the
// site's language codes, def the default one.
func StrayPO(fsys fs.FS, langs []string, def string) []*POProblem {
	var out []*POProblem
	folders := map[string]bool{}
	add := func(file string, m *words.Message) {
		out = append(out, &POProblem{File: file, Problem: "stray", Detail: m.Error(), Msg: m})
	}
	_ = fs.WalkDir(fsys, pofiles.Dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil // no PO files, or unreadable: po export and import say so
		case p != pofiles.Dir && strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir() || (path.Ext(p) != ".po" && path.Ext(p) != ".pot"):
			return nil
		}
		pl, ok := pofiles.Of(p)
		switch {
		case !ok:
			add(p, words.Msg("po_stray_place", "Pages", path.Dir(pofiles.Page("<lang>", "x"))+"/", "Strings", pofiles.Strings("<lang>")))
		case pl.Lang == "": // a template
		case pl.Strings:
			if m := strayLanguage(pl.Lang, langs, def); m != nil {
				add(p, m)
			}
		default:
			folder := path.Dir(pofiles.Page(pl.Lang, "x")) + "/"
			if m := strayLanguage(pl.Lang, langs, def); m != nil && !folders[folder] {
				folders[folder] = true
				add(folder, m)
			}
		}
		return nil
	})
	return out
}

// strayLanguage says why the PO files of lang are read by nothing, or
// returns nil when lang is a translated language of the site.
func strayLanguage(lang string, langs []string, def string) *words.Message {
	switch {
	case lang == def:
		return words.Msg("po_stray_default", "Lang", lang)
	case !slices.Contains(langs, lang):
		return words.Msg("po_stray_language", "Lang", lang)
	}
	return nil
}
