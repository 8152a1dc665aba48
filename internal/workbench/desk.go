package workbench

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"io/fs"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strconv"
	"strings"

	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/locale"
	"cecot/internal/pagefile"
	"cecot/internal/pofiles"
	"cecot/internal/status"
	"cecot/internal/translate"
	"cecot/internal/translation"
)

// The desk is the workbench's writing half: each row of a page's view
// is a form that saves that unit of the translation through
// translate.PlanUnit, the code "site po import" uses, and a page can be
// marked reviewed ("site stamp") or started ("site stamp -new") with a
// button. It writes only when the workbench has a Root, only files
// under content/<lang>/ of a translated language, only for a POST from
// its own pages (same origin, the process's token) made over a loopback
// connection.

// The desk's actions, under Path. No language code is "_save", so they
// cannot hide a page.
const (
	saveAction   = "_save"
	reviewAction = "_review"
	startAction  = "_start"
	// reviewUnitAction marks one unit reviewed, from its row's form.
	reviewUnitAction = "_reviewunit"
)

// maxForm bounds a form's size: a unit's text is a paragraph, not a book.
const maxForm = 1 << 20

// newToken is a random token for the desk's forms, one per process: a
// page of another site cannot read it, so it cannot forge a form.
func newToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// fileHash names a version of a file's bytes; "" for a missing file.
func fileHash(fsys fs.FS, name string) string {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:16])
}

// writable reports whether r may make the desk write: the workbench has
// a Root, the connection is a loopback one on both ends, the request
// names the served address (HostAllowed), comes from the desk's own
// pages by the browser's word (Origin, Sec-Fetch-Site) and carries the
// process's token.
func (h *Handler) writable(r *http.Request) bool {
	if h.opts.Root == nil || h.token == "" {
		return false
	}
	if !loopback(r) || !HostAllowed(r, h.opts.Hosts) {
		return false
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" {
		return false
	}
	// A page whose policy sends no referrer gets "Origin: null" from
	// some browsers; Sec-Fetch-Site then says where the form was.
	if o := r.Header.Get("Origin"); o != "" && (o != "null" || r.Header.Get("Sec-Fetch-Site") != "same-origin") {
		u, err := url.Parse(o)
		if err != nil || u.Host != r.Host || (u.Scheme != "http" && u.Scheme != "https") {
			return false
		}
	}
	got := r.PostFormValue("token")
	return subtle.ConstantTimeCompare([]byte(got), []byte(h.token)) == 1
}

// loopback reports whether the request came over a connection whose two
// ends are this machine. A request that did not come over a network
// connection (a handler test) has none to check.
func loopback(r *http.Request) bool {
	local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !ok {
		return true
	}
	for _, a := range []string{local.String(), r.RemoteAddr} {
		ap, err := netip.ParseAddrPort(a)
		if err != nil || !ap.Addr().Unmap().IsLoopback() {
			return false
		}
	}
	return true
}

// servePost answers the desk's forms.
func (h *Handler) servePost(w http.ResponseWriter, r *http.Request, rest string) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	if !h.writable(r) {
		http.Error(w, "forbidden: the desk writes only for a form of its own pages, opened from this computer\nprohibido: la mesa solo escribe lo que se envía desde sus propias páginas, abiertas en esta computadora", http.StatusForbidden)
		return
	}
	lang, key := r.PostFormValue("lang"), r.PostFormValue("key")
	if !h.ownLang(lang) || strings.Contains(key, "..") || strings.HasPrefix(key, "/") || key == "" && rest != saveAction {
		http.Error(w, "forbidden: no such translation\nprohibido: no existe esa traducción", http.StatusForbidden)
		return
	}
	switch rest {
	case saveAction, reviewUnitAction:
		h.save(w, r, lang, key, rest == reviewUnitAction)
	case reviewAction, startAction:
		h.stamp(w, r, rest, lang, key)
	default:
		http.NotFound(w, r)
	}
}

// ownLang reports whether lang is a translated language of the site.
func (h *Handler) ownLang(lang string) bool {
	cfg, err := config.Load(h.opts.FS)
	if err != nil || cfg.Language(lang) == nil {
		return false
	}
	return lang != cfg.DefaultLanguage
}

