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
