package main

import (
	"context"
	"io"
	"os"
	"testing"
)

// BenchmarkTimelineQuery measures `rasad timeline --query Q --limit 10` on
// a store named by RASAD_BENCH_DB (a 24k-article store made by `rasad
// bench serve --make`; a copy, since the command may write), for the three
// dev stories' queries. It reports wall time per query and the process's
// CPU time (user+sys) per query as cpu-ms/op.
func BenchmarkTimelineQuery(b *testing.B) {
	db := os.Getenv("RASAD_BENCH_DB")
	if db == "" {
		b.Skip("RASAD_BENCH_DB names no store")
	}
	for _, q := range []string{"كوريا الشمالية", "الغوطة", "ترامب"} {
		b.Run(q, func(b *testing.B) {
			cpu0 := cpuTime()
			for b.Loop() {
				if err := runTimeline(context.Background(), []string{"--db", db, "--query", q, "--limit", "10"}, io.Discard, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}
