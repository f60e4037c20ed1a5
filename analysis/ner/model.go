// Package ner is a statistical name tagger for Arabic news: an averaged
// structured perceptron over BIO tags of PERS, LOC and ORG, decoded with
// Viterbi. Its features are the word's normalization key and clitic-
// stripped forms, prefixes and suffixes, shape, the neighbouring words,
// the lexicon categories of Rasad's lexicons (never their entries) and the
// previous tag. Weights are hashed, pruned and quantized to int16, and
// embedded (model/); they are loaded once, on first use.
//
// Every mention can say which features decided it (Explain). The weights
// shipped in model/ were trained on ANERcorp (CC BY-SA 4.0): see
// model/README.md.
package ner

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/rasad/rasad/text"
)

// Rule is the rule name of the model's mentions.
const Rule = "model:perceptron"

// tags: O, then B and I of each type.
const (
	tagO = iota
	tagBPers
	tagIPers
	tagBLoc
	tagILoc
	tagBOrg
	tagIOrg
	nTags
)

// Types are the mention types, in tag order.
var Types = [3]string{"PERS", "LOC", "ORG"}

var tagNames = [nTags]string{"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG"}

func isB(t int) bool   { return t != tagO && t%2 == 1 }
func typeOf(t int) int { return (t - 1) / 2 }

// allowed reports whether tag b may follow tag a (a == nTags: the start).
func allowed(a, b int) bool {
	if b == tagO || isB(b) {
		return true
	}
	return a != nTags && a != tagO && typeOf(a) == typeOf(b)
}

// Model holds the weights: per kept feature hash, one weight per tag, and
// the tag transitions.
type Model struct {
	keys  []uint32 // open-addressing table of feature hashes (0: empty)
	index []int32  // row of keys[i] in w
	w     []float32
	trans [nTags + 1][nTags]float32 // row nTags: the start
	feats int
}

// Features returns the number of features the model keeps.
func (m *Model) Features() int { return m.feats }

func newModel(n int) *Model {
	size := 1
	for size < 2*n+2 {
		size <<= 1
	}
	return &Model{keys: make([]uint32, size), index: make([]int32, size), w: make([]float32, 0, n*nTags)}
}

func (m *Model) add(h uint32, ws []float32) {
	mask := uint32(len(m.keys) - 1)
	i := h & mask
	for m.keys[i] != 0 {
		if m.keys[i] == h {
			copy(m.w[int(m.index[i])*nTags:], ws)
			return
		}
		i = (i + 1) & mask
	}
	m.keys[i] = h
	m.index[i] = int32(m.feats)
	m.w = append(m.w, ws...)
	m.feats++
}

// row returns the weights of feature h, or nil.
func (m *Model) row(h uint32) []float32 {
	mask := uint32(len(m.keys) - 1)
	for i := h & mask; m.keys[i] != 0; i = (i + 1) & mask {
		if m.keys[i] == h {
			r := int(m.index[i]) * nTags
			return m.w[r : r+nTags : r+nTags]
		}
	}
	return nil
}

// The file format: magic, tag count, feature count, scale, transitions
// (float32), then per feature its hash (uint32) and its weights (int16 ×
// scale), all little-endian, gzipped.
const magic = "RASADNER1"

// Write saves the model, quantized to int16.
func (m *Model) Write(w io.Writer) error {
	hs := make([]uint32, 0, m.feats)
	rows := map[uint32]int32{}
	maxAbs := float32(0)
	for i, h := range m.keys {
		if h != 0 {
			hs = append(hs, h)
			rows[h] = m.index[i]
		}
	}
	for _, x := range m.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
	}
	sort.Slice(hs, func(i, j int) bool { return hs[i] < hs[j] })
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	var buf bytes.Buffer
	buf.WriteString(magic)
	le := binary.LittleEndian
	var b4 [4]byte
	put32 := func(x uint32) { le.PutUint32(b4[:], x); buf.Write(b4[:]) }
	put32(nTags)
	put32(uint32(len(hs)))
	put32(math.Float32bits(scale))
	for _, row := range m.trans {
		for _, x := range row {
			put32(math.Float32bits(x))
		}
	}
	for _, h := range hs {
		put32(h)
		r := int(rows[h]) * nTags
		for _, x := range m.w[r : r+nTags] {
			var b2 [2]byte
			le.PutUint16(b2[:], uint16(int16(math.Round(float64(x/scale)))))
			buf.Write(b2[:])
		}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// Read loads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, 256<<20))
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	if len(data) < len(magic)+12 || string(data[:len(magic)]) != magic {
		return nil, errors.New("ner model: not a Rasad NER model")
	}
	le := binary.LittleEndian
	p := data[len(magic):]
	if le.Uint32(p) != nTags {
		return nil, fmt.Errorf("ner model: %d tags, want %d", le.Uint32(p), nTags)
	}
	n := int(le.Uint32(p[4:]))
	scale := math.Float32frombits(le.Uint32(p[8:]))
	p = p[12:]
	need := (nTags+1)*nTags*4 + n*(4+2*nTags)
	if n < 0 || len(p) != need {
		return nil, fmt.Errorf("ner model: %d bytes of weights, want %d", len(p), need)
	}
	m := newModel(n)
	for i := range m.trans {
		for j := range m.trans[i] {
			m.trans[i][j] = math.Float32frombits(le.Uint32(p))
			p = p[4:]
		}
	}
	var ws [nTags]float32
	for range n {
		h := le.Uint32(p)
		p = p[4:]
		for t := range ws {
			ws[t] = float32(int16(le.Uint16(p))) * scale
			p = p[2:]
		}
		if h != 0 {
			m.add(h, ws[:])
		}
	}
	return m, nil
}

