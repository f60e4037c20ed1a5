package entities

import (
	"strings"
	"sync"

	"github.com/rasad/rasad/text"
)

// textCounts counts the words of documents (Counts.AddText) by number:
// each distinct token key is read once (its common-word key, its folded
// clitic readings: a tokenInfo), and each of its occurrences then costs one
// map access and a few additions to slices, instead of a string-map access
// for each count and each of its readings. The counts wait here until
// flushTo adds them to a Counts' maps.
//
// The numbers come from one numbering that every textCounts shares
// (sharedNumbers: read under its read lock, so that the parts of a batch
// count at once), which grows by the keys a textCounts met when it is
// reset, up to maxTextKeys token keys; keys it does not hold are numbered
// by the textCounts itself (local, negative numbers ^i) until then.
type textCounts struct {
	local *numbering
	// the counts of the shared numbers (index i) and of the local ones
	// (index i of ^i)
	sForms, lForms []formCount
	sWords, lWords []wordCount
	// alias[i] is the shared number of local form i once the shared
	// numbering holds its key (given by another textCounts), or -1: a
	// document counts a form once, whichever token and number it comes
	// by (aliases are looked for when the shared numbering grew: shared)
	alias  []int32
	shared int

	doc                    uint32  // the document being counted (formCount.doc)
	dirtyForms, dirtyWords []int32 // the numbers with counts to flush
}

// numbering numbers token keys, folded word forms (the TallyDocs forms)
// and common-word keys.
type numbering struct {
	toks    map[string]int32 // token key -> index in infos
	infos   []tokenInfo
	forms   map[string]int32
	formKey []string
	words   map[string]int32
	wordKey []string
}

func newNumbering() *numbering {
	return &numbering{toks: map[string]int32{}, forms: map[string]int32{}, words: map[string]int32{}}
}

// tokenInfo is what AddText reads of a token key (numbers: see textCounts).
type tokenInfo struct {
	word  int32 // its common-word key (commonKey), or none (a short key)
	tanw  int32 // its key for the tanween count (text.StripConj)
	al    bool  // counted with the article (else bare)
	short bool  // fewer than 6 bytes: no common-word counts
	nf    uint8
	forms [3]int32 // its folded clitic readings (cliticVariants)
}

// formCount is the documents counted since the last flush in which a
// form stands, and the last document that counted it.
type formCount struct {
	docs int32
	doc  uint32
}

// wordCount is the occurrences of a common-word key with the article,
// without it and with tanween since the last flush.
type wordCount struct{ al, bare, tanw int32 }

// maxTextKeys bounds the token keys of the shared numbering (a variable
// for the tests). Over ant-dev in batches, 32k keys number 85% of the
// word tokens (64k: 90%, 16k: 74%).
var maxTextKeys = 1 << 15

// sharedNumbers is the numbering every textCounts shares.
var sharedNumbers = struct {
	sync.RWMutex
	n *numbering
}{n: newNumbering()}

func newTextCounts() *textCounts { return &textCounts{local: newNumbering()} }

func (tc *textCounts) form(f int32) *formCount {
	if f >= 0 {
		return &tc.sForms[f]
	}
	return &tc.lForms[^f]
}

func (tc *textCounts) word(w int32) *wordCount {
	if w >= 0 {
		return &tc.sWords[w]
	}
	return &tc.lWords[^w]
}

