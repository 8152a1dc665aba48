package pagefile

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"cecot/internal/config"
	"cecot/internal/content"
	"cecot/internal/diag"
	"cecot/internal/markdown"
	"cecot/internal/stamp"
	"cecot/internal/words"
)

// StampTranslation records in the translation at p, a project path like
// "content/es/report.md", that it matches its original as the original
// is now. It changes only the translated_from line of the file, and
// returns the original's project path.
func StampTranslation(root *os.Root, cfg *config.Config, p string) (original string, err error) {
	id, err := pageID(cfg, p)
	if err != nil {
		return "", err
	}
	if id.Lang == cfg.DefaultLanguage {
		return "", words.Msg("stamp_original", "File", p, "Translation", id.In(otherLanguage(cfg)).File())
	}
	srcFile, srcData, value, err := sourceStamp(root, cfg, id.Key)
	if err != nil {
		return "", err
	}
	data, err := fs.ReadFile(root.FS(), p)
	if err != nil {
		return "", words.At(p, 0, "cannot_read", "Err", diag.PathCause(err))
	}
	orig, _, err := content.Parse(id.In(cfg.DefaultLanguage), srcData)
	if err != nil {
		return "", err
	}
	tr, _, err := content.Parse(id, data)
	if err != nil {
		return "", err
	}
	if err := SameBlocks(srcFile, orig.Body, p, tr.Body); err != nil {
		return "", err
	}
	out, err := StampBlocks(data, value, orig.Body)
	if err != nil {
		return "", &diag.Error{Path: p, Err: err}
	}
	if _, _, err := content.Parse(id, out); err != nil {
		return "", words.WithNote(err, "file_not_changed")
	}
	if err := Write(root, p, out); err != nil {
		return "", err
	}
	return srcFile, nil
}

// StartTranslation creates the translation into lang of the original page at p,
// with the original's text to translate, stamped and marked as a draft.
// It returns the new file's and the original's project paths.
func StartTranslation(root *os.Root, cfg *config.Config, p, lang string) (target, original string, err error) {
	id, err := pageID(cfg, p)
	if err != nil {
		return "", "", err
	}
	if id.Lang != cfg.DefaultLanguage {
		return "", "", words.At(p, 0, "stamp_from_original", "Default", cfg.DefaultLanguage, "Original", id.In(cfg.DefaultLanguage).File())
	}
	if cfg.Language(lang) == nil || lang == cfg.DefaultLanguage {
		return "", "", words.Msg("stamp_language", "Lang", fmt.Sprintf("%q", lang), "Langs", strings.Join(cfg.Codes(), ", "))
	}
	srcFile, data, value, err := sourceStamp(root, cfg, id.Key)
	if err != nil {
		return "", "", err
	}
	target = id.In(lang).File()
	if _, err := root.Stat(filepath.FromSlash(target)); err == nil {
		return "", "", words.Msg("stamp_exists", "File", target)
	}
	out, err := newTranslation(data, value)
	if err != nil {
		return "", "", &diag.Error{Path: srcFile, Err: err}
	}
	if err := root.MkdirAll(filepath.FromSlash(path.Dir(target)), 0o755); err != nil {
		return "", "", err
	}
	if err := Write(root, target, out); err != nil {
		return "", "", err
	}
	return target, srcFile, nil
}

// pageID returns the ID of the page at p, a project path.
func pageID(cfg *config.Config, p string) (content.ID, error) {
	id, ok := content.FileID(p)
	if !ok || cfg.Language(id.Lang) == nil {
		return content.ID{}, words.At(p, 0, "not_in_language_folder", "Langs", strings.Join(cfg.Codes(), ", "))
	}
	return id, nil
}

// sourceStamp reads the default-language page of key and returns its
// project path, its text and its stamp.
func sourceStamp(root *os.Root, cfg *config.Config, key string) (string, []byte, string, error) {
	id := content.ID{Lang: cfg.DefaultLanguage, Key: key}
	file := id.File()
	data, err := fs.ReadFile(root.FS(), file)
	if err != nil {
		return "", nil, "", words.At(file, 0, "cannot_read_original", "Err", diag.PathCause(err))
	}
	p, _, err := content.Parse(id, data)
	if err != nil {
		return "", nil, "", err
	}
	return file, data, stamp.Make(p.Body, stamp.HeadingIDs(p, markdown.ReservedIDs(root.FS(), config.LayoutsDir))), nil
}

func otherLanguage(cfg *config.Config) string {
	for _, c := range cfg.Codes() {
		if c != cfg.DefaultLanguage {
			return c
		}
	}
	return cfg.DefaultLanguage
}

// SameBlocks checks that a translation (file tr, body trBody) has the
// blocks of its original (file orig, body origBody), of the same kinds
// in the same order, as a stamp vouches.
func SameBlocks(orig string, origBody []byte, tr string, trBody []byte) error {
	ob, tb := markdown.Blocks(origBody), markdown.Blocks(trBody)
	line := 0
	for i := range max(len(ob), len(tb)) {
		if i >= len(ob) || i >= len(tb) || ob[i].Kind != tb[i].Kind {
			if i < len(tb) {
				line = tb[i].Line
			} else if len(tb) > 0 {
				line = tb[len(tb)-1].Line
			}
			return words.At(tr, line, "stamp_blocks", "Tr", len(tb), "TrKinds", blockKinds(tb), "Original", orig,
				"Orig", len(ob), "OrigKinds", blockKinds(ob), "Line", line)
		}
	}
	return nil
}

// blockKinds writes the kinds of a page's blocks in short:
// "paragraph, heading, paragraph ×3".
func blockKinds(bs []markdown.Block) string {
	var parts []string
	for i := 0; i < len(bs); {
		j := i
		for j < len(bs) && bs[j].Kind == bs[i].Kind {
			j++
		}
		part := bs[i].Kind
		if j-i > 1 {
			part += fmt.Sprintf(" ×%d", j-i)
		}
		parts = append(parts, part)
		i = j
	}
	return strings.Join(parts, ", ")
}
