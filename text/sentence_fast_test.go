package text

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// Sentences and Clauses split alike with and without split's fast path,
// on our own sentences and on random mixes of Arabic letters, the
// terminators and separators split looks for, digits, spaces and invalid
// UTF-8 bytes.
func TestSplitFastSameAsSlow(t *testing.T) {
	pieces := []string{"قال", " ", "الوزير", ".", "؟", "؛", "،", ",", ":", "!", "?", ";", "…", "\n", "\r", "\u2028", "»", ")", "2015", "م", "3.5",
		"\xd9", "\xd8", "\xd8\x9f", "\x9f", "\xda\x80", "\xdb\x94", "ۀ", "ـ", "a.b", "Mr.", "U.S", " \u00a0", "\ufeff", "ې"}
	texts := []string{"", "قال الوزير. ثم غادر؟ نعم؛ لا، ربما: هكذا!\nسطر جديد 3.5 مليون في 2015 م. انتهى…", "أ. محمد قال «مرحبا.» ثم ذهب."}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for k := r.Intn(12); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	defer func() { splitFast = true }()
	for _, s := range texts {
		splitFast = true
		fs, fc := Sentences(s), Clauses(s)
		splitFast = false
		ss, sc := Sentences(s), Clauses(s)
		if !reflect.DeepEqual(fs, ss) || !reflect.DeepEqual(fc, sc) {
			t.Fatalf("%q: fast %v %v, slow %v %v", s, fs, fc, ss, sc)
		}
	}
}

func BenchmarkSplitFast(b *testing.B) {
	s := strings.Repeat("وقال الرئيس الفرنسي إن المفاوضات بين الطرفين ستستأنف في القاهرة، بعد اتفاق وقعته الحكومتان في 12 مارس 2019. ", 40)
	for _, fast := range []bool{true, false} {
		name := "fast"
		if !fast {
			name = "slow"
		}
		b.Run(name, func(b *testing.B) {
			splitFast = fast
			defer func() { splitFast = true }()
			for i := 0; i < b.N; i++ {
				Sentences(s)
			}
		})
	}
}
