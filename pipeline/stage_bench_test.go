package pipeline

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/collection"
	"github.com/rasad/rasad/analysis/events"
	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/internal/par"
	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/sqlite"
	"github.com/rasad/rasad/text"
)

// corpusItems reads the first n records of ant-dev as an ingest reads them.
func corpusItems(tb testing.TB, n int) []ingest.Item {
	tb.Helper()
	path := testcorpus.Path(tb, "corpus/ant-dev.jsonl.gz")
	var items []ingest.Item
	stop := errors.New("enough")
	err := ingest.Read(context.Background(), path, ingest.Options{}, func(it ingest.Item) error {
		if len(items) >= n {
			return stop
		}
		items = append(items, it)
		return nil
	})
	if err != nil && !errors.Is(err, stop) {
		tb.Fatal(err)
	}
	return items
}

// BenchmarkStages times each stage of an ingest on the first 2,000 ant-dev
// articles, in CPU ms per article (the machine is shared): reading is left
// out; prepare (cleaning, IDs, search stems), analysis (dates, entities,
// events, as batches of DefaultBatch) and store (sqlite.Put, one
// transaction per batch, into a new file).
//
//	go test ./pipeline -run '^$' -bench Stages -benchtime 1x
func BenchmarkStages(b *testing.B) {
	const n = 2000
	orig := corpusItems(b, n)
	for i := 0; i < b.N; i++ {
		items := copyItems(orig)
		var batches [][]*rasad.Article
		var batchToks [][][]text.Token
		c0 := testcorpus.CPUTime()
		for lo := 0; lo < len(items); lo += DefaultBatch {
			arts, atoks := prepareBatch(items[lo:min(len(items), lo+DefaultBatch)])
			batches = append(batches, arts)
			batchToks = append(batchToks, atoks)
		}
		c1 := testcorpus.CPUTime()
		b.ReportMetric(float64(c1-c0)/1e6/n, "prepare-cpu-ms/art")
		for k, arts := range batches {
			InferDates(arts)
			collection.AnalyzeTokens(arts, batchToks[k])
		}
		c2 := testcorpus.CPUTime()
		b.ReportMetric(float64(c2-c1)/1e6/n, "analysis-cpu-ms/art")
		store, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "b.db"))
		if err != nil {
			b.Fatal(err)
		}
		c2 = testcorpus.CPUTime()
		for _, arts := range batches {
			if _, err := store.Put(context.Background(), arts); err != nil {
				b.Fatal(err)
			}
		}
		c3 := testcorpus.CPUTime()
		b.ReportMetric(float64(c3-c2)/1e6/n, "store-cpu-ms/art")
		store.Close()
	}
}

var analysed struct {
	once    sync.Once
	batches [][]*rasad.Article
}

// analysedBatches is the first n ant-dev articles prepared and analysed as
// an ingest does, in batches of DefaultBatch (computed once per process).
func analysedBatches(tb testing.TB, n int) [][]*rasad.Article {
	analysed.once.Do(func() {
		items := corpusItems(tb, n)
		for lo := 0; lo < len(items); lo += DefaultBatch {
			arts, atoks := prepareBatch(items[lo:min(len(items), lo+DefaultBatch)])
			InferDates(arts)
			collection.AnalyzeTokens(arts, atoks)
			analysed.batches = append(analysed.batches, arts)
		}
	})
	return analysed.batches
}

// BenchmarkPutCorpus times the store alone: 2,000 analysed ant-dev
// articles put into a new file store, one transaction per batch, in CPU
// ms per article.
//
//	go test ./pipeline -run '^$' -bench PutCorpus -benchtime 5x
func BenchmarkPutCorpus(b *testing.B) {
	batches := analysedBatches(b, 2000)
	n := 0
	for _, arts := range batches {
		n += len(arts)
	}
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		store, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "b.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c0 := testcorpus.CPUTime()
		for _, arts := range batches {
			if _, err := store.Put(context.Background(), arts); err != nil {
				b.Fatal(err)
			}
		}
		cpu += testcorpus.CPUTime() - c0
		b.StopTimer()
		store.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu)/1e6/float64(n*b.N), "cpu-ms/art")
}

