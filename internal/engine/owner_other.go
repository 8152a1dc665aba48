//go:build !unix && !windows

package engine

import (
	"errors"
	"syscall"
)

// alive cannot tell here: staging folders are removed by age alone.
func alive(pid int) (running, known bool) { return false, false }

// diskFull reports whether err says that the disk is full.
func diskFull(err error) bool { return errors.Is(err, syscall.ENOSPC) }
