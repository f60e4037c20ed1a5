package entities

import (
	"fmt"
	"github.com/rasad/rasad/internal/testcorpus"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/ner"
	"github.com/rasad/rasad/text"
)

// BenchmarkFindNoModel is BenchmarkFind with the rules alone, to read the
// model's share of the time. Both report cpu-MB/s too: bytes per second
// of this process's CPU time, which a loaded machine does not distort as
// it does the wall clock.
func BenchmarkFindNoModel(b *testing.B) {
	prev := SetModelPolicy(ModelOff)
	defer SetModelPolicy(prev)
	benchFindCPU(b)
}

func benchFindCPU(b *testing.B) {
	in, size := corpusInputs(b, 2000)
	var all [][]text.Token
	for _, d := range in {
		all = append(all, d.Tokens)
	}
	common := CommonWords(all...)
	// the lexicons and the model load on first use, once per process: a
	// sentence of our own loads them before the clock starts (the model's
	// word cache is still cold for the corpus' words)
	warm := "قال وزير الخارجية إن الوفد وصل إلى باريس"
	Find(warm, text.Tokenize(warm), Options{Common: common})
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for b.Loop() {
		for _, d := range in {
			Find(d.Text, d.Tokens, Options{Common: common})
		}
	}
	testcorpus.ReportCPU(b, c0, size)
}

// cpuTime: see testcorpus.CPUTime.
func cpuTime() time.Duration { return testcorpus.CPUTime() }

func TestCombinePolicies(t *testing.T) {
	m := func(s, e int, typ, rule string) rasad.Mention {
		return rasad.Mention{Span: rasad.Span{Start: s, End: e}, Type: typ, Rule: rule}
	}
	rules := []rasad.Mention{m(0, 10, "LOC", "lexicon places.tsv:9"), m(20, 30, "PERSON", "given name + name"), m(40, 45, "ORG", "lexicon orgs.tsv:3")}
	model := []rasad.Mention{m(0, 10, "ORG", ner.Rule), m(20, 35, "PERSON", ner.Rule), m(50, 60, "LOC", ner.Rule)}
	str := func(ms []rasad.Mention) string {
		var parts []string
		for _, x := range ms {
			r := "rules"
			if x.Rule == ner.Rule {
				r = "model"
			}
			parts = append(parts, x.Type+"@"+string(rune('0'+x.Start/10))+":"+r)
		}
		return strings.Join(parts, " ")
	}
	for _, c := range []struct {
		p    ModelPolicy
		want string
	}{
		{ModelOff, "LOC@0:rules PERSON@2:rules ORG@4:rules"},
		{ModelOnly, "ORG@0:model PERSON@2:model LOC@5:model"},
		{ModelFill, "LOC@0:rules PERSON@2:rules ORG@4:rules LOC@5:model"},
		{ModelFirst, "ORG@0:model PERSON@2:model ORG@4:rules LOC@5:model"},
		{ModelLexicon, "LOC@0:rules PERSON@2:model ORG@4:rules LOC@5:model"},
		{ModelLonger, "LOC@0:rules PERSON@2:model ORG@4:rules LOC@5:model"},
		{ModelPlusLexicon, "ORG@0:model PERSON@2:model ORG@4:rules LOC@5:model"},
		{ModelGated, "LOC@0:rules PERSON@2:model ORG@4:rules LOC@5:model"},
	} {
		if got := str(Combine("", nil, rules, model, c.p)); got != c.want {
			t.Errorf("%s: %s\nwant %s", c.p, got, c.want)
		}
	}
}

// Under ModelGated a rule that is right alone too rarely (a given name on
// its own) adds a mention only where the model found a name; a mention of
// the large place lists loses to the model's overlapping one even when
// longer; the other rules keep the longer span.
func TestCombineGated(t *testing.T) {
	// كريم وصل إلى جسر النهر ثم قابل الوزير حامد في مدينة سان ماركو ومدينة نهرية .
	m := func(s, e int, typ, rule string) rasad.Mention {
		return rasad.Mention{Span: rasad.Span{Start: s, End: e}, Type: typ, Rule: rule}
	}
	rules := []rasad.Mention{
		m(0, 8, "PERSON", "given name alone"),
		m(20, 36, "LOC", "landmark word + name"),
		m(50, 70, "PERSON", "role + name (roles.tsv:1)"),
		m(80, 100, "LOC", "lexicon places_data.tsv:7"),
		m(105, 115, "LOC", "lexicon places.tsv:3"),
	}
	model := []rasad.Mention{m(60, 70, "PERSON", ner.Rule), m(80, 90, "LOC", ner.Rule), m(105, 110, "LOC", ner.Rule)}
	got := Combine("", nil, rules, model, ModelGated)
	var parts []string
	for _, x := range got {
		parts = append(parts, fmt.Sprintf("%s %d-%d %s", x.Type, x.Start, x.End, x.Rule))
	}
	want := "LOC 20-36 landmark word + name|PERSON 50-70 role + name (roles.tsv:1)|LOC 80-90 " + ner.Rule + "|LOC 105-115 lexicon places.tsv:3"
	if s := strings.Join(parts, "|"); s != want {
		t.Errorf("gated: %s\nwant %s", s, want)
	}
}

