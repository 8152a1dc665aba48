package markdown

import (
	"fmt"
	"html"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"cecot/internal/diag"
)

// Picture says how to show an image of the site: the file an <img>
// loads, its size, and for a resized image the widths to choose from.
type Picture struct {
	Src           string // URL of the image, or of its widest size
	Width, Height int    // in pixels, so that the page keeps room for it while it loads
	// Srcset lists the widths in the original's format
	// ("photo.480.jpg 480w, …"), WebP the same widths as WebP; both
	// are empty for an image shown as it is.
	Srcset, WebP string
	Sizes        string // the column's width at each screen width
}

// Attribute names that carry what the transformers found to the
// renderer; they are never written to the page.
var (
	pictureAttr = []byte("_picture")
	destAttr    = []byte("_dest") // the destination as written
	lazyAttr    = []byte("_lazy")
)

// KindFigure is the kind of a figure: an image alone in its paragraph.
var KindFigure = ast.NewNodeKind("Figure")

// Figure is an image that stands alone in its paragraph, shown in a
// <figure> with its title, if it has one, as the caption.
type Figure struct {
	ast.BaseBlock
}

// Kind returns KindFigure.
func (*Figure) Kind() ast.NodeKind { return KindFigure }

// Dump writes the node for debugging.
func (f *Figure) Dump(src []byte, level int) { ast.DumpHelper(f, src, level, nil, nil) }

// eagerBlocks is how many top-level blocks (paragraphs, headings, lists)
// are taken to fill a phone's first screen: the first image within them
// loads at once, every other image only as the reader nears it.
const eagerBlocks = 3

// imageTransformer turns paragraphs that hold only an image into figures,
// marks the images after the first screen to load lazily, counts images
// and captions for the comparison of translations, and warns about
// images without alt text. It runs after linkTransformer has resolved
// the images.
type imageTransformer struct{}

func (imageTransformer) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if !st.images {
		return
	}
	src := r.Source()
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		para, ok := c.(*ast.Paragraph)
		if !ok {
			continue
		}
		img := loneImage(para)
		if img == nil {
			continue
		}
		fig := &Figure{}
		fig.SetLines(para.Lines())
		doc.ReplaceChild(doc, para, fig)
		fig.AppendChild(fig, img)
		c = fig
	}
	block, seen := 0, 0
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		block++
		_ = ast.Walk(c, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			img, ok := n.(*ast.Image)
			if !ok || !entering {
				return ast.WalkContinue, nil
			}
			seen++
			st.result.Images++
			if len(img.Title) > 0 {
				if _, ok := img.Parent().(*Figure); ok {
					st.result.Captions++
				}
			}
			if seen > 1 || block > eagerBlocks {
				img.SetAttribute(lazyAttr, true)
			}
			if strings.TrimSpace(plainText(img, src)) == "" {
				dest := string(img.Destination)
				if v, ok := img.Attribute(destAttr); ok {
					dest = v.(string)
				}
				st.result.Warnings = append(st.result.Warnings, diag.At(st.page.File, lineOf(img, src), "md_no_alt",
					fmt.Sprintf("image %s has no alt text, so readers who cannot see it learn nothing of it; describe what it shows in the brackets: ![what it shows](%s)", dest, dest), "Image", dest))
			}
			return ast.WalkSkipChildren, nil
		})
	}
}

// loneImage returns the image that is all a paragraph holds, or nil.
func loneImage(p *ast.Paragraph) *ast.Image {
	img, ok := p.FirstChild().(*ast.Image)
	if !ok || img.NextSibling() != nil {
		return nil
	}
	return img
}

// imageRenderer writes images with their size and responsive widths, and
// figures with their captions.
type imageRenderer struct{}

func (imageRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, renderImage)
	reg.Register(KindFigure, renderFigure)
}

func renderFigure(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<figure>")
		return ast.WalkContinue, nil
	}
	if img, ok := n.FirstChild().(*ast.Image); ok && len(img.Title) > 0 {
		_, _ = w.WriteString("<figcaption>")
		_, _ = w.Write(util.EscapeHTML(img.Title))
		_, _ = w.WriteString("</figcaption>")
	}
	_, _ = w.WriteString("</figure>\n")
	return ast.WalkContinue, nil
}

