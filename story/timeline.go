package story

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/text"
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
	Date string `json:"date"`
	// Until is the last day of an event told as a range (يومي 20 و21).
	Until     string `json:"until,omitempty"`
	Precision string `json:"precision"` // day, week, month, year
	// DateText is the expression that fixed the date, as written.
	DateText     string        `json:"date_text,omitempty"`
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
	// articles is how many articles of the collection name it.
	articles int
}

// Source is one report cited by an entry.
type Source struct {
	Article   string `json:"article"`
	Outlet    string `json:"outlet,omitempty"`
	URL       string `json:"url,omitempty"`
	Quote     string `json:"quote"`
	Published string `json:"first_reported,omitempty"`
	Status    string `json:"status"`
	// DateText is the expression of this report that fixed the date ("" when
	// the report joins through the sentence before or an anaphor).
	DateText string `json:"date_text,omitempty"`
	// Independent is false for a copy of an earlier source: the same copy
	// group, or the same sentence word for word after normalization.
	Independent bool `json:"independent"`
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

// modesCompatible: modes that can be one happening. A visit holds the
// meetings and talks of it; a phone call and a meeting are two happenings.
func modesCompatible(a, b string) bool {
	if a == b || a == "" || b == "" || a == "talks" || b == "talks" {
		return true
	}
	return a == "visit" && b == "meeting" || a == "meeting" && b == "visit"
}

// newMention places an event mention's participants under their timeline
// keys.
func newMention(ri int, em rasad.EventMention, names Names) mention {
	if len(em.Participants) > 0 {
		ps := make([]rasad.Participant, 0, len(em.Participants))
		for _, p := range em.Participants {
			p = names.canonical(p)
			if !slices.ContainsFunc(ps, func(q rasad.Participant) bool { return partKey(q) == partKey(p) }) {
				ps = append(ps, p)
			}
		}
		em.Participants = ps
	}
	m := mention{rep: ri, em: em, fixed: fixedDate(em)}
	for _, p := range em.Participants {
		if p.Type == "LOC" {
			m.states = append(m.states, partKey(p))
		} else {
			m.strong = append(m.strong, partKey(p))
		}
		if c := names[partKey(p)].Country; c != "" && !slices.Contains(m.codes, c) {
			m.codes = append(m.codes, c)
		}
	}
	return m
}

// confirmPlans: a report that tells, without a date, that an event
// happened (أعلن الكرملين الأحد أن بوتين بحث في اتصال هاتفي مع …) confirms
// the entry planned for its publication day or the day before with the
// same sides (two shared people or organizations): the plan took place.
// The report joins it as a source that does not count toward salience.
// Candidates come from the merge index, so the pass stays linear.
func confirmPlans(evs []*event, index map[string][]int, undated []mention, reps []Report) {
	for _, m := range undated {
		pub := reps[m.rep].Published
		day := time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
		best, bestScore := -1, 0
		for _, d := range []time.Time{day, day.AddDate(0, 0, -1)} {
			m.when = span{start: d, end: d.AddDate(0, 0, 1), precision: "day"}
			for _, k := range m.strong {
				cands := index[m.em.Type+"|"+d.Format("2006-01-02")+"|"+k]
				for _, ei := range cands[max(0, len(cands)-joinScan):] {
					e := evs[ei]
					if e.status["happened"]+e.status["ongoing"] > 0 || e.status["planned"] == 0 || e.articles[m.rep] {
						continue
					}
					shared := 0
					for _, k := range m.strong {
						if e.core[k] || e.parts[k] > 0 {
							shared++
						}
					}
					if shared < 2 {
						continue
					}
					if s := joinScore(e, m); s > bestScore {
						best, bestScore = ei, s
					}
				}
			}
		}
		if best >= 0 {
			e := evs[best]
			e.confirmed = true
			m.when = e.when
			e.add(m, reps[m.rep])
		}
	}
}

// mention is one event mention placed on the calendar.
type mention struct {
	rep    int
	em     rasad.EventMention
	when   span
	until  time.Time // the last day of a range (zero otherwise)
	fixed  bool      // the mention's own clause fixes its date
	strong []string  // people and organizations (partKey)
	states []string  // states taking part (partKey)
	codes  []string  // the countries of its participants
	// sent is the sentence's key (sentenceKey) of a mention that names
	// only states: the same sentence word for word is the same happening
	sent string
}

// indexKeys are the keys a mention finds its candidate entries by, and
// that index the entry it joins: its article, people, organizations,
// states, place and the countries of its participants.
func (m mention) indexKeys() []string {
	keys := append(append([]string{"art:" + strconv.Itoa(m.rep)}, m.strong...), m.states...)
	if m.em.Place != "" {
		keys = append(keys, "place:"+m.em.Place)
	}
	for _, c := range m.codes {
		keys = append(keys, "code:"+c)
	}
	return keys
}

// fixedDate: the date was read from the mention's own clause, not carried
// over from the sentence before or an anaphor (آنذاك).
func fixedDate(em rasad.EventMention) bool {
	return em.Date != "" && !strings.HasPrefix(em.DateRule, "linked") && !strings.HasPrefix(em.DateRule, "date of the previous")
}

type event struct {
	id     int
	when   span
	until  time.Time
	typ    string
	core   map[string]bool // the people and organizations that make it this happening
	states map[string]bool
	codes  map[string]bool // countries of its participants
	days   map[string]int  // votes for the day (mentions a day apart merge)
	modes  map[string]int
	status map[string]int
	// of every mention, for an entry no clause of its own dates
	modesAll, statusAll map[string]int
	places              map[string]int
	placeNm             map[string]string
	parts               map[string]int
	partName            map[string]string
	sources             map[int]*srcAcc
	groups              map[int]string
	articles            map[int]bool
	sentences           map[string]bool // the sentence keys of its sources
	dateText            map[string]int
	// a later report tells the planned event as done (confirmPlans)
	confirmed bool
}

type srcAcc struct {
	Source
	fixed    bool // one of its mentions fixes the date itself
	sentence string
}

func partKey(p rasad.Participant) string { return p.Type + ":" + normKey(p.Key) }

// normKey reads a hashtag's key as the name's (#محمد_بن_سلمان is محمد بن
// سلمان).
func normKey(k string) string {
	if !strings.ContainsAny(k, "_#") {
		return k
	}
	return strings.Join(strings.Fields(strings.NewReplacer("_", " ", "#", "").Replace(k)), " ")
}

// Timeline merges the event mentions of reports into entries. Only a
// mention whose own clause fixes the date creates an entry; mentions dated
// through the sentence before or an anaphor join one and never count
// toward its salience; undated mentions and weeks or years stay out. A
// mention joins an entry of the same type, a compatible mode and the same
// date at the same precision (a day either side when both sides agree),
// whose people and organizations it shares: two of them, or one when one
// side names no one else — "received by the king" and "received by the
// crown prince" stay two entries. Candidates come from an index by
// (type, date, participant), so merging is linear in the mentions.
func Timeline(reps []Report, names Names) []Entry {
	var ms, undated []mention
	for ri, r := range reps {
		for _, em := range r.Events {
			if em.Date == "" {
				// told as done without a date: it may confirm a plan (below)
				if em.Status == "happened" && !r.Published.IsZero() {
					if m := newMention(ri, em, names); len(m.strong) >= 2 {
						undated = append(undated, m)
					}
				}
				continue
			}
			m := newMention(ri, em, names)
			if len(m.strong) == 0 {
				m.sent = sentenceKey(quoteOf(r, em))
			}
			days := strings.Split(em.Date, "/")
			sp, ok := parseDate(days[0])
			if !ok || sp.precision == "week" || sp.precision == "year" {
				continue // too coarse to tell one happening from another
			}
			if len(days) > 1 {
				last, ok := parseDate(days[len(days)-1])
				if !ok || last.precision != sp.precision || last.start.Before(sp.start) || last.start.Sub(sp.start) > 31*24*time.Hour {
					continue
				}
				if sp.precision == "day" && last.start.After(sp.start) {
					m.until = last.start
				}
			}
			m.when = sp
			ms = append(ms, m)
		}
	}
	// mentions that fix their own date first, finest first, in date order
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].fixed != ms[j].fixed {
			return ms[i].fixed
		}
		ri, rj := precisionRank[ms[i].when.precision], precisionRank[ms[j].when.precision]
		if ri != rj {
			return ri < rj
		}
		if ms[i].until.IsZero() != ms[j].until.IsZero() {
			return ms[i].until.IsZero() // single days before ranges, which join them
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
	index := map[string][]int{} // type|date|key -> events
	addIndex := func(e *event, keys ...string) {
		d := dateString(e.when)
		for _, k := range keys {
			ik := e.typ + "|" + d + "|" + k
			if l := index[ik]; len(l) == 0 || l[len(l)-1] != e.id {
				index[ik] = append(l, e.id)
			}
		}
	}
	for _, m := range ms {
		best, bestScore := -1, 0
		joined := m // the mention, or the day of its range that joined
		seen := map[int]bool{}
		lookup := m.indexKeys()
		// a range (يومي 9 و10) joins the entry of any of its days
		for _, day := range rangeDays(m) {
			for _, d := range candidateDates(day.when) {
				for _, k := range lookup {
					cands := index[m.em.Type+"|"+d+"|"+k]
					// the most recent entries of a key only: a key shared by
					// very many entries (one article repeating itself) would
					// make merging quadratic
					for _, ei := range cands[max(0, len(cands)-joinScan):] {
						if seen[ei] {
							continue
						}
						seen[ei] = true
						if s := joinScore(evs[ei], day); s > bestScore {
							best, bestScore, joined = ei, s, day
						}
					}
				}
			}
		}
		if best < 0 {
			// a clause that fixes the date makes an entry; a mention the text
			// ties to the date before (تلك المحادثات، the next sentence) only
			// when it names both sides; neither counts toward salience
			if !m.fixed && len(m.strong) < 2 {
				continue
			}
			e := &event{id: len(evs), when: m.when, until: m.until, typ: m.em.Type, core: map[string]bool{}, states: map[string]bool{}, codes: map[string]bool{},
				days: map[string]int{}, modes: map[string]int{}, status: map[string]int{}, modesAll: map[string]int{}, statusAll: map[string]int{}, places: map[string]int{}, placeNm: map[string]string{},
				parts: map[string]int{}, partName: map[string]string{}, sources: map[int]*srcAcc{}, groups: map[int]string{},
				articles: map[int]bool{}, dateText: map[string]int{}, sentences: map[string]bool{}}
			for _, k := range m.strong {
				e.core[k] = true
			}
			evs = append(evs, e)
			best = e.id
		}
		e := evs[best]
		if len(e.core) == 0 {
			for _, k := range m.strong {
				e.core[k] = true
			}
		}
		for _, k := range m.states {
			e.states[k] = true
		}
		for _, c := range m.codes {
			e.codes[c] = true
		}
		e.add(joined, reps[m.rep])
		addIndex(e, m.indexKeys()...)
	}
	confirmPlans(evs, index, undated, reps)
	folded := foldMonths(evs)
	var out []Entry
	for _, e := range evs {
		if folded[e.id] {
			continue
		}
		if en, ok := e.entry(names); ok {
			out = append(out, en)
		}
	}
	fillSides(out)
	sortEntries(out)
	return out
}

// sortEntries puts entries in timeline order: by date, the most salient
// first, then by summary (stable).
func sortEntries(out []Entry) {
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		if out[i].Salience != out[j].Salience {
			return out[i].Salience > out[j].Salience
		}
		return out[i].Summary < out[j].Summary
	})
}

