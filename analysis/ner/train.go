package ner

import (
	"math"
	"math/rand/v2"
	"strings"

	"github.com/rasad/rasad/text"
)

// Doc is a training or evaluation document: its text, tokens (text.Tokenize)
// and gold mentions.
type Doc struct {
	ID       string
	Text     string
	Toks     []text.Token
	Mentions []Span
	// GoldTokens are the corpus' own token spans, for scoring like the
	// official scorer (a predicted span is widened to whole gold tokens).
	GoldTokens [][2]int
	// Hints are another recognizer's names (see Hint), used as features
	// when the model is trained and run with them.
	Hints []Hint
}

// Span is a typed byte span (Type: PERS, LOC or ORG).
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
}

// Labels are the BIO tags of d's tokens: a token inside a gold mention is
// B- when it is the mention's first token, I- otherwise.
func Labels(d *Doc) []int {
	tags := make([]int, len(d.Toks))
	j := 0
	for i, t := range d.Toks {
		for j < len(d.Mentions) && d.Mentions[j].End <= t.Start {
			j++
		}
		if j == len(d.Mentions) {
			break
		}
		m := d.Mentions[j]
		if m.Start >= t.End {
			continue
		}
		b := 1 + 2*typeIndex(m.Type)
		if i > 0 && d.Toks[i-1].End > m.Start && tags[i-1] != tagO {
			tags[i] = b + 1
		} else {
			tags[i] = b
		}
	}
	return tags
}

// TrainOptions control training.
type TrainOptions struct {
	Epochs   int    // passes over the data (the best on Dev is kept when Dev is given)
	Seed     uint64 // of the shuffles
	MinCount int    // features seen fewer times in training are dropped
	// Prune drops, after training, the features whose largest absolute
	// averaged weight is below it.
	Prune float64
	Dev   []Doc // development documents for choosing the epoch
	// Hints: the documents' Hints are features (Model.Hints).
	Hints bool
	// Propagate: score Dev with Tagger.Propagate.
	Propagate bool
	// Progress is called after each epoch with the development score
	// (zero without Dev).
	Progress func(epoch int, dev Scores)
}

// example is one sentence: its tokens' feature rows and gold tags.
type example struct {
	off   []int32 // token i's features are feats[off[i]:off[i+1]]
	feats []int32
	gold  []int
}

// sentences splits a document's tokens at line breaks.
func sentences(d *Doc) [][2]int {
	var out [][2]int
	start := 0
	for i := 1; i <= len(d.Toks); i++ {
		if i == len(d.Toks) || strings.IndexByte(d.Text[d.Toks[i-1].End:d.Toks[i].Start], '\n') >= 0 {
			out = append(out, [2]int{start, i})
			start = i
		}
	}
	return out
}

