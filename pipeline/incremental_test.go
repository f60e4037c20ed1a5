package pipeline

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/internal/sqldump"
	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/sqlite"
	"github.com/rasad/rasad/story"
)

// storyArticles makes n articles of our own about a few running stories
// over several weeks, with wire copies among them (the same text under
// another outlet), published in order.
func storyArticles(n int) []*rasad.Article {
	topics := []struct{ who, where, what string }{
		{"وزير الزراعة سمير الخطيب", "مسقط", "خطة الري المشتركة وتقاسم مياه السدود"},
		{"وزيرة الصحة ليلى منصور", "تونس", "حملة التطعيم الوطنية ضد الحصبة في المدارس"},
		{"رئيس الوزراء كريم الشامي", "بيروت", "موازنة العام المقبل وخفض العجز المالي"},
		{"المبعوث الأممي فادي حداد", "الرباط", "محادثات السلام بين الأطراف المتنازعة"},
		{"وزير النقل رامي سلامة", "عمان", "مشروع السكك الحديدية الإقليمي وتمويله"},
	}
	verbs := []string{"التقى", "بحث", "ناقش", "استقبل", "أعلن"}
	fillers := []string{
		"وشهدت العاصمة أمطارا غزيرة أدت إلى إغلاق عدد من الطرق الرئيسية.",
		"وتشير تقديرات البنك المركزي إلى تباطؤ النمو خلال الربع الثاني.",
		"وكان البرلمان قد أقر تعديلات على قانون الاستثمار في جلسة سابقة.",
		"ويتوقع خبراء ارتفاع أسعار الوقود مع بداية فصل الصيف.",
		"وأعربت نقابات العمال عن قلقها من تأخر صرف الرواتب.",
		"وافتتح معرض الكتاب أبوابه أمام الزوار بمشاركة مئات الناشرين.",
		"وتستعد الجامعات لاستقبال الطلاب الجدد بعد انتهاء العطلة.",
		"وأطلقت البلدية حملة لتنظيف الشواطئ بمشاركة متطوعين.",
		"وسجلت حركة الملاحة في الميناء زيادة ملحوظة مقارنة بالعام الماضي.",
		"وأكد مسؤولون أن مشروع الطاقة الشمسية سيكتمل قبل نهاية العام.",
		"ونظم ناشطون وقفة احتجاجية أمام مقر الوزارة للمطالبة بفرص عمل.",
		"وتراجعت أسعار الذهب في الأسواق المحلية للأسبوع الثالث على التوالي.",
	}
	base := time.Date(2019, 4, 1, 6, 0, 0, 0, time.UTC)
	var out []*rasad.Article
	for i := 0; len(out) < n; i++ {
		tp := topics[(i*7/3)%len(topics)]
		pub := base.Add(time.Duration(i) * 97 * time.Minute)
		text := fmt.Sprintf("%s %s في %s اليوم ملف %s.\n%s\nوقال مصدر مطلع إن الجلسة رقم %d تناولت تفاصيل %s.\n%s\n%s\n",
			verbs[i%len(verbs)], tp.who, tp.where, tp.what, fillers[i%len(fillers)], i, tp.what, fillers[(i*5+3)%len(fillers)], fillers[(i*7+1)%len(fillers)])
		a := &rasad.Article{Title: fmt.Sprintf("%s يبحث %s (%d)", tp.who, tp.what, i), Text: text, Published: &pub,
			Reports: []rasad.Report{{ExtID: fmt.Sprintf("g%d", i), Source: fmt.Sprintf("منفذ %d", i%4), Format: "jsonl", Origin: fmt.Sprintf("gen:%d", i)}}}
		out = append(out, a)
		if i%9 == 4 && len(out) < n { // a wire copy an hour later, re-edited at the end
			p2 := pub.Add(time.Hour)
			c := &rasad.Article{Title: a.Title, Text: text + "(وكالات)\n", Published: &p2,
				Reports: []rasad.Report{{ExtID: fmt.Sprintf("c%d", i), Source: "منفذ ناقل", Format: "jsonl", Origin: fmt.Sprintf("copy:%d", i)}}}
			out = append(out, c)
		}
	}
	return out
}

func corpusArticles(t testing.TB, n int) []*rasad.Article {
	var out []*rasad.Article
	for i, d := range testcorpus.Load(t, n) {
		a := &rasad.Article{Title: d.Title, Text: d.Text, Reports: []rasad.Report{{ExtID: d.ID, Source: d.Source, Format: "jsonl", Origin: fmt.Sprintf("ant-dev:%d", i+1)}}}
		if p, err := ingest.ParseTime(d.Published); err == nil {
			u := p.UTC()
			a.Published = &u
		}
		out = append(out, a)
	}
	return out
}

