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

// RebuildStories clears the stored stories and assigns every article
// again with the incremental engine (RebuildStoriesFully), then returns the
// stored stories and every article's display name by ID. It gives what
// incremental assignment of the same articles in publication order gives.
func RebuildStories(ctx context.Context, store rasad.Store, opts story.Options) (story.Result, map[string]string, error) {
	if _, err := RebuildStoriesFully(ctx, store, opts); err != nil {
		return story.Result{}, nil, err
	}
	return StoredResult(ctx, store)
}

// StoredResult returns the stored stories as a story.Result, with every
// article's display name by ID.
func StoredResult(ctx context.Context, store rasad.Store) (story.Result, map[string]string, error) {
	stories, err := StoredStories(ctx, store)
	if err != nil {
		return story.Result{}, nil, err
	}
	storyOf, copies, err := store.Stories(ctx)
	if err != nil {
		return story.Result{}, nil, err
	}
	res := story.Result{Stories: stories, StoryOf: storyOf}
	for _, c := range copies {
		res.Pairs = append(res.Pairs, story.Pair{A: c.A, B: c.B, Kind: c.Kind, Similarity: c.Similarity})
	}
	display, err := DisplayNames(ctx, store)
	if err != nil {
		return story.Result{}, nil, err
	}
	return res, display, nil
}

// displayer gives every article's first report's ExtID cheaply (sqlite
// does).
type displayer interface {
	FirstExtIDs(ctx context.Context) (map[string]string, error)
}

// DisplayNames names every stored article as DisplayID does.
func DisplayNames(ctx context.Context, store rasad.Store) (map[string]string, error) {
	out := map[string]string{}
	if d, ok := store.(displayer); ok {
		ext, err := d.FirstExtIDs(ctx)
		if err != nil {
			return nil, err
		}
		for id, e := range ext {
			out[id] = story.DisplayID(&rasad.Article{ID: id, Reports: []rasad.Report{{ExtID: e}}})
		}
		return out, nil
	}
	err := store.Scan(ctx, func(a *rasad.Article) error {
		out[a.ID] = story.DisplayID(a)
		return nil
	})
	return out, err
}

// reanalyzeChunk is the number of articles analysed and stored together
// by Reanalyze: memory holds a chunk and the collection's knowledge.
const reanalyzeChunk = 512

// Reanalyze recomputes the analysis of every stored article (after the
// rules or lexicons changed) as one collection (collection.AnalyzeChunks:
// the same analyses as analysing all at once, with memory bounded by a
// chunk of articles) and stores each chunk's analyses in one transaction.
// It returns the number of articles analysed. When ctx ends first it
// returns ctx's error; the chunks stored by then keep their new analyses
// (each valid, made with the whole collection's knowledge), and a rerun
// recomputes all.
func Reanalyze(ctx context.Context, store rasad.Store) (int, error) {
	ids, err := store.IDs(ctx)
	if err != nil {
		return 0, err
	}
	read := func(lo, hi int) ([]*rasad.Article, error) { return readArticles(ctx, store, ids[lo:hi]) }
	n := 0
	know, err := collection.AnalyzeChunks(ctx, len(ids), reanalyzeChunk, read, func(arts []*rasad.Article) error {
		as := make(map[string]*rasad.Analysis, len(arts))
		for _, a := range arts {
			if a.Analysis != nil {
				as[a.ID] = a.Analysis
			}
		}
		if err := store.SetAnalysis(ctx, as); err != nil {
			return err
		}
		n += len(as)
		return nil
	})
	if err != nil {
		return n, err
	}
	// the collection's knowledge, for the batches ingested from now on
	if ks, ok := store.(rasad.KnowledgeStore); ok {
		st, err := ks.ReplaceKnowledge(ctx, know.Tallies())
		if err != nil {
			return n, err
		}
		remember(store, st, know)
	}
	return n, nil
}
