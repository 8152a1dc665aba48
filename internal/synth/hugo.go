package synth

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// hugoSite holds the Hugo project of the synthetic site: its
// configuration, layouts and interface strings, which ask of Hugo what
// theme/ asks of our generator, so that cmd/sitebench compares the two on
// the same work.
//
//go:embed all:hugo
var hugoSite embed.FS

// WriteHugo writes into dir the Hugo project that builds a synthetic site
// as our generator builds it from the same content: hugo.toml, layouts/,
// i18n/ and assets/css/main.css (the theme's stylesheet, byte for byte).
// The content is not written: link or copy the content/ folder of
// WriteDir's output next to it. Hugo 0.111 builds it with
// "hugo --minify --source dir".
func WriteHugo(dir string) error {
	write := func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	}
	err := fs.WalkDir(hugoSite, "hugo", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := hugoSite.ReadFile(p)
		if err != nil {
			return err
		}
		return write(strings.TrimPrefix(p, "hugo/"), data)
	})
	if err != nil {
		return err
	}
	css, err := theme.ReadFile("theme/assets/css/main.css")
	if err != nil {
		return err
	}
	return write("assets/css/main.css", css)
}
