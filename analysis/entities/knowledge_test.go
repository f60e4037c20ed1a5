package entities

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// randomDoc makes a document of our own from a small vocabulary of verb
// forms (يسافر، تسافر، نسافر، سافرت، سافروا…), nouns with and without the
// article, words with tanween and surnames, so that small changes move
// words in and out of the common words and surnames in and out of Known.
func randomDoc(r *rand.Rand) (string, []rasad.Mention) {
	stems := testStems
	nouns := []string{"اقتصاد", "ملعب", "منصور", "سلامة", "نصار", "حديث"}
	var words []string
	for i := 0; i < 8+r.Intn(20); i++ {
		st := stems[r.Intn(len(stems))]
		switch r.Intn(12) {
		case 0:
			words = append(words, "ي"+st)
		case 1:
			words = append(words, "ت"+st)
		case 2:
			words = append(words, []string{"ن", "سي", "ست", "لي", "لت"}[r.Intn(5)]+st)
		case 3:
			words = append(words, st+[]string{"ت", "وا", "ا"}[r.Intn(3)])
		case 4:
			words = append(words, "ي"+st+[]string{"ون", "ان"}[r.Intn(2)])
		case 5:
			words = append(words, st)
		case 6, 7:
			words = append(words, []string{"ال", "وال", "بال", ""}[r.Intn(4)]+nouns[r.Intn(len(nouns))])
		case 8:
			words = append(words, "هدفاً")
		default:
			words = append(words, nouns[r.Intn(len(nouns))])
		}
	}
	var ms []rasad.Mention
	people := [][2]string{{"كريم سلامة", "كرم سلمه"}, {"سامي نصار", "سمي نسر"}, {"رامي نصار", "رمي نسر"}, {"ليلى منصور", "للي منسور"}}
	for i := r.Intn(3); i > 0; i-- {
		p := people[r.Intn(len(people))]
		ms = append(ms, rasad.Mention{Type: "PERSON", Text: p[0], Key: p[1]})
	}
	return strings.Join(words, " "), ms
}

// testStems are made-up verb stems, many, so that each reaches the
// thresholds of Words at its own time.
var testStems = func() []string {
	r := rand.New(rand.NewSource(7))
	letters := []rune("كبرسملعدقفحشجز")
	var out []string
	for i := 0; i < 60; i++ {
		n := 3 + r.Intn(2)
		s := make([]rune, n)
		for j := range s {
			s[j] = letters[r.Intn(len(letters))]
		}
		out = append(out, string(s))
	}
	return out
}()

// Counts kept up to date batch by batch (Words and Known asked after each
// batch, some counts taken away again) give what counting the same
// documents at once gives, and what CommonWordsOf and Learner give.
func TestCountsIncrementalEqualsWhole(t *testing.T) {
	for _, share := range []int{2, 0} { // as in use, and never recomputed
		recomputeShare = share
		testCountsIncremental(t)
	}
	recomputeShare = 2
}

