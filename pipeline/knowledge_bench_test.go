package pipeline

import (
	"testing"

	"github.com/rasad/rasad/analysis/collection"
	"github.com/rasad/rasad/analysis/entities"
)

// BenchmarkKnowledgeChanges measures what re-analysing the stored articles
// that a batch's new knowledge concerns would cost (not done yet): ant-dev
// analysed in batches of 256, and after each batch the surnames that came
// into Known or left it (or changed full name), and the number of earlier
// articles in which they appear (a bound: the sum of their document
// frequencies before the batch). go test ./pipeline -run '^$' -bench
// KnowledgeChanges -benchtime 1x
func BenchmarkKnowledgeChanges(b *testing.B) {
	for i := 0; i < b.N; i++ {
		arts := corpusArticles(b, 100000)
		if len(arts) == 0 {
			b.Skip("no corpus")
		}
		know := entities.NewCounts()
		prev := map[string]string{}
		changed, reread, worst := 0, 0, 0
		for lo := 0; lo < len(arts); lo += DefaultBatch {
			batch := arts[lo:min(len(arts), lo+DefaultBatch)]
			for j, a := range batch {
				a.ID = string(rune('a'+j%26)) + a.Reports[0].ExtID
			}
			before := map[string]int{}
			for sf := range prev {
				before[sf] = know.DocFreq(sf)
			}
			InferDates(batch)
			collection.AnalyzeKnowing(batch, nil, nil, know)
			now := know.Known()
			n := 0
			for sf, full := range now {
				if prev[sf] != full {
					changed++
					n += know.DocFreq(sf) // bound: includes the batch's own
				}
			}
			for sf := range prev {
				if _, ok := now[sf]; !ok {
					changed++
					n += before[sf]
				}
			}
			reread += n
			worst = max(worst, n)
			prev = map[string]string{}
			for sf, full := range now {
				prev[sf] = full
			}
		}
		b.ReportMetric(float64(changed), "known-changes")
		b.ReportMetric(float64(reread), "rereads(bound)")
		b.ReportMetric(float64(worst), "worst-batch-rereads(bound)")
		b.ReportMetric(float64(len(arts)), "articles")
	}
}
