package eval

import (
	"testing"

	"github.com/rasad/rasad/analysis/dates"
	"github.com/rasad/rasad/internal/testcorpus"
)

func seeds(t *testing.T) []SeedDoc {
	t.Helper()
	goldPath := testcorpus.Path(t, "gold/seeds.json")
	g, err := LoadGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := LoadSeeds(DefaultSeeds(goldPath), g)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 5 {
		t.Fatalf("%d seed documents, want 5", len(docs))
	}
	return docs
}

// TestSeedDates holds the tagger to the targets on the gold: F1 of
// at least 0.95 with the gold publication dates, and at least 4 of 5
// publication dates inferred right without them.
func TestSeedDates(t *testing.T) {
	docs := seeds(t)
	anchors := make([]dates.Anchor, len(docs))
	for i, d := range docs {
		anchors[i] = dates.AnchorFor(d.Article)
	}
	s := ScoreDates("rasad", docs, RasadDates(docs, anchors))
	t.Logf("rasad: P %.3f R %.3f F1 %.3f (gold %d, predicted %d)", s.Precision, s.Recall, s.F1, s.Gold, s.Predicted)
	if s.F1 < 0.95 {
		t.Errorf("F1 %.3f < 0.95; misses %v; wrong %v", s.F1, s.Misses, s.Wrong)
	}
	if s.Gold != 34 {
		t.Errorf("gold count %d, want 34 calendar DATE/TIME expressions", s.Gold)
	}
	right := 0
	for _, r := range InferDates(docs) {
		if r.Right {
			right++
		} else {
			t.Logf("%s: inferred %q, gold %s", r.Name, r.Got, r.Gold)
		}
	}
	if right < 4 {
		t.Errorf("inferred %d of 5 publication dates right, want at least 4", right)
	}
}

func TestValueMatches(t *testing.T) {
	cases := []struct {
		pred, gold string
		want       bool
	}{
		{"2019-06-09TEV", "2019-06-09TEV", true},
		{"2019-06-09", "2019-06-09TEV", true},
		{"2019-06-10", "2019-06-09/2019-06-10", true},
		{"2019-06-09/2019-06-10", "2019-06-09/2019-06-10", true},
		{"2019-06-11", "2019-06-09/2019-06-10", false},
		{"2019-05", "2019-05-15", false},
	}
	for _, c := range cases {
		if got := valueMatches(c.pred, c.gold); got != c.want {
			t.Errorf("valueMatches(%s, %s) = %v", c.pred, c.gold, got)
		}
	}
}

// TestSeedTimeline holds the timeline to the targets: CONSULT F1
// of at least 0.9, recall of at least 0.9 over all types.
func TestSeedTimeline(t *testing.T) {
	docs := seeds(t)
	g, _ := LoadGold(testcorpus.Path(t, "gold/seeds.json"))
	ge, err := GoldTimeline(g)
	if err != nil {
		t.Fatal(err)
	}
	entries := SeedTimeline(docs)
	c := ScoreTimeline(g, ge, entries, "CONSULT")
	all := ScoreTimeline(g, ge, entries, "")
	t.Logf("CONSULT F1 %.3f, all recall %.3f, sources %d/%d", c.F1, all.Recall, all.SourcesCited, all.SourcesGold)
	if c.F1 < 0.9 || all.Recall < 0.9 {
		t.Errorf("CONSULT F1 %.3f, recall %.3f; missed %v; extras %v", c.F1, all.Recall, all.Misses, all.Extras)
	}
}
