package sqlite

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/storetest"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) rasad.Store {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.Article(t, "x1", "", "", "عنوان", "نص أول عن المحادثات.\nسطر ثان.\n", "2024-03-10")
	if _, err := s.Put(ctx, []*rasad.Article{a}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path) // migrations run again: nothing to do
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _, _ := s.Count(ctx); n != 1 {
		t.Errorf("%d articles after reopen", n)
	}
	if hits, err := s.Search(ctx, rasad.SearchQuery{Text: "المحادثات"}); err != nil || len(hits) != 1 {
		t.Errorf("search after reopen: %v %v", hits, err)
	}
}

func TestOpenBadPath(t *testing.T) {
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "no", "such", "dir", "x.db")); err == nil {
		t.Errorf("open in a missing directory succeeded")
	}
}

func TestConcurrentOpenMigratesOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			s, err := Open(context.Background(), path)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Errorf("concurrent open: %v", err)
		}
	}
}

// Known tells which IDs are stored, in chunks larger than SQLite's
// parameter limit too.
func TestKnown(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := storetest.Article(t, "k1", "", "", "عنوان", "نص عن الاجتماع في المدينة.\n", "2024-03-10")
	if _, err := s.Put(ctx, []*rasad.Article{a}); err != nil {
		t.Fatal(err)
	}
	ids := []string{"nope"}
	for i := 0; i < 1200; i++ {
		ids = append(ids, fmt.Sprintf("x%d", i))
	}
	ids = append(ids, a.ID)
	got, err := s.Known(ctx, ids)
	if err != nil || len(got) != 1 || !got[a.ID] {
		t.Errorf("Known = %v, %v; want only %s", got, err, a.ID)
	}
	if got, err := s.Known(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("Known(nil) = %v, %v", got, err)
	}
}

