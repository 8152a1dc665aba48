package images_test

import (
	"os"
	"syscall"
)

// peakKB is an ended child's peak resident memory in KiB, which is what
// Linux's rusage counts; with a nil state it says only whether it can.
func peakKB(ps *os.ProcessState) (int64, bool) {
	if ps == nil {
		return 0, true
	}
	return ps.SysUsage().(*syscall.Rusage).Maxrss, true
}
