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
// costs the garbage collector nothing to scan. It is three cache lines
// exactly (192 bytes, and the arrays of them start at a page): a token
// costs a few cache misses at most, and the fields that the lookup and
// markFast read share the last line. What few tokens need (sentence
// starts, bigrams) is apart, in a wordAux.
type wordVec struct {
	v [5][nTags]int32 // as the word itself, w-1, w+1, w-2, w+2
	// keyShift: the bit of the word's key in the next masks (keyBit)
	keyShift uint8
	nMulti   uint8
	h        uint64 // hash of the surface: the cache's key
	// the lexicon phrases that may start with it, under any reading:
	// single, the categories of the one-word ones; multi[:nMulti], ranges
	// of lexIndex.multi holding the longer ones; next, the keyBits of
	// those longer phrases' second words.
	single uint64
	next   uint64
	multi  [maxReadings][2]int32
}

// wordAux is the rest of what a word form contributes.
type wordAux struct {
	sent   [nTags]int32 // the sentence-start features, when it starts one
	stripH uint64       // hash of its clitic-stripped form (bigrams)
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

// maxCache bounds the word forms a Tagger keeps (232 bytes each, 30 MB
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

// vecOf computes a word form's contributions into wv and ax; it returns
// a value that keeps its prefetching loads.
func (m *Model) vecOf(wv *wordVec, ax *wordAux, h uint64, src string, t text.Token) uint32 {
	var ti tokInfo
	setSlots(&ti, src, t)
	*wv = wordVec{h: h, keyShift: keyShift(t.Key)}
	*ax = wordAux{stripH: ti.h[sStrip]}
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
	add(&ax.sent, mix(tSentStart, 0))
	add(&ax.sent, mix(tSentShape, ti.h[sShape]))
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
	for _, f := range fs[:n] {
		m.addRow(f.acc, f.h)
	}
	return touch
}

// edgeVec is the contribution of the padding before or after the text.
func (m *Model) edgeVec(h uint64) *wordVec {
	wv := &wordVec{}
	for _, c := range neighbourTemplates {
		m.addRow(&wv.v[c.as], mix(c.t, h))
	}
	return wv
}

// fastEmissions fills t.scores like emissions, with the word cache.
func (t *Tagger) fastEmissions(src string, toks []text.Token, hints []Hint) {
	m := t.m
	if t.bos == nil || t.nVecs > maxCache {
		t.resetCache()
		t.bos, t.eos = m.edgeVec(hashBOS), m.edgeVec(hashEOS)
	}
	t.words = t.words[:0]
	t.idx = t.idx[:0]
	// first the hashes, touching each one's slot: independent loads the
	// processor overlaps, where the lookups below would wait for each miss
	t.hs = t.hs[:0]
	var touch uint64
	for _, tk := range toks {
		h := hashString(src[tk.Start:tk.End])
		t.hs = append(t.hs, h)
		touch += uint64(t.slotOf(h))
	}
	// then the three lines of the wordVecs the first slots point at (the
	// right ones nearly always), the same way
	for _, h := range t.hs {
		if s := t.slotOf(h); s != 0 {
			wv := t.vec(s - 1)
			touch += wv.h + uint64(wv.v[0][0]) + uint64(wv.v[3][0])
		}
	}
	for i, tk := range toks {
		h := t.hs[i]
		idx, ok := t.lookup(h)
		if !ok {
			idx = t.newVec()
			touch += uint64(m.vecOf(t.vec(idx), t.aux(idx), h, src, tk))
			t.insert(h, idx)
		}
		t.words = append(t.words, t.vec(idx))
		t.idx = append(t.idx, idx)
	}
	t.touched += touch
	if cap(t.mk) < len(toks) {
		t.mk = make([]tokMarks, len(toks))
	}
	t.mk = t.mk[:len(toks)]
	lx := loadLex()
	startsAndHints(src, toks, hints, t.mk)
	lx.markFast(toks, t.mk, t.words)
	n := len(toks)
	if cap(t.scores) < n*nTags {
		t.scores = make([]float32, n*nTags)
	}
	t.scores = t.scores[:n*nTags]
	// what lexicon phrases, hints and sentence starts add, scattered from
	// the few tokens that have them to the tokens that see them
	if cap(t.extra) < n {
		t.extra = make([][nTags]int32, n)
	}
	ex := t.extra[:n]
	clear(ex)
	for j := range n {
		mk := &t.mk[j]
		if mk.lexB|mk.lexI != 0 {
			// token i sees token j as its w (tLex), w-1 (i = j+1), w+1, w-2, w+2
			for _, c := range [...]struct{ t, off int }{{tLex, 0}, {tLexM1, 1}, {tLexP1, -1}, {tLexM2, 2}, {tLexP2, -2}} {
				i := j + c.off
				if i < 0 || i >= n {
					continue
				}
				rows := t.lexRows(c.t - tLex)
				acc := &ex[i]
				for bi, bits := range [2]uint64{mk.lexB, mk.lexI} {
					for ; bits != 0; bits &= bits - 1 {
						r := &rows[2*trailingZeros(bits)+bi]
						for x := range acc {
							acc[x] += r[x]
						}
					}
				}
			}
		}
		if mk.hint != "" {
			hh := t.hintHash(mk.hint)
			for _, c := range [...]struct{ t, off int }{{tHint, 0}, {tHintM1, 1}, {tHintP1, -1}} {
				if i := j + c.off; i >= 0 && i < n {
					m.addRow(&ex[i], mix(c.t, hh))
				}
			}
		}
		if mk.start {
			sent := &t.aux(t.idx[j]).sent
			for x := range sent {
				ex[j][x] += sent[x]
			}
		}
	}
	// the words with two of padding on each side: token i's window
	// i-2 … i+2 is pw[i:i+5]
	pw := append(append(append(t.padded[:0], t.bos, t.bos), t.words...), t.eos, t.eos)
	t.padded = pw
	for i := range n {
		w := pw[i : i+5 : i+5]
		self, m1, p1, m2, p2 := &w[2].v[asSelf], &w[1].v[asM1], &w[3].v[asP1], &w[0].v[asM2], &w[4].v[asP2]
		e := &ex[i]
		// (integer sums: their order does not change them)
		acc := [nTags]int32{
			self[0] + m1[0] + p1[0] + m2[0] + p2[0] + e[0],
			self[1] + m1[1] + p1[1] + m2[1] + p2[1] + e[1],
			self[2] + m1[2] + p1[2] + m2[2] + p2[2] + e[2],
			self[3] + m1[3] + p1[3] + m2[3] + p2[3] + e[3],
			self[4] + m1[4] + p1[4] + m2[4] + p2[4] + e[4],
			self[5] + m1[5] + p1[5] + m2[5] + p2[5] + e[5],
			self[6] + m1[6] + p1[6] + m2[6] + p2[6] + e[6],
		}
		if useBigrams {
			sh := t.stripH(i, n)
			m.addRow(&acc, mix2(tBiM1, t.stripH(i-1, n), sh))
			m.addRow(&acc, mix2(tBiP1, sh, t.stripH(i+1, n)))
		}
		s := (*[nTags]float32)(t.scores[i*nTags : i*nTags+nTags])
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

// stripH is the bigram hash of token j (of n), or of the padding.
func (t *Tagger) stripH(j, n int) uint64 {
	switch {
	case j < 0:
		return hashBOS
	case j >= n:
		return hashEOS
	}
	return t.aux(t.idx[j]).stripH
}

// newVec returns the index of a fresh wordVec (and wordAux) of the cache.
func (t *Tagger) newVec() int32 {
	i := t.nVecs
	if int(i)/vecChunk >= len(t.vecs) {
		t.vecs = append(t.vecs, new([vecChunk]wordVec))
		t.auxs = append(t.auxs, new([vecChunk]wordAux))
	}
	t.nVecs++
	return i
}

func (t *Tagger) vec(i int32) *wordVec { return &t.vecs[uint32(i)/vecChunk][uint32(i)%vecChunk] }
func (t *Tagger) aux(i int32) *wordAux { return &t.auxs[uint32(i)/vecChunk][uint32(i)%vecChunk] }

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

// The cache's index maps the 64-bit hash of a word's surface to the index
// of its wordVec: open addressing with linear probing over int32 slots
// (index+1; 0 is empty), 4 bytes each, so that the whole index stays in
// the processor's caches; the hash itself is compared in the wordVec,
// whose line the tagger reads next anyway.

func slotPos(h uint64, mask uint64) uint64 { return (h * 0x9E3779B97F4A7C15) >> 20 & mask }

// slotOf loads the first slot that lookup(h) reads.
func (t *Tagger) slotOf(h uint64) int32 {
	if len(t.slots) == 0 {
		return 0
	}
	return t.slots[slotPos(h, uint64(len(t.slots)-1))]
}

// lookup returns the index of the wordVec of hash h.
func (t *Tagger) lookup(h uint64) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := slotPos(h, mask); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if t.vec(s-1).h == h {
			return s - 1, true
		}
	}
}

// insert adds the wordVec idx, of hash h (not yet in the index).
func (t *Tagger) insert(h uint64, idx int32) {
	if 2*(t.nSlots+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]int32, max(1024, 2*len(old)))
		t.nSlots = 0
		for _, s := range old {
			if s != 0 {
				t.insert(t.vec(s-1).h, s-1)
			}
		}
	}
	mask := uint64(len(t.slots) - 1)
	i := slotPos(h, mask)
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = idx + 1
	t.nSlots++
}

// resetCache empties the word cache (its arrays are kept).
func (t *Tagger) resetCache() {
	clear(t.slots)
	t.nSlots = 0
	t.nVecs = 0
}
