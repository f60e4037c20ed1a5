package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/collection"
	"github.com/rasad/rasad/sqlite"
)

// knowArticles makes articles of our own: people named in full in some
// (the collection teaches their surnames), by their surname alone in
// others, words written with tanween and with and without the article.
func knowArticles(from, to int) []*rasad.Article {
	full := []string{"المبعوث فادي حداد", "الوزيرة ليلى منصور", "الرئيس كريم سلامة", "السفير نبيل عيسى"}
	alone := []string{"حداد", "منصور", "سلامة", "عيسى"}
	cities := []string{"عمان", "بيروت", "تونس", "الرباط"}
	base := time.Date(2023, 5, 1, 8, 0, 0, 0, time.UTC)
	var out []*rasad.Article
	for i := from; i < to; i++ {
		k := i % len(full)
		var body string
		if i%3 == 0 {
			body = fmt.Sprintf("التقى %s في %s يوم الاثنين وفدا اقتصاديا، وقال إن المحادثات كانت مثمرة جداً والاقتصاد يتحسن.\n", full[k], cities[(i/2)%4])
		} else {
			body = fmt.Sprintf("وأكد %s أمس أن الاتفاق سيوقع قريباً في %s، فيما التقى %s السفير الفرنسي لبحث اقتصاد المنطقة.\n", alone[k], cities[(i+1)%4], alone[(k+1)%4])
		}
		p := base.Add(time.Duration(i) * 7 * time.Hour)
		out = append(out, &rasad.Article{
			Title: fmt.Sprintf("خبر رقم %d", i), Text: body, Published: &p,
			Reports: []rasad.Report{{ExtID: fmt.Sprintf("k%d", i), Source: "test", Format: "jsonl", Origin: fmt.Sprintf("test:%d", i)}},
		})
	}
	return out
}

func forgetKnowledge() { remember(nil, rasad.KnowledgeState{}, nil) }