// BenchmarkPrepareCorpus times cleaning, content IDs and search stems
// (ingest.PrepareAllTokens) on the first 2,000 ant-dev records, in CPU ms
// per article.
//
//	go test ./pipeline -run '^$' -bench PrepareCorpus -benchtime 5x
func BenchmarkPrepareCorpus(b *testing.B) {
	orig := corpusItems(b, 2000)
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		items := copyItems(orig)
		b.StartTimer()
		c0 := testcorpus.CPUTime()
		for lo := 0; lo < len(items); lo += DefaultBatch {
			ingest.PrepareAllTokens(items[lo:min(len(items), lo+DefaultBatch)])
		}
		cpu += testcorpus.CPUTime() - c0
	}
	b.ReportMetric(float64(cpu)/1e6/float64(len(orig)*b.N), "cpu-ms/art")
}

// BenchmarkEventsCorpus times events.Find alone on 2,000 analysed ant-dev
// articles (their own timexes and mentions), in CPU ms per article.
//
//	go test ./pipeline -run '^$' -bench EventsCorpus -benchtime 5x
func BenchmarkEventsCorpus(b *testing.B) {
	var ins []events.Input
	for _, arts := range analysedBatches(b, 2000) {
		for _, a := range arts {
			in := events.Input{Text: a.Text, Tokens: text.Tokenize(a.Text), Timexes: a.Analysis.Timexes, Mentions: a.Analysis.Mentions}
			if a.Published != nil {
				in.Published = a.Published.Format("2006-01-02")
			}
			ins = append(ins, in)
		}
	}
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		c0 := testcorpus.CPUTime()
		par.Do(len(ins), func(k int) { events.Find(ins[k]) })
		cpu += testcorpus.CPUTime() - c0
	}
	b.ReportMetric(float64(cpu)/1e6/float64(len(ins)*b.N), "cpu-ms/art")
}

// prepareBatch prepares one batch of items as an ingest does: the
// accepted articles and the tokens their analysis reads.
func prepareBatch(part []ingest.Item) ([]*rasad.Article, [][]text.Token) {
	toks := ingest.PrepareAllTokens(part)
	var arts []*rasad.Article
	var atoks [][]text.Token
	for k, it := range part {
		if it.Err == nil && it.Article != nil {
			arts = append(arts, it.Article)
			atoks = append(atoks, toks[k])
		}
	}
	return arts, atoks
}

// BenchmarkIngestCorpus times the whole pipeline (reading, preparing,
// analysing and storing every ant-dev record into a new file store, its
// stages at once as Ingest runs them), in CPU ms per record and records
// per wall second. Its profile tells the stages apart by their pprof label
// (-tagfocus stage=analyse); -trace shows where a core waits.
//
//	go test ./pipeline -run '^$' -bench IngestCorpus -benchtime 1x
func BenchmarkIngestCorpus(b *testing.B) {
	path := testcorpus.Path(b, "corpus/ant-dev.jsonl.gz")
	var cpu, wall time.Duration
	n := 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		forgetKnowledge()
		store, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "b.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c0, w0 := testcorpus.CPUTime(), time.Now()
		sum, err := New(store, Options{}).Ingest(context.Background(), Files([]string{path}, ingest.Options{}))
		if err != nil {
			b.Fatal(err)
		}
		cpu += testcorpus.CPUTime() - c0
		wall += time.Since(w0)
		n += sum.Read
		b.StopTimer()
		store.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu)/1e6/float64(n), "cpu-ms/report")
	b.ReportMetric(float64(n)/wall.Seconds(), "reports/s")
}

// copyItems copies items and their articles, which a stage changes, so
// that every run of a benchmark starts from the same input.
func copyItems(orig []ingest.Item) []ingest.Item {
	items := make([]ingest.Item, len(orig))
	for k, it := range orig {
		if it.Article != nil {
			a := *it.Article
			it.Article = &a
		}
		items[k] = it
	}
	return items
}
