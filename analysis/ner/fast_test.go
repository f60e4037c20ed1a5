package ner

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"unsafe"

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

// The word cache's index agrees with a Go map over hashes that collide in
// their low bits, hash 0, growth and reset.
func TestWordCacheIndex(t *testing.T) {
	tg := NewTagger(nil)
	want := map[uint64]int32{}
	for i := range 5000 {
		k := uint64(i) << 40 // the same low bits
		if i%7 == 0 {
			k = uint64(i) * 0x9E3779B97F4A7C15
		}
		if _, ok := want[k]; ok {
			continue
		}
		idx := tg.newVec()
		tg.vec(idx).h = k
		tg.insert(k, idx)
		want[k] = idx
	}
	if int(tg.nVecs) != len(want) || tg.nSlots != len(want) {
		t.Fatalf("%d vecs, %d slots, want %d", tg.nVecs, tg.nSlots, len(want))
	}
	for k, v := range want {
		if got, ok := tg.lookup(k); !ok || got != v {
			t.Fatalf("lookup(%x) = %d %v, want %d", k, got, ok, v)
		}
	}
	if _, ok := tg.lookup(12345); ok {
		t.Error("lookup of an absent hash found it")
	}
	tg.resetCache()
	if _, ok := tg.lookup(0); ok || tg.nVecs != 0 {
		t.Error("reset left words")
	}
}

// A wordVec is three cache lines.
func TestWordVecSize(t *testing.T) {
	if n := unsafe.Sizeof(wordVec{}); n != 192 {
		t.Errorf("wordVec is %d bytes, want 192", n)
	}
}

// referenceViterbi is viterbi as first written (a loop over the previous
// tags): the unrolled one must choose the same tags on the same scores,
// ties included.
func referenceViterbi(trans *[nTags + 1][nTags]float32, scores []float32, n int) []int {
	if n == 0 {
		return nil
	}
	back := make([]int8, n*nTags)
	var prev, cur [nTags]float32
	const neg = -1e30
	var tr [nTags + 1][nTags]float32
	for a := range tr {
		for b := range nTags {
			if allowed(a, b) {
				tr[a][b] = trans[a][b]
			} else {
				tr[a][b] = neg
			}
		}
	}
	for b := range nTags {
		prev[b] = tr[nTags][b] + scores[b]
	}
	for i := 1; i < n; i++ {
		s := scores[i*nTags : i*nTags+nTags]
		bk := back[i*nTags : i*nTags+nTags]
		for b := range nTags {
			best, arg := prev[0]+tr[0][b], 0
			for a := 1; a < nTags; a++ {
				if v := prev[a] + tr[a][b]; v > best {
					best, arg = v, a
				}
			}
			cur[b] = best + s[b]
			bk[b] = int8(arg)
		}
		prev = cur
	}
	best := 0
	for b := 1; b < nTags; b++ {
		if prev[b] > prev[best] {
			best = b
		}
	}
	tags := make([]int, n)
	for i := n - 1; i >= 0; i-- {
		tags[i] = best
		best = int(back[i*nTags+best])
	}
	return tags
}

// viterbi agrees with referenceViterbi on random scores with many ties
// (small integers) and punctuation's -1e30, and on the shipped model's
// transitions.
func TestViterbiSameAsReference(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	var back []int8
	var tags []int
	for round := range 3000 {
		trans := m.trans
		if round%2 == 1 {
			for a := range trans {
				for b := range trans[a] {
					trans[a][b] = float32(r.IntN(5) - 2)
				}
			}
		}
		n := r.IntN(40)
		scores := make([]float32, n*nTags)
		scale := float32(1)
		if round%5 == 2 {
			scale = 3e28 // past the ±1e29 within which viterbi compares two tags only
		}
		if round%7 == 3 {
			trans[r.IntN(nTags+1)][r.IntN(nTags)] = 5e28
		}
		for i := range scores {
			scores[i] = float32(r.IntN(7)-3) * scale
		}
		for i := range n {
			if r.IntN(6) == 0 {
				for k := 1; k < nTags; k++ {
					scores[i*nTags+k] = -1e30
				}
			}
		}
		back, tags = viterbi(&trans, scores, n, back, tags)
		if want := referenceViterbi(&trans, scores, n); !reflect.DeepEqual(append([]int{}, tags...), append([]int{}, want...)) {
			t.Fatalf("round %d: viterbi %v, reference %v", round, tags, want)
		}
	}
}

// hintName gives ty+bi+sure for the usual values and for others.
func TestHintName(t *testing.T) {
	for _, ty := range []string{"PERS", "LOC", "ORG", "MISC", ""} {
		for _, bi := range []string{":B", ":I", ":X"} {
			for _, sure := range []string{":pattern", ":lexicon", ""} {
				if got, want := hintName(ty, bi, sure), ty+bi+sure; got != want {
					t.Errorf("hintName(%q, %q, %q) = %q", ty, bi, sure, got)
				}
			}
		}
	}
}