// A migration that changes the full-text index asks Open to fill it again
// from the stored articles (fts_reindex): search finds them afterwards.
func TestReindexOnOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "x.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*rasad.Article
	for i := 0; i < 700; i++ { // more than one reindex chunk
		arts = append(arts, storetest.Article(t, fmt.Sprintf("r%d", i), "", "", "عنوان", fmt.Sprintf("نص رقم %d عن المفاوضات في المدينة.\n", i), "2024-03-10"))
	}
	arts = append(arts, storetest.Article(t, "unique", "", "", "عنوان", "التقى الوفدان في قاعة المؤتمرات الكبرى.\n", "2024-03-10"))
	if _, err := s.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	// an index from before the migration: emptied, marked for reindexing
	for _, q := range []string{`INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')`, `CREATE TABLE fts_reindex (pending INTEGER NOT NULL)`} {
		if _, err := s.DB().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if hits, _ := s.Search(ctx, rasad.SearchQuery{Text: "المؤتمرات"}); len(hits) != 0 {
		t.Fatalf("emptied index still finds %d", len(hits))
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if hits, err := s.Search(ctx, rasad.SearchQuery{Text: "المؤتمرات"}); err != nil || len(hits) != 1 {
		t.Errorf("after reindex: %d hits, %v", len(hits), err)
	}
	if hits, err := s.Search(ctx, rasad.SearchQuery{Text: "المفاوضات", Limit: 1000}); err != nil || len(hits) != 700 {
		t.Errorf("after reindex: %d hits for a word of 700 articles, %v", len(hits), err)
	}
	var n int
	s.DB().QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'fts_reindex'`).Scan(&n)
	if n != 0 {
		t.Error("fts_reindex not dropped")
	}
}

// A store migrated to a higher number before a lower-numbered migration
// landed (branches number their migrations in ranges of their own) still
// gets it: migrations are recorded by name. A read-only open tells the
// user to migrate first.
func TestMigrationBelowVersionApplied(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	// as a store of the last release was: at version 50, without the
	// stored timelines (0030) and without the record of names
	// (nor the tables of migrations numbered above 50)
	for _, q := range []string{`DROP TABLE story_timelines`, `DROP TABLE timeline_marks`, `DROP TABLE schema_migrations`, `PRAGMA user_version = 50`,
		`DROP TABLE knowledge`, `DROP TABLE knowledge_state`, `DROP TABLE knowledge_log`, // 0060
		`DROP TABLE timeline_seq`, `DROP INDEX story_clusters_list`, // 0065, 0066
	} {
		if _, err := s.DB().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if ro, err := OpenReadOnly(ctx, path); err == nil {
		ro.Close()
		t.Fatal("read-only open of a store missing a migration succeeded")
	} else if !strings.Contains(err.Error(), "0030_story_timelines.sql") && !strings.Contains(err.Error(), "open it once with writes on") {
		t.Errorf("read-only open: %v", err)
	}
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	if _, err := s.StaleTimelines(ctx, "v"); err != nil {
		t.Fatalf("after migrating: %v", err)
	}
	var v int
	s.DB().QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v)
	s.Close()
	if want := highestMigration(t); v != want {
		t.Errorf("user_version %d, want %d (the highest applied)", v, want)
	}
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("read-only open after migrating: %v", err)
	}
	ro.Close()
	// opening again applies nothing (a migration applied twice would fail:
	// CREATE TABLE of an existing table)
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// highestMigration is the number of the last migration.
func highestMigration(t *testing.T) int {
	ents, err := fs.ReadDir(migrations, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range ents {
		k, _ := strconv.Atoi(e.Name()[:4])
		n = max(n, k)
	}
	return n
}

// Every connection of a store checkpoints its WAL every 10,000 pages (see
// Open), not SQLite's default 1,000.
func TestWALAutocheckpoint(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.DB().QueryRow(`PRAGMA wal_autocheckpoint`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 10000 {
		t.Fatalf("wal_autocheckpoint = %d, want 10000", n)
	}
}

// TestVersionsWithinAndAcrossBatches: a new text under a URL is that
// page's next version whether the earlier text came in an earlier batch,
// earlier in the same batch, or only as a second report of another text;
// a URL nobody read before gives no version (Put asks the store once per
// batch which URLs it knows: knownURLs).
func TestVersionsWithinAndAcrossBatches(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "v.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	art := func(ext, url, text string) *rasad.Article {
		return storetest.Article(t, ext, "مصدر", url, "عنوان "+ext, text, "2024-05-01")
	}
	const u1, u2, u3 = "https://example.org/one", "https://example.org/two", "https://example.org/three"
	type want struct {
		status  rasad.PutStatus
		prev    int // index into all, -1 none
		version int
	}
	var all []*rasad.Article
	check := func(batch []*rasad.Article, wants []want) {
		t.Helper()
		res, err := s.Put(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range wants {
			prev := ""
			if w.prev >= 0 {
				prev = all[w.prev].ID
			}
			if r := res[i]; r.Status != w.status || r.Previous != prev || r.Version != w.version {
				t.Errorf("%s: got %+v, want status %v previous %q version %d", batch[i].Reports[0].ExtID, r, w.status, prev, w.version)
			}
		}
	}
	all = append(all, art("a", u1, "بدأ المهرجان السنوي للكتاب في المدينة القديمة."),
		art("b", u1, "بدأ المهرجان السنوي للكتاب في المدينة القديمة وسط حضور كبير."), // same batch, same URL
		art("c", u2, "افتتحت البلدية حديقة عامة جديدة قرب النهر."))
	check(all[0:3], []want{{rasad.New, -1, 0}, {rasad.New, 0, 2}, {rasad.New, -1, 0}})
	d := art("d", u3, "افتتحت البلدية حديقة عامة جديدة قرب النهر.") // c's text again under u3: a report of c
	all = append(all, d,
		art("e", u1, "انتهى المهرجان السنوي للكتاب بعد أسبوع."), // an earlier batch's URL
		art("f", u3, "أغلقت البلدية الحديقة الجديدة للصيانة."),  // u3 known only by d's report
		art("g", "https://example.org/four", "نص لم يقرأ من قبل تحت هذا العنوان."))
	check(all[3:7], []want{{rasad.NewReport, -1, 0}, {rasad.New, 1, 3}, {rasad.New, 2, 2}, {rasad.New, -1, 0}})
}
