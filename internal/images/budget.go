package images

import "sync"

// Decoding an image takes memory in proportion to its pixels: about 4
// bytes a pixel for the decoded image, as much again for the copy that
// every width is scaled from, and a JPEG's planes or a PNG's rows besides.
// Images are prepared on every core, so without a limit, four 24 Mpx
// photographs on a 16-core machine were decoded at once (1.3 GB), and
// memory grew with the number of cores. A pixel budget admits decodes
// instead: an image waits until the pixels of the images being decoded
// and resized, with its own, fit in MaxPixels. One image of the largest
// size allowed runs alone; many small ones run side by side. Peak memory
// is then bounded by what one MaxPixels image needs, whatever the number
// of cores (BENCHMARKS.md, "Images within a memory budget").

// budget is a weighted semaphore of pixels.
type budget struct {
	mu   sync.Mutex
	cond sync.Cond
	free int64
}

func newBudget(pixels int64) *budget {
	b := &budget{free: pixels}
	b.cond.L = &b.mu
	return b
}

// acquire waits until n pixels are free and takes them; n is clamped to
// the whole budget, so that no image waits forever. It returns what it
// took, for release.
func (b *budget) acquire(n int64) int64 {
	n = min(max(n, 1), MaxPixels)
	b.mu.Lock()
	for b.free < n {
		b.cond.Wait()
	}
	b.free -= n
	b.mu.Unlock()
	return n
}

func (b *budget) release(n int64) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.cond.Broadcast()
}
