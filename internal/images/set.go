package images

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"

	"cecot/internal/assets"
	"cecot/internal/bounded"
	"cecot/internal/config"
	"cecot/internal/diag"
	"cecot/internal/parallel"
)

// Options say where a site's images are and how to prepare them.
type Options struct {
	Languages []string // language codes, the folders under content/
	Default   string   // the language of originals
	// Cache keeps encoded images between builds; nil encodes every time.
	Cache *Cache
	// Assets are the site's published assets, whose images pages may
	// show as /assets/...; nil when there are none.
	Assets *assets.Set
	// Minifier shrinks SVG files as assets' are; nil leaves them.
	Minifier assets.Minifier
	// KeepMetadata names the images ("content/en/scan.jpg") that are
	// published with their metadata, as site.toml's [images]
	// keep_metadata lists them; every other image is stripped of it.
	// Images of assets/ are the assets package's to strip.
	KeepMetadata map[string]bool
}

// Image is one image file of the site, ready to show.
type Image struct {
	Source string // "content/en/chart.png" or "assets/img/map.svg"
	Info
	// Out is the published file an <img> loads by default: the image as
	// it is, or its widest size: "assets/en/chart.3b1c9e0a7d.png".
	Out string
	// Sizes are the published widths of a resized image, narrowest
	// first; none when it is shown as it is.
	Sizes []Published
	// Inline is the image to put in a single-file edition as a data:
	// URL: the narrowest WebP of a resized image, or a small image as it
	// is; nil for a large image that is not resized.
	Inline *Inline
	// Err says why the image cannot be published; pages that show it
	// fail to build.
	Err error
}

// Inline is an image small enough to put inside a page.
type Inline struct {
	MediaType     string
	Data          []byte
	Width, Height int
}

// maxInline is the largest image that a single-file edition carries as
// it is: a page read offline must load nothing else, but should stay small
// enough to send in a messaging app.
const maxInline = 100 << 10

// Published names the files of one width of a resized image.
type Published struct {
	Width, Height  int
	WebP, Fallback string // "assets/en/photo.3b1c9e0a7d.960.webp", "….960.jpg"
}

// File is one file to publish.
type File struct {
	Name string // path in the site: "assets/en/chart.3b1c9e0a7d.png"
	Data []byte
}

// Set is every image of a site.
type Set struct {
	byPath map[string]*Image
	files  []File
	def    string
}

// Load finds every image under content/ and assets/ in fsys, checks it and
// prepares its published files. Images that cannot be published are kept
// with their Err, which a page that shows them reports with its own file
// and line; they are returned as warnings too, so that a broken image no
// page shows yet is not missed. Load fails only when a folder cannot be
// read or two images would be published under one name.
func Load(fsys fs.FS, opts Options) (*Set, []*diag.Error, error) {
	s := &Set{byPath: map[string]*Image{}, def: opts.Default}
	if opts.Cache == nil {
		opts.Cache = NewCache("")
	}
	var errs diag.List
	var sources []string
	err := fs.WalkDir(fsys, config.ContentDir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil && p == config.ContentDir && errors.Is(err, fs.ErrNotExist):
			return fs.SkipDir
		case err != nil:
			errs.Add(diag.CannotRead(p, err))
			return nil
		case strings.HasPrefix(d.Name(), ".") && p != config.ContentDir:
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case !d.IsDir() && assets.IsImage(p):
			sources = append(sources, p)
		}
		return nil
	})
	errs.Add(err)
	if opts.Assets != nil {
		for _, a := range opts.Assets.All() {
			if assets.IsImage(a.Name) {
				sources = append(sources, path.Join(assets.Dir, a.Name))
			}
		}
	}
	imgs := make([]*Image, len(sources))
	files := make([][]File, len(sources))
	parallel.For(context.Background(), len(sources), func(i int) {
		imgs[i], files[i] = prepare(fsys, sources[i], opts)
	})
	var warns []*diag.Error
	owner := map[string]string{}
	if opts.Assets != nil {
		for _, a := range opts.Assets.All() {
			owner[a.Out] = path.Join(assets.Dir, a.Name)
		}
	}
	for i, img := range imgs {
		s.byPath[img.Source] = img
		if img.Err != nil {
			warns = append(warns, located(img))
			continue
		}
		for _, f := range files[i] {
			if other, ok := owner[f.Name]; ok && other != img.Source {
				errs.Add(diag.At(img.Source, 0, "image_same_name", fmt.Sprintf("would be published as %s, like %s; rename one of them", f.Name, other), "Name", f.Name, "Other", other))
				continue
			}
			owner[f.Name] = img.Source
			s.files = append(s.files, f)
		}
	}
	sort.Slice(s.files, func(i, j int) bool { return s.files[i].Name < s.files[j].Name })
	if err := errs.Err(); err != nil {
		return nil, warns, err
	}
	return s, warns, nil
}

