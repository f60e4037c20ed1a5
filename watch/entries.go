package watch

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/pipeline"
	"github.com/rasad/rasad/story"
)

// QueryLimit is the number of best matches a query or entity watch's
// timeline is built from.
const QueryLimit = 500

// StoreEntries gives a watch's timeline entries from the stored story
// timelines (rebuilt first where a change marked them): a story's entries;
// for a query, the entries that the latest QueryLimit articles it finds
// report (each from the timeline of its story); for an entity, those of
// them it takes part in. Nothing is merged anew: a watch costs reading
// stored entries. This is the full computation; Live gives the same round
// by round from what changed.
func StoreEntries(store rasad.Store) EntrySource {
	return storeEntries(store, QueryLimit)
}

// byLatest orders hits by publication, the latest first (undated ones
// last), then by ID: a query watch follows its latest matches, so that a
// new article can only push the oldest out.
func byLatest(a, b rasad.Hit) int {
	switch {
	case a.Published == nil && b.Published == nil:
	case a.Published == nil:
		return 1
	case b.Published == nil:
		return -1
	default:
		if c := b.Published.Compare(*a.Published); c != 0 {
			return c
		}
	}
	return strings.Compare(a.ID, b.ID)
}

// publishedMatcher finds every article a query matches with its
// publication time (sqlite does).
type publishedMatcher interface {
	MatchPublished(ctx context.Context, query string, ids []string, anyWord bool) ([]rasad.Hit, bool, error)
}

// latestHits returns the latest limit articles a query finds, their
// ExtIDs set, and whether the query fell back to any of its words.
func latestHits(ctx context.Context, store rasad.Store, query string, limit int) ([]rasad.Hit, bool, error) {
	m, ok := store.(publishedMatcher)
	if !ok {
		// a store without it: the best matches
		hits, err := store.Search(ctx, rasad.SearchQuery{Text: query, Limit: limit})
		return hits, false, err
	}
	hits, anyWord, err := m.MatchPublished(ctx, query, nil, false)
	if err != nil {
		return nil, false, err
	}
	slices.SortFunc(hits, byLatest)
	hits = hits[:min(len(hits), limit)]
	if err := setExtIDs(ctx, store, hits); err != nil {
		return nil, false, err
	}
	return hits, anyWord, nil
}

// setExtIDs fills in the hits' ExtIDs (their first report's).
func setExtIDs(ctx context.Context, store rasad.Store, hits []rasad.Hit) error {
	ext, ok := store.(extIDer)
	if !ok || len(hits) == 0 {
		return nil
	}
	e, err := ext.ExtIDsOf(ctx, rasad.HitIDs(hits))
	if err != nil {
		return err
	}
	for i := range hits {
		hits[i].ExtID = e[hits[i].ID]
	}
	return nil
}

// hitDisplayID names a hit as entries' sources name its article.
func hitDisplayID(h rasad.Hit) string {
	return story.DisplayID(&rasad.Article{ID: h.ID, Reports: []rasad.Report{{ExtID: h.ExtID}}})
}

