package ner

import (
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
	testcorpus.ReportCPU(b, c0, size)
}

// cpuTime: see testcorpus.CPUTime.
func cpuTime() time.Duration { return testcorpus.CPUTime() }

// BenchmarkTagCold is BenchmarkTag with an empty word cache each time
// (every word form is new, as the rare ones of an ingest are).
func BenchmarkTagCold(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	docs := testcorpus.Load(b, 500)
	toks := make([][]text.Token, len(docs))
	var size int64
	for i, d := range docs {
		toks[i] = text.Tokenize(d.Text)
		size += int64(len(d.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for b.Loop() {
		t := NewTagger(m)
		t.Propagate = true
		for i, d := range docs {
			t.Tag(d.Text, toks[i])
		}
	}
	testcorpus.ReportCPU(b, c0, size)
}

// BenchmarkEmissions measures the emission scores alone (the word cache
// warm, no Viterbi, no mentions), the part of Tag that waits on memory.
func BenchmarkEmissions(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	docs := testcorpus.Load(b, 2000)
	toks := make([][]text.Token, len(docs))
	var size int64
	t := NewTagger(m)
	for i, d := range docs {
		toks[i] = text.Tokenize(d.Text)
		size += int64(len(d.Text))
		t.fastEmissions(d.Text, toks[i], nil)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for b.Loop() {
		for i, d := range docs {
			t.fastEmissions(d.Text, toks[i], nil)
		}
	}
	testcorpus.ReportCPU(b, c0, size)
}

// BenchmarkVecOf measures what a new word form costs the word cache
// (vecOf: its features' weights and lexicon fields), over the distinct
// word forms of 500 ant-dev articles.
func BenchmarkVecOf(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	type form struct {
		src string
		tk  text.Token
	}
	var forms []form
	seen := map[string]bool{}
	for _, d := range testcorpus.Load(b, 500) {
		for _, tk := range text.Tokenize(d.Text) {
			if s := d.Text[tk.Start:tk.End]; !seen[s] {
				seen[s] = true
				forms = append(forms, form{d.Text, tk})
			}
		}
	}
	t := NewTagger(m)
	loadLex()
	var wv wordVec
	var ax wordAux
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for b.Loop() {
		t.resetCache()
		for _, f := range forms {
			t.vecOf(&wv, &ax, f.src, f.tk)
		}
	}
	b.ReportMetric(float64((cpuTime()-c0).Nanoseconds())/float64(b.N*len(forms)), "cpu-ns/word")
}