// edit is what a form sent back, shown again beside its row when it
// could not be saved.
type edit struct {
	Anchor string
	Text   string
	// Forms are a plural message's texts by CLDR form, nil for any
	// other unit.
	Forms    map[string]string
	Problems []string
	// Disk is the unit's text in the file as it is now, when the file
	// changed since the form was loaded; Conflict is then true.
	Disk     string
	Conflict bool
}

// save writes a row's form: its text (through the code of po import),
// or, with review, the mark that the unit is reviewed as it is.
func (h *Handler) save(w http.ResponseWriter, r *http.Request, lang, key string, review bool) {
	ui := r.PostFormValue("ui")
	anchor, text := r.PostFormValue("anchor"), r.PostFormValue("text")
	// A page's unit goes to content/<lang>/, an interface string (no
	// key) to locales/<lang>.toml, each with its PO file kept in step
	// (and the sync record, in content/<lang>/); nothing else is ever
	// written.
	file, dirs := content.ID{Lang: lang, Key: key}.File(), []string{"content/" + lang, path.Join(pofiles.Dir, "pages", lang)}
	if key == "" {
		file = locale.File(lang)
		dirs = []string{file, pofiles.Strings(lang), translate.SyncFile(lang)}
	}
	ed := &edit{Anchor: anchor, Text: text, Forms: pluralForms(r)}
	if r.PostFormValue("hash") != fileHash(h.opts.FS, file) {
		ed.Conflict = true
		h.serveEdit(w, r, lang, key, ed, http.StatusConflict)
		return
	}
	var plan *translate.Plan
	var err error
	switch {
	case review:
		plan, err = translate.PlanReviewUnit(h.opts.FS, lang, key, anchor)
	case key == "" && ed.Forms != nil:
		plan, err = translate.PlanStringForms(h.opts.FS, lang, anchor, ed.Forms)
	case key == "":
		plan, err = translate.PlanString(h.opts.FS, lang, anchor, text)
	default:
		plan, err = translate.PlanUnit(h.opts.FS, lang, key, anchor, text)
	}
	if err == nil {
		err = plan.Write(h.opts.Root, dirs...)
	}
	if err != nil {
		say := status.NewPrinter(uiOr(ui)).Error
		var list diag.List
		if errors.As(err, &list) {
			for _, e := range list {
				ed.Problems = append(ed.Problems, say(e))
			}
		} else {
			ed.Problems = []string{say(err)}
		}
		h.serveEdit(w, r, lang, key, ed, http.StatusUnprocessableEntity)
		return
	}
	h.redirect(w, r, lang, key, ui, "row-"+r.PostFormValue("row"), r.PostFormValue("row"))
}

// pluralForms are the texts of a plural message's fields ("form-one",
// "form-other"), by CLDR form; nil when the form has none.
func pluralForms(r *http.Request) map[string]string {
	var forms map[string]string
	for name, v := range r.PostForm {
		if f, ok := strings.CutPrefix(name, "form-"); ok && len(v) > 0 {
			if forms == nil {
				forms = map[string]string{}
			}
			forms[f] = v[0]
		}
	}
	return forms
}

// stamp marks the page reviewed against its original as it is now
// (site stamp), or starts it from the original (site stamp -new).
func (h *Handler) stamp(w http.ResponseWriter, r *http.Request, action, lang, key string) {
	ui := r.PostFormValue("ui")
	cfg, err := config.Load(h.opts.FS)
	if err == nil {
		if action == reviewAction {
			_, err = translate.Review(h.opts.Root, cfg, content.ID{Lang: lang, Key: key}.File())
		} else {
			_, _, err = pagefile.StartTranslation(h.opts.Root, cfg, content.ID{Lang: cfg.DefaultLanguage, Key: key}.File(), lang)
		}
	}
	if err != nil {
		h.serveEdit(w, r, lang, key, &edit{Problems: []string{status.NewPrinter(uiOr(ui)).Error(err)}}, http.StatusUnprocessableEntity)
		return
	}
	h.redirect(w, r, lang, key, ui, "main", "")
}

func uiOr(ui string) string {
	if speaks(ui) {
		return ui
	}
	return defaultUI
}

