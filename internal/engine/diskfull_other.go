//go:build !unix && !windows

package engine

import (
	"errors"
	"syscall"
)

// diskFull reports whether err says that the disk is full.
func diskFull(err error) bool { return errors.Is(err, syscall.ENOSPC) }
