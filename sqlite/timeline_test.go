package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/storetest"
)

// MatchIDs finds every match, TimelineArticles loads them in one batch with
// their mentions and events, CopiesAndCoverage counts the stories' articles.
func TestTimelineReads(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var arts []*rasad.Article
	for i, txt := range []string{"التقى الوزيران في نيروبي أمس.", "اجتمع الوزيران مرة أخرى في كمبالا.", "نص آخر عن الطقس."} {
		arts = append(arts, storetest.Article(t, string(rune('a'+i)), "وكالة", "https://example.org/"+string(rune('a'+i)), "عنوان", txt, "2019-04-1"+string(rune('0'+i))))
	}
	if _, err := s.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	ids, err := s.MatchIDs(ctx, "الوزيران")
	if err != nil || len(ids) != 2 {
		t.Fatalf("MatchIDs: %v %v", ids, err)
	}
	an := &rasad.Analysis{Version: 1, Events: []rasad.EventMention{{Type: "CONSULT", Date: "2019-04-09"}},
		Mentions: []rasad.Mention{{Type: "PERSON", Key: "k", Text: "اسم"}}}
	if err := s.SetAnalysis(ctx, map[string]*rasad.Analysis{ids[0]: an}); err != nil {
		t.Fatal(err)
	}
	got, err := s.TimelineArticles(ctx, ids)
	if err != nil || len(got) != 2 {
		t.Fatalf("TimelineArticles: %d %v", len(got), err)
	}
	withAnalysis := 0
	for i, a := range got {
		if a.ID != ids[i] || a.Text == "" || a.Published == nil || len(a.Reports) != 1 || a.Reports[0].URL == "" {
			t.Errorf("article %d: %+v", i, a)
		}
		if a.Analysis != nil {
			withAnalysis++
			if len(a.Analysis.Events) != 1 || len(a.Analysis.Mentions) != 1 {
				t.Errorf("analysis %+v", a.Analysis)
			}
		}
	}
	if withAnalysis != 1 {
		t.Errorf("%d articles with an analysis, want 1", withAnalysis)
	}
	if err := s.SetStories(ctx, map[string]string{ids[0]: "s1", ids[1]: "s1"}, []rasad.CopyPair{{A: ids[0], B: ids[1], Kind: "copy", Similarity: 0.9}}); err != nil {
		t.Fatal(err)
	}
	cs, n, err := s.CopiesAndCoverage(ctx)
	if err != nil || n != 2 || len(cs) != 1 {
		t.Errorf("CopiesAndCoverage: %v %d %v", cs, n, err)
	}
}
