package main

import (
	"context"
	"fmt"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/sqlite"
	"github.com/rasad/rasad/story"
)

// selectIDs picks the stored articles a command works on: one article
// (doc), the articles of a story, those a search finds (query), or all.
func selectIDs(ctx context.Context, store *sqlite.Store, doc, storyID, query string, limit int) ([]string, error) {
	switch {
	case doc != "":
		a, err := store.Get(ctx, doc)
		if err != nil {
			return nil, err
		}
		return []string{a.ID}, nil
	case storyID != "":
		storyOf, _, err := store.Stories(ctx)
		if err != nil {
			return nil, err
		}
		if n, _, err := store.Count(ctx); err == nil && n != len(storyOf) {
			// articles came in since the stories were built
			if _, err := catchUpStories(ctx, store, story.Options{}); err != nil {
				return nil, err
			}
			if storyOf, _, err = store.Stories(ctx); err != nil {
				return nil, err
			}
		}
		var ids []string
		for a, s := range storyOf {
			if s == storyID {
				ids = append(ids, a)
			}
		}
		if len(ids) == 0 {
			return nil, fmt.Errorf("story %q: %w", storyID, rasad.ErrNotFound)
		}
		return ids, nil
	case query != "":
		hits, err := store.Search(ctx, rasad.SearchQuery{Text: query, Limit: limit})
		if err != nil {
			return nil, err
		}
		return rasad.HitIDs(hits), nil
	}
	return store.IDs(ctx)
}
