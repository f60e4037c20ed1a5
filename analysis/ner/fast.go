package ner

import (
	"github.com/rasad/rasad/text"
)

// The fast path of emissions. Most features of a token depend on one
// word only: its own (key, clitics, affixes, shape) and those of its
// neighbours (w-1 key, w+1 shape …). Their summed weights are computed
// once per word form and cached in the Tagger: a word then costs one map
// lookup, and only the features of pairs (bigrams), lexicon phrases,
// hints and sentence starts are looked up per token. features (the slow
// path, used by training and Explain) and this must agree: a test checks
// that they do.

// wordVec is what a word form contributes to the emission scores. It
// holds no pointers, so the cache of them (one large array per Tagger)
// costs the garbage collector nothing to scan.
type wordVec struct {
	v      [5][nTags]int32 // as the word itself, w-1, w+1, w-2, w+2
	sent   [nTags]int32    // the sentence-start features, when it starts one
	stripH uint64          // hash of its clitic-stripped form (bigrams)
	// the lexicon phrases that may start with it, under any reading:
	// single, the categories of the one-word ones; multi[:nMulti], ranges
	// of lexIndex.multi holding the longer ones.
	single uint64
	multi  [maxReadings][2]int32
	nMulti int32
	// next: the keyBits of the second words of those longer phrases;
	// keyBit: the word's own (see firstEntry.next)
	next, keyBit uint64
	// touched keeps vecOf's prefetching loads
	touched bool
}

// vecChunk is the size of the cache's arrays (wordVecs never move, so the
// pointers to them in Tagger.words stay valid while the cache grows).
const vecChunk = 4096

const (
	asSelf = iota
	asM1
	asP1
	asM2
	asP2
)

// maxCache bounds the word forms a Tagger keeps (about 220 bytes each, 29 MB
// in all): a collection of 7,000 articles has about 110,000.
const maxCache = 1 << 17

var neighbourTemplates = [...]struct{ as, t, s int }{
	{asM1, tKeyM1, sKey}, {asM2, tKeyM2, sKey}, {asP1, tKeyP1, sKey}, {asP2, tKeyP2, sKey},
	{asM1, tStripM1, sStrip}, {asP1, tStripP1, sStrip}, {asM1, tShapeM1, sShape}, {asP1, tShapeP1, sShape},
	{asM1, tCliticM1, sClitic}, {asP1, tCliticP1, sClitic}, {asM1, tStemM1, sStem}, {asP1, tStemP1, sStem},
	{asM1, tSuf2M1, sSuf2}, {asP1, tSuf2P1, sSuf2},
}

var selfTemplates = [...]int{sKey: tKey, sStrip: tStrip, sStem: tStem, sClitic: tClitic, sPre1: tPre1, sPre2: tPre2, sPre3: tPre3,
	sSuf1: tSuf1, sSuf2: tSuf2, sSuf3: tSuf3, sShape: tShape}

func (m *Model) addRow(acc *[nTags]int32, h uint32) {
	if r := m.row(h); r != nil {
		for k := range acc {
			acc[k] += int32(r[k])
		}
	}
}

// vecOf computes a word form's contributions into wv.
func (m *Model) vecOf(wv *wordVec, src string, t text.Token) {
	var ti tokInfo
	setSlots(&ti, src, t)
	*wv = wordVec{stripH: ti.h[sStrip], keyBit: keyBit(t.Key)}
	if t.Kind != text.Punct {
		loadLex().firstInfo(t.Key, wv)
	}
	// the features' hashes first, loading each one's table slot so that
	// the processor overlaps the misses, then their weights
	type feat struct {
		acc *[nTags]int32
		h   uint32
	}
	var fs [3 + len(selfTemplates) + len(neighbourTemplates)]feat
	n := 0
	add := func(acc *[nTags]int32, h uint32) {
		fs[n] = feat{acc, h}
		n++
	}
	add(&wv.sent, mix(tSentStart, 0))
	add(&wv.sent, mix(tSentShape, ti.h[sShape]))
	add(&wv.v[asSelf], mix(tBias, 0))
	for s, tp := range selfTemplates {
		if ti.val[s] == "" && s != sClitic {
			continue
		}
		add(&wv.v[asSelf], mix(tp, ti.h[s]))
	}
	for _, c := range neighbourTemplates {
		add(&wv.v[c.as], mix(c.t, ti.h[c.s]))
	}
	var touch uint32
	for _, f := range fs[:n] {
		touch += m.tab[f.h&m.mask].key
	}
	wv.touched = touch != 0
	for _, f := range fs[:n] {
		m.addRow(f.acc, f.h)
	}
}

