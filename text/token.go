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
	toks := make([]Token, 0, len(src)/6+1)
	return AppendTokens(toks, src)
}

// AppendTokens appends the tokens of src to dst and returns it.
func AppendTokens(dst []Token, src string) []Token {
	i := 0
	for i < len(src) {
		r, size := decode(src, i)
		switch {
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
			j := i + size
			for j < len(src) {
				r2, s2 := decode(src, j)
				if !isWordRune(r2) {
					break
				}
				j += s2
			}
			k := wordKey(src[i:j])
			if k == "" {
				// a lone run of tatweel is a dash ("بيروت ـ أ ف ب"); a lone
				// diacritic has nothing to match
				if strings.Trim(src[i:j], "\u0640") == "" {
					dst = append(dst, Token{Start: i, End: j, Kind: Punct, Key: "-"})
				}
				i = j
				continue
			}
			dst = append(dst, Token{Start: i, End: j, Kind: Word, Key: k})
			i = j
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