func renderImage(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	img := n.(*ast.Image)
	var pic *Picture
	if v, ok := img.Attribute(pictureAttr); ok {
		pic, _ = v.(*Picture)
	}
	_, lazy := img.Attribute(lazyAttr)
	attr := func(name, value string) {
		_, _ = w.WriteString(" " + name + `="`)
		_, _ = w.Write(util.EscapeHTML([]byte(value)))
		_ = w.WriteByte('"')
	}
	if pic != nil && pic.WebP != "" {
		_, _ = w.WriteString(`<picture><source type="image/webp"`)
		attr("srcset", pic.WebP)
		attr("sizes", pic.Sizes)
		_ = w.WriteByte('>')
	}
	_, _ = w.WriteString("<img")
	if pic != nil {
		attr("src", pic.Src)
	} else {
		attr("src", string(util.URLEscape(img.Destination, true)))
	}
	attr("alt", plainText(img, src))
	if _, inFigure := img.Parent().(*Figure); len(img.Title) > 0 && !inFigure {
		attr("title", string(img.Title))
	}
	if pic != nil {
		attr("width", strconv.Itoa(pic.Width))
		attr("height", strconv.Itoa(pic.Height))
		if pic.Srcset != "" {
			attr("srcset", pic.Srcset)
			attr("sizes", pic.Sizes)
		}
	}
	if lazy {
		attr("loading", "lazy")
		attr("decoding", "async")
	}
	_ = w.WriteByte('>')
	if pic != nil && pic.WebP != "" {
		_, _ = w.WriteString("</picture>")
	}
	return ast.WalkSkipChildren, nil
}

// resolveImage asks the page's resolver how to show the image at dest.
// An image of another site, or any other URL with a scheme, is an
// error: a page of the site shows only the project's own files.
func resolveImage(st *state, n *ast.Image, src []byte) {
	dest := string(n.Destination)
	if st.page.ResolveImage == nil {
		return
	}
	if remote(dest) {
		st.errs.Add(&diag.Error{Path: st.page.File, Line: lineOf(n, src), Err: remoteImageMessage(st.page.File, dest)})
		return
	}
	if dest == "" {
		st.errs.Add(diag.At(st.page.File, lineOf(n, src), "md_image_no_file", "image has no file; write its name in the parentheses: ![what it shows](map.png)"))
		return
	}
	pic, err := st.page.ResolveImage(dest)
	if err != nil {
		q := fmt.Sprintf("%q", dest)
		st.errs.Add(diag.At(st.page.File, lineOf(n, src), "md_image", "image "+q+": "+err.Error(), "Image", q, "Err", err))
		return
	}
	n.SetAttribute(pictureAttr, pic)
	n.SetAttribute(destAttr, dest)
	n.Destination = []byte(pic.Src)
}

// remote reports whether an image's destination is a URL with a scheme
// ("https://…", "data:…") or of another host ("//cdn.example/x.png"),
// rather than a file of the project.
func remote(dest string) bool {
	// As a browser reads it (see SafeURL): "https&#58;//…" is remote,
	// and so are "\\host" and "/\host", which browsers take for "//host".
	dest = strings.TrimFunc(unescapePunct.Replace(html.UnescapeString(dest)), func(r rune) bool { return r <= ' ' })
	if strings.HasPrefix(dest, "//") || strings.HasPrefix(dest, `\\`) || strings.HasPrefix(dest, `/\`) || strings.HasPrefix(dest, `\/`) {
		return true
	}
	scheme, _, ok := strings.Cut(dest, ":")
	return ok && isScheme(scheme)
}

// remoteImageMessage says why an image must be a file of the project
// and how to make it one. An image loaded from another site tells that
// site who reads the page and when, would be blocked by the site's own
// Content-Security-Policy, and may change or vanish.
func remoteImageMessage(page, dest string) *diag.Message {
	shown := dest
	if len(shown) > 60 {
		n := 57
		for n > 0 && !utf8.RuneStart(shown[n]) {
			n--
		}
		shown = shown[:n] + "..."
	}
	if !strings.HasPrefix(dest, "//") && !strings.HasPrefix(strings.ToLower(dest), "http") {
		return diag.Say("md_image_not_file", fmt.Sprintf("image %q is not a file of the project, and a page shows only those; save the image beside the page (in %s/) and write its file name: ![what it shows](map.png)", shown, path.Dir(page)),
			"Image", fmt.Sprintf("%q", shown), "Dir", path.Dir(page))
	}
	name := "map.png"
	if u, err := url.Parse(dest); err == nil && path.Ext(u.Path) != "" {
		name = path.Base(u.Path)
	}
	return diag.Say("md_image_remote", fmt.Sprintf("image %q is on another site, which would learn who reads the page; download the file, save it beside the page as %s/%s and write its file name: ![what it shows](%s)", shown, path.Dir(page), name, name),
		"Image", fmt.Sprintf("%q", shown), "Dir", path.Dir(page), "Name", name)
}
