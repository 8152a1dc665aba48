package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// gcHeadroom is the least a build's heap may grow past what it holds
// after a collection before the next collection starts; on larger heaps
// it may grow by twice the objects that collection found live, as
// GOGC=200 lets the heap grow past what is live.
//
// A build keeps little: its pages' front matter and the shared fragments
// of the folders being rendered (each page's text is read when it is
// rendered and dropped with its output). But it allocates ~110 kB per
// page while it renders, and Go's default collects whenever the heap
// doubles: on a small live heap that is every few megabytes. The floor
// keeps small and middling builds from collecting all the time. The
// growth beyond it follows the objects the build keeps, as GOGC does, not
// the runtime's own structures and unused span space. It used to grow by
// all the memory in use, which at 2,000 pages is more bookkeeping than
// objects: that raised the peak by 6 MiB there for 2% less CPU. Twice what
// is live keeps large builds collecting no more often than that did
// (BENCHMARKS.md, seventh round).
const gcHeadroom = 10 << 20

// lessGC runs a collection only when the heap has grown by twice what
// the last one found live, or by gcHeadroom if that is more, unless GOGC or
// GOMEMLIMIT is set: it turns Go's proportional trigger off and moves a
// soft memory limit after every collection.
func lessGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	// The limit counts all the memory the runtime holds, not only
	// objects: what it holds just after a collection (stacks, its own
	// structures; not free pages) with the objects that collection found
	// live, plus the headroom. The objects' class also counts the dead
	// ones not yet swept, which would add the last cycle's garbage to the
	// headroom.
	sample := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/gc/heap/live:bytes"},
	}
	setLimit := func() {
		metrics.Read(sample)
		var v [5]int64
		for i, s := range sample {
			if s.Value.Kind() != metrics.KindUint64 {
				// A metric this Go does not have: its own pacing.
				debug.SetGCPercent(100)
				debug.SetMemoryLimit(math.MaxInt64)
				return
			}
			v[i] = int64(s.Value.Uint64())
		}
		debug.SetMemoryLimit(memoryLimit(v[0], v[1], v[2], v[3], v[4]))
	}
	setLimit()
	afterEachGC(setLimit)
}

// memoryLimit is the soft limit after a collection, from the runtime's
// memory (total, of which released and free pages are not in use, and
// objects, live or not yet swept) and the live objects that collection
// found: what is in use, plus twice what is live or gcHeadroom.
func memoryLimit(total, released, free, objects, live int64) int64 {
	inUse := total - released - free - objects + live
	return inUse + max(gcHeadroom, 2*live)
}

// afterEachGC calls f soon after every garbage collection: a cleanup
// runs once its object is collected, and each run arms the next.
func afterEachGC(f func()) {
	sentinel := new([64]byte)
	runtime.AddCleanup(sentinel, func(struct{}) {
		f()
		afterEachGC(f)
	}, struct{}{})
}
