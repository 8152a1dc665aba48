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
	var fromSegs []string
	if d := strings.Trim(fromDir, "/"); d != "" {
		fromSegs = strings.Split(d, "/")
	}
	toSegs := strings.Split(strings.TrimPrefix(target, "/"), "/")
	common := 0
	for common < len(fromSegs) && common < len(toSegs)-1 && fromSegs[common] == toSegs[common] {
		common++
	}
	var b strings.Builder
	for range len(fromSegs) - common {
		b.WriteString("../")
	}
	b.WriteString(strings.Join(toSegs[common:], "/"))
	rel := b.String()
	first, _, _ := strings.Cut(rel, "/")
	if rel == "" || strings.Contains(first, ":") {
		// "./" also keeps "a:b/" from being read as scheme "a".
		rel = "./" + rel
	}
	if hasFrag {
		rel += "#" + frag
	}
	return rel
}
