// Package translate is what translators do to a translation: it reads
// pages into their translatable units (blocks.go) and pairs each unit of
// a translation with its original's (align.go, record.go), and
// it changes files: "site po export" and "site po import" (posync.go,
// export.go, import.go, restructure.go; interface strings in
// postrings.go) and the workbench desk's one-unit saves (unit.go),
// writing page files through package pagefile.
//
// The model it fills is package translation's (which units may read as
// their original too); the value of translated_from is package stamp's;
// the agreed terms are package glossary's; where the PO files are is
// package pofiles', plural rules package plural's, a strings file's
// messages and its line-by-line edits package locale's; what its
// commands print, in English and Spanish, is package words'. The report
// built on it is package status's.
//
// It reads the project's sources only, so it is fast and works offline.
// It never renders pages: the build does not depend on it.
package translate
