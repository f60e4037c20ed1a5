package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/rasad/rasad/internal/testcorpus"
)

// No rune of the Arabic block folds to white space or past U+07FF: what
// keyArabic assumes.
func TestArabicFoldNoSpace(t *testing.T) {
	for i, f := range arabicFold {
		if f >= 0 && (unicode.IsSpace(f) || f >= 0x800) {
			t.Errorf("U+%04X folds to %U", 0x0600+i, f)
		}
	}
}

// Key (through keyArabic where it can) gives what keySlow gives: on
// random strings of ASCII (capitals, white space, controls), every rune of
// the Arabic block, other runes (Latin-1, no-break space, presentation
// forms, format characters) and broken UTF-8; on sentences of our own; and
// on the lines and words of ant-dev articles.
func TestKeyArabicSameAsSlow(t *testing.T) {
	var parts []string
	for c := 0; c < 0x80; c++ {
		parts = append(parts, string(rune(c)))
	}
	for r := rune(0x0600); r <= 0x06FF; r++ {
		parts = append(parts, string(r), string(r))
	}
	parts = append(parts, "é", "Ä", "\u00A0", "\u0085", "\u2007", "\uFEFB", "\uFB50", "\u200C", "\u202B", "«", "—", "\xd8", "\xd9\x41", "\x80", "\xdb", "  ", "\t\n")
	check := func(s string) {
		t.Helper()
		if got, want := Key(s), keySlow(s); got != want {
			t.Fatalf("%q: Key %q, keySlow %q", s, got, want)
		}
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 300000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		check(b.String())
	}
	for _, s := range []string{"", " ", "\t", "قال  الوزيرُ\tإنَّ", "  الأمم المتحدة  ", "ABC def", "مؤتمر COP28 في دبي", "٢٠٢٤ و۲۰۲۴", "ـــالـــ", "؟،؛"} {
		check(s)
	}
	docs, _ := testcorpus.LoadIfPresent(t, 200)
	for _, d := range docs {
		for _, line := range strings.Split(d.Text, "\n") {
			check(line)
			for _, w := range strings.Fields(line) {
				check(w)
			}
		}
	}
}
