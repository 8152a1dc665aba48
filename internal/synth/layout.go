package synth

import (
	"errors"
	"strconv"
)

// layout places pages in sections and leaf sections. Page i (0-based) goes
// to section i mod sections and, within it, into part-NN by blocks of
// chapter pages.
type layout struct {
	n, sections, chapter int
	seed                 uint64
	pageWidth, partWidth int // digits in page-NNNNN and part-NN names
}

func newLayout(o Options) (layout, error) {
	if o.N < 0 || o.Sections < 0 || o.Chapter < 0 {
		return layout{}, errors.New("synth: negative N, Sections or Chapter")
	}
	l := layout{n: o.N, sections: o.Sections, chapter: o.Chapter, seed: o.Seed}
	if l.sections == 0 {
		l.sections = DefaultSections
	}
	if l.chapter == 0 {
		l.chapter = DefaultChapter
	}
	l.pageWidth = max(5, len(strconv.Itoa(l.n)))
	l.partWidth = max(2, len(strconv.Itoa(l.parts(0))))
	return l, nil
}

// usedSections is the number of sections that hold at least one page.
func (l layout) usedSections() int { return min(l.n, l.sections) }

// sectionPages is the number of pages in section s.
func (l layout) sectionPages(s int) int {
	if s >= l.n {
		return 0
	}
	return (l.n - s + l.sections - 1) / l.sections
}

// parts is the number of leaf sections of section s.
func (l layout) parts(s int) int {
	return (l.sectionPages(s) + l.chapter - 1) / l.chapter
}

// place returns page i's section, 1-based part and 1-based weight (its
// position in the part).
func (l layout) place(i int) (section, part, weight int) {
	j := i / l.sections
	return i % l.sections, j/l.chapter + 1, j%l.chapter + 1
}

// page returns the index of the k-th page (0-based) of section s.
func (l layout) page(s, k int) int { return s + k*l.sections }

func (l layout) sectionSlug(s int) string {
	if s < len(sectionNames) {
		return sectionNames[s].slug
	}
	return "section-" + pad(s+1, 2)
}

func (l layout) sectionTitle(s, lang int) string {
	if s < len(sectionNames) {
		return sectionNames[s].title[lang]
	}
	return [2]string{"Section ", "Sección "}[lang] + strconv.Itoa(s+1)
}

// partDir is "<section>/part-NN", relative to content/<lang>/.
func (l layout) partDir(s, part int) string {
	return l.sectionSlug(s) + "/part-" + pad(part, l.partWidth)
}

// pageDir is page i's path without ".md", relative to content/<lang>/; it
// is also its URL path below /<lang>/.
func (l layout) pageDir(i int) string {
	s, part, _ := l.place(i)
	return l.partDir(s, part) + "/page-" + pad(i+1, l.pageWidth)
}

// linkTarget picks the page that page i links to: another page, usually in
// another section. With a single page it is the page itself.
func (l layout) linkTarget(i int) int {
	if l.n < 2 {
		return i
	}
	t := (i*7919 + 13) % l.n
	if t == i {
		t = (i + 1) % l.n
	}
	return t
}

// relLink is the relative URL of page t from any page's pretty URL
// (/<lang>/<section>/part-NN/page-NNNNN/): all pages are three levels
// below /<lang>/.
func (l layout) relLink(t int) string {
	return "../../../" + l.pageDir(t) + "/"
}

// title is page i's title: a function of the seed and i alone, so that a
// link can name the page it points to.
func (l layout) title(i, lang int) string {
	h := mix(l.seed ^ mix(uint64(i)+0x51ed))
	adj := titleAdjs[h%uint64(len(titleAdjs))]
	subj := titleSubjects[(h>>32)%uint64(len(titleSubjects))]
	num := strconv.Itoa(i + 1)
	if lang == es {
		return subj[es] + " " + adj[es] + " " + num
	}
	return adj[en] + " " + subj[en] + " " + num
}

// mix is the splitmix64 finalizer.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// pad formats v in decimal with leading zeros to at least width digits.
func pad(v, width int) string {
	s := strconv.Itoa(v)
	for len(s) < width {
		s = "0" + s
	}
	return s
}