// edgeVec is the contribution of the padding before or after the text.
func (m *Model) edgeVec(h uint64) *wordVec {
	wv := &wordVec{stripH: h}
	for _, c := range neighbourTemplates {
		m.addRow(&wv.v[c.as], mix(c.t, h))
	}
	return wv
}

// fastEmissions fills t.scores like emissions, with the word cache.
func (t *Tagger) fastEmissions(src string, toks []text.Token, hints []Hint) {
	m := t.m
	if t.bos == nil || t.cache.len() > maxCache {
		t.cache.reset()
		t.nVecs = 0
		t.bos, t.eos = m.edgeVec(hashBOS), m.edgeVec(hashEOS)
	}
	t.words = t.words[:0]
	// first the hashes, touching each one's slot: independent loads the
	// processor overlaps, where the lookups below would wait for each miss
	t.hs = t.hs[:0]
	var touch uint64
	for _, tk := range toks {
		h := hashString(src[tk.Start:tk.End])
		t.hs = append(t.hs, h)
		touch += t.cache.touch(h)
	}
	t.touched += touch
	for i, tk := range toks {
		h := t.hs[i]
		idx, ok := t.cache.get(h)
		if !ok {
			idx = t.newVec()
			m.vecOf(t.vec(idx), src, tk)
			t.cache.put(h, idx)
		}
		t.words = append(t.words, t.vec(idx))
	}
	if cap(t.mk) < len(toks) {
		t.mk = make([]tokMarks, len(toks))
	}
	t.mk = t.mk[:len(toks)]
	lx := loadLex()
	startsAndHints(src, toks, hints, t.mk)
	lx.markFast(toks, t.mk, t.words)
	n := len(toks)
	word := func(j int) *wordVec {
		switch {
		case j < 0:
			return t.bos
		case j >= n:
			return t.eos
		}
		return t.words[j]
	}
	if cap(t.scores) < n*nTags {
		t.scores = make([]float32, n*nTags)
	}
	t.scores = t.scores[:n*nTags]
	for i := range n {
		acc := t.words[i].v[asSelf]
		for k, as := range [...]int{asM1, asP1, asM2, asP2} {
			w := word(i + [...]int{-1, 1, -2, 2}[k])
			for x := range acc {
				acc[x] += w.v[as][x]
			}
		}
		if sh := t.words[i].stripH; useBigrams {
			m.addRow(&acc, mix2(tBiM1, word(i-1).stripH, sh))
			m.addRow(&acc, mix2(tBiP1, sh, word(i+1).stripH))
		}
		for _, c := range [...]struct{ t, off int }{{tLex, 0}, {tLexM1, -1}, {tLexP1, 1}, {tLexM2, -2}, {tLexP2, 2}} {
			j := i + c.off
			if j < 0 || j >= n || t.mk[j].lexB|t.mk[j].lexI == 0 {
				continue
			}
			rows := t.lexRows(c.t - tLex)
			for bi, bits := range [2]uint64{t.mk[j].lexB, t.mk[j].lexI} {
				for ; bits != 0; bits &= bits - 1 {
					r := &rows[2*trailingZeros(bits)+bi]
					for x := range acc {
						acc[x] += r[x]
					}
				}
			}
		}
		for _, c := range [...]struct{ t, off int }{{tHint, 0}, {tHintM1, -1}, {tHintP1, 1}} {
			if j := i + c.off; j >= 0 && j < n && t.mk[j].hint != "" {
				m.addRow(&acc, mix(c.t, t.hintHash(t.mk[j].hint)))
			}
		}
		if t.mk[i].start {
			for x := range acc {
				acc[x] += t.words[i].sent[x]
			}
		}
		s := t.scores[i*nTags : i*nTags+nTags]
		for k := range s {
			s[k] = float32(acc[k]) * m.scale
		}
	}
}