// prepare reads, checks and processes one image, and names its files.
func prepare(fsys fs.FS, src string, opts Options) (*Image, []File) {
	img := &Image{Source: src}
	var (
		data []byte
		err  error
		// asset is set for an image of assets/, which the assets
		// package publishes as it is.
		asset *assets.Asset
	)
	if name, ok := strings.CutPrefix(src, assets.Dir+"/"); ok && opts.Assets != nil {
		asset, err = opts.Assets.Lookup(name)
		if err == nil {
			data = asset.Data
		}
	} else {
		data, err = bounded.ReadFile(fsys, src)
	}
	if err != nil {
		// A link out of the project or in a circle, in the words
		// every file of the project gets.
		why := diag.CannotRead(src, err).Err
		img.Err = diag.Say("image_cannot_read", "cannot be read: "+why.Error(), "Err", why)
		return img, nil
	}
	if img.Info, data, err = inspect(src, data); err != nil {
		img.Err = err
		return img, nil
	}
	sizes, err := opts.Cache.process(data, img.Info)
	if err != nil {
		img.Err = err
		return img, nil
	}
	if asset == nil {
		// An image of assets/ comes stripped from the assets package.
		if data, err = opts.Cache.clean(data, img.Info, opts.KeepMetadata[src]); err != nil {
			img.Err = err
			return img, nil
		}
	}
	for i := range sizes {
		if sizes[i].Width == img.Width {
			sizes[i].Fallback = data // the original's width: the file itself
		}
	}
	// The name's hash is of the published file, which changes when its
	// metadata is kept or not.
	fp := fingerprint(data)
	// content/en/chart.png is published as assets/en/chart.<fp>.png:
	// under assets/, so that hosts cache it as long as assets.
	rel := strings.TrimPrefix(strings.TrimPrefix(src, config.ContentDir+"/"), assets.Dir+"/")
	base := path.Join(assets.OutDir, rel)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext) + "." + fp
	var files []File
	for _, sz := range sizes {
		w := strconv.Itoa(sz.Width)
		p := Published{Width: sz.Width, Height: sz.Height, WebP: stem + "." + w + ".webp", Fallback: stem + "." + w + ext}
		img.Sizes = append(img.Sizes, p)
		files = append(files, File{p.WebP, sz.WebP}, File{p.Fallback, sz.Fallback})
	}
	switch {
	case len(img.Sizes) > 0:
		img.Out = img.Sizes[len(img.Sizes)-1].Fallback
		img.Inline = &Inline{WebP.MediaType(), sizes[0].WebP, sizes[0].Width, sizes[0].Height}
		return img, files
	case asset != nil:
		img.Out = asset.Out // the assets package publishes it
	default:
		if img.Format == SVG && opts.Minifier != nil {
			if min, err := opts.Minifier.Minify(SVG.MediaType(), data); err == nil {
				data = min
			}
		}
		img.Out = stem + ext
		files = append(files, File{img.Out, data})
	}
	if len(data) <= maxInline {
		img.Inline = &Inline{img.Format.MediaType(), data, img.Width, img.Height}
	}
	return img, files
}

