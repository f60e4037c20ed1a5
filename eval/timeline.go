package eval

import (
	"encoding/json"
	"fmt"
	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/collection"
	"sort"

	"github.com/rasad/rasad/story"
)

// GoldEntry is one entry of the gold timeline.
type GoldEntry struct {
	Date         string   `json:"date"`
	Type         string   `json:"type"`
	Mode         string   `json:"mode"`
	Place        *string  `json:"place"`
	Participants []string `json:"participants"`
	Sources      []string `json:"sources"`
	What         string   `json:"what"`
}

// TimelineScore scores a timeline against the gold's entries.
type TimelineScore struct {
	Type                      string // "" for all types
	Gold, Predicted           int
	DateMatched, Matched      int
	DateP, DateR, DateF1      float64
	Precision, Recall, F1     float64
	SourcesCited, SourcesGold int
	Misses, Extras, Partial   []string
	Matches                   map[int]int // gold index -> predicted index
}

// GoldTimeline reads the gold's timeline entries.
func GoldTimeline(g *Gold) ([]GoldEntry, error) {
	out := make([]GoldEntry, 0, len(g.Timeline))
	for _, raw := range g.Timeline {
		var e GoldEntry
		if err := json.Unmarshal(raw, &e); err != nil {
			return nil, fmt.Errorf("gold timeline: %w", err)
		}
		out = append(out, e)
	}
	return out, nil
}

// goldForms returns the surface forms of a gold participant (any type).
func goldForms(g *Gold, name string) []string {
	for _, typ := range []string{"PERSON", "ORG", "LOC"} {
		if fs, ok := g.Entities[typ][name]; ok {
			return fs
		}
	}
	return []string{name}
}

// ScoreTimeline matches entries one to one: equal date (same precision)
// and at least one shared participant by any of its forms. typ limits both
// sides to one PLOVER type ("" for all).
func ScoreTimeline(g *Gold, gold []GoldEntry, pred []story.Entry, typ string) TimelineScore {
	s := TimelineScore{Type: typ, Matches: map[int]int{}}
	var gi []int
	for i, e := range gold {
		if typ == "" || e.Type == typ {
			gi = append(gi, i)
		}
	}
	var pi []int
	for i, e := range pred {
		if typ == "" || e.Type == typ {
			pi = append(pi, i)
		}
	}
	s.Gold, s.Predicted = len(gi), len(pi)
	usedDate := map[int]bool{}
	used := map[int]bool{}
	for _, i := range gi {
		ge := gold[i]
		forms := map[string]bool{}
		for _, p := range ge.Participants {
			for _, f := range goldForms(g, p) {
				forms[formKey(f)] = true
			}
		}
		dateHit := -1
		for _, j := range pi {
			if pred[j].Date == ge.Date && !usedDate[j] {
				dateHit = j
				break
			}
		}
		if dateHit >= 0 {
			usedDate[dateHit] = true
			s.DateMatched++
		}
		match := -1
		for _, j := range pi {
			if used[j] || pred[j].Date != ge.Date {
				continue
			}
			if shares(pred[j], forms) {
				match = j
				break
			}
		}
		if match < 0 {
			s.Misses = append(s.Misses, fmt.Sprintf("%s %s %s (%s)", ge.Date, ge.Type, ge.Mode, ge.What))
			continue
		}
		used[match] = true
		s.Matched++
		s.Matches[i] = match
		cited := map[string]bool{}
		for _, src := range pred[match].Sources {
			cited[short(src.Article)] = true
		}
		var missing []string
		for _, want := range ge.Sources {
			s.SourcesGold++
			if cited[want] {
				s.SourcesCited++
			} else {
				missing = append(missing, want)
			}
		}
		if len(missing) > 0 {
			s.Partial = append(s.Partial, fmt.Sprintf("%s %s: cites %v, lacks %v", ge.Date, ge.What, keysOf(cited), missing))
		}
	}
	for _, j := range pi {
		if !used[j] {
			s.Extras = append(s.Extras, fmt.Sprintf("%s %s %s: %s", pred[j].Date, pred[j].Type, pred[j].Mode, pred[j].Summary))
		}
	}
	s.DateP, s.DateR, s.DateF1 = prf(s.DateMatched, s.Predicted, s.Gold)
	s.Precision, s.Recall, s.F1 = prf(s.Matched, s.Predicted, s.Gold)
	return s
}

func shares(e story.Entry, forms map[string]bool) bool {
	for _, p := range e.Participants {
		if forms[formKey(p.Name)] {
			return true
		}
		for _, a := range p.Aliases {
			if forms[formKey(a)] {
				return true
			}
		}
	}
	if e.Place != nil && forms[formKey(e.Place.Name)] {
		return false // a place is not a participant
	}
	return false
}

func prf(hit, pred, gold int) (float64, float64, float64) {
	var p, r float64
	if pred > 0 {
		p = float64(hit) / float64(pred)
	}
	if gold > 0 {
		r = float64(hit) / float64(gold)
	}
	if p+r == 0 {
		return p, r, 0
	}
	return p, r, 2 * p * r / (p + r)
}

func keysOf(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// SeedTimeline analyses the seeds (with their gold publication dates) and
// builds their timeline, sources named by input id.
func SeedTimeline(docs []SeedDoc) []story.Entry {
	arts := make([]*rasad.Article, len(docs))
	for i, d := range docs {
		arts[i] = d.Article
	}
	collection.Analyze(arts)
	return story.FromArticles(arts, func(a *rasad.Article) string { return a.Reports[0].ExtID }, nil)
}
