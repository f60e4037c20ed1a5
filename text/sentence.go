package text

import (
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Sentences splits src into sentences and returns their spans, trimmed of
// white space. A sentence ends at a line break, or at . ! ? ؟ ۔ ؛ (with any
// closing quotes or brackets after it) followed by white space or the end.
// A full stop between digits (2.5), inside a dotted abbreviation (سي.إن.إن,
// أ.ف.ب) or after a one-letter word (د. محمد) ends nothing.
func Sentences(src string) []Span {
	return split(src, false)
}

// Clauses is like Sentences but also ends a clause at the Arabic and Latin
// comma and the colon, which is what extraction rules need to keep an actor,
// an action and a date from different clauses apart.
func Clauses(src string) []Span {
	return split(src, true)
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '»', '”', '’', ')', ']', '}', '›':
		return true
	}
	return false
}

// splitFast turns split's fast path on (TestSplitFastSameAsSlow turns it
// off to compare).
var splitFast = true

// splitASCII marks the ASCII bytes split looks at.
var splitASCII = func() (t [utf8.RuneSelf]bool) {
	for _, c := range "\n\r.!?;,:" {
		t[c] = true
	}
	return t
}()

func split(src string, clauses bool) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := trimSpan(src, start, end)
		if e > s {
			out = append(out, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(src); {
		// fast path: a byte or an Arabic letter that no case below takes
		if c := src[i]; !splitFast {
		} else if c < utf8.RuneSelf {
			if !splitASCII[c] {
				i++
				continue
			}
		} else if c >= 0xD8 && c <= 0xDA && i+1 < len(src) && src[i+1]&0xC0 == 0x80 {
			// U+0600–U+06BF: no terminator but ؟ ؛ ، (D8 9F, D8 9B, D8 8C)
			if c2 := src[i+1]; c != 0xD8 || (c2 != 0x9F && c2 != 0x9B && c2 != 0x8C) {
				i += 2
				continue
			}
		}
		r, size := decode(src, i)
		switch r {
		case '\n', '\r', '\u2028', '\u2029':
			emit(i)
			i += size
			start = i
			continue
		case '.', '!', '?', '؟', '۔', '؛', ';', '…':
			j := i + size
			// a run of terminators ("..", "?!") ends together
			for j < len(src) {
				r2, s2 := decode(src, j)
				if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '؟' || r2 == '…' {
					j += s2
					continue
				}
				break
			}
			for j < len(src) {
				r2, s2 := decode(src, j)
				if !isCloser(r2) {
					break
				}
				j += s2
			}
			if r == '.' && j == i+size && !periodEnds(src, i) {
				i += size
				continue
			}
			if j < len(src) {
				r2, _ := decode(src, j)
				if !unicode.IsSpace(r2) {
					i = j
					continue
				}
			}
			emit(j)
			i = j
			continue
		case '،', ',', ':':
			if clauses && !(r == ',' && betweenDigits(src, i, size)) {
				emit(i + size)
				i += size
				continue
			}
		}
		i += size
	}
	emit(len(src))
	return out
}

// periodEnds decides whether a single full stop at i can end a sentence.
func periodEnds(src string, i int) bool {
	if betweenDigits(src, i, 1) {
		return false
	}
	// the word before the period
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(src[:j])
		if !isWordRune(r) {
			break
		}
		j -= size
	}
	word := src[j:i]
	if n := utf8.RuneCountInString(word); n == 1 {
		// one-letter abbreviation, unless an era marker after a year (2015 م.)
		r, _ := utf8.DecodeRuneInString(word)
		if (r == 'م' || r == 'ه') && precededByNumber(src, j) {
			return true
		}
		return false
	}
	return true
}

func precededByNumber(src string, j int) bool {
	k := j
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(src[:k])
		if r == ' ' {
			k -= size
			continue
		}
		return IsDigit(r)
	}
	return false
}

func betweenDigits(src string, i, size int) bool {
	if i == 0 || i+size >= len(src) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(src[:i])
	after, _ := utf8.DecodeRuneInString(src[i+size:])
	return IsDigit(before) && IsDigit(after)
}

func trimSpan(src string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(src[s:e])
		if !unicode.IsSpace(r) && r != 0xFEFF {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(src[s:e])
		if !unicode.IsSpace(r) && r != 0xFEFF {
			break
		}
		e -= size
	}
	return s, e
}

// Lines returns the spans of the lines of src (without their line breaks),
// including empty ones, so that line i of the text is Lines(src)[i].
func Lines(src string) []Span {
	var out []Span
	start := 0
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			end := i
			if end > start && src[end-1] == '\r' {
				end--
			}
			out = append(out, Span{start, end})
			start = i + 1
		}
	}
	if start < len(src) {
		end := len(src)
		if src[end-1] == '\r' {
			end--
		}
		out = append(out, Span{start, end})
	}
	return out
}