//go:embed model
var embedded embed.FS

var (
	defOnce  sync.Once
	defModel *Model
	defErr   error
)

// Default returns the embedded model, loaded on first use.
func Default() (*Model, error) {
	defOnce.Do(func() {
		data, err := embedded.ReadFile("model/perceptron.bin.gz")
		if err != nil {
			defErr = err
			return
		}
		defModel, defErr = Read(bytes.NewReader(data))
	})
	return defModel, defErr
}

// Mention is a name the model found: a span of whole tokens.
type Mention struct {
	Start, End int // byte offsets into the text
	Type       string
	// First and Last are the indexes of its first and last tokens.
	First, Last int
	// Margin is the smallest, over its tokens, of the score of the chosen
	// tag minus the best other tag's: how sure the model is.
	Margin float64
	// Propagated marks a name found as another occurrence of a name the
	// model tagged in the same text (see Tagger.Propagate).
	Propagated bool
}

// Tagger holds the buffers of one goroutine's tagging.
type Tagger struct {
	// Propagate also tags the other occurrences of the names found (a
	// surname alone, a one-word name again) where the model left them out.
	Propagate bool
	m         *Model
	ti        []tokInfo
	scores    []float32
	back      []int8
	tags      []int
	fbuf      []uint32
}

// NewTagger returns a tagger for m. A Tagger is not safe for concurrent use.
func NewTagger(m *Model) *Tagger { return &Tagger{m: m} }

// emissions fills t.scores with the emission score of every tag at every token.
func (t *Tagger) emissions(src string, toks []text.Token) {
	t.ti = infos(src, toks, loadLex(), t.ti)
	if cap(t.scores) < len(toks)*nTags {
		t.scores = make([]float32, len(toks)*nTags)
	}
	t.scores = t.scores[:len(toks)*nTags]
	clear(t.scores)
	for i := range toks {
		t.fbuf, _ = features(t.fbuf[:0], nil, t.ti, i, false)
		s := t.scores[i*nTags : i*nTags+nTags]
		for _, h := range t.fbuf {
			if r := t.m.row(h); r != nil {
				for k := range s {
					s[k] += r[k]
				}
			}
		}
	}
}

// viterbi returns the best tag sequence under the emission scores.
func viterbi(trans *[nTags + 1][nTags]float32, scores []float32, n int, back []int8, tags []int) ([]int8, []int) {
	if n == 0 {
		return back, tags[:0]
	}
	if cap(back) < n*nTags {
		back = make([]int8, n*nTags)
	}
	back = back[:n*nTags]
	var prev, cur [nTags]float32
	const neg = -1e30
	for b := range nTags {
		if allowed(nTags, b) {
			prev[b] = trans[nTags][b] + scores[b]
		} else {
			prev[b] = neg
		}
	}
	for i := 1; i < n; i++ {
		for b := range nTags {
			best, arg := float32(neg), 0
			for a := range nTags {
				if prev[a] <= neg || !allowed(a, b) {
					continue
				}
				if v := prev[a] + trans[a][b]; v > best {
					best, arg = v, a
				}
			}
			cur[b] = best + scores[i*nTags+b]
			back[i*nTags+b] = int8(arg)
		}
		prev = cur
	}
	best := 0
	for b := 1; b < nTags; b++ {
		if prev[b] > prev[best] {
			best = b
		}
	}
	if cap(tags) < n {
		tags = make([]int, n)
	}
	tags = tags[:n]
	for i := n - 1; i >= 0; i-- {
		tags[i] = best
		best = int(back[i*nTags+best])
	}
	return back, tags
}

