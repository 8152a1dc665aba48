//go:build !unix

package main

import (
	"os"
	"time"
)

// usage is not available outside Unix, where os.ProcessState carries no
// peak memory: sitebench compares the tools on Unix only, but still
// builds everywhere so that the module vets on translators' systems.
func usage(*os.ProcessState) (cpu time.Duration, rss int64, ok bool) {
	return 0, 0, false
}
