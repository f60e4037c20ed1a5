package dates

import (
	"testing"
	"time"

	dateparser "github.com/markusmobius/go-dateparser"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/text"
)

type corpusDoc = testcorpus.Doc

func corpus(b *testing.B, n int) ([]corpusDoc, int64) {
	docs := testcorpus.Load(b, n)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	return docs, size
}

// cpuTime: see testcorpus.CPUTime.
func cpuTime() time.Duration { return testcorpus.CPUTime() }

// reportCPU: see testcorpus.ReportCPU.
func reportCPU(b *testing.B, start time.Duration, size int64) { testcorpus.ReportCPU(b, start, size) }

func anchorOf(d corpusDoc) Anchor {
	t, err := time.Parse(time.RFC3339, d.Published)
	if err != nil {
		return Anchor{}
	}
	return AnchorAt(t, "published")
}

// benchDocs is how many ant-dev articles the tagger and go-dateparser are
// both timed on: the same articles, so their MB/s compare.
const benchDocs = 300

// BenchmarkTag measures the tagger on real news text (MB/s per core).
func BenchmarkTag(b *testing.B) {
	docs, size := corpus(b, benchDocs)
	b.SetBytes(size)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			Tag(d.Text, anchorOf(d))
		}
	}
	reportCPU(b, start, size)
}

// BenchmarkTagTokens measures the tagger on tokens the pipeline already
// made (what it costs on top of tokenization).
func BenchmarkTagTokens(b *testing.B) {
	docs, size := corpus(b, benchDocs)
	toks := make([][]text.Token, len(docs))
	for i, d := range docs {
		toks[i] = text.Tokenize(d.Text)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		for i, d := range docs {
			TagTokens(d.Text, toks[i], anchorOf(d))
		}
	}
	reportCPU(b, start, size)
}

// BenchmarkInfer measures document date inference from text alone.
func BenchmarkInfer(b *testing.B) {
	docs, size := corpus(b, 300)
	b.SetBytes(size)
	for b.Loop() {
		for _, d := range docs {
			InferPublished(&rasad.Article{Text: d.Text}, time.Time{})
		}
	}
}

// BenchmarkPeerDateparser runs go-dateparser's search on the same articles
// as BenchmarkTag, for the speed ratio (the only place the peer is used).
func BenchmarkPeerDateparser(b *testing.B) {
	docs, size := corpus(b, benchDocs)
	b.SetBytes(size)
	start := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			cfg := &dateparser.Configuration{Languages: []string{"ar"}, CurrentTime: anchorOf(d).Date}
			dateparser.Search(cfg, d.Text)
		}
	}
	reportCPU(b, start, size)
}