// storyDump is the stored story state, every column.
func storyDump(t *testing.T, db *sql.DB) string {
	t.Helper()
	return sqldump.Rows(t, db,
		`SELECT article_id, story_id FROM story_members ORDER BY article_id`,
		`SELECT id, seq, first, last, rep, rep_sim, title, ss, coalesce(centroid, ''), size, info FROM story_clusters ORDER BY id`,
		`SELECT a, b, kind, similarity FROM copies ORDER BY a, b`,
		`SELECT term, df FROM story_df ORDER BY term`,
		`SELECT article_id, seq, published, hex(sig) FROM story_sigs ORDER BY article_id`,
		`SELECT n, latest, next_seq FROM story_meta`,
	)
}

// timelineDump is the stored story timelines and the marks left.
func timelineDump(t *testing.T, db *sql.DB) string {
	t.Helper()
	return sqldump.Rows(t, db,
		`SELECT story_id, version, entries FROM story_timelines ORDER BY story_id`,
		`SELECT count(*) FROM timeline_marks`,
	)
}

func diffLine(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\nfull        %.400s\nincremental %.400s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d vs %d lines", len(al), len(bl))
}

// Incremental assignment in batches of any size, by engines that keep
// their state in memory or read it back from the store, ends in the same
// stored stories as a full rebuild over the same analysed articles.
func TestIncrementalStoriesEqualRebuild(t *testing.T) {
	t.Run("generated", func(t *testing.T) { testIncrementalEqualsRebuild(t, storyArticles(400)) })
	t.Run("ant-dev", func(t *testing.T) { testIncrementalEqualsRebuild(t, corpusArticles(t, 1000)) })
}

func testIncrementalEqualsRebuild(t *testing.T, arts []*rasad.Article) {
	ctx := context.Background()
	dir := t.TempDir()
	full, err := sqlite.Open(ctx, dir+"/full.db")
	if err != nil {
		t.Fatal(err)
	}
	defer full.Close()
	if _, err := New(full, Options{Batch: len(arts)}).IngestArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := RebuildStoriesFully(ctx, full, story.Options{}); err != nil {
		t.Fatal(err)
	}
	t.Logf("rebuild of %d articles: %s", len(arts), time.Since(start))
	want := storyDump(t, full.DB())
	// a rebuild over stored stories starts from nothing too
	if _, err := RebuildStoriesFully(ctx, full, story.Options{}); err != nil {
		t.Fatal(err)
	}
	if again := storyDump(t, full.DB()); again != want {
		t.Fatalf("a second rebuild differs: %s", diffLine(want, again))
	}
	stories, err := StoredStories(ctx, full)
	if err != nil {
		t.Fatal(err)
	}
	multi, copies := 0, 0
	for _, s := range stories {
		if len(s.Articles) > 1 {
			multi++
		}
		copies += len(s.Copies)
	}
	t.Logf("%d stories, %d with 2+ articles, %d copy pairs inside stories", len(stories), multi, copies)
	if multi == 0 || len(stories) >= len(arts) {
		t.Fatalf("no story grouped anything: %d stories of %d articles", len(stories), len(arts))
	}

	// the same analysed articles, assigned as they would arrive: batches of
	// random size, engines kept or made afresh (state read from the store)
	inc, err := sqlite.Open(ctx, dir+"/inc.db")
	if err != nil {
		t.Fatal(err)
	}
	defer inc.Close()
	if _, err := New(inc, Options{Batch: len(arts)}).IngestArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	ids, err := inc.IDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(7))
	eng := story.NewEngine(inc, story.Options{})
	for len(ids) > 0 {
		k := min(len(ids), 1+rng.Intn(40))
		if rng.Intn(4) == 0 {
			eng = story.NewEngine(inc, story.Options{}) // a restarted process
		}
		docs, err := loadDocs(ctx, inc, ids[:k])
		if err != nil {
			t.Fatal(err)
		}
		if err := eng.Add(ctx, docs); err != nil {
			t.Fatal(err)
		}
		ids = ids[k:]
		if rng.Intn(3) == 0 { // a round that read its watches' timelines
			if _, err := UpdateTimelines(ctx, inc); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got := storyDump(t, inc.DB()); got != want {
		t.Fatalf("incremental stories differ from the rebuild: %s", diffLine(want, got))
	}
	// the stored timelines, merged story by story as articles came in,
	// equal those of the rebuild
	if _, err := UpdateTimelines(ctx, inc); err != nil {
		t.Fatal(err)
	}
	wantTL := timelineDump(t, full.DB())
	if got := timelineDump(t, inc.DB()); got != wantTL {
		t.Fatalf("incremental timelines differ from the rebuild: %s", diffLine(wantTL, got))
	}
	if n := strings.Count(wantTL, `"date"`); n == 0 {
		t.Fatalf("no stored timeline entry: the comparison checks nothing")
	} else {
		t.Logf("%d stored timeline entries", n)
	}
	// nothing left to assign; catching up changes nothing
	if n, err := UpdateStories(ctx, inc, eng); err != nil || n != 0 {
		t.Fatalf("catch-up: %d %v", n, err)
	}
}
