//go:build unix

package engine

import (
	"errors"
	"syscall"
)

// alive reports whether process pid runs: signal 0 checks that it
// exists without disturbing it. A process of another user exists too
// (EPERM).
func alive(pid int) (running, known bool) {
	err := syscall.Kill(pid, 0)
	switch {
	case err == nil, errors.Is(err, syscall.EPERM):
		return true, true
	case errors.Is(err, syscall.ESRCH):
		return false, true
	}
	return false, false
}
