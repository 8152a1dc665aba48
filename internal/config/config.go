// Package config reads site.toml, the small file that names a site's
// languages, its default language and the URL it is published under.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"cecot/internal/diag"
	"cecot/internal/invisible"
)

// File is the name of the configuration file in the project folder.
const File = "site.toml"

// The project's folders of what the site is made of, beside File; the
// one place their names are written.
const (
	ContentDir = "content" // the pages: one folder of Markdown per language
	LayoutsDir = "layouts" // the layouts (html/template)
)

// Config is a site's configuration.
type Config struct {
	// Title is the site's name, used where a language gives none.
	Title string
	// BaseURL is the absolute URL the site is published under, ending in
	// a slash, or "" when unknown (then the site works from any folder,
	// but canonical and alternate URLs cannot be absolute).
	BaseURL string
	// DefaultLanguage is the code of the language that others fall back to.
	DefaultLanguage string
	// Languages are in display order: by weight, then code.
	Languages []Language
	// UnsafeHTML lets raw HTML in Markdown through; off by default.
	UnsafeHTML bool
	// ThemeColor is the browser's theme colour for the site.
	ThemeColor string
	// ShareImages draws a share image for every page (see package
	// share); on unless site.toml's [share] images = false.
	ShareImages bool
	// FeedID starts the IDs of the feeds and their entries: a tag URI
	// prefix ("tag:example.org,2025:") that stays the same when the site
	// moves, so that feed readers do not show every entry again. Without
	// [feeds] id it is made from the host of site.toml's baseURL (see
	// feedID); "" when there is neither.
	FeedID string
	// Source is the key of the page that summarizes the document the
	// site is based on ("submission"): its [params.cite] describes that
	// document, which every page's JSON-LD names as what the page is
	// based on. "" when site.toml names none.
	Source string
	// KeepMetadata lists the images published with their metadata
	// (Exif, XMP, comments), by path in the project
	// ("content/en/scan.jpg"), from site.toml's [images] keep_metadata.
	// Every other image is stripped of it: a photograph's GPS position
	// or its photographer's name must not leak by accident.
	KeepMetadata []string
	// KeepMetadataLine is the line of site.toml that sets KeepMetadata,
	// for errors about its entries.
	KeepMetadataLine int
	// Params are free-form values that templates read as .Site.Params.
	Params map[string]any
}

// Language is one of a site's languages.
type Language struct {
	Code   string // BCP 47 code and folder name: "en", "es"
	Name   string // its own name: "English", "Español"
	Title  string // the site's title in this language
	Locale string // Open Graph locale: "en_US", "es_LA"
	Weight int    // orders the languages, lightest first
}

type file struct {
	Title           string              `toml:"title"`
	BaseURL         string              `toml:"baseURL"`
	DefaultLanguage string              `toml:"defaultLanguage"`
	ThemeColor      string              `toml:"themeColor"`
	Source          string              `toml:"source"`
	Languages       map[string]language `toml:"languages"`
	Markdown        struct {
		Unsafe bool `toml:"unsafe"`
	} `toml:"markdown"`
	Share struct {
		Images *bool `toml:"images"`
	} `toml:"share"`
	Feeds struct {
		ID string `toml:"id"`
	} `toml:"feeds"`
	Images struct {
		KeepMetadata []string `toml:"keep_metadata"`
	} `toml:"images"`
	Params map[string]any `toml:"params"`
}

type language struct {
	Name   string `toml:"name"`
	Title  string `toml:"title"`
	Locale string `toml:"locale"`
	Weight int    `toml:"weight"`
}