// foldMonths folds an entry dated only by its month into the day entry of
// that month with the same type and people ("talks in December" and the
// talks of 15 December): its reports become sources of the day entry that
// do not count toward its salience. It returns the folded events.
func foldMonths(evs []*event) map[int]bool {
	byMonth := map[string][]int{} // type|month|participant -> day events
	for _, e := range evs {
		if e.when.precision != "day" {
			continue
		}
		for k := range e.core {
			ik := e.typ + "|" + e.when.start.Format("2006-01") + "|" + k
			byMonth[ik] = append(byMonth[ik], e.id)
		}
		for p := range e.places {
			ik := e.typ + "|" + e.when.start.Format("2006-01") + "|place:" + p
			byMonth[ik] = append(byMonth[ik], e.id)
		}
	}
	folded := map[int]bool{}
	for _, e := range evs {
		if e.when.precision != "month" {
			continue
		}
		count := map[int]int{}
		best := -1
		keys := make([]string, 0, len(e.core)+len(e.places))
		for k := range e.core {
			keys = append(keys, k)
		}
		if len(e.core) == 0 {
			for p := range e.places {
				keys = append(keys, "place:"+p) // no people: the same place that month
			}
		}
		for _, k := range keys {
			for _, d := range byMonth[e.typ+"|"+dateString(e.when)+"|"+k] {
				count[d]++
				if best < 0 || count[d] > count[best] || count[d] == count[best] && d < best {
					best = d
				}
			}
		}
		if best < 0 {
			continue
		}
		t := evs[best]
		for r, src := range e.sources {
			if _, ok := t.sources[r]; !ok {
				cp := *src
				cp.fixed = false
				t.sources[r] = &cp
				t.groups[r] = e.groups[r]
			}
		}
		folded[e.id] = true
	}
	return folded
}

