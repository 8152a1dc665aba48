// Package translation is the one model of a translation: a page's (and
// the interface strings') translatable units, each original unit's
// identity, its translation and where that translation stands.
//
// A unit is known by what it says, never by where it sits: a block of
// the original has a Sig, its text's exact hash and a similarity
// fingerprint, and Match pairs the units of two versions of a page as
// msgmerge pairs messages, exactly first and by similarity second.
// Inserting, deleting, moving, splitting or merging paragraphs in the
// original keeps every untouched translation with its own original.
//
// The same matching decides, in the build, which original block each
// block of a translation translates (see Record and Align): a
// translation's paragraph #pN is either the translation of the
// original's #pN or the original's own text, marked as such; never the
// translation of another paragraph.
//
// "site status", "site stamp", "site po export", "site po import",
// "site check" and the translator's workbench all read this model.
package translation
