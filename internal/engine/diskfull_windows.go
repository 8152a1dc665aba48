//go:build windows

package engine

import (
	"errors"
	"syscall"
)

// Windows' own codes for a full disk: ERROR_HANDLE_DISK_FULL and
// ERROR_DISK_FULL.
const (
	errorHandleDiskFull syscall.Errno = 39
	errorDiskFull       syscall.Errno = 112
)

// diskFull reports whether err says that the disk is full.
func diskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull) || errors.Is(err, syscall.ENOSPC)
}