// rangeDays is the mention itself, or one mention per day of its range.
func rangeDays(m mention) []mention {
	if m.until.IsZero() {
		return []mention{m}
	}
	var out []mention
	for d := m.when.start; !d.After(m.until); d = d.AddDate(0, 0, 1) {
		dm := m
		dm.when, dm.until = span{d, d.AddDate(0, 0, 1), "day"}, time.Time{}
		out = append(out, dm)
	}
	return out
}

// candidateDates: the index dates a mention may join — its own, and for a
// day the days either side (time zones, "Thursday night").
func candidateDates(s span) []string {
	d := dateString(s)
	if s.precision != "day" {
		return []string{d}
	}
	return []string{d, s.start.AddDate(0, 0, -1).Format("2006-01-02"), s.start.AddDate(0, 0, 1).Format("2006-01-02")}
}

// joinScan bounds how many entries of one index key a mention is compared
// with (the latest ones), so that merging stays linear in the mentions.
const joinScan = 128

// joinScore says how well a mention fits an event, 0 when it is another
// happening.
func joinScore(e *event, m mention) int {
	if e.typ != m.em.Type || e.when.precision != m.when.precision || !compatibleModes(e, m.em.Mode) {
		return 0
	}
	dayOff := 0
	if !e.when.start.Equal(m.when.start) {
		if e.when.precision != "day" {
			return 0
		}
		dayOff = 1
	}
	// people conflict; organizations (a ministry, the spokesman's office)
	// name who reports or hosts as often as who meets
	ov, onlyMine, onlyTheirs, theirPeople, myPeople := 0, 0, 0, 0, 0
	for _, k := range m.strong {
		person := strings.HasPrefix(k, "PERSON:")
		if person {
			myPeople++
		}
		if e.core[k] {
			ov++
		} else if person {
			onlyMine++
		}
	}
	for k := range e.core {
		if strings.HasPrefix(k, "PERSON:") {
			theirPeople++
			if !slices.Contains(m.strong, k) {
				onlyTheirs++
			}
		}
	}
	stateOv := 0
	for _, k := range m.states {
		if e.states[k] {
			stateOv++
		}
	}
	samePlace := m.em.Place != "" && e.places[m.em.Place] > 0
	sameArticle := e.articles[m.rep]
	// a state's act told in the same words by another source (a copy, or a
	// wire text two outlets run): the same happening
	sameSentence := m.sent != "" && e.sentences[m.sent]
	switch {
	case dayOff == 1:
		// a day apart: both sides must be the same people
		if ov < 2 && !(ov == 1 && onlyMine == 0 && onlyTheirs == 0) {
			return 0
		}
	case len(m.strong) > 0 && len(e.core) > 0 && (ov > 0 || myPeople > 0 && theirPeople > 0):
		if ov == 0 || ov == 1 && onlyMine > 0 && onlyTheirs > 0 {
			return 0 // other people: another happening
		}
	case len(m.strong) == 0 && len(e.core) == 0:
		if stateOv < 2 && !(stateOv >= 1 && (samePlace || sameArticle || sameSentence)) {
			return 0
		}
	default:
		// one side names only states or bodies: the same article, the same
		// place that day, or a state of the other side's people (الاتفاق
		// الذي وقعته مع الأردن and the Jordanian minister's signing)
		if !m.fixed && ov == 0 && stateOv == 0 && len(m.strong) > 0 && myPeople == 0 && len(e.core) > 0 {
			// a mention dated only through another sentence that names
			// only bodies, none of the entry's, is another happening: the
			// article alone does not tie it to this one
			return 0
		}
		sameCountry := false
		for _, c := range m.codes {
			sameCountry = sameCountry || e.codes[c]
		}
		if !sameArticle && !samePlace && !sameCountry {
			return 0
		}
	}
	return 1 + 4*ov + stateOv + 2*boolInt(samePlace) + 3*boolInt(sameArticle) + 2*(1-dayOff)
}

