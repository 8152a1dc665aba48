package main

import (
	"io/fs"

	"cecot/internal/config"
	"cecot/internal/diag"
	"cecot/internal/status"
)

// withStrayPO adds to a build's or a check's warnings the PO files of the
// project in src that nothing reads (status.StrayPO), so that a
// translator's work saved in the wrong folder is not lost without a word.
func withStrayPO(src string, warnings []*diag.Error) []*diag.Error {
	root, err := openProject(src)
	if err != nil {
		return warnings
	}
	defer root.Close()
	return strayPO(root.FS(), warnings)
}

// strayPO is withStrayPO of the project fsys.
func strayPO(fsys fs.FS, warnings []*diag.Error) []*diag.Error {
	cfg, err := config.Load(fsys)
	if err != nil {
		return warnings // the build says why
	}
	stray := status.StrayPO(fsys, cfg.Codes(), cfg.DefaultLanguage)
	if len(stray) == 0 {
		return warnings
	}
	for _, s := range stray {
		warnings = append(warnings, diag.Errorf(s.File, s.Line, "%s", s.Detail))
	}
	diag.SortErrors(warnings)
	return warnings
}
