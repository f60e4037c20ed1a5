package pipeline

import (
	"context"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/collection"
	"github.com/rasad/rasad/story"
)

// StoryDocs reads the store into the story stage's documents, with the
// entity keys of each article's analysis, and the display name of every
// article (DisplayID) by ID.
func StoryDocs(ctx context.Context, store rasad.Store) ([]story.Doc, map[string]string, error) {
	var arts []*rasad.Article
	if err := store.Scan(ctx, func(a *rasad.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		return nil, nil, err
	}
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	as, err := store.Analyses(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	docs := make([]story.Doc, len(arts))
	display := map[string]string{}
	for i, a := range arts {
		docs[i] = story.DocOf(a, as[a.ID])
		display[a.ID] = story.DisplayID(a)
	}
	return docs, display, nil
}

// RebuildStories clusters every stored article again and saves the
// stories and copies (deterministic, so a rebuild changes nothing when no
// article changed). It returns the result and every article's display
// name by ID. When ctx ends during clustering it returns ctx's error at
// once and stores nothing.
func RebuildStories(ctx context.Context, store rasad.Store, opts story.Options) (story.Result, map[string]string, error) {
	docs, display, err := StoryDocs(ctx, store)
	if err != nil {
		return story.Result{}, nil, err
	}
	var res story.Result
	if err := runCtx(ctx, func() { res = story.Build(docs, opts) }); err != nil {
		return story.Result{}, nil, err
	}
	copies := make([]rasad.CopyPair, len(res.Pairs))
	for i, p := range res.Pairs {
		copies[i] = rasad.CopyPair{A: p.A, B: p.B, Kind: p.Kind, Similarity: p.Similarity}
	}
	if err := store.SetStories(ctx, res.StoryOf, copies); err != nil {
		return res, nil, err
	}
	return res, display, nil
}

// Reanalyze recomputes the analysis of every stored article (after the
// rules or lexicons changed) as one collection and stores it in one
// transaction. It returns the number of articles analysed. When ctx ends
// first it returns ctx's error and the stored analyses are unchanged.
func Reanalyze(ctx context.Context, store rasad.Store) (int, error) {
	ids, err := store.IDs(ctx)
	if err != nil {
		return 0, err
	}
	arts := make([]*rasad.Article, 0, len(ids))
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		a, err := store.Get(ctx, id)
		if err != nil {
			return 0, err
		}
		arts = append(arts, a)
	}
	if err := runCtx(ctx, func() { collection.Analyze(arts) }); err != nil {
		return 0, err
	}
	as := make(map[string]*rasad.Analysis, len(arts))
	for _, a := range arts {
		if a.Analysis != nil {
			as[a.ID] = a.Analysis
		}
	}
	if err := store.SetAnalysis(ctx, as); err != nil {
		return 0, err
	}
	return len(as), nil
}
