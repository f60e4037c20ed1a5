package text

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// refStem is Stem as first written (a loop of HasPrefix and HasSuffix
// over the lists below): the reference the byte-comparing Stem must match.
func refStem(key string) string {
	if key == "" {
		return key
	}
	r, _ := utf8.DecodeRuneInString(key)
	if r < 0x0600 || r > 0x06FF {
		return key
	}
	s := key
	n := utf8.RuneCountInString(s)
	if n >= 4 && (strings.HasPrefix(s, "و") || strings.HasPrefix(s, "ف")) {
		rest := s[len("و"):]
		if strings.HasPrefix(rest, "ال") || strings.HasPrefix(rest, "لل") || strings.HasPrefix(rest, "بال") || strings.HasPrefix(rest, "كال") {
			s = rest
			n--
		}
	}
	for _, p := range refArticlePrefixes {
		if strings.HasPrefix(s, p) && n-utf8.RuneCountInString(p) >= 2 {
			s = s[len(p):]
			n -= utf8.RuneCountInString(p)
			break
		}
	}
	for _, suf := range refSuffixes {
		if strings.HasSuffix(s, suf) && n-utf8.RuneCountInString(suf) >= 2 {
			s = s[:len(s)-len(suf)]
			break
		}
	}
	return s
}

var refArticlePrefixes = []string{"بال", "كال", "فال", "وال", "لل", "ال"}
var refSuffixes = []string{"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"}

// TestStemSameAsReference compares Stem with refStem on every word made of
// a conjunction, an article, a stem of 0-4 letters and a suffix (each
// possibly absent), on random strings of Arabic letters mixed with other
// scripts and digits, and on the words of our own sentences.
func TestStemSameAsReference(t *testing.T) {
	check := func(w string) {
		t.Helper()
		if got, want := Stem(w), refStem(w); got != want {
			t.Fatalf("Stem(%q) = %q, reference %q", w, got, want)
		}
	}
	conj := []string{"", "و", "ف"}
	arts := append([]string{""}, refArticlePrefixes...)
	sufs := append([]string{""}, refSuffixes...)
	letters := []string{"", "ب", "ل", "ا", "و", "ي", "ه", "ن", "ت", "كت", "بال", "مدرس", "ي9", "aب"}
	for _, c := range conj {
		for _, a := range arts {
			for _, m := range letters {
				for _, m2 := range letters {
					for _, s := range sufs {
						check(c + a + m + m2 + s)
					}
				}
			}
		}
	}
	alphabet := []rune("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىة0aé中\u200d")
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 200000; i++ {
		n := r.Intn(9)
		var b strings.Builder
		for k := 0; k < n; k++ {
			if r.Intn(3) == 0 {
				b.WriteRune(alphabet[r.Intn(12)+20]) // و ي ه ن ل … more often
			} else {
				b.WriteRune(alphabet[r.Intn(len(alphabet))])
			}
		}
		check(b.String())
	}
	for _, w := range strings.Fields("وبالتالي فالمدرسة والكتاب للمدرسين بالقاهرة كالعادة وفلسطين فيه بيت لهم ولها اتفاقيات المفاوضات المصرية") {
		check(Key(w))
	}
}

func BenchmarkStem(b *testing.B) {
	words := strings.Fields(Key("وقال الرئيس الفرنسي إن المفاوضات بين الطرفين ستستأنف في القاهرة والرياض بعد اتفاقيات وقعتها الحكومتان وبالتالي فالمدرسة للمدرسين"))
	b.Run("new", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, w := range words {
				Stem(w)
			}
		}
	})
	b.Run("reference", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, w := range words {
				refStem(w)
			}
		}
	})
}
