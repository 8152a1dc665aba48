// Package translate is the translators' workflow: everything that knows
// how a translation relates to its original.
//
//   - Stamping (stampfile.go, stampcmd.go): the "site stamp" command's
//     edits of a translation's front matter; the translated_from value
//     itself is package stamp's.
//   - Status (status*.go, keys.go): where each language stands: which
//     pages are translated, missing or out of date, which interface strings
//     are missing, left in the default language or unused.
//
// What its commands print, in English and Spanish, is package words';
// the agreed terms are package glossary's; the value of translated_from
// is package stamp's.
//
// It reads the project's sources only, so it is fast and works offline.
// It never renders pages: the build does not depend on it.
package translate
