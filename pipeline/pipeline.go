// Package pipeline is Rasad's one ingest pipeline: it reads articles from a
// Source, cleans them and gives them their content IDs, skips the ones the
// store already holds before analysing anything, infers missing publication
// dates, analyses each batch as a collection (dates, entities, events)
// against the collection knowledge stored so far (knowledge.go), stores
// every batch in one transaction with its knowledge counts, and optionally
// updates stories.
// The CLI (rasad ingest), the feed watcher and the HTTP API all call it; cmd/
// keeps only flags and wiring.
//
// API:
//
//	p := pipeline.New(store, pipeline.Options{...})       // any rasad.Store
//	sum, err := p.Ingest(ctx, pipeline.Files(paths, ingest.Options{}))
//	sum, err := p.IngestArticles(ctx, articles)             // articles as a reader made them (not yet cleaned)
//	sum, err := p.Ingest(ctx, pipeline.Items(items))        // ingest.Items, e.g. rejected fetches included
//	res, display, err := pipeline.RebuildStories(ctx, store, story.Options{})
//	err := pipeline.Reanalyze(ctx, store, progress)         // rasad analyze
//
// Ingest returns a Summary (counts, rejections by reason, how many articles
// were analysed and how many were skipped as already stored). Callbacks in
// Options report progress, rejections, warnings and each stored batch's
// results; they are called one at a time, never concurrently.
//
// Cancellation: Ingest checks ctx for every article read and between the
// stages of a batch. When ctx is done it returns promptly (within a batch's
// store transaction) with an error wrapping context.Canceled (or the
// context's cause); every batch is stored in one transaction, so the store
// holds a whole number of batches and running the same ingest again
// completes it, analysing only the articles not yet stored. A batch whose
// analysis was under way when ctx ended is abandoned: its computation
// finishes in the background and is dropped (it is never stored).
//
// Resume: an article whose content ID the store held before the run (a
// store that implements Known(ctx, ids), as sqlite.Store does) is stored
// (for its new reports) but not analysed again. Copies within one run are
// analysed as before, so the result never depends on timing; the run keeps
// the IDs it analysed in memory (about 80 bytes per new article).
//
// Stages: cleaning and IDs, analysis and storing run at once on successive
// batches (see Ingest); at most seven batches are in memory.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/collection"
	"github.com/rasad/rasad/analysis/dates"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/story"
	"github.com/rasad/rasad/text"
)

// DefaultBatch is the number of articles analysed together and stored in
// one transaction when Options.Batch is zero.
const DefaultBatch = 256

// ErrInterrupted wraps the context's error when an ingest stops early.
var ErrInterrupted = errors.New("interrupted: batches already committed are kept; run the same command again to finish")

// Options configure a Pipeline. Every field may be left zero.
type Options struct {
	// Batch is the number of articles per analysis batch and per store
	// transaction (DefaultBatch when 0).
	Batch int
	// NoAnalysis stores articles without analysing them.
	NoAnalysis bool
	// Stories rebuilds stories and copies at the end of an ingest that
	// stored something, with StoryOptions.
	Stories      bool
	StoryOptions story.Options

	// Progress is called after each stored batch with the counts so far.
	Progress func(Summary)
	// Rejected is called for every record that was not turned into an
	// article, with its origin (file:line) and the reason.
	Rejected func(origin, reason string)
	// Warning is called for every warning of an accepted article.
	Warning func(origin, warning string)
	// Stored is called after each committed batch with the articles of
	// the batch and what storing each did (same order).
	Stored func(arts []*rasad.Article, res []rasad.PutResult)
}

// Summary counts what an ingest did.
type Summary struct {
	Read       int // records read (articles and rejected records)
	New        int // articles stored
	NewReports int // known texts from a new place (a new report)
	Duplicates int // nothing new
	Rejected   int
	Warnings   int
	// Analysed is the number of articles analysed; Skipped those whose
	// content ID the store already held, which were not analysed again.
	Analysed int
	Skipped  int
	// Rejections maps a reason's kind ("malformed JSON") to the origins of
	// the records rejected for it.
	Rejections map[string][]string
	// Stories (with 2+ articles) and CopyPairs, when Options.Stories ran.
	Stories, CopyPairs int
	Elapsed            time.Duration
}

// Pipeline ingests into one store. It is safe to call Ingest from one
// goroutine at a time per Pipeline; several Pipelines may share a store.
type Pipeline struct {
	store rasad.Store
	opts  Options
}

// New returns a pipeline that stores into store.
func New(store rasad.Store, opts Options) *Pipeline {
	if opts.Batch <= 0 {
		opts.Batch = DefaultBatch
	}
	return &Pipeline{store: store, opts: opts}
}

// Source produces the records to ingest: it calls emit for each one, in
// order, and stops when emit returns an error (returning it).
type Source func(ctx context.Context, emit func(ingest.Item) error) error

