package watch

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/pipeline"
	"github.com/rasad/rasad/story"
)

// QueryLimit is the number of best matches a query or entity watch's
// timeline is built from.
const QueryLimit = 500

// StoreEntries gives a watch's timeline entries from the store: a story's
// stored timeline (rebuilt first when a change marked it), the timeline
// of the best QueryLimit articles a query finds, or of those naming an
// entity, keeping only the entries it takes part in.
func StoreEntries(store rasad.Store) EntrySource {
	return func(ctx context.Context, w rasad.Watch) ([]story.Entry, error) {
		switch w.Kind {
		case "story":
			if _, err := pipeline.UpdateTimelines(ctx, store); err != nil {
				return nil, err
			}
			tls, err := store.StoryTimelines(ctx, []string{w.Target})
			if err != nil {
				return nil, err
			}
			if len(tls) == 0 {
				return nil, fmt.Errorf("story %q: %w", w.Target, rasad.ErrNotFound)
			}
			return story.StoredEntries(tls)
		case "query", "entity":
		default:
			return nil, fmt.Errorf("watch kind %q: %w", w.Kind, rasad.ErrInvalid)
		}
		hits, err := store.Search(ctx, rasad.SearchQuery{Text: w.Target, Limit: QueryLimit})
		if err != nil {
			if errors.Is(err, rasad.ErrInvalid) {
				return nil, nil
			}
			return nil, err
		}
		ids := make([]string, len(hits))
		for i, h := range hits {
			ids[i] = h.ID
		}
		sort.Strings(ids)
		arts, err := store.TimelineArticles(ctx, ids)
		if err != nil {
			return nil, err
		}
		copies, err := store.CopiesOf(ctx, ids)
		if err != nil {
			return nil, err
		}
		entries := story.FromArticles(arts, story.DisplayID, copies)
		if w.Kind != "entity" {
			return entries, nil
		}
		keys := EntityKeys(w.Target, arts)
		var out []story.Entry
		for _, e := range entries {
			for _, p := range e.Participants {
				if keys[p.Key] {
					out = append(out, e)
					break
				}
			}
		}
		return out, nil
	}
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
