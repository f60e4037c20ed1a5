package eval

import (
	"testing"

	"github.com/rasad/rasad"
)

// TestScoreAner: a span found without its clitic is widened to the gold
// token and matches; a wrong type and a span over two names do not; the
// counts are score_aner.py's.
func TestScoreAner(t *testing.T) {
	txt := "زار وباريس أحمد علي"
	// tokens: زار [0,6) وباريس [7,19) أحمد [20,28) علي [29,35)
	d := AnerDoc{ID: "x", Text: txt, Tokens: [][2]int{{0, 6}, {7, 19}, {20, 28}, {29, 35}},
		Gold: []AnerMention{{7, 19, "LOC"}, {20, 35, "PERS"}}}
	pred := [][]rasad.Mention{{
		{Span: rasad.Span{Start: 9, End: 19}, Type: "LOC"},     // باريس inside وباريس
		{Span: rasad.Span{Start: 20, End: 28}, Type: "PERSON"}, // half the name
		{Span: rasad.Span{Start: 29, End: 35}, Type: "ORG"},    // spurious
	}}
	s := ScoreAner([]AnerDoc{d}, pred)
	if c := *s.ByType["LOC"]; c != (PRF{TP: 1, Pred: 1, Gold: 1}) {
		t.Errorf("LOC %+v", c)
	}
	if c := *s.ByType["PERS"]; c != (PRF{TP: 0, Pred: 1, Gold: 1}) {
		t.Errorf("PERS %+v", c)
	}
	if s.All != (PRF{TP: 1, Pred: 3, Gold: 2}) || len(s.Errors) != 3 {
		t.Errorf("all %+v, errors %v", s.All, s.Errors)
	}
}
