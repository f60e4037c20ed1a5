package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

const (
	// Word is a run of letters (with their diacritics and tatweel).
	Word Kind = iota + 1
	// Number is a run of digits, with decimal or thousands separators between digits.
	Number
	// Punct is one punctuation or symbol character.
	Punct
)

func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	}
	return "unknown"
}

// Token is a span of the original text with its normalization key.
// Start and End are byte offsets: the surface is always src[Start:End].
type Token struct {
	Start, End int
	Kind       Kind
	Key        string
}

// Surface returns the token's text in src.
func (t Token) Surface(src string) string { return src[t.Start:t.End] }

func isWordRune(r rune) bool {
	if r < 0x80 {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	}
	if r >= 0x0621 && r <= 0x065F { // Arabic letters, tatweel and harakat
		return true
	}
	if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) {
		return true
	}
	switch r {
	case 0x0640, 0x200C, 0x200D: // tatweel, ZWNJ, ZWJ inside words
		return true
	}
	return false
}

func isNumberSep(r rune) bool {
	switch r {
	case '.', ',', 0x066B, 0x066C: // Arabic decimal and thousands separators
		return true
	}
	return false
}

// Tokenize splits src into word, number and punctuation tokens, skipping
// white space. Offsets index src; invalid UTF-8 bytes become one-byte
// punctuation tokens with key U+FFFD and never break offsets.
func Tokenize(src string) []Token {
	// about 9.4 bytes a token in news text (median; 1% of ant-dev has
	// more tokens than len/8, and grows the slice once)
	toks := make([]Token, 0, len(src)/8+16)
	return AppendTokens(toks, src)
}

// AppendTokens appends the tokens of src to dst and returns it.
func AppendTokens(dst []Token, src string) []Token {
	i := 0
	for i < len(src) {
		r, size := decode(src, i)
		switch {
		case r >= 0x0621 && r <= 0x065F || r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'):
			// a word, told without the tests below (the commonest case;
			// none of them holds for these runes)
			dst, i = appendWord(dst, src, i, r, size)
		case r == utf8.RuneError && size == 1:
			dst = append(dst, Token{Start: i, End: i + 1, Kind: Punct, Key: "\uFFFD"})
			i++
		case r == ' ' || r == '\n':
			i++
		case unicode.IsSpace(r) || r == 0xFEFF || r == 0x200B || r == 0x200E || r == 0x200F || r == 0x061C:
			i += size
		case IsDigit(r):
			j := i + size
			for j < len(src) {
				r2, s2 := decode(src, j)
				if IsDigit(r2) {
					j += s2
					continue
				}
				if isNumberSep(r2) && j+s2 < len(src) {
					r3, _ := decode(src, j+s2)
					if IsDigit(r3) {
						j += s2
						continue
					}
				}
				break
			}
			dst = append(dst, Token{Start: i, End: j, Kind: Number, Key: wordKey(src[i:j])})
			i = j
		case isWordRune(r):
			dst, i = appendWord(dst, src, i, r, size)
		default:
			k := wordKey(src[i : i+size])
			if k == "" {
				i += size
				continue
			}
			dst = append(dst, Token{Start: i, End: i + size, Kind: Punct, Key: k})
			i += size
		}
	}
	return dst
}

// appendWord appends the word token that starts at src[i] with the word
// rune r of size bytes, and returns the offset after it. The run of word
// runes is read once: a word none of whose runes needs folding is its own
// key, as wordKey would return it; otherwise the key is folded from the
// first rune that needs it on (what wordKey does after its own scan),
// or made by Key when that rune is an invalid byte or a compatibility
// form (TestTokenizeSameAsReference).
func appendWord(dst []Token, src string, i int, r rune, size int) ([]Token, int) {
	first := -1 // offset of the first rune that needs folding
	if needsFold(r) {
		first = i
	}
	j := i + size
	for j < len(src) {
		c := src[j]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				j++
				continue
			}
			if 'A' <= c && c <= 'Z' {
				if first < 0 {
					first = j
				}
				j++
				continue
			}
			break // no other ASCII byte is a word rune
		}
		r2, s2 := decode(src, j)
		if r2 >= 0x0621 && r2 <= 0x065F { // Arabic letters and harakat
			if first < 0 && arabicFold[r2-0x0600] != r2 {
				first = j
			}
			j += s2
			continue
		}
		if !isWordRune(r2) {
			break
		}
		if first < 0 && needsFold(r2) {
			first = j
		}
		j += s2
	}
	w := src[i:j]
	k := w
	if first >= 0 {
		if c, _ := decode(src, first); c == utf8.RuneError || needsCompat(c) {
			k = Key(w)
		} else {
			k = foldWord(w, first-i)
		}
	}
	if k == "" {
		// a lone run of tatweel is a dash ("بيروت ـ أ ف ب"); a lone
		// diacritic has nothing to match
		if strings.Trim(w, "\u0640") == "" {
			dst = append(dst, Token{Start: i, End: j, Kind: Punct, Key: "-"})
		}
		return dst, j
	}
	return append(dst, Token{Start: i, End: j, Kind: Word, Key: k}), j
}

// needsFold reports whether wordKey changes a word because of r: an
// upper-case Latin letter, a rune the key drops or maps, a compatibility
// form, or an invalid byte.
func needsFold(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return r == utf8.RuneError || needsCompat(r) || foldRune(r) != r
}

// decode reads the rune at s[i], with a fast path for the two-byte
// sequences that Arabic script is written in.
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c <= 0xDF && i+1 < len(s) {
		if c2 := s[i+1]; c2&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c2&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}
