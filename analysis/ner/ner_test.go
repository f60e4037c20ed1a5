package ner

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/rasad/rasad/text"
)

// fixture sentences of our own making; ⟦TYPE:name⟧ marks a gold mention.
var fixture = []string{
	"قال الرئيس ⟦PERS:سامي الخطيب⟧ في ⟦LOC:القاهرة⟧ إن ⟦ORG:شركة النور للطاقة⟧ ستفتح مكتبا جديدا في ⟦LOC:دمشق⟧ .",
	"وصل وزير الخارجية ⟦PERS:كريم منصور⟧ إلى ⟦LOC:باريس⟧ أمس للقاء مسؤولين من ⟦ORG:الأمم المتحدة⟧ .",
	"أعلنت ⟦ORG:جامعة الوادي⟧ أن الباحثة ⟦PERS:ليلى حداد⟧ فازت بجائزة في ⟦LOC:تونس⟧ .",
	"وقال المدرب ⟦PERS:ماركو بيلوني⟧ إن فريقه سيلعب في ⟦LOC:مدريد⟧ يوم السبت .",
	"ذكرت وكالة ⟦ORG:رويترز⟧ أن ⟦PERS:سامي الخطيب⟧ التقى ⟦PERS:كريم منصور⟧ في ⟦LOC:عمان⟧ .",
	"وأكد ⟦PERS:يوسف العلي⟧ رئيس ⟦ORG:اتحاد الصناعات⟧ أن الصادرات إلى ⟦LOC:تركيا⟧ زادت هذا العام .",
}

// parseFixture turns marked sentences into documents.
func parseFixture(t testing.TB, lines []string) []Doc {
	t.Helper()
	var docs []Doc
	for i, l := range lines {
		var b strings.Builder
		var ms []Span
		for {
			open := strings.Index(l, "⟦")
			if open < 0 {
				b.WriteString(l)
				break
			}
			b.WriteString(l[:open])
			rest := l[open+len("⟦"):]
			colon := strings.Index(rest, ":")
			closeAt := strings.Index(rest, "⟧")
			if colon < 0 || closeAt < colon {
				t.Fatalf("bad marker in %q", l)
			}
			name := rest[colon+1 : closeAt]
			ms = append(ms, Span{Start: b.Len(), End: b.Len() + len(name), Type: rest[:colon]})
			b.WriteString(name)
			l = rest[closeAt+len("⟧"):]
		}
		src := b.String()
		d := Doc{ID: string(rune('a' + i)), Text: src, Toks: text.Tokenize(src), Mentions: ms}
		pos := 0
		for _, f := range strings.Fields(src) {
			s := strings.Index(src[pos:], f) + pos
			d.GoldTokens = append(d.GoldTokens, [2]int{s, s + len(f)})
			pos = s + len(f)
		}
		docs = append(docs, d)
	}
	return docs
}

func TestStripClitics(t *testing.T) {
	for _, c := range []struct{ in, rest, cl string }{
		{"والقاهره", "قاهره", "و+ال"},
		{"بالقاهره", "قاهره", "ب+ال"},
		{"للامم", "امم", "ل+ال"},
		{"وباريس", "باريس", "و+"},
		{"وزير", "وزير", ""}, // و is a root letter: too short to strip
		{"بلير", "بلير", ""}, // a bare ب stays
		{"الخطيب", "خطيب", "ال"},
	} {
		k := text.Key(c.in)
		rest, cl := stripClitics(k)
		if rest != text.Key(c.rest) || cl != c.cl {
			t.Errorf("stripClitics(%s) = %s, %q; want %s, %q", c.in, rest, cl, c.rest, c.cl)
		}
	}
}

func TestLabels(t *testing.T) {
	d := parseFixture(t, fixture[:1])[0]
	tags := Labels(&d)
	var got []string
	for i, tg := range tags {
		if tg != tagO {
			got = append(got, tagNames[tg]+":"+d.Toks[i].Surface(d.Text))
		}
	}
	want := "B-PERS:سامي I-PERS:الخطيب B-LOC:القاهرة B-ORG:شركة I-ORG:النور I-ORG:للطاقة B-LOC:دمشق"
	if strings.Join(got, " ") != want {
		t.Errorf("labels = %s\nwant     %s", strings.Join(got, " "), want)
	}
}

func train(t testing.TB, docs []Doc) (*Model, []byte) {
	m, _ := Train(docs, TrainOptions{Epochs: 8, Seed: 7, MinCount: 1})
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return m, buf.Bytes()
}

// Training twice on the same data gives the same bytes, and the model
// learns its training sentences.
func TestTrainDeterministic(t *testing.T) {
	docs := parseFixture(t, fixture)
	m, a := train(t, docs)
	_, b := train(t, docs)
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same data differ")
	}
	sc := Evaluate(m, docs, false)
	if f := sc.All().F1(); f < 0.95 {
		t.Errorf("training-set F1 %.2f: %s", f, sc)
	}
	// a new seed shuffles differently but stays deterministic too
	m2, _ := Train(docs, TrainOptions{Epochs: 8, Seed: 8, MinCount: 1})
	m3, _ := Train(docs, TrainOptions{Epochs: 8, Seed: 8, MinCount: 1})
	var b2, b3 bytes.Buffer
	m2.Write(&b2)
	m3.Write(&b3)
	if !bytes.Equal(b2.Bytes(), b3.Bytes()) {
		t.Error("seed 8: two trainings differ")
	}
}

