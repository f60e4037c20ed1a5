// Package analysis is the core of Rasad's analysis pipeline: analyzers that
// declare what they need (Requires), run in an order computed in one place
// (NewPipeline), and share one tokenization of one text per article.
//
// Analyzers never touch storage or the web: they read an article and return
// results that cmd/rasad wires into stores and outputs.
package analysis

import (
	"fmt"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// Doc is an article under analysis.
type Doc struct {
	Article *rasad.Article
	// Text is what analyzers read: the stored text with residue masked by
	// spaces (offsets still index Article.Text), except page timestamps,
	// which carry the article's own date.
	Text string
	// Tokens are text.Tokenize(Text), made once for every analyzer.
	Tokens  []text.Token
	results map[*Analyzer]any
}

// Analyzer is one analysis step.
type Analyzer struct {
	Name string
	// Requires are the analyzers whose results Run reads (Doc.Result).
	Requires []*Analyzer
	// Run computes the analyzer's result for one document.
	Run func(d *Doc) (any, error)
}

// Result returns the result of an analyzer that ran on d (nil if it did not).
func (d *Doc) Result(a *Analyzer) any { return d.results[a] }

// TextFor returns the text analyzers read for an article (see Doc.Text).
func TextFor(a *rasad.Article) string {
	if len(a.Removed) == 0 {
		return a.Text
	}
	b := []byte(a.Text)
	for _, r := range a.Removed {
		if r.Kind == "timestamp" || r.Start < 0 || r.End > len(b) || r.Start > r.End {
			continue
		}
		for i := r.Start; i < r.End; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// NewDoc prepares an article for analysis.
func NewDoc(a *rasad.Article) *Doc {
	src := TextFor(a)
	return &Doc{Article: a, Text: src, Tokens: text.Tokenize(src), results: map[*Analyzer]any{}}
}

// NewDocTokens is NewDoc with the tokens of TextFor(a) already made (by
// ingest.PrepareTokens, say); nil tokens are made here.
func NewDocTokens(a *rasad.Article, toks []text.Token) *Doc {
	if toks == nil {
		return NewDoc(a)
	}
	return &Doc{Article: a, Text: TextFor(a), Tokens: toks, results: map[*Analyzer]any{}}
}

// Pipeline runs analyzers in dependency order.
type Pipeline struct {
	order []*Analyzer
}

// NewPipeline orders the given analyzers and everything they require
// (each once, requirements first); a cycle is an error.
func NewPipeline(as ...*Analyzer) (*Pipeline, error) {
	p := &Pipeline{}
	state := map[*Analyzer]int{} // 1 visiting, 2 done
	var visit func(a *Analyzer, path []string) error
	visit = func(a *Analyzer, path []string) error {
		switch state[a] {
		case 1:
			return fmt.Errorf("analysis: dependency cycle: %v -> %s", path, a.Name)
		case 2:
			return nil
		}
		state[a] = 1
		for _, r := range a.Requires {
			if err := visit(r, append(path, a.Name)); err != nil {
				return err
			}
		}
		state[a] = 2
		p.order = append(p.order, a)
		return nil
	}
	for _, a := range as {
		if err := visit(a, nil); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// Names lists the analyzers in the order they run.
func (p *Pipeline) Names() []string {
	out := make([]string, len(p.order))
	for i, a := range p.order {
		out[i] = a.Name
	}
	return out
}

// Run analyzes one article.
func (p *Pipeline) Run(a *rasad.Article) (*Doc, error) {
	return p.RunDoc(NewDoc(a))
}

// RunDoc analyzes a prepared document.
func (p *Pipeline) RunDoc(d *Doc) (*Doc, error) {
	for _, an := range p.order {
		res, err := an.Run(d)
		if err != nil {
			return d, fmt.Errorf("%s: %w", an.Name, err)
		}
		d.results[an] = res
	}
	return d, nil
}
