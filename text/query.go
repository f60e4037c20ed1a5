package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A search query is words, all of which must match (each through its
// normalization key and stem variants, so spelling differences in hamza,
// alef maqsura, teh marbuta, diacritics and clitics do not matter), with:
//
//	"وزير الخارجية"   a phrase: the words one after another (also «…» and “…”)
//	غزة OR رفح         either (also |); OR binds tighter than the implicit AND
//	-الصين, NOT الصين  no article that has the word (or the phrase)
//
// AND between words is allowed and means nothing more than the space.

// Phrase is one or more words that must follow one another; each word is
// the list of its stem variants (Variants).
type Phrase [][]string

// Query is a parsed search query: every clause must match, a clause when
// one of its phrases does, and no excluded phrase may match.
type Query struct {
	Clauses [][]Phrase
	Not     []Phrase
}

// Plain reports a query of single words only: no phrase, OR or exclusion.
func (q Query) Plain() bool {
	if len(q.Not) > 0 {
		return false
	}
	for _, c := range q.Clauses {
		if len(c) != 1 || len(c[0]) != 1 {
			return false
		}
	}
	return true
}

// HasPhrase reports whether any phrase (wanted or excluded) has more than
// one word, which an index of single stems cannot check by itself.
func (q Query) HasPhrase() bool {
	for _, c := range q.Clauses {
		for _, p := range c {
			if len(p) > 1 {
				return true
			}
		}
	}
	for _, p := range q.Not {
		if len(p) > 1 {
			return true
		}
	}
	return false
}

// Terms returns the wanted words as groups of variants, for snippets.
func (q Query) Terms() [][]string {
	var out [][]string
	seen := map[string]bool{}
	for _, c := range q.Clauses {
		for _, p := range c {
			for _, w := range p {
				k := strings.Join(w, "|")
				if !seen[k] {
					seen[k] = true
					out = append(out, w)
				}
			}
		}
	}
	return out
}

// quote pairs: ASCII, Arabic guillemets, typographic.
var quoteClose = map[rune]rune{'"': '"', '«': '»', '“': '”', '„': '”'}

// ParseQuery parses a search query (see the package comment above Query).
// Operators are ASCII upper case (OR, NOT, AND) so that Arabic words are
// never taken for them.
func ParseQuery(q string) Query {
	var out Query
	neg, or := false, false
	add := func(p Phrase) {
		if len(p) == 0 {
			neg, or = false, false
			return
		}
		switch {
		case neg:
			out.Not = append(out.Not, p)
		case or && len(out.Clauses) > 0:
			last := &out.Clauses[len(out.Clauses)-1]
			*last = append(*last, p)
		default:
			out.Clauses = append(out.Clauses, []Phrase{p})
		}
		neg, or = false, false
	}
	for i := 0; i < len(q); {
		r, size := utf8.DecodeRuneInString(q[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		// a leading minus negates the word or phrase it is written on
		if r == '-' && i+1 < len(q) {
			next, _ := utf8.DecodeRuneInString(q[i+1:])
			if !unicode.IsSpace(next) && next != '-' {
				neg = true
				i++
				continue
			}
		}
		if closeQ, ok := quoteClose[r]; ok {
			j := strings.IndexRune(q[i+size:], closeQ)
			end := len(q)
			if j >= 0 {
				end = i + size + j
			}
			add(phraseOf(q[i+size : end]))
			i = end
			if j >= 0 {
				i += utf8.RuneLen(closeQ)
			}
			continue
		}
		j := i
		for j < len(q) {
			r2, s2 := utf8.DecodeRuneInString(q[j:])
			if unicode.IsSpace(r2) || (j > i && quoteClose[r2] != 0) {
				break
			}
			j += s2
		}
		chunk := q[i:j]
		i = j
		switch chunk {
		case "OR", "|":
			or = true
			continue
		case "NOT":
			neg = true
			continue
		case "AND", "&&":
			continue
		}
		add(phraseOf(chunk))
	}
	return out
}

// phraseOf is the words of s, each with its stem variants.
func phraseOf(s string) Phrase {
	var p Phrase
	for _, t := range Tokenize(s) {
		if t.Kind != Punct {
			p = append(p, Variants(t.Key))
		}
	}
	return p
}

// PhraseIn reports whether the words of p occur one after another in src
// (punctuation between them allowed), each matching by a shared variant.
func PhraseIn(src string, p Phrase) bool {
	if len(p) == 0 {
		return false
	}
	var words [][]string
	for _, t := range Tokenize(src) {
		if t.Kind != Punct {
			words = append(words, Variants(t.Key))
		}
	}
	for i := 0; i+len(p) <= len(words); i++ {
		ok := true
		for k, w := range p {
			if !overlap(words[i+k], w) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
