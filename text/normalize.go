// Package text holds Rasad's Arabic primitives: a normalization key, digit
// folding, a tokenizer that keeps byte offsets into the original text, a
// sentence splitter and a light stemmer.
//
// Nothing here changes stored text: every function returns a key or offsets
// into its input. The key is a matching device (search, alias resolution,
// content hashing), never a replacement for the surface form.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// arabicFold caches foldRune over the Arabic block U+0600–U+06FF.
var arabicFold [256]rune

func init() {
	for i := range arabicFold {
		arabicFold[i] = foldRuneSlow(rune(0x0600 + i))
	}
}

// foldRune maps one rune to its key form. It returns -1 for runes that are
// dropped from the key (diacritics, tatweel, format characters) and the rune
// itself when nothing changes.
func foldRune(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	if r >= 0x0600 && r <= 0x06FF {
		return arabicFold[r-0x0600]
	}
	return foldRuneSlow(r)
}

// foldRuneSlow is foldRune without the table.
func foldRuneSlow(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, // harakat, shadda, sukun, dagger alef
		r >= 0x0610 && r <= 0x061A, // honorific and Quranic small signs
		r >= 0x06D6 && r <= 0x06DC, r >= 0x06DF && r <= 0x06E4,
		r == 0x06E7, r == 0x06E8, r >= 0x06EA && r <= 0x06ED,
		r == 0x0640,                                                     // tatweel
		r == 0x200B, r == 0x200C, r == 0x200D, r == 0x200E, r == 0x200F, // zero width, LRM, RLM
		r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, // bidi embeddings and isolates
		r == 0x061C, r == 0xFEFF, r == 0x00AD: // Arabic letter mark, BOM, soft hyphen
		return -1
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ', 'ٵ':
		return 'ا'
	case 'ى', 'ی', 'ې', 'ۍ', 'ێ':
		return 'ي'
	case 'ک', 'ڪ':
		return 'ك'
	case 'ة', 'ۃ':
		return 'ه'
	case 'ە', 'ہ', 'ھ':
		return 'ه'
	case '،':
		return ','
	case '؛':
		return ';'
	case '؟':
		return '?'
	case '٪':
		return '%'
	case '٫', '۔':
		return '.'
	case '٬':
		return ','
	case '«', '»', '“', '”', '„', '″':
		return '"'
	case '‘', '’', '‚':
		return '\''
	case '–', '—', '‐', '‑', '−':
		return '-'
	case '\u00A0', '\u2007', '\u202F', '\u3000':
		return ' '
	}
	if r >= 0x0660 && r <= 0x0669 {
		return '0' + (r - 0x0660)
	}
	if r >= 0x06F0 && r <= 0x06F9 {
		return '0' + (r - 0x06F0)
	}
	if r < 0x0600 || r > 0x06FF {
		return unicode.ToLower(r)
	}
	return r
}

// needsCompat reports whether r is an Arabic presentation form or another
// compatibility character that NFKC must decompose before folding.
func needsCompat(r rune) bool {
	return (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFC) || (r >= 0xFF00 && r <= 0xFFEF)
}

// KeyRune returns the key form of one rune, or -1 when it is dropped.
func KeyRune(r rune) rune { return foldRune(r) }

// Key returns the normalization key of s: hamza forms of alef to bare alef,
// alef maqsura and Farsi yeh to yeh, Farsi kaf to kaf, teh marbuta to heh,
// no diacritics, tatweel or format characters, Arabic-Indic and Persian digits
// to ASCII, Arabic punctuation to its ASCII counterpart, Latin lowercased,
// presentation forms decomposed, runs of white space folded to one space and
// trimmed. Key is idempotent: Key(Key(s)) == Key(s).
func Key(s string) string {
	if s == "" {
		return ""
	}
	buf, i, space := keyArabic(s)
	if i < len(s) {
		// a rune keyArabic does not read: keySlow's loop goes on from it
		// with the same state, unless some rune needs NFKC (which keySlow
		// applies to the whole string first)
		for _, r := range s[i:] {
			if needsCompat(r) {
				return keySlow(s)
			}
		}
		for j, r := range s[i:] {
			if r == utf8.RuneError {
				if _, size := utf8.DecodeRuneInString(s[i+j:]); size == 1 {
					r = '\uFFFD'
				}
			}
			f := foldRune(r)
			if f < 0 {
				continue
			}
			if unicode.IsSpace(f) {
				space = len(buf) > 0
				continue
			}
			if space {
				buf = append(buf, ' ')
				space = false
			}
			buf = utf8.AppendRune(buf, f)
		}
	}
	if len(buf) == 0 {
		return ""
	}
	return unsafe.String(&buf[0], len(buf))
}