func (e *event) add(m mention, r Report) {
	e.statusAll[m.em.Status]++
	e.modesAll[m.em.Mode]++
	if m.fixed {
		e.status[m.em.Status]++
		e.modes[m.em.Mode]++
		e.days[dateString(m.when)]++
		if m.em.Place != "" {
			e.places[m.em.Place]++
			e.placeNm[m.em.Place] = m.em.PlaceName
		}
		if t := dateExpression(m.em.DateRule); t != "" {
			e.dateText[t]++
		}
		if !m.until.IsZero() && m.until.After(e.until) {
			e.until = m.until
		}
	}
	for _, p := range m.em.Participants {
		e.parts[partKey(p)]++
		if len(p.Name) > len(e.partName[partKey(p)]) {
			e.partName[partKey(p)] = p.Name
		}
	}
	src, ok := e.sources[m.rep]
	if !ok {
		src = &srcAcc{Source: Source{Article: r.Article, Outlet: r.Outlet, URL: r.URL, Status: m.em.Status}}
		src.Quote = quoteOf(r, m.em)
		src.sentence = sentenceKey(src.Quote)
		if !r.Published.IsZero() {
			src.Published = r.Published.Format("2006-01-02")
		}
		e.sources[m.rep] = src
		e.groups[m.rep] = r.Group
	}
	if m.fixed && !src.fixed {
		src.fixed = true
		src.Status = m.em.Status
		src.DateText = dateExpression(m.em.DateRule)
	}
	e.articles[m.rep] = true
	e.sentences[src.sentence] = true
}

