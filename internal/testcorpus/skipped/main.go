// Command skipped prints one line after the tests: which quality tests
// (those that read ../shared, the development corpus and gold) were
// skipped because ../shared is absent, or that it was present. `go test
// ./...` shows nothing of a passing package's output, so the skips are
// otherwise silent. Run it from the module: go run ./internal/testcorpus/skipped
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/rasad/rasad/internal/testcorpus"
)

func main() {
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "skipped:", err)
		os.Exit(1)
	}
	root, _, ok := testcorpus.SharedDir(wd)
	if root == "" {
		fmt.Fprintln(os.Stderr, "skipped: no go.mod above", wd)
		os.Exit(1)
	}
	tests, err := testcorpus.QualityTests(root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "skipped:", err)
		os.Exit(1)
	}
	var names []string
	benches := 0
	for _, t := range tests {
		if strings.Contains(t, ".Benchmark") {
			benches++ // benchmarks run only with -bench
			continue
		}
		names = append(names, t)
	}
	if ok {
		fmt.Printf("../shared present: the %d quality tests that read it ran (and %d benchmarks use it with -bench)\n", len(names), benches)
		return
	}
	fmt.Printf("../shared absent: skipped %d quality tests: %s\n", len(names), strings.Join(names, ", "))
}
