package story

import (
	"strings"
	"testing"
)

// --from/--to over a month keeps an entry dated at month precision, a
// range that reaches into it, and drops what lies outside.
func TestTimelineFilterOverlaps(t *testing.T) {
	cases := []struct {
		e        Entry
		from, to string
		want     bool
	}{
		{Entry{Date: "2019-04", Precision: "month"}, "2019-04-01", "2019-04-30", true},
		{Entry{Date: "2019-04", Precision: "month"}, "2019-04-10", "2019-04-12", true},
		{Entry{Date: "2019-03", Precision: "month"}, "2019-04-01", "2019-04-30", false},
		{Entry{Date: "2019-03-30", Until: "2019-04-02", Precision: "day"}, "2019-04-01", "2019-04-30", true},
		{Entry{Date: "2019-05-01", Precision: "day"}, "2019-04-01", "2019-04-30", false},
		{Entry{Date: "2019-W14", Precision: "week"}, "2019-04-01", "2019-04-01", true},
		{Entry{Date: "2019-04-15", Precision: "day"}, "", "", true},
	}
	for _, c := range cases {
		if got := Overlaps(c.e, c.from, c.to); got != c.want {
			t.Errorf("%s–%s over %s..%s: %v, want %v", c.e.Date, c.e.Until, c.from, c.to, got, c.want)
		}
	}
}

// --limit keeps entries from every period of a long story, not only the
// most reported weeks.
func TestSelectSalientSpansTheStory(t *testing.T) {
	es := []Entry{{Date: "2015-06-01", Precision: "day", Salience: 100}} // background
	// a busy first month, quiet later months
	for d := 1; d <= 20; d++ {
		es = append(es, Entry{Date: "2019-01-" + two(d), Precision: "day", Salience: 20 + float64(d)})
	}
	for _, m := range []string{"02", "03", "04", "05", "06"} {
		es = append(es, Entry{Date: "2019-" + m + "-10", Precision: "day", Salience: 3, Independent: 2, Participants: make([]Participant, 2)})
	}
	got := selectSalient(es, 12, "2019-01-01", "2019-06-30", nil)
	if len(got) != 12 {
		t.Fatalf("%d entries, want 12", len(got))
	}
	months := map[string]bool{}
	for i, e := range got {
		months[e.Date[:7]] = true
		if i > 0 && e.Date < got[i-1].Date {
			t.Errorf("not in date order")
		}
	}
	for _, m := range []string{"2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06"} {
		if !months[m] {
			t.Errorf("no entry of %s in %v", m, got)
		}
	}
}

func two(d int) string {
	s := "0" + strings.TrimSpace(string(rune('0'+d/10))+string(rune('0'+d%10)))
	return s[len(s)-2:]
}

// --limit prefers the day of a happening over a month, over background
// told before the first report, and over a plan no report tells as done.
// A quiet week whose only entry rests on one report gets no place of its
// own.
func TestSelectSalientQuietWeek(t *testing.T) {
	day := func(d string, sal float64, ind int) Entry {
		// other people each day
		two := []Participant{{Type: "PERSON", Key: d + "a"}, {Type: "PERSON", Key: d + "b"}}
		return Entry{Date: d, Precision: "day", Status: "happened", Salience: sal, Independent: ind, Participants: two}
	}
	es := []Entry{
		day("2032-04-05", 8, 3), day("2032-04-06", 7, 2), day("2032-04-07", 6.5, 2), day("2032-04-08", 6, 2),
		day("2032-04-20", 2, 1), // one report
		day("2032-05-03", 6, 2), day("2032-05-04", 5.5, 2),
	}
	got := selectSalient(es, 6, "2032-04-01", "2032-05-10", nil)
	if len(got) != 6 {
		t.Fatalf("kept %+v", got)
	}
	for _, e := range got {
		if e.Date == "2032-04-20" {
			t.Errorf("the quiet week's one-report entry kept: %+v", got)
		}
	}
}

func TestSelectSalientPrefersDaysAndDone(t *testing.T) {
	es := []Entry{
		{Date: "2031-01", Precision: "month", Status: "happened", Salience: 9},             // coarse
		{Date: "2030-12-20", Precision: "day", Status: "happened", Salience: 9},            // before the first report
		{Date: "2031-01-12", Precision: "day", Status: "happened", Salience: 6},            // the story's own
		{Date: "2031-03-02", Precision: "day", Status: "planned", Salience: 9},             // after the last report, never held
		{Date: "2031-01-20", Precision: "day", Status: "happened", Salience: 5.5},          // the story's own
		{Date: "2031-01-25", Until: "", Precision: "day", Status: "happened", Salience: 1}, // a minor one
	}
	got := selectSalient(es, 2, "2031-01-05", "2031-01-31", nil)
	if len(got) != 2 || got[0].Date != "2031-01-12" || got[1].Date != "2031-01-20" {
		t.Errorf("kept %+v", got)
	}
}

// A happening told as two days (the visit on the 9th, the talks of it on
// the 10th) takes one place under --limit; another happening takes the
// other.
func TestSelectSalientRedundant(t *testing.T) {
	p := func(keys ...string) []Participant {
		var out []Participant
		for _, k := range keys {
			out = append(out, Participant{Type: "PERSON", Key: k})
		}
		return out
	}
	es := []Entry{
		{Date: "2033-09-09", Precision: "day", Status: "happened", Salience: 9, Independent: 3, Participants: p("سالم", "روبرت", "لينا")},
		{Date: "2033-09-10", Precision: "day", Status: "happened", Salience: 7, Independent: 2, Participants: p("روبرت", "سالم")},
		{Date: "2033-09-10", Precision: "day", Status: "happened", Salience: 5, Independent: 2, Participants: p("سالم", "هانز")},
	}
	got := selectSalient(es, 2, "2033-09-01", "2033-09-30", nil)
	if len(got) != 2 || got[1].Participants[1].Key != "هانز" {
		t.Errorf("kept %+v", got)
	}
}

// With --query, --limit prefers what the reader asked about: an entry whose
// people or sentences name the query.
func TestSelectPrefersTheQuery(t *testing.T) {
	mk := func(d string, sal float64, name, quote string) Entry {
		return Entry{Date: d, Precision: "day", Type: "CONSULT", Status: "happened", Salience: sal, Independent: 2,
			Participants: []Participant{{Type: "PERSON", Key: name, Name: name}, {Type: "PERSON", Key: "x" + d, Name: "نادر"}},
			Sources:      []Source{{Quote: quote}}}
	}
	es := []Entry{
		mk("2034-02-03", 6, "وفاء العتيبي", "التقى وزير المالية نظيره"),
		mk("2034-02-05", 4, "عمر", "بحثت الوزيرة وفاء العتيبي مع نادر"),
		mk("2034-02-07", 4.5, "سمير", "اجتماع في الميناء"),
	}
	got := Select(es, Filter{Limit: 2, Query: "وفاء العتيبي", First: "2034-02-01", Last: "2034-02-20"})
	if len(got) != 2 || got[0].Date != "2034-02-03" || got[1].Date != "2034-02-05" {
		t.Errorf("kept %+v", got)
	}
}
