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
	if got := sideNames(e); strings.Contains(got, "وزارة") || !strings.Contains(got, "إسرائيل") {
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

// A date belongs to the act whose clause holds it: not to a cause or a
// response phrase's happening, not to what a ف-clause says followed, not
// to what a speaker (قوله، الجمعة، إن) tells.
func TestCauseAndConsequentDates(t *testing.T) {
	cases := []struct {
		src, pub, typ, notDate, date string
	}{
		// a noun trigger inside a cause phrase: the date before is the order's
		{"وأمرت الحكومة، يوم الأربعاء، بإغلاق السفارة جراء هجوم روسي على مقرها.", "2024-06-07", "ASSAULT", "2024-06-05", ""},
		// a toll and its cause fall on one day
		{"وقتل ثلاثة مدنيين، الأربعاء، جراء غارة روسية على القرية.", "2024-06-07", "ASSAULT", "", "2024-06-05"},
		// a response phrase after the trigger: its date is what is answered
		{"وقررت كندا، الاثنين، طرد دبلوماسيين ردا على الهجوم على السفارة في الثالث من مايو.", "2024-06-05", "COERCE", "2024-05-03", "2024-06-03"},
		// «…، فاتهمت»: what followed, not the date of the clause before
		{"ووقع الانفجار في الميناء في الخامس من الشهر الجاري، فاتهمت تركيا إيران بالوقوف وراءه.", "2024-06-20", "ACCUSE", "2024-06-05", ""},
		// a relative clause under و does not take the date before its pronoun
		{"وقتل خمسة في هجوم على السوق في الثالث من مايو والذي تتهم تركيا إيران بالوقوف وراءه.", "2024-06-05", "ACCUSE", "2024-05-03", ""},
		// a date after بالوقوف وراء is the accused act's
		{"وتتهم تركيا إيران بالوقوف وراء الهجوم على السفارة يوم 3 مايو الماضي.", "2024-06-05", "ACCUSE", "2024-05-03", ""},
		// a date in an attribution is the saying's
		{"وطردت كندا دبلوماسيين روس، بحسب ما قال مسؤول أوروبي في بروكسل الجمعة.", "2024-06-09", "COERCE", "2024-06-07", ""},
		// the speaker's date
		{"ونقلت الوكالة عن المتحدث قوله، الجمعة، إن اتهامات بريطانيا بضلوع روسيا في هجوم استهدف القافلة مرفوضة.", "2024-06-09", "ASSAULT", "2024-06-07", ""},
	}
	for _, c := range cases {
		e := eventOf(t, c.src, c.pub, c.typ)
		if c.date != "" && (e == nil || e.Date != c.date) {
			t.Errorf("%s: %s dated %v, want %s", c.src, c.typ, e, c.date)
		}
		if e == nil {
			t.Errorf("%s: no %s", c.src, c.typ)
		}
		if e != nil && c.notDate != "" && e.Date == c.notDate {
			t.Errorf("%s: %s dated %s (%s), the date of another act", c.src, c.typ, e.Date, e.DateRule)
		}
	}
}

// A nationality adjective after a place preposition describes the place;
// after مع it names a side, and it is shown as the state's name.
func TestAdjectiveSides(t *testing.T) {
	if e := eventOf(t, "وشارك الوزير في اجتماع في العاصمة الروسية الثلاثاء.", "2024-06-05", "CONSULT"); e != nil && strings.Contains(sideNames(e), "روسيا") {
		t.Errorf("the capital's adjective taken as a side: %s", sideNames(e))
	}
	e := eventOf(t, "وعقد الوزير الثلاثاء لقاء مع الوفد الروسي في جنيف.", "2024-06-05", "CONSULT")
	if e == nil || !strings.Contains(sideNames(e), "روسيا") || strings.Contains(sideNames(e), "الروسي") {
		t.Errorf("want روسيا as a side, got %v", e)
	}
}

// وقع … على is a signing only when على follows the verb closely: «الحادث
// الذي وقع في المدينة، حيث عثر، الأحد، على …» happened, nobody signed.
func TestSignOnNear(t *testing.T) {
	if e := eventOf(t, "وأصيب عشرة أشخاص في الحادث الذي وقع في مدينة ليون، حيث عثر، الأحد، على الوزير الفرنسي جان دوبون مصابا.", "2024-06-04", "AGREE"); e != nil {
		t.Errorf("a signing found: %+v", e)
	}
	if e := eventOf(t, "ووقع الوزير الفرنسي جان دوبون، الأحد، على اتفاق مع ألمانيا.", "2024-06-04", "AGREE"); e == nil {
		t.Errorf("no signing in وقع … على اتفاق")
	}
}

// Whose side something is on (الموالية لـ، التابعة لـ) is no side.
func TestAllegianceNotSide(t *testing.T) {
	e := eventOf(t, "والتقى الوزير الأربعاء في بغداد قادة الفصائل الموالية لحزب الله.", "2024-06-07", "CONSULT")
	if e != nil && strings.Contains(sideNames(e), "حزب الله") {
		t.Errorf("participants %s: want no حزب الله", sideNames(e))
	}
	e = eventOf(t, "والتقى الوزير الأربعاء في بغداد قادة حزب الله.", "2024-06-07", "CONSULT")
	if e == nil || !strings.Contains(sideNames(e), "حزب الله") {
		t.Errorf("want حزب الله as a side, got %v", e)
	}
}

// Who is named in what an event is about (لبحث، حول، وراء، احتجاجا على) is
// its topic, not a side; the sides before the topic word stay.
func TestTopicNotSide(t *testing.T) {
	src := "والتقى وزير الخارجية الفرنسي جان دوبون الأربعاء في لندن نظيره البريطاني لبحث قضية تسميم العالم الروسي أليكسي بيتروف."
	e := eventOf(t, src, "2024-06-07", "CONSULT")
	if e == nil {
		t.Fatalf("no CONSULT in %s", src)
	}
	if got := sideNames(e); strings.Contains(got, "بيتروف") || !strings.Contains(got, "دوبون") {
		t.Errorf("participants %s: want دوبون and not the topic's بيتروف", got)
	}
	// «لبحث» read as the trigger: who follows it is discussed, not present
	for _, e := range find(t, "وعقد وزراء الداخلية اجتماعا طارئا الأربعاء لبحث قضية تسميم العالم الروسي أليكسي بيتروف.", "2024-06-07") {
		if strings.Contains(sideNames(&e), "بيتروف") {
			t.Errorf("%s %s: the topic's بيتروف as a side", e.Type, e.Text)
		}
	}
}
