package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/sqlite"
)

// article makes the i-th article of a synthetic feed, as a reader makes it.
func article(i int) *rasad.Article {
	pub := time.Date(2019, 6, 10, 9, 0, 0, 0, time.UTC)
	return &rasad.Article{
		Title: fmt.Sprintf("عنوان الخبر %d", i),
		Text: fmt.Sprintf("عنوان الخبر %d\nاجتمع وزير الخارجية المصري مع نظيره الأردني في عمان يوم الأحد لبحث الجولة %d من المحادثات.\n"+
			"وقال المتحدث إن الجانبين اتفقا على عقد لقاء جديد الشهر المقبل في القاهرة.", i, i),
		Published: &pub,
		Reports:   []rasad.Report{{ExtID: fmt.Sprintf("t%d", i), Source: "test", Format: "jsonl", Origin: fmt.Sprintf("test:%d", i+1)}},
	}
}

func articles(from, to int) []*rasad.Article {
	var out []*rasad.Article
	for i := from; i < to; i++ {
		out = append(out, article(i))
	}
	return out
}

func openStore(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestIngestStoresAndAnalyses(t *testing.T) {
	store := openStore(t)
	var batches, stored int
	p := New(store, Options{Batch: 4, Stored: func(arts []*rasad.Article, res []rasad.PutResult) {
		batches++
		stored += len(res)
		if len(arts) != len(res) {
			t.Errorf("Stored: %d articles, %d results", len(arts), len(res))
		}
	}})
	items := []ingest.Item{{Origin: "bad:1", Err: fmt.Errorf("%w: malformed JSON: x", ingest.ErrRejected)}}
	for _, a := range articles(0, 10) {
		items = append(items, ingest.Item{Article: a, Origin: a.Reports[0].Origin})
	}
	sum, err := p.Ingest(context.Background(), Items(items))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 11 || sum.New != 10 || sum.Rejected != 1 || sum.Analysed != 10 || sum.Skipped != 0 {
		t.Errorf("summary %+v", sum)
	}
	if got := sum.Rejections["malformed JSON"]; len(got) != 1 || got[0] != "bad:1" {
		t.Errorf("rejections %v", sum.Rejections)
	}
	if batches != 3 || stored != 10 {
		t.Errorf("Stored called %d times for %d articles, want 3 and 10", batches, stored)
	}
	ids, _ := store.IDs(context.Background())
	as, err := store.Analyses(context.Background(), ids)
	if err != nil || len(as) != 10 {
		t.Fatalf("%d analyses stored (%v)", len(as), err)
	}
	for _, a := range as {
		if len(a.Mentions) == 0 || len(a.Timexes) == 0 {
			t.Errorf("analysis without mentions or dates: %+v", a)
		}
	}
}

// A rerun analyses only the articles the store does not hold yet: the
// known ones are counted as skipped and still record their new reports.
func TestIngestSkipsKnownBeforeAnalysis(t *testing.T) {
	store := openStore(t)
	p := New(store, Options{Batch: 8})
	if _, err := p.IngestArticles(context.Background(), articles(0, 12)); err != nil {
		t.Fatal(err)
	}
	again := articles(0, 20)
	again[3].Reports[0].Source = "another outlet" // a new report of a known text
	sum, err := p.IngestArticles(context.Background(), again)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Analysed != 8 || sum.Skipped != 12 || sum.New != 8 || sum.NewReports != 1 || sum.Duplicates != 11 {
		t.Errorf("summary %+v, want 8 analysed, 12 skipped, 8 new, 1 new report, 11 duplicates", sum)
	}
	for _, a := range again[:12] {
		if a.Analysis != nil {
			t.Errorf("known article %s was analysed", a.ID)
		}
	}
}

// A cancelled ingest returns at once with ErrInterrupted, keeps a whole
// number of batches, and the same ingest run again completes the store.
func TestIngestCancel(t *testing.T) {
	store := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	src := func(ctx context.Context, emit func(ingest.Item) error) error {
		for i := 0; ; i++ {
			a := article(i)
			if err := emit(ingest.Item{Article: a, Origin: a.Reports[0].Origin}); err != nil {
				return err
			}
			n++
			if n == 50 {
				cancel()
			}
		}
	}
	start := time.Now()
	sum, err := New(store, Options{Batch: 16}).Ingest(ctx, src)
	if !errors.Is(err, ErrInterrupted) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("cancel took %v", el)
	}
	stored, _, _ := store.Count(context.Background())
	if stored%16 != 0 || stored > 48 || sum.New != stored {
		t.Errorf("%d stored (summary %d), want a whole number of batches ≤ 48", stored, sum.New)
	}
	sum, err = New(store, Options{Batch: 16}).IngestArticles(context.Background(), articles(0, 60))
	if err != nil {
		t.Fatal(err)
	}
	if total, _, _ := store.Count(context.Background()); total != 60 || sum.Analysed != 60-stored {
		t.Errorf("after rerun %d stored, %d analysed; want 60 and %d", total, sum.Analysed, 60-stored)
	}
}

