package entities

import (
	"strings"

	"github.com/rasad/rasad/text"
)

// textCounts counts the words of documents (Counts.AddText) by number:
// each distinct token key is read once (its common-word key, its folded
// clitic readings), and each of its occurrences then costs one map access
// and a few additions to slices, instead of a string-map access for each
// count and each of its readings. The counts wait here until flush adds
// them to a Counts' maps; the numbering is kept for the next documents
// (and the next batch after Counts.Reset), up to maxTextKeys token keys.
type textCounts struct {
	toks  map[string]int32 // token key -> index in infos
	infos []tokenInfo

	// folded word forms (the TallyDocs forms): key, documents counted
	// since the last flush, and the last document that counted it
	forms    map[string]int32
	formKey  []string
	formDocs []int32
	formDoc  []uint32

	// common-word keys: key and the occurrences with the article, without
	// it and with tanween since the last flush
	words              map[string]int32
	wordKey            []string
	withAl, bare, tanw []int32

	doc                    uint32  // the document being counted (formDoc)
	dirtyForms, dirtyWords []int32 // the entries with counts to flush
}

// tokenInfo is what AddText reads of a token key.
type tokenInfo struct {
	word  int32 // its common-word key (commonKey), or -1 (a short key)
	tanw  int32 // its key for the tanween count (text.StripConj), or -1
	al    bool  // counted with the article (else bare)
	nf    uint8
	forms [3]int32 // its folded clitic readings (cliticVariants)
}

// maxTextKeys bounds the token keys a textCounts keeps numbered between
// batches (a variable for the tests).
var maxTextKeys = 1 << 16

func newTextCounts() *textCounts {
	return &textCounts{toks: map[string]int32{}, forms: map[string]int32{}, words: map[string]int32{}}
}

// add counts one document (see Counts.AddText).
func (tc *textCounts) add(src string, toks []text.Token) {
	tc.doc++
	if tc.doc == 0 { // wrapped: no form may look counted in this document
		clear(tc.formDoc)
		tc.doc = 1
	}
	doc := tc.doc
	for _, t := range toks {
		if t.Kind != text.Word {
			continue
		}
		ti, ok := tc.toks[t.Key]
		if !ok {
			ti = tc.token(t.Key)
		}
		info := &tc.infos[ti]
		if w := info.word; w >= 0 {
			if info.tanw >= 0 && hasTanween(src, t) {
				tc.touchWord(info.tanw)
				tc.tanw[info.tanw]++
			}
			tc.touchWord(w)
			if info.al {
				tc.withAl[w]++
			} else {
				tc.bare[w]++
			}
		}
		for _, f := range info.forms[:info.nf] {
			if tc.formDoc[f] != doc {
				tc.formDoc[f] = doc
				if tc.formDocs[f] == 0 {
					tc.dirtyForms = append(tc.dirtyForms, f)
				}
				tc.formDocs[f]++
			}
		}
	}
}

// touchWord notes that word entry w is about to count.
func (tc *textCounts) touchWord(w int32) {
	if tc.withAl[w] == 0 && tc.bare[w] == 0 && tc.tanw[w] == 0 {
		tc.dirtyWords = append(tc.dirtyWords, w)
	}
}

// token numbers the token key k.
func (tc *textCounts) token(k string) int32 {
	k = strings.Clone(k) // kept: not a piece of an article's text
	info := tokenInfo{word: -1, tanw: -1}
	if len(k) >= 6 {
		ck, al := commonKey(k)
		info.word, info.al = tc.word(ck), al
		info.tanw = tc.word(text.StripConj(k))
	}
	vs := cliticVariants(k)
	var buf [64]byte
	for _, v := range vs.all() {
		f := appendFold(buf[:0], v.key)
		fi, ok := tc.forms[string(f)]
		if !ok {
			fi = int32(len(tc.formKey))
			s := string(f)
			tc.forms[s] = fi
			tc.formKey = append(tc.formKey, s)
			tc.formDocs = append(tc.formDocs, 0)
			tc.formDoc = append(tc.formDoc, 0)
		}
		info.forms[info.nf] = fi
		info.nf++
	}
	ti := int32(len(tc.infos))
	tc.toks[k] = ti
	tc.infos = append(tc.infos, info)
	return ti
}

// word numbers a common-word key.
func (tc *textCounts) word(k string) int32 {
	if w, ok := tc.words[k]; ok {
		return w
	}
	w := int32(len(tc.wordKey))
	tc.words[k] = w
	tc.wordKey = append(tc.wordKey, k)
	tc.withAl = append(tc.withAl, 0)
	tc.bare = append(tc.bare, 0)
	tc.tanw = append(tc.tanw, 0)
	return w
}

// pending reports counts not yet flushed.
func (tc *textCounts) pending() bool {
	return tc != nil && (len(tc.dirtyWords) > 0 || len(tc.dirtyForms) > 0)
}

// flushTo adds the counts waiting in tc to c and empties them.
func (tc *textCounts) flushTo(c *Counts) {
	for _, w := range tc.dirtyWords {
		k := tc.wordKey[w]
		if n := tc.withAl[w]; n != 0 {
			c.addWord(c.common.withAl, k, int(n), false)
		}
		if n := tc.bare[w]; n != 0 {
			c.addWord(c.common.bare, k, int(n), true)
		}
		if n := tc.tanw[w]; n != 0 {
			c.addWord(c.common.tanween, k, int(n), false)
		}
		tc.withAl[w], tc.bare[w], tc.tanw[w] = 0, 0, 0
	}
	for _, f := range tc.dirtyForms {
		c.addForm(c.docs, tc.formKey[f], int(tc.formDocs[f]))
		tc.formDocs[f] = 0
	}
	tc.dirtyWords, tc.dirtyForms = tc.dirtyWords[:0], tc.dirtyForms[:0]
}

// reset drops the counts waiting in tc, and the numbering when it grew
// past maxTextKeys.
func (tc *textCounts) reset() {
	for _, w := range tc.dirtyWords {
		tc.withAl[w], tc.bare[w], tc.tanw[w] = 0, 0, 0
	}
	for _, f := range tc.dirtyForms {
		tc.formDocs[f] = 0
	}
	tc.dirtyWords, tc.dirtyForms = tc.dirtyWords[:0], tc.dirtyForms[:0]
	if len(tc.infos) > maxTextKeys {
		*tc = *newTextCounts()
	}
}
