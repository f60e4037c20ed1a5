package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/rasad/rasad/story"
)

// DevGold is a gold timeline of a story (../shared/gold/timelines/*.json):
// the query that finds its articles and its events, each with its dates
// and one group of surface forms per side.
type DevGold struct {
	About  string     `json:"about"`
	Query  string     `json:"query"`
	Events []DevEvent `json:"events"`
}

// DevEvent is one gold event.
type DevEvent struct {
	Dates        []string   `json:"dates"`
	What         string     `json:"what"`
	Participants [][]string `json:"participants"`
	Support      []string   `json:"support"`
}

// LoadDevGold reads a story's gold timeline.
func LoadDevGold(path string) (*DevGold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	var g DevGold
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	if g.Query == "" || len(g.Events) == 0 {
		return nil, fmt.Errorf("gold %s: no query or no events", path)
	}
	return &g, nil
}

// SeedEvents turns the seeds' gold timeline (entries of one type, or all
// when typ is "") into events with their participants' surface forms.
func SeedEvents(g *Gold, typ string) ([]DevEvent, error) {
	ge, err := GoldTimeline(g)
	if err != nil {
		return nil, err
	}
	var out []DevEvent
	for _, e := range ge {
		if typ != "" && e.Type != typ {
			continue
		}
		ev := DevEvent{Dates: []string{e.Date}, What: e.What}
		for _, p := range e.Participants {
			ev.Participants = append(ev.Participants, goldForms(g, p))
		}
		out = append(out, ev)
	}
	return out, nil
}

// StrictScore is the score of score_timeline.py: dates (distinct predicted
// dates against the gold events) and events matched one to one, an entry
// meeting a gold event when its date is within the tolerance and its
// participants meet min(2, sides) of the event's sides.
type StrictScore struct {
	Gold, Predicted, Matched int
	DateP, DateR, DateF1     float64
	P, R, F1                 float64
	Missed                   []string
}

var (
	diacritics = regexp.MustCompile("[\u064b-\u0652\u0640]")
	alefs      = regexp.MustCompile("[أإآٱ]")
	puncts     = regexp.MustCompile(`[«»"'()\[\]،,.:؛-]`)
	clitic     = regexp.MustCompile("^(و|ب|ل)")
)

func strictNorm(s string) string {
	s = diacritics.ReplaceAllString(s, "")
	s = alefs.ReplaceAllString(s, "ا")
	s = strings.NewReplacer("ى", "ي", "ة", "ه", "ی", "ي").Replace(s)
	s = puncts.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), " ")
}

func strictKeys(forms []string, lastWords bool) map[string]bool {
	out := map[string]bool{}
	for _, f := range forms {
		n := strictNorm(f)
		if n == "" {
			continue
		}
		out[n] = true
		if !strings.Contains(n, " ") {
			out[clitic.ReplaceAllString(n, "")] = true
		}
		if lastWords {
			ws := strings.Fields(n)
			w := ws[len(ws)-1]
			out[w] = true
			out[clitic.ReplaceAllString(w, "")] = true
		}
	}
	return out
}

func strictDate(s string) (time.Time, string) {
	if len(s) > 10 {
		s = s[:10]
	}
	switch len(s) {
	case 10:
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t, "day"
		}
	case 7:
		if t, err := time.Parse("2006-01", s); err == nil {
			return t, "month"
		}
	}
	return time.Time{}, ""
}

func strictClose(gds []string, pd string, tol int) bool {
	d, p := strictDate(pd)
	if p == "" {
		return false
	}
	for _, g := range gds {
		gd, gp := strictDate(g)
		if gp == "" {
			continue
		}
		if gp == "month" || p == "month" {
			if gp == p && gd.Year() == d.Year() && gd.Month() == d.Month() {
				return true
			}
		} else if diff := gd.Sub(d).Hours() / 24; diff <= float64(tol) && diff >= -float64(tol) {
			return true
		}
	}
	return false
}

