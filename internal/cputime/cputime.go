// Package cputime reads how much CPU time the process has used, for the
// benchmarks: on a shared machine it moves much less with the load than
// wall time does, so they report it beside ns/op.
package cputime
