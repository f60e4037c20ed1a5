package story

import (
	"fmt"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/internal/testcorpus"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestStoriesAndCopies(t *testing.T) {
	talks := "عقد وزيرا الطاقة في البلدين محادثات في العاصمة حول مشروع خط الغاز وأسعار الوحدة وتقاسم الكلفة، واتفقا على مواصلة المفاوضات."
	wire := "ضرب زلزال قوي جزيرة في المحيط صباح اليوم وقالت هيئة الأرصاد إن مركزه يقع على عمق عشرة كيلومترات ولم ترد معلومات عن الخسائر حتى الآن."
	docs := []Doc{
		{ID: "a1", Outlet: "x", Published: day("2024-03-03"), Title: "محادثات خط الغاز", Body: talks, Entities: []string{"PERSON:k1", "LOC:amman"}},
		{ID: "a2", Outlet: "y", Published: day("2024-03-10"), Title: "جولة جديدة من محادثات خط الغاز", Body: talks + " وقال الوزير إن الخلاف ما زال قائما حول الأسعار.", Entities: []string{"PERSON:k1"}},
		{ID: "a3", Outlet: "z", Published: day("2024-03-28"), Title: "توقيع اتفاق خط الغاز", Body: "وقع وزيرا الطاقة اتفاق خط الغاز بعد محادثات طويلة حول الأسعار وتقاسم الكلفة.", Entities: []string{"PERSON:k1"}},
		{ID: "q1", Outlet: "w1", Published: day("2024-03-05"), Title: "زلزال قوي", Body: wire},
		{ID: "q2", Outlet: "w2", Published: day("2024-03-05"), Title: "زلزال قوي يضرب جزيرة", Body: wire + " شارك"},
		// the same subject after a long silence is another story
		{ID: "a4", Outlet: "x", Published: day("2024-06-01"), Title: "محادثات خط الغاز", Body: talks, Entities: []string{"PERSON:k1"}},
	}
	res := Build(docs, Options{})
	if res.StoryOf["a1"] != res.StoryOf["a2"] || res.StoryOf["a2"] != res.StoryOf["a3"] {
		t.Errorf("the gas talks split: %v", res.StoryOf)
	}
	if res.StoryOf["q1"] != res.StoryOf["q2"] || res.StoryOf["q1"] == res.StoryOf["a1"] {
		t.Errorf("the quake: %v", res.StoryOf)
	}
	if res.StoryOf["a4"] == res.StoryOf["a1"] {
		t.Errorf("a story resumed after 9 weeks joined the old one")
	}
	var quake *Story
	for i := range res.Stories {
		if res.Stories[i].ID == res.StoryOf["q1"] {
			quake = &res.Stories[i]
		}
	}
	if quake == nil || len(quake.Copies) != 1 || quake.Independent != 1 || len(quake.Outlets) != 2 {
		t.Errorf("quake story: %+v", quake)
	}
	found := false
	for _, p := range res.Pairs {
		if p.A == "a1" && p.B == "a2" && p.Kind == KindUpdate {
			found = true
		}
	}
	if !found {
		t.Errorf("a2 extends a1: pairs %+v", res.Pairs)
	}
	// deterministic whatever the input order
	rev := make([]Doc, len(docs))
	for i := range docs {
		rev[len(docs)-1-i] = docs[i]
	}
	res2 := Build(rev, Options{})
	if fmt.Sprint(res2.Stories) != fmt.Sprint(res.Stories) {
		t.Errorf("input order changed the stories")
	}
}

func loadCorpus(b *testing.B, n int) []Doc {
	var docs []Doc
	for _, r := range testcorpus.Load(b, n) {
		t, _ := time.Parse(time.RFC3339, r.Published)
		docs = append(docs, Doc{ID: r.ID, Outlet: r.Source, Published: t, Title: r.Title, Body: r.Text})
	}
	return docs
}

