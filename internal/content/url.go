package content

import "strings"

// RelURL returns the path of target relative to the page at from. Both are
// paths from the site root ("/en/report/", "/es/"). Relative links keep a
// site working from any folder of any host.
func RelURL(from, target string) string {
	if !strings.HasPrefix(target, "/") {
		return target
	}
	target, frag, hasFrag := strings.Cut(target, "#")
	fromDir := from[:strings.LastIndexByte(from, '/')+1]
	if target == from && hasFrag {
		return "#" + frag
	}
	// Layouts link every page to many others: the segments are
	// compared in place, and the link made in one allocation.
	dir, to := strings.Trim(fromDir, "/"), target[1:]
	dirSegs := 0
	if dir != "" {
		dirSegs = strings.Count(dir, "/") + 1
	}
	toSegs := strings.Count(to, "/") + 1
	// common segments lead both; to[off:] are target's others.
	common, off := 0, 0
	for common < dirSegs && common < toSegs-1 {
		d, rest, _ := strings.Cut(dir, "/")
		t, _, _ := strings.Cut(to[off:], "/")
		if d != t {
			break
		}
		common, dir, off = common+1, rest, off+len(t)+1
	}
	ups, tail := dirSegs-common, to[off:]
	first, _, _ := strings.Cut(tail, "/")
	// "./" also keeps "a:b/" from being read as scheme "a".
	dot := ups == 0 && (tail == "" || strings.Contains(first, ":"))
	var b strings.Builder
	b.Grow(2 + 3*ups + len(tail) + 1 + len(frag))
	if dot {
		b.WriteString("./")
	}
	for range ups {
		b.WriteString("../")
	}
	b.WriteString(tail)
	if hasFrag {
		b.WriteByte('#')
		b.WriteString(frag)
	}
	return b.String()
}
