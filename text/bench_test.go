package text

import (
	"testing"

	"github.com/rasad/rasad/internal/testcorpus"
)

// corpusTexts loads up to n article texts from the shared development
// corpus, or skips the benchmark when it is absent.
func corpusTexts(tb testing.TB, n int) []string {
	tb.Helper()
	var out []string
	for _, d := range testcorpus.Load(tb, n) {
		out = append(out, d.Text)
	}
	return out
}

// benchTexts loads corpus texts and sets the benchmark's bytes per op.
func benchTexts(b *testing.B) []string {
	texts := corpusTexts(b, 2000)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	return texts
}

func BenchmarkTokenize(b *testing.B) {
	texts := benchTexts(b)
	var buf []Token
	defer cpuMBs(b, texts)()
	for b.Loop() {
		for _, t := range texts {
			buf = AppendTokens(buf[:0], t)
		}
	}
}

// cpuMBs starts the process CPU clock; the function it returns reports
// the texts' megabytes per CPU-second (the machine is shared: wall time
// says little). Call it after any set-up, deferred.
func cpuMBs(b *testing.B, texts []string) func() {
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	c0 := testcorpus.CPUTime()
	return func() { testcorpus.ReportCPU(b, c0, int64(size)) }
}

func BenchmarkKey(b *testing.B) {
	texts := benchTexts(b)
	for b.Loop() {
		for _, t := range texts {
			_ = Key(t)
		}
	}
}

func BenchmarkSentences(b *testing.B) {
	texts := benchTexts(b)
	for b.Loop() {
		for _, t := range texts {
			_ = Sentences(t)
		}
	}
}
