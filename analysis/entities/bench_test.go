package entities

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"testing"

	"github.com/rasad/rasad/text"
)

func corpusInputs(b *testing.B, n int) ([]Input, int64) {
	f, err := os.Open("../../../shared/corpus/ant-dev.jsonl.gz")
	if err != nil {
		b.Skip("../shared/corpus/ant-dev.jsonl.gz not found: corpus benchmarks skipped")
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<26)
	var in []Input
	var size int64
	for sc.Scan() && len(in) < n {
		var d struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			b.Fatal(err)
		}
		in = append(in, Input{ID: d.ID, Text: d.Text, Tokens: text.Tokenize(d.Text)})
		size += int64(len(d.Text))
	}
	return in, size
}

// BenchmarkFind measures recognition on shared tokens with the
// collection's common words computed once, as a collection run does
// (MB/s per core).
func BenchmarkFind(b *testing.B) {
	in, size := corpusInputs(b, 2000)
	var all [][]text.Token
	for _, d := range in {
		all = append(all, d.Tokens)
	}
	common := CommonWords(all...)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range in {
			Find(d.Text, d.Tokens, Options{Common: common})
		}
	}
}

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
