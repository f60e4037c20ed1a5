package dates

import (
	"fmt"
	"github.com/rasad/rasad/analysis"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/rasad/rasad"
)

// TextFor returns the text the tagger reads for an article: its stored
// text with the residue masked, except page timestamps (analysis.TextFor).
func TextFor(a *rasad.Article) string { return analysis.TextFor(a) }

// Analyzer tags an article's temporal expressions against its own
// publication date; its result is []rasad.Timex.
var Analyzer = &analysis.Analyzer{
	Name: "dates",
	Run: func(d *analysis.Doc) (any, error) {
		return TagTokens(d.Text, d.Tokens, AnchorFor(d.Article)), nil
	},
}

// AnchorFor returns the anchor of an article with a publication time, or
// the zero Anchor.
func AnchorFor(a *rasad.Article) Anchor {
	if a.Published == nil {
		return Anchor{}
	}
	kind := "published"
	switch a.PublishedFrom {
	case "dateline", "inferred":
		kind = a.PublishedFrom
	}
	return AnchorAt(*a.Published, kind)
}

// TagArticle tags an article against its own publication date.
func TagArticle(a *rasad.Article) []rasad.Timex {
	return Tag(TextFor(a), AnchorFor(a))
}

// Inference is an inferred document date with its evidence.
type Inference struct {
	Date       time.Time
	Kind       string // "dateline" or "inferred"
	Confidence float64
	Evidence   string
}

// InferPublished infers the date of an article from its text: from the
// dateline, a page timestamp with a full date, or else the date that best
// satisfies the text's deictic expressions (اليوم الجمعة، أمس الخميس، 10
// يناير الجاري، منذ 11 يوما …) near the text's own dates or near hint (the
// dates of other articles of the same collection; zero for none). ok is
// false when the text does not say.
func InferPublished(a *rasad.Article, hint time.Time) (Inference, bool) {
	src := TextFor(a)
	if a.Dateline != nil && a.Dateline.Date != "" {
		for _, tx := range Tag(a.Dateline.Date, Anchor{}) {
			if tx.Type == "DATE" && len(tx.Value) == 10 {
				d, err := time.Parse("2006-01-02", tx.Value)
				if err == nil {
					return Inference{Date: d, Kind: "dateline", Confidence: 0.95, Evidence: "dateline " + a.Dateline.Date}, true
				}
			}
		}
	}
	for _, r := range a.Removed {
		if r.Kind != "timestamp" {
			continue
		}
		for _, tx := range Tag(a.Text[r.Start:r.End], Anchor{}) {
			if tx.Type == "DATE" && len(tx.Value) == 10 {
				if d, err := time.Parse("2006-01-02", tx.Value); err == nil {
					return Inference{Date: d, Kind: "inferred", Confidence: 0.9, Evidence: "page timestamp " + tx.Text}, true
				}
			}
		}
	}
	t := newTagger(src)
	ms := t.scan()
	return t.inferFromConstraints(ms, hint)
}