// redirect sends the browser back to the page's view at a fragment
// (Post/Redirect/Get): reloading it then does not post again.
// saved, if set, is the row whose form was saved: the page says so there.
func (h *Handler) redirect(w http.ResponseWriter, r *http.Request, lang, key, ui, fragment, saved string) {
	u := Path + url.PathEscape(lang) + "/" + escapeKey(key)
	if key == "" {
		u = Path + stringsDir + url.PathEscape(lang)
	}
	q := url.Values{"ui": {uiOr(ui)}}
	if saved != "" {
		q.Set("saved", saved)
	}
	u += "?" + q.Encode()
	if fragment != "" && fragment != "row-" {
		u += "#" + url.PathEscape(fragment)
	}
	http.Redirect(w, r, u, http.StatusSeeOther)
}

// serveEdit shows the page again with the form that could not be saved,
// its text kept and the problems or the other version beside it.
func (h *Handler) serveEdit(w http.ResponseWriter, r *http.Request, lang, key string, ed *edit, code int) {
	q := r.URL.Query()
	q.Set("ui", uiOr(r.PostFormValue("ui")))
	r.URL.RawQuery = q.Encode()
	if key == "" {
		r.URL.Path = Path + stringsDir + lang
		h.serveStringsWith(w, r, lang, ed, code)
		return
	}
	r.URL.Path = Path + lang + "/" + key
	h.servePageWith(w, r, lang, key, ed, code)
}

// Desk is true when the view's rows are forms.
func (v *view) Desk() bool { return v.token != "" }

// Token is the process's token for the forms.
func (v *view) Token() string { return v.token }

// Action is the address a desk form posts to.
func (v *view) Action(name string) string { return Path + name }

// Editable reports whether row i can be saved from the desk: a row of a
// page whose translation has a place for it, or a block the translation
// lacks, which saving puts at its place (translate.PlanUnit), or an
// interface string, which saving adds to the file if it lacks it
// (translate.PlanStringForms).
func (v *view) Editable(i int) bool {
	b := v.Page.Blocks[i]
	if !v.Desk() || v.Hash == "" || b.State == translation.Obsolete || b.Target.Line == 0 && b.State != translation.Missing {
		return false
	}
	return v.Page.Key != "" || b.Kind == translation.KindString && b.Anchor != ""
}

// EditOf is the unsaved edit of row i, if the request brought one back.
func (v *view) EditOf(i int) *edit {
	if v.edit == nil || v.edit.Anchor == "" || v.edit.Anchor != v.Page.Blocks[i].Anchor {
		return nil
	}
	return v.edit
}

// FieldText is what row i's field holds: the unsaved edit, else the
// translation.
func (v *view) FieldText(i int) string {
	if e := v.EditOf(i); e != nil {
		return e.Text
	}
	return v.Page.Blocks[i].Translation
}

// PageProblems are the problems of a page-wide action (reviewed,
// start), shown at the top.
func (v *view) PageProblems() []string {
	if v.edit == nil || v.edit.Anchor != "" {
		return nil
	}
	return v.edit.Problems
}

// Rows is the height of a field for text s.
func (v *view) Rows(s string) int {
	n := len(s)/60 + strings.Count(s, "\n") + 1
	return min(max(n, 2), 12)
}

// rowText finds the unit's text in the page as it is on disk, for a
// conflict.
func rowText(p *Page, anchor string) string {
	for _, b := range p.Blocks {
		if b.Anchor == anchor {
			return b.Translation
		}
	}
	return ""
}

// setEdit records the version of the view's file and ed, an unsaved
// form brought back, if any.
func (v *view) setEdit(fsys fs.FS, ed *edit) {
	v.Hash = fileHash(fsys, v.Page.File)
	if ed != nil && ed.Conflict {
		ed.Disk = rowText(v.Page, ed.Anchor)
	}
	v.edit = ed
	if ed != nil {
		// The answer to a POST: reloading it would post again, so it
		// does not reload itself (RebuildMeta); its save checks the
		// file's version instead.
		v.Rebuild = ""
	}
}

// Saved reports whether row i is the one just saved (Post/Redirect/Get
// brings "saved=i"), to say so beside it.
func (v *view) Saved(i int) bool { return v.saved == strconv.Itoa(i) && v.edit == nil }
