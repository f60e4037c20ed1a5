package text

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/rasad/rasad/internal/testcorpus"
)

// A KeyFilter says "may have" for every key added (never a false no), on
// our own words, random strings and ant-dev keys; and it rules out most
// keys that were not added (a filter that says yes to everything would
// pass the first test and be of no use).
func TestKeyFilterHasEveryKey(t *testing.T) {
	words := strings.Fields("في من على الى قال الرئيس وزير الخارجية اجتماع لقاء وقع اتفاقيه ا و ab")
	words = append(words, "", "\xd9")
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		b := make([]byte, r.Intn(20))
		r.Read(b)
		words = append(words, string(b))
	}
	if docs, ok := testcorpus.LoadIfPresent(t, 300); ok {
		for _, d := range docs {
			for _, tok := range Tokenize(d.Text) {
				words = append(words, tok.Key)
			}
		}
	}
	var f KeyFilter
	in := map[string]bool{}
	for i, w := range words {
		if i%10 == 0 {
			f.Add(w)
			in[w] = true
		}
	}
	no, out := 0, 0
	for _, w := range words {
		if in[w] {
			if !f.MayHave(w) {
				t.Fatalf("%q added, MayHave says no", w)
			}
			continue
		}
		out++
		if !f.MayHave(w) {
			no++
		}
	}
	if out > 0 && no*10 < out*7 {
		t.Errorf("filter of %d keys rules out only %d of %d other keys", len(in), no, out)
	}
	t.Logf("%d keys added; %d of %d others ruled out", len(in), no, out)
}

// BenchmarkKeyFilter times MayHave against a map lookup on ant-dev keys.
func BenchmarkKeyFilter(b *testing.B) {
	var keys []string
	for _, d := range testcorpus.Load(b, 300) {
		for _, tok := range Tokenize(d.Text) {
			keys = append(keys, tok.Key)
		}
	}
	var f KeyFilter
	m := map[string]bool{}
	for i, k := range keys {
		if i%50 == 0 {
			f.Add(k)
			m[k] = true
		}
	}
	b.Run("filter", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for _, k := range keys {
				if f.MayHave(k) {
					n++
				}
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for _, k := range keys {
				if m[k] {
					n++
				}
			}
		}
	})
}
