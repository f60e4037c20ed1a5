package ner

import (
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
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
	places := map[string]int32{} // surface -> place in fast's word cache, in generation gen
	var gen uint64
	for round := range 2 {
		for _, src := range srcs {
			toks := text.Tokenize(src)
			for hi, hints := range [][]Hint{nil, hintsFor(toks)} {
				if hi == 1 {
					// the words indexed first (as Find does), then tagged
					// with those places: the same scores and names; a
					// surface keeps its place while the generation stays
					idx, g := fast.WordIndex(src, toks)
					if len(idx) != len(toks) {
						t.Fatalf("%.40q: %d places for %d tokens", src, len(idx), len(toks))
					}
					if g != gen {
						clear(places)
						gen = g
					}
					for i, tk := range toks {
						s := src[tk.Start:tk.End]
						if p, ok := places[s]; ok && p != idx[i] {
							t.Fatalf("%.40q: %q at place %d, before %d", src, s, idx[i], p)
						}
						places[s] = idx[i]
					}
				}
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
				// the marks too (lexicon phrases, hints, starts), whatever
				// their weights
				if !reflect.DeepEqual(fast.mk[:len(toks)], ref.mk[:len(toks)]) {
					t.Fatalf("round %d %.40q:\nfast marks      %v\nreference marks %v", round, src, fast.mk, ref.mk)
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

// A wordVec is one cache line.
func TestWordVecSize(t *testing.T) {
	if n := unsafe.Sizeof(wordVec{}); n != 64 {
		t.Errorf("wordVec is %d bytes, want 64", n)
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

// referencePackRows is packRows as first written (a loop).
func referencePackRows(rows *[5][nTags]int32) (p [7]uint64) {
	for j := range 3 * nTags {
		v := rows[j/nTags][j%nTags]
		p[j/3] |= uint64(uint32(v)&(1<<21-1)) << (21 * (j % 3))
	}
	return p
}

// The packed rows of a wordVec give back the sums they were made from,
// over the whole range a row's sum can take, through unpackRow and
// through addSelf, addM1 and addP1.
func TestPackRowsSameAsRows(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const limit = (1 + len(selfTemplates) + len(neighbourTemplates)) * 32768
	for round := range 20000 {
		var rows [5][nTags]int32
		for i := range 3 {
			for k := range nTags {
				switch round % 4 {
				case 0:
					rows[i][k] = int32(r.IntN(2*limit+1) - limit)
				case 1:
					rows[i][k] = int32(r.IntN(201) - 100)
				case 2:
					rows[i][k] = int32([]int{-limit, limit, 0, -1, 1}[r.IntN(5)])
				default:
					rows[i][k] = int32(r.IntN(2*32768*12+1) - 32768*12)
				}
			}
		}
		wv := wordVec{p: packRows(&rows)}
		if ref := referencePackRows(&rows); wv.p != ref {
			t.Fatalf("round %d: packRows %x, the loop %x", round, wv.p, ref)
		}
		for i, add := range []func(*[nTags]int32){wv.addSelf, wv.addM1, wv.addP1} {
			if got := unpackRow(&wv.p, i); got != rows[i] {
				t.Fatalf("round %d row %d: unpacked %v, want %v", round, i, got, rows[i])
			}
			base := [nTags]int32{1, -2, 3, -4, 5, -6, 7}
			acc := base
			add(&acc)
			for k := range acc {
				if acc[k] != base[k]+rows[i][k] {
					t.Fatalf("round %d row %d: added %v, want %v + %v", round, i, acc, base, rows[i])
				}
			}
		}
	}
}

// referenceStartsAndHints is startsAndHints as first written.
func referenceStartsAndHints(src string, toks []text.Token, hints []Hint, buf []tokMarks) {
	for i, t := range toks {
		ti := &buf[i]
		ti.lexB, ti.lexI, ti.hint = 0, 0, ""
		if i == 0 {
			ti.start = true
		} else {
			p := toks[i-1]
			gap := src[p.End:t.Start]
			nl := len(gap) != 0 && !(len(gap) == 1 && gap[0] == ' ') && strings.IndexByte(gap, '\n') >= 0
			ti.start = nl || p.Kind == text.Punct && (p.Key == "." || p.Key == "?" || p.Key == "!")
		}
	}
	if len(hints) > 0 {
		markHints(toks, buf, hints)
	}
}

// startsAndHints agrees with referenceStartsAndHints on random mixes of
// words, punctuation, spaces, tabs and line breaks, over marks left dirty
// by an earlier text, and on ant-dev articles.
func TestStartsAndHintsSameAsReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	parts := []string{"قال", "سامي", ".", "?", "!", "،", "...", "..", "؟", "2024", "Ab", " ", " ", "  ", "\n", " \n ", "\t", "\r\n", "-"}
	var srcs []string
	for range 3000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(parts[r.IntN(len(parts))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		srcs = append(srcs, b.String())
	}
	for _, d := range testcorpus.Load(t, 200) {
		srcs = append(srcs, d.Text)
	}
	dirty := func(n int) []tokMarks {
		buf := make([]tokMarks, n)
		for i := range buf {
			buf[i] = tokMarks{lexB: 3, lexI: 5, hint: "x", start: i%2 == 0}
		}
		return buf
	}
	for _, src := range srcs {
		toks := text.Tokenize(src)
		for _, hints := range [][]Hint{nil, hintsFor(toks)} {
			got, want := dirty(len(toks)), dirty(len(toks))
			startsAndHints(src, toks, hints, got)
			referenceStartsAndHints(src, toks, hints, want)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%.60q:\ngot  %v\nwant %v", src, got, want)
			}
		}
	}
}

// referencePropagate is Tagger.propagate as first written (every word
// stripped and looked up).
func referencePropagate(t *Tagger, src string, toks []text.Token, ms []Mention) []Mention {
	if len(ms) == 0 {
		return ms
	}
	names := map[string]int{}
	note := func(i, ty int) {
		k := stripSlot(src, toks[i])
		if utf8.RuneCountInString(k) < 3 {
			return
		}
		if prev, ok := names[k]; ok && prev != ty {
			names[k] = -1
			return
		}
		names[k] = ty
	}
	for _, m := range ms {
		if typeIndex(m.Type) == 0 {
			note(m.Last, 0)
		}
	}
	var extra []Mention
	for i, tk := range toks {
		if t.tags[i] != tagO || tk.Kind != text.Word || t.mk[i].lexB|t.mk[i].lexI != 0 {
			continue
		}
		ty, ok := names[stripSlot(src, tk)]
		if !ok || ty < 0 {
			continue
		}
		extra = append(extra, Mention{Start: tk.Start, End: tk.End, Type: Types[ty], First: i, Last: i, Propagated: true})
	}
	if len(extra) == 0 {
		return ms
	}
	ms = append(ms, extra...)
	sort.Slice(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	return ms
}

// propagate agrees with referencePropagate on our sentences, on ant-dev
// articles, and on made-up mentions over random words (Latin and Arabic,
// with clitics, names of two and three letters) that every word's tag O.
func TestPropagateSameAsReference(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tg := NewTagger(m)
	srcs := append([]string{}, ownSentences...)
	for _, d := range testcorpus.Load(t, 300) {
		srcs = append(srcs, d.Text)
	}
	check := func(src string, toks []text.Token, ms []Mention) {
		t.Helper()
		got := tg.propagate(src, toks, append([]Mention{}, ms...))
		want := referencePropagate(tg, src, toks, append([]Mention{}, ms...))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%.60q:\ngot  %v\nwant %v", src, got, want)
		}
	}
	for _, src := range srcs {
		toks := text.Tokenize(src)
		ms := tg.Tag(src, toks) // (Propagate off: the model's own)
		check(src, toks, ms)
	}
	r := rand.New(rand.NewPCG(7, 8))
	words := []string{"علي", "وعلي", "بعلي", "العلي", "والعلي", "للعلي", "بالعلي", "حداد", "وحداد", "لحداد", "ab", "abc", "xabc", "Abc", "يد", "ويد", "منصور", "ومنصور", "فمنصور", "قال", "،", "."}
	for range 2000 {
		var b strings.Builder
		for range 1 + r.IntN(25) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		src := b.String()
		toks := text.Tokenize(src)
		tg.Tag(src, toks) // sets the marks
		tg.tags = tg.tags[:0]
		for range toks {
			tg.tags = append(tg.tags, tagO)
		}
		var ms []Mention
		for i := range toks {
			if r.IntN(4) == 0 {
				ms = append(ms, Mention{Start: toks[i].Start, End: toks[i].End, Type: Types[r.IntN(3)], First: i, Last: i})
			}
		}
		check(src, toks, ms)
	}
}

// The shipped model takes the fast path: its w-2 and w+2 rows are one
// feature each and fit in the shared rows. A model with more features
// than the rows' indexes hold takes the reference path, with the same
// scores.
func TestRowsFit(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if !m.rowsFit() {
		t.Fatalf("the embedded model (%d features) does not take the fast path", m.feats)
	}
	big := *m
	big.feats = maxRows
	if big.rowsFit() {
		t.Error("a model of maxRows features takes the fast path")
	}
	src := ownSentences[2]
	toks := text.Tokenize(src)
	a, b := NewTagger(m), NewTagger(&big)
	if got, want := b.Tag(src, toks), a.Tag(src, toks); !reflect.DeepEqual(got, want) {
		t.Errorf("reference path %v, fast path %v", got, want)
	}
}

// firstOf agrees with the map it indexes (lexIndex.first): on every key,
// on the keys' clitic readings, on ant-dev words and on random strings
// of Arabic letters, including keys longer than a slot holds.
func TestFirstOfSameAsMap(t *testing.T) {
	l := loadLex()
	check := func(k string) {
		t.Helper()
		want, ok := l.first[k]
		got := l.firstOf(k)
		if ok != (got != nil) || ok && *got != want {
			t.Fatalf("%q: firstOf %v, map %v %v", k, got, want, ok)
		}
	}
	var rb [maxReadings]string
	for k := range l.first {
		check(k)
		check(k + "ا")
		check("و" + k)
		for _, r := range readings(k, &rb) {
			check(r)
		}
	}
	docs, _ := testcorpus.LoadIfPresent(t, 100)
	for _, d := range docs {
		for _, tk := range text.Tokenize(d.Text) {
			check(tk.Key)
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	letters := []string{"ا", "ل", "م", "ن", "و", "ب", "ي", "ك", "a", ""}
	for range 200000 {
		var b strings.Builder
		for range r.IntN(25) {
			b.WriteString(letters[r.IntN(len(letters))])
		}
		check(b.String())
	}
	check(strings.Repeat("م", firstKeyMax)) // longer than a slot
	check("")
}

// TagHints on another text than the one WordIndex indexed last (here one
// of the same length) finds that text's words itself: the same names as a
// fresh tagger.
func TestWordIndexOtherText(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a := "زار الوزير سامي الحداد مدينة طرابلس أمس"
	b := "قال المدير كريم منصور إن شركة النور"
	ta, tb := text.Tokenize(a), text.Tokenize(b)
	if len(ta) != len(tb) {
		t.Fatalf("want texts of as many tokens: %d, %d", len(ta), len(tb))
	}
	tg := NewTagger(m)
	tg.WordIndex(a, ta)
	got := tg.TagHints(b, tb, nil)
	want := NewTagger(m).TagHints(b, tb, nil)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("after WordIndex of another text: %v, fresh %v", got, want)
	}
	tg.WordIndex(b, tb)
	if got := tg.TagHints(b, tb, nil); !reflect.DeepEqual(got, want) {
		t.Fatalf("after WordIndex of the text: %v, fresh %v", got, want)
	}
}
