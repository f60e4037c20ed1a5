package story

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad"
)

func em(typ, mode, status, date, place string, parts ...string) rasad.EventMention {
	e := rasad.EventMention{Type: typ, Mode: mode, Status: status, Date: date, Place: place, PlaceName: place,
		Sentence: rasad.Span{Start: 0, End: 0}}
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
			em("CONSULT", "talks", "happened", "2024-03-10", "عمان", "k1"),     // the same talks
			em("CONSULT", "talks", "happened", "2024-W10", "عمان", "k1", "k2"), // by week: too coarse to join
			em("CONSULT", "meeting", "planned", "", "", "k1", "k2"),            // undated, attaches
			em("CONSULT", "meeting", "happened", "2024-03-12", "بغداد", "k3"),  // another meeting
			em("AGREE", "sign", "happened", "2024-03-10", "عمان", "k1", "k2"),  // another type
			em("CONSULT", "meeting", "happened", "2024-01-05", "", "z9"),       // alone, kept
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

func withRule(e rasad.EventMention, rule string) rasad.EventMention {
	e.DateRule = rule
	return e
}

// TestTimelineSplitsOtherPeople: a guest received by one host and then by
// another on the same day are two happenings; a report naming only the
// guest joins one of them.
func TestTimelineSplitsOtherPeople(t *testing.T) {
	reps := []Report{
		{Article: "a", Outlet: "x", Published: day("2019-05-02"), Text: "نص أ", Events: []rasad.EventMention{
			em("CONSULT", "meeting", "happened", "2019-05-02", "", "guest", "host1"),
			em("CONSULT", "meeting", "happened", "2019-05-02", "", "guest", "host2"),
		}},
		{Article: "b", Outlet: "y", Published: day("2019-05-03"), Text: "نص ب", Events: []rasad.EventMention{
			em("CONSULT", "meeting", "happened", "2019-05-02", "", "guest"),
			em("CONSULT", "meeting", "happened", "2019-05-02", "", "host2", "guest", "aide"),
		}},
	}
	es := Timeline(reps, Names{})
	if len(es) != 2 {
		t.Fatalf("%d entries, want 2: %+v", len(es), es)
	}
	for _, e := range es {
		if len(e.Sources) != 2 {
			t.Errorf("%s: %d sources, want 2", e.Summary, len(e.Sources))
		}
	}
}

// TestTimelineOnlyOwnDatesCount: a mention dated through the sentence
// before joins an entry but neither makes one nor adds to its salience; a
// week-level or undated mention stays out; a day either side joins when
// both sides are the same people.
func TestTimelineOnlyOwnDatesCount(t *testing.T) {
	reps := []Report{
		{Article: "a", Outlet: "x", Published: day("2019-05-02"), Text: "نص أ", Events: []rasad.EventMention{
			withRule(em("CONSULT", "phone", "happened", "2019-05-01", "", "p1", "p2"), "date in the clause: الأربعاء"),
		}},
		{Article: "b", Outlet: "y", Published: day("2019-05-03"), Text: "نص ب", Events: []rasad.EventMention{
			withRule(em("CONSULT", "phone", "happened", "2019-05-01", "", "p1", "p2"), "date of the previous sentence: الأربعاء"),
			withRule(em("CONSULT", "phone", "happened", "2019-05-06", "", "p3"), "date of the previous sentence: الاثنين"),
		}},
		{Article: "c", Outlet: "z", Published: day("2019-05-03"), Text: "نص ج", Events: []rasad.EventMention{
			withRule(em("CONSULT", "phone", "happened", "2019-05-02", "", "p1", "p2"), "date in the clause: الخميس"),
			em("CONSULT", "phone", "happened", "2019-W18", "", "p1", "p2"),
			em("CONSULT", "phone", "happened", "", "", "p1", "p2"),
		}},
	}
	es := Timeline(reps, Names{})
	if len(es) != 1 {
		t.Fatalf("%d entries, want 1: %+v", len(es), es)
	}
	e := es[0]
	if len(e.Sources) != 3 || e.DateText != "الأربعاء" && e.DateText != "الخميس" {
		t.Errorf("sources %d (want 3), date text %q", len(e.Sources), e.DateText)
	}
	// two reports fix the day: salience counts those two only
	if want := 2.0*2 + 2 + 1; e.Salience != want {
		t.Errorf("salience %.1f, want %.1f", e.Salience, want)
	}
}

// TestTimelineSentenceCopies: a later source citing a sentence identical
// (after normalization) to an earlier source's is not independent.
func TestTimelineSentenceCopies(t *testing.T) {
	mk := func(id, pub, txt string) Report {
		e := em("CONSULT", "meeting", "happened", "2019-05-02", "", "p1", "p2")
		e.Sentence = rasad.Span{Start: 0, End: len(txt)}
		return Report{Article: id, Outlet: id, Published: day(pub), Text: txt, Events: []rasad.EventMention{e}}
	}
	reps := []Report{
		mk("a", "2019-05-02", "التقى الوزيران في العاصمة أمس."),
		mk("b", "2019-05-04", "التقى الوزيران في العاصمة امس"),
		mk("c", "2019-05-03", "اجتمع الوزيران صباح الخميس."),
	}
	es := Timeline(reps, Names{})
	if len(es) != 1 || es[0].Independent != 2 {
		t.Fatalf("entries %+v: want one with 2 independent sources", es)
	}
	for _, s := range es[0].Sources {
		if s.Article == "b" && s.Independent {
			t.Errorf("the later copy counts as independent")
		}
	}
}

// TestTimelineRange: an event told as a range of days makes one entry
// from the first day until the last.
func TestTimelineRange(t *testing.T) {
	reps := []Report{{Article: "a", Outlet: "x", Published: day("2019-07-23"), Text: "نص", Events: []rasad.EventMention{
		em("CONSULT", "talks", "happened", "2019-07-20/2019-07-21", "", "p1", "p2"),
	}}}
	es := Timeline(reps, Names{})
	if len(es) != 1 || es[0].Date != "2019-07-20" || es[0].Until != "2019-07-21" {
		t.Fatalf("entries %+v: want one from 20 until 21 July", es)
	}
}

// A report naming only a state joins the same day's entry of the same type
// whose people are of that state.
func TestTimelineJoinsByCountry(t *testing.T) {
	e1 := em("AGREE", "sign", "happened", "2019-03-12", "", "min1", "min2")
	e2 := em("AGREE", "sign", "happened", "2019-03-12", "")
	e2.Participants = []rasad.Participant{{Type: "LOC", Key: "Kenya", Name: "كينيا"}}
	reps := []Report{
		{Article: "b", Outlet: "y", Published: day("2019-03-20"), Text: "نص ب", Events: []rasad.EventMention{e2}},
		{Article: "a", Outlet: "x", Published: day("2019-03-12"), Text: "نص أ", Events: []rasad.EventMention{e1}},
	}
	names := Names{"PERSON:min1": {Type: "PERSON", Key: "min1", Name: "min1", Country: "KE", articles: 2},
		"PERSON:min2": {Type: "PERSON", Key: "min2", Name: "min2", Country: "UG", articles: 2},
		"LOC:Kenya":   {Type: "LOC", Key: "Kenya", Name: "كينيا", Country: "KE"}}
	es := Timeline(reps, names)
	if len(es) != 1 || len(es[0].Sources) != 2 {
		t.Fatalf("entries %+v: want one signing with two sources", es)
	}
}

// A person the recognizer saw once without a role, or known only as one
// word with the article (a common noun read as a name), is not shown.
func TestTimelineWeakNames(t *testing.T) {
	reps := []Report{{Article: "a", Outlet: "x", Published: day("2019-03-12"), Text: "نص", Events: []rasad.EventMention{
		em("CONSULT", "meeting", "happened", "2019-03-12", "", "real", "once", "common"),
	}}}
	names := Names{"PERSON:real": {Type: "PERSON", Key: "real", Name: "جوزيف موانغي", articles: 3},
		"PERSON:once":   {Type: "PERSON", Key: "once", Name: "كلمة عابرة", articles: 1},
		"PERSON:common": {Type: "PERSON", Key: "common", Name: "الجوار", articles: 5}}
	es := Timeline(reps, names)
	if len(es) != 1 || len(es[0].Participants) != 1 || es[0].Participants[0].Key != "real" {
		t.Fatalf("entries %+v", es)
	}
}

// A hashtag (#جوزيف_موانغي) and the plain name are one participant.
func TestHashtagKeys(t *testing.T) {
	e1 := em("CONSULT", "meeting", "happened", "2019-03-12", "", "جزف منغ", "other")
	e2 := em("CONSULT", "meeting", "happened", "2019-03-12", "", "جزف_منغ", "other")
	reps := []Report{
		{Article: "a", Outlet: "x", Published: day("2019-03-12"), Text: "نص", Events: []rasad.EventMention{e1}},
		{Article: "b", Outlet: "y", Published: day("2019-03-12"), Text: "نص", Events: []rasad.EventMention{e2}},
	}
	es := Timeline(reps, Names{})
	if len(es) != 1 || len(es[0].Participants) != 2 || len(es[0].Sources) != 2 {
		t.Fatalf("entries %+v", es)
	}
}

// TestConfirmedPlan: «يعتزم X وY إجراء محادثات الأحد» makes a planned entry;
// a report of that Sunday telling, without a date, that they held the call
// confirms it: the entry happened, and the report is one of its sources. An
// undated report of other sides, or one published days later, does not.
func TestConfirmedPlan(t *testing.T) {
	plan := em("CONSULT", "talks", "planned", "2024-03-10", "", "k1", "k2", "k3")
	plan.DateRule = "date in the clause: الأحد"
	reps := []Report{
		{Article: "a", Outlet: "x", Published: day("2024-03-10"), Text: "نص أ", Events: []rasad.EventMention{plan}},
		{Article: "b", Outlet: "y", Published: day("2024-03-10"), Text: "نص ب", Events: []rasad.EventMention{
			em("CONSULT", "phone", "happened", "", "", "k1", "k2"),
		}},
	}
	es := Timeline(reps, Names{})
	if len(es) != 1 || es[0].Status != "happened" || len(es[0].Sources) != 2 {
		t.Fatalf("want one confirmed entry with two sources, got %+v", es)
	}
	for _, other := range []Report{
		{Article: "b", Outlet: "y", Published: day("2024-03-10"), Text: "نص ب", Events: []rasad.EventMention{em("CONSULT", "phone", "happened", "", "", "k1", "k9")}},
		{Article: "b", Outlet: "y", Published: day("2024-03-14"), Text: "نص ب", Events: []rasad.EventMention{em("CONSULT", "phone", "happened", "", "", "k1", "k2")}},
	} {
		es := Timeline([]Report{reps[0], other}, Names{})
		if len(es) != 1 || es[0].Status != "planned" || len(es[0].Sources) != 1 {
			t.Errorf("a report of other sides or days later confirmed the plan: %+v", es)
		}
	}
}

// A state's act told in the same words by two sources is one happening;
// the same state's act told in other words on that day stays apart.
func TestStateOnlySameSentence(t *testing.T) {
	state := func(from, to int) rasad.EventMention {
		return rasad.EventMention{Type: "ASSAULT", Mode: "bombard", Status: "happened", Date: "2024-05-06", DateRule: "date in the clause: الاثنين",
			Participants: []rasad.Participant{{Type: "LOC", Key: "Atlantis", Name: "أطلانطس"}}, Sentence: rasad.Span{Start: from, End: to}}
	}
	same := "وقصفت مدفعية أطلانطس، الاثنين، مواقع على الضفة الشرقية للنهر."
	other := "وقصفت أطلانطس الاثنين جسرا في الشمال."
	reps := []Report{
		{Article: "a", Outlet: "x", Published: day("2024-05-06"), Text: same, Events: []rasad.EventMention{state(0, len(same))}},
		{Article: "b", Outlet: "y", Published: day("2024-05-07"), Text: "تمهيد. " + same, Events: []rasad.EventMention{state(len("تمهيد. "), len("تمهيد. ")+len(same))}},
		{Article: "c", Outlet: "z", Published: day("2024-05-06"), Text: other, Events: []rasad.EventMention{state(0, len(other))}},
	}
	es := Timeline(reps, Names{})
	if len(es) != 2 {
		t.Fatalf("%d entries, want 2 (the copied sentence once, the other apart)", len(es))
	}
	n := []int{len(es[0].Sources), len(es[1].Sources)}
	if !(n[0] == 2 && n[1] == 1 || n[0] == 1 && n[1] == 2) {
		t.Errorf("sources per entry %v, want 2 and 1", n)
	}
}

// TestUndatedOtherBodiesStayOut: in one article, a visit dated by its own
// clause and, dated only through the sentence before, talks of two other
// bodies: the talks do not join the visit nor lend it their sides.
func TestUndatedOtherBodiesStayOut(t *testing.T) {
	visit := withRule(em("CONSULT", "visit", "happened", "2019-05-05", "", "president"), "date in the clause: الأحد")
	talks := withRule(em("CONSULT", "talks", "happened", "2019-05-05", ""), "date of the previous sentence: الأحد")
	talks.Participants = []rasad.Participant{{Type: "ORG", Key: "group one", Name: "group one"}, {Type: "ORG", Key: "group two", Name: "group two"}}
	reps := []Report{{Article: "a", Outlet: "x", Published: day("2019-05-05"), Text: "نص أ", Events: []rasad.EventMention{visit, talks}}}
	for _, e := range Timeline(reps, Names{}) {
		for _, p := range e.Participants {
			if strings.HasPrefix(p.Key, "group") && slices.ContainsFunc(e.Participants, func(q Participant) bool { return q.Key == "president" }) {
				t.Errorf("the talks' bodies joined the visit: %+v", e.Participants)
			}
		}
	}
}
