package entities

import (
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/text"
)

// referenceTanween is tanween as first written.
func referenceTanween(src string, t text.Token) bool {
	if t.Kind != text.Word {
		return false
	}
	s := src[t.Start:t.End]
	return strings.ContainsRune(s, '\u064B') || strings.ContainsRune(s, '\u064C') || strings.ContainsRune(s, '\u064D')
}

// tanween agrees with referenceTanween on random words of Arabic letters,
// the three tanween marks, their neighbours (U+064A, U+064E), Latin
// letters and broken UTF-8.
func TestTanweenSameAsReference(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	parts := []string{"ق", "ر", "ي", "ب", "ا", "\u064B", "\u064C", "\u064D", "\u064A", "\u064E", "\u0650", "a", "\xd9", "\x8b", "\xd9\xd9\x8c"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		for _, kind := range []text.Kind{text.Word, text.Number} {
			tk := text.Token{Start: 0, End: len(s), Kind: kind}
			if got, want := tanween(s, tk), referenceTanween(s, tk); got != want {
				t.Fatalf("%q kind %v: tanween %v, reference %v", s, kind, got, want)
			}
		}
	}
}

// inCompetitionMemo, with one memo over a text's windows in any order,
// agrees with inCompetition: on texts made of the competitions' own words
// (names of our own assembly, with other words between) and on ant-dev
// articles.
func TestInCompetitionMemoSameAsPlain(t *testing.T) {
	lx := load()
	var words []string
	for _, es := range lx.competitions {
		for _, e := range es {
			words = append(words, e.words...)
		}
	}
	slices.Sort(words)
	if len(words) == 0 {
		t.Fatal("no competition names in the lexicons")
	}
	words = append(words, "في", "قال", "الفريق", "،", "2024")
	r := rand.New(rand.NewPCG(13, 14))
	var srcs []string
	for range 400 {
		var b strings.Builder
		for range 1 + r.IntN(40) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		srcs = append(srcs, b.String())
	}
	for _, d := range testcorpus.Load(t, 100) {
		srcs = append(srcs, d.Text)
	}
	found := 0
	for _, src := range srcs {
		toks := text.Tokenize(src)
		memo := make([]int8, len(toks))
		for range 3 * len(toks) {
			first := r.IntN(len(toks))
			last := min(len(toks)-1, first+r.IntN(4))
			got, want := inCompetitionMemo(lx, toks, first, last, memo), inCompetition(lx, toks, first, last)
			if got != want {
				t.Fatalf("%.60q tokens %d..%d: memo %v, plain %v", src, first, last, got, want)
			}
			if want {
				found++
			}
		}
	}
	if found == 0 {
		t.Error("no window inside a competition: the test tests nothing")
	}
}

// referenceFilterModel is filterModel as first written (every rule
// compared with every one-word given-name person).
func referenceFilterModel(toks []text.Token, rules, ms []rasad.Mention) []rasad.Mention {
	lx := load()
	out := ms[:0]
	for _, m := range ms {
		first := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
		last := sort.Search(len(toks), func(i int) bool { return toks[i].End >= m.End })
		if first >= len(toks) || last >= len(toks) {
			out = append(out, m)
			continue
		}
		if inCompetition(lx, toks, first, last) {
			continue
		}
		if first == last && lx.groupWord(toks[first].Key) {
			continue
		}
		if m.Type == "LOC" && first == last && first > 0 && lx.nisbaCountry(toks[first].Key) && toks[first-1].Kind == text.Word &&
			strings.HasPrefix(toks[first-1].Key, "ال") && !lx.notName[toks[first-1].Key] && len(lx.byFirst[toks[first-1].Key]) == 0 {
			continue
		}
		if m.Type == "PERSON" && first == last && lx.given[text.StripConj(toks[first].Key)] {
			ruled := false
			for _, r := range rules {
				if overlaps(r, m) {
					ruled = true
					break
				}
			}
			if !ruled {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// filterModel agrees with referenceFilterModel on texts of given names
// (from the lexicon), peoples' plurals and other words of our own
// assembly, with random rule spans (sorted or not) and random model
// mentions of every type, one word and longer.
func TestFilterModelSameAsReference(t *testing.T) {
	lx := load()
	var given []string
	for k := range lx.given {
		given = append(given, k)
	}
	slices.Sort(given)
	given = given[:min(len(given), 200)]
	words := append(append([]string{}, given...), "الأكراد", "والفلسطينيين", "قال", "الجماهير", "السعودية", "في", "،", "كأس", "العالم")
	r := rand.New(rand.NewPCG(15, 16))
	types := []string{"PERSON", "LOC", "ORG"}
	dropped := 0
	for range 3000 {
		var b strings.Builder
		for range 1 + r.IntN(30) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		src := b.String()
		toks := text.Tokenize(src)
		span := func() rasad.Mention {
			i := r.IntN(len(toks))
			j := min(len(toks)-1, i+r.IntN(3)*r.IntN(2))
			return rasad.Mention{Span: rasad.Span{Start: toks[i].Start, End: toks[j].End}, Type: types[r.IntN(3)]}
		}
		var rules, ms []rasad.Mention
		for range r.IntN(8) {
			rules = append(rules, span())
		}
		for range r.IntN(10) {
			ms = append(ms, span())
		}
		got := filterModel(toks, rules, slices.Clone(ms))
		want := referenceFilterModel(toks, rules, slices.Clone(ms))
		if !slices.Equal(got, want) {
			t.Fatalf("%.60q rules %v model %v:\ngot  %v\nwant %v", src, rules, ms, got, want)
		}
		dropped += len(ms) - len(want)
	}
	if dropped == 0 {
		t.Error("no mention dropped: the test tests nothing")
	}
}