func testCountsIncremental(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	type doc struct {
		src string
		ms  []rasad.Mention
	}
	var docs []doc
	for i := 0; i < 400; i++ {
		src, ms := randomDoc(r)
		docs = append(docs, doc{src, ms})
	}
	inc := NewCounts()
	var removed []*Counts
	var in []doc // the documents counted so far
	checked, changes := 0, 0
	var prev map[string]bool
	wholeOf := func(ds []doc) (map[string]bool, Known) {
		srcs := make([]string, len(ds))
		toks := make([][]text.Token, len(ds))
		l := NewLearner()
		for i, d := range ds {
			srcs[i], toks[i] = d.src, text.Tokenize(d.src)
			l.Add(d.ms)
		}
		return CommonWordsOf(srcs, toks), l.Known(toks...)
	}
	for lo := 0; lo < len(docs); {
		hi := min(len(docs), lo+1+r.Intn(30))
		for _, d := range docs[lo:hi] {
			one := NewCounts()
			one.AddText(d.src, text.Tokenize(d.src))
			one.AddNames(d.ms)
			inc.Add(one)
			in = append(in, d)
			if r.Intn(4) == 0 { // counted, then taken away again
				inc.AddTallies(one.Tallies(), -1)
				removed = append(removed, one)
				in = in[:len(in)-1]
			}
		}
		lo = hi
		ww, wk := wholeOf(in)
		if !reflect.DeepEqual(ww, prev) {
			changes++
		}
		prev = ww
		if got := inc.Words(); !reflect.DeepEqual(got, ww) {
			t.Fatalf("after %d documents: incremental common words differ", lo)
		}
		if got := inc.Known(); !reflect.DeepEqual(got, wk) {
			t.Fatalf("after %d documents: incremental Known %v, want %v", lo, got, wk)
		}
		checked++
	}
	for _, one := range removed {
		inc.AddTallies(one.Tallies(), 1)
	}
	whole := NewCounts()
	srcs := make([]string, len(docs))
	toks := make([][]text.Token, len(docs))
	l := NewLearner()
	for i, d := range docs {
		srcs[i], toks[i] = d.src, text.Tokenize(d.src)
		whole.AddText(d.src, toks[i])
		whole.AddNames(d.ms)
		l.Add(d.ms)
	}
	if len(removed) == 0 || checked < 10 || changes < checked/2 {
		t.Errorf("%d removals, %d checks, %d changes of the common words: the test checks little", len(removed), checked, changes)
	}
	if got, want := inc.Words(), CommonWordsOf(srcs, toks); !reflect.DeepEqual(got, want) {
		t.Errorf("incremental common words differ:\n%v\nwant\n%v", got, want)
	}
	if got, want := whole.Words(), CommonWordsOf(srcs, toks); !reflect.DeepEqual(got, want) {
		t.Errorf("whole common words differ")
	}
	want := l.Known(toks...)
	if len(want) == 0 {
		t.Fatal("nothing learned: the test checks little")
	}
	if got := inc.Known(); !reflect.DeepEqual(got, want) {
		t.Errorf("incremental Known %v, want %v", got, want)
	}
	if got := whole.Known(); !reflect.DeepEqual(got, want) {
		t.Errorf("whole Known %v, want %v", got, want)
	}
	if !reflect.DeepEqual(inc.Tallies(), whole.Tallies()) {
		t.Errorf("tallies differ")
	}
}

// Counts added batch by batch as a collection run adds them (each batch
// counted in parts, the parts added up, the sum added to the knowledge,
// Words and Known asked) give what counting the same documents at once
// gives, on the paths that only add (every count above 0: one map access
// per addition) with the merges and the questions of Words made in
// parallel, and after counts are taken away again (the general path).
func TestCountsBatchesEqualWhole(t *testing.T) {
	defer func(a, w, s int) { parallelAdd, parallelWords, recomputeShare = a, w, s }(parallelAdd, parallelWords, recomputeShare)
	parallelAdd, parallelWords = 16, 8
	for _, share := range []int{2, 0} { // as in use, and never recomputed
		recomputeShare = share
		testCountsBatches(t)
	}
}

