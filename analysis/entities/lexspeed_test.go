package entities

import (
	"testing"

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
