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

// Every save or removal of a stored timeline gives its story a new change
// seq; a reset of all stories is the empty story ID. MatchPublished finds
// what a search finds, with publication times, among given IDs too.
func TestTimelineChangesAndMatchPublished(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var arts []*rasad.Article
	for i, txt := range []string{"زار الوفد مدينة صفاقس صباحا.", "عاد الوفد من صفاقس مساء.", "نص عن المطر في الجبال."} {
		arts = append(arts, storetest.Article(t, string(rune('a'+i)), "وكالة", "https://example.org/"+string(rune('a'+i)), "عنوان", txt, "2020-06-1"+string(rune('0'+i))))
	}
	res, err := s.Put(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := res[0].ID, res[1].ID, res[2].ID
	if err := s.SetStories(ctx, map[string]string{a: "s1", b: "s1", c: "s2"}, nil); err != nil {
		t.Fatal(err)
	}
	seq0, err := s.TimelineSeq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ch, _, _ := s.TimelineChanges(ctx, 0); len(ch) != 1 || ch[0] != "" {
		t.Errorf("after SetStories: %q, want the reset mark", ch)
	}
	if err := s.SaveTimelines(ctx, []rasad.StoryTimeline{{Story: "s2", Version: "v", Entries: []byte("[]")}, {Story: "s1", Version: "v", Entries: []byte("[]")}}); err != nil {
		t.Fatal(err)
	}
	ch, seq1, err := s.TimelineChanges(ctx, seq0)
	if err != nil || len(ch) != 2 || ch[0] != "s2" || ch[1] != "s1" || seq1 <= seq0 {
		t.Errorf("after saving: %q up to %d (from %d), %v", ch, seq1, seq0, err)
	}
	if err := s.SaveTimelines(ctx, []rasad.StoryTimeline{{Story: "s2", Version: "v", Entries: []byte("[]")}}); err != nil {
		t.Fatal(err)
	}
	if ch, seq2, _ := s.TimelineChanges(ctx, seq1); len(ch) != 1 || ch[0] != "s2" || seq2 <= seq1 {
		t.Errorf("after saving s2 again: %q", ch)
	}
	if ch, _, _ := s.TimelineChanges(ctx, 0); len(ch) != 3 {
		t.Errorf("from the start: %q, want each story once and the reset", ch)
	}

	hits, anyWord, err := s.MatchPublished(ctx, "صفاقس", nil, false)
	if err != nil || anyWord || len(hits) != 2 || hits[0].Published == nil {
		t.Fatalf("MatchPublished: %+v %v %v", hits, anyWord, err)
	}
	if hits, _, _ := s.MatchPublished(ctx, "صفاقس", []string{b, c}, false); len(hits) != 1 || hits[0].ID != b {
		t.Errorf("MatchPublished among ids: %+v", hits)
	}
	if hits, _, _ := s.MatchPublished(ctx, `"عاد الوفد"`, nil, false); len(hits) != 1 || hits[0].ID != b {
		t.Errorf("a phrase: %+v", hits)
	}
	// no article has both words: any of them, as Search does
	hits, anyWord, err = s.MatchPublished(ctx, "صفاقس المطر", nil, false)
	if err != nil || !anyWord || len(hits) != 3 {
		t.Errorf("any word: %d hits, %v %v", len(hits), anyWord, err)
	}
	if _, _, err := s.MatchPublished(ctx, "-صفاقس", nil, false); err == nil {
		t.Error("a query of exclusions only: no error")
	}
}

// Unassigned lists the articles without a story, by publication; when
// every article has one it answers from two counts.
func TestUnassigned(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "u.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var arts []*rasad.Article
	for i, txt := range []string{"وصل القطار إلى المحطة متأخرا.", "افتتحت المكتبة جناحا جديدا.", "هطلت أمطار غزيرة على الساحل."} {
		arts = append(arts, storetest.Article(t, string(rune('a'+i)), "وكالة", "https://example.org/u"+string(rune('a'+i)), "عنوان", txt, "2020-07-0"+string(rune('3'-i))))
	}
	res, err := s.Put(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.Unassigned(ctx, 0); err != nil || len(got) != 3 || got[0] != res[2].ID || got[2] != res[0].ID {
		t.Fatalf("nothing assigned: %v %v", got, err)
	}
	if err := s.SetStories(ctx, map[string]string{res[0].ID: "s1", res[2].ID: "s1"}, nil); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Unassigned(ctx, 0); err != nil || len(got) != 1 || got[0] != res[1].ID {
		t.Fatalf("one left: %v %v", got, err)
	}
	if err := s.SetStories(ctx, map[string]string{res[0].ID: "s1", res[1].ID: "s2", res[2].ID: "s1"}, nil); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Unassigned(ctx, 0); err != nil || got != nil {
		t.Fatalf("all assigned: %v %v", got, err)
	}
}