// langCode is a language code, "es" or "pt-BR". The expressions of this
// package are compiled when first used, not at every start of the program.
var langCode = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`) })

// Load reads and checks File in fsys.
func Load(fsys fs.FS) (*Config, error) {
	data, err := fs.ReadFile(fsys, File)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, diag.At(File, 0, "config_missing", "missing; create it with a [languages.xx] table per language (see README.md)")
		}
		return nil, diag.Wrap(File, 0, err)
	}
	return Parse(data)
}

// Parse reads a configuration from the contents of File.
func Parse(data []byte) (*Config, error) {
	var f file
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, tomlError(File, err)
	}
	lines := keyLines(data)
	errs := unknownKeys(md.Undecoded(), lines)
	c := &Config{
		Title:            f.Title,
		DefaultLanguage:  f.DefaultLanguage,
		UnsafeHTML:       f.Markdown.Unsafe,
		ThemeColor:       f.ThemeColor,
		ShareImages:      f.Share.Images == nil || *f.Share.Images,
		KeepMetadata:     f.Images.KeepMetadata,
		KeepMetadataLine: lines["images.keep_metadata"],
		Source:           f.Source,
		Params:           f.Params,
	}
	if c.ThemeColor == "" {
		c.ThemeColor = "#1d3557"
	}
	base, err := normalizeBaseURL(f.BaseURL)
	if err != nil {
		errs.Add(diag.At(File, lines["baseURL"], "config_base_url", fmt.Sprintf("baseURL: %v", err), "Err", err))
	}
	c.BaseURL = base
	c.FeedID, err = feedID(f.Feeds.ID, base)
	if err != nil {
		errs.Add(diag.At(File, lines["feeds.id"], "config_feeds_id", fmt.Sprintf("feeds.id: %v", err), "Err", err))
	}
	names := map[string]string{"title": f.Title}
	for code, l := range f.Languages {
		names["languages."+code+".name"], names["languages."+code+".title"] = l.Name, l.Title
	}
	for _, key := range slices.Sorted(maps.Keys(names)) {
		// Names are published in every page's <title>, feeds and
		// share images.
		if err := invisible.Check(names[key], true); err != nil {
			errs.Add(diag.At(File, lines[key], "config_invisible", fmt.Sprintf("%s %v", key, err), "Key", key, "Err", err))
		}
	}
	for code, l := range f.Languages {
		if !langCode().MatchString(code) {
			errs.Add(diag.At(File, lines["languages."+code], "config_lang_code", fmt.Sprintf("language %q: not a language code like \"en\" or \"es\"", code), "Lang", fmt.Sprintf("%q", code)))
			continue
		}
		if l.Name == "" {
			l.Name = code
		}
		if l.Title == "" {
			l.Title = c.Title
		}
		c.Languages = append(c.Languages, Language{Code: code, Name: l.Name, Title: l.Title, Locale: l.Locale, Weight: l.Weight})
	}
	sort.Slice(c.Languages, func(i, j int) bool {
		a, b := c.Languages[i], c.Languages[j]
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Code < b.Code
	})
	switch {
	case len(f.Languages) == 0:
		errs.Add(diag.At(File, 0, "config_no_languages", "no languages; add a [languages.en] table with a name"))
	case len(c.Languages) == 0:
		// every language had a bad code, reported above
	case c.DefaultLanguage == "":
		c.DefaultLanguage = c.Languages[0].Code
	case c.Language(c.DefaultLanguage) == nil:
		errs.Add(diag.At(File, lines["defaultLanguage"], "config_default_lang", fmt.Sprintf("defaultLanguage %q is not one of the [languages] tables", c.DefaultLanguage), "Lang", fmt.Sprintf("%q", c.DefaultLanguage)))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// Language returns the language with the given code, or nil.
func (c *Config) Language(code string) *Language {
	for i := range c.Languages {
		if c.Languages[i].Code == code {
			return &c.Languages[i]
		}
	}
	return nil
}

// Codes returns the language codes in display order.
func (c *Config) Codes() []string {
	codes := make([]string, len(c.Languages))
	for i, l := range c.Languages {
		codes[i] = l.Code
	}
	return codes
}

// BasePath is the path part of BaseURL ("/cecot-report/"), or "/".
func (c *Config) BasePath() string {
	if c.BaseURL == "" {
		return "/"
	}
	u, _ := url.Parse(c.BaseURL)
	return u.Path
}

// AbsURL returns the absolute URL of target, a path from the site root
// ("/es/informe/"), or "" when the site has no base URL.
func (c *Config) AbsURL(target string) string {
	if c.BaseURL == "" {
		return ""
	}
	return c.BaseURL + strings.TrimPrefix(target, "/")
}

// SetBaseURL replaces the base URL, as the -baseurl flag does.
func (c *Config) SetBaseURL(raw string) error {
	base, err := normalizeBaseURL(raw)
	if err != nil {
		return diag.Say("config_base_url_flag", fmt.Sprintf("-baseurl: %v", err), "Err", err)
	}
	c.BaseURL = base
	if c.FeedID == "" {
		// site.toml names no address: the IDs come from this one.
		c.FeedID, _ = feedID("", base)
	}
	return nil
}

func normalizeBaseURL(raw string) (string, error) {
	if raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", diag.Say("config_url_absolute", fmt.Sprintf("%q is not an absolute http(s) URL like \"https://example.org/\"", raw), "URL", fmt.Sprintf("%q", raw))
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", diag.Say("config_url_query", fmt.Sprintf("%q must not have a query or fragment", raw), "URL", fmt.Sprintf("%q", raw))
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

// tagURI matches a tag URI prefix (RFC 4151): "tag:", a domain name or
// email address, a comma, a date, and a colon.
var tagURI = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^tag:[A-Za-z0-9.@_-]+,\d{4}(-\d{2}(-\d{2})?)?:$`) })

