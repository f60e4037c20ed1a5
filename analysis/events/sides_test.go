package events

import (
	"strings"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

func eventOf(t *testing.T, src, pub, typ string) *rasad.EventMention {
	t.Helper()
	for _, e := range find(t, src, pub) {
		if e.Type == typ {
			return &e
		}
	}
	return nil
}

func sideNames(e *rasad.EventMention) string {
	var out []string
	for _, p := range e.Participants {
		out = append(out, p.Name)
	}
	return strings.Join(out, "|")
}

// The body that announces a toll is the report's source, not a side of
// the attack; a body that announces its own act stays a side.
func TestAnnouncerNotSide(t *testing.T) {
	src := "وأعلنت وزارة الصحة الفلسطينية، الثلاثاء، مقتل شابين في غارة إسرائيلية على رفح."
	e := eventOf(t, src, "2018-03-20", "ASSAULT")
	if e == nil {
		t.Fatalf("no ASSAULT in %s", src)
	}
	if got := sideNames(e); strings.Contains(got, "وزارة") || !strings.Contains(got, "إسرائيلية") {
		t.Errorf("%s: participants %s, want the attacker and not the ministry", src, got)
	}
	ctl := "ووقعت وزارة الخارجية الأردنية، الثلاثاء، اتفاقا مع الاتحاد الأوروبي."
	if e := eventOf(t, ctl, "2018-03-20", "AGREE"); e == nil || !strings.Contains(sideNames(e), "وزارة") {
		t.Errorf("%s: want the ministry as a side, got %+v", ctl, e)
	}
}

// Someone a negation keeps out of a meeting is not a side of it.
func TestAbsentNotSide(t *testing.T) {
	for _, src := range []string{
		"وقال المتحدث إن من المؤسف عدم تمكن تركيا من المشاركة في اجتماع الأربعاء بسبب الانتخابات.",
		"وسجل غياب تركيا عن اجتماع الأربعاء في أثينا.",
	} {
		if e := eventOf(t, src, "2018-03-22", "CONSULT"); e != nil && strings.Contains(sideNames(e), "تركيا") {
			t.Errorf("%s: participants %s, want no تركيا", src, sideNames(e))
		}
	}
	ctl := "وشارك وزير الخارجية التركي مولود جاويش أوغلو في اجتماع الأربعاء في أثينا."
	if e := eventOf(t, ctl, "2018-03-22", "CONSULT"); e == nil || !strings.Contains(sideNames(e), "مولود") {
		t.Errorf("%s: want the minister as a side, got %+v", ctl, e)
	}
}

// After مدينة or العاصمة a name no lexicon knows is a place only when a
// preposition of place introduces the head: «بإقامة مدينة خيام» is a tent
// city, «في مدينة كرمة» a city.
func TestHeadedPlace(t *testing.T) {
	cases := []struct {
		src, name string
		want      bool
	}{
		{"احتجوا بإقامة مدينة خيام قرب الحدود", "خيام", false},
		{"احتجوا في مدينة كرمة قرب الحدود", "كرمة", true},
		{"وصلوا إلى العاصمة نوفا أمس", "نوفا", true},
		{"وشهدت العاصمة نوفا مظاهرات", "نوفا", false},
	}
	for _, c := range cases {
		toks := text.Tokenize(c.src)
		at := strings.Index(c.src, c.name)
		m := rasad.Mention{Span: rasad.Span{Start: at, End: at + len(c.name)}, Text: c.name, Type: "LOC", Key: c.name, Rule: "model:perceptron"}
		in := Input{Text: c.src, Tokens: toks, Mentions: []rasad.Mention{m}}
		in.ix = newIndex(in)
		if got := afterPlacePrep(in, m); got != c.want {
			t.Errorf("%s: %s a place = %v, want %v", c.src, c.name, got, c.want)
		}
		// a lexicon place is one after any head
		m.Rule, m.Canonical = "lexicon places.tsv:1", "Nova"
		if !afterPlacePrep(in, m) {
			t.Errorf("%s: lexicon place %s not taken", c.src, c.name)
		}
	}
}