func storeEntries(store rasad.Store, limit int) EntrySource {
	// the decoded entries of stored timelines, by story and stored bytes
	// (a query watch reads hundreds of stories per round, most unchanged)
	type decoded struct {
		sum     uint64
		entries []story.Entry
	}
	var mu sync.Mutex
	cache := map[string]decoded{}
	read := func(tls []rasad.StoryTimeline) ([]story.Entry, error) {
		mu.Lock()
		defer mu.Unlock()
		if len(cache) > 50000 {
			clear(cache)
		}
		lists := make([][]story.Entry, len(tls))
		for i, t := range tls {
			h := fnv.New64a()
			h.Write(t.Entries)
			sum := h.Sum64()
			if d, ok := cache[t.Story]; ok && d.sum == sum {
				lists[i] = d.entries
				continue
			}
			es, err := story.DecodeEntries(t)
			if err != nil {
				return nil, err
			}
			cache[t.Story] = decoded{sum, es}
			lists[i] = es
		}
		return story.MergeEntries(lists...), nil
	}
	return func(ctx context.Context, w rasad.Watch) ([]story.Entry, error) {
		switch w.Kind {
		case "story", "query", "entity":
		default:
			return nil, fmt.Errorf("watch kind %q: %w", w.Kind, rasad.ErrInvalid)
		}
		if _, err := pipeline.UpdateTimelines(ctx, store); err != nil {
			return nil, err
		}
		if w.Kind == "story" {
			tls, err := store.StoryTimelines(ctx, []string{w.Target})
			if err != nil {
				return nil, err
			}
			if len(tls) == 0 {
				return nil, fmt.Errorf("story %q: %w", w.Target, rasad.ErrNotFound)
			}
			return read(tls)
		}
		hits, _, err := latestHits(ctx, store, w.Target, limit)
		if err != nil {
			if errors.Is(err, rasad.ErrInvalid) {
				return nil, nil
			}
			return nil, err
		}
		ids := rasad.HitIDs(hits)
		shown := make(map[string]bool, len(hits)) // as entries' sources name them
		for _, h := range hits {
			shown[hitDisplayID(h)] = true
		}
		storyOf, err := store.StoriesOf(ctx, ids)
		if err != nil {
			return nil, err
		}
		stories := slices.Sorted(maps.Values(storyOf))
		tls, err := store.StoryTimelines(ctx, slices.Compact(stories))
		if err != nil {
			return nil, err
		}
		all, err := read(tls)
		if err != nil {
			return nil, err
		}
		var keys map[string]bool
		if w.Kind == "entity" {
			as, err := store.Analyses(ctx, ids)
			if err != nil {
				return nil, err
			}
			arts := make([]*rasad.Article, 0, len(as))
			for _, id := range slices.Sorted(maps.Keys(as)) {
				arts = append(arts, &rasad.Article{ID: id, Analysis: as[id]})
			}
			keys = EntityKeys(w.Target, arts)
		}
		var out []story.Entry
		for _, e := range all {
			if !slices.ContainsFunc(e.Sources, func(s story.Source) bool { return shown[s.Article] }) {
				continue
			}
			if keys != nil && !slices.ContainsFunc(e.Participants, func(p story.Participant) bool { return keys[p.Key] }) {
				continue
			}
			out = append(out, e)
		}
		return out, nil
	}
}

// extIDer gives the first report's ExtID of articles (sqlite does), so
// that a query watch asks the search for ranked IDs alone.
type extIDer interface {
	ExtIDsOf(ctx context.Context, ids []string) (map[string]string, error)
}

// EntityKeys are the mention keys the articles' analyses give a name.
func EntityKeys(name string, arts []*rasad.Article) map[string]bool {
	keys := map[string]bool{name: true, entities.NameKey(name): true}
	for _, a := range arts {
		if a.Analysis == nil {
			continue
		}
		for _, m := range a.Analysis.Mentions {
			if m.Key == name || m.Canonical == name || m.Text == name || entities.NameKey(m.Text) == entities.NameKey(name) {
				keys[m.Key] = true
			}
		}
	}
	return keys
}

// matcher tells whether any of some articles matches a search (sqlite
// does); without it every query watch is recomputed.
type matcher interface {
	MatchesAny(ctx context.Context, query string, ids []string) (bool, error)
}

// StoreTouches tells whether new or changed articles can change a watch's
// timeline: a story watch when one of them is in the story (or its stored
// timeline is stale), a query or entity watch when one of them matches
// the query (any of its words).
func StoreTouches(store rasad.Store) TouchFunc {
	return func(ctx context.Context, w rasad.Watch, ids []string) (bool, error) {
		switch w.Kind {
		case "story":
			ms, err := store.StoryMembers(ctx, []string{w.Target})
			if err != nil {
				return false, err
			}
			in := map[string]bool{}
			for _, a := range ms[w.Target] {
				in[a] = true
			}
			for _, id := range ids {
				if in[id] {
					return true, nil
				}
			}
			return false, nil
		case "query", "entity":
			if m, ok := store.(matcher); ok {
				return m.MatchesAny(ctx, w.Target, ids)
			}
		}
		return true, nil
	}
}
