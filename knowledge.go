package rasad

import "context"

// Collection knowledge is what the analysis of one article learns from the
// others (the common words of the collection, the surnames it names people
// by): counts that add up, so that any batching of the same articles gives
// the same totals. A store that keeps it (KnowledgeStore) adds an article's
// counts once, in the transaction that stores the article.

// TallyKey names one count of the collection knowledge: a Kind (a letter
// the analysis defines), a word form and, for some kinds, a key.
type TallyKey struct {
	Kind byte
	Form string
	Key  string
}

// Tallies are counts of the collection knowledge: one article's
// contribution, or a collection's totals.
type Tallies map[TallyKey]int64

// Add adds o's counts to t (sign -1 subtracts them); a count that comes to
// zero is removed.
func (t Tallies) Add(o Tallies, sign int64) {
	for k, n := range o {
		if v := t[k] + sign*n; v != 0 {
			t[k] = v
		} else {
			delete(t, k)
		}
	}
}

// KnowledgeState is the stored knowledge's generation, which every change
// to it increments (a process that keeps the knowledge in memory reloads
// it when another changed it), and whether it is complete: every stored
// article counted. A store whose articles were stored without their counts
// (by Put, or before the store kept knowledge) is not complete until the
// knowledge is rebuilt.
type KnowledgeState struct {
	Generation int64
	Complete   bool
}

// KnowledgeStore is what a store offers to keep the collection knowledge
// (sqlite.Store does). It is optional: the pipeline uses it when the store
// has it.
type KnowledgeStore interface {
	// PutTallied is Put that also adds sum, the counts of the articles
	// marked counted, to the stored knowledge in the same transaction, when
	// the articles it newly stores (PutResult.Status New) are exactly the
	// counted ones: an article already stored is never counted twice. When
	// they differ (another process stored some meanwhile) it adds nothing
	// and leaves the knowledge incomplete, to be rebuilt. It returns the
	// knowledge's state after the commit; the generation grows by one when
	// anything changed.
	PutTallied(ctx context.Context, arts []*Article, counted []bool, sum Tallies) ([]PutResult, KnowledgeState, error)
	// Knowledge calls fn for every stored count and returns the state
	// they are of. A key may come more than once (a store may keep recent
	// batches apart): the counts add up.
	Knowledge(ctx context.Context, fn func(k TallyKey, n int64) error) (KnowledgeState, error)
	// KnowledgeState returns the state without reading the counts.
	KnowledgeState(ctx context.Context) (KnowledgeState, error)
	// ReplaceKnowledge replaces every stored count with t (a rebuild from
	// every stored article) and marks the knowledge complete.
	ReplaceKnowledge(ctx context.Context, t Tallies) (KnowledgeState, error)
	// SetAnalysisTallied is SetAnalysis that also adds delta to the stored
	// knowledge (negative counts subtract), in the same transaction: a
	// re-analysed article's new contribution replaces its old one.
	SetAnalysisTallied(ctx context.Context, analyses map[string]*Analysis, delta Tallies) (KnowledgeState, error)
}