// ScoreStrict scores entries against gold events as score_timeline.py does
// (without --lenient).
func ScoreStrict(gold []DevEvent, pred []story.Entry, tol int) StrictScore {
	s := StrictScore{Gold: len(gold), Predicted: len(pred)}
	type pent struct {
		date string
		keys map[string]bool
	}
	pents := make([]pent, len(pred))
	pdates := map[string]bool{}
	for i, e := range pred {
		var names []string
		for _, p := range e.Participants {
			names = append(names, p.Name)
			names = append(names, p.Aliases...)
		}
		pents[i] = pent{e.Date, strictKeys(names, true)}
		if e.Date != "" {
			d := e.Date
			if len(d) > 10 {
				d = d[:10]
			}
			pdates[d] = true
		}
	}
	gparts := make([][]map[string]bool, len(gold))
	for gi, g := range gold {
		for _, fs := range g.Participants {
			gparts[gi] = append(gparts[gi], strictKeys(fs, false))
		}
	}
	// dates
	dtp := 0
	for _, g := range gold {
		for d := range pdates {
			if strictClose(g.Dates, d, tol) {
				dtp++
				break
			}
		}
	}
	dp := 0
	for d := range pdates {
		for _, g := range gold {
			if strictClose(g.Dates, d, tol) {
				dp++
				break
			}
		}
	}
	s.DateP = float64(dp) / float64(max(len(pdates), 1))
	s.DateR = float64(dtp) / float64(max(len(gold), 1))
	s.DateF1 = f1(s.DateP, s.DateR)
	// candidate pairs, best first
	type pair struct{ met, dd, gi, i int }
	var pairs []pair
	for gi, g := range gold {
		need := min(2, len(gparts[gi]))
		for i, p := range pents {
			if !strictClose(g.Dates, p.date, tol) {
				continue
			}
			met := 0
			for _, ks := range gparts[gi] {
				for k := range ks {
					if p.keys[k] {
						met++
						break
					}
				}
			}
			if met >= need {
				dd := 1 << 30
				pd, _ := strictDate(p.date)
				for _, x := range g.Dates {
					if gd, gp := strictDate(x); gp != "" {
						v := int(gd.Sub(pd).Hours() / 24)
						if v < 0 {
							v = -v
						}
						dd = min(dd, v)
					}
				}
				if dd == 1<<30 {
					dd = 0
				}
				pairs = append(pairs, pair{met, dd, gi, i})
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		x, y := pairs[a], pairs[b]
		if x.met != y.met {
			return x.met > y.met
		}
		if x.dd != y.dd {
			return x.dd < y.dd
		}
		if x.gi != y.gi {
			return x.gi < y.gi
		}
		return x.i < y.i
	})
	cand := map[int][]int{}
	for _, p := range pairs {
		cand[p.gi] = append(cand[p.gi], p.i)
	}
	owner := map[int]int{}
	var augment func(gi int, seen map[int]bool) bool
	augment = func(gi int, seen map[int]bool) bool {
		for _, i := range cand[gi] {
			if seen[i] {
				continue
			}
			seen[i] = true
			if o, ok := owner[i]; !ok || augment(o, seen) {
				owner[i] = gi
				return true
			}
		}
		return false
	}
	gis := make([]int, 0, len(cand))
	for gi := range cand {
		gis = append(gis, gi)
	}
	sort.SliceStable(gis, func(a, b int) bool {
		if len(cand[gis[a]]) != len(cand[gis[b]]) {
			return len(cand[gis[a]]) < len(cand[gis[b]])
		}
		return gis[a] < gis[b]
	})
	for _, gi := range gis {
		augment(gi, map[int]bool{})
	}
	used := map[int]bool{}
	for _, gi := range owner {
		used[gi] = true
	}
	s.Matched = len(owner)
	for gi, g := range gold {
		if !used[gi] {
			s.Missed = append(s.Missed, strings.Join(g.Dates, "/")+" "+g.What)
		}
	}
	s.P = float64(s.Matched) / float64(max(len(pred), 1))
	s.R = float64(s.Matched) / float64(max(len(gold), 1))
	s.F1 = f1(s.P, s.R)
	return s
}