func storedKnowledge(t *testing.T, s *sqlite.Store) (rasad.Tallies, rasad.KnowledgeState) {
	t.Helper()
	out := rasad.Tallies{}
	st, err := s.Knowledge(context.Background(), func(k rasad.TallyKey, n int64) error {
		out.Add(rasad.Tallies{k: n}, 1) // a key may come more than once
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, st
}

// analysesOf returns the stored analyses of arts' texts as JSON, by ExtID.
func analysesOf(t *testing.T, s *sqlite.Store) map[string]string {
	t.Helper()
	ctx := context.Background()
	ids, err := s.IDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	as, err := s.Analyses(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, id := range ids {
		a, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(as[id])
		out[a.Reports[0].ExtID] = string(b)
	}
	return out
}

func ingestArts(t *testing.T, s rasad.Store, batch int, arts []*rasad.Article) Summary {
	t.Helper()
	sum, err := New(s, Options{Batch: batch}).IngestArticles(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// Ingesting the same articles in batches [A][B] (in one run, or in two
// runs that read the stored knowledge) or as one batch [A+B] stores the
// same knowledge, and B's analyses are those of the one batch; a rebuild
// (rasad analyze) gives the same knowledge again.
func TestKnowledgeBatchingIndependent(t *testing.T) {
	forgetKnowledge()
	all := func() []*rasad.Article { return knowArticles(0, 24) }
	one := openStore(t)
	ingestArts(t, one, 100, all())
	want, st := storedKnowledge(t, one)
	if !st.Complete || len(want) == 0 {
		t.Fatalf("knowledge after one batch: %d counts, %+v", len(want), st)
	}
	wantAn := analysesOf(t, one)

	inRun := openStore(t)
	ingestArts(t, inRun, 12, all())
	twoRuns := openStore(t)
	ingestArts(t, twoRuns, 100, all()[:12])
	forgetKnowledge() // the second run reads the stored knowledge
	ingestArts(t, twoRuns, 100, all()[12:])
	for name, s := range map[string]*sqlite.Store{"[A][B] in one run": inRun, "[A] then [B]": twoRuns} {
		got, st := storedKnowledge(t, s)
		if !st.Complete || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: knowledge differs from one batch's (%d counts, want %d; %+v)", name, len(got), len(want), st)
		}
		gotAn := analysesOf(t, s)
		for i := 12; i < 24; i++ {
			id := fmt.Sprintf("k%d", i)
			if gotAn[id] != wantAn[id] {
				t.Errorf("%s: analysis of %s differs from the one batch's:\n%s\nwant\n%s", name, id, gotAn[id], wantAn[id])
			}
		}
	}
	// rasad analyze recomputes the same knowledge from all articles
	if _, err := Reanalyze(context.Background(), twoRuns); err != nil {
		t.Fatal(err)
	}
	if got, _ := storedKnowledge(t, twoRuns); !reflect.DeepEqual(got, want) {
		t.Errorf("after Reanalyze: knowledge differs (%d counts, want %d)", len(got), len(want))
	}
	// and so does counting the stored articles (a store made before the
	// knowledge was kept)
	if _, _, err := RebuildKnowledge(context.Background(), one); err != nil {
		t.Fatal(err)
	}
	if got, _ := storedKnowledge(t, one); !reflect.DeepEqual(got, want) {
		t.Errorf("after RebuildKnowledge: knowledge differs (%d counts, want %d)", len(got), len(want))
	}
}

// An ingest stopped after its first batch and run again counts every
// article once, as does ingesting everything a second time.
func TestKnowledgeRerunCountsOnce(t *testing.T) {
	forgetKnowledge()
	clean := openStore(t)
	ingestArts(t, clean, 8, knowArticles(0, 24))
	want, _ := storedKnowledge(t, clean)

	s := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	p := New(s, Options{Batch: 8, Stored: func([]*rasad.Article, []rasad.PutResult) { cancel() }})
	if _, err := p.IngestArticles(ctx, knowArticles(0, 24)); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("interrupted ingest: %v", err)
	}
	if n, _, _ := s.Count(context.Background()); n == 0 || n == 24 {
		t.Fatalf("%d articles stored by the interrupted run, want some", n)
	}
	for _, forget := range []bool{false, true} {
		if forget {
			forgetKnowledge()
		}
		sum := ingestArts(t, s, 8, knowArticles(0, 24))
		if got, st := storedKnowledge(t, s); !st.Complete || !reflect.DeepEqual(got, want) {
			t.Errorf("rerun (%d new): knowledge differs from one clean run's (%d counts, want %d)", sum.New, len(got), len(want))
		}
	}
}

// A surname learned from a full name in an earlier ingest is found alone
// in a later one; analysed alone, the later article does not know it.
func TestSurnameLearnedInEarlierBatch(t *testing.T) {
	forgetKnowledge()
	s := openStore(t)
	pub := time.Date(2023, 6, 1, 9, 0, 0, 0, time.UTC)
	mk := func(id, body string) *rasad.Article {
		return &rasad.Article{Title: "خبر " + id, Text: body, Published: &pub,
			Reports: []rasad.Report{{ExtID: id, Source: "test", Format: "jsonl", Origin: "test:" + id}}}
	}
	ingestArts(t, s, 10, []*rasad.Article{
		mk("e1", "التقى الرئيس كريم سلامة في عمان يوم الاثنين وفدا اقتصاديا، وقال إن المحادثات كانت مثمرة."),
		mk("e2", "وصل وزير المالية سامي نصار إلى العاصمة مساء الأحد في زيارة تستمر يومين."),
	})
	later := "وقال سلامة في مؤتمر صحفي إن المشاورات ستستأنف الأسبوع المقبل، فيما أكد نصار أن الميزانية جاهزة."
	alone := []*rasad.Article{mk("e3", later)}
	collection.Analyze(alone)
	for _, m := range alone[0].Analysis.Mentions {
		if m.Type == "PERSON" && strings.Contains(m.Key, " ") {
			t.Fatalf("analysed alone, the article already knows the full name %+v: the test shows nothing", m)
		}
	}
	ingestArts(t, s, 10, []*rasad.Article{mk("e3", later)})
	var got []rasad.Mention
	for _, id := range mustIDs(t, s) {
		a, _ := s.Get(context.Background(), id)
		if a.Reports[0].ExtID != "e3" {
			continue
		}
		as, _ := s.Analyses(context.Background(), []string{id})
		got = as[id].Mentions
	}
	// سلامة is found because the collection named him in full; نصار, which
	// the model finds, gets the full name's key
	found := map[string]string{}
	for _, m := range got {
		if m.Type == "PERSON" && strings.Contains(m.Key, " ") {
			found[m.Text] = m.Rule
		}
	}
	if found["سلامة"] != "surname of a person named in the collection" || found["نصار"] == "" {
		t.Errorf("the surnames learned in an earlier batch are not found: %+v", got)
	}
}

func mustIDs(t *testing.T, s rasad.Store) []string {
	t.Helper()
	ids, err := s.IDs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// The watcher makes a pipeline per round: the knowledge is read from the
// store once, and read again only when another writer changed it.
func TestKnowledgeReadOnce(t *testing.T) {
	forgetKnowledge()
	s := openStore(t)
	arts := knowArticles(0, 12)
	ingestArts(t, s, 100, arts[:4])
	n0 := knowledgeReads.Load()
	for i := 4; i < 12; i++ {
		ingestArts(t, s, 100, arts[i:i+1]) // a new pipeline each round
	}
	if n := knowledgeReads.Load() - n0; n != 0 {
		t.Errorf("the knowledge was read %d times over 8 rounds, want 0 (kept in memory)", n)
	}
	// another process (which has its own memory) writes, then this one
	other := knowArticles(12, 14)
	if _, err := New(s, Options{}).IngestArticles(context.Background(), other[:1]); err != nil {
		t.Fatal(err)
	}
	forgetKnowledge() // this process's memory is of an older generation
	if _, err := New(s, Options{}).IngestArticles(context.Background(), other[1:]); err != nil {
		t.Fatal(err)
	}
	if n := knowledgeReads.Load() - n0; n != 1 {
		t.Errorf("after another process wrote, the knowledge was read %d times, want 1", n)
	}
	want := openStore(t)
	ingestArts(t, want, 100, knowArticles(0, 14))
	w, _ := storedKnowledge(t, want)
	if got, st := storedKnowledge(t, s); !st.Complete || !reflect.DeepEqual(got, w) {
		t.Errorf("knowledge after rounds differs from one batch's (%d counts, want %d)", len(got), len(w))
	}
}
