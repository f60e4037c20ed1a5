// Package collection runs the whole analysis pipeline over a collection of
// articles: dates against each article's publication date, entities in two
// passes (the collection teaches surnames and common words), and events from
// both. It is the one place where the analyzers are wired together.
package collection

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis"
	"github.com/rasad/rasad/analysis/dates"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/analysis/events"
	"github.com/rasad/rasad/internal/par"
	"github.com/rasad/rasad/text"
)

// Version names the generation of the analysis rules; stored
// analyses of an older one are recomputed by rasad analyze.
const Version = 8

// Analyze runs the analysis pipeline over a collection and sets
// each article's Analysis: temporal expressions against its publication
// date, and entity mentions in two passes, so that the people named in
// full anywhere in the collection are found by their surnames everywhere.
func Analyze(arts []*rasad.Article) {
	AnalyzeTokens(arts, nil)
}

// AnalyzeTokens is Analyze with each article's tokens already made
// (toks[i] are the tokens of analysis.TextFor(arts[i]), from
// ingest.PrepareTokens); a nil toks or entry tokenizes here.
func AnalyzeTokens(arts []*rasad.Article, toks [][]text.Token) {
	AnalyzeKnowing(arts, toks, nil, entities.NewCounts())
}

// AnalyzeKnowing analyses a batch of articles against the knowledge of a
// collection they join: know holds the counts of the articles stored
// before (see entities.Counts), and the batch's own counts are added to it
// first, so that each article is read with what the whole collection so
// far teaches (common words, surnames named in full elsewhere). An article
// adds its counts only when count is nil or count[i] is set (an article
// already counted, such as a copy of a stored one, is analysed but not
// counted again). It returns the counts it added, which a store adds to
// the stored knowledge with the articles. With empty know and every
// article counted it is Analyze.
func AnalyzeKnowing(arts []*rasad.Article, toks [][]text.Token, count []bool, know *entities.Counts) rasad.Tallies {
	return Begin(arts, toks, count).Finish(know)
}

// Begun is a batch's analysis up to where it needs the collection's
// knowledge: each article's dates, and the batch's own word counts.
// Begin does not read the knowledge, so an ingest begins a batch while the
// batch before it finishes (pipeline.Ingest); Finish then adds the counts
// to the knowledge and completes the analyses. Begin then Finish is
// AnalyzeKnowing.
type Begun struct {
	arts    []*rasad.Article
	docs    []*analysis.Doc
	counted func(i int) bool
	batch   *entities.Counts // the counted articles' words
}

// Begin reads the articles' dates and counts the words of those counted
// (see AnalyzeKnowing): the part of AnalyzeKnowing that does not depend on
// the knowledge.
func Begin(arts []*rasad.Article, toks [][]text.Token, count []bool) *Begun {
	pipe, err := analysis.NewPipeline(dates.Analyzer)
	if err != nil {
		panic(err) // a static pipeline: a cycle is a programming error
	}
	docs := make([]*analysis.Doc, len(arts))
	par.Do(len(arts), func(i int) {
		var t []text.Token
		if i < len(toks) {
			t = toks[i]
		}
		if d, err := pipe.RunDoc(analysis.NewDocTokens(arts[i], t)); err == nil {
			docs[i] = d
		}
	})
	counted := func(i int) bool { return docs[i] != nil && (count == nil || count[i]) }
	// the batch's words, counted in a few parts at once (one map each:
	// cheaper than a map per article; kept for the next batch: maps made
	// anew grow step by step to the same size)
	parts := make([]*entities.Counts, min(len(arts), runtime.GOMAXPROCS(0)))
	par.Do(len(parts), func(p int) {
		c := countsPool.Get()
		for i := p; i < len(arts); i += len(parts) {
			if counted(i) {
				c.AddText(docs[i].Text, docs[i].Tokens)
			}
		}
		parts[p] = c
	})
	var batch *entities.Counts
	if len(parts) == 0 {
		batch = countsPool.Get()
	} else {
		batch = parts[0]
		for _, c := range parts[1:] {
			batch.Absorb(c)
			countsPool.Put(c)
		}
	}
	return &Begun{arts: arts, docs: docs, counted: counted, batch: batch}
}

