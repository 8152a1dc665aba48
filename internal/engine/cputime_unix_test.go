//go:build unix

package engine

import "syscall"

// cpuTime is the process's user and system CPU time so far, in
// nanoseconds: benchmarks report it per operation, since on a shared
// machine it moves much less with the load than wall time.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