// Within one run, an article repeated in a later batch is analysed again
// whether or not the writer has stored the first one yet: what is skipped
// is what the store held before the run, so the result never depends on
// timing.
func TestIngestSkipDoesNotDependOnTiming(t *testing.T) {
	for round := 0; round < 5; round++ {
		store := openStore(t)
		arts := append(articles(0, 10), articles(0, 10)...)
		sum, err := New(store, Options{Batch: 4}).IngestArticles(context.Background(), arts)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Analysed != 20 || sum.Skipped != 0 || sum.New != 10 || sum.Duplicates != 10 {
			t.Fatalf("round %d: %+v", round, sum)
		}
	}
}

// TestWarmAnalysersKeepsResults: the warm-up that an ingest starts runs
// beside the ingest's own analysis (the race detector watches both) and
// changes nothing: the same articles ingested again after it give the
// same analyses.
func TestWarmAnalysersKeepsResults(t *testing.T) {
	analyses := func() map[string]*rasad.Analysis {
		store := openStore(t)
		if _, err := New(store, Options{Batch: 3}).IngestArticles(context.Background(), articles(0, 7)); err != nil {
			t.Fatal(err)
		}
		ids, err := store.IDs(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		as, err := store.Analyses(context.Background(), ids)
		if err != nil || len(as) != 7 {
			t.Fatalf("%d analyses, %v", len(as), err)
		}
		return as
	}
	first := analyses() // warms up as it ingests (the first ingest of the test binary, unless another test ran)
	warming.Wait()
	second := analyses()
	for id, a := range first {
		if fmt.Sprint(*a) != fmt.Sprint(*second[id]) {
			t.Errorf("%s: analyses differ:\n%+v\n%+v", id, *a, *second[id])
		}
	}
}

// blockedStore holds every Put until release is closed.
type blockedStore struct {
	rasad.Store
	release chan struct{}
}

func (s blockedStore) Put(ctx context.Context, arts []*rasad.Article) ([]rasad.PutResult, error) {
	<-s.release
	return s.Store.Put(ctx, arts)
}

// TestAnalysisRunsAheadOfStore: while the store is busy (as when SQLite
// checkpoints its WAL), analysed batches wait for it three deep and the
// stages before go on: with the store held on its first batch (of one
// record), the source gets seven records out (the one being stored, three
// waiting, one analysed, one prepared, one queued; five when analysed
// batches waited one deep).
func TestAnalysisRunsAheadOfStore(t *testing.T) {
	store := blockedStore{Store: openStore(t), release: make(chan struct{})}
	var mu sync.Mutex
	emitted := 0
	src := func(ctx context.Context, emit func(ingest.Item) error) error {
		for _, a := range articles(0, 12) {
			if err := emit(ingest.Item{Article: a, Origin: a.Reports[0].Origin}); err != nil {
				return err
			}
			mu.Lock()
			emitted++
			mu.Unlock()
		}
		return nil
	}
	done := make(chan error, 1)
	go func() {
		_, err := New(store, Options{Batch: 1}).Ingest(context.Background(), src)
		done <- err
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		mu.Lock()
		n := emitted
		mu.Unlock()
		if n >= 7 {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("the source emitted %d records while the store held its first batch, want 7", n)
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	close(store.release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