func TestWriteRead(t *testing.T) {
	docs := parseFixture(t, fixture)
	m, data := train(t, docs)
	r, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if r.Features() != m.Features() {
		t.Fatalf("read %d features, wrote %d", r.Features(), m.Features())
	}
	// quantization keeps the decisions
	a, b := NewTagger(m), NewTagger(r)
	for _, d := range docs {
		x, y := a.Tag(d.Text, d.Toks), b.Tag(d.Text, d.Toks)
		if len(x) != len(y) {
			t.Fatalf("%s: %d mentions before writing, %d after", d.ID, len(x), len(y))
		}
		for i := range x {
			if x[i].Start != y[i].Start || x[i].End != y[i].End || x[i].Type != y[i].Type || math.Abs(x[i].Margin-y[i].Margin) > 0.05*math.Abs(x[i].Margin)+0.01 {
				t.Errorf("%s: %+v became %+v", d.ID, x[i], y[i])
			}
		}
	}
	for _, bad := range [][]byte{nil, []byte("not gzip"), data[:len(data)/2]} {
		if _, err := Read(bytes.NewReader(bad)); err == nil {
			t.Errorf("Read(%d bytes of junk) = nil error", len(bad))
		}
	}
}

func FuzzRead(f *testing.F) {
	docs := parseFixture(f, fixture[:2])
	_, data := train(f, docs)
	f.Add(data)
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		src := "قال سامي الخطيب في القاهرة"
		NewTagger(m).Tag(src, text.Tokenize(src))
	})
}

// Tag never returns an I- tag without its B-, spans are whole tokens in
// order, and Explain names the features behind a mention.
func TestTagAndExplain(t *testing.T) {
	docs := parseFixture(t, fixture)
	m, _ := train(t, docs)
	tg := NewTagger(m)
	src := "وقال الرئيس سامي الخطيب في دمشق إن شركة النور للطاقة ستفتح مكتبا ."
	toks := text.Tokenize(src)
	ms := tg.Tag(src, toks)
	var got []string
	prev := -1
	for _, mn := range ms {
		if mn.Start < prev || mn.Start != toks[mn.First].Start || mn.End != toks[mn.Last].End {
			t.Errorf("bad span %+v", mn)
		}
		prev = mn.End
		got = append(got, mn.Type+":"+src[mn.Start:mn.End])
	}
	// the names it was trained on, in a new sentence (a model of six
	// sentences may also take a common word for a name)
	for _, want := range []string{"PERS:سامي الخطيب", "LOC:دمشق", "ORG:شركة النور للطاقة"} {
		if !slices.Contains(got, want) {
			t.Errorf("Tag = %q, missing %s", got, want)
		}
	}
	if len(ms) == 0 {
		return
	}
	fs := tg.Explain(src, toks, nil, ms[0], 5)
	if len(fs) == 0 || fs[0].Weight <= 0 {
		t.Fatalf("Explain = %v", fs)
	}
	for i := 1; i < len(fs); i++ {
		if fs[i].Weight > fs[i-1].Weight {
			t.Errorf("Explain not sorted: %v", fs)
		}
	}
	if !strings.Contains(fs[0].Name, "=") {
		t.Errorf("feature name %q has no template", fs[0].Name)
	}
}

func TestViterbiConstraint(t *testing.T) {
	// emissions that favour I-LOC everywhere: the decoder must still open with B-LOC
	n := 3
	scores := make([]float32, n*nTags)
	for i := range n {
		scores[i*nTags+tagILoc] = 5
		scores[i*nTags+tagBLoc] = 1
	}
	var tr [nTags + 1][nTags]float32
	_, tags := viterbi(&tr, scores, n, nil, nil)
	for i, tg := range tags {
		prev := nTags
		if i > 0 {
			prev = tags[i-1]
		}
		if !allowed(prev, tg) {
			t.Fatalf("tags %v: %s after %d", tags, tagNames[tg], prev)
		}
	}
	if tags[0] != tagBLoc || tags[1] != tagILoc || tags[2] != tagILoc {
		t.Errorf("tags = %v", tags)
	}
}

func TestEmpty(t *testing.T) {
	docs := parseFixture(t, fixture[:1])
	m, _ := train(t, docs)
	if ms := NewTagger(m).Tag("", nil); ms != nil {
		t.Errorf("Tag(empty) = %v", ms)
	}
}

// The fast emissions (word cache) equal the feature-by-feature ones.
func TestFastEmissions(t *testing.T) {
	docs := parseFixture(t, fixture)
	m, _ := train(t, docs)
	fast, slow := NewTagger(m), NewTagger(m)
	srcs := []string{"", "سامي", "( سامي الخطيب ) ، في دمشق .\nوقال Ahmed Smith 2024 «الأمم المتحدة»"}
	for _, d := range docs {
		srcs = append(srcs, d.Text)
	}
	for _, src := range srcs {
		toks := text.Tokenize(src)
		hints := []Hint{{Start: 0, End: min(len(src), 8), Type: "PERS", Sure: true}}
		for _, h := range [][]Hint{nil, hints} {
			for range 2 { // the second time from the cache
				fast.fastEmissions(src, toks, h)
				slow.slowEmissions(src, toks, h)
				for i := range fast.scores {
					if math.Abs(float64(fast.scores[i]-slow.scores[i])) > 1e-4 {
						t.Fatalf("%q token %d tag %d: fast %v slow %v", src, i/nTags, i%nTags, fast.scores[i], slow.scores[i])
					}
				}
			}
		}
	}
}
