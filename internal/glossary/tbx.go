package glossary

import (
	"bytes"
	"encoding/xml"
	"fmt"
)

// TBX writes the glossary as a TermBase eXchange file, TBX-Basic of
// ISO 30042:2008 (TBX 2): one termEntry per term, with a langSet for each
// of langs that the term has and its note as the entry's definition and
// note.
// Crowdin imports TBX 2 as a glossary, and Weblate reads it through
// translate-toolkit, so one file serves both, and Poedit users can open
// it beside their PO file. A PO glossary would serve Weblate alone, and
// TBX 3 is not yet read by every tool.
func (g *Glossary) TBX(langs []string, def string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<martif type=\"TBX-Basic\" xml:lang=%q>\n", def)
	b.WriteString("<martifHeader>\n<fileDesc>\n<sourceDesc>\n")
	fmt.Fprintf(&b, "<p>%s</p>\n", esc("The agreed terms of the site's translations, from "+File+`. Written by "site po export"; edit the glossary there, not here.`))
	b.WriteString("</sourceDesc>\n</fileDesc>\n</martifHeader>\n<text>\n<body>\n")
	for _, t := range g.Terms {
		if t.Forms[def] == "" {
			continue
		}
		fmt.Fprintf(&b, "<termEntry id=\"term-%d\">\n", t.Line)
		if t.Note != "" {
			// Crowdin reads the definition, translate-toolkit
			// (and so Weblate) the note.
			fmt.Fprintf(&b, "<descrip type=\"definition\">%s</descrip>\n<note>%s</note>\n", esc(t.Note), esc(t.Note))
		}
		for _, l := range langs {
			if f := t.Forms[l]; f != "" {
				fmt.Fprintf(&b, "<langSet xml:lang=%q>\n<tig>\n<term>%s</term>\n</tig>\n</langSet>\n", l, esc(f))
			}
		}
		b.WriteString("</termEntry>\n")
	}
	b.WriteString("</body>\n</text>\n</martif>\n")
	return b.Bytes()
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
