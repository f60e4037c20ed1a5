package watch

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/sqlite"
	"github.com/rasad/rasad/story"
)

// BenchmarkNewArticle measures the steady-state cost of one new article
// on a big store, fetch excluded: analysis and storing (the pipeline),
// story assignment, and the notification round (one query watch and one
// story watch: their timelines computed, compared with what they
// announced, queued). RASAD_BENCH_DB names the store (e.g. 24,000 ant-dev
// records with shifted dates, see the README); it is copied first.
func BenchmarkNewArticle(b *testing.B) {
	src := os.Getenv("RASAD_BENCH_DB")
	if src == "" {
		b.Skip("RASAD_BENCH_DB not set (a store to add articles to)")
	}
	path := filepath.Join(b.TempDir(), "bench.db")
	copyFile(b, src, path)
	ctx := context.Background()
	store, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	n, _, _ := store.Count(ctx)
	eng := story.NewEngine(store, story.Options{})
	ing := PipelineIngester{Store: store, Stories: eng}
	// stories up to date before measuring
	if _, err := ing.Ingest(ctx, []*rasad.Article{benchArticle(-1, time.Now())}); err != nil {
		b.Fatal(err)
	}
	meta, _ := store.StoryMeta(ctx)
	base := meta.Latest
	cs, _ := store.StoryClusters(ctx, base.Add(-24*time.Hour), false)
	storyID := ""
	if len(cs) > 0 {
		storyID = cs[len(cs)-1].ID
	}
	store.PutWatch(ctx, rasad.Watch{ID: "bq", Kind: "query", Target: "وزير الخارجية"})
	store.PutWatch(ctx, rasad.Watch{ID: "bs", Kind: "story", Target: storyID})
	note := &Notify{Store: store, Entries: benchEntries(store)}
	note.Notify(ctx, base)
	b.Logf("store: %d articles; watching a query and story %s", n, storyID)
	var tIngest, tNotify time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := benchArticle(i, base.Add(time.Duration(i+1)*time.Minute))
		t0 := time.Now()
		res, err := ing.Ingest(ctx, []*rasad.Article{a})
		if err != nil || res[0].Status != rasad.New {
			b.Fatalf("%+v %v", res, err)
		}
		t1 := time.Now()
		if err := note.Notify(ctx, base.Add(time.Duration(i+1)*time.Minute)); err != nil {
			b.Fatal(err)
		}
		tIngest += t1.Sub(t0)
		tNotify += time.Since(t1)
	}
	b.ReportMetric(float64(tIngest.Microseconds())/float64(b.N)/1000, "ms-ingest+stories/op")
	b.ReportMetric(float64(tNotify.Microseconds())/float64(b.N)/1000, "ms-notify/op")
}

func benchEntries(store *sqlite.Store) EntrySource {
	q := queryEntries(store)
	return func(ctx context.Context, w rasad.Watch) ([]story.Entry, error) {
		if w.Kind != "story" {
			return q(ctx, w)
		}
		storyOf, _, err := store.Stories(ctx)
		if err != nil {
			return nil, err
		}
		var ids []string
		for a, s := range storyOf {
			if s == w.Target {
				ids = append(ids, a)
			}
		}
		return timelineOf(ctx, store, ids)
	}
}

func benchArticle(i int, pub time.Time) *rasad.Article {
	title, text := articleText(i+1000, pub)
	text += fmt.Sprintf("\nوأكد وزير الخارجية في ختام الزيارة رقم %d أن التعاون سيستمر.\n", i+100000)
	p := pub.UTC()
	return &rasad.Article{Title: title, Text: text, Published: &p,
		Reports: []rasad.Report{{ExtID: fmt.Sprintf("bench-%d-%d", i, pub.UnixNano()), Source: "bench", Format: "feed", Origin: fmt.Sprintf("bench#%d-%d", i, pub.UnixNano())}}}
}

func copyFile(b *testing.B, src, dst string) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		in, err := os.Open(src + suffix)
		if err != nil {
			if suffix != "" {
				continue
			}
			b.Fatal(err)
		}
		out, err := os.Create(dst + suffix)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(out, in); err != nil {
			b.Fatal(err)
		}
		in.Close()
		out.Close()
	}
}