// The model finds names the rules miss, and its mentions are marked as
// the model's with a span inside the text and a key.
func TestFindWithModel(t *testing.T) {
	if _, err := ner.Default(); err != nil {
		t.Skip("no embedded model:", err)
	}
	src := "وقال المتحدث باسم الشركة ، جورج فالنتي ، إن المصنع الجديد في مدينة ليفربول سيفتح أبوابه الشهر المقبل ."
	toks := text.Tokenize(src)
	prev := SetModelPolicy(ModelOff)
	rules := Find(src, toks, Options{})
	SetModelPolicy(DefaultModelPolicy)
	both := Find(src, toks, Options{})
	SetModelPolicy(prev)
	if len(both) < len(rules) {
		t.Errorf("with the model %d mentions, rules alone %d", len(both), len(rules))
	}
	found := map[string]string{}
	for _, m := range both {
		if m.Start < 0 || m.End > len(src) || m.Start >= m.End || m.Text != src[m.Start:m.End] || m.Key == "" {
			t.Errorf("bad mention %+v", m)
		}
		found[m.Text] = m.Type
	}
	if found["جورج فالنتي"] != "PERSON" || found["ليفربول"] != "LOC" {
		t.Errorf("mentions %v", found)
	}
}

// ModelMentions cleans the tagger's spans: a coordination of lexicon names
// is split, a conjunction left out, tanween words and the collection's
// common words trimmed from a person's name.
func TestModelMentions(t *testing.T) {
	src := "زار وفد من الولايات المتحدة والناتو المدينة ، وقال وكريم سافر أمس إن فريقاً وصل ."
	toks := text.Tokenize(src)
	span := func(from, to string, typ string) ner.Mention {
		first, last := -1, -1
		for i, tk := range toks {
			if tk.Surface(src) == from && first < 0 {
				first = i
			}
			if tk.Surface(src) == to && first >= 0 {
				last = i
				break
			}
		}
		if first < 0 || last < 0 {
			t.Fatalf("no tokens %s..%s", from, to)
		}
		return ner.Mention{Start: toks[first].Start, End: toks[last].End, Type: typ, First: first, Last: last, Margin: 3}
	}
	in := []ner.Mention{
		span("الولايات", "والناتو", "LOC"),
		span("وكريم", "سافر", "PERS"),
		span("فريقاً", "فريقاً", "ORG"),
	}
	common := map[string]bool{"سافر": true}
	var got []string
	for _, m := range ModelMentions(src, toks, in, common) {
		if m.Rule != ner.Rule || m.Text != src[m.Start:m.End] || m.Key == "" {
			t.Errorf("bad mention %+v", m)
		}
		got = append(got, m.Type+":"+m.Text)
	}
	// وكريم alone is what is left of the person: dropped with its cut word
	want := "LOC:الولايات المتحدة LOC:الناتو"
	if strings.Join(got, " ") != want {
		t.Errorf("ModelMentions = %s\nwant %s", strings.Join(got, " "), want)
	}
}

// filterModel drops a model place inside a competition's name and a lone
// given name the rules did not take; a given name the rules took, and the
// same place outside the competition, stay.
func TestFilterModel(t *testing.T) {
	src := "وقال كريم إن نهائي دوري أبطال أوروبا يقام في أوروبا ، ثم رد كريم ."
	toks := text.Tokenize(src)
	at := func(word string, nth int) rasad.Span {
		for _, tk := range toks {
			if tk.Surface(src) == word {
				if nth == 0 {
					return rasad.Span{Start: tk.Start, End: tk.End}
				}
				nth--
			}
		}
		t.Fatalf("no %s", word)
		return rasad.Span{}
	}
	mk := func(sp rasad.Span, typ, rule string) rasad.Mention {
		return rasad.Mention{Span: sp, Type: typ, Rule: rule, Text: src[sp.Start:sp.End]}
	}
	model := []rasad.Mention{
		mk(at("كريم", 0), "PERSON", ner.Rule),
		mk(at("أوروبا", 0), "LOC", ner.Rule),
		mk(at("أوروبا", 1), "LOC", ner.Rule),
		mk(at("كريم", 1), "PERSON", ner.Rule),
	}
	rules := []rasad.Mention{mk(at("كريم", 1), "PERSON", "given name alone")}
	var got []string
	for _, m := range filterModel(toks, rules, model) {
		got = append(got, fmt.Sprintf("%s@%d", m.Text, m.Start))
	}
	want := []string{fmt.Sprintf("أوروبا@%d", at("أوروبا", 1).Start), fmt.Sprintf("كريم@%d", at("كريم", 1).Start)}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

// Two people joined by و are two names, even when the tagger reads one
// span over both; a و-word that is a name itself (وليد) stays inside.
func TestModelMentionsTwoPeople(t *testing.T) {
	src := "واستقبل الرئيسان السابقان لي تشانغ مون وبان سو مين الوفد ، وحضر أحمد وليد سالم الحفل ."
	toks := text.Tokenize(src)
	span := func(from, to string) ner.Mention {
		first, last := -1, -1
		for i, tk := range toks {
			if tk.Surface(src) == from && first < 0 {
				first = i
			}
			if tk.Surface(src) == to && first >= 0 {
				last = i
				break
			}
		}
		if first < 0 || last < 0 {
			t.Fatalf("no tokens %s..%s", from, to)
		}
		return ner.Mention{Start: toks[first].Start, End: toks[last].End, Type: "PERS", First: first, Last: last, Margin: 3}
	}
	var got []string
	for _, m := range ModelMentions(src, toks, []ner.Mention{span("لي", "مين"), span("أحمد", "سالم")}, map[string]bool{}) {
		got = append(got, m.Text)
	}
	want := "لي تشانغ مون|بان سو مين|أحمد وليد سالم"
	if strings.Join(got, "|") != want {
		t.Errorf("ModelMentions = %s\nwant %s", strings.Join(got, "|"), want)
	}
}
