// Package translate is the translators' workflow: everything that knows
// how a translation relates to its original.
//
//   - Stamps (stamp.go, stampfile.go, stampcmd.go): the translated_from
//     value that records which version of a default-language page a
//     translation was made from, what changed in the original since (the
//     whole page and each of its "##" sections), and the "site stamp"
//     command's edits of a translation's front matter.
//   - Status (status*.go, keys.go): where each language stands: which
//     pages are translated, missing or out of date, which interface strings
//     are missing, left in the default language or unused.
//
// What its commands print, in English and Spanish, is package words';
// the agreed terms are package glossary's.
//
// It reads the project's sources only, so it is fast and works offline.
// It never renders pages: the build does not depend on it.
package translate
