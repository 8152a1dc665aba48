//go:build !linux

package images_test

import "os"

// peakKB cannot be read here: Windows has no rusage, and macOS counts
// bytes where Linux counts KiB, so the figures would not compare.
func peakKB(*os.ProcessState) (int64, bool) { return 0, false }
