package entities

import (
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/internal/par"
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
	dirtyWords []string        // changed common-word keys (repeats allowed)
	zeroed     map[string]bool // of dirtyWords, the keys whose bare count fell to 0
	dirtyForms map[string]bool

	// neg: a count was ever added with a negative n, so a count may be 0
	// or below after an addition (while it is false, every count is > 0
	// and an addition adds with one map access)
	neg bool

	// text holds what AddText counted and no map holds yet (flush adds
	// it), and the numbering of word forms it counts by, kept for the
	// next batch
	text *textCounts
}

// NewCounts makes empty Counts.
func NewCounts() *Counts {
	return &Counts{common: NewCommonCounter(), docs: map[string]int{}, names: map[string]map[string]int{}, fullDocs: map[string]int{}}
}

// Reset empties c for another use, keeping the room its maps grew to (a
// collection run counts each batch in Counts of about the same size).
func (c *Counts) Reset() {
	clear(c.common.withAl)
	clear(c.common.bare)
	clear(c.common.tanween)
	clear(c.docs)
	clear(c.names)
	clear(c.fullDocs)
	c.words, c.known, c.dirtyWords, c.zeroed, c.dirtyForms = nil, nil, nil, nil, nil
	c.neg = false
	if c.text != nil {
		c.text.reset()
	}
}

// flush adds to c's maps what AddText counted since.
func (c *Counts) flush() {
	if c.text.pending() {
		c.text.flushTo(c)
	}
}

// AddText counts one document's words: src is its text, toks its tokens.
// The counts wait in c's numbered forms (see textCounts) until something
// reads c.
func (c *Counts) AddText(src string, toks []text.Token) {
	if c.text == nil {
		c.text = newTextCounts()
	}
	c.text.add(src, toks)
}