// Tag returns the names in src (tokens made by text.Tokenize), in order.
func (t *Tagger) Tag(src string, toks []text.Token) []Mention {
	if len(toks) == 0 {
		return nil
	}
	t.emissions(src, toks)
	t.back, t.tags = viterbi(&t.m.trans, t.scores, len(toks), t.back, t.tags)
	var out []Mention
	for i := 0; i < len(toks); i++ {
		tg := t.tags[i]
		if !isB(tg) {
			continue
		}
		j := i
		for j+1 < len(toks) && t.tags[j+1] == tg+1 {
			j++
		}
		margin := math.Inf(1)
		for k := i; k <= j; k++ {
			s := t.scores[k*nTags : k*nTags+nTags]
			chosen := s[t.tags[k]]
			other := float32(math.Inf(-1))
			for x, v := range s {
				if x != t.tags[k] && v > other {
					other = v
				}
			}
			margin = min(margin, float64(chosen-other))
		}
		out = append(out, Mention{Start: toks[i].Start, End: toks[j].End, Type: Types[typeOf(tg)], First: i, Last: j, Margin: margin})
		i = j
	}
	if t.Propagate {
		out = t.propagate(toks, out)
	}
	return out
}

// propagate tags the other occurrences of a person's name in the same
// text: the last word of the name (a surname, or a one-word name), wherever the tagger left the word outside any name
// (حالوتس … حالوتس). The word is compared without its clitics. Such a
// mention has margin 0 and Propagated set.
func (t *Tagger) propagate(toks []text.Token, ms []Mention) []Mention {
	if len(ms) == 0 {
		return ms
	}
	names := map[string]int{} // stripped key -> type index (-1: two types)
	note := func(i, ty int) {
		k := t.ti[i].val[sStrip]
		if utf8.RuneCountInString(k) < 3 {
			return
		}
		if prev, ok := names[k]; ok && prev != ty {
			names[k] = -1
			return
		}
		names[k] = ty
	}
	for _, m := range ms {
		// people only: places and organizations repeat under other types
		// (a club named after its city) more than people do
		if typeIndex(m.Type) == 0 {
			note(m.Last, 0)
		}
	}
	var extra []Mention
	for i, tk := range toks {
		if t.tags[i] != tagO || tk.Kind != text.Word || t.ti[i].lexB|t.ti[i].lexI != 0 {
			continue
		}
		ty, ok := names[t.ti[i].val[sStrip]]
		if !ok || ty < 0 {
			continue
		}
		extra = append(extra, Mention{Start: tk.Start, End: tk.End, Type: Types[ty], First: i, Last: i, Propagated: true})
	}
	if len(extra) == 0 {
		return ms
	}
	ms = append(ms, extra...)
	sort.Slice(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	return ms
}

// Feature is a feature that fired, with its weight for the chosen tag.
type Feature struct {
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
}

// Explain returns the k features with the largest weights for the tags of
// mention mn (found by Tag on the same text), summed over its tokens.
func (t *Tagger) Explain(src string, toks []text.Token, mn Mention, k int) []Feature {
	if mn.First < 0 || mn.Last >= len(toks) || mn.First > mn.Last {
		return nil
	}
	ti := infos(src, toks, loadLex(), nil)
	sum := map[string]float64{}
	b := 1 + 2*typeIndex(mn.Type)
	for i := mn.First; i <= mn.Last; i++ {
		tag := b
		if i > mn.First {
			tag = b + 1
		}
		hs, names := features(nil, nil, ti, i, true)
		for j, h := range hs {
			if r := t.m.row(h); r != nil && r[tag] != 0 {
				sum[names[j]] += float64(r[tag])
			}
		}
		if i == mn.First {
			prev := nTags
			if i > 0 && i-1 < len(t.tags) && len(t.tags) == len(toks) {
				prev = t.tags[i-1]
			}
			name := "start"
			if prev < nTags {
				name = tagNames[prev]
			}
			if w := t.m.trans[prev][tag]; w != 0 {
				sum["previous tag="+name] += float64(w)
			}
		}
	}
	out := make([]Feature, 0, len(sum))
	for n, w := range sum {
		out = append(out, Feature{n, w})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].Name < out[j].Name
	})
	if len(out) > k {
		out = out[:k]
	}
	return out
}

func typeIndex(s string) int {
	for i, t := range Types {
		if t == s {
			return i
		}
	}
	return 0
}
