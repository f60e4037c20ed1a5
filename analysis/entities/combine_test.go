package entities

import (
	"math/rand"
	"reflect"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/internal/testcorpus"
)

// combineNaive is Combine as it was: every mention compared with every
// other. It is the reference for the indexed version.
func combineNaive(rules, model []rasad.Mention, p ModelPolicy) []rasad.Mention {
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
	case ModelFill:
		out = append(out, rules...)
		addFree(model, nil)
	case ModelLexicon:
		addFree(rules, lexiconSure)
		addFree(model, nil)
		addFree(rules, func(m rasad.Mention) bool { return !lexiconSure(m) })
	case ModelLonger, ModelGated:
		for _, m := range rules {
			keep, free := true, true
			for _, x := range model {
				if !overlaps(m, x) {
					continue
				}
				free = false
				if x.End-x.Start > m.End-m.Start || p == ModelGated && hasRule(m, yieldsToModel) {
					keep = false
					break
				}
			}
			if free && p == ModelGated && hasRule(m, weakAlone) {
				keep = false
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

// randomMentions: n mentions of 1–30 bytes at random places of a text of
// n*step bytes, with random rules among those the policies look at.
func randomMentions(r *rand.Rand, n, step int, rules []string) []rasad.Mention {
	ms := make([]rasad.Mention, n)
	for i := range ms {
		s := r.Intn(n * step)
		ms[i] = rasad.Mention{Span: rasad.Span{Start: s, End: s + 1 + r.Intn(30)}, Rule: rules[r.Intn(len(rules))]}
	}
	sortMentions(ms)
	return ms
}

var combineRules = append([]string{"lexicon places", "ministry + nationality", "pattern"}, append(append([]string(nil), weakAlone...), yieldsToModel...)...)

// TestCombineIndexedSameAsNaive: the span index changes nothing in what
// Combine keeps, on random overlapping mentions under every policy.
func TestCombineIndexedSameAsNaive(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for round := 0; round < 300; round++ {
		n := 1 + r.Intn(60)
		rules := randomMentions(r, n, 8, combineRules)
		model := randomMentions(r, 1+r.Intn(60), 8, []string{"model:perceptron"})
		for _, p := range []ModelPolicy{ModelFill, ModelLexicon, ModelLonger, ModelGated} {
			got := Combine("", nil, rules, model, p)
			want := combineNaive(rules, model, p)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d policy %v:\n got %v\nwant %v", round, p, got, want)
			}
		}
	}
}

// TestCombineLinear: eight times the mentions (a text eight times as long)
// cost about eight times the CPU, not 64 times as when every rule mention
// was compared with every model mention (a 4 MB one-line article spent
// 17 of its 21 CPU seconds in Combine).
func TestCombineLinear(t *testing.T) {
	cost := func(n int) float64 {
		r := rand.New(rand.NewSource(2))
		rules := randomMentions(r, n, 40, combineRules)
		model := randomMentions(r, n, 40, []string{"model:perceptron"})
		best := 0.0
		for range 3 {
			c0 := testcorpus.CPUTime()
			for _, p := range []ModelPolicy{ModelGated, ModelLexicon} {
				Combine("", nil, rules, model, p)
			}
			if d := float64(testcorpus.CPUTime() - c0); best == 0 || d < best {
				best = d
			}
		}
		return best
	}
	cost(2000) // warm up
	small, large := cost(4000), cost(32000)
	t.Logf("CPU: 4k mentions %.1f ms, 32k %.1f ms", small/1e6, large/1e6)
	if large > 24*small {
		t.Errorf("8× the mentions cost %.0f× the CPU: not linear", large/small)
	}
}
