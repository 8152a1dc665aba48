package engine

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// A folder beside the output, named .public.new-*, is one of two things,
// and its marker says which and names the process responsible for it:
// a staging folder that a build writes into ("Being built by process
// P on HOST."), or, after the swap, the old site that the build deletes
// ("Old site, being deleted by process P on HOST."). Either way, once
// that process has ended (a build killed with kill -9 cannot clean up
// after itself) the next build removes the folder at once.
//
// The staging folder's marker is made plain just before it is published:
// the site's bytes do not depend on the process that built it. The old
// site's marker is rewritten before the swap, in the published folder,
// so that the old site is never beside the output unnamed; if the swap
// fails, it is made plain again.

// The markers' lines that name the responsible process.
const (
	ownerLine   = "Being built by process %d on %s.\n"
	deleterLine = "Old site, being deleted by process %d on %s.\n"
)

// stagingMarker is the marker of a staging folder of this process.
func stagingMarker() []byte {
	return []byte(markerText + fmt.Sprintf(ownerLine, os.Getpid(), hostname()))
}

// oldSiteMarker is the marker of an old site that this process deletes.
func oldSiteMarker() []byte {
	return []byte(markerText + fmt.Sprintf(deleterLine, os.Getpid(), hostname()))
}

func hostname() string {
	h, err := os.Hostname()
	if err != nil || h == "" || strings.ContainsAny(h, " \n") {
		return "?"
	}
	return h
}

// owner returns the process that a staging or old site's marker names,
// when it runs on this computer.
func owner(marker []byte) (pid int, ok bool) {
	_, line, found := strings.Cut(string(marker), markerText)
	if !found {
		return 0, false
	}
	var host string
	// %s reads the host name up to the space after it, with its
	// sentence's full stop.
	n, err := fmt.Sscanf(line, "Being built by process %d on %s", &pid, &host)
	if n != 2 || err != nil {
		n, err = fmt.Sscanf(line, "Old site, being deleted by process %d on %s", &pid, &host)
	}
	if n != 2 || err != nil {
		return 0, false
	}
	host = strings.TrimSuffix(host, ".")
	return pid, host == hostname() && host != "?" && pid > 0
}

// abandoned reports whether a staging folder or old site whose marker is
// marker, last changed at modTime, is the remains of a build that will
// not finish. When the marker names a process of this computer whose
// liveness can be checked, the folder is abandoned exactly when that
// process has ended; otherwise when it is older than abandonedAge.
func abandoned(marker []byte, modTime time.Time) bool {
	if pid, here := owner(marker); here && pid != os.Getpid() {
		if running, known := alive(pid); known {
			return !running
		}
	}
	return time.Since(modTime) >= abandonedAge
}
