package main

import "testing"

func TestMemoryLimit(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		name                                 string
		total, released, free, objects, live int64
		want                                 int64
	}{
		// 4 MiB of stacks and structures, 2 MiB live: the floor.
		{"small heap", 40 * mib, 10 * mib, 4 * mib, 20 * mib, 2 * mib, 8*mib + gcHeadroom},
		// Unswept garbage (objects - live) is not in use: 10 MiB of
		// the runtime's, 10 MiB live, growing by twice that.
		{"garbage not counted", 60 * mib, 0, 0, 50 * mib, 10 * mib, 20*mib + 2*10*mib},
		// Released and free pages are not in use either; the runtime's
		// own 10 MiB do not add to the growth.
		{"free pages not counted", 100 * mib, 30 * mib, 20 * mib, 40 * mib, 40 * mib, 50*mib + 2*40*mib},
	} {
		if got := memoryLimit(c.total, c.released, c.free, c.objects, c.live); got != c.want {
			t.Errorf("%s: memoryLimit = %d MiB, want %d MiB", c.name, got/mib, c.want/mib)
		}
	}
}
