// Package pagefile changes the project's page files on disk, line by
// line, keeping every other byte as it was (line endings, comments, the
// order of keys): a front-matter field set (Set, SetStamp, SetDraft) or
// removed (ClearDraft), a translation stamped as made from its original
// as it is now (StampBlocks, when it has the original's blocks, checked
// by SameBlocks), and a file replaced whole through a temporary one
// (Write), so that a failed write never leaves half a file.
//
// On these it builds "site stamp", which the workbench's desk uses too:
// StampTranslation vouches that a translation matches its original as
// the original is now, and StartTranslation starts a new translation
// from its original's text, as a draft.
//
// It knows a page by its file and front matter only; the value of a
// stamp is package stamp's, the record of a translation's blocks package
// translation's. "site po import" writes through it (package translate).
package pagefile
