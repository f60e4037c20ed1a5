package events

import (
	"slices"
	"sort"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// reach bounds how far from a trigger (in bytes, on each side) its clause
// is read: a sentence longer than that (a text without full stops) is read
// in a window around the trigger, so that finding events stays linear in the
// text's length. Real sentences are far shorter (ant-dev: 99.9% under 1.1 KB,
// the longest 3.7 KB).
const reach = 4096

// index finds the tokens, dates and mentions of a span by binary search, so
// that the rules read a trigger's sentence instead of the whole text.
type index struct {
	toks []text.Token // all tokens, in text order
	txs  []rasad.Timex
	ms   []rasad.Mention
	txAt spanIndex
	msAt spanIndex
	// calendar dates by End, with the highest slice index among those
	// ending at or before each (latestDateBefore)
	calEnds []int
	calBest []int
	ac      *articleCounts // computed on first use
	memos   map[string]memoed
}

type memoed struct {
	p  rasad.Participant
	ok bool
}

// memo computes an article-level answer once.
func (x *index) memo(key string, f func() (rasad.Participant, bool)) (rasad.Participant, bool) {
	if m, ok := x.memos[key]; ok {
		return m.p, m.ok
	}
	p, ok := f()
	if x.memos == nil {
		x.memos = map[string]memoed{}
	}
	x.memos[key] = memoed{p, ok}
	return p, ok
}

// spanIndex orders item indices by start offset.
type spanIndex struct{ starts, order []int }

func newSpanIndex(n int, start func(int) int) spanIndex {
	x := spanIndex{order: make([]int, n), starts: make([]int, n)}
	for i := range x.order {
		x.order[i] = i
	}
	sort.SliceStable(x.order, func(a, b int) bool { return start(x.order[a]) < start(x.order[b]) })
	for k, i := range x.order {
		x.starts[k] = start(i)
	}
	return x
}

// pick returns the items of all that start in [s.Start, s.End], in their
// order in all.
func pick[T any](all []T, x spanIndex, s rasad.Span) []T {
	lo, hi := sort.SearchInts(x.starts, s.Start), sort.SearchInts(x.starts, s.End+1)
	if hi <= lo {
		return nil
	}
	idx := slices.Clone(x.order[lo:hi])
	if !slices.IsSorted(idx) {
		slices.Sort(idx)
	}
	out := make([]T, len(idx))
	for k, i := range idx {
		out[k] = all[i]
	}
	return out
}

func newIndex(in Input) *index {
	x := &index{toks: in.Tokens, txs: in.Timexes, ms: in.Mentions}
	x.txAt = newSpanIndex(len(in.Timexes), func(i int) int { return in.Timexes[i].Start })
	x.msAt = newSpanIndex(len(in.Mentions), func(i int) int { return in.Mentions[i].Start })
	var cal []int
	for i, tx := range in.Timexes {
		if calendarDate(tx) {
			cal = append(cal, i)
		}
	}
	sort.SliceStable(cal, func(a, b int) bool { return in.Timexes[cal[a]].End < in.Timexes[cal[b]].End })
	best := -1
	for _, i := range cal {
		best = max(best, i)
		x.calEnds = append(x.calEnds, in.Timexes[i].End)
		x.calBest = append(x.calBest, best)
	}
	return x
}

// within returns in narrowed to the tokens, dates and mentions that start
// in s (the rules filter by span, so they see the same items).
func (in Input) within(s rasad.Span) Input {
	x := in.ix
	out := in
	lo := sort.Search(len(x.toks), func(i int) bool { return x.toks[i].Start >= s.Start })
	hi := sort.Search(len(x.toks), func(i int) bool { return x.toks[i].Start > s.End })
	out.Tokens = x.toks[lo:max(lo, hi)]
	out.Timexes = pick(x.txs, x.txAt, s)
	out.Mentions = pick(x.ms, x.msAt, s)
	return out
}

// latestDateBefore is the last calendar date of the text (in the order of
// the dates) that ends at or before off.
func (x *index) latestDateBefore(off int) (rasad.Timex, bool) {
	k := sort.SearchInts(x.calEnds, off+1)
	if k == 0 {
		return rasad.Timex{}, false
	}
	return x.txs[x.calBest[k-1]], true
}

// window is s cut to reach bytes around [start, end).
func window(s text.Span, start, end int) rasad.Span {
	return rasad.Span{Start: max(s.Start, start-reach), End: min(s.End, end+reach)}
}

// articleCounts are the article-level facts the rules ask for again and
// again, counted once (people by role and country, by country, the two
// people of an article that names exactly two).
type articleCounts struct {
	byRole    map[string]rasad.Participant // role + "|" + country
	byCountry map[string]rasad.Participant
	pair      []rasad.Participant
	onlyRole  map[string]rasad.Participant // role -> the one person with it ("" Key: several)
}

func (x *index) counts() *articleCounts {
	if x.ac != nil {
		return x.ac
	}
	type tally struct {
		n    map[string]int
		name map[string]string
	}
	add := func(t map[string]*tally, group string, m rasad.Mention) {
		g := t[group]
		if g == nil {
			g = &tally{n: map[string]int{}, name: map[string]string{}}
			t[group] = g
		}
		g.n[m.Key]++
		if len(m.Text) > len(g.name[m.Key]) {
			g.name[m.Key] = m.Text
		}
	}
	role, country, all := map[string]*tally{}, map[string]*tally{}, map[string]*tally{}
	onlyRole := map[string]rasad.Participant{}
	for _, m := range x.ms {
		if m.Type != "PERSON" {
			continue
		}
		if m.Role != "" {
			p, seen := onlyRole[m.Role]
			switch {
			case !seen:
				onlyRole[m.Role] = rasad.Participant{Type: "PERSON", Key: m.Key, Name: m.Text}
			case p.Key != "" && p.Key != m.Key:
				onlyRole[m.Role] = rasad.Participant{}
			case p.Key != "" && len(m.Text) > len(p.Name):
				onlyRole[m.Role] = rasad.Participant{Type: "PERSON", Key: m.Key, Name: m.Text}
			}
		}
		add(all, "", m)
		add(country, m.Country, m)
		if m.Role != "" {
			add(role, m.Role+"|"+m.Country, m)
		}
	}
	top := func(g *tally) rasad.Participant {
		best, bestN := "", 0
		for k, c := range g.n {
			if c > bestN || c == bestN && k < best {
				best, bestN = k, c
			}
		}
		return rasad.Participant{Type: "PERSON", Key: best, Name: g.name[best]}
	}
	ac := &articleCounts{byRole: map[string]rasad.Participant{}, byCountry: map[string]rasad.Participant{}, onlyRole: onlyRole}
	for k, g := range role {
		ac.byRole[k] = top(g)
	}
	for k, g := range country {
		ac.byCountry[k] = top(g)
	}
	if g := all[""]; g != nil && len(g.n) == 2 {
		ks := make([]string, 0, 2)
		for k := range g.n {
			ks = append(ks, k)
		}
		sort.Slice(ks, func(i, j int) bool {
			if g.n[ks[i]] != g.n[ks[j]] {
				return g.n[ks[i]] > g.n[ks[j]]
			}
			return ks[i] < ks[j]
		})
		ac.pair = []rasad.Participant{{Type: "PERSON", Key: ks[0], Name: g.name[ks[0]]}, {Type: "PERSON", Key: ks[1], Name: g.name[ks[1]]}}
	}
	x.ac = ac
	return ac
}

// topOfCountry is the person of a country the article names most.
func (x *index) topOfCountry(code string) (rasad.Participant, bool) {
	p, ok := x.counts().byCountry[code]
	return p, ok && p.Key != ""
}

// twoPeople are the article's two people when it names exactly two, the
// more often named first.
func (x *index) twoPeople() []rasad.Participant { return x.counts().pair }
