package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// gcHeadroom is the least a build's heap may grow past what the last
// collection left in use before the next collection starts; on larger
// heaps it may grow by half of what was in use (as GOGC=50 would).
//
// A build keeps little: its pages' front matter and the shared fragments
// (each page's text is read when it is rendered and dropped with its
// output). But it allocates ~200 kB per page while it renders, and Go's
// default collects whenever the heap doubles: on a small live heap that
// is every few megabytes (78 collections in a 2,000-page build). GOGC=400,
// used before, collected less but let the peak memory grow to five times
// the live heap. The floor keeps small and middling builds from
// collecting all the time, for a peak of about the live heap plus 10 MiB.
const gcHeadroom = 10 << 20

// lessGC runs a collection only when the heap has grown by half of what
// the last one left in use, or by gcHeadroom if that is more, unless GOGC or
// GOMEMLIMIT is set: it turns Go's proportional trigger off and moves a
// soft memory limit after every collection.
func lessGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	// The limit counts all the memory the runtime holds, not only live
	// objects: what it holds in use just after a collection (objects,
	// stacks, its own structures; not free pages), plus the headroom.
	sample := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
	}
	setLimit := func() {
		metrics.Read(sample)
		inUse := int64(0)
		for i, s := range sample {
			if s.Value.Kind() != metrics.KindUint64 {
				inUse = 0
				break
			}
			if i == 0 {
				inUse += int64(s.Value.Uint64())
			} else {
				inUse -= int64(s.Value.Uint64())
			}
		}
		debug.SetMemoryLimit(inUse + max(gcHeadroom, inUse/2))
	}
	setLimit()
	afterEachGC(setLimit)
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
