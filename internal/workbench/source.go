package workbench

import (
	"fmt"
	"io/fs"
	"strings"

	"cecot/internal/config"
	"cecot/internal/glossary"
	"cecot/internal/locale"
	"cecot/internal/status"
	"cecot/internal/translation"
)

// GlossaryFile is where the glossary's terms are agreed.
const GlossaryFile = glossary.File

// Project is the Source that reads a project with internal/translate:
// its status report, the same as "site status -json" prints, for the
// overview and the interface strings; a page's view is that page's
// entry of the report and its alignment with the original, worked out
// from its own files (status.LoadPage).
type Project struct{}

// Overview reads where every language stands, page by page.
func (Project) Overview(fsys fs.FS) (*Overview, error) {
	o, _, err := load(fsys, "", "")
	return o, err
}

// Page reads one page beside its original, from that page's own files
// (status.LoadPage): its view shows the page's rows, state and counts
// and the languages' names, nothing of the other pages, so it does not
// wait for the whole project's alignment that the overview needs. The
// Overview it returns has the languages but none of their pages or
// tasks.
func (Project) Page(fsys fs.FS, lang, key string) (*Page, *Overview, error) {
	cfg, err := config.Load(fsys)
	if err != nil {
		return nil, nil, err
	}
	o := &Overview{Default: cfg.DefaultLanguage, DefaultName: cfg.Language(cfg.DefaultLanguage).Name}
	for _, l := range cfg.Languages {
		if l.Code != cfg.DefaultLanguage {
			o.Languages = append(o.Languages, &Language{Lang: l.Code, Name: l.Name, StringsFile: locale.File(l.Code)})
		}
	}
	pr, err := status.LoadPage(fsys, lang, key)
	if err != nil || pr == nil {
		return nil, o, err
	}
	blocks := blocksOf(pr.Aligned)
	checkGlossary(pr.Glossary, pr.Default, lang, blocks)
	p := pageOf(lang, pr.Page)
	p.Blocks = blocks
	return p, o, nil
}

// pageOf is a page of status's report as the views show it.
func pageOf(lang string, rp *status.Page) *Page {
	return &Page{Lang: lang, Key: rp.Key, Title: rp.Title, State: string(rp.State), Draft: rp.Draft,
		Source: rp.Source, File: rp.File, SourceURL: rp.SourceURL, URL: rp.URL,
		Progress: Progress{Translated: rp.Blocks.Translated, Changed: rp.Blocks.Changed + rp.Blocks.Fuzzy, Missing: rp.Blocks.Missing + rp.Blocks.Identical}}
}

// load reads the overview and, if lang and key name one, that page
// with its blocks.
func load(fsys fs.FS, lang, key string) (*Overview, *Page, error) {
	o, p, _, err := loadReport(fsys, lang, key)
	return o, p, err
}

// loadReport is load that returns the status report it was made from
// too.
func loadReport(fsys fs.FS, lang, key string) (*Overview, *Page, *status.Report, error) {
	cfg, err := config.Load(fsys)
	if err != nil {
		return nil, nil, nil, err
	}
	rep, err := status.Load(fsys)
	if err != nil {
		return nil, nil, nil, err
	}
	gl, err := glossary.Load(fsys)
	if err != nil {
		return nil, nil, nil, err
	}
	def, err := locale.Inspect(fsys, rep.Default)
	if err != nil {
		return nil, nil, nil, err
	}
	o := &Overview{Default: rep.Default, DefaultName: cfg.Language(rep.Default).Name}
	var page *Page
	for _, rl := range rep.Languages {
		l := &Language{Lang: rl.Lang, Name: rl.Name, StringsFile: locale.File(rl.Lang), Strings: stringsProgress(def, rl)}
		for _, rp := range rl.Pages {
			p := pageOf(rl.Lang, rp)
			if rl.Lang == lang && rp.Key == key {
				blocks, err := align(fsys, rl, rp.Key)
				if err != nil {
					return nil, nil, nil, err
				}
				checkGlossary(gl, rep.Default, rl.Lang, blocks)
				p.Blocks = blocks
				page = p
			}
			l.Pages = append(l.Pages, p)
		}
		l.Tasks = languageTasks(rl)
		o.Languages = append(o.Languages, l)
	}
	for _, s := range append(rep.Undefined, rep.Unused...) {
		o.Tasks = append(o.Tasks, stringTask(s))
	}
	for _, p := range rep.Extra {
		o.Tasks = append(o.Tasks, Task{Kind: "extra", Pos: Pos{File: p.File},
			Detail: status.NewPrinter("en").ExtraPage(p),
			Say:    func(pr *status.Printer) string { return pr.ExtraPage(p) }})
	}
	return o, page, rep, nil
}

