package entities

import (
	"strings"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// Kinds of the counts (rasad.TallyKey.Kind) that Counts keeps.
const (
	// TallyWithAl counts the occurrences of a word written with the article
	// ال, TallyBare those without it, TallyTanween those with tanween: the
	// common words of the collection (see CommonWords).
	TallyWithAl  = 'a'
	TallyBare    = 'b'
	TallyTanween = 't'
	// TallyDocs counts the documents in which a word form (a folded clitic
	// reading of a word) appears: how often a surname stands alone (see
	// Learner.Known), for every form, so that a surname learned later is
	// judged by the documents counted before it too.
	TallyDocs = 'd'
	// TallyName counts the documents that name Key in full with the
	// surname form Form; TallyFull the documents that name anyone in full
	// with that form (see Learner).
	TallyName = 'n'
	TallyFull = 'f'
)

// Counts is the collection knowledge of entity recognition as counts that
// add up: what CommonCounter, Learner and KnownCounter gather, for every
// word form, so that the knowledge of a collection is the sum of its
// documents' counts whatever the order or batches they came in. Words and
// Known give what CommonWordsOf and Learner.Known give over the same
// documents.
type Counts struct {
	common   *CommonCounter
	docs     map[string]int
	names    map[string]map[string]int // surname form -> full-name key -> docs
	fullDocs map[string]int

	// words and known are what Words and Known last returned, brought up
	// to date from the keys changed since (dirtyWords, dirtyForms) rather
	// than recomputed from every count: a small batch on a large store
	// costs what the batch changed.
	words      map[string]bool
	known      Known
	dirtyWords map[string]bool
	dirtyForms map[string]bool

	seen map[string]bool // AddText's, reused
}

// NewCounts makes empty Counts.
func NewCounts() *Counts {
	return &Counts{common: NewCommonCounter(), docs: map[string]int{}, names: map[string]map[string]int{}, fullDocs: map[string]int{}}
}

// AddText counts one document's words: src is its text, toks its tokens.
func (c *Counts) AddText(src string, toks []text.Token) {
	if c.words == nil {
		c.common.Add(src, toks)
	} else {
		one := NewCommonCounter()
		one.Add(src, toks)
		for k, n := range one.withAl {
			c.addWord(c.common.withAl, k, n)
		}
		for k, n := range one.bare {
			c.addWord(c.common.bare, k, n)
		}
		for k, n := range one.tanween {
			c.addWord(c.common.tanween, k, n)
		}
	}
	if c.seen == nil {
		c.seen = make(map[string]bool, 2*len(toks))
	}
	seen := c.seen
	defer clear(seen)
	var buf []byte
	for _, t := range toks {
		if t.Kind != text.Word {
			continue
		}
		vs := cliticVariants(t.Key)
		for _, v := range vs.all() {
			buf = appendFold(buf[:0], v.key)
			if !seen[string(buf)] {
				s := string(buf)
				seen[s] = true
				c.addForm(c.docs, s, 1)
			}
		}
	}
}

// AddNames counts one document's mentions (those Find gave, or the final
// ones: Extend adds no full name): the surnames of the people named in
// full.
func (c *Counts) AddNames(ms []rasad.Mention) {
	seen := map[string]bool{}
	pairs := map[[2]string]bool{}
	for _, m := range ms {
		sf := surnameForm(m)
		if sf == "" {
			continue
		}
		if !seen[sf] {
			seen[sf] = true
			c.addForm(c.fullDocs, sf, 1)
		}
		if nf := [2]string{sf, m.Key}; !pairs[nf] {
			pairs[nf] = true
			c.addName(sf, m.Key, 1)
		}
	}
}

// Add adds o's counts to c.
func (c *Counts) Add(o *Counts) {
	for k, n := range o.common.withAl {
		c.addWord(c.common.withAl, k, n)
	}
	for k, n := range o.common.bare {
		c.addWord(c.common.bare, k, n)
	}
	for k, n := range o.common.tanween {
		c.addWord(c.common.tanween, k, n)
	}
	for k, n := range o.docs {
		c.addForm(c.docs, k, n)
	}
	for sf, keys := range o.names {
		for k, n := range keys {
			c.addName(sf, k, n)
		}
	}
	for k, n := range o.fullDocs {
		c.addForm(c.fullDocs, k, n)
	}
}

// bump adds n to m[k], removing a count that falls to 0; it reports
// whether anything changed (n != 0).
func bump(m map[string]int, k string, n int) bool {
	if n == 0 {
		return false
	}
	if v := m[k] + n; v != 0 {
		m[k] = v
	} else {
		delete(m, k)
	}
	return true
}

// addWord adds n to a common-word count (m[k]; 0 removes it).
func (c *Counts) addWord(m map[string]int, k string, n int) {
	if !bump(m, k, n) {
		return
	}
	if c.words != nil {
		c.dirtyWords[k] = true
	}
}

// addForm adds n to a count of a word form (docs, fullDocs).
func (c *Counts) addForm(m map[string]int, k string, n int) {
	if !bump(m, k, n) {
		return
	}
	// Known reads the counts of the forms that name someone: a form that
	// names nobody yet is judged when it does (addName marks it)
	if c.known != nil && c.names[k] != nil {
		c.dirtyForms[k] = true
	}
}

func (c *Counts) addName(sf, key string, n int) {
	if n == 0 {
		return
	}
	keys := c.names[sf]
	if keys == nil {
		keys = map[string]int{}
		c.names[sf] = keys
	}
	if v := keys[key] + n; v != 0 {
		keys[key] = v
	} else if delete(keys, key); len(keys) == 0 {
		delete(c.names, sf)
	}
	if c.known != nil {
		c.dirtyForms[sf] = true
	}
}

// Tallies returns the counts as store rows.
func (c *Counts) Tallies() rasad.Tallies {
	out := make(rasad.Tallies, len(c.common.withAl)+len(c.common.bare)+len(c.common.tanween)+len(c.docs)+2*len(c.fullDocs))
	put := func(kind byte, m map[string]int) {
		for k, n := range m {
			if n != 0 {
				out[rasad.TallyKey{Kind: kind, Form: k}] = int64(n)
			}
		}
	}
	put(TallyWithAl, c.common.withAl)
	put(TallyBare, c.common.bare)
	put(TallyTanween, c.common.tanween)
	put(TallyDocs, c.docs)
	put(TallyFull, c.fullDocs)
	for sf, keys := range c.names {
		for k, n := range keys {
			if n != 0 {
				out[rasad.TallyKey{Kind: TallyName, Form: sf, Key: k}] = int64(n)
			}
		}
	}
	return out
}

// AddTally adds one stored count (sign -1 subtracts it); it reports false
// for a kind Counts does not keep.
func (c *Counts) AddTally(k rasad.TallyKey, n int64, sign int) bool {
	d := sign * int(n)
	switch k.Kind {
	case TallyWithAl:
		c.addWord(c.common.withAl, k.Form, d)
	case TallyBare:
		c.addWord(c.common.bare, k.Form, d)
	case TallyTanween:
		c.addWord(c.common.tanween, k.Form, d)
	case TallyDocs:
		c.addForm(c.docs, k.Form, d)
	case TallyFull:
		c.addForm(c.fullDocs, k.Form, d)
	case TallyName:
		c.addName(k.Form, k.Key, d)
	default:
		return false
	}
	return true
}

// AddTallies adds stored counts (sign -1 subtracts them).
func (c *Counts) AddTallies(t rasad.Tallies, sign int) {
	for k, n := range t {
		c.AddTally(k, n, sign)
	}
}

// recomputeShare: Words recomputes every word when more than this share
// of the words changed since it was last asked (0: never; a variable for
// the tests).
var recomputeShare = 2

// Words returns the common words of the documents counted (what
// CommonWordsOf gives over them). The map is Counts' own: it stays valid
// until the counts change, and must not be modified.
func (c *Counts) Words() map[string]bool {
	if c.words == nil {
		c.words = c.common.Words()
		c.dirtyWords = map[string]bool{}
		return c.words
	}
	if recomputeShare > 0 && len(c.dirtyWords)*recomputeShare > len(c.common.bare) {
		// a large batch: recomputing is cheaper than asking each word
		c.words = c.common.Words()
		clear(c.dirtyWords)
		return c.words
	}
	cand := map[string]bool{}
	for k := range c.dirtyWords {
		c.common.wordsDependingOn(k, c.dirtyWords, cand)
	}
	for k := range cand {
		if c.common.isWord(k) {
			c.words[k] = true
		} else {
			delete(c.words, k)
		}
	}
	clear(c.dirtyWords)
	return c.words
}

// Known returns the surnames worth looking for alone (Learner.Known over
// the same documents). The map is Counts' own: it stays valid until the
// counts change, and must not be modified.
func (c *Counts) Known() Known {
	if c.known == nil {
		c.known = Known{}
		c.dirtyForms = map[string]bool{}
		for sf := range c.names {
			if full := c.knownOf(sf); full != "" {
				c.known[sf] = full
			}
		}
		return c.known
	}
	for sf := range c.dirtyForms {
		if full := c.knownOf(sf); full != "" {
			c.known[sf] = full
		} else {
			delete(c.known, sf)
		}
	}
	clear(c.dirtyForms)
	return c.known
}

// knownOf is the full-name key a surname form stands for in Known, or ""
// (Learner.Known: one full name, and not standing alone in many more
// documents than name the person in full).
func (c *Counts) knownOf(sf string) string {
	var full string
	for k, n := range c.names[sf] {
		if n <= 0 {
			continue
		}
		if full != "" {
			return "" // ambiguous
		}
		full = k
	}
	if full == "" {
		return ""
	}
	if bare := c.docs[sf] - c.fullDocs[sf]; bare > 3*c.fullDocs[sf]+3 {
		return ""
	}
	return full
}

// Len is the number of counts kept.
func (c *Counts) Len() int {
	n := len(c.common.withAl) + len(c.common.bare) + len(c.common.tanween) + len(c.docs) + len(c.fullDocs)
	for _, keys := range c.names {
		n += len(keys)
	}
	return n
}

// isWord reports whether Words would hold k: the same rules, asked of one
// word (written with the article often enough, with tanween, a conjugated
// imperfect verb with ي or ت, or the perfect of one).
func (c *CommonCounter) isWord(k string) bool {
	if n := c.withAl[k]; n > 0 && n*4 >= c.bare[k] {
		return true
	}
	if c.tanween[k] > 0 {
		return true
	}
	if rest, ok := strings.CutPrefix(k, "ي"); ok && c.verb(rest) > 0 {
		return true
	}
	if rest, ok := strings.CutPrefix(k, "ت"); ok && c.verb(rest) > 0 {
		return true
	}
	// the perfect of a verb (سافر beside يسافر/تسافر/سافرت/سافروا)
	return c.bare[k] > 0 && utf8.RuneCountInString(k) >= 3 && c.bareOf("", k, "ت") > 0 && (c.bareOf("", k, "وا") > 0 || c.bareOf("", k, "ا") > 0) && c.verbForms(k) >= 3
}

// bareOf is bare[p+k+s], looked up without building the string.
func (c *CommonCounter) bareOf(p, k, s string) int {
	c.buf = append(append(append(c.buf[:0], p...), k...), s...)
	return c.bare[string(c.buf)]
}

// verbForms counts the forms of the imperfect ي+rest that Words counts
// (0 when the collection does not write it with both ي and ت).
func (c *CommonCounter) verbForms(rest string) int {
	if c.bareOf("ي", rest, "") <= 0 || c.bareOf("ت", rest, "") == 0 || utf8.RuneCountInString(rest) < 3 {
		return 0
	}
	forms := 2
	for _, p := range [...]string{"ن", "سي", "ست", "لي", "لت"} {
		if c.bareOf(p, rest, "") > 0 {
			forms++
		}
	}
	for _, s := range [...]string{"ون", "ان"} {
		if c.bareOf("ي", rest, s) > 0 {
			forms++
		}
	}
	return forms
}

// verb reports the forms of ي+rest when Words takes it (and ت+rest) for a
// verb, or 0.
func (c *CommonCounter) verb(rest string) int {
	forms := c.verbForms(rest)
	if forms >= 4 || forms == 3 && min(c.bareOf("ي", rest, ""), c.bareOf("ت", rest, "")) >= 3 {
		return forms
	}
	return 0
}

// wordsDependingOn adds to out the words whose membership in Words may
// change when the counts of k change: k, and the imperfect (ي+rest, ت+rest)
// and perfect (rest) of every verb k may be a form of, when that verb's
// imperfect ي+rest is counted or changed too (dirty): a verb the
// collection never wrote with ي moves nothing.
func (c *CommonCounter) wordsDependingOn(k string, dirty, out map[string]bool) {
	out[k] = true
	verb := func(rest string) {
		c.buf = append(append(c.buf[:0], "ي"...), rest...)
		if c.bare[string(c.buf)] == 0 && !dirty[string(c.buf)] {
			return
		}
		out["ي"+rest] = true
		out["ت"+rest] = true
		out[rest] = true
	}
	for _, p := range [...]string{"ي", "ت", "ن", "سي", "ست", "لي", "لت"} {
		if rest, ok := strings.CutPrefix(k, p); ok {
			verb(rest)
		}
	}
	for _, suf := range [...]string{"ون", "ان"} {
		if y, ok := strings.CutSuffix(k, suf); ok {
			if rest, ok := strings.CutPrefix(y, "ي"); ok {
				verb(rest)
			}
		}
	}
	verb(k) // k as a perfect
	for _, suf := range [...]string{"ت", "وا", "ا"} {
		if past, ok := strings.CutSuffix(k, suf); ok {
			verb(past)
		}
	}
}

// DocFreq is the number of documents counted in which the folded word
// form (a Known key) appears.
func (c *Counts) DocFreq(form string) int { return c.docs[form] }