// inferFromConstraints scores candidate dates against the deictic
// expressions of the text.
func (t *tagger) inferFromConstraints(ms []match, hint time.Time) (Inference, bool) {
	// reference dates: absolute days in the text
	var refs []time.Time
	years := map[int]bool{}
	constraints := 0
	for _, m := range ms {
		p := m.p
		if p.y > 0 && !p.hijri {
			years[p.y] = true
			if p.m > 0 && p.d > 0 && !p.hasUnit {
				refs = append(refs, time.Date(p.y, time.Month(p.m), p.d, 0, 0, 0, 0, time.UTC))
			}
		}
		if (p.hasDayOff && p.wd != 0) || (p.cur && p.m != 0) {
			constraints++
		}
	}
	var lo, hi, center time.Time
	switch {
	case !hint.IsZero():
		center = civil(hint)
		lo, hi = center.AddDate(0, 0, -120), center.AddDate(0, 0, 120)
	case len(refs) > 0:
		sort.Slice(refs, func(i, j int) bool { return refs[i].Before(refs[j]) })
		center = refs[len(refs)-1]
		lo, hi = refs[0].AddDate(0, 0, -7), center.AddDate(0, 0, 90)
	default:
		return Inference{}, false
	}
	if constraints == 0 && len(refs) == 0 {
		return Inference{}, false
	}
	type scored struct {
		d     time.Time
		score float64
		why   []string
	}
	t.refDays, t.dmDays = map[int]bool{}, map[int]bool{}
	for _, r := range refs {
		t.refDays[dayKey(r)] = true
	}
	for _, dm := range t.dayMonths(ms) {
		t.dmDays[int(dm.Month())*100+dm.Day()] = true
	}
	var best *scored
	for d := lo; !d.After(hi); d = d.AddDate(0, 0, 1) {
		s := scored{d: d}
		for _, m := range ms {
			sc, _ := t.constraintScore(m, ms, d, refs)
			s.score += sc
		}
		// prefer dates near the center, a little
		s.score -= math.Abs(d.Sub(center).Hours()/24) / 1000
		if best == nil || s.score > best.score {
			cp := s
			best = &cp
		}
	}
	if best == nil || best.score < 1 {
		return Inference{}, false
	}
	// the evidence: the expressions that fit the best day (collected for
	// that day only, which keeps inference linear in the text)
	for _, m := range ms {
		if sc, why := t.constraintScore(m, ms, best.d, refs); sc > 0 {
			best.why = append(best.why, why)
		}
	}
	conf := math.Min(0.9, 0.4+best.score/10)
	return Inference{Date: best.d, Kind: "inferred", Confidence: conf, Evidence: strings.Join(dedup(best.why), "; ")}, true
}

