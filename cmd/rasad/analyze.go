package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis"
	"github.com/rasad/rasad/analysis/dates"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/text"
)

// analysisVersion names the generation of the analysis rules; stored
// analyses of an older one are recomputed by rasad analyze.
const analysisVersion = 1

// parallel runs f(i) for i in [0, n) on every core.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n, 1))
	var wg sync.WaitGroup
	next := make(chan int, n)
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// analyzeArticles runs the analysis pipeline over a collection and sets
// each article's Analysis: temporal expressions against its publication
// date, and entity mentions in two passes, so that the people named in
// full anywhere in the collection are found by their surnames everywhere.
func analyzeArticles(arts []*rasad.Article) {
	pipe, err := analysis.NewPipeline(dates.Analyzer)
	if err != nil {
		panic(err) // a static pipeline: a cycle is a programming error
	}
	docs := make([]*analysis.Doc, len(arts))
	parallel(len(arts), func(i int) {
		if d, err := pipe.Run(arts[i]); err == nil {
			docs[i] = d
		}
	})
	var all [][]text.Token
	for _, d := range docs {
		if d != nil {
			all = append(all, d.Tokens)
		}
	}
	common := entities.CommonWords(all...)
	first := make([][]rasad.Mention, len(arts))
	parallel(len(arts), func(i int) {
		if d := docs[i]; d != nil {
			first[i] = entities.Find(d.Text, d.Tokens, entities.Options{Common: common})
		}
	})
	learner := entities.NewLearner()
	for _, ms := range first {
		learner.Add(ms)
	}
	known := learner.Known(all...)
	parallel(len(arts), func(i int) {
		d := docs[i]
		if d == nil {
			return
		}
		tx, _ := d.Result(dates.Analyzer).([]rasad.Timex)
		arts[i].Analysis = &rasad.Analysis{
			Version:  analysisVersion,
			Timexes:  tx,
			Mentions: entities.Extend(d.Text, d.Tokens, first[i], known),
		}
	})
}

// runAnalyze recomputes the analysis of every stored article (after the
// rules or lexicons changed), as one collection.
func runAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("analyze", stderr, "[--db PATH]")
	db := dbFlag(fs)
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	ids, err := store.IDs(ctx)
	if err != nil {
		return err
	}
	arts := make([]*rasad.Article, 0, len(ids))
	for _, id := range ids {
		a, err := store.Get(ctx, id)
		if err != nil {
			return err
		}
		arts = append(arts, a)
	}
	analyzeArticles(arts)
	as := make(map[string]*rasad.Analysis, len(arts))
	for _, a := range arts {
		if a.Analysis != nil {
			as[a.ID] = a.Analysis
		}
	}
	if err := store.SetAnalysis(ctx, as); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "analysed %d articles in %.1fs\n", len(as), time.Since(start).Seconds())
	return nil
}
