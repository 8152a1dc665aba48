//go:build race

package main

// raceEnabled is set under the race detector, which makes the heaviest
// tests too slow; the plain test run covers them.
const raceEnabled = true
