// Package storetest is the contract suite every rasad.Store implementation
// must pass. A backend's test calls Run with a function that opens a fresh,
// empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/ingest"
)

// Opener returns a new empty store; the suite closes it.
type Opener func(t *testing.T) rasad.Store

// Run runs the contract suite.
func Run(t *testing.T, open Opener) {
	t.Run("PutGet", func(t *testing.T) { testPutGet(t, open(t)) })
	t.Run("Idempotent", func(t *testing.T) { testIdempotent(t, open(t)) })
	t.Run("ReportsOfCopies", func(t *testing.T) { testReports(t, open(t)) })
	t.Run("GetRefs", func(t *testing.T) { testGetRefs(t, open(t)) })
	t.Run("BatchAtomic", func(t *testing.T) { testAtomic(t, open(t)) })
	t.Run("Search", func(t *testing.T) { testSearch(t, open(t)) })
	t.Run("Concurrent", func(t *testing.T) { testConcurrent(t, open(t)) })
	t.Run("Analysis", func(t *testing.T) { testAnalysis(t, open(t)) })
	t.Run("ScanAndStories", func(t *testing.T) { testScanStories(t, open(t)) })
	t.Run("Articles", func(t *testing.T) { testArticles(t, open(t)) })
	t.Run("SearchFilters", func(t *testing.T) { testSearchFilters(t, open(t)) })
	t.Run("FeedQueue", func(t *testing.T) { testFeedQueue(t, open(t)) })
	t.Run("WatchAnnounce", func(t *testing.T) { testWatchAnnounce(t, open(t)) })
	t.Run("Versions", func(t *testing.T) { testVersions(t, open(t)) })
	t.Run("Timelines", func(t *testing.T) { testTimelines(t, open(t)) })
	t.Run("Knowledge", func(t *testing.T) { testKnowledge(t, open(t)) })
}

// Article builds a prepared article from text, as ingest would.
func Article(t testing.TB, extID, source, url, title, text string, published string) *rasad.Article {
	t.Helper()
	a := &rasad.Article{
		Title: title, Text: text,
		Reports: []rasad.Report{{ExtID: extID, Source: source, URL: url, Format: "jsonl", Origin: "test:" + extID, IngestedAt: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}},
	}
	if published != "" {
		p, err := ingest.ParseTime(published)
		if err != nil {
			t.Fatal(err)
		}
		a.Published, a.PublishedFrom, a.PublishedConfidence = &p, "input", 1
		a.Reports[0].Published = &p
	}
	if err := ingest.Prepare(a); err != nil {
		t.Fatal(err)
	}
	return a
}

func corpus(t testing.TB) []*rasad.Article {
	return []*rasad.Article{
		Article(t, "a1", "وكالة أ", "https://example.org/a1", "مدبولي يلتقي نظيره في عمان",
			"يلتقي رئيس الوزراء المصري مصطفى مدبولي نظيره اليوم في عمان.\nوالتقى الوفدان المصري والأمريكي أمس.\nعادي\n", "2019-11-15"),
		Article(t, "a2", "صحيفة ب", "https://example.org/a2", "محادثات في بروكسل",
			"قال مصطفي مدبولي إن المحادثات صعبة.\nوأكد المسؤول الأميركي أن الحوار مستمر.\n", "2019-11-06"),
		Article(t, "a3", "موقع ج", "https://example.org/a3", "زلزال في جاوة",
			"ضرب زلزال بقوة 5.6 درجات جزيرة جاوة الإندونيسية.\nولم ترد معلومات عن الخسائر.\n", "2022-11-21"),
	}
}

func mustPut(t *testing.T, s rasad.Store, batch ...*rasad.Article) []rasad.PutResult {
	t.Helper()
	res, err := s.Put(context.Background(), batch)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	if len(res) != len(batch) {
		t.Fatalf("Put returned %d results for %d articles", len(res), len(batch))
	}
	return res
}

