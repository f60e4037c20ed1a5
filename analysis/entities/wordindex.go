package entities

// What Find learns of a word form, kept by its place in the tagger's word
// cache (ner.Tagger.WordIndex): a word seen before costs buildWords no
// lexicon lookup. Everything here is what buildWords would compute; a
// test checks that both agree.

import (
	"slices"

	"github.com/rasad/rasad/analysis/ner"
	"github.com/rasad/rasad/text"
)

// taggerBox is a tagger with what buildWords learned of the words of its
// word cache, by their places there.
type taggerBox struct {
	t    *ner.Tagger
	gen  uint64    // the cache's generation that ents belong to
	ents []wordEnt // by place in the word cache
	// touched keeps fill's prefetching loads
	touched int32
}

// wordEnt is what the lexicons say of a word form: buildWords' fields of
// a word (infos, flags, kflags, ktokens), in 32 bytes (two to a cache
// line; the entries of the frequent words, which come first, are few
// lines).
type wordEnt struct {
	refs    [3]uint32 // infoRef of each reading (0: none)
	ktokens int32     // the own key's nameTokens + 1; 0: not known yet
	flags   uint64
	kflags  uint64
}

// infoRef is where infoOf(k) is: its slot in infoSlots + 1, 0 for a key
// the lexicons say nothing of, and ok false for a key of info that has no
// slot (longer than slotKeyMax: infoOf reads the map).
func (l *lexicons) infoRef(k string) (ref uint32, ok bool) {
	h := keyHash(k)
	if hb := h >> (64 - infoBitsLog); l.infoBits[hb>>6]&(1<<(hb&63)) == 0 {
		return 0, true
	}
	if len(k) == 0 || len(k) > slotKeyMax {
		return 0, l.info[k] == nil
	}
	mask := uint64(len(l.infoSlots) - 1)
	for i := slotOf(h, mask); ; i = (i + 1) & mask {
		s := &l.infoSlots[i]
		if s.klen == 0 {
			return 0, true
		}
		if int(s.klen) == len(k) && string(s.key[:len(k)]) == k {
			return uint32(i) + 1, true
		}
	}
}

// infoAt is the keyInfo of an infoRef.
func (l *lexicons) infoAt(ref uint32) *keyInfo {
	if ref == 0 {
		return nil
	}
	return &l.infoSlots[ref-1].ki
}

// entsFor readies b.ents for the places of a word cache of generation
// gen, the largest place being top.
func (b *taggerBox) entsFor(gen uint64, top int32) []wordEnt {
	if b.gen != gen {
		clear(b.ents) // (the cache was emptied: its places hold other words)
		b.gen = gen
	}
	if n := int(top) + 1; n > len(b.ents) {
		n, old := max(n, 2*len(b.ents)), len(b.ents)
		b.ents = slices.Grow(b.ents, n-old)[:n]
		clear(b.ents[old:])
	}
	return b.ents
}

// fill sets the lexicons' fields of the words ws of toks (buildWords'
// second loop) from the box, learning the new forms; false when the
// tagger has no word cache (the reference path), and nothing is set.
func (b *taggerBox) fill(lx *lexicons, ws []word, src string, toks []text.Token) bool {
	idx, gen := b.t.WordIndex(src, toks)
	if idx == nil && len(toks) > 0 {
		return false
	}
	var top int32
	for _, x := range idx {
		top = max(top, x)
	}
	ents := b.entsFor(gen, top)
	// the entries' lines first, in a loop of their own (independent loads
	// that the processor overlaps)
	var touch int32
	for i := range ws {
		touch += ents[idx[ws[i].tok]].ktokens
	}
	b.touched += touch
	for i := range ws {
		w := &ws[i]
		e := &ents[idx[w.tok]]
		if e.ktokens == 0 && !learn(lx, e, w) {
			w.lookUp(lx) // (a reading longer than a slot: looked up each time)
			continue
		}
		for j := range w.vars.n {
			w.infos[j] = lx.infoAt(e.refs[j])
		}
		w.flags, w.kflags, w.ktokens = e.flags, e.kflags, e.ktokens-1
	}
	return true
}

// learn fills e for the word form of w (its readings: the same surface
// has the same key), unless a reading has no infoRef.
func learn(lx *lexicons, e *wordEnt, w *word) bool {
	var x wordEnt
	for j, v := range w.vars.all() {
		ref, ok := lx.infoRef(v.key)
		if !ok {
			return false
		}
		x.refs[j] = ref
		if ki := lx.infoAt(ref); ki != nil {
			x.flags |= ki.flags
		}
	}
	if ki := lx.infoAt(x.refs[0]); ki != nil {
		x.kflags, x.ktokens = ki.flags, ki.tokens
	}
	x.ktokens++
	*e = x
	return true
}
