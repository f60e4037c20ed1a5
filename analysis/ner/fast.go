package ner

import (
	"hash/maphash"
	"unsafe"

	"github.com/rasad/rasad/text"
)

// The fast path of emissions. Most features of a token depend on one
// word only: its own (key, clitics, affixes, shape) and those of its
// neighbours (w-1 key, w+1 shape …). Their summed weights are computed
// once per word form and cached in the Tagger: a word then costs one
// lookup, and only the features of pairs (bigrams), lexicon phrases,
// hints and sentence starts are looked up per token. features (the slow
// path, used by training and Explain) and this must agree: a test checks
// that they do.

// wordVec is what a word form contributes to the emission scores, in one
// cache line (64 bytes, the arrays of them start at a page): the cache
// of an ingest holds ~100,000 word forms, far more than the processor's
// caches, so a token costs what its word's lines cost to load. It holds
// no pointers (the garbage collector does not scan the cache).
//
// The rows as the word itself, as w-1 and as w+1 are packed, 21 bits a
// weight sum (see packRows); the rows as w-2 and w+2 come from one
// feature each (the key of w-2 / w+2) and are shared: indexes into
// Tagger.rows. What fewer tokens need (the lexicon phrases of the word,
// sentence starts) is apart, in a wordAux.
type wordVec struct {
	p        [7]uint64 // the rows asSelf, asM1, asP1 (packRows)
	m2, p2   uint16    // the rows asM2, asP2: Tagger.rows[m2], [p2] (0: zeros)
	keyShift uint8     // the bit of the word's key in the next masks (keyBit)
	flags    uint8     // hasLex: lexicon phrases may start with the word (see wordAux)
	_        [2]byte
}

const hasLex = 1

