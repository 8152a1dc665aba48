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
			errs.Add(diag.Errorf(p.File, p.Line("layout"), "front matter: layout %q: %v", p.Layout, err))
		}
	}
	if p.ShareImage != "" {
		if _, _, err := r.ownShareImageFile(p.ShareImage); err != nil {
			errs.Add(diag.Errorf(p.File, p.Line("share_image"), "front matter: share_image %q: %v", p.ShareImage, err))
		}
	}
	return errs.Err()
}

// checkLayout accepts the name of a layout that lang's pages can use.
func (r *Renderer) checkLayout(lang, name string) error {
	names := r.layoutNames(lang)
	list := strings.Join(names, ", ")
	if base, ok := strings.CutSuffix(name, ".html"); ok && slices.Contains(names, base) {
		return fmt.Errorf("write the layout's name without .html: layout = %q", base)
	}
	if !fs.ValidPath(name) || strings.Contains(name, "\\") || name == "base" || strings.HasPrefix(name, "partials/") {
		return fmt.Errorf("a layout is named by its file in %s/ without .html, like \"page\" for %s/page.html; the layouts are: %s", config.LayoutsDir, config.LayoutsDir, list)
	}
	if _, ok := r.tmpl.lookup(lang, name); !ok {
		return fmt.Errorf("there is no %s/%s.html; use one of the layouts (%s), or add the file", config.LayoutsDir, name, list)
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
		return nil, image.Config{}, fmt.Errorf("name a file in assets/, like \"img/share.png\" for assets/img/share.png")
	}
	a, err := r.assets.Lookup(name)
	if err != nil {
		return nil, image.Config{}, fmt.Errorf("there is no file assets/%s; save the image in assets/, or fix the name", name)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(a.Data))
	if err != nil {
		return nil, image.Config{}, fmt.Errorf("assets/%s is not a PNG, JPEG, GIF or WebP image, which link previews show; save it in one of those formats", name)
	}
	return a, cfg, nil
}