// add counts one document (see Counts.AddText).
func (tc *textCounts) add(src string, toks []text.Token) {
	sh := &sharedNumbers
	sh.RLock()
	defer sh.RUnlock()
	n := sh.n
	if k := len(n.formKey) - len(tc.sForms); k > 0 {
		tc.sForms = append(tc.sForms, make([]formCount, k)...)
	}
	if k := len(n.wordKey) - len(tc.sWords); k > 0 {
		tc.sWords = append(tc.sWords, make([]wordCount, k)...)
	}
	if len(n.formKey) != tc.shared {
		tc.shared = len(n.formKey)
		for i, k := range tc.local.formKey {
			if tc.alias[i] < 0 {
				if f, ok := n.forms[k]; ok {
					tc.alias[i] = f
				}
			}
		}
	}
	tc.doc++
	if tc.doc == 0 { // wrapped: no form may look counted in this document
		for _, fs := range [][]formCount{tc.sForms, tc.lForms} {
			for i := range fs {
				fs[i].doc = 0
			}
		}
		tc.doc = 1
	}
	doc := tc.doc
	for _, t := range toks {
		if t.Kind != text.Word {
			continue
		}
		var info *tokenInfo
		if ti, ok := n.toks[t.Key]; ok {
			info = &n.infos[ti]
		} else {
			ti, ok := tc.local.toks[t.Key]
			if !ok {
				ti = tc.token(n, t.Key)
			}
			info = &tc.local.infos[ti]
		}
		if !info.short {
			if hasTanween(src, t) {
				wc := tc.touchWord(info.tanw)
				wc.tanw++
			}
			wc := tc.touchWord(info.word)
			if info.al {
				wc.al++
			} else {
				wc.bare++
			}
		}
		for _, f := range info.forms[:info.nf] {
			if f < 0 && tc.alias[^f] >= 0 {
				f = tc.alias[^f]
			}
			if fc := tc.form(f); fc.doc != doc {
				fc.doc = doc
				if fc.docs == 0 {
					tc.dirtyForms = append(tc.dirtyForms, f)
				}
				fc.docs++
			}
		}
	}
}

// touchWord returns the counts of word w, noting that they are about to
// count.
func (tc *textCounts) touchWord(w int32) *wordCount {
	wc := tc.word(w)
	if *wc == (wordCount{}) {
		tc.dirtyWords = append(tc.dirtyWords, w)
	}
	return wc
}

// token numbers the token key k locally (n, the shared numbering, does
// not hold it; its forms and words are numbered by n when it holds them).
func (tc *textCounts) token(n *numbering, k string) int32 {
	l := tc.local
	k = strings.Clone(k) // kept: not a piece of an article's text
	info := tokenInfo{short: len(k) < 6}
	if !info.short {
		ck, al := commonKey(k)
		info.word, info.al = tc.numberWord(n, ck), al
		info.tanw = tc.numberWord(n, text.StripConj(k))
	}
	vs := cliticVariants(k)
	var buf [64]byte
	for _, v := range vs.all() {
		f := appendFold(buf[:0], v.key)
		fi, ok := n.forms[string(f)]
		if !ok {
			if li, ok := l.forms[string(f)]; ok {
				fi = ^li
			} else {
				li = int32(len(l.formKey))
				s := string(f)
				l.forms[s] = li
				l.formKey = append(l.formKey, s)
				tc.lForms = append(tc.lForms, formCount{})
				tc.alias = append(tc.alias, -1)
				fi = ^li
			}
		}
		info.forms[info.nf] = fi
		info.nf++
	}
	ti := int32(len(l.infos))
	l.toks[k] = ti
	l.infos = append(l.infos, info)
	return ti
}

// numberWord is the number of a common-word key: shared, or local (made
// when new).
func (tc *textCounts) numberWord(n *numbering, k string) int32 {
	if w, ok := n.words[k]; ok {
		return w
	}
	l := tc.local
	if w, ok := l.words[k]; ok {
		return ^w
	}
	w := int32(len(l.wordKey))
	l.words[k] = w
	l.wordKey = append(l.wordKey, k)
	tc.lWords = append(tc.lWords, wordCount{})
	return ^w
}

// pending reports counts not yet flushed.
func (tc *textCounts) pending() bool {
	return tc != nil && (len(tc.dirtyWords) > 0 || len(tc.dirtyForms) > 0)
}

// keyOf is the key of number i in the shared numbering's keys (i >= 0)
// or the local ones.
func keyOf(shared, local []string, i int32) string {
	if i >= 0 {
		return shared[i]
	}
	return local[^i]
}

// addWordCount adds a word key's waiting counts (with the article, bare,
// with tanween) to c's common-word maps.
func (c *Counts) addWordCount(k string, wc *wordCount) {
	if wc.al != 0 {
		c.addWord(c.common.withAl, k, int(wc.al), false)
	}
	if wc.bare != 0 {
		c.addWord(c.common.bare, k, int(wc.bare), true)
	}
	if wc.tanw != 0 {
		c.addWord(c.common.tanween, k, int(wc.tanw), false)
	}
}

