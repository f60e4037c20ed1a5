package pipeline

import (
	"context"
	"fmt"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/story"
)

// storyChunk is the number of articles loaded and assigned together when
// catching up or rebuilding: memory holds a chunk plus the engine's
// windows, never the store.
const storyChunk = 256

// manyGetter loads articles in bulk (sqlite.Store does); without it they
// are read one by one.
type manyGetter interface {
	GetMany(ctx context.Context, ids []string) ([]*rasad.Article, error)
}

// loadDocs reads the story documents of ids (publication order kept).
func loadDocs(ctx context.Context, store rasad.Store, ids []string) ([]story.Doc, error) {
	var arts []*rasad.Article
	if g, ok := store.(manyGetter); ok {
		var err error
		if arts, err = g.GetMany(ctx, ids); err != nil {
			return nil, err
		}
	} else {
		for _, id := range ids {
			a, err := store.Get(ctx, id)
			if err != nil {
				return nil, err
			}
			arts = append(arts, a)
		}
	}
	as, err := store.Analyses(ctx, ids)
	if err != nil {
		return nil, err
	}
	docs := make([]story.Doc, len(arts))
	for i, a := range arts {
		docs[i] = story.DocOf(a, as[a.ID])
	}
	return docs, nil
}

// UpdateStories assigns the stored articles that have no story yet to
// stories, incrementally (see story.Engine), in publication order, a
// chunk at a time. It returns the number assigned.
func UpdateStories(ctx context.Context, store rasad.Store, eng *story.Engine) (int, error) {
	ids, err := store.Unassigned(ctx, 0)
	if err != nil {
		return 0, err
	}
	return assignChunks(ctx, store, eng, ids)
}

// AssignStories assigns the given newly stored articles (not assigned
// before) to stories, incrementally.
func AssignStories(ctx context.Context, store rasad.Store, eng *story.Engine, ids []string) (int, error) {
	return assignChunks(ctx, store, eng, ids)
}

func assignChunks(ctx context.Context, store rasad.Store, eng *story.Engine, ids []string) (int, error) {
	n := 0
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), storyChunk)]
		ids = ids[len(chunk):]
		docs, err := loadDocs(ctx, store, chunk)
		if err != nil {
			return n, err
		}
		if err := eng.Add(ctx, docs); err != nil {
			return n, fmt.Errorf("stories: %w", err)
		}
		n += len(docs)
	}
	// the timelines of the stories that changed
	if _, err := UpdateTimelines(ctx, store); err != nil {
		return n, fmt.Errorf("timelines: %w", err)
	}
	return n, nil
}

// RebuildStoriesFully clears the stored stories and assigns every article
// again with the incremental engine, in publication order: the result is
// what adding the same articles in that order one batch at a time gives.
func RebuildStoriesFully(ctx context.Context, store rasad.Store, opts story.Options) (int, error) {
	eng := story.NewEngine(store, opts)
	if err := eng.Reset(ctx); err != nil {
		return 0, err
	}
	ids, err := store.IDs(ctx)
	if err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		// still clear what was stored
		return 0, eng.Add(ctx, nil)
	}
	return assignChunks(ctx, store, eng, ids)
}

// StoredStories lists the stored stories (story.Assigned) with display
// names for their articles.
func StoredStories(ctx context.Context, store rasad.Store) ([]story.Story, error) {
	cs, err := store.StoryClusters(ctx, time.Time{}, false)
	if err != nil {
		return nil, err
	}
	storyOf, copies, err := store.Stories(ctx)
	if err != nil {
		return nil, err
	}
	order, err := store.IDs(ctx)
	if err != nil {
		return nil, err
	}
	return story.Assigned(cs, storyOf, copies, order), nil
}
