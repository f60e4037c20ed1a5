package entities

import (
	"testing"

	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/text"
)

func corpusInputs(b *testing.B, n int) ([]Input, int64) {
	var in []Input
	var size int64
	for _, d := range testcorpus.Load(b, n) {
		in = append(in, Input{ID: d.ID, Text: d.Text, Tokens: text.Tokenize(d.Text)})
		size += int64(len(d.Text))
	}
	return in, size
}

// BenchmarkFind measures recognition on shared tokens with the
// collection's common words computed once, as a collection run does
// (MB/s and cpu-MB/s per core, allocations).
func BenchmarkFind(b *testing.B) { benchFindCPU(b) }

// BenchmarkFindAllWithTokenize measures the two-pass collection run,
// tokenization included.
func BenchmarkFindAllWithTokenize(b *testing.B) {
	in, size := corpusInputs(b, 2000)
	b.SetBytes(size)
	for b.Loop() {
		for i := range in {
			in[i].Tokens = text.Tokenize(in[i].Text)
		}
		FindAll(in)
	}
}
