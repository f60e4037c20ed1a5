package watch

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/sqlite"
	"github.com/rasad/rasad/story"
)

// onlyWatches shows a notifier the watches whose ID has a prefix.
type onlyWatches struct {
	rasad.WatchStore
	prefix string
}

func (o onlyWatches) Watches(ctx context.Context) ([]rasad.Watch, error) {
	ws, err := o.WatchStore.Watches(ctx)
	var out []rasad.Watch
	for _, w := range ws {
		if strings.HasPrefix(w.ID, o.prefix) {
			out = append(out, w)
		}
	}
	return out, err
}

// liveArticles makes n articles of our own (four outlets, some texts sent
// again by a second outlet, publication times out of order) in random
// batches.
func liveArticles(rng *rand.Rand, n int) [][]*rasad.Article {
	base := time.Date(2021, 3, 1, 8, 0, 0, 0, time.UTC)
	var arts []*rasad.Article
	for i := 0; i < n; i++ {
		pub := base.Add(time.Duration(i)*40*time.Minute + time.Duration(rng.Intn(300)-150)*time.Minute)
		k := i
		if i > 10 && rng.Intn(8) == 0 {
			k = rng.Intn(i) // the same text again, from another outlet
		}
		title, body := articleText(k, pub)
		if k%4 == 1 {
			body += "وأضاف أن الرئيس سيحضر القمة المقبلة في " + cities[(k+1)%len(cities)] + ".\n"
		}
		if k%5 == 2 {
			// the surname alone: an entity watch on it gains the person's key
			sur := people[k%len(people)]
			sur = sur[strings.LastIndex(sur, " ")+1:]
			body += "وقال " + sur + " إن الاتفاق سيوقع في " + cities[(k+2)%len(cities)] + " الأسبوع المقبل.\n"
		}
		p := pub
		arts = append(arts, &rasad.Article{Title: title, Text: body, Published: &p,
			Reports: []rasad.Report{{ExtID: fmt.Sprintf("l%d", i), Source: fmt.Sprintf("outlet %d", i%4), Format: "feed", Origin: fmt.Sprintf("live#%d", i)}}})
	}
	var out [][]*rasad.Article
	for len(arts) > 0 {
		m := min(len(arts), 1+rng.Intn(6))
		out = append(out, arts[:m])
		arts = arts[m:]
	}
	return out
}

// TestLiveEqualsFull follows query and entity watches round by round with
// Live and, beside them, the same watches computed in full every round
// (StoreEntries): on random sequences of batches both queue the same
// notifications, in the same order, with the same payloads.
func TestLiveEqualsFull(t *testing.T) {
	for seed := int64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { testLiveEqualsFull(t, seed) })
	}
}

func testLiveEqualsFull(t *testing.T, seed int64) {
	ctx := context.Background()
	rng := rand.New(rand.NewSource(seed))
	store, err := sqlite.Open(ctx, t.TempDir()+"/live.db")
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	const limit = 12 // small, so that new matches push old ones out
	targets := []rasad.Watch{
		{Kind: "query", Target: "وزير"},           // every article
		{Kind: "query", Target: "المياه"},         // some
		{Kind: "query", Target: `"وزير الطاقة"`},  // a phrase
		{Kind: "query", Target: "الطاقة الزراعة"}, // no article has both: any of them
		{Kind: "query", Target: "الرئيس -بيروت"},  // an exclusion
		{Kind: "entity", Target: "سمير الخطيب"},   // a person
		{Kind: "entity", Target: "الشامي"},        // a surname: its keys grow
		{Kind: "query", Target: "كلمةلاتوجد"},     // nothing
	}
	for i, w := range targets {
		for _, p := range []string{"L", "F"} {
			w.ID = fmt.Sprintf("%s-%d", p, i)
			if err := store.PutWatch(ctx, w); err != nil {
				t.Fatal(err)
			}
		}
	}
	live := &Live{Store: store, Limit: limit}
	nl := &Notify{Store: onlyWatches{store, "L-"}, Entries: live.Entries, Delta: live}
	nf := &Notify{Store: onlyWatches{store, "F-"}, Entries: storeEntries(store, limit)}
	ing := &PipelineIngester{Store: store, Stories: story.NewEngine(store, story.Options{})}
	now := time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)
	rounds, news, updates := 0, 0, 0
	for _, batch := range liveArticles(rng, 90) {
		res, err := ing.Ingest(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, o := range res {
			if o.Status == rasad.New || o.Status == rasad.NewReport {
				ids = append(ids, o.ID)
			}
		}
		now = now.Add(5 * time.Minute)
		if err := nl.AnnounceArticles(ctx, now, ids); err != nil {
			t.Fatal(err)
		}
		if err := nf.AnnounceArticles(ctx, now, ids); err != nil {
			t.Fatal(err)
		}
		rounds++
		for i := range targets {
			a, _ := store.Notifications(ctx, fmt.Sprintf("L-%d", i))
			b, _ := store.Notifications(ctx, fmt.Sprintf("F-%d", i))
			if len(a) != len(b) {
				t.Fatalf("round %d, watch %v: live queued %d notifications, full %d", rounds, targets[i], len(a), len(b))
			}
			for k := range a {
				x, y := a[k], b[k]
				if x.Kind != y.Kind || x.EntryKey != y.EntryKey || x.Revision != y.Revision || string(x.Payload) != string(y.Payload) {
					t.Fatalf("round %d, watch %v, notification %d:\nlive %s %s %d %s\nfull %s %s %d %s", rounds, targets[i], k,
						x.Kind, x.EntryKey, x.Revision, x.Payload, y.Kind, y.EntryKey, y.Revision, y.Payload)
				}
			}
		}
	}
	for i := range targets {
		ns, _ := store.Notifications(ctx, fmt.Sprintf("L-%d", i))
		for _, n := range ns {
			if n.Kind == "new" {
				news++
			} else {
				updates++
			}
		}
		t.Logf("watch %v: %d notifications", targets[i], len(ns))
	}
	t.Logf("%d rounds: %d new entries, %d updates, the same from both", rounds, news, updates)
	if news < 50 || updates == 0 {
		t.Errorf("too little to compare: %d new entries, %d updates", news, updates)
	}
}
