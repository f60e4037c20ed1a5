package watch

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/pipeline"
	"github.com/rasad/rasad/story"
)

// DeltaSource follows watches round by round: for a round that stored the
// articles ids, Delta gives the entries of a watch that can differ from
// what the watch announced (every entry whose key or digest a full
// computation would give anew; the others are as announced), or ok false
// when it does not follow that kind of watch. Forget drops what it kept of
// a watch (its next Delta computes in full), e.g. when announcing failed.
type DeltaSource interface {
	Delta(ctx context.Context, w rasad.Watch, ids []string) (entries []story.Entry, ok bool, err error)
	Forget(watchID string)
}

// liveStore is what Live reads from a store (sqlite has it).
type liveStore interface {
	publishedMatcher
	extIDer
	TimelineSeq(ctx context.Context) (int64, error)
	TimelineChanges(ctx context.Context, after int64) ([]string, int64, error)
}

// Live computes query and entity watches incrementally. A query watch's
// entries (StoreEntries) are those of the stored timelines of the stories
// of its latest QueryLimit matches, kept when one of their sources is such
// a match (for an entity, when it takes part), one per entry key (the
// first in timeline order). Between two rounds they change only where a
// stored timeline changed (the store's change seq: new members, merges,
// new analyses), where a match came in or was pushed out, and, for an
// entity, where the keys its matches give it changed. Live keeps each
// watch's matches and decoded stories in memory, reads only those changes,
// and gives the entries of the entry keys they involve. Its first round of
// a watch, or one after a reset of all stories, is a full computation.
// Story watches are left to Entries and Touches (ok false).
type Live struct {
	Store rasad.Store
	// Limit is the number of latest matches a watch follows (QueryLimit
	// when 0; the same as the full computation's).
	Limit int

	mu     sync.Mutex
	states map[string]*liveState
}

// NewLive follows the watches of store.
func NewLive(store rasad.Store) *Live {
	return &Live{Store: store}
}

type liveEntry struct {
	e   story.Entry
	key string
	in  bool // passes the watch's filter
}

type liveStory struct {
	entries []liveEntry
}

type liveState struct {
	kind, target string
	invalid      bool // the query finds nothing (no word to look for)
	anyWord      bool // no article has all the words: any of them
	cut          bool // more articles match than the watch follows
	seq          int64
	hits         []rasad.Hit       // latest first, at most Limit, ExtIDs set
	storyOf      map[string]string // hit -> its story
	shown        map[string]int    // display ID -> hits so named
	stories      map[string]*liveStory
	bySource     map[string]map[string]bool // display ID -> stories with a source so named
	contrib      map[string][]string        // entity: the keys each hit's analysis adds
	keys         map[string]int             // entity: key -> hits giving it (the name's own: -1)
}

func (l *Live) limit() int {
	if l.Limit > 0 {
		return l.Limit
	}
	return QueryLimit
}

// Forget drops what Live kept of a watch.
func (l *Live) Forget(id string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.states, id)
}

// Entries is the full computation of a watch's entries (StoreEntries);
// for a query or entity watch it also starts following it.
func (l *Live) Entries(ctx context.Context, w rasad.Watch) ([]story.Entry, error) {
	if w.Kind == "query" || w.Kind == "entity" {
		if _, ok := l.Store.(liveStore); ok {
			l.Forget(w.ID)
			es, _, err := l.Delta(ctx, w, nil)
			return es, err
		}
	}
	return storeEntries(l.Store, l.limit())(ctx, w)
}

