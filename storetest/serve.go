package storetest

import (
	"context"
	"testing"

	"github.com/rasad/rasad"
)

// The methods the web pages and API need: several articles at once, and
// search with filters and an offset.

func testArticles(t *testing.T, s rasad.Store) {
	defer s.Close()
	arts := corpus(t)
	arts[0].Raw = []byte("raw bytes")
	mustPut(t, s, arts...)
	ctx := context.Background()
	got, err := s.Articles(ctx, []string{arts[2].ID, "no-such-id", arts[0].ID, arts[2].ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != arts[2].ID || got[1].ID != arts[0].ID {
		t.Fatalf("Articles order/unknown/duplicate handling: %d articles", len(got))
	}
	a := got[1]
	if a.Text != arts[0].Text || a.Title != arts[0].Title || len(a.Raw) != 0 {
		t.Errorf("text/title kept, raw left out: raw %d bytes", len(a.Raw))
	}
	if len(a.Reports) != 1 || a.Reports[0].Source != "وكالة أ" || len(a.Removed) != len(arts[0].Removed) {
		t.Errorf("reports %+v removed %+v", a.Reports, a.Removed)
	}
	if got, err := s.Articles(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("Articles(nil) = %v, %v", got, err)
	}
}

func testSearchFilters(t *testing.T, s rasad.Store) {
	defer s.Close()
	mustPut(t, s, corpus(t)...)
	ctx := context.Background()
	ids := func(q rasad.SearchQuery) []string {
		t.Helper()
		hits, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		var out []string
		for _, h := range hits {
			out = append(out, h.ExtID)
		}
		return out
	}
	all := ids(rasad.SearchQuery{Text: "مدبولي"})
	if len(all) != 2 {
		t.Fatalf("مدبولي: %v", all)
	}
	if got := ids(rasad.SearchQuery{Text: "مدبولي", Source: "صحيفة ب"}); len(got) != 1 || got[0] != "a2" {
		t.Errorf("source filter: %v", got)
	}
	if got := ids(rasad.SearchQuery{Text: "مدبولي", From: "2019-11-10"}); len(got) != 1 || got[0] != "a1" {
		t.Errorf("from filter: %v", got)
	}
	if got := ids(rasad.SearchQuery{Text: "مدبولي", To: "2019-11-06"}); len(got) != 1 || got[0] != "a2" {
		t.Errorf("to filter (inclusive): %v", got)
	}
	if got := ids(rasad.SearchQuery{Text: "مدبولي", Source: "لا أحد"}); len(got) != 0 {
		t.Errorf("unknown source: %v", got)
	}
	// pages: offset 1 with limit 1 is the second hit of the full ranking
	p1 := ids(rasad.SearchQuery{Text: "مدبولي", Limit: 1})
	p2 := ids(rasad.SearchQuery{Text: "مدبولي", Limit: 1, Offset: 1})
	p3 := ids(rasad.SearchQuery{Text: "مدبولي", Limit: 1, Offset: 2})
	if len(p1) != 1 || len(p2) != 1 || p1[0] != all[0] || p2[0] != all[1] || len(p3) != 0 {
		t.Errorf("pages %v %v %v of %v", p1, p2, p3, all)
	}
	// IDs only: the same ranking, no snippets
	idOnly, err := s.Search(ctx, rasad.SearchQuery{Text: "مدبولي", IDsOnly: true})
	full, _ := s.Search(ctx, rasad.SearchQuery{Text: "مدبولي"})
	if err != nil || len(idOnly) != len(full) {
		t.Fatalf("IDsOnly: %d hits (%v), full: %d", len(idOnly), err, len(full))
	}
	for i := range full {
		if idOnly[i].ID != full[i].ID || idOnly[i].Snippet != "" || idOnly[i].Score != full[i].Score {
			t.Errorf("IDsOnly hit %d: %+v vs %s", i, idOnly[i], full[i].ID)
		}
	}
	if _, err := s.Search(ctx, rasad.SearchQuery{Text: "مدبولي", Offset: -1}); err == nil {
		t.Errorf("negative offset accepted")
	}
}
