// Package collection runs the whole analysis pipeline over a collection of
// articles: dates against each article's publication date, entities in two
// passes (the collection teaches surnames and common words), and events from
// both. It is the one place where the analyzers are wired together.
package collection

import (
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
const Version = 3

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
