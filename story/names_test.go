package story

import (
	"strings"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
)

func TestPersonAliases(t *testing.T) {
	cl := func(key string, n int) entities.Cluster {
		c := entities.Cluster{Type: "PERSON", Key: key, Name: key}
		for i := 0; i < n; i++ {
			c.Articles = append(c.Articles, string(rune('a'+i)))
		}
		return c
	}
	cs := []entities.Cluster{
		cl("لي سانغ هو", 5),  // the full name
		cl("لي سانغ", 2),     // cut short
		cl("لي سونغ هو", 1),  // vowels written otherwise
		cl("باك جين", 3),     // a cut name that begins two names: kept
		cl("باك جين سو", 2),  //
		cl("باك جين تاي", 2), //
		cl("فرانك هيل", 4),
		cl("فرانك هيل جونيور", 1), // another person
		cl("فرانك", 6),            // one word: never merged
		cl("الشمالي لي سانغ", 1),  // an adjective taken into the name
	}
	got := personAliases(cs)
	want := map[string]string{"لي سانغ": "لي سانغ هو", "لي سونغ هو": "لي سانغ هو", "الشمالي لي سانغ": "لي سانغ هو"}
	if len(got) != len(want) {
		t.Fatalf("aliases %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s -> %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	names := NamesOf(cs)
	if p := names["PERSON:لي سانغ"]; p.Key != "لي سانغ هو" {
		t.Errorf("alias key shown as %q", p.Key)
	}
}

// Two outlets spell one envoy two ways: the meeting is one entry with
// both outlets as sources.
func TestTimelineMergesSpellings(t *testing.T) {
	reps := []Report{
		{Article: "a1", Outlet: "o1", Published: day("2030-05-06"), Text: "استقبل الرئيس فرانك هيل يوم الاثنين المبعوث لي سانغ هو", Events: []rasad.EventMention{
			em("CONSULT", "meeting", "happened", "2030-05-06", "", "فرانك هيل", "لي سانغ هو")}},
		{Article: "a2", Outlet: "o2", Published: day("2030-05-06"), Text: "التقى فرانك هيل الاثنين لي سونغ هو", Events: []rasad.EventMention{
			em("CONSULT", "meeting", "happened", "2030-05-06", "", "فرانك هيل", "لي سونغ هو")}},
	}
	cs := []entities.Cluster{
		{Type: "PERSON", Key: "فرانك هيل", Name: "فرانك هيل", Articles: []string{"a1", "a2"}, Roles: []string{"رئيس"}},
		{Type: "PERSON", Key: "لي سانغ هو", Name: "لي سانغ هو", Articles: []string{"a1", "a3"}, Roles: []string{"مبعوث"}},
		{Type: "PERSON", Key: "لي سونغ هو", Name: "لي سونغ هو", Articles: []string{"a2"}},
	}
	es := Timeline(reps, NamesOf(cs))
	if len(es) != 1 {
		t.Fatalf("%d entries, want 1: %+v", len(es), es)
	}
	if len(es[0].Sources) != 2 || len(es[0].Participants) != 2 {
		t.Errorf("entry %+v", es[0])
	}
}

// «استقبل الرئيس الصيني تشو لين الزعيم بارك مين هو … وقال بارك …»: the
// one-word بارك is the article's بارك مين هو; with two of the family, it
// stays one word.
func TestResolveSurnames(t *testing.T) {
	ms := []rasad.Mention{
		{Type: "PERSON", Key: "برك من ه"},
		{Type: "PERSON", Key: "تش لن"},
		{Type: "PERSON", Key: "برك"},
	}
	evs := []rasad.EventMention{{Participants: []rasad.Participant{{Type: "PERSON", Key: "تش لن"}, {Type: "PERSON", Key: "برك"}}}}
	got := resolveSurnames(ms, evs)
	if got[0].Participants[1].Key != "برك من ه" {
		t.Errorf("got %+v", got[0].Participants)
	}
	if evs[0].Participants[1].Key != "برك" {
		t.Errorf("the article's own events changed")
	}
	ms = append(ms, rasad.Mention{Type: "PERSON", Key: "برك سن"})
	if got := resolveSurnames(ms, evs); got[0].Participants[1].Key != "برك" {
		t.Errorf("two of the family: got %+v", got[0].Participants)
	}
}

// A name with a regnal ordinal (كيرلس الرابع، ماري الثانية) is also known
// without it.
func TestRegnalAlias(t *testing.T) {
	got := withoutRegnal([]string{"كيرلس الرابع", "ماري الثانية", "لويس السادس عشر", "أحمد"})
	want := []string{"كيرلس", "ماري", "لويس"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %v, want %v", got, want)
	}
}
