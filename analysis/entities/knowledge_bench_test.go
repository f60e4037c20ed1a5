package entities

import (
	"testing"
	"time"

	"github.com/rasad/rasad/internal/testcorpus"
)

// BenchmarkCountsAddText times the counting of a collection's words
// (Counts.AddText into one Counts, as a part of a batch is counted) on
// 2,000 ant-dev articles, in CPU µs per article.
//
//	go test ./analysis/entities -run '^$' -bench CountsAddText -benchtime 5x
func BenchmarkCountsAddText(b *testing.B) {
	in, _ := corpusInputs(b, 2000)
	c := NewCounts()
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		c0 := testcorpus.CPUTime()
		for lo := 0; lo < len(in); lo += 128 {
			for _, d := range in[lo:min(len(in), lo+128)] {
				c.AddText(d.Text, d.Tokens)
			}
			c.Reset()
		}
		cpu += testcorpus.CPUTime() - c0
	}
	b.ReportMetric(float64(cpu)/1e3/float64(len(in)*b.N), "cpu-µs/art")
}
