package ner

import (
	"strings"

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

// wordVec is what a word form contributes to the emission scores.
type wordVec struct {
	v      [5][nTags]int32 // as the word itself, w-1, w+1, w-2, w+2
	stripH uint64          // hash of its clitic-stripped form (bigrams)
	strip  string          // its clitic-stripped form (propagation)
	cands  []lexEntry      // lexicon phrases that may start with it
	sent   [nTags]int32    // the sentence-start features, when it starts one
}

const (
	asSelf = iota
	asM1
	asP1
	asM2
	asP2
)

// maxCache bounds the word forms a Tagger keeps (about 250 bytes each, 32 MB
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

// vecOf computes a word form's contributions.
func (m *Model) vecOf(src string, t text.Token) *wordVec {
	var ti tokInfo
	setSlots(&ti, src, t)
	wv := &wordVec{stripH: ti.h[sStrip], strip: strings.Clone(ti.val[sStrip])}
	if t.Kind != text.Punct {
		wv.cands = loadLex().candidates(t.Key)
	}
	m.addRow(&wv.sent, mix(tSentStart, 0))
	m.addRow(&wv.sent, mix(tSentShape, ti.h[sShape]))
	m.addRow(&wv.v[asSelf], mix(tBias, 0))
	for s, tp := range selfTemplates {
		if ti.val[s] == "" && s != sClitic {
			continue
		}
		m.addRow(&wv.v[asSelf], mix(tp, ti.h[s]))
	}
	for _, c := range neighbourTemplates {
		m.addRow(&wv.v[c.as], mix(c.t, ti.h[c.s]))
	}
	return wv
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
	if t.cache == nil || len(t.cache) > maxCache {
		t.cache = make(map[uint64]*wordVec, 1024)
		t.bos, t.eos = m.edgeVec(hashBOS), m.edgeVec(hashEOS)
	}
	t.words = t.words[:0]
	for _, tk := range toks {
		h := hashString(src[tk.Start:tk.End])
		wv := t.cache[h]
		if wv == nil {
			wv = m.vecOf(src, tk)
			t.cache[h] = wv
		}
		t.words = append(t.words, wv)
	}
	if cap(t.ti) < len(toks) {
		t.ti = make([]tokInfo, len(toks))
	}
	t.ti = t.ti[:len(toks)]
	lx := loadLex()
	marks(src, toks, lx, hints, t.ti, func(i int) []lexEntry { return t.words[i].cands })
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
			if j < 0 || j >= n || t.ti[j].lexB|t.ti[j].lexI == 0 {
				continue
			}
			rows := t.lexRows(c.t - tLex)
			for bi, bits := range [2]uint64{t.ti[j].lexB, t.ti[j].lexI} {
				for ; bits != 0; bits &= bits - 1 {
					r := &rows[2*trailingZeros(bits)+bi]
					for x := range acc {
						acc[x] += r[x]
					}
				}
			}
		}
		for _, c := range [...]struct{ t, off int }{{tHint, 0}, {tHintM1, -1}, {tHintP1, 1}} {
			if j := i + c.off; j >= 0 && j < n && t.ti[j].hint != "" {
				m.addRow(&acc, mix(c.t, hashString(t.ti[j].hint)))
			}
		}
		if t.ti[i].start {
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
