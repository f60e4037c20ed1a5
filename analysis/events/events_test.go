package events

import (
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/dates"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/text"
)

func find(t *testing.T, src, published string) []rasad.EventMention {
	t.Helper()
	toks := text.Tokenize(src)
	d, _ := time.Parse("2006-01-02", published)
	tx := dates.TagTokens(src, toks, dates.Anchor{Date: d, Kind: "published"})
	ms := entities.Find(src, toks, entities.Options{})
	return Find(Input{Text: src, Tokens: toks, Timexes: tx, Mentions: ms, Published: published})
}

func TestEventMentions(t *testing.T) {
	cases := []struct {
		src, pub                string
		typ, mode, status, date string
		participant, place      string
	}{
		{"التقى وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري أمس الأحد في القاهرة.", "2024-03-11",
			"CONSULT", "meeting", "happened", "2024-03-10", "أيمن الصفدي", "القاهرة"},
		{"وسيلتقي الرئيس الفرنسي إيمانويل ماكرون المستشار الألماني أولاف شولتس الخميس المقبل في برلين.", "2024-03-11",
			"CONSULT", "meeting", "planned", "2024-03-14", "إيمانويل ماكرون", "برلين"},
		{"وأجرى وزير الخارجية الأمريكي ريكس تيلرسون الأربعاء اتصالا هاتفيا مع نظيره الإيراني جواد ظريف.", "2018-02-16",
			"CONSULT", "phone", "happened", "2018-02-14", "جواد ظريف", ""},
		{"ونشرت الحكومة يوم 3 مارس مشروع اتفاق مع الاتحاد الأوروبي.", "2024-03-11",
			"REQUEST", "proposal", "happened", "2024-03-03", "الاتحاد الأوروبي", ""},
	}
	for _, c := range cases {
		ems := find(t, c.src, c.pub)
		if len(ems) == 0 {
			t.Errorf("%s: no event", c.src)
			continue
		}
		e := ems[0]
		ok := e.Type == c.typ && e.Mode == c.mode && e.Status == c.status && e.Date == c.date && e.PlaceName == c.place
		has := false
		for _, p := range e.Participants {
			if p.Name == c.participant {
				has = true
			}
		}
		if !ok || !has {
			t.Errorf("%s\n got %s %s %s %s place %q participants %+v (%s; %s)", c.src, e.Type, e.Mode, e.Status, e.Date, e.PlaceName, e.Participants, e.Rule, e.DateRule)
		}
	}
}

// In a relative clause, the main clause's subject does not take part in
// the event the clause tells.
func TestRelativeClause(t *testing.T) {
	src := "وشكك الوزير الروسي سيرغي شويغو في الانتهاكات التي تتهم المعارضة نظام الرئيس بشار الأسد وروسيا بارتكابها في حلب."
	var accuse *rasad.EventMention
	for _, e := range find(t, src, "2018-03-20") {
		if e.Type == "ACCUSE" {
			accuse = &e
		}
	}
	if accuse == nil {
		t.Fatalf("no ACCUSE event in %s", src)
	}
	names := map[string]bool{}
	for _, p := range accuse.Participants {
		names[p.Name] = true
	}
	if names["سيرغي شويغو"] || !names["بشار الأسد"] {
		t.Errorf("participants %+v: want the accused, not the main clause's subject", accuse.Participants)
	}
}

// A verb of signing needs an agreement, a verb of holding a meeting; a
// press conference is not a meeting between parties.
func TestTriggerObjects(t *testing.T) {
	cases := []struct {
		src  string
		want string // the event type, or "" for none
	}{
		{"ووقعت الأردن ومصر اتفاقية للتعاون في القاهرة الأحد.", "AGREE"},
		{"ووقعت الأرجنتين في المجموعة الرابعة التي تضم كرواتيا ونيجيريا.", ""},
		{"ودخل الرئيس الفرنسي إيمانويل ماكرون القاعة على وقع تصفيق الحاضرين في باريس.", ""},
		{"وعقد الوزيران اجتماعا في عمان الأحد لبحث الأزمة مع العراق.", "CONSULT"},
		{"وقال وزير الخارجية المصري سامح شكري خلال مؤتمر صحفي عقد في القاهرة الأحد إن المحادثات انتهت.", ""},
	}
	for _, c := range cases {
		got := ""
		for _, e := range find(t, c.src, "2019-06-10") {
			if e.Text == "وقعت" || e.Text == "وقع" || e.Text == "عقد" || e.Text == "ووقعت" || e.Text == "وعقد" {
				got = e.Type
			}
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.src, got, c.want)
		}
	}
}

