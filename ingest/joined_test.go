package ingest

import (
	"math/rand"
	"strings"
	"testing"
)

// joinedEquals is strings.Join(words, " ") == s, for words with spaces,
// empty words, and prefixes of each other.
func TestJoinedEquals(t *testing.T) {
	parts := []string{"", " ", "a", "ab", "قال", "قال الوزير", "b "}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 100000; i++ {
		words := make([]string, r.Intn(4))
		for k := range words {
			words[k] = parts[r.Intn(len(parts))]
		}
		var s string
		if r.Intn(2) == 0 {
			s = strings.Join(words, " ")
			if r.Intn(2) == 0 && len(s) > 0 {
				s = s[:r.Intn(len(s))] + s[r.Intn(len(s)):]
			}
		} else {
			w2 := make([]string, r.Intn(4))
			for k := range w2 {
				w2[k] = parts[r.Intn(len(parts))]
			}
			s = strings.Join(w2, " ")
		}
		if got, want := joinedEquals(words, s), strings.Join(words, " ") == s; got != want {
			t.Fatalf("joinedEquals(%q, %q) = %v, want %v", words, s, got, want)
		}
	}
}
