//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
	"time"
)

// usage returns the CPU time (user and system) and peak resident memory,
// in bytes, of a process that has exited.
func usage(ps *os.ProcessState) (cpu time.Duration, rss int64, ok bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, 0, false
	}
	cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	rss = int64(ru.Maxrss)
	if runtime.GOOS != "darwin" {
		rss <<= 10 // Linux and the BSDs report KiB, macOS bytes
	}
	return cpu, rss, true
}
