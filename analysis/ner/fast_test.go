package ner

import (
	"math"
	"reflect"
	"testing"

	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/text"
)

// ownSentences are of our own making: clitics, lexicon phrases that start
// under a clitic reading, Latin and numbers, punctuation inside a phrase,
// repeated surnames (propagation) and line breaks (sentence starts).
var ownSentences = []string{
	"",
	"سامي",
	"وقال وزير الخارجية كريم منصور للصحفيين في باريس إن الأمم المتحدة ستجتمع.\nوأضاف منصور أن المنظمة وافقت.",
	"زار وفد من جامعة الدول العربية بيروت وللبنان ثم عاد إلى القاهرة، وقالت الجامعة إن الوفد سيعود.",
	"أعلن نادي الوادي الرياضي عن ضم اللاعب ماركو بيلوني 2024 ، وقال Marco Belloni إن بيلوني سعيد ( جدا ) .",
	"التقى الرئيس الفرنسي إيمانويل ماكرون نظيره في الولايات المتحدة الأمريكية يوم الإثنين 12 مارس.",
	"فبالولايات المتحدة ولدى الاتحاد الأوروبي وبالاتحاد الأفريقي ؟ ! .\n\n«الأمم المتحدة» و«مجلس الأمن» ...",
	"قال يوسف العلي ثم قال العلي ثم قال العلي ، وقالت ليلى حداد إن حداد والعلي اتفقا في عمان وتركيا",
}

// hintsFor makes hints over every fifth word of src, of rotating types and
// sureness, so that the hint features are exercised too.
func hintsFor(toks []text.Token) []Hint {
	var hs []Hint
	for i := 0; i+1 < len(toks); i += 5 {
		end := toks[i].End
		if i%2 == 0 {
			end = toks[i+1].End
		}
		hs = append(hs, Hint{Start: toks[i].Start, End: end, Type: Types[(i/5)%3], Sure: i%3 == 0})
	}
	return hs
}

// checkSameAsReference tags every text with the fast path and with the
// reference (feature by feature) path, twice (the second time from the
// word cache), with and without hints, and fails on any difference of
// scores (bit for bit) or mentions.
func checkSameAsReference(t *testing.T, m *Model, srcs []string) {
	t.Helper()
	fast, ref := NewTagger(m), NewTagger(m)
	fast.Propagate, ref.Propagate = true, true
	ref.reference = true
	for round := range 2 {
		for _, src := range srcs {
			toks := text.Tokenize(src)
			for _, hints := range [][]Hint{nil, hintsFor(toks)} {
				got := fast.TagHints(src, toks, hints)
				want := ref.TagHints(src, toks, hints)
				if len(fast.scores) != len(ref.scores) {
					t.Fatalf("round %d %.40q: %d scores, reference %d", round, src, len(fast.scores), len(ref.scores))
				}
				for i := range fast.scores {
					if math.Float32bits(fast.scores[i]) != math.Float32bits(ref.scores[i]) {
						t.Fatalf("round %d %.40q token %d tag %d: fast %v reference %v", round, src, i/nTags, i%nTags, fast.scores[i], ref.scores[i])
					}
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("round %d %.40q:\nfast      %v\nreference %v", round, src, got, want)
				}
			}
		}
	}
}

// The fast path gives exactly the reference path's scores and names, with
// the shipped model, on sentences of our own.
func TestFastSameAsReference(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	checkSameAsReference(t, m, ownSentences)
}

// The same on ant-dev articles (skipped without ../shared).
func TestFastSameAsReferenceCorpus(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 60
	}
	docs := testcorpus.Load(t, n)
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	srcs := make([]string, len(docs))
	for i, d := range docs {
		srcs[i] = d.Text
	}
	checkSameAsReference(t, m, srcs)
}

// vecIndex agrees with a Go map over keys that collide in their low bits,
// key 0, growth and reset.
func TestVecIndex(t *testing.T) {
	var x vecIndex
	want := map[uint64]int32{}
	for i := range 5000 {
		k := uint64(i) << 40 // the same low bits
		if i%7 == 0 {
			k = uint64(i) * 0x9E3779B97F4A7C15
		}
		if _, ok := want[k]; ok {
			continue
		}
		x.put(k, int32(i))
		want[k] = int32(i)
	}
	if x.len() != len(want) {
		t.Fatalf("len %d, want %d", x.len(), len(want))
	}
	for k, v := range want {
		if got, ok := x.get(k); !ok || got != v {
			t.Fatalf("get(%x) = %d %v, want %d", k, got, ok, v)
		}
	}
	if _, ok := x.get(12345); ok {
		t.Error("get of an absent key found it")
	}
	x.reset()
	if _, ok := x.get(0); ok || x.len() != 0 {
		t.Error("reset left keys")
	}
}
