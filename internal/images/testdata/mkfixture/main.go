// Command mkfixture writes the fixture site of internal/images, with its
// generated images, to a folder, for .ci/figures.sh:
//
//	go run ./internal/images/testdata/mkfixture DIR
//
// It runs from the project's root folder.
package main

import (
	"fmt"
	"os"

	"cecot/internal/images/imagestest"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/images/testdata/mkfixture DIR")
		os.Exit(2)
	}
	if err := imagestest.Fixture(os.Args[1], "."); err != nil {
		fmt.Fprintln(os.Stderr, "mkfixture:", err)
		os.Exit(1)
	}
}
