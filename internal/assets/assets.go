// Package assets prepares the files in assets/ for publishing: text assets
// are minified, every file gets a content hash in its name so that it can
// be cached forever, and templates get its URL and Subresource Integrity
// hash.
package assets

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"cecot/internal/bounded"
	"cecot/internal/diag"
	"cecot/internal/metadata"
	"cecot/internal/svg"
)

// Dir is the folder of the source assets.
const Dir = "assets"

// OutDir is the folder of published assets, under the site root.
const OutDir = "assets"

// Minifier shrinks the text of a media type; it returns the input
// unchanged for types it does not know.
type Minifier interface {
	Minify(mediaType string, data []byte) ([]byte, error)
}

// Asset is one published asset.
type Asset struct {
	Name      string // source path under Dir: "css/site.css"
	Out       string // published path from the site root: "assets/css/site.3b1c9e0a7d.css"
	MediaType string // "text/css", "image/svg+xml"
	Integrity string // Subresource Integrity: "sha384-..."
	Data      []byte // the published bytes, minified
}

// Set is every asset of a site, by name.
type Set struct {
	byName map[string]*Asset
	names  []string
}

// Load reads, minifies and fingerprints every file under Dir in fsys,
// and strips photographs and other raster images of their metadata (see
// package metadata) except those keepMetadata names ("assets/logo.png").
// Dot files are skipped. A site without Dir has no assets.
func Load(fsys fs.FS, m Minifier, keepMetadata map[string]bool) (*Set, error) {
	s := &Set{byName: map[string]*Asset{}}
	var errs diag.List
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == Dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			errs.Add(diag.CannotRead(p, err))
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && p != Dir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		a, err := load(fsys, p, m, keepMetadata[p])
		if err != nil {
			errs.Add(err)
			return nil
		}
		s.byName[a.Name] = a
		s.names = append(s.names, a.Name)
		return nil
	})
	errs.Add(err)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	sort.Strings(s.names)
	return s, nil
}

func load(fsys fs.FS, p string, m Minifier, keepMetadata bool) (*Asset, error) {
	data, err := bounded.ReadFile(fsys, p)
	if err != nil {
		return nil, diag.CannotRead(p, err)
	}
	name := strings.TrimPrefix(p, Dir+"/")
	ext := path.Ext(name)
	mediaType := MediaType(name)
	if mediaType == "image/svg+xml" {
		if data, err = cleanSVG(p, data); err != nil {
			return nil, err
		}
	}
	if minifiable(mediaType) {
		if data, err = m.Minify(mediaType, data); err != nil {
			return nil, diag.Errorf(p, 0, "minify: %v", err)
		}
	}
	if raster(mediaType) && !keepMetadata {
		if data, err = metadata.Clean(data); err != nil {
			return nil, diag.Errorf(p, 0, "cannot remove its metadata: %v", err)
		}
	}
	sum := sha256.Sum256(data)
	fingerprint := hex.EncodeToString(sum[:5])
	sri := sha512.Sum384(data)
	return &Asset{
		Name:      name,
		Out:       path.Join(OutDir, strings.TrimSuffix(name, ext)+"."+fingerprint+ext),
		MediaType: mediaType,
		Integrity: "sha384-" + base64.StdEncoding.EncodeToString(sri[:]),
		Data:      data,
	}, nil
}

// raster reports whether a media type is an image format that can carry
// metadata for package metadata to remove.
func raster(mediaType string) bool {
	switch mediaType {
	case "image/jpeg", "image/png", "image/webp", "image/gif":
		return true
	}
	return false
}

func minifiable(mediaType string) bool {
	switch mediaType {
	case "text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/json":
		return true
	}
	return false
}

// Lookup returns the asset with the given source name ("css/site.css").
func (s *Set) Lookup(name string) (*Asset, error) {
	if a, ok := s.byName[strings.TrimPrefix(name, "/")]; ok {
		return a, nil
	}
	file := Dir + "/" + strings.TrimPrefix(name, "/")
	return nil, diag.Say("asset_missing", fmt.Sprintf("no asset %q in %s/; add %s or fix the name", name, Dir, file), "Name", fmt.Sprintf("%q", name), "Dir", Dir, "File", file)
}

// All returns every asset, ordered by name.
func (s *Set) All() []*Asset {
	all := make([]*Asset, len(s.names))
	for i, n := range s.names {
		all[i] = s.byName[n]
	}
	return all
}

// cleanSVG returns an SVG asset rebuilt by svg.Clean, which every
// published SVG goes through, or why it cannot be published, at its line.
func cleanSVG(p string, data []byte) ([]byte, error) {
	pic, err := svg.Clean(data)
	var refusal *svg.Error
	switch {
	case errors.As(err, &refusal):
		return nil, &diag.Error{Path: p, Line: refusal.Line, Err: refusal.Reasoned()}
	case err != nil:
		return nil, &diag.Error{Path: p, Err: err}
	}
	return pic.Data, nil
}
