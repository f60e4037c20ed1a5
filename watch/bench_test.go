package watch

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/sqlite"
	"github.com/rasad/rasad/story"
)

// BenchmarkNewArticle measures the steady-state cost of one new article
// on a big store, fetch excluded: analysis and storing (the pipeline),
// story assignment and the stored timelines of the stories it touched,
// then the notification round as the watcher runs it (AnnounceArticles:
// a story watch reads its stored timeline; a query watch, followed by
// Live, reads what changed: the new article's match and the stored
// timelines rebuilt since its last round). RASAD_BENCH_DB names
// the store (e.g. 24,000 ant-dev records with shifted dates: rasad bench
// serve --make); it is copied first. RASAD_BENCH_QUERY is the query
// watched (default وزير الخارجية, which every benchmark article names:
// the worst case; a query the article does not name costs nothing).
func BenchmarkNewArticle(b *testing.B) {
	src := os.Getenv("RASAD_BENCH_DB")
	if src == "" {
		b.Skip("RASAD_BENCH_DB not set (a store to add articles to)")
	}
	query := os.Getenv("RASAD_BENCH_QUERY")
	if query == "" {
		query = "وزير الخارجية"
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
	ing := &PipelineIngester{Store: store, Stories: eng}
	// stories and stored timelines up to date before measuring
	t0 := time.Now()
	if _, err := ing.Ingest(ctx, []*rasad.Article{benchArticle(-1, time.Now())}); err != nil {
		b.Fatal(err)
	}
	b.Logf("catch-up (stories and stored timelines of the store): %s", time.Since(t0).Round(time.Millisecond))
	meta, _ := store.StoryMeta(ctx)
	base := meta.Latest
	cs, _ := store.StoryClusters(ctx, base.Add(-24*time.Hour), false)
	storyID := ""
	if len(cs) > 0 {
		storyID = cs[len(cs)-1].ID
	}
	store.PutWatch(ctx, rasad.Watch{ID: "bq", Kind: "query", Target: query})
	store.PutWatch(ctx, rasad.Watch{ID: "bs", Kind: "story", Target: storyID})
	live := NewLive(store)
	note := &Notify{Store: store, Entries: live.Entries, Delta: live, Touches: StoreTouches(store)}
	note.Notify(ctx, base)
	b.Logf("store: %d articles; watching query %q and story %s", n, query, storyID)
	var tIngest, tNotify time.Duration
	if prof := os.Getenv("RASAD_BENCH_CPUPROFILE"); prof != "" {
		// the measured loop alone (go test -cpuprofile would also take the catch-up)
		f, err := os.Create(prof)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			b.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	// one article before the clock: the first ingest of a process reads
	// the stored collection knowledge (once, ~1 s on 24k), which is not
	// the steady-state cost of an article
	if _, err := ing.Ingest(ctx, []*rasad.Article{benchArticle(1_000_000, base)}); err != nil {
		b.Fatal(err)
	}
	cpu0 := testcorpus.CPUTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := benchArticle(i, base.Add(time.Duration(i+1)*time.Minute))
		t0 := time.Now()
		res, err := ing.Ingest(ctx, []*rasad.Article{a})
		if err != nil || res[0].Status != rasad.New {
			b.Fatalf("%+v %v", res, err)
		}
		t1 := time.Now()
		now := base.Add(time.Duration(i+1) * time.Minute)
		if err := note.AnnounceArticles(ctx, now, []string{res[0].ID}); err != nil {
			b.Fatal(err)
		}
		if err := note.Deliver(ctx, now); err != nil {
			b.Fatal(err)
		}
		tIngest += t1.Sub(t0)
		tNotify += time.Since(t1)
	}
	b.ReportMetric(float64((testcorpus.CPUTime()-cpu0).Microseconds())/float64(b.N)/1000, "cpu-ms/op")
	b.ReportMetric(float64(tIngest.Microseconds())/float64(b.N)/1000, "ms-ingest+stories+timelines/op")
	b.ReportMetric(float64(tNotify.Microseconds())/float64(b.N)/1000, "ms-notify/op")
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