// flushTo adds the counts waiting in tc to c and empties them.
func (tc *textCounts) flushTo(c *Counts) {
	sh := &sharedNumbers
	sh.RLock()
	defer sh.RUnlock()
	n := sh.n
	for _, w := range tc.dirtyWords {
		wc := tc.word(w)
		c.addWordCount(keyOf(n.wordKey, tc.local.wordKey, w), wc)
		*wc = wordCount{}
	}
	for _, f := range tc.dirtyForms {
		fc := tc.form(f)
		c.addForm(c.docs, keyOf(n.formKey, tc.local.formKey, f), int(fc.docs))
		fc.docs = 0
	}
	tc.dirtyWords, tc.dirtyForms = tc.dirtyWords[:0], tc.dirtyForms[:0]
}

// moveTo adds the counts waiting in tc to those waiting in d where they
// have shared numbers, and to c's maps where tc numbered the key itself;
// it empties them.
func (tc *textCounts) moveTo(d *textCounts, c *Counts) {
	sh := &sharedNumbers
	sh.RLock()
	defer sh.RUnlock()
	n := sh.n
	if k := len(n.formKey) - len(d.sForms); k > 0 {
		d.sForms = append(d.sForms, make([]formCount, k)...)
	}
	if k := len(n.wordKey) - len(d.sWords); k > 0 {
		d.sWords = append(d.sWords, make([]wordCount, k)...)
	}
	for _, w := range tc.dirtyWords {
		wc := tc.word(w)
		if w >= 0 {
			dw := &d.sWords[w]
			if *dw == (wordCount{}) {
				d.dirtyWords = append(d.dirtyWords, w)
			}
			dw.al += wc.al
			dw.bare += wc.bare
			dw.tanw += wc.tanw
		} else {
			c.addWordCount(tc.local.wordKey[^w], wc)
		}
		*wc = wordCount{}
	}
	for _, f := range tc.dirtyForms {
		fc := tc.form(f)
		if f >= 0 {
			df := &d.sForms[f]
			if df.docs == 0 {
				d.dirtyForms = append(d.dirtyForms, f)
			}
			df.docs += fc.docs
		} else {
			c.addForm(c.docs, tc.local.formKey[^f], int(fc.docs))
		}
		fc.docs = 0
	}
	tc.dirtyWords, tc.dirtyForms = tc.dirtyWords[:0], tc.dirtyForms[:0]
}

// reset drops the counts waiting in tc, and gives the keys it numbered
// itself to the shared numbering while that has room.
func (tc *textCounts) reset() {
	for _, w := range tc.dirtyWords {
		*tc.word(w) = wordCount{}
	}
	for _, f := range tc.dirtyForms {
		tc.form(f).docs = 0
	}
	tc.dirtyWords, tc.dirtyForms = tc.dirtyWords[:0], tc.dirtyForms[:0]
	l := tc.local
	if len(l.infos) == 0 {
		return
	}
	sh := &sharedNumbers
	sh.Lock()
	n := sh.n
	for k, ti := range l.toks {
		if len(n.infos) >= maxTextKeys {
			break
		}
		if _, ok := n.toks[k]; ok {
			continue // numbered by another meanwhile
		}
		info := l.infos[ti]
		if !info.short {
			info.word = n.shareWord(keyOf(n.wordKey, l.wordKey, info.word))
			info.tanw = n.shareWord(keyOf(n.wordKey, l.wordKey, info.tanw))
		}
		for j, f := range info.forms[:info.nf] {
			info.forms[j] = n.shareForm(keyOf(n.formKey, l.formKey, f))
		}
		n.toks[k] = int32(len(n.infos))
		n.infos = append(n.infos, info)
	}
	sh.Unlock()
	clear(l.toks)
	clear(l.forms)
	clear(l.words)
	clear(l.formKey)
	clear(l.wordKey)
	l.infos, l.formKey, l.wordKey = l.infos[:0], l.formKey[:0], l.wordKey[:0]
	tc.lForms, tc.lWords, tc.alias = tc.lForms[:0], tc.lWords[:0], tc.alias[:0]
}

// shareWord is the number of a common-word key in n (added when new).
func (n *numbering) shareWord(k string) int32 {
	if w, ok := n.words[k]; ok {
		return w
	}
	w := int32(len(n.wordKey))
	n.words[k] = w
	n.wordKey = append(n.wordKey, k)
	return w
}

// shareForm is the number of a folded form in n (added when new).
func (n *numbering) shareForm(k string) int32 {
	if f, ok := n.forms[k]; ok {
		return f
	}
	f := int32(len(n.formKey))
	n.forms[k] = f
	n.formKey = append(n.formKey, k)
	return f
}
