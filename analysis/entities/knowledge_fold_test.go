package entities

import (
	"math/rand"
	"testing"
	"unicode/utf8"
)

// foldRunes is appendFold as a loop over runes (the reference).
func foldRunes(buf []byte, k string) []byte {
	for _, r := range k {
		buf = utf8.AppendRune(buf, foldLetter(r))
	}
	return buf
}

// appendFold byte by byte gives what the loop over runes gives: on every
// lexicon key, on every Arabic letter and mark alone and in words of our
// own, and on random bytes (broken UTF-8 included).
func TestAppendFoldSameAsRunes(t *testing.T) {
	lx := load()
	var ins []string
	for k := range lx.info {
		ins = append(ins, k)
	}
	for r := rune(0); r < 0x800; r++ {
		ins = append(ins, string(r), "ب"+string(r)+"ت")
	}
	ins = append(ins, "غوتيريش", "قطر", "الصين", "ظاهرة", "ذهب", "ثلاثة", "Ünïcode غ", "پژوهش قطر", "a\xd8", "\xd8\xd8\xb1", "\xd9", "ق\xffق")
	rng := rand.New(rand.NewSource(9))
	alpha := []byte{0xD8, 0xD9, 0xDA, 0xB1, 0x82, 0xBA, 0x8A, 0xA9, 'a', ' ', 0xE2, 0x80, 0x8F, 0xFF, 0xC3, 0xA9}
	for range 200000 {
		b := make([]byte, rng.Intn(12))
		for i := range b {
			if rng.Intn(3) == 0 {
				b[i] = byte(rng.Intn(256))
			} else {
				b[i] = alpha[rng.Intn(len(alpha))]
			}
		}
		ins = append(ins, string(b))
	}
	for _, k := range ins {
		if got, want := string(appendFold([]byte("x"), k)), string(foldRunes([]byte("x"), k)); got != want {
			t.Fatalf("appendFold(%q) = %q, want %q", k, got, want)
		}
	}
}