func testPutGet(t *testing.T, s rasad.Store) {
	defer s.Close()
	arts := corpus(t)
	arts[0].Raw = []byte(`{"raw":"كما قرئ"}`)
	arts[0].Warnings = []string{"a warning"}
	res := mustPut(t, s, arts...)
	for i, r := range res {
		if r.Status != rasad.New || r.ID != arts[i].ID {
			t.Errorf("result %d: %+v", i, r)
		}
	}
	got, err := s.Get(context.Background(), arts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if got.Text != a.Text || got.Title != a.Title || string(got.Raw) != string(a.Raw) {
		t.Errorf("text/title/raw not kept exactly")
	}
	if got.Published == nil || !got.Published.Equal(*a.Published) || got.PublishedFrom != "input" || got.PublishedConfidence != 1 {
		t.Errorf("published %v %q %v", got.Published, got.PublishedFrom, got.PublishedConfidence)
	}
	if len(got.Removed) != len(a.Removed) || len(got.Removed) != 1 || got.Body() != a.Body() {
		t.Errorf("removed spans not kept: %+v", got.Removed)
	}
	if len(got.Warnings) != 1 {
		t.Errorf("warnings not kept")
	}
	if len(got.Reports) != 1 || got.Reports[0].ExtID != "a1" || got.Reports[0].URL != "https://example.org/a1" || got.Reports[0].Source != "وكالة أ" {
		t.Errorf("reports %+v", got.Reports)
	}
	articles, reports, err := s.Count(context.Background())
	if err != nil || articles != 3 || reports != 3 {
		t.Errorf("Count = %d, %d, %v", articles, reports, err)
	}
}

func testIdempotent(t *testing.T, s rasad.Store) {
	defer s.Close()
	mustPut(t, s, corpus(t)...)
	for _, r := range mustPut(t, s, corpus(t)...) {
		if r.Status != rasad.Duplicate {
			t.Errorf("second put: %+v", r)
		}
	}
	if a, r, _ := s.Count(context.Background()); a != 3 || r != 3 {
		t.Errorf("after re-put: %d articles, %d reports", a, r)
	}
}

func testReports(t *testing.T, s rasad.Store) {
	defer s.Close()
	orig := corpus(t)[2]
	mustPut(t, s, orig)
	copyA := Article(t, "b7", "بوابة د", "https://example.org/copy", orig.Title, orig.Text+"شارك\n", "2022-11-21")
	if copyA.ID != orig.ID {
		t.Fatalf("copy with residue got another id")
	}
	res := mustPut(t, s, copyA, copyA)
	if res[0].Status != rasad.NewReport || res[1].Status != rasad.Duplicate {
		t.Errorf("copy statuses %v %v", res[0].Status, res[1].Status)
	}
	got, err := s.Get(context.Background(), orig.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Reports) != 2 || got.Reports[1].URL != "https://example.org/copy" {
		t.Errorf("reports %+v", got.Reports)
	}
	if got.Text != orig.Text {
		t.Errorf("a copy changed the stored text")
	}
}

func testGetRefs(t *testing.T, s rasad.Store) {
	defer s.Close()
	arts := corpus(t)
	mustPut(t, s, arts...)
	ctx := context.Background()
	for _, ref := range []string{arts[1].ID, arts[1].ID[:8], "a2"} {
		got, err := s.Get(ctx, ref)
		if err != nil || got.ID != arts[1].ID {
			t.Errorf("Get(%q) = %v, %v", ref, got, err)
		}
	}
	if _, err := s.Get(ctx, "nope-nothing"); !errors.Is(err, rasad.ErrNotFound) {
		t.Errorf("missing: %v", err)
	}
	if _, err := s.Get(ctx, ""); !errors.Is(err, rasad.ErrInvalid) {
		t.Errorf("empty ref: %v", err)
	}
	if _, err := s.Get(ctx, "%%%%%%"); !errors.Is(err, rasad.ErrNotFound) {
		t.Errorf("wildcard ref: %v", err)
	}
	// two texts under one input id: the error names both
	x := Article(t, "same-id", "مصدر س", "https://example.org/x1", "افتتاح سوق", "افتتحت البلدية سوقا شعبيا للخضار.\n", "2020-05-01")
	y := Article(t, "same-id", "مصدر ص", "https://example.org/y1", "إغلاق طريق", "أغلقت الشرطة الطريق الساحلي للصيانة.\n", "2020-05-02")
	mustPut(t, s, x, y)
	_, err := s.Get(ctx, "same-id")
	var amb *rasad.AmbiguousError
	if !errors.Is(err, rasad.ErrAmbiguous) || !errors.As(err, &amb) || len(amb.Candidates) != 2 {
		t.Fatalf("ambiguous ref: %v", err)
	}
	got := map[string]string{amb.Candidates[0].ID: amb.Candidates[0].Title, amb.Candidates[1].ID: amb.Candidates[1].Title}
	if got[x.ID] != x.Title || got[y.ID] != y.Title || amb.Candidates[0].ID > amb.Candidates[1].ID {
		t.Errorf("candidates %+v", amb.Candidates)
	}
	// an ID prefix that two IDs share (IDs set by hand: a store keeps the
	// ID it is given)
	p := Article(t, "p1", "مصدر س", "https://example.org/p1", "سباق للدراجات", "انطلق سباق للدراجات على الطريق الساحلي.\n", "2020-05-03")
	q := Article(t, "q1", "مصدر س", "https://example.org/q1", "معرض للكتاب", "افتتح معرض للكتاب في القاعة الكبرى.\n", "2020-05-04")
	p.ID, q.ID = "fedcba9870000001", "fedcba9870000002"
	mustPut(t, s, p, q)
	_, err = s.Get(ctx, "fedcba987")
	if !errors.As(err, &amb) || len(amb.Candidates) != 2 || amb.Candidates[0].ID != p.ID || amb.Candidates[1].Title != q.Title {
		t.Errorf("ambiguous prefix: %v", err)
	}
}

func testAtomic(t *testing.T, s rasad.Store) {
	defer s.Close()
	arts := corpus(t)
	bad := &rasad.Article{Text: "بلا معرف"} // no ID: invalid
	if _, err := s.Put(context.Background(), []*rasad.Article{arts[0], bad}); !errors.Is(err, rasad.ErrInvalid) {
		t.Fatalf("Put with invalid article: %v", err)
	}
	if a, _, _ := s.Count(context.Background()); a != 0 {
		t.Errorf("a failed batch left %d articles", a)
	}
	// a cancelled context stores nothing either
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Put(ctx, arts); err == nil {
		t.Errorf("Put with cancelled context succeeded")
	}
	if a, _, _ := s.Count(context.Background()); a != 0 {
		t.Errorf("a cancelled batch left %d articles", a)
	}
}

func testSearch(t *testing.T, s rasad.Store) {
	defer s.Close()
	arts := corpus(t)
	mustPut(t, s, arts...)
	ctx := context.Background()
	cases := []struct {
		q    string
		want []string // ext ids, any order
	}{
		{"مصطفي مدبولي", []string{"a1", "a2"}},
		{"مصطفى", []string{"a1", "a2"}},
		{"الامريكي", []string{"a1"}},
		{"والأمريكي", []string{"a1"}},
		{"الأميركي", []string{"a2"}},
		{"جاوة", []string{"a3"}},
		{"5.6", []string{"a3"}},
		{"زلزال عمان", []string{"a1", "a3"}}, // no article has both: any of them
		{"كلمةغيرموجودة", nil},
		{"عادي", nil}, // residue is not indexed
		// query syntax: exclusions (with normalization), NOT, phrases, OR
		{"مدبولي -المحادثات", []string{"a1"}},
		{"مدبولي NOT المحادثات", []string{"a1"}},
		{"مدبولي -الامريكي", []string{"a2"}}, // والأمريكي is excluded, الأميركي is another word
		{`"رئيس الوزراء"`, []string{"a1"}},
		{`"الوزراء رئيس"`, nil},
		{`«مصطفى مدبولي» -"المسؤول الأمريكي"`, []string{"a1", "a2"}},
		{`«مصطفى مدبولي» -"المسؤول الأميركي"`, []string{"a1"}},
		{"جاوة OR عمان", []string{"a1", "a3"}},
		{"مدبولي جاوة OR صعبة", []string{"a2"}},
		{"زلزال الحوار -مدبولي", nil}, // no fallback to "most words" once the query has operators
	}
	for _, c := range cases {
		hits, err := s.Search(ctx, rasad.SearchQuery{Text: c.q, Limit: 10})
		if err != nil {
			t.Fatalf("Search(%q): %v", c.q, err)
		}
		got := map[string]bool{}
		for _, h := range hits {
			got[h.ExtID] = true
			if h.Snippet == "" || !strings.Contains(arts0Text(arts, h.ID), h.Snippet) {
				t.Errorf("Search(%q): snippet %q not cut from the original text", c.q, h.Snippet)
			}
			for _, m := range h.Marks {
				if m.Start < h.SnippetSpan.Start || m.End > h.SnippetSpan.End {
					t.Errorf("Search(%q): mark %v outside snippet %v", c.q, m, h.SnippetSpan)
				}
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("Search(%q) = %v, want %v", c.q, keys(got), c.want)
			continue
		}
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("Search(%q) = %v, want %v", c.q, keys(got), c.want)
			}
		}
	}
	// title matches rank first
	hits, _ := s.Search(ctx, rasad.SearchQuery{Text: "مدبولي", Limit: 10})
	if len(hits) == 0 || hits[0].ExtID != "a1" {
		t.Errorf("title match not ranked first: %+v", hits)
	}
	if hits, _ := s.Search(ctx, rasad.SearchQuery{Text: "مدبولي", Limit: 1}); len(hits) != 1 {
		t.Errorf("limit 1 gave %d hits", len(hits))
	}
	if _, err := s.Search(ctx, rasad.SearchQuery{Text: " ،، "}); !errors.Is(err, rasad.ErrInvalid) {
		t.Errorf("empty query: %v", err)
	}
	if _, err := s.Search(ctx, rasad.SearchQuery{Text: "-مدبولي"}); !errors.Is(err, rasad.ErrInvalid) {
		t.Errorf("exclusions only: %v", err)
	}
	// FTS syntax in a query is just text
	if _, err := s.Search(ctx, rasad.SearchQuery{Text: `"AND OR NEAR( * -`}); err != nil && !errors.Is(err, rasad.ErrInvalid) {
		t.Errorf("query with FTS syntax: %v", err)
	}
}

