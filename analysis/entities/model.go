package entities

// The statistical tagger (analysis/ner) beside the rules: Find calls
// withModel on the rules' mentions (the one hook in entities.go), which
// adds the model's names under a combination policy. Everything about the
// model in this package is in this file.

import (
	"math"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/ner"
	"github.com/rasad/rasad/text"
)

// ModelPolicy says how the model's mentions join the rules'.
type ModelPolicy int32

const (
	// ModelOff: the rules alone.
	ModelOff ModelPolicy = iota
	// ModelFill: every rule mention stays; a model mention is added
	// where it overlaps none.
	ModelFill
	// ModelFirst: every model mention stays; a rule mention is added
	// where it overlaps none.
	ModelFirst
	// ModelLexicon: the rules' lexicon and ministry mentions stay (the
	// lexicon is sure of them); model mentions are added where they
	// overlap none of those; then the rules' pattern mentions where they
	// overlap nothing kept.
	ModelLexicon
	// ModelLonger: on an overlap the longer span wins (the rules' on a tie).
	ModelLonger
	// ModelOnly: the model alone (for evaluation).
	ModelOnly
)

var policyNames = [...]string{"off", "fill", "model-first", "lexicon-first", "longer", "model-only"}

func (p ModelPolicy) String() string {
	if int(p) < len(policyNames) {
		return policyNames[p]
	}
	return "unknown"
}

// ParseModelPolicy reads a policy name.
func ParseModelPolicy(s string) (ModelPolicy, bool) {
	for i, n := range policyNames {
		if n == s {
			return ModelPolicy(i), true
		}
	}
	return 0, false
}

// DefaultModelPolicy was chosen on the training side's development slice
// of ANERcorp (see analysis/ner/model/README.md and rasad train ner).
const DefaultModelPolicy = ModelLexicon

var modelPolicy atomic.Int32

func init() { modelPolicy.Store(int32(DefaultModelPolicy)) }

// SetModelPolicy sets how Find uses the model (ModelOff: rules alone) and
// returns the previous policy.
func SetModelPolicy(p ModelPolicy) ModelPolicy { return ModelPolicy(modelPolicy.Swap(int32(p))) }

var taggers = sync.Pool{New: func() any {
	m, err := ner.Default()
	if err != nil {
		return (*ner.Tagger)(nil)
	}
	return ner.NewTagger(m)
}}

// withModel is Find's hook: the rules' mentions combined with the model's
// under the current policy.
func withModel(src string, toks []text.Token, rules []rasad.Mention) []rasad.Mention {
	p := ModelPolicy(modelPolicy.Load())
	if p == ModelOff {
		return rules
	}
	t, _ := taggers.Get().(*ner.Tagger)
	if t == nil {
		return rules // no model: the rules alone
	}
	defer taggers.Put(t)
	return Combine(src, toks, rules, ModelMentions(src, toks, t.Tag(src, toks)), p)
}

// ModelMentions turns the tagger's names into mentions: a clitic before
// the article (وال، بال، لل) is left out of the span, as is a conjunction
// or preposition on a word the lexicons know without it.
func ModelMentions(src string, toks []text.Token, ms []ner.Mention) []rasad.Mention {
	out := make([]rasad.Mention, 0, len(ms))
	lx := load()
	for _, m := range ms {
		start := m.Start
		first := toks[m.First]
		if first.Kind == text.Word {
			vs := cliticVariants(first.Key)
			strip := 0
			for _, v := range vs.all()[1:] {
				if strings.HasPrefix(v.key, "ال") || len(lx.byFirst[v.key]) > 0 || lx.given[v.key] {
					strip = v.strip
				}
			}
			if strip > 0 {
				w := word{start: first.Start, end: first.End}
				start = (&recognizer{src: src}).surfaceStart(w, strip)
			}
		}
		typ := m.Type
		if typ == "PERS" {
			typ = "PERSON"
		}
		mn := rasad.Mention{Span: rasad.Span{Start: start, End: m.End}, Text: src[start:m.End], Type: typ,
			Rule: ner.Rule, Confidence: math.Round(100/(1+math.Exp(-m.Margin/4))) / 100}
		if typ == "PERSON" {
			mn.Key = NameKey(mn.Text)
		} else {
			mn.Key = text.Key(mn.Text)
		}
		out = append(out, mn)
	}
	return out
}

func overlaps(a, b rasad.Mention) bool { return a.Start < b.End && b.Start < a.End }

// lexiconSure reports a rule mention that a lexicon entry or the ministry
// pattern made.
func lexiconSure(m rasad.Mention) bool {
	return strings.HasPrefix(m.Rule, "lexicon ") || m.Rule == "ministry + nationality"
}

// Combine joins the rules' and the model's mentions under policy p; the
// result is sorted by start.
func Combine(src string, toks []text.Token, rules, model []rasad.Mention, p ModelPolicy) []rasad.Mention {
	var out []rasad.Mention
	addFree := func(ms []rasad.Mention, keep func(rasad.Mention) bool) {
		base := len(out)
		for _, m := range ms {
			if keep != nil && !keep(m) {
				continue
			}
			free := true
			for _, k := range out[:base] {
				if overlaps(k, m) {
					free = false
					break
				}
			}
			if free {
				out = append(out, m)
			}
		}
	}
	switch p {
	case ModelOff:
		return rules
	case ModelOnly:
		out = append(out, model...)
	case ModelFill:
		out = append(out, rules...)
		addFree(model, nil)
	case ModelFirst:
		out = append(out, model...)
		addFree(rules, nil)
	case ModelLexicon:
		addFree(rules, lexiconSure)
		addFree(model, nil)
		addFree(rules, func(m rasad.Mention) bool { return !lexiconSure(m) })
	case ModelLonger:
		for _, m := range rules {
			keep := true
			for _, x := range model {
				if overlaps(m, x) && x.End-x.Start > m.End-m.Start {
					keep = false
					break
				}
			}
			if keep {
				out = append(out, m)
			}
		}
		addFree(model, nil)
	}
	sortMentions(out)
	return out
}
