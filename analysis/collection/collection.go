// Package collection runs the whole analysis pipeline over a collection of
// articles: dates against each article's publication date, entities in two
// passes (the collection teaches surnames and common words), and events from
// both. It is the one place where the analyzers are wired together.
package collection

import (
	"context"
	"fmt"

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
const Version = 5

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
	var all [][]text.Token
	var srcs []string
	for _, d := range docs {
		if d != nil {
			all = append(all, d.Tokens)
			srcs = append(srcs, d.Text)
		}
	}
	common := entities.CommonWordsOf(srcs, all)
	first := make([][]rasad.Mention, len(arts))
	par.Do(len(arts), func(i int) {
		if d := docs[i]; d != nil {
			first[i] = entities.Find(d.Text, d.Tokens, entities.Options{Common: common})
		}
	})
	learner := entities.NewLearner()
	for _, ms := range first {
		learner.Add(ms)
	}
	known := learner.Known(all...)
	finish(arts, docs, first, known)
}

// finish completes the analyses of arts: the surnames the collection taught
// (known) extend each article's first mentions, then events are read.
func finish(arts []*rasad.Article, docs []*analysis.Doc, first [][]rasad.Mention, known entities.Known) {
	par.Do(len(arts), func(i int) {
		d := docs[i]
		if d == nil {
			return
		}
		tx, _ := d.Result(dates.Analyzer).([]rasad.Timex)
		ms := entities.Extend(d.Text, d.Tokens, first[i], known)
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
// and the collection's knowledge (common words, learned surnames), not by
// the collection. It reads the collection four times: the common words;
// the first mentions and the surnames they teach; how often those
// surnames stand alone; then the analysis of each chunk, which it passes
// to done (each article's Analysis set) before reading the next. It stops
// with ctx's error between chunks.
func AnalyzeChunks(ctx context.Context, n, chunk int, read func(lo, hi int) ([]*rasad.Article, error), done func([]*rasad.Article) error) error {
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
	ok := make([]bool, n)
	common := entities.NewCommonCounter()
	if err := pass(func(lo int, arts []*rasad.Article) error {
		for i, d := range run(arts) {
			if d != nil {
				ok[lo+i] = true
				common.Add(d.Text, d.Tokens)
			}
		}
		return nil
	}); err != nil {
		return err
	}
	words := common.Words()
	learner := entities.NewLearner()
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
		for _, ms := range find(run(arts)) {
			learner.Add(ms)
		}
		return nil
	}); err != nil {
		return err
	}
	alone := learner.Counter()
	if err := pass(func(lo int, arts []*rasad.Article) error {
		for i, a := range arts {
			if ok[lo+i] {
				alone.Add(analysis.NewDoc(a).Tokens)
			}
		}
		return nil
	}); err != nil {
		return err
	}
	known := alone.Known()
	return pass(func(lo int, arts []*rasad.Article) error {
		docs := run(arts)
		first := find(docs)
		finish(arts, docs, first, known)
		return done(arts)
	})
}
