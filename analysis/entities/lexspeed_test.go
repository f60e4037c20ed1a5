package entities

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// infoOf answers what the map info does, for every key it holds and for
// the words (and clitic readings) of sentences of our own.
func TestInfoOfSameAsMap(t *testing.T) {
	lx := load()
	for k, ki := range lx.info {
		if got := lx.infoOf(k); got != ki {
			t.Fatalf("infoOf(%q) = %p, info %p", k, got, ki)
		}
		if got, want := lx.known(k), len(lx.byFirst[k]) > 0 || lx.given[k]; got != want {
			t.Fatalf("known(%q) = %v, want %v", k, got, want)
		}
	}
	for k := range lx.given {
		if !lx.known(k) {
			t.Fatalf("given name %q not known", k)
		}
	}
	for k := range lx.byFirst {
		if !lx.known(k) {
			t.Fatalf("phrase start %q not known", k)
		}
	}
	for k := range lx.competitions {
		if ki := lx.infoOf(k); ki == nil || ki.flags&fCompetition == 0 {
			t.Fatalf("competition start %q has no flag", k)
		}
	}
	if len(lx.competitions) == 0 {
		t.Fatal("no competitions")
	}
	for _, src := range []string{
		"قال وزير الخارجية كريم منصور للصحفيين في باريس وبالقاهرة إن الأمم المتحدة ستجتمع",
		"وأعلن نادي الوادي ضم اللاعب ماركو بيلوني من فريق الساحل لموسمين",
		"xyz 2024 ، ؟ فللمدينة وكالجبل",
	} {
		for _, tk := range text.Tokenize(src) {
			vs := cliticVariants(tk.Key)
			for _, v := range vs.all() {
				if got, want := lx.infoOf(v.key), lx.info[v.key]; got != want {
					t.Fatalf("infoOf(%q) = %p, info %p", v.key, got, want)
				}
				if got, want := lx.known(v.key), len(lx.byFirst[v.key]) > 0 || lx.given[v.key]; got != want {
					t.Fatalf("known(%q) = %v, want %v", v.key, got, want)
				}
			}
		}
	}
}

// A phrase of two words or more is found only where keyInfo.next has the
// second word's bit: every such phrase of the lexicons has it.
func TestNextBitsCoverPhrases(t *testing.T) {
	lx := load()
	n := 0
	for two, es := range lx.byTwo {
		for _, e := range es {
			ki := lx.infoOf(e.words[0])
			if ki == nil || !ki.multi || ki.next&nextBit(e.words[1]) == 0 {
				t.Fatalf("%q (%q): no next bit for its second word", e.words, two)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no phrases")
	}
	// and a sentence of our own finds its phrases as before
	ms := Find("اجتمع مجلس الأمن الدولي في نيويورك مع وفد الأمم المتحدة", text.Tokenize("اجتمع مجلس الأمن الدولي في نيويورك مع وفد الأمم المتحدة"), Options{})
	found := map[string]bool{}
	for _, m := range ms {
		found[m.Text] = true
	}
	for _, want := range []string{"مجلس الأمن الدولي", "نيويورك", "الأمم المتحدة"} {
		if !found[want] {
			t.Errorf("%q not found in %v", want, ms)
		}
	}
}

// referenceNameKey is NameKey as first written (a new token list and
// string per call).
func referenceNameKey(name string) string {
	var b strings.Builder
	var words []string
	for _, t := range text.Tokenize(name) {
		if t.Kind == text.Word {
			words = append(words, t.Key)
		}
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		if (w == "عبد" || w == "ابو") && i+1 < len(words) {
			w += words[i+1]
			i++
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(skeleton(w))
	}
	return b.String()
}

// NameKey with its pooled buffers gives the keys of the reference, on
// names of our own, edge cases and every word pair of a few sentences,
// called in turn so that buffers are reused.
func TestNameKeySameAsReference(t *testing.T) {
	names := []string{"", "#", "عبد", "أبو", "عبد الفتاح السيسي", "أبو ريدا", "جان-بول سارتر", "#كريم_منصور", "«ليلى» حداد",
		"ستولتنبرغ", "غوتيريش", "Marco Belloni", "محمد بن عبد الله", "عبد الله ابو"}
	for _, src := range []string{
		"قال وزير الخارجية كريم منصور للصحفيين في باريس إن الأمم المتحدة ستجتمع",
		"التقى عبد الرحمن أبو زيد نظيره إيمانويل غونزاليز في ستوكهولم",
	} {
		toks := text.Tokenize(src)
		for i := range toks {
			for j := i; j < len(toks) && j < i+4; j++ {
				names = append(names, src[toks[i].Start:toks[j].End])
			}
		}
	}
	for round := range 2 {
		for _, n := range names {
			if got, want := NameKey(n), referenceNameKey(n); got != want {
				t.Fatalf("round %d: NameKey(%q) = %q, reference %q", round, n, got, want)
			}
		}
	}
}

// combine writing over the rules' own array (as withModel does for the
// longer and gated policies) keeps what Combine and the naive comparison
// keep, with the rules in any order (the span index then reads them
// through a sorted permutation) and with or without spare capacity.
func TestCombineInPlaceSameAsFresh(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for round := range 300 {
		rules := randomMentions(r, 1+r.Intn(60), 8, combineRules)
		r.Shuffle(len(rules), func(i, j int) { rules[i], rules[j] = rules[j], rules[i] })
		model := randomMentions(r, r.Intn(60), 8, []string{"model:perceptron"})
		for _, p := range []ModelPolicy{ModelLonger, ModelGated} {
			want := combineNaive(rules, model, p)
			if got := Combine("", nil, rules, model, p); !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d policy %v: Combine\n got %v\nwant %v", round, p, got, want)
			}
			for _, spare := range []int{0, 100} {
				own := append(make([]rasad.Mention, 0, len(rules)+spare), rules...)
				if got := combine(own[:0], own, model, p); !reflect.DeepEqual(got, want) {
					t.Fatalf("round %d policy %v spare %d: in place\n got %v\nwant %v", round, p, spare, got, want)
				}
			}
		}
	}
}