// Train learns a model from docs with the averaged structured perceptron.
// It returns the model of the best epoch on opts.Dev (of the last epoch
// without Dev) and that epoch. Training is deterministic.
func Train(docs []Doc, opts TrainOptions) (*Model, int) {
	if opts.Epochs <= 0 {
		opts.Epochs = 10
	}
	lx := loadLex()
	// count features, then index those seen MinCount times
	type sent struct {
		hs   [][]uint32
		gold []int
	}
	var sents []sent
	count := map[uint32]int{}
	for di := range docs {
		d := &docs[di]
		gold := Labels(d)
		var hints []Hint
		if opts.Hints {
			hints = d.Hints
		}
		ti := infos(d.Text, d.Toks, lx, hints, nil)
		for _, r := range sentences(d) {
			s := sent{gold: gold[r[0]:r[1]]}
			sub := ti[r[0]:r[1]]
			for i := range sub {
				hs, _ := features(nil, nil, sub, i, false)
				for _, h := range hs {
					count[h]++
				}
				s.hs = append(s.hs, hs)
			}
			sents = append(sents, s)
		}
	}
	index := map[uint32]int32{}
	var hashes []uint32
	for _, s := range sents {
		for _, hs := range s.hs {
			for _, h := range hs {
				if _, ok := index[h]; !ok && count[h] >= max(opts.MinCount, 1) {
					index[h] = int32(len(hashes))
					hashes = append(hashes, h)
				}
			}
		}
	}
	exs := make([]example, len(sents))
	for k, s := range sents {
		ex := example{gold: s.gold, off: []int32{0}}
		for _, hs := range s.hs {
			for _, h := range hs {
				if f, ok := index[h]; ok {
					ex.feats = append(ex.feats, f)
				}
			}
			ex.off = append(ex.off, int32(len(ex.feats)))
		}
		exs[k] = ex
	}
	nf := len(hashes)
	w := make([]float32, nf*nTags)
	u := make([]float64, nf*nTags) // the sum of c × update, for averaging
	var tr [nTags + 1][nTags]float32
	var tu [nTags + 1][nTags]float64
	c := 1.0
	var scores []float32
	var back []int8
	var pred []int

	average := func() *Model {
		avg := make([]float32, len(w))
		maxAbs := float32(0)
		for i := range w {
			avg[i] = float32(float64(w[i]) - u[i]/c)
			maxAbs = max(maxAbs, float32(math.Abs(float64(avg[i]))))
		}
		m := newModel(nf, maxAbs)
		m.Hints = opts.Hints
		for f, h := range hashes {
			keep := false
			var q [nTags]int16
			for t := range nTags {
				x := avg[f*nTags+t]
				q[t] = m.quantize(x)
				if math.Abs(float64(x)) >= opts.Prune && q[t] != 0 {
					keep = true
				}
			}
			if keep {
				m.add(h, q)
			}
		}
		for a := range tr {
			for b := range tr[a] {
				m.trans[a][b] = float32(float64(tr[a][b]) - tu[a][b]/c)
			}
		}
		return m
	}

	var best *Model
	bestEpoch, bestF1 := 0, -1.0
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng := rand.New(rand.NewPCG(opts.Seed, uint64(epoch)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ex := &exs[k]
			n := len(ex.gold)
			if cap(scores) < n*nTags {
				scores = make([]float32, n*nTags)
			}
			scores = scores[:n*nTags]
			clear(scores)
			for i := range n {
				s := scores[i*nTags : i*nTags+nTags]
				for _, f := range ex.feats[ex.off[i]:ex.off[i+1]] {
					row := w[int(f)*nTags : int(f)*nTags+nTags]
					for t := range s {
						s[t] += row[t]
					}
				}
			}
			back, pred = viterbi(&tr, scores, n, back, pred)
			pg, pp := nTags, nTags
			for i := range n {
				g, p := ex.gold[i], pred[i]
				if g != p {
					for _, f := range ex.feats[ex.off[i]:ex.off[i+1]] {
						w[int(f)*nTags+g]++
						u[int(f)*nTags+g] += c
						w[int(f)*nTags+p]--
						u[int(f)*nTags+p] -= c
					}
				}
				if g != p || pg != pp {
					tr[pg][g]++
					tu[pg][g] += c
					tr[pp][p]--
					tu[pp][p] -= c
				}
				pg, pp = g, p
			}
			c++
		}
		if len(opts.Dev) == 0 {
			if opts.Progress != nil {
				opts.Progress(epoch, Scores{})
			}
			continue
		}
		m := average()
		sc := Evaluate(m, opts.Dev, opts.Propagate)
		if opts.Progress != nil {
			opts.Progress(epoch, sc)
		}
		if f := sc.All().F1(); f > bestF1 {
			best, bestEpoch, bestF1 = m, epoch, f
		}
	}
	if best == nil {
		return average(), opts.Epochs
	}
	return best, bestEpoch
}

// Evaluate tags docs with m and scores the result.
func Evaluate(m *Model, docs []Doc, propagate bool) Scores {
	t := NewTagger(m)
	t.Propagate = propagate
	var sc Scores
	for i := range docs {
		var pred []Span
		var hints []Hint
		if m.Hints {
			hints = docs[i].Hints
		}
		for _, mn := range t.TagHints(docs[i].Text, docs[i].Toks, hints) {
			pred = append(pred, Span{mn.Start, mn.End, mn.Type})
		}
		sc.Add(&docs[i], pred)
	}
	return sc
}
