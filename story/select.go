package story

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// Filter selects and cuts timeline entries.
type Filter struct {
	Type     string // PLOVER type, "" for all
	From, To string // days (YYYY-MM-DD), "" for open: an entry is kept when the days it covers meet [From, To]
	// Limit keeps the Limit most salient entries across the story's whole
	// life, still in date order (0: all).
	Limit int
	// Query is what the reports were searched by: an entry whose own
	// sentences or participants name it is what the reader asked about.
	Query string
	// First and Last are the first and last publication days of the
	// reports (PublishedSpan), which cut the story's life into periods.
	First, Last string
}

// PublishedSpan is the first and last publication day of arts.
func PublishedSpan(arts []*rasad.Article) (first, last string) {
	for _, a := range arts {
		if a.Published != nil {
			d := a.Published.Format("2006-01-02")
			if first == "" || d < first {
				first = d
			}
			last = max(last, d)
		}
	}
	return first, last
}

// Select applies f to entries (in date order) and returns the kept ones.
func Select(entries []Entry, f Filter) []Entry {
	var out []Entry
	for _, e := range entries {
		if f.Type != "" && e.Type != f.Type {
			continue
		}
		if !Overlaps(e, f.From, f.To) {
			continue
		}
		out = append(out, e)
	}
	var rel []bool
	if q := text.Key(f.Query); q != "" && f.Limit > 0 && len(out) > f.Limit {
		rel = make([]bool, len(out))
		for i, e := range out {
			rel[i] = aboutQuery(e, q)
		}
	}
	return selectSalient(out, f.Limit, f.First, f.Last, rel)
}

// aboutQuery: a participant's name or a cited sentence holds the query
// (normalized), or the participant's name is held by the query (محمد بن
// سلمان for the query الأمير محمد بن سلمان).
func aboutQuery(e Entry, q string) bool {
	for _, p := range e.Participants {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			k := text.Key(n)
			if strings.Contains(k, q) || len(strings.Fields(k)) >= 2 && strings.Contains(q, k) {
				return true
			}
		}
	}
	for _, s := range e.Sources {
		if strings.Contains(text.Key(s.Quote), q) {
			return true
		}
	}
	return false
}

// Overlaps: the days an entry covers (a day, a range, a week, a month, a
// year) meet [from, to]; an empty bound is open.
func Overlaps(e Entry, from, to string) bool {
	start, end := EntryDays(e)
	return (from == "" || end >= from) && (to == "" || start <= to)
}

// EntryDays is the first and last day (YYYY-MM-DD) an entry covers.
func EntryDays(e Entry) (string, string) {
	d := e.Date
	switch {
	case len(d) == 10:
		if e.Until > d {
			return d, e.Until
		}
		return d, d
	case len(d) == 7:
		if t, err := time.Parse("2006-01", d); err == nil {
			return d + "-01", t.AddDate(0, 1, -1).Format("2006-01-02")
		}
	case len(d) == 4:
		return d + "-01-01", d + "-12-31"
	case len(d) == 8 && d[5] == 'W':
		var y, w int
		if _, err := fmt.Sscanf(d, "%d-W%d", &y, &w); err == nil {
			jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
			mon := jan4.AddDate(0, 0, -int((jan4.Weekday()+6)%7)+(w-1)*7)
			return mon.Format("2006-01-02"), mon.AddDate(0, 0, 6).Format("2006-01-02")
		}
	}
	return d, d
}

