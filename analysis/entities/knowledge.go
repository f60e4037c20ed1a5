package entities

import (
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

type nameForm struct{ form, key string }

// Counts is the collection knowledge of entity recognition as counts that
// add up: what CommonCounter, Learner and KnownCounter gather, for every
// word form, so that the knowledge of a collection is the sum of its
// documents' counts whatever the order or batches they came in. Words and
// Known give what CommonWordsOf and Learner.Known give over the same
// documents.
type Counts struct {
	common   *CommonCounter
	docs     map[string]int
	names    map[nameForm]int
	fullDocs map[string]int
}

// NewCounts makes empty Counts.
func NewCounts() *Counts {
	return &Counts{common: NewCommonCounter(), docs: map[string]int{}, names: map[nameForm]int{}, fullDocs: map[string]int{}}
}

// AddText counts one document's words: src is its text, toks its tokens.
func (c *Counts) AddText(src string, toks []text.Token) {
	c.common.Add(src, toks)
	seen := make(map[string]bool, len(toks))
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
				c.docs[s]++
			}
		}
	}
}

// AddNames counts one document's mentions (those Find gave, or the final
// ones: Extend adds no full name): the surnames of the people named in
// full.
func (c *Counts) AddNames(ms []rasad.Mention) {
	seen := map[string]bool{}
	pairs := map[nameForm]bool{}
	for _, m := range ms {
		sf := surnameForm(m)
		if sf == "" {
			continue
		}
		if !seen[sf] {
			seen[sf] = true
			c.fullDocs[sf]++
		}
		if nf := (nameForm{sf, m.Key}); !pairs[nf] {
			pairs[nf] = true
			c.names[nf]++
		}
	}
}

// Add adds o's counts to c.
func (c *Counts) Add(o *Counts) {
	for k, n := range o.common.withAl {
		c.common.withAl[k] += n
	}
	for k, n := range o.common.bare {
		c.common.bare[k] += n
	}
	for k, n := range o.common.tanween {
		c.common.tanween[k] += n
	}
	for k, n := range o.docs {
		c.docs[k] += n
	}
	for k, n := range o.names {
		c.names[k] += n
	}
	for k, n := range o.fullDocs {
		c.fullDocs[k] += n
	}
}

// Tallies returns the counts as store rows.
func (c *Counts) Tallies() rasad.Tallies {
	out := make(rasad.Tallies, len(c.common.withAl)+len(c.common.bare)+len(c.common.tanween)+len(c.docs)+2*len(c.names))
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
	for k, n := range c.names {
		if n != 0 {
			out[rasad.TallyKey{Kind: TallyName, Form: k.form, Key: k.key}] = int64(n)
		}
	}
	return out
}

// AddTally adds one stored count (sign -1 subtracts it); it reports false
// for a kind Counts does not keep.
func (c *Counts) AddTally(k rasad.TallyKey, n int64, sign int) bool {
	d := sign * int(n)
	add := func(m map[string]int) {
		if v := m[k.Form] + d; v != 0 {
			m[k.Form] = v
		} else {
			delete(m, k.Form)
		}
	}
	switch k.Kind {
	case TallyWithAl:
		add(c.common.withAl)
	case TallyBare:
		add(c.common.bare)
	case TallyTanween:
		add(c.common.tanween)
	case TallyDocs:
		add(c.docs)
	case TallyFull:
		add(c.fullDocs)
	case TallyName:
		nf := nameForm{k.Form, k.Key}
		if v := c.names[nf] + d; v != 0 {
			c.names[nf] = v
		} else {
			delete(c.names, nf)
		}
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

// Words returns the common words of the documents counted (CommonWordsOf).
func (c *Counts) Words() map[string]bool { return c.common.Words() }

// Known returns the surnames worth looking for alone (Learner.Known).
func (c *Counts) Known() Known {
	l := &Learner{known: Known{}, fullDocs: c.fullDocs}
	for nf, n := range c.names {
		if n <= 0 {
			continue
		}
		if prev, ok := l.known[nf.form]; !ok {
			l.known[nf.form] = nf.key
		} else if prev != nf.key {
			l.known[nf.form] = "" // ambiguous
		}
	}
	return (&KnownCounter{l: l, bareDocs: c.docs}).Known()
}

// Len is the number of counts kept.
func (c *Counts) Len() int {
	return len(c.common.withAl) + len(c.common.bare) + len(c.common.tanween) + len(c.docs) + len(c.names) + len(c.fullDocs)
}