// AddNames counts one document's mentions (those Find gave, or the final
// ones: Extend adds no full name): the surnames of the people named in
// full.
func (c *Counts) AddNames(ms []rasad.Mention) {
	c.flush()
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

// parallelAdd: Add merges the common words and the word forms of o at
// once (two goroutines: they touch different maps) when o has more counts
// than this; parallelWords: Words asks the changed words in parts at once
// when there are this many (variables for the tests).
var parallelAdd, parallelWords = 4096, 2048

// Add adds o's counts to c.
func (c *Counts) Add(o *Counts) { c.AddWordsFirst(o)() }

// Absorb adds o's counts to c as Add does and empties o (Reset): the
// counts AddText left waiting in o are added to those waiting in c where
// they have shared numbers (see textCounts), and go to c's maps directly
// otherwise; then c's go to its maps, each key once.
func (c *Counts) Absorb(o *Counts) {
	if c == o {
		panic("entities: Counts added to itself")
	}
	if o.text.pending() {
		if c.text == nil {
			c.text = newTextCounts()
		}
		o.text.moveTo(c.text, c)
	}
	c.Add(o)
	o.Reset()
	c.flush()
}

// AddWordsFirst adds o's counts to c as Add does, and returns once the
// common-word counts are added: when o is large, the word forms are added
// meanwhile on a goroutine of their own. Until wait is called, only Words
// may be asked of c, and neither c nor o may change.
func (c *Counts) AddWordsFirst(o *Counts) (wait func()) {
	if c == o {
		panic("entities: Counts added to itself")
	}
	o.flush() // (c's waiting counts may wait on: they only add)
	words := func() {
		c.addWords(c.common.withAl, o.common.withAl, false)
		c.addWords(c.common.bare, o.common.bare, true)
		c.addWords(c.common.tanween, o.common.tanween, false)
	}
	forms := func() {
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
	if !o.neg && len(o.common.bare)+len(o.docs) > parallelAdd && runtime.GOMAXPROCS(0) > 1 {
		// every count of o is > 0: neither sets c.neg, which both read (and
		// Words does not touch what forms does)
		done := make(chan struct{})
		go func() { defer close(done); forms() }()
		words()
		return func() { <-done }
	}
	words()
	forms()
	return func() {}
}

// addWords adds the counts of from to the common-word counts m (bare: m
// is c.common.bare).
func (c *Counts) addWords(m, from map[string]int, bare bool) {
	for k, n := range from {
		c.addWord(m, k, n, bare)
	}
}

// bump adds n to m[k], removing a count that falls to 0; it reports
// whether anything changed (n != 0) and whether m[k] is gone (0).
func (c *Counts) bump(m map[string]int, k string, n int) (changed, gone bool) {
	if n <= 0 {
		if n == 0 {
			return false, false
		}
		c.neg = true
	} else if !c.neg {
		m[k] += n // every count is > 0: so is the sum
		return true, false
	}
	if v := m[k] + n; v != 0 {
		m[k] = v
		return true, false
	}
	delete(m, k)
	return true, true
}

// addWord adds n to a common-word count (m[k]; 0 removes it; bare: m is
// c.common.bare).
func (c *Counts) addWord(m map[string]int, k string, n int, bare bool) {
	changed, gone := c.bump(m, k, n)
	if !changed || c.words == nil {
		return
	}
	c.dirtyWords = append(c.dirtyWords, k)
	if gone && bare {
		c.zeroed[k] = true
	}
}

// addForm adds n to a count of a word form (docs, fullDocs).
func (c *Counts) addForm(m map[string]int, k string, n int) {
	if changed, _ := c.bump(m, k, n); !changed {
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
	if n < 0 {
		c.neg = true
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
	c.flush()
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
	c.flush()
	d := sign * int(n)
	switch k.Kind {
	case TallyWithAl:
		c.addWord(c.common.withAl, k.Form, d, false)
	case TallyBare:
		c.addWord(c.common.bare, k.Form, d, true)
	case TallyTanween:
		c.addWord(c.common.tanween, k.Form, d, false)
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
	c.flush()
	if c.words == nil {
		c.words = c.common.Words()
		c.dirtyWords, c.zeroed = nil, map[string]bool{}
		return c.words
	}
	defer func() {
		c.dirtyWords = c.dirtyWords[:0]
		clear(c.zeroed)
	}()
	if recomputeShare > 0 && len(c.dirtyWords)*recomputeShare > len(c.common.bare) {
		// a large batch: recomputing is cheaper than asking each word
		c.words = c.common.Words()
		return c.words
	}
	// the changed words in parts, at once: each part finds the words whose
	// membership may change and those that do (reading the counts only),
	// then the changes are made
	type change struct {
		k    string
		word bool
	}
	parts := 1
	if len(c.dirtyWords) >= parallelWords {
		parts = runtime.GOMAXPROCS(0)
	}
	changes := make([][]change, parts)
	par.Do(parts, func(p int) {
		rd := wordReader{c: c.common, forms: map[string]int{}}
		lo, hi := p*len(c.dirtyWords)/parts, (p+1)*len(c.dirtyWords)/parts
		cand := make(map[string]bool, hi-lo)
		for _, k := range c.dirtyWords[lo:hi] {
			rd.wordsDependingOn(k, c.zeroed, cand)
		}
		for k := range cand {
			if w := rd.isWord(k); w != c.words[k] {
				changes[p] = append(changes[p], change{k, w})
			}
		}
	})
	for _, cs := range changes {
		for _, ch := range cs {
			if ch.word {
				c.words[ch.k] = true
			} else {
				delete(c.words, ch.k)
			}
		}
	}
	return c.words
}

// Known returns the surnames worth looking for alone (Learner.Known over
// the same documents). The map is Counts' own: it stays valid until the
// counts change, and must not be modified.
func (c *Counts) Known() Known {
	c.flush()
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
	c.flush()
	n := len(c.common.withAl) + len(c.common.bare) + len(c.common.tanween) + len(c.docs) + len(c.fullDocs)
	for _, keys := range c.names {
		n += len(keys)
	}
	return n
}

// wordReader asks the counts of a CommonCounter about single words (see
// Counts.Words), with a buffer of its own: readers may run at once.
type wordReader struct {
	c   *CommonCounter
	buf []byte
	// forms remembers verbForms of the verbs written with both ي and ت
	// (asked for the imperfects and the perfect of one verb: three
	// candidates of Words), or is nil
	forms map[string]int
}

// isWord reports whether Words would hold k: the same rules, asked of one
// word (written with the article often enough, with tanween, a conjugated
// imperfect verb with ي or ت, or the perfect of one).
func (rd *wordReader) isWord(k string) bool {
	c := rd.c
	if n := c.withAl[k]; n > 0 && n*4 >= c.bare[k] {
		return true
	}
	if c.tanween[k] > 0 {
		return true
	}
	if rest, ok := strings.CutPrefix(k, "ي"); ok && rd.verb(rest) > 0 {
		return true
	}
	if rest, ok := strings.CutPrefix(k, "ت"); ok && rd.verb(rest) > 0 {
		return true
	}
	// the perfect of a verb (سافر beside يسافر/تسافر/سافرت/سافروا)
	return c.bare[k] > 0 && utf8.RuneCountInString(k) >= 3 && rd.bareOf("", k, "ت") > 0 && (rd.bareOf("", k, "وا") > 0 || rd.bareOf("", k, "ا") > 0) && rd.verbForms(k) >= 3
}

// bareOf is bare[p+k+s], looked up without building the string.
func (rd *wordReader) bareOf(p, k, s string) int {
	rd.buf = append(append(append(rd.buf[:0], p...), k...), s...)
	return rd.c.bare[string(rd.buf)]
}

// verbForms counts the forms of the imperfect ي+rest that Words counts
// (0 when the collection does not write it with both ي and ت).
func (rd *wordReader) verbForms(rest string) int {
	if rd.bareOf("ي", rest, "") <= 0 || rd.bareOf("ت", rest, "") == 0 || utf8.RuneCountInString(rest) < 3 {
		return 0
	}
	if n, ok := rd.forms[rest]; ok {
		return n
	}
	forms := 2
	for _, p := range [...]string{"ن", "سي", "ست", "لي", "لت"} {
		if rd.bareOf(p, rest, "") > 0 {
			forms++
		}
	}
	for _, s := range [...]string{"ون", "ان"} {
		if rd.bareOf("ي", rest, s) > 0 {
			forms++
		}
	}
	if rd.forms != nil {
		rd.forms[rest] = forms
	}
	return forms
}

// verb reports the forms of ي+rest when Words takes it (and ت+rest) for a
// verb, or 0.
func (rd *wordReader) verb(rest string) int {
	forms := rd.verbForms(rest)
	if forms >= 4 || forms == 3 && min(rd.bareOf("ي", rest, ""), rd.bareOf("ت", rest, "")) >= 3 {
		return forms
	}
	return 0
}

// wordsDependingOn adds to out the words whose membership in Words may
// change when the counts of k change: k, and the imperfect (ي+rest, ت+rest)
// and perfect (rest) of every verb k may be a form of, when that verb's
// imperfect ي+rest is counted, or was when Words was last asked (its bare
// count fell to 0 since: zeroed). A verb whose ي+rest the collection did
// not write then and does not now is no verb either time: it moves
// nothing.
func (rd *wordReader) wordsDependingOn(k string, zeroed, out map[string]bool) {
	out[k] = true
	verb := func(rest string) {
		rd.buf = append(append(rd.buf[:0], "ي"...), rest...)
		if rd.c.bare[string(rd.buf)] == 0 && !zeroed[string(rd.buf)] {
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
func (c *Counts) DocFreq(form string) int {
	c.flush()
	return c.docs[form]
}

// foldArabic[b-0x80] is the second byte of the folded letter (foldLetter)
// of the two-byte Arabic letter 0xD8 b (index 0-63) or 0xD9 b (64-127),
// and its first byte in foldLead: every letter foldLetter changes, and
// what it gives, is written with two bytes starting 0xD8 or 0xD9.
var foldArabic, foldLead = func() (second, lead [128]byte) {
	for i := range 128 {
		r := rune(0x600 + i)
		var b [4]byte
		utf8.EncodeRune(b[:], foldLetter(r))
		lead[i], second[i] = b[0], b[1]
	}
	return second, lead
}()

// appendFoldBytes appends k with foldLetter applied to each letter, as
// a loop over its runes would, reading Arabic letters and ASCII byte by
// byte (the word forms of the collection knowledge are folded for every
// word of every article); anything else goes the rune way.
func appendFoldBytes(buf []byte, k string) []byte {
	for i := 0; i < len(k); i++ {
		b := k[i]
		if b < utf8.RuneSelf {
			buf = append(buf, b)
			continue
		}
		if (b == 0xD8 || b == 0xD9) && i+1 < len(k) && k[i+1]&0xC0 == 0x80 {
			j := int(b&1)<<6 | int(k[i+1]&0x3F)
			buf = append(buf, foldLead[j], foldArabic[j])
			i++
			continue
		}
		for _, r := range k[i:] {
			buf = utf8.AppendRune(buf, foldLetter(r))
		}
		return buf
	}
	return buf
}
