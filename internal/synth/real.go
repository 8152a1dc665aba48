package synth

import (
	"io/fs"
	"os"
	"path/filepath"
)

// RealPages are the repository's pages that UseRealLayouts adds to the
// synthetic content in every language: the report's summary, which the
// layouts cite on every page (site.toml's source), and the pages it
// links to.
var RealPages = []string{"submission.md", "about.md", "recommendations.md"}

// UseRealLayouts replaces the bench theme of the synthetic project in dst
// with the layouts, locales, assets and site.toml of the repository in
// repo, and adds the repository's RealPages in each of its languages:
// the project that "sitebench -layouts real" and the engine's real-layouts
// benchmarks build.
func UseRealLayouts(repo, dst string) error {
	for _, dir := range []string{"layouts", "locales", "assets"} {
		if err := os.RemoveAll(filepath.Join(dst, dir)); err != nil {
			return err
		}
		if err := CopyTree(filepath.Join(repo, dir), filepath.Join(dst, dir)); err != nil {
			return err
		}
	}
	if err := copyFile(filepath.Join(repo, "site.toml"), filepath.Join(dst, "site.toml")); err != nil {
		return err
	}
	langs, err := os.ReadDir(filepath.Join(repo, "content"))
	if err != nil {
		return err
	}
	for _, lang := range langs {
		if !lang.IsDir() {
			continue
		}
		for _, page := range RealPages {
			src := filepath.Join(repo, "content", lang.Name(), page)
			if err := copyFile(src, filepath.Join(dst, "content", lang.Name(), page)); err != nil {
				return err
			}
		}
	}
	return nil
}

// copyFile copies the file src to dst, writable.
func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}

// CopyTree copies the regular files under src into dst, writable (the
// shared bench site's files are read-only; a copy must be writable so that
// a work folder can be written again).
func CopyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return copyFile(p, target)
	})
}