// BenchmarkBuild shows the cost growing linearly with the corpus.
func BenchmarkBuild(b *testing.B) {
	all := loadCorpus(b, 7213)
	for _, n := range []int{1000, 2000, 4000, 7000} {
		docs := all[:min(n, len(all))]
		b.Run(fmt.Sprintf("%d", n), func(b *testing.B) {
			for b.Loop() {
				Build(docs, Options{})
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(docs)), "µs/article")
		})
	}
}

// Summarize over Build's own assignment gives Build's stories (all but the
// headline, which Build takes from its most central article).
func TestSummarizeMatchesBuild(t *testing.T) {
	docs := []Doc{
		{ID: "a1", Outlet: "أ", Published: day("2024-01-01"), Title: "وزير الري يزور السد", Body: "زار وزير الري السد الكبير اليوم وتفقد أعمال الصيانة في السد", Entities: []string{"PERSON:x"}, Names: map[string]string{"PERSON:x": "سالم العتيبي"}},
		{ID: "a2", Outlet: "ب", Published: day("2024-01-02"), Title: "تفقد أعمال الصيانة في السد الكبير", Body: "تفقد وزير الري أعمال الصيانة في السد الكبير أمس خلال زيارة السد", Entities: []string{"PERSON:x"}},
		{ID: "a3", Outlet: "ب", Published: day("2024-01-02"), Title: "مباراة الكرة", Body: "فاز الفريق الأول على منافسه في مباراة الكرة مساء الأحد", Entities: []string{"ORG:y"}},
	}
	built := Build(docs, Options{})
	sum := Summarize(docs, built.StoryOf, built.Pairs)
	if len(sum.Stories) != len(built.Stories) {
		t.Fatalf("%d stories, Build made %d", len(sum.Stories), len(built.Stories))
	}
	for i := range built.Stories {
		b, s := built.Stories[i], sum.Stories[i]
		b.Title, s.Title = "", ""
		if fmt.Sprint(b) != fmt.Sprint(s) {
			t.Errorf("story %d:\n build     %+v\n summarize %+v", i, b, s)
		}
	}
}

// Assigned counts independent sources as copy groups: a chain of copies
// (a-b, b-c) across two stories is one source wherever its members sit;
// an article in no copy pair is a source of its own.
func TestAssignedIndependent(t *testing.T) {
	clusters := []rasad.StoryCluster{{ID: "s1"}, {ID: "s2"}}
	storyOf := map[string]string{"a": "s1", "b": "s1", "d": "s1", "c": "s2", "e": "s2"}
	copies := []rasad.CopyPair{{A: "a", B: "b"}, {A: "b", B: "c"}}
	got := Assigned(clusters, storyOf, copies, []string{"a", "b", "c", "d", "e"})
	if len(got) != 2 {
		t.Fatalf("Assigned = %d stories, want 2", len(got))
	}
	s1, s2 := got[0], got[1]
	if s1.ID != "s1" || len(s1.Articles) != 3 || s1.Independent != 2 || len(s1.Copies) != 1 || s1.Copies[0] != [2]string{"a", "b"} {
		t.Errorf("s1 = %+v; want 3 articles, 2 independent (a=b, d), copies [a b]", s1)
	}
	if s2.ID != "s2" || len(s2.Articles) != 2 || s2.Independent != 2 || len(s2.Copies) != 0 {
		t.Errorf("s2 = %+v; want 2 articles, 2 independent (c, e), no copies", s2)
	}
}

func TestCountMin(t *testing.T) {
	ss := []Story{{Articles: []string{"a"}}, {Articles: []string{"b", "c"}}, {Articles: []string{"d", "e", "f"}}}
	if got := CountMin(ss, 2); got != 2 {
		t.Errorf("CountMin(2) = %d, want 2", got)
	}
	if got := CountMin(ss, 1); got != 3 {
		t.Errorf("CountMin(1) = %d, want 3", got)
	}
	if got := CountMin(nil, 2); got != 0 {
		t.Errorf("CountMin(nil) = %d, want 0", got)
	}
}