// Finish completes the analyses of a begun batch against know, the
// knowledge of the articles before it, to which it adds the batch's
// counts; it returns those counts (see AnalyzeKnowing). Call it once.
func (b *Begun) Finish(know *entities.Counts) rasad.Tallies {
	arts, docs, counted, batch := b.arts, b.docs, b.counted, b.batch
	defer func() {
		batch.Reset()
		countsPool.Put(batch)
	}()
	// the batch's word forms are added to know while its articles are read
	// (Find reads the common words only)
	wait := know.AddWordsFirst(batch)
	common := know.Words()
	first := make([][]rasad.Mention, len(arts))
	par.Do(len(arts), func(i int) {
		if d := docs[i]; d != nil {
			first[i] = entities.Find(d.Text, d.Tokens, entities.Options{Common: common})
		}
	})
	wait()
	names := entities.NewCounts()
	for i := range arts {
		if counted(i) {
			names.AddNames(first[i])
		}
	}
	know.Add(names)
	batch.Add(names)
	// the batch's counts as store rows, made while the articles are
	// finished (finish reads know, not batch)
	tallies := make(chan rasad.Tallies, 1)
	go func() { tallies <- batch.Tallies() }()
	finish(arts, docs, first, know.Known())
	return <-tallies
}

// countsPool keeps the Counts AnalyzeKnowing counts a batch's words in
// (empty, with the room their maps grew to). Not a sync.Pool: that one
// drops what it holds at every other collection, which an ingest runs
// several times a batch.
var countsPool freeCounts

type freeCounts struct {
	sync.Mutex
	free []*entities.Counts
}

// Get returns empty Counts.
func (f *freeCounts) Get() *entities.Counts {
	f.Lock()
	defer f.Unlock()
	if n := len(f.free); n > 0 {
		c := f.free[n-1]
		f.free = f.free[:n-1]
		return c
	}
	return entities.NewCounts()
}

// Put keeps c (empty) for a later Get; a few are kept.
func (f *freeCounts) Put(c *entities.Counts) {
	f.Lock()
	defer f.Unlock()
	if len(f.free) < 2*runtime.GOMAXPROCS(0)+2 {
		f.free = append(f.free, c)
	}
}

// finish completes the analyses of arts: the surnames the collection taught
// (known) extend each article's first mentions, then events are read.
func finish(arts []*rasad.Article, docs []*analysis.Doc, first [][]rasad.Mention, known entities.Known) {
	kp := known.Prepare() // once, not per article
	par.Do(len(arts), func(i int) {
		d := docs[i]
		if d == nil {
			return
		}
		tx, _ := d.Result(dates.Analyzer).([]rasad.Timex)
		ms := entities.ExtendPrepared(d.Text, d.Tokens, first[i], kp)
		pub := ""
		if p := arts[i].Published; p != nil {
			pub = p.Format("2006-01-02")
		}
		arts[i].Analysis = &rasad.Analysis{
			Version:  Version,
			Timexes:  tx,
			Mentions: ms,
			Events:   events.Find(events.Input{Text: d.Text, Tokens: d.Tokens, Timexes: tx, Mentions: ms, Published: pub, Dateline: datelineSpan(arts[i])}),
		}
	})
}

func datelineSpan(a *rasad.Article) *rasad.Span {
	if a.Dateline == nil {
		return nil
	}
	sp := a.Dateline.Span
	return &sp
}

