package pipeline

import (
	"fmt"
	"github.com/rasad/rasad/internal/testcorpus"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/collection"
	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/story"
)

// largeParagraph is a paragraph of our own making, dense in what the
// analysis looks for: dates, people with roles, places, event triggers,
// speech verbs, relative and anaphoric dates.
const largeParagraph = "وصل وزير الخارجية الفرنسي جان مارك إلى القاهرة يوم الثلاثاء 12 مارس 2019 في زيارة تستغرق يومين، حيث التقى الرئيس المصري وبحث معه الأوضاع في ليبيا. " +
	"وقال المتحدث باسم الخارجية إن الجانبين اتفقا على عقد اجتماع جديد في باريس الشهر المقبل، بينما أعلنت الأمم المتحدة أنها سترسل وفدا إلى طرابلس بعد غد. " +
	"وكان الوزير قد أجرى اتصالا هاتفيا مع نظيره الإيطالي أمس، وندد بالهجوم الذي استهدف مقر الحكومة منذ ثلاثة أيام آنذاك."

// largeArticle is one article of about size bytes: the paragraph repeated,
// separated by sep (a line break, or a space: one endless line).
func largeArticle(size int, sep string, dated bool) *rasad.Article {
	var b strings.Builder
	b.WriteString("عنوان الخبر الطويل\n")
	for b.Len()+len(largeParagraph)+len(sep) < size {
		b.WriteString(largeParagraph)
		b.WriteString(sep)
	}
	a := &rasad.Article{Title: "عنوان الخبر الطويل", Text: b.String(),
		Reports: []rasad.Report{{ExtID: fmt.Sprint("large", size), Format: "jsonl", Origin: "large"}}}
	if dated {
		t := time.Date(2019, 3, 12, 0, 0, 0, 0, time.UTC)
		a.Published = &t
	}
	return a
}

var largeSizes = []int{64 << 10, 256 << 10, 1 << 20, 4 << 20, 8_000_000}

// runLarge runs every stage an ingest and the story/timeline commands run
// on one article, each timed.
func runLarge(tb testing.TB, a *rasad.Article) map[string]time.Duration {
	d := map[string]time.Duration{}
	t0 := time.Now()
	if err := ingest.Prepare(a); err != nil {
		tb.Fatal(err)
	}
	d["clean+id"] = time.Since(t0)
	t0 = time.Now()
	InferDates([]*rasad.Article{a})
	d["infer-dates"] = time.Since(t0)
	t0 = time.Now()
	collection.Analyze([]*rasad.Article{a})
	d["analysis"] = time.Since(t0)
	t0 = time.Now()
	story.Build([]story.Doc{story.DocOf(a, a.Analysis)}, story.Options{})
	d["stories+dedup"] = time.Since(t0)
	t0 = time.Now()
	story.FromArticles([]*rasad.Article{a}, story.DisplayID, nil)
	d["timeline"] = time.Since(t0)
	return d
}

// BenchmarkLargeArticle: one article of 64 KB … 8 MB (the paragraph
// repeated on separate lines, and on one line), through every stage. The
// ns/byte metric stays flat when the stages are linear in the text's length.
//
//	go test ./pipeline -run '^$' -bench LargeArticle -benchtime 1x
func BenchmarkLargeArticle(b *testing.B) {
	for _, sep := range []string{"\n", " "} {
		name := map[string]string{"\n": "lines", " ": "oneline"}[sep]
		for _, size := range largeSizes {
			b.Run(fmt.Sprintf("%s/%dKB", name, size>>10), func(b *testing.B) {
				total := map[string]time.Duration{}
				var n int
				cpu0 := cpuTime()
				for b.Loop() {
					a := largeArticle(size, sep, sep == "\n") // the one-line text infers its date
					n = len(a.Text)
					for k, v := range runLarge(b, a) {
						total[k] += v
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/byte")
				// CPU time (user+system, all threads) is what a shared
				// machine does not distort
				b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N)/float64(n), "cpu-ns/byte")
				for k, v := range total {
					b.ReportMetric(float64(v.Nanoseconds())/float64(b.N)/float64(n), k+"-ns/byte")
				}
			})
		}
	}
}

// cpuTime: see testcorpus.CPUTime.
func cpuTime() time.Duration { return testcorpus.CPUTime() }

// TestLargeArticleLinear: the CPU time per byte of every stage together
// does not grow with the text (before the fix, event finding tripled its
// time per doubling: a 1 MB article cost 8× the time per byte of 128 KB).
func TestLargeArticleLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	perByte := func(size int) float64 {
		a := largeArticle(size, " ", false) // one endless line: the worst case
		c0 := cpuTime()
		runLarge(t, a)
		return float64(cpuTime()-c0) / float64(len(a.Text))
	}
	perByte(32 << 10) // warm up the lexicons
	small, large := perByte(128<<10), perByte(1<<20)
	t.Logf("CPU per byte: 128 KB %.0f ns, 1 MB %.0f ns", small, large)
	if large > 2.5*small {
		t.Errorf("1 MB costs %.1f× the CPU per byte of 128 KB: not linear", large/small)
	}
}
