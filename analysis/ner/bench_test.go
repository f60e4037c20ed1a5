package ner

import (
	"syscall"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/text"
)

// BenchmarkTag measures the embedded model on ant-dev articles, tokens
// given (MB/s per core).
func BenchmarkTag(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	docs := testcorpus.Load(b, 2000)
	toks := make([][]text.Token, len(docs))
	var size int64
	for i, d := range docs {
		toks[i] = text.Tokenize(d.Text)
		size += int64(len(d.Text))
	}
	t := NewTagger(m)
	t.Propagate = true
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for b.Loop() {
		for i, d := range docs {
			t.Tag(d.Text, toks[i])
		}
	}
	if sec := (cpuTime() - c0).Seconds(); sec > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/sec/1e6, "cpu-MB/s")
	}
}

// cpuTime is the user+system CPU time of the process so far: a loaded
// machine distorts it less than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