// wordAux is the rest of what a word form contributes.
type wordAux struct {
	sent   [nTags]int32 // the sentence-start features, when it starts one
	stripH uint64       // hash of its clitic-stripped form (bigrams)
	// the lexicon phrases that may start with it, under any reading:
	// single, the categories of the one-word ones; multi[:nMulti], ranges
	// of lexIndex.multi holding the longer ones; next, the keyBits of
	// those longer phrases' second words.
	single uint64
	next   uint64
	multi  [maxReadings][2]int32
	nMulti uint8
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

// maxCache bounds the word forms a Tagger keeps (64 + 88 bytes each and
// 16 of index, 21 MB in all): a collection of 7,000 articles has about
// 110,000.
const maxCache = 1 << 17

// maxRows bounds Tagger.rows (indexes are uint16).
const maxRows = 1 << 16

var neighbourTemplates = [...]struct{ as, t, s int }{
	{asM1, tKeyM1, sKey}, {asM2, tKeyM2, sKey}, {asP1, tKeyP1, sKey}, {asP2, tKeyP2, sKey},
	{asM1, tStripM1, sStrip}, {asP1, tStripP1, sStrip}, {asM1, tShapeM1, sShape}, {asP1, tShapeP1, sShape},
	{asM1, tCliticM1, sClitic}, {asP1, tCliticP1, sClitic}, {asM1, tStemM1, sStem}, {asP1, tStemP1, sStem},
	{asM1, tSuf2M1, sSuf2}, {asP1, tSuf2P1, sSuf2},
}

var selfTemplates = [...]int{sKey: tKey, sStrip: tStrip, sStem: tStem, sClitic: tClitic, sPre1: tPre1, sPre2: tPre2, sPre3: tPre3,
	sSuf1: tSuf1, sSuf2: tSuf2, sSuf3: tSuf3, sShape: tShape}

// A row of a wordVec sums at most 1+len(selfTemplates)+len(neighbourTemplates)
// int16 weights: the sum fits in the 21 signed bits packRows gives it.
var _ = [1]int{}[(1+len(selfTemplates)+len(neighbourTemplates))*32768/(1<<20)]

// packRows packs the rows asSelf, asM1, asP1 (rows[0:3]): weight j
// (7×row + tag) in the 21 bits from bit 21×(j%3) of p[j/3].
func packRows(rows *[5][nTags]int32) (p [7]uint64) {
	// (unrolled: weight j = 7×row + tag goes to p[j/3], third j%3)
	const m = 1<<21 - 1
	w := func(r, k int) uint64 { return uint64(uint32(rows[r][k]) & m) }
	p[0] = w(0, 0) | w(0, 1)<<21 | w(0, 2)<<42
	p[1] = w(0, 3) | w(0, 4)<<21 | w(0, 5)<<42
	p[2] = w(0, 6) | w(1, 0)<<21 | w(1, 1)<<42
	p[3] = w(1, 2) | w(1, 3)<<21 | w(1, 4)<<42
	p[4] = w(1, 5) | w(1, 6)<<21 | w(2, 0)<<42
	p[5] = w(2, 1) | w(2, 2)<<21 | w(2, 3)<<42
	p[6] = w(2, 4) | w(2, 5)<<21 | w(2, 6)<<42
	return p
}

// the weights of a packed word, by their place in it
func f0(x uint64) int32 { return int32(int64(x<<43) >> 43) }
func f1(x uint64) int32 { return int32(int64(x<<22) >> 43) }
func f2(x uint64) int32 { return int32(int64(x<<1) >> 43) }

// unpackRow is row r of p (the reference of the add functions below).
func unpackRow(p *[7]uint64, r int) (out [nTags]int32) {
	for k := range nTags {
		j := r*nTags + k
		out[k] = int32(int64(p[j/3]<<(43-21*(j%3))) >> 43)
	}
	return out
}

// addSelf, addM1 and addP1 add the rows asSelf (weights 0–6), asM1
// (7–13) and asP1 (14–20) of w to acc.
func (w *wordVec) addSelf(acc *[nTags]int32) {
	p0, p1, p2 := w.p[0], w.p[1], w.p[2]
	acc[0] += f0(p0)
	acc[1] += f1(p0)
	acc[2] += f2(p0)
	acc[3] += f0(p1)
	acc[4] += f1(p1)
	acc[5] += f2(p1)
	acc[6] += f0(p2)
}

func (w *wordVec) addM1(acc *[nTags]int32) {
	p2, p3, p4 := w.p[2], w.p[3], w.p[4]
	acc[0] += f1(p2)
	acc[1] += f2(p2)
	acc[2] += f0(p3)
	acc[3] += f1(p3)
	acc[4] += f2(p3)
	acc[5] += f0(p4)
	acc[6] += f1(p4)
}

func (w *wordVec) addP1(acc *[nTags]int32) {
	p4, p5, p6 := w.p[4], w.p[5], w.p[6]
	acc[0] += f2(p4)
	acc[1] += f0(p5)
	acc[2] += f1(p5)
	acc[3] += f2(p5)
	acc[4] += f0(p6)
	acc[5] += f1(p6)
	acc[6] += f2(p6)
}

func (m *Model) addRow(acc *[nTags]int32, h uint32) {
	if r := m.row(h); r != nil {
		acc[0] += int32(r[0])
		acc[1] += int32(r[1])
		acc[2] += int32(r[2])
		acc[3] += int32(r[3])
		acc[4] += int32(r[4])
		acc[5] += int32(r[5])
		acc[6] += int32(r[6])
	}
}

// vecOf computes a word form's contributions into wv and ax (its rows
// asM2 and asP2 into t.rows); it returns a value that keeps its
// prefetching loads.
func (t *Tagger) vecOf(wv *wordVec, ax *wordAux, src string, tk text.Token) uint32 {
	m := t.m
	var ti tokInfo
	setSlots(&ti, src, tk)
	*wv = wordVec{keyShift: keyShift(tk.Key)}
	*ax = wordAux{stripH: ti.h[sStrip]}
	if tk.Kind != text.Punct {
		loadLex().firstInfo(tk.Key, ax)
		if ax.single != 0 || ax.nMulti != 0 {
			wv.flags |= hasLex
		}
	}
	var rows [5][nTags]int32
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
	add(&rows[asSelf], mix(tBias, 0))
	for s, tp := range selfTemplates {
		if ti.val[s] == "" && s != sClitic {
			continue
		}
		add(&rows[asSelf], mix(tp, ti.h[s]))
	}
	// the rows asM2 and asP2 are one feature each (rowsFit): shared
	// rows by feature (rowOf), not summed here
	var hM2, hP2 uint32
	for _, c := range neighbourTemplates {
		switch h := mix(c.t, ti.h[c.s]); c.as {
		case asM2:
			hM2 = h
		case asP2:
			hP2 = h
		default:
			add(&rows[c.as], h)
		}
	}
	touch := m.tab[hM2&m.mask].key + m.tab[hP2&m.mask].key
	for _, f := range fs[:n] {
		touch += m.tab[f.h&m.mask].key
	}
	for _, f := range fs[:n] {
		m.addRow(f.acc, f.h)
	}
	wv.p = packRows(&rows)
	wv.m2 = t.rowOf(hM2)
	wv.p2 = t.rowOf(hP2)
	return touch
}

// rowOf is the index in t.rows of the weights of feature h (0, the row
// of zeros, when the model has none): a row asM2 or asP2 of a word, which
// is that one feature's (rowsFit). Rows are kept per feature, found by
// the feature's place in the model's table (t.rowAt), where rowIndex
// hashed the seven weights in a map; the same feature gives the same
// weights, so what a token adds is the same.
func (t *Tagger) rowOf(h uint32) uint16 {
	at, ok := t.m.find(h)
	if !ok {
		return 0
	}
	if len(t.rowAt) != len(t.m.tab) {
		t.rowAt = make([]uint16, len(t.m.tab))
	}
	if i := t.rowAt[at]; i != 0 {
		return i
	}
	w := &t.m.tab[at].w
	i := uint16(len(t.rows))
	t.rows = append(t.rows, [nTags]int32{int32(w[0]), int32(w[1]), int32(w[2]), int32(w[3]), int32(w[4]), int32(w[5]), int32(w[6])})
	t.rowAt[at] = i
	return i
}

// setRows stores rows (of 5) into wv.
func (t *Tagger) setRows(wv *wordVec, rows *[5][nTags]int32) {
	wv.p = packRows(rows)
	wv.m2 = t.rowIndex(&rows[asM2])
	wv.p2 = t.rowIndex(&rows[asP2])
}

// rowIndex is the index of row r in t.rows, added if new (0 is the row
// of zeros). A row asM2 or asP2 is the weights of one feature (see
// rowsFit), so t.rows holds at most one row per feature of the model
// and the two of the padding: TagHints takes the fast path only for a
// model whose rows fit in uint16 indexes that way.
func (t *Tagger) rowIndex(r *[nTags]int32) uint16 {
	if *r == ([nTags]int32{}) {
		return 0
	}
	if i, ok := t.rowIdx[*r]; ok {
		return i
	}
	if t.rowIdx == nil {
		t.rowIdx = map[[nTags]int32]uint16{}
	}
	i := uint16(len(t.rows))
	t.rows = append(t.rows, *r)
	t.rowIdx[*r] = i
	return i
}

// sharedRowFeatures is the most features a row asM2 or asP2 sums.
var sharedRowFeatures = func() int {
	n := [5]int{}
	for _, c := range neighbourTemplates {
		n[c.as]++
	}
	return max(n[asM2], n[asP2])
}()

// rowsFit reports whether the distinct rows asM2 and asP2 of any word
// forms fit in Tagger.rows: one feature each, and fewer features than
// maxRows (the embedded model has 35,047).
func (m *Model) rowsFit() bool { return sharedRowFeatures == 1 && m.feats+3 <= maxRows }

// edgeVec is the contribution of the padding before or after the text.
func (t *Tagger) edgeVec(h uint64) *wordVec {
	var rows [5][nTags]int32
	for _, c := range neighbourTemplates {
		t.m.addRow(&rows[c.as], mix(c.t, h))
	}
	wv := &wordVec{}
	t.setRows(wv, &rows)
	return wv
}

// cacheSeed seeds the hash of the word cache's keys (any seed will do:
// it decides where a word sits in the index, never what it weighs).
var cacheSeed = maphash.MakeSeed()

// WordIndex finds the words of toks in the tagger's word cache (adding
// the new ones) and returns each token's place there, and the cache's
// generation: two tokens with the same surface get the same place, and a
// place keeps its word while the generation stays (a full cache is
// emptied, and the generation changes). A caller may keep what it knows
// of each word by place. The slice is the tagger's own: its next call
// overwrites it. TagHints on the same src and toks (the same strings and
// slice) right after uses these places instead of finding them again.
func (t *Tagger) WordIndex(src string, toks []text.Token) ([]int32, uint64) {
	if !t.fastOK() {
		return nil, 0
	}
	t.index(src, toks)
	t.indexed = indexedText{src: unsafe.StringData(src), srcLen: len(src), toks: unsafe.SliceData(toks), n: len(toks)}
	return t.idx, t.gen
}

// indexedText names the text WordIndex indexed last (by its memory).
type indexedText struct {
	src    *byte
	srcLen int
	toks   *text.Token
	n      int
}

// fastOK reports whether TagHints takes the fast path (fastEmissions).
func (t *Tagger) fastOK() bool { return !t.reference && t.m.rowsFit() }

// index sets t.words and t.idx, the tokens' wordVecs, making the new ones.
func (t *Tagger) index(src string, toks []text.Token) {
	n := len(toks)
	// a new word adds a wordVec and at most two rows
	if t.bos == nil || int(t.nVecs)+n > maxCache || len(t.rows)+2*n+2 > maxRows {
		t.resetCache()
		t.bos, t.eos = t.edgeVec(hashBOS), t.edgeVec(hashEOS)
	}
	t.words = t.words[:0]
	t.idx = t.idx[:0]
	// first the hashes, touching each one's slot: independent loads the
	// processor overlaps, where the lookups below would wait for each miss
	t.hs = t.hs[:0]
	var touch uint64
	for i := range toks {
		t.hs = append(t.hs, maphash.String(cacheSeed, src[toks[i].Start:toks[i].End]))
	}
	// (a loop of its own: short, so that many loads are in flight)
	if len(t.slots) > 0 {
		slots, mask := t.slots, uint64(len(t.slots)-1)
		for _, h := range t.hs {
			touch += slots[slotPos(h, mask)].h
		}
		// then the line of the wordVec the first slot points at (the
		// right one nearly always), the same way
		for _, h := range t.hs {
			if s := slots[slotPos(h, mask)]; s.idx != 0 {
				touch += t.vec(s.idx - 1).p[0]
			}
		}
	}
	for i, tk := range toks {
		h := t.hs[i]
		idx, ok := t.lookup(h)
		if !ok {
			idx = t.newVec()
			touch += uint64(t.vecOf(t.vec(idx), t.aux(idx), src, tk))
			t.insert(h, idx)
		}
		t.words = append(t.words, t.vec(idx))
		t.idx = append(t.idx, idx)
	}
	t.touched += touch
}

// fastEmissions fills t.scores like emissions, with the word cache.
func (t *Tagger) fastEmissions(src string, toks []text.Token, hints []Hint) {
	m := t.m
	n := len(toks)
	if t.indexed != (indexedText{src: unsafe.StringData(src), srcLen: len(src), toks: unsafe.SliceData(toks), n: n}) || len(t.idx) != n {
		t.index(src, toks)
	}
	t.indexed = indexedText{}
	var touch uint64
	if cap(t.mk) < n {
		t.mk = make([]tokMarks, n)
	}
	t.mk = t.mk[:n]
	startsAndHints(src, toks, hints, t.mk)
	// and the shared rows the words point at, the lexicon fields that
	// markFast reads and the sentence-start weights
	for i, w := range t.words {
		touch += uint64(t.rows[w.m2][0] + t.rows[w.p2][0])
		if w.flags&hasLex != 0 {
			touch += t.aux(t.idx[i]).next
		} else if t.mk[i].start {
			touch += uint64(t.aux(t.idx[i]).sent[0])
		}
	}
	t.touched += touch
	lx := loadLex()
	lx.markFast(toks, t.mk, t)
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
			lr := t.lexCombo(mk.lexB, mk.lexI)
			add7(&ex[j], &lr[0])
			if j+1 < n {
				add7(&ex[j+1], &lr[1])
			}
			if j >= 1 {
				add7(&ex[j-1], &lr[2])
			}
			if j+2 < n {
				add7(&ex[j+2], &lr[3])
			}
			if j >= 2 {
				add7(&ex[j-2], &lr[4])
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
			add7(&ex[j], &t.aux(t.idx[j]).sent)
		}
	}
	// the words with two of padding on each side: token i's window
	// i-2 … i+2 is pw[i:i+5]
	pw := append(append(append(t.padded[:0], t.bos, t.bos), t.words...), t.eos, t.eos)
	t.padded = pw
	rows := t.rows
	for i := range n {
		w := pw[i : i+5 : i+5]
		// (integer sums: their order does not change them)
		acc := ex[i]
		w[2].addSelf(&acc)
		w[1].addM1(&acc)
		w[3].addP1(&acc)
		add7(&acc, &rows[w[0].m2])
		add7(&acc, &rows[w[4].p2])
		if useBigrams {
			sh := t.stripH(i, n)
			m.addRow(&acc, mix2(tBiM1, t.stripH(i-1, n), sh))
			m.addRow(&acc, mix2(tBiP1, sh, t.stripH(i+1, n)))
		}
		s := (*[nTags]float32)(t.scores[i*nTags : i*nTags+nTags])
		sc := m.scale
		s[0] = float32(acc[0]) * sc
		s[1] = float32(acc[1]) * sc
		s[2] = float32(acc[2]) * sc
		s[3] = float32(acc[3]) * sc
		s[4] = float32(acc[4]) * sc
		s[5] = float32(acc[5]) * sc
		s[6] = float32(acc[6]) * sc
	}
}

