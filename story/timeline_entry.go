package story

import (
	"slices"
	"sort"
	"strings"
	"time"
)

func (e *event) entry(names Names) (Entry, bool) {
	en := Entry{Date: dateString(e.when), Precision: e.when.precision, Type: e.typ}
	if e.when.precision == "day" && len(e.days) > 0 {
		en.Date = bestKey(e.days, nil) // the day most reports give (ties: the earliest)
	}
	if !e.until.IsZero() {
		if u := e.until.Format("2006-01-02"); u > en.Date {
			en.Until = u
		}
	}
	en.DateText = bestKey(e.dateText, nil)
	modes, status := e.modes, e.status
	if len(status) == 0 {
		modes, status = e.modesAll, e.statusAll
	}
	en.Mode = bestKey(modes, func(m string) int {
		if m == "talks" || m == "" {
			return 0 // the specific mode wins: a meeting, a call
		}
		return 1
	})
	en.Status = entryStatus(status)
	if e.confirmed && en.Status == "planned" {
		en.Status = "happened"
	}
	if pk := bestKey(e.places, nil); pk != "" {
		en.Place = &Place{Name: e.placeNm[pk], Key: pk}
	}
	en.Participants = e.participants(names)
	if len(en.Participants) == 0 {
		return en, false
	}

	// sources in the order they were published; a copy of an earlier
	// source (the same copy group, or the same sentence word for word) is
	// not an independent one
	reps := make([]int, 0, len(e.sources))
	for r := range e.sources {
		reps = append(reps, r)
	}
	sort.Slice(reps, func(i, j int) bool {
		a, b := e.sources[reps[i]], e.sources[reps[j]]
		if a.Published != b.Published {
			return a.Published < b.Published
		}
		return reps[i] < reps[j]
	})
	groups, sentences := map[string]bool{}, map[string]bool{}
	outlets := map[string]bool{}
	latest := ""
	salient := 0
	dated := false
	for _, r := range reps {
		s := e.sources[r]
		g := e.groups[r]
		if g == "" {
			g = "#" + s.Article
		}
		s.Independent = !groups[g] && (s.sentence == "" || !sentences[s.sentence])
		groups[g] = true
		if s.sentence != "" {
			sentences[s.sentence] = true
		}
		if s.Independent {
			en.Independent++
		}
		if s.fixed && s.DateText != "" && !dated && (s.Status == en.Status || s.Status == "ongoing" && en.Status == "happened") {
			en.DateText, dated = s.DateText, true // the earliest report's expression
		}
		// salience: independent reports that fix the date themselves and
		// tell the entry's status
		if s.Independent && s.fixed && (s.Status == en.Status || en.Status == "happened" && (s.Status == "ongoing" || e.confirmed && s.Status == "planned")) {
			salient++
			outlets[s.Outlet] = true
		}
		latest = max(latest, s.Published)
		en.Sources = append(en.Sources, s.Source)
	}
	// reported only before it begins: whatever a mention says, it was
	// still to come when every source wrote about it
	if en.Status == "happened" && latest != "" && latest < e.when.start.Format("2006-01-02") {
		en.Status = "planned"
	}
	people := 0
	for _, p := range en.Participants {
		if p.Type == "PERSON" {
			people++
		}
	}
	en.Salience = float64(salient)*2 + float64(len(outlets)) + float64(min(people, 4))*0.5
	if en.Status != "happened" {
		en.Salience /= 2 // what happened first; plans and cancellations after
	}
	if sides(en.Participants) < 2 {
		en.Salience /= 3 // who met whom is not told: the two-sided entries first
	}
	en.Summary = summary(en)
	return en, true
}

// entryStatus: happened when a report says so (unless more say it was
// cancelled), else cancelled, planned, or what the reports say.
func entryStatus(st map[string]int) string {
	done := st["happened"] + st["ongoing"]
	switch {
	case done > 0 && st["cancelled"] < done:
		return "happened"
	case st["cancelled"] > 0:
		return "cancelled"
	case st["planned"] > 0:
		return "planned"
	}
	return bestKey(st, nil)
}

