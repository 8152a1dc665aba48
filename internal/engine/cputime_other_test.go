//go:build !unix

package engine

// cpuTime is unknown on this system: benchmarks report 0.
func cpuTime() int64 { return 0 }
