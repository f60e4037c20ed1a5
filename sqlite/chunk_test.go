package sqlite

import (
	"context"
	"fmt"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/storetest"
)

// The readers that take many IDs read them in chunks of maxIn: an ID asked
// in two chunks, with unknown IDs between, comes back as each reader
// promises (once, with its one report, not twice).
func TestChunkedReaders(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := storetest.Article(t, "c1", "", "", "عنوان التجربة", "خبر قصير كتبناه عن افتتاح مكتبة في البلدة.\n", "2024-05-02")
	if _, err := s.Put(ctx, []*rasad.Article{a}); err != nil {
		t.Fatal(err)
	}
	ids := []string{a.ID}
	for i := 0; i < maxIn+10; i++ {
		ids = append(ids, fmt.Sprintf("missing%d", i))
	}
	ids = append(ids, a.ID) // in the second chunk too

	arts, err := s.Articles(ctx, ids)
	if err != nil || len(arts) != 1 || arts[0].ID != a.ID || len(arts[0].Reports) != 1 {
		t.Errorf("Articles = %d articles, err %v; want %s once with 1 report", len(arts), err, a.ID)
	}
	many, err := s.GetMany(ctx, ids)
	if err != nil || len(many) != 2 || many[0].ID != a.ID || many[0].Reports[0].ExtID != "c1" || many[0].Text != a.Text {
		t.Errorf("GetMany = %d articles, err %v; want %s twice (asked twice) with ext id c1", len(many), err, a.ID)
	}
	tl, err := s.TimelineArticles(ctx, ids)
	if err != nil || len(tl) != 2 || tl[1].ID != a.ID || tl[1].Analysis != nil {
		t.Errorf("TimelineArticles = %d articles, err %v; want %s twice, no analysis", len(tl), err, a.ID)
	}
	reps, err := s.reports(ctx, ids)
	if err != nil || len(reps) != 1 || len(reps[a.ID]) != 1 {
		t.Errorf("reports = %v, %v; want one report of %s", reps, err, a.ID)
	}
	an, err := s.Analyses(ctx, ids)
	if err != nil || len(an) != 0 {
		t.Errorf("Analyses = %v, %v; want none stored", an, err)
	}
}