// languageTasks are what status asks of a language besides its pages'
// blocks and its missing or untranslated strings, which the views show.
func languageTasks(l *status.Language) []Task {
	var tasks []Task
	for _, p := range l.PO {
		tasks = append(tasks, Task{Kind: "po", Pos: Pos{File: p.File, Line: p.Line}, Detail: p.Detail,
			Say: func(pr *status.Printer) string { return pr.PODetail(p) }})
	}
	for _, p := range l.Broken {
		tasks = append(tasks, Task{Kind: "promise", Pos: Pos{File: p.File, Line: p.Line}, Detail: p.Detail,
			Say: func(pr *status.Printer) string { return pr.PODetail(p) }})
	}
	for _, v := range l.Images {
		if v.Stale {
			tasks = append(tasks, Task{Kind: "image", Pos: Pos{File: v.File},
				Detail: status.NewPrinter("en").ImageTask(v),
				Say:    func(pr *status.Printer) string { return pr.ImageTask(v) }})
		}
	}
	for _, s := range l.Strings {
		if s.Problem != "missing" && s.Problem != "untranslated" {
			tasks = append(tasks, stringTask(s))
		}
	}
	return tasks
}

func stringTask(s *status.String) Task {
	say := func(pr *status.Printer) string {
		if s.ID == "" {
			return pr.Detail(s)
		}
		return fmt.Sprintf("%s %q: %s", pr.Problem(s.Problem), s.ID, pr.Detail(s))
	}
	return Task{Kind: "string", Pos: Pos{File: s.File, Line: s.Line}, Detail: say(status.NewPrinter("en")), Say: say}
}

// stringsProgress counts a language's interface strings: every message
// of the default language's file is translated unless status reports it
// missing, untranslated, with wrong plural forms or placeholders, or
// changed in the original since it was translated.
func stringsProgress(def *locale.FileInfo, l *status.Language) Progress {
	bad, changed := map[string]bool{}, map[string]bool{}
	for _, s := range l.Strings {
		if _, ok := def.Messages[s.ID]; !ok {
			continue
		}
		switch s.Problem {
		case "missing", "untranslated", "plural", "placeholder":
			bad[s.ID] = true
		case "changed":
			changed[s.ID] = true
		}
	}
	for id := range bad {
		delete(changed, id)
	}
	return Progress{Translated: len(def.Messages) - len(bad) - len(changed), Changed: len(changed), Missing: len(bad)}
}

// checkGlossary flags the rows whose original uses a glossary term that
// their translation lacks. Rows are checked one by one, so the flag
// points at the sentence to look at; a missing row is not checked, as
// all of it is to do.
func checkGlossary(gl *glossary.Glossary, from, to string, blocks []Block) {
	for i := range blocks {
		b := &blocks[i]
		if b.State == translation.Missing || b.State == translation.Identical || strings.TrimSpace(b.Translation) == "" {
			continue
		}
		for _, m := range gl.Check(from, b.Source.File, []byte(b.Original), to, b.Target.File, []byte(b.Translation)) {
			b.Glossary = append(b.Glossary, Term{Original: m.Term.Forms[from], Translation: m.Term.Forms[to], Note: m.Term.Note, Line: m.Term.Line})
		}
	}
}
