package eval

import (
	"testing"

	"github.com/rasad/rasad/story"
)

// The strict score: a day's tolerance, both sides met (by a full name's
// last word, with or without a clitic), one to one.
func TestScoreStrict(t *testing.T) {
	gold := []DevEvent{
		{Dates: []string{"2019-05-02"}, What: "a", Participants: [][]string{{"جوزيف موانغي", "موانغي"}, {"ديفيد أوكيلو", "أوكيلو"}}},
		{Dates: []string{"2019-05-10"}, What: "b", Participants: [][]string{{"موانغي"}, {"بيتر كاماو"}}},
		{Dates: []string{"2019-06"}, What: "c", Participants: [][]string{{"موانغي"}}},
	}
	pred := []story.Entry{
		{Date: "2019-05-03", Participants: []story.Participant{{Name: "الرئيس جوزيف موانغي"}, {Name: "ديفيد أوكيلو"}}}, // a, a day off
		{Date: "2019-05-02", Participants: []story.Participant{{Name: "جوزيف موانغي"}, {Name: "وأوكيلو"}}},             // a again: one to one
		{Date: "2019-05-10", Participants: []story.Participant{{Name: "جوزيف موانغي"}}},                                // b, one side only
		{Date: "2019-06", Participants: []story.Participant{{Name: "جوزيف موانغي"}}},                                   // c, month
	}
	s := ScoreStrict(gold, pred, 1)
	if s.Matched != 2 || s.Predicted != 4 || s.Gold != 3 {
		t.Fatalf("matched %d of %d (gold %d), want 2 of 4 (3); missed %v", s.Matched, s.Predicted, s.Gold, s.Missed)
	}
	if len(s.Missed) != 1 || s.Missed[0] != "2019-05-10 b" {
		t.Errorf("missed %v", s.Missed)
	}
}