func dedup(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// constraintScore says how well publication date P fits one expression.
func (t *tagger) constraintScore(m match, ms []match, P time.Time, refs []time.Time) (float64, string) {
	p := m.p
	s, e := t.span(m.start, m.end)
	surface := t.src[s:e]
	switch {
	case p.hasDayOff && p.wd != 0: // اليوم الجمعة، أمس الخميس
		if isoWeekday(P.AddDate(0, 0, p.dayOff)) == p.wd {
			return 3, surface
		}
		return -3, ""
	case p.cur && p.m != 0: // 10 يناير الجاري
		if int(P.Month()) != p.m {
			return -2, ""
		}
		if p.d != 0 && P.Day() >= p.d {
			return 2.5, surface
		}
		return 2, surface
	case p.dir < 0 && p.m != 0 && p.d == 0 && p.y == 0: // ديسمبر الماضي: not this month
		if int(P.Month()) == p.m {
			return -1, ""
		}
		return 0.5, surface
	case p.m != 0 && p.d == 0 && p.y == 0 && p.dir == 0 && !p.cur && t.clauseDirMemo(m) > 0: // في يناير (planned)
		// a month still ahead, and not the current one (that would be الجاري)
		y := P.Year()
		if p.m < int(P.Month()) {
			y++
		}
		start := time.Date(y, time.Month(p.m), 1, 0, 0, 0, 0, time.UTC)
		if int(P.Month()) == p.m || start.Sub(P) > 180*24*time.Hour {
			return -1, ""
		}
		return 0.5, surface
	case p.m != 0 && p.d != 0 && p.y == 0 && !p.cur && !p.hasUnit: // 10 يناير, 17 ديسمبر: near P on the clause's side
		dir := p.dir
		if dir == 0 {
			dir = t.clauseDirMemo(m)
		}
		for y := P.Year() - 1; y <= P.Year()+1; y++ {
			if p.d > daysIn(y, p.m) {
				continue
			}
			d := time.Date(y, time.Month(p.m), p.d, 0, 0, 0, 0, time.UTC)
			days := d.Sub(P).Hours() / 24
			if (dir < 0 && days <= 0 && days >= -60) || (dir > 0 && days >= 0 && days <= 60) || (dir == 0 && math.Abs(days) <= 45) {
				return 0.5, surface
			}
		}
	case p.value != "" && strings.HasPrefix(p.value, "P") && strings.HasSuffix(p.value, "D") && m.rule == "منذ + quantity":
		n, ok := t.daysMemo[p.value]
		if !ok {
			fmt.Sscanf(p.value, "P%dD", &n)
			if t.daysMemo == nil {
				t.daysMemo = map[string]int{}
			}
			t.daysMemo[p.value] = n
		}
		back := P.AddDate(0, 0, -n)
		// refs and day-months by key (inferFromConstraints fills them)
		if t.refDays[dayKey(back)] {
			return 3, surface + " (" + back.Format("2006-01-02") + ")"
		}
		if t.dmDays[int(back.Month())*100+back.Day()] {
			return 3, surface + " (" + back.Format("01-02") + ")"
		}
	case p.y > 0 && p.m > 0 && p.d > 0 && !p.hasUnit:
		d := time.Date(p.y, time.Month(p.m), p.d, 0, 0, 0, 0, time.UTC)
		dir := t.clauseDirMemo(m)
		if dir < 0 && d.After(P) || dir > 0 && d.Before(P) {
			return -2, ""
		}
	}
	return 0, ""
}

// dayKey identifies a calendar day (refs and candidate days are UTC
// midnights).
func dayKey(d time.Time) int { y, m, dd := d.Date(); return y*10000 + int(m)*100 + dd }

// dayMonths lists the day-month pairs named in the text (any year).
func (t *tagger) dayMonths(ms []match) []time.Time {
	if t.dms != nil {
		return t.dms
	}
	out := []time.Time{}
	for _, m := range ms {
		if m.p.m > 0 && m.p.d > 0 && !m.p.hijri {
			out = append(out, time.Date(2000, time.Month(m.p.m), m.p.d, 0, 0, 0, 0, time.UTC))
		}
	}
	t.dms = out
	return out
}

// InferCollection infers the dates of articles that lack one, using the
// collection itself: first each text alone (datelines, timestamps, full
// dates), then, for the rest, again with the median of the dates already
// known or found as a hint, since articles that arrive together mostly tell
// the same days' news. Articles with a publication date keep it and serve
// as hints. The result has one entry per article (zero Date: not inferred).
func InferCollection(arts []*rasad.Article) []Inference {
	out := make([]Inference, len(arts))
	var known []time.Time
	for i, a := range arts {
		if a.Published != nil {
			known = append(known, civil(*a.Published))
			continue
		}
		if inf, ok := InferPublished(a, time.Time{}); ok && inf.Confidence >= 0.6 {
			out[i] = inf
			known = append(known, inf.Date)
		}
	}
	// Then, round after round while something new is found: align undated
	// articles' relative expressions with dated sentences of the others, and
	// score the rest near the collection's median date.
	for round := 0; round < 3; round++ {
		progress := false
		var dated []datedSentence
		known = known[:0]
		for i, a := range arts {
			anchor := AnchorFor(a)
			if !anchor.Valid() && !out[i].Date.IsZero() {
				anchor = Anchor{Date: out[i].Date, Kind: out[i].Kind}
			}
			if anchor.Valid() {
				known = append(known, anchor.Date)
				dated = append(dated, datedSentences(i, TextFor(a), anchor)...)
			}
		}
		if len(known) == 0 {
			return out
		}
		for i, a := range arts {
			if a.Published != nil || !out[i].Date.IsZero() {
				continue
			}
			var others []datedSentence
			for _, ds := range dated {
				if ds.doc != i {
					others = append(others, ds)
				}
			}
			if d, why, ok := align(a, others); ok {
				out[i] = Inference{Date: d, Kind: "inferred", Confidence: 0.7, Evidence: why}
				progress = true
			}
		}
		sort.Slice(known, func(i, j int) bool { return known[i].Before(known[j]) })
		hint := known[len(known)/2]
		for i, a := range arts {
			if a.Published != nil || !out[i].Date.IsZero() {
				continue
			}
			if inf, ok := InferPublished(a, hint); ok {
				inf.Evidence += "; near the collection's dates (" + hint.Format("2006-01-02") + ")"
				out[i] = inf
				progress = true
			}
		}
		if !progress {
			break
		}
	}
	return out
}

// clauseDirMemo is clauseDirection, computed once per match.
func (t *tagger) clauseDirMemo(m match) int {
	k := [2]int{m.start, m.end}
	if d, ok := t.dirMemo[k]; ok {
		return d
	}
	if t.dirMemo == nil {
		t.dirMemo = map[[2]int]int{}
	}
	d := t.clauseDirection(m)
	t.dirMemo[k] = d
	return d
}