// AnalyzeChunks analyses a collection of n articles that read gives chunk
// by chunk (read(lo, hi) returns articles lo to hi-1, the same ones each
// time), exactly as Analyze would over all of them at once, while holding
// one chunk's text and tokens at a time: memory is bounded by the chunk
// and the collection's knowledge (the counts of entities.Counts), not by
// the collection. It reads the collection three times: the words (common
// words, and in how many articles each form stands); the first mentions
// and the surnames they teach; then the analysis of each chunk, which it
// passes to done (each article's Analysis set) before reading the next. It
// stops with ctx's error between chunks. It returns the collection's
// knowledge, the sum of every article's counts (what AnalyzeKnowing adds
// up batch by batch).
func AnalyzeChunks(ctx context.Context, n, chunk int, read func(lo, hi int) ([]*rasad.Article, error), done func([]*rasad.Article) error) (*entities.Counts, error) {
	pipe, err := analysis.NewPipeline(dates.Analyzer)
	if err != nil {
		panic(err) // a static pipeline: a cycle is a programming error
	}
	chunk = max(chunk, 1)
	pass := func(f func(lo int, arts []*rasad.Article) error) error {
		for lo := 0; lo < n; lo += chunk {
			if err := ctx.Err(); err != nil {
				return err
			}
			hi := min(n, lo+chunk)
			arts, err := read(lo, hi)
			if err != nil {
				return err
			}
			if len(arts) != hi-lo {
				return fmt.Errorf("analysis: read %d articles of %d", len(arts), hi-lo)
			}
			if err := f(lo, arts); err != nil {
				return err
			}
		}
		return nil
	}
	run := func(arts []*rasad.Article) []*analysis.Doc {
		docs := make([]*analysis.Doc, len(arts))
		par.Do(len(arts), func(i int) {
			if d, err := pipe.RunDoc(analysis.NewDoc(arts[i])); err == nil {
				docs[i] = d
			}
		})
		return docs
	}
	know := entities.NewCounts()
	if err := pass(func(lo int, arts []*rasad.Article) error {
		docs := run(arts)
		countParts(len(arts), know, func(i int, c *entities.Counts) {
			if d := docs[i]; d != nil {
				c.AddText(d.Text, d.Tokens)
			}
		})
		return nil
	}); err != nil {
		return nil, err
	}
	words := know.Words()
	find := func(docs []*analysis.Doc) [][]rasad.Mention {
		first := make([][]rasad.Mention, len(docs))
		par.Do(len(docs), func(i int) {
			if d := docs[i]; d != nil {
				first[i] = entities.Find(d.Text, d.Tokens, entities.Options{Common: words})
			}
		})
		return first
	}
	if err := pass(func(lo int, arts []*rasad.Article) error {
		docs := run(arts)
		for i, ms := range find(docs) {
			if docs[i] != nil {
				know.AddNames(ms)
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	known := know.Known()
	if err := pass(func(lo int, arts []*rasad.Article) error {
		docs := run(arts)
		first := find(docs)
		finish(arts, docs, first, known)
		return done(arts)
	}); err != nil {
		return nil, err
	}
	return know, nil
}

// CountStored returns the knowledge counts of stored articles (what
// AnalyzeKnowing counted when they were analysed): their words, and the
// surnames their stored analyses name people by (nil analysis: words
// only). A store whose articles were stored without their counts rebuilds
// its knowledge from these.
func CountStored(arts []*rasad.Article, analyses map[string]*rasad.Analysis) *entities.Counts {
	sum := entities.NewCounts()
	countParts(len(arts), sum, func(i int, c *entities.Counts) {
		d := analysis.NewDoc(arts[i])
		c.AddText(d.Text, d.Tokens)
		if an := analyses[arts[i].ID]; an != nil {
			c.AddNames(an.Mentions)
		}
	})
	return sum
}

// countParts counts n articles (count(i, c) adds article i's counts to c)
// in a few parts at once, one Counts each (cheaper than Counts per
// article), and adds the parts to sum: counts add up, whatever the parts.
func countParts(n int, sum *entities.Counts, count func(i int, c *entities.Counts)) {
	parts := make([]*entities.Counts, min(n, runtime.GOMAXPROCS(0)))
	par.Do(len(parts), func(p int) {
		c := countsPool.Get()
		for i := p; i < n; i += len(parts) {
			count(i, c)
		}
		parts[p] = c
	})
	for _, c := range parts {
		sum.Absorb(c)
		countsPool.Put(c)
	}
}
