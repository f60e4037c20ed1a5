package entities

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/text"
)

// extendRef is ExtendPrepared as it was before it read the light word list
// and asked a word's folded spelling first: the full word list of Find and
// the index of the first and last letters of the surnames (the reference
// of TestExtendSameAsReference).
func extendRef(src string, toks []text.Token, ms []rasad.Mention, known Known) []rasad.Mention {
	if len(known) == 0 {
		return ms
	}
	r := &recognizer{lx: load(), src: src, toks: toks, known: map[string]knownName{}}
	r.words = buildWords(nil, src, toks)
	r.used = make([]bool, len(r.words))
	r.out = append([]rasad.Mention(nil), ms...)
	j := 0
	for i, w := range r.words {
		for j < len(ms) && ms[j].End <= w.start {
			j++
		}
		for k := j; k < len(ms) && ms[k].Start < w.end; k++ {
			if ms[k].End > w.start {
				r.used[i] = true
				break
			}
		}
	}
	r.surnamesRef(known)
	added := r.out[len(ms):]
	sortMentions(added)
	r.out = append(r.out[:len(ms)], dropFacilitySurnames(src, toks, ms, added)...)
	r.resolveSingles(known)
	sortMentions(r.out)
	// the steps after the surnames, as ExtendPrepared has them (not what
	// this reference is about)
	return r.articleWide(joinAdjacentPeople(src, r.out))
}

func refEndsOf(s string) [2]rune {
	f, _ := utf8.DecodeRuneInString(s)
	l, _ := utf8.DecodeLastRuneInString(s)
	return [2]rune{f, l}
}

func refFoldEnds(k string) string {
	f, fs := utf8.DecodeRuneInString(k)
	l, ls := utf8.DecodeLastRuneInString(k)
	if fs+ls > len(k) {
		return string(foldLetter(f))
	}
	return string(foldLetter(f)) + string(foldLetter(l))
}

// surnamesRef is surnamesPrepared before: the tests in their first order.
func (r *recognizer) surnamesRef(known Known) {
	local := map[string]string{}
	ambiguous := map[string]bool{}
	for _, m := range r.out {
		sf := surnameForm(m)
		if sf == "" {
			continue
		}
		if prev, ok := local[sf]; ok && prev != m.Key {
			ambiguous[sf] = true
		}
		local[sf] = m.Key
	}
	if len(ambiguous) > 0 {
		r.resolveAmbiguous(local, ambiguous)
	}
	if len(local) == 0 && len(known) == 0 {
		return
	}
	kends := map[[2]rune]bool{}
	article := false
	for sf := range known {
		kends[refEndsOf(sf)] = true
		if strings.HasPrefix(sf, "ال") {
			article = true
		}
	}
	ends := map[[2]rune]bool{}
	for sf := range local {
		ends[refEndsOf(sf)] = true
		if strings.HasPrefix(sf, "ال") {
			article = true
		}
	}
	var buf []byte
	for i := range r.words {
		w := &r.words[i]
		if r.used[i] || r.toks[w.tok].Kind != text.Word {
			continue
		}
		for _, v := range w.vars.all() {
			if e := refEndsOf(refFoldEnds(v.key)); len(v.key) < 8 || !ends[e] && !kends[e] || (!article && strings.HasPrefix(v.key, "ال")) {
				continue
			}
			if r.lx.given[v.key] || r.lx.notName[v.key] || r.blocksName(i) || r.lx.byFirst[v.key] != nil && (local[string(appendFold(buf[:0], v.key))] == "" || r.hitAt(i) == nil) || hamzaInside(r.src[w.start:w.end]) {
				continue
			}
			buf = appendFold(buf[:0], v.key)
			full, ok := local[string(buf)]
			rule := "surname of a person named in this article"
			if !ok || ambiguous[string(buf)] {
				full, ok = known[string(buf)]
				rule = "surname of a person named in the collection"
			}
			if !ok || full == "" {
				continue
			}
			if rule == "surname of a person named in the collection" && (!r.knownAsName(v.key) || strings.HasPrefix(v.key, "ال")) {
				continue
			}
			start := r.surfaceStart(*w, v.strip)
			r.emit(rasad.Mention{Span: rasad.Span{Start: start, End: w.end}, Type: "PERSON", Key: full, Rule: rule, Confidence: 0.75}, i, i+1)
			break
		}
	}
}

// ExtendPrepared (the light word list, the folded spelling asked first)
// gives what the reference gives: on texts of our own, with surnames
// learned from them, the article among them, and with the documents of
// ant-dev against the surnames all of them teach (when ../shared is there).
func TestExtendSameAsReference(t *testing.T) {
	own := []string{
		"التقى الوزير سامر العدوان نظيره كريم الشامي، وقال العدوان إن الشامي وعد بالرد.",
		"وأكد العدوان أمس أن الاتفاق سيوقع قريباً، فيما رحب الشامي وحداد به.",
		"قال المبعوث فادي حداد إن لحداد وللشامي رأيا واحدا، والتقى بالعدوان في عمان.",
		"ليلى منصور: منصور تلتقي المنصور والعدوان، وسافر الشامي إلى بيروت.",
	}
	check := func(srcs []string) int {
		toks := make([][]text.Token, len(srcs))
		first := make([][]rasad.Mention, len(srcs))
		l := NewLearner()
		for i, src := range srcs {
			toks[i] = text.Tokenize(src)
			first[i] = Find(src, toks[i], Options{})
			l.Add(first[i])
		}
		known := l.Known(toks...)
		// a surname with the article, and one of a word every text has
		known["العدوان"] = "سمر العدوان"
		known["الشامي"] = "كرم الشامي"
		kp := known.Prepare()
		n := 0
		for i, src := range srcs {
			got := ExtendPrepared(src, toks[i], first[i], kp)
			want := extendRef(src, toks[i], first[i], known)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("text %d: ExtendPrepared\n%v\nreference\n%v", i, got, want)
			}
			n += len(got) - len(first[i])
		}
		return n
	}
	check(own)
	docs, ok := testcorpus.LoadIfPresent(t, 1500)
	if !ok {
		return
	}
	srcs := make([]string, len(docs))
	for i, d := range docs {
		srcs[i] = d.Text
	}
	if n := check(srcs); n == 0 {
		t.Fatal("no surname added on ant-dev: the comparison tests nothing")
	}
}
