package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"cecot/internal/images"
	"cecot/internal/programid"
)

// version and commit name the release this binary was built from. The
// release script sets them (-ldflags -X); a build from a checkout leaves
// them empty and the Go toolchain's own record of the checkout is used.
var (
	version string
	commit  string
)

// A release binary has no Go build ID (-buildid=): the caches of
// .cache/ know it by its version and commit.
func init() { programid.SetRelease(version, commit) }

func runVersion(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: site version\n\nVersion prints the release this program is and the commit it was built from.\n")
	}
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	info, _ := debug.ReadBuildInfo()
	v, c := describe(version, commit, info)
	fmt.Fprintf(stdout, "site %s (commit %s, %s, %s/%s)\n", v, c, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if images.SystemWebP() {
		// Another libwebp encodes other bytes: say so, for a maintainer
		// comparing two machines' public/.
		fmt.Fprintln(stdout, "WebP: the system's libwebp, not the built-in copy (build with -tags nodynamic for the same files as the releases)")
	}
	return nil
}

// describe is the version and commit to print: those the release set,
// else what the toolchain recorded of the checkout (a commit with
// uncommitted changes is marked "+changes"), else "unknown".
func describe(version, commit string, info *debug.BuildInfo) (v, c string) {
	v, c = version, commit
	if info != nil {
		if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		var modified bool
		rev := ""
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if c == "" && rev != "" {
			c = rev
			if modified {
				c += "+changes"
			}
		}
	}
	if v == "" {
		v = "devel"
	}
	if c == "" {
		c = "unknown"
	}
	return v, c
}
