package status

import "cecot/internal/words"

// Printer says the translator tools' messages, and the status report,
// in one language.
type Printer struct{ *words.Printer }

// NewPrinter returns a Printer for lang, which falls back to English for
// a language the tools do not speak.
func NewPrinter(lang string) *Printer { return &Printer{words.NewPrinter(lang)} }

// english is the Printer of the tools' first language.
var english = NewPrinter(words.ToolLangs[0])
