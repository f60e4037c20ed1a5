package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rasad/rasad/sqlite"
)

func BenchmarkZZIngest(b *testing.B) {
	for i := 0; i < b.N; i++ {
		arts := corpusArticles(b, 100000)
		s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "x.db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := New(s, Options{}).IngestArticles(context.Background(), arts); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
