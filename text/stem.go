package text

import (
	"strings"
	"unicode/utf8"
)

// Stem returns a light stem of a normalization key (the output of Key for
// one word): the conjunctions و and ف, the article ال alone or after ب ك ف و
// (بال، كال، فال، وال) and لل are removed from the front, and one common
// suffix (ها ان ات ون ين يه ية ه ة ي) from the end, as in Larkey's Light10,
// never leaving fewer than two letters. It is a matching key for search, not
// a morphological analysis: مصطفي and مصطفى, الامريكي and والأمريكي stem
// alike. Non-Arabic keys are returned unchanged.
func Stem(key string) string {
	if key == "" {
		return key
	}
	r, _ := utf8.DecodeRuneInString(key)
	if r < 0x0600 || r > 0x06FF {
		return key
	}
	s := key
	n := runeCount(s)
	// conjunction: و or ف in front of a word of at least four letters
	if n >= 4 && (strings.HasPrefix(s, "و") || strings.HasPrefix(s, "ف")) {
		rest := s[len("و"):]
		if strings.HasPrefix(rest, "ال") || strings.HasPrefix(rest, "لل") || strings.HasPrefix(rest, "بال") || strings.HasPrefix(rest, "كال") {
			s = rest
			n--
		}
	}
	// the article (articlePrefixes, in order): every letter of these
	// prefixes and of the suffixes is two bytes long, so comparing bytes
	// at the ends of s is what HasPrefix and HasSuffix did, without a call
	// per candidate (TestStemSameAsReference)
	switch {
	case n >= 5 && len(s) >= 6 && (s[:6] == "بال" || s[:6] == "كال" || s[:6] == "فال" || s[:6] == "وال"):
		s = s[6:]
		n -= 3
	case n >= 4 && len(s) >= 4 && (s[:4] == "لل" || s[:4] == "ال"):
		s = s[4:]
		n -= 2
	}
	// one suffix (suffixes, in order): two letters, else one
	if l := len(s); n >= 4 && l >= 4 {
		switch s[l-4:] {
		case "ها", "ان", "ات", "ون", "ين", "يه":
			return s[:l-4]
		}
	}
	if l := len(s); n >= 3 && l >= 2 && (s[l-2:] == "ه" || s[l-2:] == "ي") {
		return s[:l-2]
	}
	return s
}

// Variants returns the stems under which a word is indexed: its Stem, and
// for a word of three letters or more that starts with و or ف without the
// article, also the stem of the rest, since that letter is most often a
// conjunction (وماكرون) and sometimes a root letter (وزير). Indexing both and
// querying with Stem finds the word either way.
func Variants(key string) []string {
	st, rest, two := variants(key)
	if two {
		return []string{st, rest}
	}
	return []string{st}
}

// variants returns Variants' stems without a slice: two says whether
// there is a second.
func variants(key string) (st, rest string, two bool) {
	st = Stem(key)
	if (strings.HasPrefix(key, "و") || strings.HasPrefix(key, "ف")) && runeCount(key) >= 3 {
		if r := Stem(key[len("و"):]); r != st && !strings.HasPrefix(key[len("و"):], "ال") {
			return st, r, true
		}
	}
	return st, "", false
}

// StemKeys returns the stems of the word and number tokens of src, in order.
func StemKeys(src string) []string {
	toks := Tokenize(src)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.Kind == Punct {
			continue
		}
		out = append(out, Stem(t.Key))
	}
	return out
}

// IndexStems returns the stems (Variants) of the words of s, separated by
// spaces: what a full-text index holds for s.
func IndexStems(s string) string {
	return indexStems(Tokenize(s), len(s))
}

// IndexStemsTokens is IndexStems over the tokens of a text.
func IndexStemsTokens(toks []Token) string {
	n := 0
	if len(toks) > 0 {
		n = toks[len(toks)-1].End - toks[0].Start
	}
	return indexStems(toks, n)
}

func indexStems(toks []Token, size int) string {
	var b strings.Builder
	b.Grow(size)
	for _, t := range toks {
		if t.Kind == Punct {
			continue
		}
		st, rest, two := variants(t.Key) // Variants(t.Key), without its slice
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(st)
		if two {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(rest)
		}
	}
	return b.String()
}

// StripConj drops a conjunction و or ف written on a key of three letters or
// more (وقال → قال). A key that merely starts with the letter (فجر، وزير) loses
// it too: callers look the whole key up first when that matters.
func StripConj(k string) string {
	// the letter first: most keys do not start with it, and counting
	// runes is what this cost when it came first
	if (strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف")) && runeCount(k) >= 3 {
		return k[len("و"):]
	}
	return k
}

// runeCount is utf8.RuneCountInString (an invalid byte counts as one
// rune), with the two-byte sequences of Arabic script read without a call
// (TestRuneCountSameAsUTF8).
func runeCount(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n
}