// Files reads paths (files, directories, "-" for standard input) with
// ingest.Read.
func Files(paths []string, opts ingest.Options) Source {
	return func(ctx context.Context, emit func(ingest.Item) error) error {
		for _, p := range paths {
			if err := ingest.Read(ctx, p, opts, emit); err != nil {
				return err
			}
		}
		return nil
	}
}

// Items replays items as read by an ingest reader.
func Items(items []ingest.Item) Source {
	return func(ctx context.Context, emit func(ingest.Item) error) error {
		for _, it := range items {
			if err := emit(it); err != nil {
				return err
			}
		}
		return nil
	}
}

// IngestArticles ingests articles as a reader made them (Text, Title,
// Reports, metadata; not yet cleaned: the pipeline cleans them and sets
// their IDs). Origin for messages is the first report's.
func (p *Pipeline) IngestArticles(ctx context.Context, arts []*rasad.Article) (Summary, error) {
	items := make([]ingest.Item, len(arts))
	for i, a := range arts {
		origin := a.ID
		if len(a.Reports) > 0 {
			origin = a.Reports[0].Origin
		}
		items[i] = ingest.Item{Article: a, Origin: origin}
	}
	return p.Ingest(ctx, Items(items))
}

// known is what a store may offer to tell which content IDs it holds
// (sqlite.Store does); without it every article is analysed.
type known interface {
	Known(ctx context.Context, ids []string) (map[string]bool, error)
}

