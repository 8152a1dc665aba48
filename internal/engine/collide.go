package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"cecot/internal/diag"
)

// checkOutputs refuses, before anything is written, a site whose files
// cannot all be written: a file name that is empty or leads outside the
// site, two files of one name, or a file where another needs a folder
// ("es/index.html" and "es/index.html/index.html", which a slug
// "index.html" makes). The list is the site's real outputs, so whatever
// the build writes itself (index.html, 404.html, feeds, single-file
// editions, share images, assets, sitemap.xml, robots.txt, _headers,
// _redirects) is covered as it is. Each problem is blamed on the page
// whose slug or file name chose the name, at that line.
func (s *Site) checkOutputs() error {
	outs := append(s.outputs(), output{Name: headersName}, output{Name: Marker})
	byName := make(map[string]int, len(outs))
	var errs diag.List
	seen := map[string]bool{}
	report := func(err error) {
		// Once per line: a page and its stand-ins in other
		// languages take their names from one file.
		key := err.Error()
		var d *diag.Error
		if errors.As(err, &d) {
			key = fmt.Sprintf("%s:%d", d.Path, d.Line)
		}
		if !seen[key] {
			seen[key] = true
			errs.Add(err)
		}
	}
	for i, o := range outs {
		if !validOutputName(o.Name) {
			report(s.invalidOutput(o))
			continue
		}
		if j, ok := byName[o.Name]; ok {
			report(s.collision(outs[i], outs[j], o.Name))
			continue
		}
		byName[o.Name] = i
	}
	for i, o := range outs {
		for dir := path.Dir(o.Name); dir != "."; dir = path.Dir(dir) {
			if j, ok := byName[dir]; ok {
				report(s.collision(outs[i], outs[j], dir))
			}
		}
	}
	return errs.Err()
}

// validOutputName accepts a slash-separated path inside the site.
func validOutputName(name string) bool {
	return fs.ValidPath(name) && name != "." && !strings.Contains(name, "\\")
}

// invalidOutput explains an output whose name cannot be written.
func (s *Site) invalidOutput(o output) error {
	if o.Page == nil {
		name := fmt.Sprintf("%q", o.Name)
		return diag.Say("out_invalid_own", "the build would write a file named "+name+", which is not a path inside the output folder", "Name", name)
	}
	chooser, name, fix := s.chooser(o), fmt.Sprintf("%q", o.Name), s.remedy(o)
	return diag.At(o.Page.File, o.Page.NameLine(), "out_invalid", fmt.Sprintf("%s the file %s, which is not a path inside the output folder; %s", chooser, name, fix),
		"Chooser", chooser, "Name", name, "Fix", fix)
}

// collision explains two outputs that need one name, at as a file or as
// a folder: o is written where other is, or inside it. The page whose
// slug or file name chose the name is to blame: o's, unless only other
// comes from a page.
func (s *Site) collision(o, other output, at string) error {
	if o.Page == nil && other.Page != nil || o.Page != nil && other.Page != nil && o.Name == at && other.Name != at {
		// The one that needs at as a folder chose the name: the
		// other is a file the build names itself.
		o, other = other, o
	}
	if o.Page == nil {
		return diag.Say("collide_own", fmt.Sprintf("the build would write %s twice (%s and %s); rename one of the files they come from", at, o.Name, other.Name), "At", at, "Name", o.Name, "Other", other.Name)
	}
	where := diag.Say("collide_writes", "writes "+at, "At", at)
	if other.Name != at {
		where = diag.Say("collide_writes_folder", "writes a folder "+at+"/", "At", at)
	}
	if o.Name != at {
		// o needs at as a folder, where other is a file.
		where = diag.Say("collide_writes_file", "writes the file "+at, "At", at)
	}
	chooser, described, fix := s.chooser(o), s.describe(other), s.remedy(o)
	return diag.At(o.Page.File, o.Page.NameLine(), "collide", fmt.Sprintf("%s %s, but the build %s itself (%s); %s", chooser, o.Name, where, described, fix),
		"Chooser", chooser, "Name", o.Name, "Where", where, "Other", described, "Fix", fix)
}

// chooser says what chose an output's name: the page's slug, or its
// file's name.
func (s *Site) chooser(o output) *diag.Message {
	p := o.Page
	if p.Slug != "" && !p.Untranslated {
		slug := fmt.Sprintf("%q", p.Slug)
		return diag.Say("collide_by_slug", "front matter: slug "+slug+" makes", "Slug", slug)
	}
	return diag.Say("collide_by_file", "the file's name makes")
}

// remedy says how to choose another name.
func (s *Site) remedy(o output) *diag.Message {
	if o.Page.Slug != "" && !o.Page.Untranslated {
		return diag.Say("collide_fix_slug", "choose another slug")
	}
	return diag.Say("collide_fix_file", "rename the file, or give the page a slug")
}

// describe says what an output is, for a person who did not ask for it.
func (s *Site) describe(o output) *diag.Message {
	p := o.Page
	switch {
	case p == nil:
		return diag.Say("output_site_file", "one of the site's own files")
	case o.Name == p.Out:
		return diag.Say("output_page_of", "the page of "+p.File, "File", p.File)
	case p.Standalone && o.Name == strings.TrimPrefix(p.StandaloneURL(), "/"):
		return diag.Say("output_single_file_of", "the single-file edition of "+p.File, "File", p.File)
	}
	return diag.Say("output_made_for", "made for "+p.File, "File", p.File)
}
