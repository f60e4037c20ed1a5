package pipeline

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/collection"
	"github.com/rasad/rasad/analysis/entities"
)

// The collection knowledge (common words, learned surnames: see
// entities.Counts) that a batch is analysed against is the stored one
// (rasad.KnowledgeStore) plus the batch's own. It is loaded once and kept
// in memory between ingests into the same store (the watcher makes a
// pipeline per round), as long as the store's knowledge generation says no
// other process changed it.

// knowCache keeps the knowledge of the last store ingested into, at the
// generation it is of. A pipeline takes it for the length of an ingest
// (nobody else uses it meanwhile) and gives it back when every batch was
// stored as counted.
var knowCache struct {
	sync.Mutex
	store  rasad.Store
	state  rasad.KnowledgeState
	counts *entities.Counts
}

// knowledgeReads counts the reads of a store's whole knowledge (tests).
var knowledgeReads atomic.Int64

// remember gives counts, the knowledge of store at st, to the cache.
func remember(store rasad.Store, st rasad.KnowledgeState, counts *entities.Counts) {
	knowCache.Lock()
	defer knowCache.Unlock()
	knowCache.store, knowCache.state, knowCache.counts = store, st, counts
}

// takeCached returns the cached knowledge of store when it is of
// generation st (and empties the cache), or nil.
func takeCached(store rasad.Store, st rasad.KnowledgeState) *entities.Counts {
	knowCache.Lock()
	defer knowCache.Unlock()
	c := knowCache.counts
	if c == nil || knowCache.store != store || knowCache.state != st {
		return nil
	}
	knowCache.store, knowCache.counts = nil, nil
	return c
}

// knowledge returns the stored knowledge of ks: cached, read, or rebuilt
// from the stored articles when some were stored without their counts.
func knowledge(ctx context.Context, store rasad.Store, ks rasad.KnowledgeStore) (*entities.Counts, rasad.KnowledgeState, error) {
	st, err := ks.KnowledgeState(ctx)
	if err != nil {
		return nil, st, err
	}
	if !st.Complete {
		return RebuildKnowledge(ctx, store)
	}
	if c := takeCached(store, st); c != nil {
		return c, st, nil
	}
	knowledgeReads.Add(1)
	c := entities.NewCounts()
	st, err = ks.Knowledge(ctx, func(k rasad.TallyKey, n int64) error {
		c.AddTally(k, n, 1)
		return nil
	})
	if err != nil {
		return nil, st, err
	}
	if !st.Complete { // changed since
		return RebuildKnowledge(ctx, store)
	}
	return c, st, nil
}

// RebuildKnowledge counts the collection knowledge of every stored article
// (its words, and the surnames its stored analysis names people by) and
// stores it in place of the stored counts: for a store made before it kept
// knowledge, or whose articles were stored without analysis. rasad analyze
// recomputes it with the analyses (Reanalyze).
func RebuildKnowledge(ctx context.Context, store rasad.Store) (*entities.Counts, rasad.KnowledgeState, error) {
	ks, ok := store.(rasad.KnowledgeStore)
	if !ok {
		return nil, rasad.KnowledgeState{}, fmt.Errorf("knowledge: the store keeps none")
	}
	ids, err := store.IDs(ctx)
	if err != nil {
		return nil, rasad.KnowledgeState{}, err
	}
	sum := entities.NewCounts()
	for lo := 0; lo < len(ids); lo += reanalyzeChunk {
		if err := ctx.Err(); err != nil {
			return nil, rasad.KnowledgeState{}, err
		}
		part := ids[lo:min(len(ids), lo+reanalyzeChunk)]
		arts, err := readArticles(ctx, store, part)
		if err != nil {
			return nil, rasad.KnowledgeState{}, err
		}
		as, err := store.Analyses(ctx, part)
		if err != nil {
			return nil, rasad.KnowledgeState{}, err
		}
		sum.Add(collection.CountStored(arts, as))
	}
	st, err := ks.ReplaceKnowledge(ctx, sum.Tallies())
	if err != nil {
		return nil, st, err
	}
	return sum, st, nil
}

// readArticles reads the articles ids (bulk when the store can).
func readArticles(ctx context.Context, store rasad.Store, ids []string) ([]*rasad.Article, error) {
	if g, ok := store.(manyGetter); ok {
		return g.GetMany(ctx, ids)
	}
	arts := make([]*rasad.Article, 0, len(ids))
	for _, id := range ids {
		a, err := store.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		a.Raw = nil
		arts = append(arts, a)
	}
	return arts, nil
}
