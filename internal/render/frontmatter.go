package render

import (
	"bytes"
	"fmt"
	"image"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"cecot/internal/assets"
	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/diag"
)

// CheckPage judges what p's front matter names that only the renderer
// knows: its layout and its share image. Each problem is an error at the
// front matter's line, so that the person who wrote the page is told
// there, rather than at a line of a layout that they never opened. A
// build checks every page before it renders any.
func (r *Renderer) CheckPage(p *content.Page) error {
	var errs diag.List
	if p.Layout != "" {
		if err := r.checkLayout(p.Lang, p.Layout); err != nil {
			q := fmt.Sprintf("%q", p.Layout)
			errs.Add(diag.At(p.File, p.Line("layout"), "fm_layout", fmt.Sprintf("front matter: layout %s: %v", q, err), "Layout", q, "Err", err))
		}
	}
	if p.ShareImage != "" {
		if _, _, err := r.ownShareImageFile(p.ShareImage); err != nil {
			errs.Add(shareImageError(p, err))
		}
	}
	return errs.Err()
}

// shareImageError is err about p's share_image, at its line.
func shareImageError(p *content.Page, err error) error {
	q := fmt.Sprintf("%q", p.ShareImage)
	return diag.At(p.File, p.Line("share_image"), "fm_share_image", fmt.Sprintf("front matter: share_image %s: %v", q, err), "Image", q, "Err", err)
}

// checkLayout accepts the name of a layout that lang's pages can use.
func (r *Renderer) checkLayout(lang, name string) error {
	names := r.layoutNames(lang)
	list := strings.Join(names, ", ")
	if base, ok := strings.CutSuffix(name, ".html"); ok && slices.Contains(names, base) {
		q := fmt.Sprintf("%q", base)
		return diag.Say("layout_name_html", "write the layout's name without .html: layout = "+q, "Layout", q)
	}
	if !fs.ValidPath(name) || strings.Contains(name, "\\") || name == "base" || strings.HasPrefix(name, "partials/") {
		return diag.Say("layout_name", fmt.Sprintf("a layout is named by its file in %s/ without .html, like \"page\" for %s/page.html; the layouts are: %s", config.LayoutsDir, config.LayoutsDir, list), "Dir", config.LayoutsDir, "List", list)
	}
	if _, ok := r.tmpl.lookup(lang, name); !ok {
		file := config.LayoutsDir + "/" + name + ".html"
		return diag.Say("layout_none", fmt.Sprintf("there is no %s; use one of the layouts (%s), or add the file", file, list), "File", file, "List", list)
	}
	return nil
}

// layoutNames lists the layouts a page of lang can name, sorted.
func (r *Renderer) layoutNames(lang string) []string {
	return slices.Sorted(maps.Keys(r.tmpl.sets[lang]))
}

// ownShareImageFile finds the image that a page's share_image names, a
// file under assets/ ("img/share.png", "/assets/img/share.png"), and
// reads its size.
func (r *Renderer) ownShareImageFile(named string) (*assets.Asset, image.Config, error) {
	name := strings.TrimPrefix(named, "/")
	name = strings.TrimPrefix(name, "assets/")
	if !fs.ValidPath(name) || strings.Contains(name, "\\") {
		return nil, image.Config{}, diag.Say("share_image_name", "name a file in assets/, like \"img/share.png\" for assets/img/share.png")
	}
	a, err := r.assets.Lookup(name)
	if err != nil {
		return nil, image.Config{}, diag.Say("share_image_none", "there is no file assets/"+name+"; save the image in assets/, or fix the name", "File", "assets/"+name)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(a.Data))
	if err != nil {
		return nil, image.Config{}, diag.Say("share_image_format", "assets/"+name+" is not a PNG, JPEG, GIF or WebP image, which link previews show; save it in one of those formats", "File", "assets/"+name)
	}
	return a, cfg, nil
}