func testCountsBatches(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	var srcs []string
	var toks [][]text.Token
	var mss [][]rasad.Mention
	for i := 0; i < 1200; i++ {
		src, ms := randomDoc(r)
		srcs, toks, mss = append(srcs, src), append(toks, text.Tokenize(src)), append(mss, ms)
	}
	know := NewCounts()
	var batches []*Counts
	checked := 0
	for lo := 0; lo < len(srcs); {
		hi := min(len(srcs), lo+20+r.Intn(80))
		parts := []*Counts{NewCounts(), NewCounts(), NewCounts()}
		for i := lo; i < hi; i++ {
			parts[i%3].AddText(srcs[i], toks[i])
		}
		batch := parts[0]
		batch.Add(parts[1])
		batch.Add(parts[2])
		wait := know.AddWordsFirst(batch) // the word forms added while Words is asked
		know.Words()
		wait()
		names := NewCounts()
		for i := lo; i < hi; i++ {
			names.AddNames(mss[i])
		}
		know.Add(names)
		batch.Add(names)
		batches = append(batches, batch)
		if know.neg {
			t.Fatal("only additions, yet the general path")
		}
		lo = hi
		l := NewLearner()
		for _, ms := range mss[:lo] {
			l.Add(ms)
		}
		if got, want := know.Words(), CommonWordsOf(srcs[:lo], toks[:lo]); !reflect.DeepEqual(got, want) {
			t.Fatalf("after %d documents: common words differ", lo)
		}
		if got, want := know.Known(), l.Known(toks[:lo]...); !reflect.DeepEqual(got, want) {
			t.Fatalf("after %d documents: Known %v, want %v", lo, got, want)
		}
		checked++
	}
	whole := NewCounts()
	for i := range srcs {
		whole.AddText(srcs[i], toks[i])
		whole.AddNames(mss[i])
	}
	if !reflect.DeepEqual(know.Tallies(), whole.Tallies()) {
		t.Fatal("tallies differ")
	}
	// the last batches taken away again, then added back
	for _, b := range batches[len(batches)-3:] {
		know.AddTallies(b.Tallies(), -1)
	}
	know.Words()
	for _, b := range batches[len(batches)-3:] {
		know.Add(b)
	}
	if !know.neg {
		t.Fatal("counts taken away, yet the path that only adds")
	}
	if got, want := know.Words(), whole.Words(); !reflect.DeepEqual(got, want) {
		t.Fatal("common words differ after taking away and adding back")
	}
	if !reflect.DeepEqual(know.Tallies(), whole.Tallies()) {
		t.Fatal("tallies differ after taking away and adding back")
	}
	if checked < 10 || len(whole.Words()) == 0 || len(whole.Known()) == 0 {
		t.Fatalf("%d checks, %d common words, %d known: the test checks little", checked, len(whole.Words()), len(whole.Known()))
	}
}

// A verb whose imperfect with ي the collection no longer writes (its count
// taken away to 0) is no verb any more: its other forms leave the common
// words though their own counts did not change.
func TestWordsVerbLosesImperfect(t *testing.T) {
	defer func(s int) { recomputeShare = s }(recomputeShare)
	recomputeShare = 0 // asked word by word
	c := NewCounts()
	for _, w := range []string{"يسافر", "تسافر", "نسافر", "سيسافر", "سافر", "سافرت", "سافروا", "ملعب"} {
		c.AddTally(rasad.TallyKey{Kind: TallyBare, Form: w}, 5, 1)
	}
	if w := c.Words(); !w["تسافر"] || !w["سافر"] || !w["يسافر"] {
		t.Fatalf("a verb not taken: %v", w)
	}
	c.AddTally(rasad.TallyKey{Kind: TallyBare, Form: "يسافر"}, 5, -1)
	if w := c.Words(); w["تسافر"] || w["سافر"] || w["يسافر"] {
		t.Fatalf("a verb without its imperfect with ي still taken: %v", w)
	}
	if got, want := c.Words(), c.common.Words(); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

// Counts emptied by Reset count as new ones, even after counts were taken
// away (the general path) and Words and Known were asked.
func TestCountsReset(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	c := NewCounts()
	for i := 0; i < 50; i++ {
		src, ms := randomDoc(r)
		c.AddText(src, text.Tokenize(src))
		c.AddNames(ms)
	}
	c.AddTallies(c.Tallies(), -1)
	c.Words()
	c.Known()
	c.Reset()
	fresh := NewCounts()
	for i := 0; i < 50; i++ {
		src, ms := randomDoc(r)
		for _, x := range []*Counts{c, fresh} {
			x.AddText(src, text.Tokenize(src))
			x.AddNames(ms)
		}
	}
	if c.neg || !reflect.DeepEqual(c.Tallies(), fresh.Tallies()) || !reflect.DeepEqual(c.Words(), fresh.Words()) || !reflect.DeepEqual(c.Known(), fresh.Known()) {
		t.Fatal("reset Counts count differently from new ones")
	}
	if len(fresh.Words()) == 0 || len(fresh.Known()) == 0 {
		t.Fatal("nothing counted: the test checks little")
	}
}
