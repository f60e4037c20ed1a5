package ingest

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis"
	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/text"
)

// slowPrepare is what Prepare did before it tokenized once: cleaning,
// the content ID and the search stems each tokenizing on their own.
func slowPrepare(a *rasad.Article) (id string, keys rasad.SearchKeys, analysed []text.Token) {
	Clean(a)
	id = ContentID(a)
	masked := a.Masked()
	if a.TitleSpan != nil {
		masked = masked[:a.TitleSpan.Start] + strings.Repeat(" ", a.TitleSpan.End-a.TitleSpan.Start) + masked[a.TitleSpan.End:]
	}
	return id, rasad.SearchKeys{Title: text.IndexStems(a.Title), Body: text.IndexStems(masked)}, text.Tokenize(analysis.TextFor(a))
}

func checkPrepareTokens(t *testing.T, name string, mk func() *rasad.Article) {
	t.Helper()
	slow := mk()
	id, keys, toks := slowPrepare(slow)
	fast := mk()
	got, err := PrepareTokens(fast)
	if err != nil {
		return
	}
	if fast.ID != id || *fast.SearchKeys != keys {
		t.Errorf("%s: ID %s/%s, stems equal %v", name, fast.ID, id, *fast.SearchKeys == keys)
	}
	if !reflect.DeepEqual(fast.Removed, slow.Removed) || !reflect.DeepEqual(fast.Dateline, slow.Dateline) || !reflect.DeepEqual(fast.Credits, slow.Credits) || fast.Title != slow.Title {
		t.Errorf("%s: cleaning differs", name)
	}
	if got != nil && !reflect.DeepEqual(got, toks) && !(len(got) == 0 && len(toks) == 0) {
		t.Errorf("%s: analysis tokens differ (%d vs %d)", name, len(got), len(toks))
	}
}

// TestPrepareTokensSameAsSeparate: tokenizing once gives the same
// cleaning, content ID, search stems and analysis tokens as tokenizing
// for each of them, on texts of our own with residue, a page timestamp and
// the title in the text, and on ant-dev when it is present.
func TestPrepareTokensSameAsSeparate(t *testing.T) {
	pub := time.Date(2019, 6, 10, 0, 0, 0, 0, time.UTC)
	own := []string{
		"عنوان تجريبي للخبر\nالاثنين 10 يونيو 2019 - 14:30\nقراءة 3 دقائق\nقال الوزير إن المحادثات في عمان انتهت أمس.\r\nشارك\nوأضاف أن الجولة المقبلة ستعقد في تموز.",
		"القاهرة - رويترز - أعلن المتحدث أن الاجتماع تأجل.\n\n\nعنوان تجريبي للخبر\nعنوان تجريبي للخبر",
		"  سطر يبدأ بمسافات\t\nرقم 3.5 و12,000 و١٢٣\n\xff\xfe نص بعد بايتات غير صالحة",
	}
	for i, s := range own {
		checkPrepareTokens(t, "own", func() *rasad.Article {
			return &rasad.Article{Title: map[bool]string{true: "عنوان تجريبي للخبر"}[i == 0], Text: s, Published: &pub}
		})
	}
	docs := testcorpus.Load(t, 1500)
	for _, d := range docs {
		checkPrepareTokens(t, d.ID, func() *rasad.Article {
			return &rasad.Article{Title: d.Title, Text: d.Text}
		})
	}
}
