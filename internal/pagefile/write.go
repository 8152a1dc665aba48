package pagefile

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Write replaces the file name under root through a temporary file, so
// that a failed write never leaves half a page (or half a PO file).
func Write(root *os.Root, name string, data []byte) error {
	mode := fs.FileMode(0o644)
	if info, err := root.Stat(filepath.FromSlash(name)); err == nil {
		mode = info.Mode().Perm()
	}
	tmp := filepath.FromSlash(name) + ".stamp-tmp"
	if err := root.WriteFile(tmp, data, mode); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := root.Rename(tmp, filepath.FromSlash(name)); err != nil {
		_ = root.Remove(tmp)
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