// fingerprint is the short content hash in a published name, as assets
// have.
func fingerprint(data []byte) string { return sourceHash(data)[:10] }

// Files returns every file to publish, ordered by name.
func (s *Set) Files() []File {
	if s == nil {
		return nil
	}
	return s.files
}

// Lookup returns the image at a path in the project ("content/en/chart.png"),
// or nil.
func (s *Set) Lookup(p string) *Image { return s.byPath[p] }

// Resolve finds the image that a page's Markdown names as dest. file is the
// page's Markdown file ("content/en/about.md", or the original's for a
// page that shows an untranslated original), lang the language it is shown
// in. A path relative to the page's file names an image beside it; one
// from the site root names an image in assets/ ("/assets/map.svg"). When an
// image of the default language has a variant at the same path in lang's
// folder, the variant is shown.
func (s *Set) Resolve(file, lang, dest string) (*Image, error) {
	p, err := url.PathUnescape(dest)
	if err != nil {
		p = dest
	}
	p, _, _ = strings.Cut(p, "#")
	var full string
	if rest, ok := strings.CutPrefix(p, "/"); ok {
		full = path.Clean(rest)
		if !strings.HasPrefix(full, assets.Dir+"/") {
			return nil, diag.Say("image_root_path", fmt.Sprintf("an image path from the site root must be in %s/, like /%s/map.png; for an image beside the page, write its name without a leading /", assets.Dir, assets.Dir), "Dir", assets.Dir)
		}
	} else {
		full = path.Join(path.Dir(file), p)
	}
	if !strings.HasPrefix(full, config.ContentDir+"/") && !strings.HasPrefix(full, assets.Dir+"/") {
		return nil, diag.Say("image_outside", fmt.Sprintf("leads to %s, outside %s/ and %s/; keep images beside their page or in %s/", full, config.ContentDir, assets.Dir, assets.Dir),
			"File", full, "Content", config.ContentDir, "Dir", assets.Dir)
	}
	if !assets.IsImage(full) {
		return nil, diag.Say("image_file_ext", full+" is not an image file this site publishes; use .jpg, .png, .gif, .webp or .svg", "File", full)
	}
	if v := s.variant(full, lang); v != nil {
		return v, v.Err
	}
	img := s.byPath[full]
	if img == nil {
		// A translation names its images as its original does; those
		// without a variant are the original's.
		img = s.original(full)
	}
	if img == nil {
		return nil, diag.Say("image_no_file", fmt.Sprintf("no file %s; check the name, and save the image beside the page or in %s/", full, assets.Dir), "File", full, "Dir", assets.Dir)
	}
	if img.Err != nil {
		// Name the file that was found: for a translation showing its
		// original's image, that is the original's, not full.
		return nil, fileSays(img.Source, img.Err)
	}
	return img, nil
}

// fileSays is err about the image file: "content/es/mapa.png is not a
// PNG image ...".
func fileSays(file string, err error) error {
	return diag.Say("image_file_says", file+" "+err.Error(), "File", file, "Err", err)
}

// variant returns lang's variant of the default language's image at
// full, or nil.
func (s *Set) variant(full, lang string) *Image {
	rest, ok := strings.CutPrefix(full, config.ContentDir+"/"+s.def+"/")
	if !ok || lang == s.def {
		return nil
	}
	v := s.byPath[path.Join(config.ContentDir, lang, rest)]
	if v != nil && v.Err != nil {
		return &Image{Source: v.Source, Err: fileSays(v.Source, v.Err)}
	}
	return v
}

// original returns the default language's image at the path that full
// has in another language's folder, or nil.
func (s *Set) original(full string) *Image {
	rest, ok := strings.CutPrefix(full, config.ContentDir+"/")
	if !ok {
		return nil
	}
	lang, rest, ok := strings.Cut(rest, "/")
	if !ok || lang == s.def {
		return nil
	}
	return s.byPath[path.Join(config.ContentDir, s.def, rest)]
}
