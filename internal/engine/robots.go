package engine

import "bytes"

// robots writes robots.txt: everything may be crawled, and the sitemap is
// named by its absolute URL, which is all the format allows. Crawlers
// read robots.txt only at a host's root, so under a base path it is
// informative only; the sitemap can be submitted to search engines.
func (s *Site) robots() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("User-agent: *\nAllow: /\n")
	if s.Config.BaseURL == "" {
		b.WriteString("# No sitemap: build with -baseurl to list the site's absolute URLs.\n")
		return b.Bytes(), nil
	}
	b.WriteString("\nSitemap: " + s.Config.AbsURL("/sitemap.xml") + "\n")
	return b.Bytes(), nil
}