// quoteOf is the sentence of the report that tells the mention.
func quoteOf(r Report, em rasad.EventMention) string {
	if s := em.Sentence; s.Start >= 0 && s.End <= len(r.Text) && s.Start <= s.End {
		return strings.TrimSpace(r.Text[s.Start:s.End])
	}
	return ""
}

// sentenceKey is the normalization key of a sentence's words, without
// punctuation: two sources citing the same key copy one another.
func sentenceKey(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(text.Key(s)) {
		w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
		if w == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// dateExpression is the text of the expression that dated a mention, read
// from its rule ("date in the clause: الثلاثاء").
func dateExpression(rule string) string {
	if _, t, ok := strings.Cut(rule, ": "); ok {
		return t
	}
	return ""
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

// summary writes the entry as one Arabic line: what, who (with roles),
// and where when a report says so. The sides are people and organizations;
// states stand as the sides when fewer than two of those are named.
func summary(e Entry) string {
	what := modeWords[e.Mode]
	if what == "" {
		what = typeWords[e.Type]
	}
	var people, states []string
	for _, p := range e.Participants {
		switch {
		case (p.Type == "PERSON" || p.Type == "ORG") && len(people) < 5:
			people = append(people, withRole(p))
		case p.Type == "LOC" && len(states) < 3:
			states = append(states, p.Name)
		}
	}
	s := what
	switch {
	case e.Type != "CONSULT":
		who := people
		if len(who) < 2 {
			who = append(who, states[:min(len(states), 2-len(who))]...)
		}
		if len(who) > 0 {
			s += ": " + strings.Join(who, "، ")
		}
	case len(people) >= 2:
		s += " " + joinAr(people)
	case len(states) >= 2:
		s += " " + joinAr(states)
		if len(people) == 1 {
			s += "، بمشاركة " + people[0]
		}
	case len(people) == 1:
		s += " " + people[0]
	case len(states) == 1:
		s += " " + states[0]
	}
	if e.Place != nil {
		s += " في " + e.Place.Name
	}
	return s
}

// withRole names a person with the role the articles give them (وزير
// الخارجية سيرغي لافروف).
func withRole(p Participant) string {
	if p.Type != "PERSON" || p.Role == "" || p.Role == "counterpart" {
		return p.Name
	}
	l := entities.RoleLabel(p.Role)
	if l == "" || l == p.Role || strings.HasPrefix(p.Name, l) {
		return p.Name
	}
	return l + " " + p.Name
}

func joinAr(xs []string) string {
	if len(xs) == 1 {
		return xs[0]
	}
	return "بين " + strings.Join(xs[:len(xs)-1], "، ") + " و" + xs[len(xs)-1]
}
