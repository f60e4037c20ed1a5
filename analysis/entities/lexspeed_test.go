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
