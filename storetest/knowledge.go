package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/rasad/rasad"
)

// testKnowledge (stores that keep collection knowledge): PutTallied adds
// the counts of the articles it newly stores, in the same transaction, and
// never those of an article stored before (a rerun counts nothing twice);
// a failed batch adds nothing; a plain Put of a new article leaves the
// knowledge incomplete until it is replaced; every change moves the
// generation; SetAnalysisTallied subtracts and drops counts that reach 0.
func testKnowledge(t *testing.T, s rasad.Store) {
	defer s.Close()
	ks, ok := s.(rasad.KnowledgeStore)
	if !ok {
		t.Skip("the store keeps no collection knowledge")
	}
	ctx := context.Background()
	read := func() (rasad.Tallies, rasad.KnowledgeState) {
		t.Helper()
		out := rasad.Tallies{}
		st, err := ks.Knowledge(ctx, func(k rasad.TallyKey, n int64) error {
			out.Add(rasad.Tallies{k: n}, 1) // a key may come more than once
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if st2, err := ks.KnowledgeState(ctx); err != nil || st2 != st {
			t.Fatalf("KnowledgeState %+v (%v), Knowledge said %+v", st2, err, st)
		}
		return out, st
	}
	if got, st := read(); len(got) != 0 || !st.Complete || st.Generation != 0 {
		t.Fatalf("empty store: %d counts, %+v", len(got), st)
	}
	w := rasad.TallyKey{Kind: 'b', Form: "سافر"}
	name := rasad.TallyKey{Kind: 'n', Form: "سلامه", Key: "كرم سلمه"}
	arts := corpus(t)
	sum := rasad.Tallies{w: 3, name: 1}
	// a failed batch adds nothing
	bad := &rasad.Article{Text: "بلا معرف"}
	if _, _, err := ks.PutTallied(ctx, []*rasad.Article{arts[0], bad}, []bool{true, true}, sum); !errors.Is(err, rasad.ErrInvalid) {
		t.Fatalf("PutTallied with an invalid article: %v", err)
	}
	if got, st := read(); len(got) != 0 || st.Generation != 0 {
		t.Fatalf("a failed batch left %v, %+v", got, st)
	}
	res, st, err := ks.PutTallied(ctx, arts[:2], []bool{true, true}, sum)
	if err != nil || len(res) != 2 {
		t.Fatal(err)
	}
	want := rasad.Tallies{w: 3, name: 1}
	if got, st2 := read(); !reflect.DeepEqual(got, want) || st2 != st || st.Generation != 1 || !st.Complete {
		t.Fatalf("after PutTallied: %v (%+v), want %v", got, st, want)
	}
	// the same articles again (a rerun), counted or not: nothing counted
	// twice, nothing changed
	for _, counted := range []bool{false, true} {
		res, st, err = ks.PutTallied(ctx, arts[:2], []bool{counted, counted}, sum)
		if err != nil || res[0].Status == rasad.New || res[1].Status == rasad.New {
			t.Fatalf("rerun: %+v, %v", res, err)
		}
		if got, st2 := read(); !reflect.DeepEqual(got, want) || st2.Generation != 1 || st != st2 {
			t.Fatalf("after a rerun (counted %v): %v (%+v), want %v", counted, got, st2, want)
		}
	}
	// a new article that the caller did not count (another process stored
	// what it counted): nothing added, the knowledge incomplete
	res, st, err = ks.PutTallied(ctx, arts[2:], []bool{false}, rasad.Tallies{w: 9})
	if err != nil || res[0].Status != rasad.New {
		t.Fatalf("%+v, %v", res, err)
	}
	if got, st2 := read(); !reflect.DeepEqual(got, want) || st2.Complete || st2.Generation != 2 || st != st2 {
		t.Fatalf("after an uncounted new article: %v (%+v), want %v and incomplete", got, st2, want)
	}
	// a plain Put of a new article: incomplete, the generation moves
	mustPut(t, s, Article(t, "k0", "وكالة", "https://example.org/k0", "خبر", "نص خبر جديد للمعرفة.", "2020-01-01"))
	if _, st := read(); st.Complete || st.Generation != 3 {
		t.Fatalf("after a plain Put: %+v, want incomplete at generation 3", st)
	}
	// replaced: complete again
	whole := rasad.Tallies{w: 4, name: 2}
	if st, err = ks.ReplaceKnowledge(ctx, whole); err != nil || !st.Complete || st.Generation != 4 {
		t.Fatalf("ReplaceKnowledge: %+v, %v", st, err)
	}
	if got, _ := read(); !reflect.DeepEqual(got, whole) {
		t.Fatalf("after ReplaceKnowledge: %v, want %v", got, whole)
	}
	// a new analysis replaces an article's counts; counts at 0 go
	an := &rasad.Analysis{Version: 1, Mentions: []rasad.Mention{}}
	st, err = ks.SetAnalysisTallied(ctx, map[string]*rasad.Analysis{arts[0].ID: an}, rasad.Tallies{name: -2, w: -1})
	if err != nil || st.Generation != 5 || !st.Complete {
		t.Fatalf("SetAnalysisTallied: %+v, %v", st, err)
	}
	if got, _ := read(); !reflect.DeepEqual(got, rasad.Tallies{w: 3}) {
		t.Fatalf("after SetAnalysisTallied: %v", got)
	}
	if as, err := s.Analyses(ctx, []string{arts[0].ID}); err != nil || as[arts[0].ID] == nil || as[arts[0].ID].Version != 1 {
		t.Fatalf("SetAnalysisTallied did not store the analysis: %v %v", as, err)
	}
	if _, err := ks.SetAnalysisTallied(ctx, map[string]*rasad.Analysis{"nope": an}, rasad.Tallies{w: 5}); !errors.Is(err, rasad.ErrNotFound) {
		t.Fatalf("SetAnalysisTallied of an unknown article: %v", err)
	}
	if got, st := read(); !reflect.DeepEqual(got, rasad.Tallies{w: 3}) || st.Generation != 5 {
		t.Fatalf("a failed SetAnalysisTallied changed the knowledge: %v %+v", got, st)
	}
	// many batches (however the store keeps them) add up
	want = rasad.Tallies{w: 3}
	for i := 0; i < 70; i++ {
		a := Article(t, fmt.Sprintf("m%d", i), "وكالة", fmt.Sprintf("https://example.org/m%d", i), "خبر", fmt.Sprintf("نص الخبر رقم %d عن المعرفة.", i), "2020-02-01")
		form := rasad.TallyKey{Kind: 'd', Form: fmt.Sprintf("كلمه%d", i%7)}
		d := rasad.Tallies{form: 1, w: int64(i%3 - 1)}
		want.Add(d, 1)
		if _, _, err := ks.PutTallied(ctx, []*rasad.Article{a}, []bool{true}, d); err != nil {
			t.Fatal(err)
		}
	}
	if got, st := read(); !reflect.DeepEqual(got, want) || st.Generation != 75 {
		t.Fatalf("after 70 batches: %v (%+v), want %v", got, st, want)
	}
}
