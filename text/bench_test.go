package text

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"testing"
)

// corpusTexts loads up to n article texts from the shared development
// corpus, or skips the benchmark when it is absent.
func corpusTexts(tb testing.TB, n int) []string {
	tb.Helper()
	f, err := os.Open("../../shared/corpus/ant-dev.jsonl.gz")
	if err != nil {
		tb.Skip("../shared/corpus/ant-dev.jsonl.gz not found: corpus benchmarks skipped")
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<26)
	var out []string
	for sc.Scan() && len(out) < n {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatal(err)
		}
		out = append(out, rec.Text)
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
	for b.Loop() {
		for _, t := range texts {
			buf = AppendTokens(buf[:0], t)
		}
	}
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
