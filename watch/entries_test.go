package watch

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/sqlite"
	"github.com/rasad/rasad/story"
)

func ownArticle(id, published, title, text string) *rasad.Article {
	p, _ := time.Parse(time.RFC3339, published)
	return &rasad.Article{Title: title, Text: text, Published: &p,
		Reports: []rasad.Report{{ExtID: id, Source: "منفذ", Format: "feed", Origin: "test#" + id}}}
}

// Watches read the stored story timelines: a story watch its story's, a
// query watch the entries its matches report, an entity watch those of
// them it takes part in. A round whose articles do not match a query does
// not touch its watch; one that does announces the new entry once.
func TestStoreEntries(t *testing.T) {
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ing := &PipelineIngester{Store: store, Stories: story.NewEngine(store, story.Options{})}
	ingest := func(a *rasad.Article) string {
		t.Helper()
		res, err := ing.Ingest(ctx, []*rasad.Article{a})
		if err != nil || res[0].Status != rasad.New {
			t.Fatalf("ingest %s: %+v %v", a.Reports[0].ExtID, res, err)
		}
		return res[0].ID
	}
	ingest(ownArticle("t1", "2024-03-10T09:00:00Z", "العدوان يلتقي الريامي في مسقط",
		"التقى وزير الخارجية الأردني سامر العدوان نظيره العماني خالد الريامي في مسقط يوم الأحد لبحث التعاون التجاري بين البلدين.\n"))
	ingest(ownArticle("t2", "2024-03-12T09:00:00Z", "اتفاق تونسي ليبي على تصدير زيت الزيتون",
		"وقع وزير الزراعة التونسي منير بن عمر اتفاقا مع وزير الزراعة الليبي سالم المقريف في طرابلس يوم الثلاثاء لتصدير زيت الزيتون إلى ليبيا.\n"))
	for _, w := range []rasad.Watch{{ID: "q", Kind: "query", Target: "زيت الزيتون"}, {ID: "e", Kind: "entity", Target: "الاتحاد الأوروبي"}} {
		if err := store.PutWatch(ctx, w); err != nil {
			t.Fatal(err)
		}
	}
	entries := StoreEntries(store)
	q, err := entries(ctx, rasad.Watch{ID: "q", Kind: "query", Target: "زيت الزيتون"})
	if err != nil {
		t.Fatal(err)
	}
	if len(q) == 0 {
		t.Fatal("query watch: no entry")
	}
	for _, e := range q {
		if !strings.Contains(fmt.Sprint(e.Sources), "t2") || strings.Contains(fmt.Sprint(e.Sources), "t1") {
			t.Errorf("query watch entry not from the matching article: %+v", e)
		}
	}
	note := &Notify{Store: store, Entries: entries, Touches: StoreTouches(store)}
	now := time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)
	if err := note.Notify(ctx, now); err != nil {
		t.Fatal(err)
	}
	first, _ := store.Notifications(ctx, "q")
	// an article about something else: the query watch is not touched
	other := ingest(ownArticle("t3", "2024-03-13T09:00:00Z", "فوز الفريق في المباراة النهائية",
		"فاز الفريق المحلي في المباراة النهائية للبطولة بهدفين نظيفين أمام جمهوره مساء الأربعاء.\n"))
	if touched, err := StoreTouches(store)(ctx, rasad.Watch{Kind: "query", Target: "زيت الزيتون"}, []string{other}); err != nil || touched {
		t.Errorf("an article without the query's words touches its watch: %v %v", touched, err)
	}
	// a new meeting about olive oil: announced once, to both watches
	id := ingest(ownArticle("t4", "2024-03-14T09:00:00Z", "بن عمر يبحث صادرات زيت الزيتون مع سفير الاتحاد الأوروبي",
		"التقى وزير الزراعة التونسي منير بن عمر سفير الاتحاد الأوروبي ماركوس كورنارو في تونس يوم الخميس لبحث صادرات زيت الزيتون إلى أوروبا.\n"))
	if err := note.AnnounceArticles(ctx, now.Add(time.Hour), []string{id}); err != nil {
		t.Fatal(err)
	}
	if err := note.AnnounceArticles(ctx, now.Add(2*time.Hour), []string{id}); err != nil {
		t.Fatal(err)
	}
	after, _ := store.Notifications(ctx, "q")
	news := 0
	for _, n := range after[len(first):] {
		if n.Kind == "new" {
			news++
			if !strings.Contains(string(n.Payload), "t4") {
				t.Errorf("new notice not from the new article: %s", n.Payload)
			}
		}
	}
	if news != 1 {
		t.Errorf("%d new notices after the new article, want 1 (%d before)", news, len(first))
	}
	if es, _ := store.Notifications(ctx, "e"); len(es) == 0 {
		t.Errorf("entity watch announced nothing")
	} else {
		for _, n := range es {
			if !strings.Contains(string(n.Payload), "European Union") || strings.Contains(string(n.Payload), "t2") {
				t.Errorf("entity watch entry without the entity: %s", n.Payload)
			}
		}
	}
}
