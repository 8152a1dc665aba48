// Package markdowntest gives tests the Markdown examples that goldmark
// ships with its module: the CommonMark spec's and its extensions', for
// differential tests of anything that parses pages.
package markdowntest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// GoldmarkDir is where goldmark's module is, for its test files. Without
// it a test skips, or fails when CI is set.
func GoldmarkDir(t testing.TB) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("goldmark's module: %v", err)
		}
		t.Skipf("goldmark's module: %v", err)
	}
	return dir
}

// SpecExamples are the CommonMark spec's examples that goldmark ships,
// and the examples of its extensions (tables, footnotes, task lists,
// strikethrough, linkify, typographer).
func SpecExamples(t testing.TB) []string {
	t.Helper()
	dir := GoldmarkDir(t)
	data, err := os.ReadFile(filepath.Join(dir, "_test", "spec.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec []struct{ Markdown string }
	if err := json.Unmarshal(data, &spec); err != nil {
		t.Fatal(err)
	}
	var srcs []string
	for _, ex := range spec {
		srcs = append(srcs, ex.Markdown)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "extension", "_test", "*.txt"))
	files = append(files, filepath.Join(dir, "_test", "extra.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// Each case is "N\n//- - -//\nmarkdown\n//- - -//\nhtml\n//= = =//".
		for _, c := range strings.Split(string(data), "//= = = = = = = = = = = = = = = = = = = = = = = =//") {
			parts := strings.Split(c, "//- - - - - - - - -//\n")
			if len(parts) >= 3 {
				srcs = append(srcs, strings.ReplaceAll(parts[1], "\\t", "\t"))
			}
		}
	}
	if len(srcs) < 600 {
		t.Fatalf("only %d examples found", len(srcs))
	}
	return srcs
}
