package text

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rasad/rasad/internal/testcorpus"
)

// refAppendTokens is AppendTokens as it was before the word scan noted
// whether a word needs folding: every word's key was wordKey of it. Kept
// as the identity reference (TestTokenizeSameAsReference).
func refAppendTokens(dst []Token, src string) []Token {
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

// Tokenize gives the tokens of the reference on our own sentences, on
// random mixes of letters that fold and letters that do not (hamza forms,
// teh marbuta, alef maqsura, harakat, tatweel, presentation forms, Latin
// capitals, digits, invalid bytes) and on the ant-dev texts when present.
func TestTokenizeSameAsReference(t *testing.T) {
	pieces := []string{"قال", "الوزير", "أحمد", "إلى", "آخر", "مدرسة", "على", "مُحَمَّد", "ـ", "ـــ", "ﻻ", "ﷲ", "ＡＢ", "Abc", "abc", "ZZ",
		"2015", "٢٠١٥", "۱۲", "3.5", "٫", " ", "\n", "\t", "\u00a0", "\u200c", "\u200d", "\u200f", "\ufeff", ".", "،", "«", "»", "\xd9", "\x80",
		"\xef\xbf\xbd", "ی", "ک", "ۀ", "é", "É", "ß", "Ω", "日本", "\u0670", "\u0610", "ٱ", "\u00ad", "-", "—", "%"}
	texts := []string{"", "قال الوزير أحمد: «سنعود إلى المدرسة» في ٢٠١٥ ـ Reuters ABC."}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 100000; i++ {
		var b strings.Builder
		for k := r.Intn(10); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	if docs, ok := testcorpus.LoadIfPresent(t, 2000); ok {
		for _, d := range docs {
			texts = append(texts, d.Text)
		}
	}
	for _, s := range texts {
		got, want := AppendTokens(nil, s), refAppendTokens(nil, s)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", s, got, want)
		}
	}
}

// BenchmarkTokenizeReference is BenchmarkTokenize with the reference, for
// the speed ratio.
func BenchmarkTokenizeReference(b *testing.B) {
	texts := benchTexts(b)
	var buf []Token
	defer cpuMBs(b, texts)()
	for b.Loop() {
		for _, t := range texts {
			buf = refAppendTokens(buf[:0], t)
		}
	}
}

// runeCount counts as utf8.RuneCountInString on our own words, on random
// mixes of one- to four-byte runes and invalid bytes, and on random bytes.
func TestRuneCountSameAsUTF8(t *testing.T) {
	pieces := []string{"و", "قال", "a", "é", "日", "😀", "\xd9", "\x80", "\xc0\x80", "\xe0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc2", "\xdf\xbf", ""}
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 100000; i++ {
		var b strings.Builder
		for k := r.Intn(8); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		raw := make([]byte, r.Intn(12))
		r.Read(raw)
		for _, s := range []string{b.String(), string(raw)} {
			if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
				t.Fatalf("runeCount(%q) = %d, utf8 %d", s, got, want)
			}
		}
	}
}

// BenchmarkRuneCount compares runeCount with utf8.RuneCountInString on
// words of a sentence of our own.

func BenchmarkRuneCount(b *testing.B) {
	words := strings.Fields(Key("وقال الرئيس الفرنسي إن المفاوضات بين الطرفين ستستأنف في القاهرة والرياض بعد اتفاقيات وقعتها الحكومتان وبالتالي فالمدرسة للمدرسين"))
	n := 0
	b.Run("runeCount", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, w := range words {
				n += runeCount(w)
			}
		}
	})
	b.Run("utf8", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, w := range words {
				n += utf8.RuneCountInString(w)
			}
		}
	})
}
