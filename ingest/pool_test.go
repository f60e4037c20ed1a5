package ingest

import (
	"reflect"
	"strings"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/internal/testcorpus"
)

// PrepareTokens with cleaning's slices from the pool, text after text,
// gives what it gives with slices of its own (cleaning spans, title,
// dateline, credits, ID, search stems, the analysis tokens): on texts of
// our own (long, short, long: the slices grown, then reused shorter; a
// page header, a dateline, a credit line) and on ant-dev texts when
// present.
func TestPooledPrepareSameAsFresh(t *testing.T) {
	long := "عاجل\nقراءة 3 دقائق\nالقاهرة (رويترز) - " + strings.Repeat("التقى وزير الخارجية نظيره الفرنسي في باريس يوم الخميس. ", 80) + "\n(إعداد أحمد للنشرة العربية)\n"
	type doc struct{ title, text string }
	docs := []doc{{"لقاء في باريس", long}, {"", "وقع الطرفان اتفاقا.\nثم غادرا."}, {"", long + "\nشارك"}, {"عنوان", "عنوان\nنص قصير"}}
	if cds, ok := testcorpus.LoadIfPresent(t, 1500); ok {
		for _, d := range cds {
			docs = append(docs, doc{d.Title, d.Text})
		}
	}
	defer func() { poolClean = true }()
	for _, d := range docs {
		run := func(pool bool) (*rasad.Article, []any) {
			poolClean = pool
			a := &rasad.Article{Title: d.title, Text: d.text}
			toks, err := PrepareTokens(a)
			return a, []any{toks, err}
		}
		fa, fr := run(false)
		pa, pr := run(true)
		if !reflect.DeepEqual(fa, pa) || !reflect.DeepEqual(fr, pr) {
			t.Fatalf("%.80q: pooled %+v %v\nfresh %+v %v", d.text, pa, pr, fa, fr)
		}
	}
}
