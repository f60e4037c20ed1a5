package story

import "testing"

// Stories told apart keep their entries; reading them together folds an
// event that two stories tell alike into one entry with both stories'
// sources, and leaves a different event (another participant) alone.
func TestCollapseStories(t *testing.T) {
	p := func(k string) Participant { return Participant{Type: "PERSON", Key: k, Name: k} }
	a := Entry{Date: "2022-03-01", Precision: "day", Type: "CONSULT", Status: "happened", Participants: []Participant{p("x"), p("y")}, Salience: 3,
		Sources: []Source{{Article: "s1-a", Quote: "q1", Published: "2022-03-02", Independent: true}}, Independent: 1}
	b := a
	b.Salience = 1
	b.Sources = []Source{{Article: "s2-a", Quote: "q2", Published: "2022-03-01", Independent: true}, {Article: "s1-a", Quote: "q1", Published: "2022-03-02", Independent: true}}
	b.Independent = 2
	c := a
	c.Participants = []Participant{p("x"), p("z")}
	got := CollapseStories(MergeEntries([]Entry{a}, []Entry{b, c}))
	if len(got) != 2 {
		t.Fatalf("%d entries, want 2: %+v", len(got), got)
	}
	f := got[0]
	if f.Salience != 3 || len(f.Sources) != 2 || f.Sources[0].Article != "s2-a" || f.Independent != 2 {
		t.Errorf("folded entry %+v", f)
	}
	if len(a.Sources) != 1 {
		t.Errorf("the input entry changed: %+v", a.Sources)
	}
}