// keyArabic is the start of Key(s) while s holds ASCII and the Arabic
// block (U+0600–U+06FF) only, most of what Key is asked, reading bytes:
// the key of s[:i] (i, the first byte of another rune, or len(s)) and
// whether white space came last (keySlow's state there). On such runes
// Key needs no NFKC (needsCompat holds for none), folds each rune by
// foldRune, and the only white space is ASCII (no rune of the Arabic
// block folds to one: TestArabicFoldNoSpace). TestKeyArabicSameAsSlow
// checks Key against keySlow.
func keyArabic(s string) (buf []byte, i int, space bool) {
	buf = make([]byte, 0, len(s))
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case ' ', '\t', '\n', '\v', '\f', '\r':
				space = len(buf) > 0
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if space {
				buf = append(buf, ' ')
				space = false
			}
			buf = append(buf, c)
			continue
		}
		if c < 0xD8 || c > 0xDB || i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
			return buf, i, space
		}
		f := arabicFold[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)-0x0600]
		i += 2
		if f < 0 {
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		if f < utf8.RuneSelf {
			buf = append(buf, byte(f))
		} else {
			buf = append(buf, byte(0xC0|f>>6), byte(0x80|f&0x3F)) // (every fold of the block is below U+0800)
		}
	}
	return buf, i, space
}

// keySlow is Key for any string.
func keySlow(s string) string {
	for _, r := range s {
		if needsCompat(r) {
			s = norm.NFKC.String(s)
			break
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				// invalid byte: keep U+FFFD so keys stay valid UTF-8
				r = '\uFFFD'
			}
		}
		f := foldRune(r)
		if f < 0 {
			continue
		}
		if unicode.IsSpace(f) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(f)
	}
	return b.String()
}

// wordKey returns the key of one token (no white space inside). When the
// token needs no folding it returns the input itself, so the common case
// allocates nothing; otherwise it allocates the key once.
func wordKey(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if 'A' <= c && c <= 'Z' {
				return foldWord(s, i)
			}
			i++
			continue
		}
		r, size := decode(s, i)
		if r == utf8.RuneError || needsCompat(r) {
			return Key(s)
		}
		if foldRune(r) != r {
			return foldWord(s, i)
		}
		i += size
	}
	return s
}

// foldWord folds s from byte i on, s[:i] being already in key form.
func foldWord(s string, i int) string {
	buf := make([]byte, i, len(s))
	copy(buf, s[:i])
	for _, r := range s[i:] {
		if r == utf8.RuneError || needsCompat(r) || r == ' ' {
			return Key(s)
		}
		f := foldRune(r)
		if f < 0 {
			continue
		}
		if f < utf8.RuneSelf {
			buf = append(buf, byte(f))
		} else {
			buf = utf8.AppendRune(buf, f)
		}
	}
	return string(buf)
}

// FoldDigits returns s with Arabic-Indic and Persian digits replaced by ASCII
// digits and nothing else changed.
func FoldDigits(s string) string {
	idx := strings.IndexFunc(s, isNonASCIIDigit)
	if idx < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isNonASCIIDigit(r) {
			b.WriteRune(foldRune(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isNonASCIIDigit(r rune) bool {
	return (r >= 0x0660 && r <= 0x0669) || (r >= 0x06F0 && r <= 0x06F9)
}

// IsArabicLetter reports whether r is a letter of the Arabic script.
func IsArabicLetter(r rune) bool {
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

// IsDigit reports whether r is an ASCII, Arabic-Indic or Persian digit.
func IsDigit(r rune) bool {
	return (r >= '0' && r <= '9') || isNonASCIIDigit(r)
}

// KeySet is the set of the normalization keys of the space-separated words,
// for rules that look words up by key.
func KeySet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[Key(w)] = true
	}
	return m
}