// selectSalient keeps the limit most salient entries across the story's
// whole life, in date order: the period of the reports (weeks for a story
// of up to three months, months beyond) is cut in equal periods; each
// period that has entries gets one place when there are places enough, and
// the rest go to the periods in proportion to their entries' salience.
// first and last are the first and last publication days of the reports;
// entries before or after them (background, plans) compete for the
// proportional places only.
func selectSalient(es []Entry, limit int, first, last string, rel []bool) []Entry {
	if limit <= 0 || len(es) <= limit {
		return es
	}
	f, err1 := time.Parse("2006-01-02", first)
	l, err2 := time.Parse("2006-01-02", last)
	period := func(Entry) string { return "" }
	if err1 == nil && err2 == nil {
		monthly := l.Sub(f) > 92*24*time.Hour
		lo, hi := f.AddDate(0, 0, -7).Format("2006-01-02"), last
		period = func(e Entry) string {
			d, _ := EntryDays(e)
			if d < lo || d > hi || len(e.Date) < 10 {
				return "" // outside the reports' span, or coarse
			}
			t, err := time.Parse("2006-01-02", d)
			if err != nil {
				return ""
			}
			if monthly {
				return t.Format("2006-01")
			}
			y, w := t.ISOWeek()
			return fmt.Sprintf("%04d-W%02d", y, w)
		}
	}
	// background told in passing (a meeting a year before the first
	// report) yields to what the reports are about
	weight := make([]float64, len(es))
	background := ""
	if err1 == nil {
		background = f.AddDate(0, 0, -30).Format("2006-01-02")
	}
	for i, e := range es {
		weight[i] = e.Salience
		start, end := EntryDays(e)
		switch {
		case background != "" && end < background:
			weight[i] /= 4
		case end < first:
			weight[i] /= 2 // told before the first report: background
		}
		if rel != nil && !rel[i] {
			weight[i] /= 2 // the query is neither in its sentences nor among its people
		}
		if len(e.Date) < 10 {
			weight[i] /= 3 // a month or a year: not the day of a happening
		}
		if last != "" && start > last && e.Status != "happened" {
			weight[i] /= 2 // a plan no report tells as done
		}
	}
	redundant(es, weight)
	// entries by period, most salient first
	byPeriod := map[string][]int{}
	for i, e := range es {
		p := period(e)
		byPeriod[p] = append(byPeriod[p], i)
	}
	periods := make([]string, 0, len(byPeriod))
	for p, idx := range byPeriod {
		sort.SliceStable(idx, func(a, b int) bool { return weight[idx[a]] > weight[idx[b]] })
		periods = append(periods, p)
	}
	sort.Strings(periods)
	quota := map[string]int{}
	left := limit
	var real []string
	for _, p := range periods {
		if p != "" {
			real = append(real, p)
		}
	}
	if len(real) <= limit/2 {
		for _, p := range real {
			// the period's best entry, when others tell it too and it
			// names who met whom: a quiet week of one-source mentions
			// gets no place of its own
			if best := es[byPeriod[p][0]]; best.Independent >= 2 && len(best.Participants) >= 2 {
				quota[p] = 1
				left--
			}
		}
	}
	// the rest, one at a time, to the most salient entry not yet taken
	taken := map[string]int{}
	for p, q := range quota {
		taken[p] = q
	}
	for ; left > 0; left-- {
		best, bestS := "", -1.0
		for _, p := range periods {
			if idx := byPeriod[p]; taken[p] < len(idx) {
				if s := weight[idx[taken[p]]]; s > bestS {
					best, bestS = p, s
				}
			}
		}
		if bestS < 0 {
			break
		}
		taken[best]++
	}
	var keep []int
	for _, p := range periods {
		keep = append(keep, byPeriod[p][:min(taken[p], len(byPeriod[p]))]...)
	}
	sort.Ints(keep)
	out := make([]Entry, 0, len(keep))
	for _, i := range keep {
		out = append(out, es[i])
	}
	return out
}

// redundant lowers the weight of an entry that tells again, a day either
// side, what a weightier entry tells: two of its participants are that
// entry's (one happening reported as two days, or as a visit and its
// meetings). It stays in the timeline; --limit prefers other happenings.
// Entries are looked up by day, so the pass is linear in the entries.
func redundant(es []Entry, weight []float64) {
	order := make([]int, len(es))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return weight[order[a]] > weight[order[b]] })
	byDay := map[string][]int{} // kept (not redundant) entries by day
	for _, i := range order {
		e := es[i]
		t, err := time.Parse("2006-01-02", e.Date)
		if e.Precision != "day" || err != nil {
			continue
		}
		keys := map[string]bool{}
		for _, p := range e.Participants {
			keys[p.Type+":"+p.Key] = true
		}
		dup := false
		for d := -1; d <= 1 && !dup; d++ {
			for _, j := range byDay[t.AddDate(0, 0, d).Format("2006-01-02")] {
				shared := 0
				for _, p := range es[j].Participants {
					if keys[p.Type+":"+p.Key] {
						shared++
					}
				}
				if shared >= 2 {
					dup = true
					break
				}
			}
		}
		if dup {
			weight[i] /= 3
			continue
		}
		byDay[e.Date] = append(byDay[e.Date], i)
	}
}
