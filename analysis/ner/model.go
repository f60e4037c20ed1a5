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

// Model holds the weights: per kept feature hash, one int16 weight per tag
// (times scale), in an open-addressing table whose slots hold the hash
// and its weights together (one memory access per feature), and the tag
// transitions.
type Model struct {
	tab   []entry
	mask  uint32
	scale float32
	trans [nTags + 1][nTags]float32 // row nTags: the start
	feats int
	// Hints: the model was trained with another recognizer's names as
	// features (TagHints); run it with the same recognizer's output.
	Hints bool
}

type entry struct {
	key uint32 // 0: empty
	w   [nTags]int16
}

// Features returns the number of features the model keeps.
func (m *Model) Features() int { return m.feats }

// newModel makes a table for n features with weights of at most maxAbs.
func newModel(n int, maxAbs float32) *Model {
	size := 1
	for size < n*3/2+2 {
		size <<= 1
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	return &Model{tab: make([]entry, size), mask: uint32(size - 1), scale: scale}
}

func (m *Model) quantize(x float32) int16 {
	q := math.Round(float64(x / m.scale))
	return int16(max(-32767, min(32767, q)))
}

// add sets the weights of feature h (quantized weights q).
func (m *Model) add(h uint32, q [nTags]int16) {
	i := h & m.mask
	for m.tab[i].key != 0 {
		if m.tab[i].key == h {
			m.tab[i].w = q
			return
		}
		i = (i + 1) & m.mask
	}
	m.tab[i] = entry{key: h, w: q}
	m.feats++
}

// find returns the place of feature h in m.tab.
func (m *Model) find(h uint32) (int, bool) {
	for i := h & m.mask; ; i = (i + 1) & m.mask {
		e := &m.tab[i]
		if e.key == h {
			return int(i), true
		}
		if e.key == 0 {
			return 0, false
		}
	}
}

// row returns the weights of feature h, or nil.
func (m *Model) row(h uint32) *[nTags]int16 {
	for i := h & m.mask; ; i = (i + 1) & m.mask {
		e := &m.tab[i]
		if e.key == h {
			return &e.w
		}
		if e.key == 0 {
			return nil
		}
	}
}

// The file format: magic, tag count, flags (1: trained with hints),
// feature count, scale, transitions (float32), then per feature its hash
// (uint32) and its weights (int16 × scale), all little-endian, gzipped.
const magic = "RASADNER2"

// Write saves the model.
func (m *Model) Write(w io.Writer) error {
	es := make([]entry, 0, m.feats)
	for _, e := range m.tab {
		if e.key != 0 {
			es = append(es, e)
		}
	}
	sort.Slice(es, func(i, j int) bool { return es[i].key < es[j].key })
	var buf bytes.Buffer
	buf.WriteString(magic)
	le := binary.LittleEndian
	var b4 [4]byte
	put32 := func(x uint32) { le.PutUint32(b4[:], x); buf.Write(b4[:]) }
	put32(nTags)
	flags := uint32(0)
	if m.Hints {
		flags |= 1
	}
	put32(flags)
	put32(uint32(len(es)))
	put32(math.Float32bits(m.scale))
	for _, row := range m.trans {
		for _, x := range row {
			put32(math.Float32bits(x))
		}
	}
	for _, e := range es {
		put32(e.key)
		for _, x := range e.w {
			var b2 [2]byte
			le.PutUint16(b2[:], uint16(x))
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
	if len(data) < len(magic)+16 || string(data[:len(magic)]) != magic {
		return nil, errors.New("ner model: not a Rasad NER model")
	}
	le := binary.LittleEndian
	p := data[len(magic):]
	if le.Uint32(p) != nTags {
		return nil, fmt.Errorf("ner model: %d tags, want %d", le.Uint32(p), nTags)
	}
	flags := le.Uint32(p[4:])
	n := int(le.Uint32(p[8:]))
	scale := math.Float32frombits(le.Uint32(p[12:]))
	p = p[16:]
	need := (nTags+1)*nTags*4 + n*(4+2*nTags)
	if n < 0 || n > len(p) || len(p) != need {
		return nil, fmt.Errorf("ner model: %d bytes of weights, want %d", len(p), need)
	}
	if !(scale > 0) || math.IsInf(float64(scale), 0) {
		return nil, fmt.Errorf("ner model: bad scale %v", scale)
	}
	m := newModel(n, 0)
	m.scale = scale
	m.Hints = flags&1 != 0
	for i := range m.trans {
		for j := range m.trans[i] {
			x := math.Float32frombits(le.Uint32(p))
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				return nil, errors.New("ner model: bad transition weight")
			}
			m.trans[i][j] = x
			p = p[4:]
		}
	}
	var q [nTags]int16
	for range n {
		h := le.Uint32(p)
		p = p[4:]
		for t := range q {
			q[t] = int16(le.Uint16(p))
			p = p[2:]
		}
		if h != 0 {
			m.add(h, q)
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
	ti        []tokInfo // the reference path's
	mk        []tokMarks
	scores    []float32
	back      []int8
	tags      []int
	fbuf      []uint32
	slots     []slot // the word cache's index (see lookup)
	nSlots    int
	vecs      []*[vecChunk]wordVec
	auxs      []*[vecChunk]wordAux
	nVecs     int32
	words     []*wordVec
	idx       []int32        // the tokens' wordVec indexes
	padded    []*wordVec     // words with the padding (fastEmissions)
	extra     [][nTags]int32 // per token: the lexicon, hint and sentence-start weights
	bos, eos  *wordVec
	rows      [][nTags]int32 // the rows asM2 and asP2 of the cache's words (rowIndex)
	rowIdx    map[[nTags]int32]uint16
	rowAt     []uint16 // by place in the model's table: the feature's row in rows (0: none yet; rowOf)
	lex       *[5][2 * maxCats][nTags]int32
	combos    *[256]lexCombo
	hints     map[string]uint64
	hs        []uint64    // the surface hashes of the tokens
	out       []Mention   // TagHintsReused's list
	gen       uint64      // the word cache's generation (WordIndex)
	indexed   indexedText // the text WordIndex indexed last
	touched   uint64      // keeps the prefetching loads of fastEmissions
	// reference makes TagHints use slowEmissions (tests compare the two)
	reference bool
}

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.m }

// NewTagger returns a tagger for m. A Tagger is not safe for concurrent use.
func NewTagger(m *Model) *Tagger { return &Tagger{m: m} }

// slowEmissions fills t.scores with the emission score of every tag at
// every token, feature by feature (fastEmissions is the same, faster).
func (t *Tagger) slowEmissions(src string, toks []text.Token, hints []Hint) {
	t.ti = infos(src, toks, loadLex(), hints, t.ti)
	t.mk = t.mk[:0]
	for i := range t.ti {
		t.mk = append(t.mk, t.ti[i].tokMarks)
	}
	if cap(t.scores) < len(toks)*nTags {
		t.scores = make([]float32, len(toks)*nTags)
	}
	t.scores = t.scores[:len(toks)*nTags]
	clear(t.scores)
	for i := range toks {
		t.fbuf, _ = features(t.fbuf[:0], nil, t.ti, i, false)
		var acc [nTags]int32
		for _, h := range t.fbuf {
			if r := t.m.row(h); r != nil {
				for k := range acc {
					acc[k] += int32(r[k])
				}
			}
		}
		s := t.scores[i*nTags : i*nTags+nTags]
		for k := range s {
			s[k] = float32(acc[k]) * t.m.scale
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
	// the transitions with the disallowed ones (I- after another type) at
	// -inf, by target tag (col[b][a]: a to b)
	var col [nTags][nTags]float32
	for a := range nTags {
		for b := range nTags {
			if allowed(a, b) {
				col[b][a] = trans[a][b]
			} else {
				col[b][a] = neg
			}
		}
	}
	for b := range nTags {
		if allowed(nTags, b) {
			prev[b] = trans[nTags][b] + scores[b]
		} else {
			prev[b] = neg + scores[b]
		}
	}
	for i := 1; i < n; i++ {
		s := (*[nTags]float32)(scores[i*nTags : i*nTags+nTags])
		bk := (*[nTags]int8)(back[i*nTags : i*nTags+nTags])
		for b := range nTags {
			// the first best previous tag, unrolled (nTags is 7: see below)
			c := &col[b]
			best, arg := prev[0]+c[0], int8(0)
			if v := prev[1] + c[1]; v > best {
				best, arg = v, 1
			}
			if v := prev[2] + c[2]; v > best {
				best, arg = v, 2
			}
			if v := prev[3] + c[3]; v > best {
				best, arg = v, 3
			}
			if v := prev[4] + c[4]; v > best {
				best, arg = v, 4
			}
			if v := prev[5] + c[5]; v > best {
				best, arg = v, 5
			}
			if v := prev[6] + c[6]; v > best {
				best, arg = v, 6
			}
			cur[b] = best + s[b]
			bk[b] = arg
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

// viterbi's unrolled loop is written for seven tags.
var _ = [1]int{}[nTags-7]

// Tag returns the names in src (tokens made by text.Tokenize), in order.
func (t *Tagger) Tag(src string, toks []text.Token) []Mention { return t.TagHints(src, toks, nil) }

// TagHints is Tag with the names another recognizer found (sorted by
// start) as features: the model learned how far to trust them.
func (t *Tagger) TagHints(src string, toks []text.Token, hints []Hint) []Mention {
	return t.tagHints(src, toks, hints, false)
}

// TagHintsReused is TagHints returning a list of the tagger's own, which
// its next call overwrites: for a caller that reads it at once.
func (t *Tagger) TagHintsReused(src string, toks []text.Token, hints []Hint) []Mention {
	return t.tagHints(src, toks, hints, true)
}

// maxReusedMentions bounds the list TagHintsReused keeps.
const maxReusedMentions = 1 << 14

// tagHints is TagHints, in t.out when reuse is set.
func (t *Tagger) tagHints(src string, toks []text.Token, hints []Hint, reuse bool) []Mention {
	if len(toks) == 0 {
		return nil
	}
	if !t.fastOK() {
		t.slowEmissions(src, toks, hints)
	} else {
		t.fastEmissions(src, toks, hints)
	}
	// punctuation is never inside a name
	for i, tk := range toks {
		if tk.Kind == text.Punct {
			s := t.scores[i*nTags : i*nTags+nTags]
			for k := 1; k < nTags; k++ {
				s[k] = -1e30
			}
		}
	}
	t.back, t.tags = viterbi(&t.m.trans, t.scores, len(toks), t.back, t.tags)
	var out []Mention
	if nb := countB(t.tags); reuse {
		out = t.out[:0]
	} else if nb > 0 {
		out = make([]Mention, 0, nb) // one mention per B- tag
	}
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
		out = t.propagate(src, toks, out)
	}
	if reuse {
		t.out = out[:0]
		if cap(out) > maxReusedMentions {
			t.out = nil // (a huge text's list is not kept)
		}
	}
	return out
}

// countB counts the B- tags of tags.
func countB(tags []int) int {
	n := 0
	for _, tg := range tags {
		if isB(tg) {
			n++
		}
	}
	return n
}

// propagate tags the other occurrences of a person's name in the same
// text: the last word of the name (a surname, or a one-word name), wherever the tagger left the word outside any name
// (حالوتس … حالوتس). The word is compared without its clitics. Such a
// mention has margin 0 and Propagated set.
func (t *Tagger) propagate(src string, toks []text.Token, ms []Mention) []Mention {
	if len(ms) == 0 {
		return ms
	}
	names := map[string]int{} // stripped key -> type index (-1: two types)
	note := func(i, ty int) {
		k := stripSlot(src, toks[i])
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
	if len(names) == 0 {
		return ms
	}
	// a word whose clitic-stripped form is a name ends with the name's
	// last three bytes (stripping cuts at the front only; a name has
	// three runes or more): a mask of those endings' hashes skips most
	// words before stripping them
	var ends uint64
	for k := range names {
		ends |= endBit(k)
	}
	var extra []Mention
	for i := range toks {
		tk := &toks[i]
		if t.tags[i] != tagO || tk.Kind != text.Word || t.mk[i].lexB|t.mk[i].lexI != 0 || len(tk.Key) < 3 || ends&endBit(tk.Key) == 0 {
			continue
		}
		ty, ok := names[stripSlot(src, *tk)]
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

// endBit is the bit of a key's last three bytes (at least three) in
// propagate's mask.
func endBit(k string) uint64 {
	x := uint32(k[len(k)-1]) | uint32(k[len(k)-2])<<8 | uint32(k[len(k)-3])<<16
	return 1 << (x * 0x9E3779B1 >> 26)
}

// Feature is a feature that fired, with its weight for the chosen tag.
type Feature struct {
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
}

// Explain returns the k features with the largest weights for the tags of
// mention mn (found by Tag or TagHints with the same hints, just before),
// summed over its tokens.
func (t *Tagger) Explain(src string, toks []text.Token, hints []Hint, mn Mention, k int) []Feature {
	if mn.First < 0 || mn.Last >= len(toks) || mn.First > mn.Last {
		return nil
	}
	ti := infos(src, toks, loadLex(), hints, nil)
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
				sum[names[j]] += float64(r[tag]) * float64(t.m.scale)
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
