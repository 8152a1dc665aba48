//go:build unix

package cputime

import (
	"testing"
	"time"
)

// TestUsedGrows spins until the process has used more CPU time than at
// the start: a Used that always gave the same value would never return.
func TestUsedGrows(t *testing.T) {
	start := Used()
	if start <= 0 {
		t.Fatalf("Used() = %v at the start of a test process, want > 0", start)
	}
	deadline := time.Now().Add(10 * time.Second)
	for Used() <= start {
		if time.Now().After(deadline) {
			t.Fatalf("Used() stayed at %v for 10 s of spinning", start)
		}
	}
}
