package collection

import (
	"reflect"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/internal/testcorpus"
)

// knowingArticles are n ant-dev articles when the corpus is present, and
// articles of our own otherwise.
func knowingArticles(t *testing.T, n int) []*rasad.Article {
	docs, ok := testcorpus.LoadIfPresent(t, n)
	if !ok {
		return ownCollection(n)
	}
	var out []*rasad.Article
	for _, d := range docs {
		a := &rasad.Article{ID: d.ID, Title: d.Title, Text: d.Text}
		if p, err := time.Parse(time.RFC3339, d.Published); err == nil {
			a.Published = &p
		}
		out = append(out, a)
	}
	return out
}

// Batches analysed one after the other against the knowledge of those
// before give the same analyses and knowledge whether each batch is begun
// after the one before it finished, or while it finishes (as an ingest
// runs them), or after a stop with the counts so far read back as a store
// keeps them (a resumed ingest); the returned counts add up to the
// knowledge; and its word counts (common words, word forms) are those of
// one batch of all the articles (the names' counts follow what each batch
// knew).
func TestKnowingBatchesEqualOneBatch(t *testing.T) {
	const n, size = 400, 37
	one := knowingArticles(t, n)
	whole := AnalyzeKnowing(one, nil, nil, entities.NewCounts())
	words := func(tl rasad.Tallies) rasad.Tallies {
		out := rasad.Tallies{}
		for k, v := range tl {
			if k.Kind != entities.TallyName && k.Kind != entities.TallyFull {
				out[k] = v
			}
		}
		return out
	}
	var wantKnow rasad.Tallies
	var wantAn string
	for _, way := range []string{"one after the other", "overlapping", "resumed"} {
		arts := knowingArticles(t, n)
		know := entities.NewCounts()
		sum := rasad.Tallies{}
		var begun *Begun
		for lo := 0; lo < n || begun != nil; lo += size {
			if way == "one after the other" && lo < n {
				for k, v := range AnalyzeKnowing(arts[lo:min(n, lo+size)], nil, nil, know) {
					sum[k] += v
				}
				continue
			}
			var next *Begun
			if lo < n {
				next = Begin(arts[lo:min(n, lo+size)], nil, nil) // while the batch before finishes
			}
			if begun != nil {
				for k, v := range begun.Finish(know) {
					sum[k] += v
				}
			}
			begun = next
			if way == "resumed" && lo == 5*size {
				// stopped here: the next run reads the stored counts
				know = entities.NewCounts()
				for k, v := range sum {
					know.AddTally(k, v, 1)
				}
			}
		}
		got := know.Tallies()
		if !reflect.DeepEqual(sum, got) {
			t.Errorf("%s: the batches' counts add up to %d counts, the knowledge has %d", way, len(sum), len(got))
		}
		if g, w := words(got), words(whole); !reflect.DeepEqual(g, w) || len(w) < 1000 {
			t.Errorf("%s: %d word counts, one batch has %d (the same)", way, len(g), len(w))
		}
		if wantKnow == nil {
			wantKnow, wantAn = got, analyses(arts)
			continue
		}
		if !reflect.DeepEqual(got, wantKnow) {
			t.Errorf("%s: knowledge differs (%d counts, want %d)", way, len(got), len(wantKnow))
		}
		if analyses(arts) != wantAn {
			t.Errorf("%s: analyses differ", way)
		}
	}
}
