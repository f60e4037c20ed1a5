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
		es = append(es, Entry{Date: "2019-" + m + "-10", Precision: "day", Salience: 3})
	}
	got := selectSalient(es, 12, "2019-01-01", "2019-06-30")
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
func TestSelectSalientPrefersDaysAndDone(t *testing.T) {
	es := []Entry{
		{Date: "2031-01", Precision: "month", Status: "happened", Salience: 9},             // coarse
		{Date: "2030-12-20", Precision: "day", Status: "happened", Salience: 9},            // before the first report
		{Date: "2031-01-12", Precision: "day", Status: "happened", Salience: 6},            // the story's own
		{Date: "2031-03-02", Precision: "day", Status: "planned", Salience: 9},             // after the last report, never held
		{Date: "2031-01-20", Precision: "day", Status: "happened", Salience: 5.5},          // the story's own
		{Date: "2031-01-25", Until: "", Precision: "day", Status: "happened", Salience: 1}, // a minor one
	}
	got := selectSalient(es, 2, "2031-01-05", "2031-01-31")
	if len(got) != 2 || got[0].Date != "2031-01-12" || got[1].Date != "2031-01-20" {
		t.Errorf("kept %+v", got)
	}
}
