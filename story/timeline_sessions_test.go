package story

import (
	"testing"

	"github.com/rasad/rasad"
)

// «عقد مجلس الأمناء الدولي، الجمعة، جلسة مغلقة … وقالت السفيرة النرويجية
// إنغريد سولبرغ …»: the session names the envoy the article quotes; a
// session that names its sides, and a plan, do not change.
func TestSessionMembers(t *testing.T) {
	ms := []rasad.Mention{
		{Type: "ORG", Key: "Board", Sector: "intl"},
		{Type: "PERSON", Key: "انغرد سلبرغ", Text: "إنغريد سولبرغ", Role: "ambassador", Sector: "diplomatic", Country: "NO"},
		{Type: "PERSON", Key: "سمر", Text: "سمير", Role: "farmer"},
	}
	body := rasad.Participant{Type: "ORG", Key: "Board", Name: "مجلس الأمناء الدولي"}
	evs := []rasad.EventMention{
		{Type: "CONSULT", Date: "2035-06-01", Status: "happened", Participants: []rasad.Participant{body}},
		{Type: "CONSULT", Date: "2035-06-08", Status: "planned", Participants: []rasad.Participant{body}},
		{Type: "CONSULT", Date: "2035-06-01", Status: "happened", Participants: []rasad.Participant{body, {Type: "PERSON", Key: "x"}}},
	}
	got := sessionMembers(ms, evs)
	if len(got[0].Participants) != 2 || got[0].Participants[1].Key != "انغرد سلبرغ" {
		t.Errorf("session: %+v", got[0].Participants)
	}
	if len(got[1].Participants) != 1 || len(got[2].Participants) != 2 || len(evs[0].Participants) != 1 {
		t.Errorf("plan or named sides changed: %+v", got)
	}
}

// An entry whose first report names one side shows the other side a later
// report names.
func TestTimelineOtherSideFromLaterReport(t *testing.T) {
	body := func(k string) rasad.Participant { return rasad.Participant{Type: "ORG", Key: k, Name: k} }
	m1 := em("CONSULT", "meeting", "happened", "2035-06-01", "")
	m1.Participants = []rasad.Participant{body("Board")}
	m2 := em("CONSULT", "meeting", "happened", "2035-06-01", "", "سلبرغ")
	m2.Participants = append(m2.Participants, body("Board"))
	reps := []Report{
		{Article: "a", Outlet: "x", Published: day("2035-06-01"), Text: "نص أ", Events: []rasad.EventMention{m1}},
		{Article: "b", Outlet: "y", Published: day("2035-06-02"), Text: "نص ب", Events: []rasad.EventMention{m2}},
	}
	es := Timeline(reps, Names{"PERSON:سلبرغ": {Type: "PERSON", Key: "سلبرغ", Name: "سولبرغ", Role: "ambassador", articles: 1}})
	if len(es) != 1 || len(es[0].Participants) != 2 {
		t.Fatalf("entries %+v", es)
	}
}

// A leader visiting his own country's troops is one side: الرئيس فلان and
// his state; a minister and another state are two.
func TestSides(t *testing.T) {
	own := []Participant{{Type: "PERSON", Key: "a", Country: "XA"}, {Type: "LOC", Key: "Xland", Country: "XA"}}
	other := []Participant{{Type: "PERSON", Key: "a", Country: "XA"}, {Type: "LOC", Key: "Yland", Country: "YB"}}
	if sides(own) != 1 || sides(other) != 2 {
		t.Errorf("sides %d %d", sides(own), sides(other))
	}
}
