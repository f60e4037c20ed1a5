package storetest

import (
	"context"
	"errors"
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
			out[k] = n
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
	one := rasad.Tallies{w: 2, name: 1}
	two := rasad.Tallies{w: 1}
	// a failed batch adds nothing
	bad := &rasad.Article{Text: "بلا معرف"}
	if _, _, err := ks.PutTallied(ctx, []*rasad.Article{arts[0], bad}, []rasad.Tallies{one, two}); !errors.Is(err, rasad.ErrInvalid) {
		t.Fatalf("PutTallied with an invalid article: %v", err)
	}
	if got, st := read(); len(got) != 0 || st.Generation != 0 {
		t.Fatalf("a failed batch left %v, %+v", got, st)
	}
	res, st, err := ks.PutTallied(ctx, arts[:2], []rasad.Tallies{one, two})
	if err != nil || len(res) != 2 {
		t.Fatal(err)
	}
	want := rasad.Tallies{w: 3, name: 1}
	if got, st2 := read(); !reflect.DeepEqual(got, want) || st2 != st || st.Generation != 1 || !st.Complete {
		t.Fatalf("after PutTallied: %v (%+v), want %v", got, st, want)
	}
	// the same articles again (a rerun) and a copy: nothing counted twice,
	// nothing changed
	res, st, err = ks.PutTallied(ctx, arts[:2], []rasad.Tallies{one, two})
	if err != nil || res[0].Status == rasad.New || res[1].Status == rasad.New {
		t.Fatalf("rerun: %+v, %v", res, err)
	}
	if got, st2 := read(); !reflect.DeepEqual(got, want) || st2.Generation != 1 || st != st2 {
		t.Fatalf("after a rerun: %v (%+v), want %v", got, st2, want)
	}
	// a plain Put of a new article: incomplete
	mustPut(t, s, arts[2])
	if _, st := read(); st.Complete || st.Generation != 2 {
		t.Fatalf("after a plain Put: %+v, want incomplete at generation 2", st)
	}
	// replaced: complete again
	whole := rasad.Tallies{w: 4, name: 2}
	if st, err = ks.ReplaceKnowledge(ctx, whole); err != nil || !st.Complete || st.Generation != 3 {
		t.Fatalf("ReplaceKnowledge: %+v, %v", st, err)
	}
	if got, _ := read(); !reflect.DeepEqual(got, whole) {
		t.Fatalf("after ReplaceKnowledge: %v, want %v", got, whole)
	}
	// a new analysis replaces an article's counts; counts at 0 go
	an := &rasad.Analysis{Version: 1, Mentions: []rasad.Mention{}}
	st, err = ks.SetAnalysisTallied(ctx, map[string]*rasad.Analysis{arts[0].ID: an}, rasad.Tallies{name: -2, w: -1})
	if err != nil || st.Generation != 4 || !st.Complete {
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
	if got, st := read(); !reflect.DeepEqual(got, rasad.Tallies{w: 3}) || st.Generation != 4 {
		t.Fatalf("a failed SetAnalysisTallied changed the knowledge: %v %+v", got, st)
	}
}
