// Package testcorpus gives tests and benchmarks the shared development data
// (../shared next to the module: the ant-dev corpus, the seeds and their
// gold), and skips them with a clear message when it is absent, as on a
// clean clone.
package testcorpus

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Doc is one corpus record, with the fields the tests use.
type Doc struct {
	ID, Source, Title, Text, Published string
}

// Path is the path of rel under ../shared (next to the module root), or
// skips the test when it does not exist.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Skipf("../shared/%s not found: %v", rel, err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skipf("../shared/%s not found: no go.mod above the test", rel)
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("../shared/%s not found: skipped (it is not part of the repository)", rel)
	}
	return p
}

// Load reads the first n articles of ../shared/corpus/ant-dev.jsonl.gz, or
// skips the test when the corpus is absent.
func Load(tb testing.TB, n int) []Doc {
	tb.Helper()
	f, err := os.Open(Path(tb, "corpus/ant-dev.jsonl.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<26)
	var docs []Doc
	for sc.Scan() && len(docs) < n {
		var d Doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return docs
}

// CPUTime is the process's user+system CPU time so far (all threads):
// what benchmarks on a shared machine report beside wall time.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
