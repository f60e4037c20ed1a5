package entities

import (
	"reflect"
	"slices"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/ner"
	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/text"
)

// withModelKeyedFirst is withModel before its mentions' keys were made
// after combine: every mention of the model keyed, then combined.
func withModelKeyedFirst(t *testing.T, src string, toks []text.Token, rules []rasad.Mention, common map[string]bool) []rasad.Mention {
	tg := getTagger()
	if tg == nil {
		t.Skip("no model")
	}
	defer putTagger(tg)
	model := TagModel(tg, src, toks, rules, common)
	return combine(nil, rules, model, ModelPolicy(modelPolicy.Load()))
}

// TestWithModelLateKeys: withModel, keying only the model's mentions that
// combine keeps, gives what keying them all first gave.
func TestWithModelLateKeys(t *testing.T) {
	texts := []string{
		"قال وزير الخارجية سامي الحداد إن الوفد وصل إلى باريس أمس",
		"التقى الرئيس كريم منصور بوفد من شركة النور للتجارة في مدينة طرابلس",
		"وأكد ومحمد العلي ان البنك المركزي سيعلن قراره الأسبوع المقبل في القاهرة",
	}
	docs, _ := testcorpus.LoadIfPresent(t, 300) // real articles when present
	for _, d := range docs {
		texts = append(texts, d.Text)
	}
	checked, keyed := 0, 0
	for _, src := range texts {
		toks := text.Tokenize(src)
		common := CommonWordsOf([]string{src}, [][]text.Token{toks})
		p := modelPolicy.Load()
		modelPolicy.Store(int32(ModelOff))
		rules := Find(src, toks, Options{Common: common})
		modelPolicy.Store(p)
		want := withModelKeyedFirst(t, src, toks, slices.Clone(rules), common)
		got := withModel(src, toks, slices.Clone(rules), common)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%.60q: late keys\n got %v\nwant %v", src, got, want)
		}
		for _, m := range got {
			if m.Rule == ner.Rule && m.Key != "" {
				keyed++
			}
		}
		checked++
	}
	if checked == 0 || keyed == 0 {
		t.Fatalf("checked %d texts, %d keyed model mentions", checked, keyed)
	}
}