// A meeting agreed on for a later month is planned; the agreeing itself
// happened, and is not dated with the meeting's date.
func TestAgreedLaterMeeting(t *testing.T) {
	src := "وقال بيان مشترك إن الطرفين اتفقا على لقاء جديد في مدريد في يوليو 2025."
	var agree, meet *rasad.EventMention
	for _, e := range find(t, src, "2025-06-15") {
		switch e.Type {
		case "AGREE":
			agree = &e
		case "CONSULT":
			meet = &e
		}
	}
	if agree == nil || meet == nil {
		t.Fatalf("want an AGREE and a CONSULT in %s", src)
	}
	if agree.Date != "" || agree.Status != "happened" {
		t.Errorf("agreeing: date %q status %s (%s)", agree.Date, agree.Status, agree.DateRule)
	}
	if meet.Date != "2025-07" || meet.Status != "planned" {
		t.Errorf("meeting: date %q status %s", meet.Date, meet.Status)
	}
}

// A meeting wished or asked for is planned, not done.
func TestWishedEvents(t *testing.T) {
	for _, src := range []string{
		"وأضاف أن روسيا تسعى للقاء مع مسؤولي الأمم المتحدة في جنيف.",
		"وأعلن الرئيس الإيراني حسن روحاني رغبته لقاء نظيره الأمريكي في نيويورك.",
		"ودعت الأمم المتحدة إلى عقد اجتماع طارئ في جنيف.",
		"وقال المتحدث إن رئيس الوزراء قبل الدعوة للقاء رئيس البرتغال في لشبونة.",
		"وتناولت الصحف الصادرة الخميس الإعلان عن اللقاء المنتظر بين رئيسي تشيلي والبيرو.",
	} {
		ems := find(t, src, "2019-06-10")
		if len(ems) == 0 {
			t.Errorf("no event in %s", src)
		}
		for _, e := range ems {
			if e.Type == "CONSULT" && e.Status != "planned" {
				t.Errorf("%s: %q is %s", src, e.Text, e.Status)
			}
		}
	}
}

// A date said about the statement is not the date of what it announces,
// and a quotation is not a report.
func TestNoWrongAnchors(t *testing.T) {
	src := "أعلنت المتحدثة باسم الوزارة، اليوم الثلاثاء، أن الجانبين يحضران لاجتماع مرتقب بين وزيري الخارجية جواد ظريف وريكس تيلرسون.\nوقال الوزير: «سنعقد محادثات مع الجانب الأمريكي قريبا».\n"
	for _, e := range find(t, src, "2018-03-20") {
		if e.Date != "" {
			t.Errorf("%q dated %s (%s)", e.Text, e.Date, e.DateRule)
		}
		if e.Text == "محادثات" {
			t.Errorf("a quotation became an event: %+v", e)
		}
	}
}

func FuzzEvents(f *testing.F) {
	for _, s := range []string{"التقى وزير الخارجية الأردني أيمن الصفدي نظيره أمس في القاهرة.", "ونشرت الحكومة مشروع اتفاق", "«سنعقد محادثات»", "في حين أجرى"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range find(t, s, "2024-03-11") {
			if e.Trigger.Start < 0 || e.Trigger.End > len(s) || e.Trigger.End <= e.Trigger.Start || e.Sentence.End > len(s) {
				t.Fatalf("bad spans %+v in %q", e, s)
			}
		}
	})
}
