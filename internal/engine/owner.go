package engine

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// A staging folder's marker names the process that builds into it, so
// that the next build can remove it as soon as that process is gone (a
// build killed with kill -9 cannot clean up after itself). The marker is
// made plain again before the folder is published: the site's bytes do
// not depend on the process that built it.

// ownerLine is the marker's line that names the building process.
const ownerLine = "Being built by process %d on %s.\n"

// stagingMarker is the marker of a staging folder of this process.
func stagingMarker() []byte {
	return []byte(markerText + fmt.Sprintf(ownerLine, os.Getpid(), hostname()))
}

func hostname() string {
	h, err := os.Hostname()
	if err != nil || h == "" || strings.ContainsAny(h, " \n") {
		return "?"
	}
	return h
}

// owner returns the process that a staging marker names, when it runs
// on this computer.
func owner(marker []byte) (pid int, ok bool) {
	_, line, found := strings.Cut(string(marker), markerText)
	if !found {
		return 0, false
	}
	var host string
	// %s reads the host name up to the space after it, with its
	// sentence's full stop.
	if n, err := fmt.Sscanf(line, "Being built by process %d on %s", &pid, &host); n != 2 || err != nil {
		return 0, false
	}
	host = strings.TrimSuffix(host, ".")
	return pid, host == hostname() && host != "?" && pid > 0
}

// abandoned reports whether a staging folder whose marker is marker,
// last changed at modTime, is the remains of a build that will not
// finish. When the marker names a process of this computer whose
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
