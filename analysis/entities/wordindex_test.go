package entities

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/text"
)

// buildWordsWith, reading the lexicons' entries of word forms seen before
// from the tagger's box, gives the words buildWords gives alone: on
// sentences of our own (clitic readings, لل, a name of the lexicons with
// and without a conjunction, Latin, numbers, one word twice) and on ant-dev
// articles, twice over (the second time every form is known), and again
// after the box forgets (as when the tagger's word cache is emptied).
func TestBuildWordsWithTaggerSameAsPlain(t *testing.T) {
	box := getBox()
	if box == nil {
		t.Skip("no model")
	}
	srcs := []string{
		"",
		"وقال وزير الخارجية كريم منصور للصحفيين في باريس وبباريس إن الأمم المتحدة ستجتمع، وأضاف منصور.",
		"زار وفد من جامعة الدول العربية لبنان وللبنان والقاهرة 2024 ثم عاد Marco Belloni إلى عمان.",
		"فالولايات المتحدة ولدى الاتحاد الأوروبي وبالاتحاد الأفريقي ؟ ! «مجلس الأمن» ...",
	}
	docs, _ := testcorpus.LoadIfPresent(t, 300)
	for _, d := range docs {
		srcs = append(srcs, d.Text)
	}
	known := 0
	for round := range 3 {
		if round == 2 {
			box.gen = 0 // forgotten: every entry is made again
		}
		for _, src := range srcs {
			toks := text.Tokenize(src)
			got := buildWordsWith(box, nil, src, toks)
			want := buildWords(nil, src, toks)
			if !reflect.DeepEqual(got, want) {
				for i := range min(len(got), len(want)) {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Fatalf("round %d %.40q word %d:\nwith the tagger %+v\nalone           %+v", round, src, i, got[i], want[i])
					}
				}
				t.Fatalf("round %d %.40q: %d words, alone %d", round, src, len(got), len(want))
			}
			for _, w := range got {
				if w.infos[0] != nil {
					known++
				}
			}
		}
	}
	if known == 0 {
		t.Fatal("no word the lexicons know: the test compares nothing")
	}
	putBox(box)
}

// infoRef and infoAt give infoOf's entry: for every key of the lexicons
// (the long ones have no slot, and say so), with a letter more or less,
// and for keys they do not know.
func TestInfoRefSameAsInfoOf(t *testing.T) {
	lx := load()
	check := func(k string) {
		t.Helper()
		ref, ok := lx.infoRef(k)
		want := lx.infoOf(k)
		if !ok {
			if want == nil || len(k) <= slotKeyMax {
				t.Fatalf("%q: no ref, infoOf %v", k, want)
			}
			return
		}
		if got := lx.infoAt(ref); got != want {
			t.Fatalf("%q: infoAt(infoRef) %p, infoOf %p", k, got, want)
		}
	}
	for k := range lx.info {
		check(k)
		check(k + "ا")
		check("و" + k)
		if len(k) > 2 {
			check(k[2:])
		}
	}
	for _, k := range []string{"", "ا", "قال", "سامي", "zz", "وبباريس", "كاليفورنيا"} {
		check(k)
	}
}

// A wordEnt is half a cache line.
func TestWordEntSize(t *testing.T) {
	if n := unsafe.Sizeof(wordEnt{}); n != 32 {
		t.Errorf("wordEnt is %d bytes, want 32", n)
	}
}