// lexRows returns the weights of the lexicon-category features of
// template tLex+k (k: 0 the word, 1 w-1, 2 w+1, 3 w-2, 4 w+2), by bit
// (2c: category c begins, 2c+1: continues), computed once per Tagger.
func (t *Tagger) lexRows(k int) *[2 * maxCats][nTags]int32 {
	if t.lex == nil {
		lx := loadLex()
		t.lex = new([5][2 * maxCats][nTags]int32)
		for k := range t.lex {
			for b := range 2 * maxCats {
				t.m.addRow(&t.lex[k][b], mix(tLex+k, lx.bitHash[b]))
			}
		}
	}
	return &t.lex[k]
}

// newVec returns the index of a fresh wordVec of the cache.
func (t *Tagger) newVec() int32 {
	i := t.nVecs
	if int(i)/vecChunk >= len(t.vecs) {
		t.vecs = append(t.vecs, new([vecChunk]wordVec))
	}
	t.nVecs++
	return i
}

func (t *Tagger) vec(i int32) *wordVec { return &t.vecs[i/vecChunk][i%vecChunk] }

// hintHash is hashString(h), remembered: hints take a few values only.
func (t *Tagger) hintHash(h string) uint64 {
	if x, ok := t.hints[h]; ok {
		return x
	}
	if t.hints == nil {
		t.hints = map[string]uint64{}
	}
	x := hashString(h)
	if len(t.hints) < 64 {
		t.hints[h] = x
	}
	return x
}

// vecIndex maps the 64-bit hash of a word's surface to the index of its
// wordVec: open addressing with linear probing, one cache line per
// lookup (a Go map of 100,000 words took two or three). Key 0 is held
// apart, as it marks an empty slot.
type vecIndex struct {
	slots   []vecSlot
	n       int
	hasZero bool
	zero    int32
}

type vecSlot struct {
	key uint64
	val int32
}

func (x *vecIndex) len() int {
	if x.hasZero {
		return x.n + 1
	}
	return x.n
}

func (x *vecIndex) reset() {
	clear(x.slots)
	x.n, x.hasZero = 0, false
}

// touch loads the first slot that get(h) reads.
func (x *vecIndex) touch(h uint64) uint64 {
	if len(x.slots) == 0 {
		return 0
	}
	return x.slots[(h*0x9E3779B97F4A7C15)>>20&uint64(len(x.slots)-1)].key
}

func (x *vecIndex) get(h uint64) (int32, bool) {
	if h == 0 {
		return x.zero, x.hasZero
	}
	if len(x.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(x.slots) - 1)
	for i := (h * 0x9E3779B97F4A7C15) >> 20 & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.key == h {
			return s.val, true
		}
		if s.key == 0 {
			return 0, false
		}
	}
}

// put adds h (not yet in x).
func (x *vecIndex) put(h uint64, v int32) {
	if h == 0 {
		x.zero, x.hasZero = v, true
		return
	}
	if 2*(x.n+1) > len(x.slots) {
		old := x.slots
		x.slots = make([]vecSlot, max(1024, 2*len(old)))
		x.n = 0
		for _, s := range old {
			if s.key != 0 {
				x.put(s.key, s.val)
			}
		}
	}
	mask := uint64(len(x.slots) - 1)
	i := (h * 0x9E3779B97F4A7C15) >> 20 & mask
	for x.slots[i].key != 0 {
		i = (i + 1) & mask
	}
	x.slots[i] = vecSlot{h, v}
	x.n++
}