func arts0Text(arts []*rasad.Article, id string) string {
	for _, a := range arts {
		if a.ID == id {
			return a.Text
		}
	}
	return ""
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func testConcurrent(t *testing.T, s rasad.Store) {
	defer s.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				a := Article(t, fmt.Sprintf("w%d-%d", w, i), "", "", "عنوان",
					fmt.Sprintf("نص المقال %d من العامل %d عن المحادثات.\nسطر ثان.\n", i, w), "")
				if _, err := s.Put(context.Background(), []*rasad.Article{a}); err != nil {
					errs <- err
					return
				}
				if _, err := s.Search(context.Background(), rasad.SearchQuery{Text: "المحادثات"}); err != nil {
					errs <- err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent: %v", err)
	}
	if a, _, _ := s.Count(context.Background()); a != 40 {
		t.Errorf("%d articles after concurrent puts, want 40", a)
	}
}

func testAnalysis(t *testing.T, s rasad.Store) {
	defer s.Close()
	ctx := context.Background()
	arts := corpus(t)
	arts[0].Analysis = &rasad.Analysis{Version: 1,
		Timexes:  []rasad.Timex{{Span: rasad.Span{Start: 0, End: 4}, Text: "اليوم", Type: "DATE", Value: "2019-11-15", Anchor: "published", Rule: "today"}},
		Mentions: []rasad.Mention{{Span: rasad.Span{Start: 5, End: 9}, Text: "مدبولي", Type: "PERSON", Key: "مدبلي", Rule: "test"}},
	}
	mustPut(t, s, arts...)
	ids, err := s.IDs(ctx)
	if err != nil || len(ids) != 3 {
		t.Fatalf("IDs = %v, %v", ids, err)
	}
	// publication order: 2019-11-06, 2019-11-15, 2022-11-21
	if ids[0] != arts[1].ID || ids[2] != arts[2].ID {
		t.Errorf("IDs not in publication order: %v", ids)
	}
	got, err := s.Analyses(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[arts[0].ID] == nil || got[arts[0].ID].Mentions[0].Key != "مدبلي" || got[arts[0].ID].Timexes[0].Value != "2019-11-15" {
		t.Fatalf("Analyses = %+v", got)
	}
	// replaced whole
	err = s.SetAnalysis(ctx, map[string]*rasad.Analysis{arts[0].ID: {Version: 2}, arts[2].ID: {Version: 2, Mentions: []rasad.Mention{{Type: "LOC", Key: "Java"}}}})
	if err != nil {
		t.Fatal(err)
	}
	got, _ = s.Analyses(ctx, ids)
	if len(got) != 2 || len(got[arts[0].ID].Mentions) != 0 || got[arts[0].ID].Version != 2 || got[arts[2].ID].Mentions[0].Key != "Java" {
		t.Errorf("after SetAnalysis: %+v", got)
	}
	if err := s.SetAnalysis(ctx, map[string]*rasad.Analysis{"nope": {}}); !errors.Is(err, rasad.ErrNotFound) {
		t.Errorf("SetAnalysis of an unknown article: %v", err)
	}
}

func testScanStories(t *testing.T, s rasad.Store) {
	defer s.Close()
	ctx := context.Background()
	arts := corpus(t)
	mustPut(t, s, arts...)
	var seen []string
	err := s.Scan(ctx, func(a *rasad.Article) error {
		if a.Text == "" || len(a.Reports) != 1 || a.Raw != nil {
			t.Errorf("scanned article %s: text %d bytes, %d reports, raw %v", a.ID, len(a.Text), len(a.Reports), a.Raw != nil)
		}
		seen = append(seen, a.Reports[0].ExtID)
		return nil
	})
	if err != nil || strings.Join(seen, ",") != "a2,a1,a3" {
		t.Errorf("Scan order %v, %v (want publication order a2,a1,a3)", seen, err)
	}
	storyOf := map[string]string{arts[0].ID: "s1", arts[1].ID: "s1", arts[2].ID: "s2"}
	copies := []rasad.CopyPair{{A: arts[1].ID, B: arts[0].ID, Kind: "rewrite", Similarity: 0.6}}
	if err := s.SetStories(ctx, storyOf, copies); err != nil {
		t.Fatal(err)
	}
	// replaced whole
	if err := s.SetStories(ctx, storyOf, copies); err != nil {
		t.Fatal(err)
	}
	got, gc, err := s.Stories(ctx)
	if err != nil || len(got) != 3 || got[arts[2].ID] != "s2" || len(gc) != 1 || gc[0].Kind != "rewrite" {
		t.Errorf("Stories = %v %v %v", got, gc, err)
	}
}

// testVersions: a page updated under the same URL is the URL's next
// version, not an unrelated article; the same text again is a duplicate;
// the input id finds the latest version.
func testVersions(t *testing.T, s rasad.Store) {
	defer s.Close()
	ctx := context.Background()
	const url = "https://example.org/news/flood"
	v1 := Article(t, url, "موقع س", url, "أمطار غزيرة في المدينة", "هطلت أمطار غزيرة على المدينة مساء الأحد.\n", "2023-02-05")
	v2 := Article(t, url, "موقع س", url, "أمطار غزيرة في المدينة", "هطلت أمطار غزيرة على المدينة مساء الأحد، وأغلقت السلطات ثلاثة أنفاق.\n", "2023-02-05")
	v3 := Article(t, url, "موقع س", url, "سيول في المدينة", "هطلت أمطار غزيرة على المدينة مساء الأحد، وأغلقت السلطات ثلاثة أنفاق وأجلت عشرين أسرة.\n", "2023-02-06")
	other := Article(t, "o1", "موقع ص", "https://example.org/other", "افتتاح مكتبة", "افتتحت البلدية مكتبة عامة في الحي القديم.\n", "2023-02-05")
	r1 := mustPut(t, s, v1, other)
	if r1[0].Status != rasad.New || r1[0].Previous != "" || r1[1].Previous != "" {
		t.Fatalf("first texts: %+v", r1)
	}
	r2 := mustPut(t, s, v2)
	if r2[0].Status != rasad.New || r2[0].Previous != v1.ID || r2[0].Version != 2 {
		t.Fatalf("update: %+v", r2[0])
	}
	r3 := mustPut(t, s, v3, v2)
	if r3[0].Previous != v2.ID || r3[0].Version != 3 || r3[1].Status != rasad.Duplicate || r3[1].Previous != "" {
		t.Fatalf("second update and a repeat: %+v", r3)
	}
	for _, id := range []string{v1.ID, v2.ID, v3.ID} {
		a, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Versions) != 3 || a.Versions[0].ID != v1.ID || a.Versions[1].ID != v2.ID || a.Versions[2].ID != v3.ID ||
			a.Versions[0].N != 1 || a.Versions[2].N != 3 || a.Versions[1].URL != url {
			t.Errorf("versions of %s: %+v", id, a.Versions)
		}
	}
	if a, err := s.Get(ctx, "o1"); err != nil || len(a.Versions) != 0 {
		t.Errorf("unrelated article: %v %+v", err, a)
	}
	// the input id (the URL here) names the latest version, and so does
	// the URL of a report whose input id is another
	if a, err := s.Get(ctx, url); err != nil || a.ID != v3.ID {
		t.Errorf("Get(url) = %v, %v; want the latest version", a, err)
	}
	if a, err := s.Get(ctx, "https://example.org/other"); err != nil || a.ID != other.ID {
		t.Errorf("Get by URL = %v, %v", a, err)
	}
	if n, _, _ := s.Count(ctx); n != 4 {
		t.Errorf("%d articles, want 4 (three versions kept)", n)
	}
}