// add7 adds b to a (unrolled: nTags is 7).
func add7(a, b *[nTags]int32) {
	a[0] += b[0]
	a[1] += b[1]
	a[2] += b[2]
	a[3] += b[3]
	a[4] += b[4]
	a[5] += b[5]
	a[6] += b[6]
}

// lexCombo is a cache of the lexicon rows of the marks' combinations: a
// token with lexicon bits b (begins) and i (continues) adds rows[0] to
// itself, rows[1] to the next token (which sees it as w-1: tLexM1),
// rows[2] to the previous one (tLexP1), rows[3] and rows[4] two tokens
// after and before (tLexM2, tLexP2).
type lexCombo struct {
	b, i uint64
	ok   bool
	rows [5][nTags]int32
}

// lexCombo returns the rows of marks b and i (computed once per Tagger
// and combination, in a table of 256 by hash: a text has a few).
func (t *Tagger) lexCombo(b, i uint64) *[5][nTags]int32 {
	if t.combos == nil {
		t.combos = new([256]lexCombo)
	}
	c := &t.combos[(b*0x9E3779B97F4A7C15^i*0xC2B2AE3D27D4EB4F)>>56]
	if c.ok && c.b == b && c.i == i {
		return &c.rows
	}
	*c = lexCombo{b: b, i: i, ok: true}
	for k := range c.rows {
		rows := t.lexRows(k)
		for bi, bits := range [2]uint64{b, i} {
			for ; bits != 0; bits &= bits - 1 {
				add7(&c.rows[k], &rows[2*trailingZeros(bits)+bi])
			}
		}
	}
	return &c.rows
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
// of its wordVec: open addressing with linear probing over slots that
// hold the hash and the index (+1; 0 is empty), four to a cache line.

type slot struct {
	h   uint64
	idx int32
}

func slotPos(h uint64, mask uint64) uint64 { return (h * 0x9E3779B97F4A7C15) >> 20 & mask }

// slotOf loads the first slot that lookup(h) reads.
func (t *Tagger) slotOf(h uint64) slot {
	if len(t.slots) == 0 {
		return slot{}
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
		s := &t.slots[i]
		if s.idx == 0 {
			return 0, false
		}
		if s.h == h {
			return s.idx - 1, true
		}
	}
}

// insert adds the wordVec idx, of hash h (not yet in the index).
func (t *Tagger) insert(h uint64, idx int32) {
	if 2*(t.nSlots+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]slot, max(1024, 2*len(old)))
		t.nSlots = 0
		for _, s := range old {
			if s.idx != 0 {
				t.insert(s.h, s.idx-1)
			}
		}
	}
	mask := uint64(len(t.slots) - 1)
	i := slotPos(h, mask)
	for t.slots[i].idx != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = slot{h: h, idx: idx + 1}
	t.nSlots++
}

// resetCache empties the word cache (its arrays are kept) and the rows.
func (t *Tagger) resetCache() {
	t.gen++
	clear(t.slots)
	t.nSlots = 0
	t.nVecs = 0
	t.rows = append(t.rows[:0], [nTags]int32{})
	clear(t.rowIdx)
	clear(t.rowAt)
}
