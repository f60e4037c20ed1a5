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
	p, why := find(rel)
	if why != "" {
		tb.Skipf("../shared/%s not found: %s", rel, why)
	}
	return p
}

// find is the path of rel under ../shared, or why there is none.
func find(rel string) (path, why string) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err.Error()
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", "no go.mod above the test"
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		return "", "skipped (it is not part of the repository)"
	}
	return p, ""
}

// Load reads the first n articles of ../shared/corpus/ant-dev.jsonl.gz, or
// skips the test when the corpus is absent.
func Load(tb testing.TB, n int) []Doc {
	tb.Helper()
	return load(tb, Path(tb, "corpus/ant-dev.jsonl.gz"), n)
}

// LoadIfPresent is Load for a test that runs on texts of its own without
// ../shared: ok is false, and the test goes on, when the corpus is absent
// (so the skipped command does not list it as skipped).
func LoadIfPresent(tb testing.TB, n int) (docs []Doc, ok bool) {
	tb.Helper()
	p, why := find("corpus/ant-dev.jsonl.gz")
	if why != "" {
		return nil, false
	}
	return load(tb, p, n), true
}

func load(tb testing.TB, path string, n int) []Doc {
	tb.Helper()
	f, err := os.Open(path)
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

// ReportCPU adds a benchmark's cpu-MB/s metric: size bytes per iteration
// over the CPU time used since start (a CPUTime reading taken after the
// set-up).
func ReportCPU(b *testing.B, start time.Duration, size int64) {
	if d := CPUTime() - start; d > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/d.Seconds(), "cpu-MB/s")
	}
}
