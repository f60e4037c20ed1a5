package story

import (
	"testing"
	"time"

	"github.com/rasad/rasad"
)

func em(typ, mode, status, date, place string, parts ...string) rasad.EventMention {
	e := rasad.EventMention{Type: typ, Mode: mode, Status: status, Date: date, Place: place, PlaceName: place,
		Sentence: rasad.Span{Start: 0, End: 4}}
	for _, p := range parts {
		e.Participants = append(e.Participants, rasad.Participant{Type: "PERSON", Key: p, Name: p})
	}
	return e
}

func TestTimelineMerge(t *testing.T) {
	reps := []Report{
		{Article: "a", Outlet: "x", Published: day("2024-03-10"), Text: "نص أ", Events: []rasad.EventMention{
			em("CONSULT", "meeting", "happened", "2024-03-10", "عمان", "k1", "k2"),
			em("CONSULT", "phone", "happened", "2024-03-03", "", "k1", "k2"),
		}},
		{Article: "b", Outlet: "y", Published: day("2024-03-12"), Text: "نص ب", Events: []rasad.EventMention{
			em("CONSULT", "talks", "happened", "2024-W10", "عمان", "k1"),      // the same talks, by week
			em("CONSULT", "meeting", "planned", "", "", "k1", "k2"),           // undated, attaches
			em("CONSULT", "meeting", "happened", "2024-03-12", "بغداد", "k3"), // another meeting
			em("AGREE", "sign", "happened", "2024-03-10", "عمان", "k1", "k2"), // another type
			em("CONSULT", "meeting", "happened", "2024-01-05", "", "z9"),      // alone, kept
		}},
	}
	es := Timeline(reps, Names{})
	if len(es) != 5 {
		for _, e := range es {
			t.Logf("%s %s %s %d sources", e.Date, e.Type, e.Mode, len(e.Sources))
		}
		t.Fatalf("%d entries, want 5", len(es))
	}
	var meeting *Entry
	for i := range es {
		if es[i].Date == "2024-03-10" && es[i].Type == "CONSULT" {
			meeting = &es[i]
		}
	}
	if meeting == nil || len(meeting.Sources) != 2 || meeting.Mode != "meeting" || meeting.Place.Name != "عمان" {
		t.Fatalf("merged meeting: %+v", meeting)
	}
	// sorted by date
	for i := 1; i < len(es); i++ {
		if es[i].Date < es[i-1].Date {
			t.Errorf("not in date order: %s after %s", es[i].Date, es[i-1].Date)
		}
	}
	// copies of one report are one source
	reps[0].Group, reps[1].Group = "g", "g"
	for _, e := range Timeline(reps, Names{}) {
		if e.Date == "2024-03-10" && e.Type == "CONSULT" && (e.Independent != 1 || len(e.Sources) != 2) {
			t.Errorf("copies counted apart: %d independent of %d", e.Independent, len(e.Sources))
		}
	}
	g := copyGroups([]rasad.CopyPair{{A: "x", B: "y"}, {A: "y", B: "z"}, {A: "p", B: "q"}})
	if g["x"] != g["z"] || g["x"] == g["p"] {
		t.Errorf("copy groups %v", g)
	}
	_ = time.Now
}

// TestReportedBeforeItHappens: an event that every source wrote about before
// its date is planned, even when one mention reads as done.
func TestReportedBeforeItHappens(t *testing.T) {
	reps := []Report{
		{Article: "a", Outlet: "x", Published: day("2024-03-10"), Text: "نص أ", Events: []rasad.EventMention{
			em("CONSULT", "meeting", "planned", "2024-05", "", "k1", "k2"),
		}},
		{Article: "b", Outlet: "y", Published: day("2024-03-20"), Text: "نص ب", Events: []rasad.EventMention{
			em("CONSULT", "meeting", "happened", "2024-05", "", "k1", "k2"),
		}},
	}
	es := Timeline(reps, Names{})
	if len(es) != 1 || es[0].Status != "planned" {
		t.Fatalf("entries %+v: want one planned meeting", es)
	}
	reps[1].Published = day("2024-06-02") // a report after the month: it happened
	if es := Timeline(reps, Names{}); len(es) != 1 || es[0].Status != "happened" {
		t.Errorf("entries %+v: want one meeting that happened", es)
	}
}