// Delta gives the entries of a query or entity watch that the articles ids
// (stored in this round) and the timeline changes since its last round
// can have changed; ids nil computes in full.
func (l *Live) Delta(ctx context.Context, w rasad.Watch, ids []string) ([]story.Entry, bool, error) {
	ls, ok := l.Store.(liveStore)
	if !ok || w.Kind != "query" && w.Kind != "entity" {
		return nil, false, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.states == nil {
		l.states = map[string]*liveState{}
	}
	if _, err := pipeline.UpdateTimelines(ctx, l.Store); err != nil {
		return nil, true, err
	}
	st := l.states[w.ID]
	delete(l.states, w.ID) // kept again only when the round succeeds
	var es []story.Entry
	var err error
	if st == nil || ids == nil || st.kind != w.Kind || st.target != w.Target {
		st, es, err = l.full(ctx, ls, w)
	} else {
		var again bool
		es, again, err = l.round(ctx, ls, st, ids)
		if err == nil && again {
			st, es, err = l.full(ctx, ls, w)
		}
	}
	if err != nil {
		return nil, true, err
	}
	l.states[w.ID] = st
	return es, true, nil
}

// full computes a watch's state and all its entries.
func (l *Live) full(ctx context.Context, ls liveStore, w rasad.Watch) (*liveState, []story.Entry, error) {
	st := &liveState{kind: w.Kind, target: w.Target, storyOf: map[string]string{}, shown: map[string]int{},
		stories: map[string]*liveStory{}, bySource: map[string]map[string]bool{}}
	seq, err := ls.TimelineSeq(ctx) // before reading: a change after it is read again
	if err != nil {
		return nil, nil, err
	}
	st.seq = seq
	all, anyWord, err := ls.MatchPublished(ctx, w.Target, nil, false)
	if errors.Is(err, rasad.ErrInvalid) {
		st.invalid = true
		return st, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	st.anyWord = anyWord
	slices.SortFunc(all, byLatest)
	st.cut = len(all) > l.limit()
	st.hits = slices.Clone(all[:min(len(all), l.limit())])
	if err := setExtIDs(ctx, l.Store, st.hits); err != nil {
		return nil, nil, err
	}
	ids := rasad.HitIDs(st.hits)
	for _, h := range st.hits {
		st.shown[hitDisplayID(h)]++
	}
	if st.storyOf, err = l.Store.StoriesOf(ctx, ids); err != nil {
		return nil, nil, err
	}
	if w.Kind == "entity" {
		st.contrib, st.keys = map[string][]string{}, map[string]int{}
		for k := range EntityKeys(w.Target, nil) {
			st.keys[k] = -1
		}
		if err := st.addContrib(ctx, l.Store, ids); err != nil {
			return nil, nil, err
		}
	}
	need := map[string]bool{}
	for _, s := range st.storyOf {
		need[s] = true
	}
	if err := st.read(ctx, l.Store, need); err != nil {
		return nil, nil, err
	}
	for _, s := range st.stories {
		st.filter(s)
	}
	return st, st.winners(nil), nil
}

// round brings st up to date with a round that stored ids and returns the
// entries of the keys it involved; again when only a full computation can
// tell (a reset of all stories, a query that now finds all its words).
func (l *Live) round(ctx context.Context, ls liveStore, st *liveState, ids []string) ([]story.Entry, bool, error) {
	if st.invalid {
		return nil, false, nil
	}
	changed, seq, err := ls.TimelineChanges(ctx, st.seq)
	if err != nil {
		return nil, false, err
	}
	if slices.Contains(changed, "") || len(changed) > 4*l.limit()+1000 {
		return nil, true, nil // a reset, or so much changed that reading all is as cheap
	}
	st.seq = seq
	rebuilt := make(map[string]bool, len(changed))
	for _, s := range changed {
		rebuilt[s] = true
	}
	if st.anyWord {
		strict, _, err := ls.MatchPublished(ctx, st.target, ids, false)
		if err != nil {
			return nil, false, err
		}
		if len(strict) > 0 {
			return nil, true, nil // the watch now follows the articles with all the words
		}
	}
	found, _, err := ls.MatchPublished(ctx, st.target, ids, st.anyWord)
	if err != nil {
		return nil, false, err
	}
	if err := setExtIDs(ctx, l.Store, found); err != nil {
		return nil, false, err
	}
	// the latest matches: those kept, and those of ids (again, for a
	// known article with a new report)
	round := make(map[string]bool, len(ids))
	for _, id := range ids {
		round[id] = true
	}
	old := st.hits
	next := slices.DeleteFunc(slices.Clone(old), func(h rasad.Hit) bool { return round[h.ID] })
	next = append(next, found...)
	slices.SortFunc(next, byLatest)
	next = slices.CompactFunc(next, func(a, b rasad.Hit) bool { return a.ID == b.ID })
	if len(next) < l.limit() && st.cut {
		return nil, true, nil // one stopped matching: the next older match is not known
	}
	st.cut = st.cut || len(next) > l.limit()
	next = next[:min(len(next), l.limit())]
	oldByID := make(map[string]rasad.Hit, len(old))
	for _, h := range old {
		oldByID[h.ID] = h
	}
	nextByID := make(map[string]rasad.Hit, len(next))
	for _, h := range next {
		nextByID[h.ID] = h
	}
	redo := map[string]bool{} // stories whose filtered entries may change
	var entered, left []string
	names := map[string]bool{} // display IDs whose shown state may flip
	for _, h := range old {
		if n, ok := nextByID[h.ID]; !ok || hitDisplayID(n) != hitDisplayID(h) {
			left = append(left, h.ID)
			st.shown[hitDisplayID(h)]--
			names[hitDisplayID(h)] = true
		}
	}
	for _, h := range next {
		if o, ok := oldByID[h.ID]; !ok || hitDisplayID(o) != hitDisplayID(h) {
			entered = append(entered, h.ID)
			st.shown[hitDisplayID(h)]++
			names[hitDisplayID(h)] = true
		}
	}
	st.hits = next
	for d := range names {
		if st.shown[d] <= 0 {
			delete(st.shown, d)
		}
		for s := range st.bySource[d] {
			redo[s] = true
		}
	}
	// the story of each match: those that left go, those that came in and
	// the members of rebuilt stories are read
	for _, id := range left {
		if s, ok := st.storyOf[id]; ok {
			redo[s] = true
			delete(st.storyOf, id)
		}
	}
	var ask []string
	for _, id := range entered {
		if _, ok := nextByID[id]; ok {
			ask = append(ask, id)
		}
	}
	rebuiltIDs := slices.Sorted(maps.Keys(rebuilt))
	members, err := l.Store.StoryMembers(ctx, rebuiltIDs)
	if err != nil {
		return nil, false, err
	}
	inRebuilt := map[string]string{}
	for s, ms := range members {
		for _, a := range ms {
			if _, ok := nextByID[a]; ok {
				inRebuilt[a] = s
			}
		}
	}
	for a, s := range st.storyOf {
		if rebuilt[s] {
			if _, ok := inRebuilt[a]; !ok {
				ask = append(ask, a) // moved out of a rebuilt story
			}
		}
	}
	for a, s := range inRebuilt {
		if old, ok := st.storyOf[a]; ok && old != s {
			redo[old] = true
		}
		st.storyOf[a] = s
	}
	if len(ask) > 0 {
		of, err := l.Store.StoriesOf(ctx, ask)
		if err != nil {
			return nil, false, err
		}
		for _, a := range ask {
			if old, ok := st.storyOf[a]; ok {
				redo[old] = true
			}
			if s, ok := of[a]; ok {
				st.storyOf[a] = s
				redo[s] = true
			} else {
				delete(st.storyOf, a)
			}
		}
	}
	need := map[string]bool{}
	for _, s := range st.storyOf {
		need[s] = true
		if rebuilt[s] {
			redo[s] = true
		}
	}
	for s := range st.stories {
		if !need[s] {
			redo[s] = true
		}
	}
	// an entity's keys: those the analyses of the matches give (a rebuilt
	// story may hold a new analysis)
	refilterAll := false
	if st.keys != nil {
		var again []string
		for a, s := range st.storyOf {
			if rebuilt[s] {
				again = append(again, a)
			}
		}
		var gone []string
		for _, id := range left {
			if _, ok := nextByID[id]; !ok {
				gone = append(gone, id)
			}
		}
		keysBefore := maps.Clone(st.keys)
		st.dropContrib(append(gone, again...))
		if err := st.addContrib(ctx, l.Store, slices.Compact(slices.Sorted(slices.Values(append(again, entered...))))); err != nil {
			return nil, false, err
		}
		if !sameKeys(keysBefore, st.keys) {
			refilterAll = true
		}
	}
	// the keys whose winner may change: those of the stories redone, as
	// they were and as they are
	keys := map[string]bool{}
	reread := map[string]bool{}
	for s := range redo {
		if ls := st.stories[s]; ls != nil {
			for _, e := range ls.entries {
				if e.in {
					keys[e.key] = true
				}
			}
		}
		switch {
		case !need[s]:
			st.drop(s)
		case rebuilt[s] || st.stories[s] == nil:
			st.drop(s)
			reread[s] = true
		}
	}
	if err := st.read(ctx, l.Store, reread); err != nil {
		return nil, false, err
	}
	for s := range redo {
		if ls := st.stories[s]; ls != nil {
			st.filter(ls)
			for _, e := range ls.entries {
				if e.in {
					keys[e.key] = true
				}
			}
		}
	}
	if refilterAll {
		for _, ls := range st.stories {
			st.filter(ls)
		}
		return st.winners(nil), false, nil
	}
	if len(keys) == 0 {
		return nil, false, nil
	}
	return st.winners(keys), false, nil
}

// sameKeys tells whether two key counts hold the same keys.
func sameKeys(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return true
}

// addContrib adds the entity keys the analyses of ids give.
func (st *liveState) addContrib(ctx context.Context, store rasad.Store, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	as, err := store.Analyses(ctx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		an := as[id]
		if an == nil {
			continue
		}
		ks := EntityKeys(st.target, []*rasad.Article{{ID: id, Analysis: an}})
		var own []string
		for k := range ks {
			own = append(own, k)
		}
		st.contrib[id] = own
		for _, k := range own {
			if st.keys[k] >= 0 {
				st.keys[k]++
			}
		}
	}
	return nil
}

// dropContrib takes away the keys ids added.
func (st *liveState) dropContrib(ids []string) {
	for _, id := range ids {
		for _, k := range st.contrib[id] {
			if st.keys[k] > 0 {
				if st.keys[k]--; st.keys[k] == 0 {
					delete(st.keys, k)
				}
			}
		}
		delete(st.contrib, id)
	}
}

// read decodes the stored timelines of the stories.
func (st *liveState) read(ctx context.Context, store rasad.Store, stories map[string]bool) error {
	if len(stories) == 0 {
		return nil
	}
	tls, err := store.StoryTimelines(ctx, slices.Sorted(maps.Keys(stories)))
	if err != nil {
		return err
	}
	for _, t := range tls {
		es, err := story.DecodeEntries(t)
		if err != nil {
			return err
		}
		ls := &liveStory{entries: make([]liveEntry, len(es))}
		for i, e := range es {
			ls.entries[i] = liveEntry{e: e, key: EntryKey(e)}
			for _, src := range e.Sources {
				m := st.bySource[src.Article]
				if m == nil {
					m = map[string]bool{}
					st.bySource[src.Article] = m
				}
				m[t.Story] = true
			}
		}
		st.stories[t.Story] = ls
	}
	return nil
}

// drop forgets a story's decoded entries.
func (st *liveState) drop(s string) {
	ls := st.stories[s]
	if ls == nil {
		return
	}
	for _, e := range ls.entries {
		for _, src := range e.e.Sources {
			if m := st.bySource[src.Article]; m != nil {
				delete(m, s)
				if len(m) == 0 {
					delete(st.bySource, src.Article)
				}
			}
		}
	}
	delete(st.stories, s)
}

// filter marks the entries a watch shows: one of their sources is a match
// (and, for an entity, it takes part).
func (st *liveState) filter(ls *liveStory) {
	for i := range ls.entries {
		e := &ls.entries[i]
		e.in = slices.ContainsFunc(e.e.Sources, func(s story.Source) bool { return st.shown[s.Article] > 0 })
		if e.in && st.keys != nil {
			e.in = slices.ContainsFunc(e.e.Participants, func(p story.Participant) bool { _, ok := st.keys[p.Key]; return ok })
		}
	}
}

// winners gives, for each key (all when keys is nil), the entry a full
// computation keeps: the first in timeline order, stories in ID order.
func (st *liveState) winners(keys map[string]bool) []story.Entry {
	best := map[string]*story.Entry{}
	var order []string
	for _, s := range slices.Sorted(maps.Keys(st.stories)) {
		ls := st.stories[s]
		for i := range ls.entries {
			e := &ls.entries[i]
			if !e.in || keys != nil && !keys[e.key] {
				continue
			}
			b, ok := best[e.key]
			if !ok {
				order = append(order, e.key)
			}
			if !ok || entryBefore(&e.e, b) {
				best[e.key] = &e.e
			}
		}
	}
	out := make([]story.Entry, 0, len(order))
	for _, k := range order {
		out = append(out, *best[k])
	}
	return out
}

// entryBefore is timeline order (story.MergeEntries: by date, the most
// salient first, then by summary).
func entryBefore(a, b *story.Entry) bool {
	if a.Date != b.Date {
		return a.Date < b.Date
	}
	if a.Salience != b.Salience {
		return a.Salience > b.Salience
	}
	return strings.Compare(a.Summary, b.Summary) < 0
}
