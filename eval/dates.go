package eval

import (
	"fmt"
	"sort"
	"strings"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/dates"
)

// DateScore is one system's score on the gold temporal expressions.
// Scored are DATE and TIME expressions with calendar values (vague *_REF
// ones and durations are not). A gold expression is found when a
// prediction overlaps it, and right when the date part of the prediction's
// value equals the gold's (either end of a gold range is accepted).
type DateScore struct {
	System                  string
	Gold, Predicted         int
	Found, Right            int
	Precision, Recall, F1   float64
	Misses, Wrong, Spurious []string
}

// calendar reports a DATE/TIME value with a calendar date in it.
func calendar(typ, value string) bool {
	return (typ == "DATE" || typ == "TIME") && value != "" && value[0] >= '0' && value[0] <= '9'
}

func datePart(v string) string {
	if i := strings.IndexByte(v, 'T'); i > 0 {
		return v[:i]
	}
	return v
}

func valueMatches(pred, gold string) bool {
	p := datePart(pred)
	if p == datePart(gold) {
		return true
	}
	if strings.Contains(gold, "/") {
		for _, g := range strings.Split(gold, "/") {
			if p == datePart(g) {
				return true
			}
		}
		if strings.Contains(pred, "/") {
			return strings.Split(pred, "/")[0] == strings.Split(gold, "/")[0]
		}
	}
	return false
}

// ScoreDates scores predictions per document (docs[i] with preds[i]).
func ScoreDates(system string, docs []SeedDoc, preds [][]rasad.Timex) DateScore {
	s := DateScore{System: system}
	for di, d := range docs {
		text := d.Article.Text
		spans := locate(text, d.Gold.Timex)
		var predCal []rasad.Timex
		for _, p := range preds[di] {
			if calendar(p.Type, p.Value) {
				predCal = append(predCal, p)
			}
		}
		s.Predicted += len(predCal)
		used := make([]bool, len(predCal))
		for gi, g := range d.Gold.Timex {
			if !calendar(g.Type, g.Value) {
				continue
			}
			s.Gold++
			sp := spans[gi]
			found, right := -1, false
			for pi, p := range predCal {
				if used[pi] || sp.Start < 0 || p.End <= sp.Start || p.Start >= sp.End {
					continue
				}
				if found < 0 {
					found = pi
				}
				if valueMatches(p.Value, g.Value) {
					found, right = pi, true
					break
				}
			}
			switch {
			case found < 0:
				s.Misses = append(s.Misses, fmt.Sprintf("%s: %q = %s not found", short(d.Name), g.Text, g.Value))
			case right:
				used[found] = true
				s.Found++
				s.Right++
			default:
				used[found] = true
				s.Found++
				s.Wrong = append(s.Wrong, fmt.Sprintf("%s: %q = %s, got %q = %s (%s, anchor %s)", short(d.Name), g.Text, g.Value,
					predCal[found].Text, predCal[found].Value, predCal[found].Rule, predCal[found].Anchor))
			}
		}
		for pi, p := range predCal {
			if !used[pi] {
				s.Spurious = append(s.Spurious, fmt.Sprintf("%s: %q = %s (%s)", short(d.Name), p.Text, p.Value, p.Rule))
			}
		}
	}
	if s.Predicted > 0 {
		s.Precision = float64(s.Right) / float64(s.Predicted)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Right) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

func short(name string) string {
	if len(name) > 3 {
		return name[:3]
	}
	return name
}

// RasadDates tags every seed against anchors (one per document; a zero
// anchor leaves relative expressions unresolved).
func RasadDates(docs []SeedDoc, anchors []dates.Anchor) [][]rasad.Timex {
	out := make([][]rasad.Timex, len(docs))
	for i, d := range docs {
		out[i] = dates.Tag(dates.TextFor(d.Article), anchors[i])
	}
	return out
}

// InferenceResult is one document's inferred date against the gold.
type InferenceResult struct {
	Name, Gold, Got, Kind, Evidence string
	Confidence                      float64
	Right                           bool
}

// InferDates infers each seed's date from its text alone, then again with
// the median of the confident ones as a hint for the others (the story's
// other articles), as ingest does for a batch.
func InferDates(docs []SeedDoc) []InferenceResult {
	arts := make([]*rasad.Article, len(docs))
	for i, d := range docs {
		a := *d.Article
		a.Published, a.PublishedFrom = nil, ""
		arts[i] = &a
	}
	infs := dates.InferCollection(arts)
	out := make([]InferenceResult, len(docs))
	for i, d := range docs {
		r := InferenceResult{Name: short(d.Name), Gold: d.Gold.Published}
		if inf := infs[i]; !inf.Date.IsZero() {
			r.Got, r.Kind, r.Evidence, r.Confidence = inf.Date.Format("2006-01-02"), inf.Kind, inf.Evidence, inf.Confidence
		}
		r.Right = r.Got == r.Gold
		out[i] = r
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