// Ingest runs src through the pipeline. See the package doc for
// cancellation. The error is nil when every record was read (rejected
// records are counted in the Summary, not returned).
//
// Batches flow through three stages that run at once, each on its own
// goroutine, so that both cores stay busy while one stage has a serial
// part: cleaning and IDs (and the store's known IDs), date inference and
// the part of the analysis that needs no collection knowledge
// (collection.Begin: dates, the batch's word counts) of batch k+1; the
// rest of the collection analysis of batch k (Finish); storing of batch
// k-1. A
// batch is analysed against the knowledge of the batches analysed before it
// (kept in memory by the analysis stage, not read back from the store), so
// the result is the same as running them one after the other.
func (p *Pipeline) Ingest(ctx context.Context, src Source) (Summary, error) {
	start := time.Now()
	var mu sync.Mutex // guards sum and serializes callbacks
	sum := Summary{Rejections: map[string][]string{}}
	snapshot := func() Summary {
		s := sum
		s.Elapsed = time.Since(start)
		return s
	}
	// a stage that fails cancels the others through ictx
	ictx, fail := context.WithCancelCause(ctx)
	defer fail(nil)

	type batch struct {
		items       []ingest.Item
		arts, fresh []*rasad.Article
		toks        [][]text.Token    // of fresh: the tokens the analysis reads
		count       []bool            // of fresh: new to the store and to this run (its knowledge counts)
		begun       *collection.Begun // fresh's analysis up to where it needs the knowledge
		sum         rasad.Tallies     // the counts of the counted articles
	}
	// the collection knowledge the batches are analysed against (see
	// knowledge.go): the stored one, and each batch's own added to it
	ks, _ := p.store.(rasad.KnowledgeStore)
	if p.opts.NoAnalysis {
		ks = nil // stored without counts: the knowledge is rebuilt later
	}
	if !p.opts.NoAnalysis {
		warmAnalysers()
	}
	var know *entities.Counts
	var knowState rasad.KnowledgeState
	knowOK := true // every batch stored as counted, by this process alone
	if ks != nil {
		var err error
		if know, knowState, err = knowledge(ctx, p.store, ks); err != nil {
			return sum, fmt.Errorf("collection knowledge: %w", err)
		}
	}
	// a begun batch waits in the prepare stage, not in a buffer: its
	// documents (tokens, dates) are the largest part of a batch in memory
	// analysed batches may wait for the store three deep: when SQLite
	// checkpoints its WAL (every ~40 MB written, a few tenths of a second
	// in write and fsync system calls) the analysis goes on instead of
	// waiting with every other stage behind it (seen in traces)
	toPrepare, toAnalyze, toWrite := make(chan batch, 1), make(chan batch), make(chan batch, 3)
	send := func(ch chan batch, b batch) bool {
		select {
		case ch <- b:
			return true
		case <-ictx.Done():
			return false
		}
	}
	var wg sync.WaitGroup
	wg.Add(3)
	// each stage's goroutine carries a pprof label (stage=prepare, analyse,
	// store), so a profile tells the stages apart (-tagfocus)
	stage := func(name string, f func()) {
		go pprof.Do(ictx, pprof.Labels("stage", name), func(context.Context) { f() })
	}
	stage("prepare", func() { // clean, IDs, known
		defer wg.Done()
		defer close(toAnalyze)
		mine := map[string]bool{} // IDs this run analyses (see prepare)
		for b := range toPrepare {
			if ictx.Err() != nil {
				continue // drain
			}
			var err error
			if b.arts, b.fresh, b.toks, b.count, err = p.prepare(ictx, b.items, mine); err != nil {
				fail(err)
				continue
			}
			if len(b.fresh) > 0 {
				// what needs no knowledge is done here, while the analysis
				// stage finishes the batch before: its serial parts (adding
				// the counts to the knowledge, the common words) leave a
				// core to this stage
				if err := runCtx(ictx, func() {
					InferDates(b.fresh)
					b.begun = collection.Begin(b.fresh, b.toks, b.count)
				}); err != nil {
					fail(err)
					continue
				}
			}
			send(toAnalyze, b)
		}
	})
	stage("analyse", func() { // dates, analysis, accounting
		defer wg.Done()
		defer close(toWrite)
		for b := range toAnalyze {
			if ictx.Err() != nil {
				continue
			}
			if len(b.fresh) > 0 {
				if err := runCtx(ictx, func() {
					k := know
					if k == nil {
						k = entities.NewCounts() // the batch's knowledge alone
					}
					b.sum = b.begun.Finish(k)
				}); err != nil {
					fail(err)
					continue
				}
			}
			mu.Lock()
			sum.Analysed += len(b.fresh)
			if !p.opts.NoAnalysis {
				sum.Skipped += len(b.arts) - len(b.fresh)
			}
			for _, it := range b.items {
				if it.Err != nil {
					sum.Rejected++
					reason := strings.TrimPrefix(it.Err.Error(), ingest.ErrRejected.Error()+": ")
					key := reasonKey(reason)
					sum.Rejections[key] = append(sum.Rejections[key], it.Origin)
					if p.opts.Rejected != nil {
						p.opts.Rejected(it.Origin, reason)
					}
					continue
				}
				for _, w := range it.Article.Warnings {
					sum.Warnings++
					if p.opts.Warning != nil {
						p.opts.Warning(it.Origin, w)
					}
				}
			}
			mu.Unlock()
			send(toWrite, b)
		}
	})
	stage("store", func() { // store, one transaction per batch
		defer wg.Done()
		for b := range toWrite {
			if ictx.Err() != nil || len(b.arts) == 0 {
				continue
			}
			var res []rasad.PutResult
			var err error
			if ks != nil {
				var st rasad.KnowledgeState
				counted := make([]bool, len(b.arts))
				of := make(map[*rasad.Article]bool, len(b.fresh))
				for i, a := range b.fresh {
					of[a] = b.count[i]
				}
				for i, a := range b.arts {
					counted[i] = of[a]
				}
				res, st, err = ks.PutTallied(ictx, b.arts, counted, b.sum)
				if err == nil {
					knowOK = knowOK && storedAsCounted(knowState, st, res, counted)
					knowState = st
				}
			} else {
				res, err = p.store.Put(ictx, b.arts)
			}
			if err != nil {
				fail(err)
				continue
			}
			mu.Lock()
			for _, r := range res {
				switch r.Status {
				case rasad.New:
					sum.New++
				case rasad.NewReport:
					sum.NewReports++
				case rasad.Duplicate:
					sum.Duplicates++
				}
			}
			if p.opts.Stored != nil {
				p.opts.Stored(b.arts, res)
			}
			if p.opts.Progress != nil {
				p.opts.Progress(snapshot())
			}
			mu.Unlock()
		}
	})

	var pending []ingest.Item
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		b := batch{items: pending}
		pending = make([]ingest.Item, 0, p.opts.Batch)
		if !send(toPrepare, b) {
			return context.Cause(ictx)
		}
		return nil
	}
	emit := func(it ingest.Item) error {
		if ictx.Err() != nil {
			return context.Cause(ictx)
		}
		mu.Lock()
		sum.Read++
		mu.Unlock()
		pending = append(pending, it)
		if len(pending) >= p.opts.Batch {
			return flush()
		}
		return nil
	}
	readErr := src(ictx, emit)
	if readErr == nil {
		readErr = flush()
	}
	close(toPrepare)
	wg.Wait()
	out := snapshot()
	if ks != nil && knowOK && ictx.Err() == nil && readErr == nil {
		remember(p.store, knowState, know)
	}
	if ctx.Err() != nil {
		return out, fmt.Errorf("%w (%w)", ErrInterrupted, context.Cause(ctx))
	}
	if ictx.Err() != nil {
		return out, context.Cause(ictx) // a stage failed
	}
	if readErr != nil {
		return out, readErr
	}
	if p.opts.Stories && out.New+out.NewReports > 0 {
		// assign only what is not assigned yet (incremental; equal to a rebuild)
		_, err := UpdateStories(ctx, p.store, story.NewEngine(p.store, p.opts.StoryOptions))
		var res story.Result
		if err == nil {
			res, _, err = StoredResult(ctx, p.store)
		}
		if err != nil {
			if ctx.Err() != nil {
				return out, fmt.Errorf("%w (%w)", ErrInterrupted, context.Cause(ctx))
			}
			return out, fmt.Errorf("stories: %w", err)
		}
		out.Stories, out.CopyPairs = story.CountMin(res.Stories, 2), len(res.Pairs)
	}
	out.Elapsed = time.Since(start)
	return out, nil
}

