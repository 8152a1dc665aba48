// Package imagestamp is content/<lang>/images.toml: which version of each
// original image a language's own version (its variant) was made from,
// written by "site stamp content/<lang>/chart.png" and read by "site
// status". It knows images only by their names (assets.IsImage), so the
// translators' tools do not link the image encoders.
package imagestamp

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"cecot/internal/assets"
	"cecot/internal/config"
)

// StampsFile is the file in a language's folder under content/ that
// records which version of each original image the language's variants
// were made from: "chart.png" = "3b1c9e0a7d12". `site stamp
// content/es/chart.png` writes it; `site status` reads it.
const StampsFile = "images.toml"

const stampsHeader = `# Which version of each original image the variants in this folder were
# made from, by the original's content hash. Written by
# "site stamp content/LANG/image.png"; "site status" lists the variants
# whose original has changed since.
`

// Variant is the state of one image variant: a file at the same path in
// another language's folder as an image of the default language.
type Variant struct {
	File     string `json:"file"`     // "content/es/chart.png"
	Original string `json:"original"` // "content/en/chart.png"
	// Stale is set when the original changed after the variant was
	// made, or no one recorded which version it was made from.
	Stale  bool   `json:"stale"`
	Reason string `json:"reason,omitempty"`
}

// stampOf is what a variant's record holds: the first 12 hex digits of
// the original's SHA-256.
func stampOf(original []byte) string {
	sum := sha256.Sum256(original)
	return hex.EncodeToString(sum[:])[:12]
}

// Variants lists lang's image variants in fsys and whether each is up to
// date with its original in the default language def, ordered by file.
func Variants(fsys fs.FS, lang, def string) ([]*Variant, error) {
	dir := path.Join(config.ContentDir, lang)
	stamps, err := readStamps(fsys, lang)
	if err != nil {
		return nil, err
	}
	var out []*Variant
	err = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil && p == dir && errors.Is(err, fs.ErrNotExist):
			return fs.SkipDir
		case err != nil:
			return err
		case strings.HasPrefix(d.Name(), ".") && p != dir:
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir() || !assets.IsImage(p):
			return nil
		}
		rel := strings.TrimPrefix(p, dir+"/")
		orig := path.Join(config.ContentDir, def, rel)
		data, err := fs.ReadFile(fsys, orig)
		if errors.Is(err, fs.ErrNotExist) {
			return nil // an image of this language only, not a variant
		}
		if err != nil {
			return err
		}
		v := &Variant{File: p, Original: orig}
		switch recorded, ok := stamps[rel]; {
		case !ok:
			v.Stale, v.Reason = true, ReasonUnrecorded
		case recorded != stampOf(data):
			v.Stale, v.Reason = true, ReasonChanged
		}
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out, nil
}

// The reasons a variant is out of date.
const (
	ReasonUnrecorded = "no one recorded which version of the original it was made from"
	ReasonChanged    = "the original changed after this variant was made"
)

// readStamps reads lang's StampsFile; a folder without one has no records.
func readStamps(fsys fs.FS, lang string) (map[string]string, error) {
	name := path.Join(config.ContentDir, lang, StampsFile)
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	stamps := map[string]string{}
	if _, err := toml.Decode(string(data), &stamps); err != nil {
		return nil, fmt.Errorf("%s: %v; each line is \"image.png\" = \"hash\"", name, err)
	}
	return stamps, nil
}

// StampError is why Stamp refused an image: it is not in a language's
// folder ("place"; Original is an example), it is an original itself
// ("original"), or its original cannot be read ("no_original"). The
// translator tools say it in the translator's language from these fields.
type StampError struct {
	Kind     string
	File     string
	Original string
	Err      error
}

func (e *StampError) Error() string {
	switch e.Kind {
	case "place":
		return fmt.Sprintf("%s: not an image in a language's folder; name one like %s", e.File, e.Original)
	case "original":
		return fmt.Sprintf("%s is an original, not a variant; a variant is the image at the same path in another language's folder", e.File)
	}
	return fmt.Sprintf("%s has no original at %s: %v", e.File, e.Original, e.Err)
}

func (e *StampError) Unwrap() error { return e.Err }

// Stamp records that the variant at p ("content/es/chart.png") matches its
// original in the default language def as the original is now. It
// returns the original's path.
func Stamp(root *os.Root, def, p string) (original string, err error) {
	rest, ok := strings.CutPrefix(p, config.ContentDir+"/")
	lang, rel, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 || !assets.IsImage(p) {
		return "", &StampError{Kind: "place", File: p, Original: config.ContentDir + "/es/chart.png"}
	}
	if lang == def {
		return "", &StampError{Kind: "original", File: p}
	}
	fsys := root.FS()
	if _, err := fs.Stat(fsys, p); err != nil {
		return "", fmt.Errorf("%s: %w", p, err)
	}
	original = path.Join(config.ContentDir, def, rel)
	data, err := fs.ReadFile(fsys, original)
	if err != nil {
		return "", &StampError{Kind: "no_original", File: p, Original: original, Err: err}
	}
	stamps, err := readStamps(fsys, lang)
	if err != nil {
		return "", err
	}
	stamps[rel] = stampOf(data)
	var buf bytes.Buffer
	buf.WriteString(stampsHeader)
	if err := toml.NewEncoder(&buf).Encode(stamps); err != nil {
		return "", err
	}
	name := filepath.FromSlash(path.Join(config.ContentDir, lang, StampsFile))
	if err := root.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		return "", err
	}
	return original, nil
}
