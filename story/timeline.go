package story

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/rasad/rasad"
)

// Report is one article's event mentions, with what a timeline cites.
type Report struct {
	Article   string // display ID
	Outlet    string
	URL       string
	Published time.Time
	Text      string // the article text the mentions' offsets index
	Events    []rasad.EventMention
	// Group names the copy group of the article (copies and rewrites of
	// one report share it); "" counts the article as its own source.
	Group string
}

// Entry is one event of a timeline, merged from every report of it.
type Entry struct {
	Date         string        `json:"date"`
	Precision    string        `json:"precision"` // day, week, month, year
	Type         string        `json:"type"`
	Mode         string        `json:"mode,omitempty"`
	Status       string        `json:"status"`
	Place        *Place        `json:"place,omitempty"`
	Participants []Participant `json:"participants"`
	Summary      string        `json:"summary"`
	Sources      []Source      `json:"sources"`
	// Independent counts the sources that are not copies of one another.
	Independent int     `json:"independent_sources"`
	Salience    float64 `json:"salience"`
}

// Place of an event.
type Place struct {
	Name string `json:"name"`
	Key  string `json:"key"`
}

// Participant of an event with the names it goes by.
type Participant struct {
	Type    string   `json:"type"`
	Key     string   `json:"key"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	Role    string   `json:"role,omitempty"`
	Country string   `json:"country,omitempty"`
}

// Source is one report cited by an entry.
type Source struct {
	Article   string `json:"article"`
	Outlet    string `json:"outlet,omitempty"`
	URL       string `json:"url,omitempty"`
	Quote     string `json:"quote"`
	Published string `json:"first_reported,omitempty"`
	Status    string `json:"status"`
}

// Names gives display data for participant keys ("PERSON:key").
type Names map[string]Participant

type span struct {
	start, end time.Time // [start, end)
	precision  string
}

// parseDate reads a TIMEX3 value into the days it covers.
func parseDate(v string) (span, bool) {
	if i := strings.IndexByte(v, 'T'); i > 0 {
		v = v[:i]
	}
	switch {
	case len(v) == 10:
		d, err := time.Parse("2006-01-02", v)
		return span{d, d.AddDate(0, 0, 1), "day"}, err == nil
	case len(v) == 8 && v[4] == '-' && v[5] == 'W':
		var y, w int
		if _, err := fmt.Sscanf(v, "%d-W%d", &y, &w); err != nil {
			return span{}, false
		}
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -int((jan4.Weekday()+6)%7)+(w-1)*7)
		return span{monday, monday.AddDate(0, 0, 7), "week"}, true
	case len(v) == 7:
		d, err := time.Parse("2006-01", v)
		return span{d, d.AddDate(0, 1, 0), "month"}, err == nil
	case len(v) == 4:
		d, err := time.Parse("2006", v)
		return span{d, d.AddDate(1, 0, 0), "year"}, err == nil
	}
	return span{}, false
}

var precisionRank = map[string]int{"day": 0, "week": 1, "month": 2, "year": 3}

// modes that cannot be the same happening
func modesCompatible(a, b string) bool {
	if a == b || a == "" || b == "" || a == "talks" || b == "talks" {
		return true
	}
	return false
}

type mention struct {
	rep        int
	em         rasad.EventMention
	when       span
	dated      bool
	attachOnly bool // one day of a range: joins an event, never makes one
	parts      map[string]bool
}

type event struct {
	when     span
	typ      string
	modes    map[string]int
	status   map[string]int
	places   map[string]int
	placeNm  map[string]string
	parts    map[string]int
	partName map[string]string
	sources  map[int]Source
	groups   map[int]string
	articles map[int]bool
}

func partKey(p rasad.Participant) string { return p.Type + ":" + p.Key }

// strong participants identify a happening: people and organizations
func strongOverlap(a map[string]bool, b map[string]int) int {
	n := 0
	for k := range a {
		if b[k] > 0 && !strings.HasPrefix(k, "LOC:") {
			n++
		}
	}
	return n
}

func anyOverlap(a map[string]bool, b map[string]int) int {
	n := 0
	for k := range a {
		if b[k] > 0 {
			n++
		}
	}
	return n
}

// Timeline merges the event mentions of reports into entries: mentions of
// one happening — the same type, compatible modes, the same date at
// compatible precision, shared participants or place — become one entry
// citing every report. Undated mentions join the entry they share two
// people or organizations with (or one and the place); the rest are left
// out, never dated from a wrong anchor.
func Timeline(reps []Report, names Names) []Entry {
	var ms []mention
	for ri, r := range reps {
		for _, em := range r.Events {
			m := mention{rep: ri, em: em, parts: map[string]bool{}}
			for _, p := range em.Participants {
				m.parts[partKey(p)] = true
			}
			if em.Date != "" {
				days := strings.Split(em.Date, "/")
				for _, v := range days {
					if sp, ok := parseDate(v); ok {
						mm := m
						mm.when, mm.dated, mm.attachOnly = sp, true, len(days) > 1
						ms = append(ms, mm)
					}
				}
				continue
			}
			ms = append(ms, m)
		}
	}
	// finest dates first, so coarse mentions join fine events
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].dated != ms[j].dated {
			return ms[i].dated
		}
		ri, rj := precisionRank[ms[i].when.precision], precisionRank[ms[j].when.precision]
		if ri != rj {
			return ri < rj
		}
		if !ms[i].when.start.Equal(ms[j].when.start) {
			return ms[i].when.start.Before(ms[j].when.start)
		}
		if ms[i].rep != ms[j].rep {
			return ms[i].rep < ms[j].rep
		}
		return ms[i].em.Trigger.Start < ms[j].em.Trigger.Start
	})
	var evs []*event
	for _, m := range ms {
		best := -1
		bestScore := 0
		for ei, e := range evs {
			if e.typ != m.em.Type || !compatibleModes(e, m.em.Mode) {
				continue
			}
			score := 0
			switch {
			case m.dated:
				if m.when.precision == e.when.precision {
					if !m.when.start.Equal(e.when.start) {
						continue
					}
				} else if m.when.start.After(e.when.start) || !m.when.end.After(e.when.start) {
					continue // a coarser date must contain the event's
				}
				ov := anyOverlap(m.parts, e.parts)
				samePlace := m.em.Place != "" && e.places[m.em.Place] > 0
				sameArticle := e.articles[m.rep] && m.when.precision == e.when.precision
				weak := 0
				if m.attachOnly && ov == 0 {
					weak = countryOverlap(m.parts, e.parts, names)
				}
				if ov == 0 && !samePlace && !sameArticle && weak == 0 {
					continue
				}
				// one article tells one happening of a type on a day
				score = 2*ov + boolInt(samePlace) + 3*boolInt(sameArticle) + weak
			default:
				ov := strongOverlap(m.parts, e.parts)
				samePlace := m.em.Place != "" && e.places[m.em.Place] > 0
				if ov < 2 && !(ov >= 1 && samePlace) {
					continue
				}
				// a plan reported before the event, a recollection soon after
				// it: an undated report far from the event's date is about
				// something else
				pub := reps[m.rep].Published
				if !pub.IsZero() && !e.articles[m.rep] {
					day := pub.Truncate(24 * time.Hour)
					if m.em.Status == "planned" && e.when.end.Before(day) {
						continue
					}
					if day.Sub(e.when.end) > 10*24*time.Hour || e.when.start.Sub(day) > 45*24*time.Hour {
						continue
					}
				}
				score = 2*ov + boolInt(samePlace)
				if e.articles[m.rep] {
					score += 3 // the same article's own event first
				}
			}
			if score > bestScore {
				best, bestScore = ei, score
			}
		}
		if best < 0 {
			if !m.dated || m.attachOnly || m.when.precision == "week" || m.when.precision == "year" {
				continue // undated or too coarse to stand alone
			}
			evs = append(evs, &event{when: m.when, typ: m.em.Type, modes: map[string]int{}, status: map[string]int{},
				places: map[string]int{}, placeNm: map[string]string{}, parts: map[string]int{}, partName: map[string]string{},
				sources: map[int]Source{}, groups: map[int]string{}, articles: map[int]bool{}})
			best = len(evs) - 1
		}
		e := evs[best]
		e.status[m.em.Status]++
		if m.dated {
			// an undated report may recall the event among others: its
			// place and mode do not describe this one
			e.modes[m.em.Mode]++
			if m.em.Place != "" {
				e.places[m.em.Place]++
				e.placeNm[m.em.Place] = m.em.PlaceName
			}
		}
		for _, p := range m.em.Participants {
			e.parts[partKey(p)]++
			if len(p.Name) > len(e.partName[partKey(p)]) {
				e.partName[partKey(p)] = p.Name
			}
		}
		r := reps[m.rep]
		if _, ok := e.sources[m.rep]; !ok {
			src := Source{Article: r.Article, Outlet: r.Outlet, URL: r.URL, Status: m.em.Status,
				Quote: strings.TrimSpace(r.Text[m.em.Sentence.Start:m.em.Sentence.End])}
			if !r.Published.IsZero() {
				src.Published = r.Published.Format("2006-01-02")
			}
			e.sources[m.rep] = src
			e.groups[m.rep] = r.Group
		}
		e.articles[m.rep] = true
	}
	var out []Entry
	for _, e := range evs {
		out = append(out, e.entry(names))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].Salience > out[j].Salience
	})
	return out
}

// countryOverlap: a state taking part (LOC:Russia) and a person of that
// state (a Russian deputy minister) are weak evidence of one happening.
func countryOverlap(a map[string]bool, b map[string]int, names Names) int {
	countries := func(k string) string {
		if p, ok := names[k]; ok && p.Country != "" {
			return p.Country
		}
		return ""
	}
	have := map[string]bool{}
	for k := range b {
		if c := countries(k); c != "" {
			have[c] = true
		}
	}
	n := 0
	for k := range a {
		if c := countries(k); c != "" && have[c] {
			n++
		}
	}
	return n
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func compatibleModes(e *event, mode string) bool {
	for m := range e.modes {
		if !modesCompatible(m, mode) {
			return false
		}
	}
	return true
}

func (e *event) entry(names Names) Entry {
	en := Entry{Date: dateString(e.when), Precision: e.when.precision, Type: e.typ}
	en.Mode = bestKey(e.modes, func(m string) int {
		if m == "talks" || m == "" {
			return 0 // the specific mode wins: a meeting, a call
		}
		return 1
	})
	if e.status["happened"]+e.status["ongoing"] > 0 {
		en.Status = "happened"
	} else if e.status["planned"] > 0 {
		en.Status = "planned"
	} else {
		en.Status = bestKey(e.status, nil)
	}
	if pk := bestKey(e.places, nil); pk != "" {
		en.Place = &Place{Name: e.placeNm[pk], Key: pk}
	}
	keys := make([]string, 0, len(e.parts))
	for k := range e.parts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		ti, tj := typeRank(keys[i]), typeRank(keys[j])
		if ti != tj {
			return ti < tj
		}
		if e.parts[keys[i]] != e.parts[keys[j]] {
			return e.parts[keys[i]] > e.parts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		p, ok := names[k]
		if !ok {
			typ, key, _ := strings.Cut(k, ":")
			p = Participant{Type: typ, Key: key, Name: e.partName[k]}
		}
		en.Participants = append(en.Participants, p)
	}
	reps := make([]int, 0, len(e.sources))
	for r := range e.sources {
		reps = append(reps, r)
	}
	sort.Ints(reps)
	outlets := map[string]bool{}
	groups := map[string]bool{}
	for _, r := range reps {
		en.Sources = append(en.Sources, e.sources[r])
		outlets[e.sources[r].Outlet] = true
		g := e.groups[r]
		if g == "" {
			g = "#" + e.sources[r].Article
		}
		groups[g] = true
	}
	en.Independent = len(groups)
	// reported only before it begins: whatever a mention says, it was
	// still to come when every source wrote about it
	latest := ""
	for _, src := range en.Sources {
		latest = max(latest, src.Published)
	}
	if en.Status == "happened" && latest != "" && latest < e.when.start.Format("2006-01-02") {
		en.Status = "planned"
	}
	people := 0
	for _, p := range en.Participants {
		if p.Type == "PERSON" {
			people++
		}
	}
	en.Salience = float64(en.Independent)*2 + float64(len(outlets)) + float64(min(people, 4))*0.5
	en.Summary = summary(en)
	return en
}

func typeRank(k string) int {
	switch {
	case strings.HasPrefix(k, "PERSON:"):
		return 0
	case strings.HasPrefix(k, "ORG:"):
		return 1
	}
	return 2
}

func bestKey(m map[string]int, bonus func(string) int) string {
	best, bestN := "", -1
	for k, n := range m {
		score := n
		if bonus != nil {
			score += 1000 * bonus(k)
		}
		if score > bestN || score == bestN && k < best {
			best, bestN = k, score
		}
	}
	return best
}

func dateString(s span) string {
	switch s.precision {
	case "day":
		return s.start.Format("2006-01-02")
	case "week":
		y, w := s.start.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case "month":
		return s.start.Format("2006-01")
	}
	return s.start.Format("2006")
}

var modeWords = map[string]string{
	"meeting": "لقاء", "talks": "محادثات", "phone": "اتصال هاتفي", "video": "محادثات عبر الفيديو", "visit": "زيارة",
	"demand": "مطالبة", "appeal": "دعوة", "proposal": "مقترح", "sign": "توقيع اتفاق", "deny": "نفي", "warn": "تحذير",
}

var typeWords = map[string]string{
	"CONSULT": "مشاورات", "AGREE": "اتفاق", "REQUEST": "طلب", "REJECT": "رفض", "ACCUSE": "اتهام", "THREATEN": "تهديد",
	"SUPPORT": "دعم", "SANCTION": "عقوبات", "MOBILIZE": "حشد", "ASSAULT": "هجوم", "COERCE": "إجراء قسري", "AID": "مساعدات",
	"RETREAT": "انسحاب", "CONCEDE": "تنازل", "COOPERATE": "تعاون", "PROTEST": "احتجاج",
}

// summary writes the entry as one Arabic sentence: what, who, where.
func summary(e Entry) string {
	what := modeWords[e.Mode]
	if what == "" {
		what = typeWords[e.Type]
	}
	var people []string
	for _, p := range e.Participants {
		// people and organizations; states too when an event has few
		if p.Type == "PERSON" || p.Type == "ORG" || p.Type == "LOC" && e.Type != "CONSULT" && len(people) < 3 {
			people = append(people, p.Name)
		}
		if len(people) == 5 {
			break
		}
	}
	if len(people) == 0 {
		for _, p := range e.Participants {
			people = append(people, p.Name)
			if len(people) == 3 {
				break
			}
		}
	}
	s := what
	if len(people) > 0 {
		if e.Type == "CONSULT" {
			s += " " + joinAr(people)
		} else {
			s += ": " + strings.Join(people, "، ")
		}
	}
	if e.Place != nil {
		s += " في " + e.Place.Name
	}
	return s
}

func joinAr(xs []string) string {
	if len(xs) == 1 {
		return xs[0]
	}
	return "بين " + strings.Join(xs[:len(xs)-1], "، ") + " و" + xs[len(xs)-1]
}
