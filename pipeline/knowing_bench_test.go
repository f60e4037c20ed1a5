package pipeline

import (
	"runtime"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/collection"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/text"
)

// BenchmarkKnowingCorpus times the analysis stage of an ingest over all of
// ant-dev: collection.AnalyzeKnowing batch after batch (DefaultBatch)
// against the knowledge of the batches before, as Ingest runs it, with
// the articles prepared and their dates inferred beforehand. It reports
// CPU and wall ms per article (wall shows the serial parts).
//
//	go test ./pipeline -run '^$' -bench KnowingCorpus -benchtime 2x
func BenchmarkKnowingCorpus(b *testing.B) {
	items := corpusItems(b, 100000)
	var batches [][]*rasad.Article
	var batchToks [][][]text.Token
	n := 0
	for lo := 0; lo < len(items); lo += DefaultBatch {
		arts, atoks := prepareBatch(items[lo:min(len(items), lo+DefaultBatch)])
		InferDates(arts)
		batches = append(batches, arts)
		batchToks = append(batchToks, atoks)
		n += len(arts)
	}
	runtime.GC()
	b.ResetTimer()
	var cpu, wall time.Duration
	for i := 0; i < b.N; i++ {
		know := entities.NewCounts()
		c0, w0 := testcorpus.CPUTime(), time.Now()
		for k, arts := range batches {
			collection.AnalyzeKnowing(arts, batchToks[k], nil, know)
		}
		cpu += testcorpus.CPUTime() - c0
		wall += time.Since(w0)
	}
	b.ReportMetric(float64(cpu)/1e6/float64(n*b.N), "cpu-ms/art")
	b.ReportMetric(float64(wall)/1e6/float64(n*b.N), "wall-ms/art")
}
