package events

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad/analysis/dates"
	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/text"
)

// Find with its word list from the pool, text after text, gives what it
// gives with slices of its own: on our own texts (long, short, long: the
// slices grown, then reused shorter) and on ant-dev texts with their
// dates when present.
func TestPooledFindSameAsFresh(t *testing.T) {
	long := strings.Repeat("التقى وزير الخارجية نظيره الفرنسي في باريس يوم الخميس، وبحث الجانبان اتفاقا وقعته الحكومتان أمس. ", 30)
	texts := []string{long, "وقع الطرفان اتفاقا.", long + "زار الرئيس القاهرة الجمعة.", ""}
	if docs, ok := testcorpus.LoadIfPresent(t, 600); ok {
		for _, d := range docs {
			texts = append(texts, d.Text)
		}
	}
	anchor := dates.AnchorAt(time.Date(2018, 2, 14, 0, 0, 0, 0, time.UTC), "published")
	defer func() { poolFind = true }()
	for _, s := range texts {
		toks := text.Tokenize(s)
		in := Input{Text: s, Tokens: toks, Timexes: dates.TagTokens(s, toks, anchor), Published: "2018-02-14"}
		poolFind = false
		want := Find(in)
		poolFind = true
		if got := Find(in); !reflect.DeepEqual(got, want) {
			t.Fatalf("%.80q: pooled %v, fresh %v", s, got, want)
		}
	}
}
