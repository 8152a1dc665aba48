// Package parallel is the generator's one worker pool: it runs the same
// job for every index on all cores. Results are stored by index by the
// caller, so output never depends on scheduling.
package parallel

import (
	"context"
	"runtime"
	"sync"
)

// For calls f(i) for every i in [0, n) on GOMAXPROCS goroutines, and
// returns when all calls have. When ctx is cancelled no new call starts;
// the calls under way finish.
func For(ctx context.Context, n int, f func(i int)) {
	var (
		wg   sync.WaitGroup
		next = make(chan int)
	)
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
}