// feedID checks [feeds] id, or makes one from the host of site.toml's
// baseURL, as written in the file: a -baseurl flag, which moves the
// site, leaves it alone. The date says when the site began to use the
// name; a site that gives none is taken to have used it from 2025,
// when this generator was written.
func feedID(id, base string) (string, error) {
	if id != "" {
		if !strings.HasSuffix(id, ":") {
			id += ":"
		}
		if !tagURI().MatchString(id) {
			tag := fmt.Sprintf("%q", strings.TrimSuffix(id, ":"))
			return "", diag.Say("config_tag_uri", tag+" is not a tag URI like \"tag:example.org,2025:\" (a domain or email address you own, and the year you began to use it)", "ID", tag)
		}
		return id, nil
	}
	if base == "" {
		return "", nil
	}
	u, _ := url.Parse(base)
	return "tag:" + u.Hostname() + ",2025:", nil
}

// known lists the keys of each table of File, for "did you mean" hints.
var known = map[string][]string{
	"":          {"title", "baseURL", "defaultLanguage", "themeColor", "source", "languages", "markdown", "share", "feeds", "images", "params"},
	"languages": {"name", "title", "locale", "weight"},
	"markdown":  {"unsafe"},
	"share":     {"images"},
	"feeds":     {"id"},
	"images":    {"keep_metadata"},
}

// unknownKeys reports keys that File does not use, each once: a key
// inside an unknown table is not reported again.
func unknownKeys(undecoded []toml.Key, lines map[string]int) diag.List {
	var errs diag.List
	reported := map[string]bool{}
	for _, key := range undecoded {
		if key[0] == "params" || reported[key[:len(key)-1].String()] {
			reported[key.String()] = true
			continue
		}
		reported[key.String()] = true
		table := key[0]
		if len(key) == 1 {
			table = ""
		}
		name := fmt.Sprintf("%q", key.String())
		if s := diag.Suggest(key[len(key)-1], known[table]); s != "" {
			suggest := fmt.Sprintf("%q", s)
			errs.Add(diag.At(File, lines[key.String()], "config_unknown_key_suggest", "unknown key "+name+" (did you mean "+suggest+"?)", "Key", name, "Suggest", suggest))
			continue
		}
		errs.Add(diag.At(File, lines[key.String()], "config_unknown_key", "unknown key "+name, "Key", name))
	}
	return errs
}

var typeErrRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]+)"\): (.*)$`) })

// tomlError locates a TOML syntax or type error in path.
func tomlError(path string, err error) error {
	var perr toml.ParseError
	if errors.As(err, &perr) {
		if say, ok := invisible.FromTOML(perr.Message); ok {
			return &diag.Error{Path: path, Line: perr.Position.Line, Err: say}
		}
		return &diag.Error{Path: path, Line: perr.Position.Line, Err: diag.TOMLFileProblem(perr.Message)}
	}
	if m := typeErrRE().FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &diag.Error{Path: path, Line: line, Err: typeProblem(m[2], m[3])}
	}
	return diag.Wrap(path, 0, err)
}

var typeDetailRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^incompatible types: TOML value has type (\S+); destination has type (\S+)$`)
})

// typeProblem says that key holds a value of the wrong kind, in the
// catalogue's words for what it wants; a detail the catalogue does not
// know keeps the parser's words, which name Go's types.
func typeProblem(key, detail string) *diag.Message {
	english := key + ": " + detail
	if m := typeDetailRE().FindStringSubmatch(detail); m != nil {
		if want, ok := tomlKinds[m[2]]; ok {
			return diag.Say("config_type", english, "Key", key, "Want", diag.Say("fm_want_"+want, want))
		}
	}
	return diag.Say("config_type_other", english, "Key", key, "Parser", detail)
}

// tomlKinds name the Go types of site.toml's values as the catalogue's
// fm_want_* messages do.
var tomlKinds = map[string]string{
	"string": "text", "bool": "switch", "boolean": "switch", "int": "number", "integer": "number",
	"slice": "list", "map": "table",
}

// keyLines maps each key that data sets, and each table it opens, to the
// first line that does so: "title", "languages.en", "languages.en.name".
// It reads lines, not TOML, which is enough to point a reader at a key.
func keyLines(data []byte) map[string]int {
	lines := map[string]int{}
	set := func(key string, line int) {
		parts := strings.Split(key, ".")
		for i := range parts {
			k := strings.Join(parts[:i+1], ".")
			if _, ok := lines[k]; !ok {
				lines[k] = line
			}
		}
	}
	table := ""
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			header, _, _ := strings.Cut(line, "]")
			table = cleanKey(strings.Trim(header, "[]"))
			set(table, i+1)
			continue
		}
		if k, _, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "#") {
			k = cleanKey(k)
			if table != "" {
				k = table + "." + k
			}
			set(k, i+1)
		}
	}
	return lines
}

// cleanKey removes spaces and quotes from a dotted key.
func cleanKey(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}
