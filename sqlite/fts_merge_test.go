package sqlite

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/storetest"
)

// ftsArticles makes n articles of words drawn from a small vocabulary
// (fixed seed), so that terms recur with different frequencies.
func ftsArticles(t *testing.T, n int) []*rasad.Article {
	words := strings.Fields(`اجتماع وزير الاقتصاد مدينة حكومة مفاوضات النفط الزراعة المطر القمح السوق
		الطريق جسر مدرسة مستشفى الميناء القطار الكهرباء الماء البرلمان الشتاء الصيف الحدود التجارة`)
	r := rand.New(rand.NewSource(7))
	pick := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = words[r.Intn(len(words))]
		}
		return strings.Join(ws, " ")
	}
	arts := make([]*rasad.Article, n)
	for i := range arts {
		var body strings.Builder
		for s := 0; s < 2+r.Intn(4); s++ {
			body.WriteString(pick(6+r.Intn(10)) + ".\n")
		}
		arts[i] = storetest.Article(t, fmt.Sprintf("m%d", i), "وكالة", fmt.Sprintf("https://example.org/m%d", i),
			pick(3), body.String(), fmt.Sprintf("2024-03-%02d", 1+i%28))
	}
	return arts
}

// TestFTSMergeSettingsKeepResults: the full-text index's merge settings
// (0068: hashsize, automerge) change how its segments are laid out, never
// what a search finds or how it ranks: a store with Rasad's settings and
// one that merges sooner (automerge 2, SQLite's default hashsize), given
// the same batches, have different segments and answer the same.
func TestFTSMergeSettingsKeepResults(t *testing.T) {
	ctx := context.Background()
	arts := ftsArticles(t, 600)
	open := func(name string, other bool) *Store {
		s, err := Open(ctx, filepath.Join(t.TempDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		// small leaves, so that a few hundred articles make enough of
		// them for the merges to run (FTS5 merges every 64 leaves written)
		settings := []string{`INSERT INTO articles_fts(articles_fts, rank) VALUES ('pgsz', 64)`}
		if other {
			settings = append(settings, `INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 2)`,
				`INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 1048576)`)
		}
		for _, q := range settings {
			if _, err := s.db.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		for lo := 0; lo < len(arts); lo += 20 {
			if _, err := s.Put(ctx, arts[lo:lo+20]); err != nil {
				t.Fatal(err)
			}
		}
		return s
	}
	ours, others := open("ours.db", false), open("others.db", true)
	setting := func(s *Store, k string) (v int) {
		if err := s.db.QueryRowContext(ctx, `SELECT v FROM articles_fts_config WHERE k = ?`, k).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	if a, h := setting(ours, "automerge"), setting(ours, "hashsize"); a != 8 || h != 8<<20 {
		t.Errorf("automerge %d, hashsize %d; want 8 and 8 MiB", a, h)
	}
	segments := func(s *Store) (n int) {
		if err := s.db.QueryRowContext(ctx, `SELECT count(DISTINCT segid) FROM articles_fts_idx`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	t.Logf("segments: %d, %d", segments(ours), segments(others))
	if a, b := segments(ours), segments(others); a == b {
		t.Errorf("both stores have %d segments: the test does not compare two layouts", a)
	}
	for _, q := range []string{"النفط", "وزير الاقتصاد", `"وزير الاقتصاد"`, "القمح OR الكهرباء", "مدينة -القطار",
		"البرلمان NOT الحدود", `الشتاء -"السوق الطريق"`, "جسر مدرسة مستشفى الميناء", "غائبة", "التجارة الماء OR الصيف"} {
		want, err := others.Search(ctx, rasad.SearchQuery{Text: q, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		got, err := ours.Search(ctx, rasad.SearchQuery{Text: q, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %d hits, %d with other settings, or another order or score", q, len(got), len(want))
		}
		if q != "غائبة" && len(want) == 0 {
			t.Errorf("%s finds nothing: the test compares nothing", q)
		}
		wantIDs, _ := others.MatchIDs(ctx, q)
		gotIDs, _ := ours.MatchIDs(ctx, q)
		if !reflect.DeepEqual(gotIDs, wantIDs) {
			t.Errorf("%s: MatchIDs differ", q)
		}
	}
}

// TestReportsByArticleUseIndex: with reports_article gone (0067), a
// lookup of an article's reports still searches an index.
func TestReportsByArticleUseIndex(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range []string{`SELECT ext_id FROM reports WHERE article_id IN ('a', 'b') ORDER BY id`,
		`SELECT min(id) FROM reports WHERE article_id = 'a'`} {
		rows, err := s.db.Query(`EXPLAIN QUERY PLAN ` + q)
		if err != nil {
			t.Fatal(err)
		}
		var plan strings.Builder
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan.WriteString(detail + "; ")
		}
		rows.Close()
		if !strings.Contains(plan.String(), "SEARCH reports USING") || !strings.Contains(plan.String(), "(article_id=?)") {
			t.Errorf("%s: plan %s", q, plan.String())
		}
	}
}