// participants are the people and organizations of the event (those of
// the mention that made it, and those two reports name), then the states
// that act in it. A name the recognizer saw once, without a role, is too
// weak to show.
func (e *event) participants(names Names) []Participant {
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
	var out []Participant
	var once []Participant // named by one report that joined, not by the first
	strong, states := 0, 0
	for _, k := range keys {
		p, known := names[k]
		if !known {
			typ, key, _ := strings.Cut(k, ":")
			p = Participant{Type: typ, Key: key, Name: e.partName[k]}
		}
		if strings.ContainsAny(p.Name, "\"«»“”") {
			if p.Type == "PERSON" {
				continue // a fragment of a quotation, not a name
			}
			p.Name = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
				if strings.ContainsRune("\"«»“”", r) {
					return -1
				}
				return r
			}, p.Name)), " ")
		}
		switch p.Type {
		case "PERSON", "ORG":
			if known && p.Type == "PERSON" && p.Role == "" && (p.articles < 2 || commonNoun(p.Name)) {
				continue
			}
			if !e.core[k] && e.parts[k] < 2 || strong >= 6 {
				if !e.core[k] && e.parts[k] < 2 {
					once = append(once, p)
				}
				continue
			}
			strong++
		default:
			if e.parts[k] < 2 && strong >= 2 || states >= 4 {
				continue // states act when no one else is named
			}
			states++
		}
		out = append(out, p)
	}
	// an entry that names one side takes the other from the report that
	// names it (the session of a council, and the envoy who spoke at it)
	if strong == 1 {
		for _, p := range once[:min(len(once), 2)] {
			out = append(out, p)
		}
		sort.SliceStable(out, func(i, j int) bool { return typeRank(out[i].Type+":") < typeRank(out[j].Type+":") })
	}
	return out
}

// fillSides completes an entry whose one side is a state without a person
// of it ("the two sides", "the American side") while the other side is a
// person: the person of that state who meets the same person in the
// entries of the same type a few days around it stands for that side. Entries
// are looked up by day, so the pass is linear in the entries.
func fillSides(es []Entry) {
	byDay := map[string][]int{}
	for i, e := range es {
		if e.Precision == "day" {
			byDay[e.Date] = append(byDay[e.Date], i)
		}
	}
	for i := range es {
		e := &es[i]
		if e.Precision != "day" {
			continue
		}
		people := map[string]bool{} // countries with a person
		var persons []string
		for _, p := range e.Participants {
			if p.Type == "PERSON" {
				persons = append(persons, p.Key)
				if p.Country != "" {
					people[p.Country] = true
				}
			}
		}
		var missing []string
		for _, p := range e.Participants {
			if p.Type == "LOC" && p.Country != "" && !people[p.Country] {
				missing = append(missing, p.Country)
			}
		}
		if len(missing) != 1 || len(people) == 0 || len(persons) > 2 {
			continue
		}
		d, err := time.Parse("2006-01-02", e.Date)
		if err != nil {
			continue
		}
		score := map[string]int{}
		cand := map[string]Participant{}
		for off := -2; off <= 2; off++ {
			for _, j := range byDay[d.AddDate(0, 0, off).Format("2006-01-02")] {
				o := es[j]
				if j == i || o.Type != e.Type {
					continue
				}
				shares := false
				for _, p := range o.Participants {
					if p.Type == "PERSON" && slices.Contains(persons, p.Key) {
						shares = true
					}
				}
				if !shares {
					continue
				}
				for rank, p := range o.Participants {
					if p.Type == "PERSON" && p.Country == missing[0] {
						score[p.Key] += 10 - min(rank, 9)
						cand[p.Key] = p
					}
				}
			}
		}
		best := ""
		for k, s := range score {
			if best == "" || s > score[best] || s == score[best] && k < best {
				best = k
			}
		}
		if best != "" {
			e.Participants = append(e.Participants, cand[best])
			sort.SliceStable(e.Participants, func(a, b int) bool {
				return typeRank(e.Participants[a].Type+":") < typeRank(e.Participants[b].Type+":")
			})
			e.Summary = summary(*e)
		}
	}
}

// commonNoun: a "person" the collection knows best as one word with the
// article (الجوار from حسن الجوار) is a common noun read as a name.
func commonNoun(name string) bool {
	return !strings.Contains(strings.TrimSpace(name), " ") && strings.HasPrefix(name, "ال")
}

// sides counts the sides of an entry: its people and organizations, and
// the states none of its people belong to (الأسد and سوريا are one side).
func sides(ps []Participant) int {
	n := 0
	own := map[string]bool{}
	for _, p := range ps {
		if p.Type != "LOC" {
			n++
			if p.Country != "" {
				own[p.Country] = true
			}
		}
	}
	for _, p := range ps {
		if p.Type == "LOC" && (p.Country == "" || !own[p.Country]) {
			n++
		}
	}
	return n
}