// prepare cleans the items' articles and sets their IDs (rejecting the
// ones without a body) and returns the batch's articles in read order
// (known ones included: storing them records their new reports) and those
// to analyse: the ones the store held before this run started. mine holds
// the IDs this run decided to analyse, in earlier batches: the store may
// hold them already (the writer runs ahead or behind), and they are
// analysed again either way, so the result never depends on timing.
func (p *Pipeline) prepare(ctx context.Context, items []ingest.Item, mine map[string]bool) (arts, fresh []*rasad.Article, freshToks [][]text.Token, count []bool, err error) {
	var toks [][]text.Token
	if err := runCtx(ctx, func() { toks = ingest.PrepareAllTokens(items) }); err != nil {
		return nil, nil, nil, nil, err
	}
	tokOf := map[*rasad.Article][]text.Token{}
	for i, it := range items {
		if it.Err == nil && it.Article != nil {
			arts = append(arts, it.Article)
			tokOf[it.Article] = toks[i]
		}
	}
	if len(arts) == 0 || p.opts.NoAnalysis {
		return arts, nil, nil, nil, nil
	}
	fresh = arts
	var have map[string]bool
	if k, ok := p.store.(known); ok {
		ids := make([]string, len(arts))
		for i, a := range arts {
			ids[i] = a.ID
		}
		if have, err = k.Known(ctx, ids); err != nil {
			return nil, nil, nil, nil, err
		}
		if len(have) > 0 {
			fresh = make([]*rasad.Article, 0, len(arts))
			for _, a := range arts {
				if !have[a.ID] || mine[a.ID] {
					fresh = append(fresh, a)
				}
			}
		}
	}
	freshToks = make([][]text.Token, len(fresh))
	count = make([]bool, len(fresh))
	for i, a := range fresh {
		// the knowledge counts an article once: not one the store held
		// before the run, nor a copy of one analysed earlier in the run
		count[i] = !have[a.ID] && !mine[a.ID]
		mine[a.ID] = true
		freshToks[i] = tokOf[a]
	}
	return arts, fresh, freshToks, count, nil
}

// storedAsCounted reports that a batch's PutTallied stored exactly the
// articles the run counted (New where it gave counts) and that nobody else
// changed the knowledge meanwhile (the generation moved by at most one):
// then the knowledge in memory is the stored one.
func storedAsCounted(prev, st rasad.KnowledgeState, res []rasad.PutResult, counted []bool) bool {
	anyNew := false
	for i, r := range res {
		isNew := r.Status == rasad.New
		anyNew = anyNew || isNew
		if isNew != counted[i] {
			return false
		}
	}
	want := prev.Generation
	if anyNew {
		want++
	}
	return st.Complete && st.Generation == want
}

// runCtx runs f and waits for it or for ctx, whichever ends first. When
// ctx ends first, f goes on in the background and its results must be
// dropped by the caller.
func runCtx(ctx context.Context, f func()) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// InferDates gives the articles that have no publication date one
// inferred from their text and the others (dateline, deictic expressions,
// dated sentences of the other articles), marked as such.
func InferDates(arts []*rasad.Article) {
	missing := false
	for _, a := range arts {
		if a.Published == nil {
			missing = true
		}
	}
	if !missing {
		return
	}
	for i, inf := range dates.InferCollection(arts) {
		a := arts[i]
		if a.Published != nil || inf.Date.IsZero() {
			continue
		}
		d := inf.Date
		a.Published, a.PublishedFrom, a.PublishedConfidence, a.PublishedEvidence = &d, inf.Kind, inf.Confidence, inf.Evidence
	}
}

// reasonKey groups similar rejection reasons ("malformed JSON: ...").
func reasonKey(reason string) string {
	if i := strings.Index(reason, ":"); i > 0 && i < 40 {
		return reason[:i]
	}
	return reason
}

// RejectionKinds returns the kinds of Rejections, most frequent first
// (then by name).
func (s Summary) RejectionKinds() []string {
	keys := make([]string, 0, len(s.Rejections))
	for k := range s.Rejections {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(s.Rejections[keys[i]]) != len(s.Rejections[keys[j]]) {
			return len(s.Rejections[keys[i]]) > len(s.Rejections[keys[j]])
		}
		return keys[i] < keys[j]
	})
	return keys
}
