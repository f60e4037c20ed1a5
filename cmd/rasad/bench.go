package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/sqlite"
	"github.com/rasad/rasad/story"
)

// runBench measures the whole pipeline on a real corpus: ingest throughput
// (articles/s, MB/s of text), peak RSS, and search latency percentiles over
// queries made from the corpus's own headlines.
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "serve" {
		return runBenchServe(ctx, args[1:], stdout, stderr)
	}
	fs := newFlags("bench", stderr, "[--corpus PATH] [--queries N] [--keep DB]")
	corpus := fs.String("corpus", "../shared/corpus/ant-dev.jsonl.gz", "corpus to ingest (any input rasad ingest reads)")
	nq := fs.Int("queries", 300, "number of search queries")
	keep := fs.String("keep", "", "keep the benchmark database at this path (default: a temporary file)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if _, err := os.Stat(*corpus); err != nil {
		return usageError{fmt.Sprintf("corpus %s: %v", *corpus, err)}
	}
	db := *keep
	if db == "" {
		dir, err := os.MkdirTemp("", "rasad-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		db = filepath.Join(dir, "bench.db")
	}
	start, cpu0, gc0 := time.Now(), cpuTime(), gcCPU()
	if err := runIngest(ctx, []string{"--quiet", "--no-stories", "--db", db, *corpus}, io.Discard, stderr); err != nil {
		var ee exitError
		if !asExit(err, &ee) {
			return err
		}
	}
	elapsed, cpu, gc := time.Since(start), cpuTime()-cpu0, gcCPU()-gc0
	store, err := openStore(ctx, db)
	if err != nil {
		return err
	}
	defer store.Close()
	var articles, reports int
	var textBytes int64
	if err := store.DB().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM reports),
		(SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM articles)`).Scan(&articles, &reports, &textBytes); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "ingest  %d reports → %d articles, %.1f MB of text in %.2fs: %.0f reports/s, %.1f MB/s\n",
		reports, articles, float64(textBytes)/1e6, elapsed.Seconds(), float64(reports)/elapsed.Seconds(), float64(textBytes)/1e6/elapsed.Seconds())
	// CPU time is what a shared machine distorts least
	fmt.Fprintf(stdout, "        CPU %.2fs user+system: %.2f ms per report, %.0f reports per CPU-second (on %d cores)\n",
		cpu.Seconds(), cpu.Seconds()*1000/float64(max(reports, 1)), float64(reports)/max(cpu.Seconds(), 1e-9), runtime.NumCPU())
	fmt.Fprintf(stdout, "        GC %.2fs of that CPU (the runtime's estimate)\n", gc)

	t0 := time.Now()
	sres, _, err := rebuildStories(ctx, store, story.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "stories %d articles → %d stories (%d with 2+ articles), %d near-duplicate pairs in %.2fs\n",
		len(sres.StoryOf), len(sres.Stories), story.CountMin(sres.Stories, 2), len(sres.Pairs), time.Since(t0).Seconds())
	queries, err := benchQueries(ctx, store, *nq)
	if err != nil {
		return err
	}
	lat := make([]time.Duration, 0, len(queries))
	hits := 0
	for _, q := range queries {
		t0 := time.Now()
		res, err := store.Search(ctx, rasad.SearchQuery{Text: q, Limit: 10})
		if err != nil {
			return fmt.Errorf("query %q: %w", q, err)
		}
		lat = append(lat, time.Since(t0))
		if len(res) > 0 {
			hits++
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	if len(lat) > 0 {
		fmt.Fprintf(stdout, "search  %d queries (%d with hits): p50 %v, p95 %v, p99 %v, max %v\n",
			len(lat), hits, pct(0.50).Round(time.Microsecond), pct(0.95).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), lat[len(lat)-1].Round(time.Microsecond))
	}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		fmt.Fprintf(stdout, "memory  peak RSS %.0f MB\n", float64(ru.Maxrss)/1024)
	}
	return nil
}

func asExit(err error, ee *exitError) bool {
	e, ok := err.(exitError)
	if ok {
		*ee = e
	}
	return ok
}

// benchQueries makes n queries of one or two words from stored headlines,
// spread evenly over the corpus, so the run is the same every time.
func benchQueries(ctx context.Context, store *sqlite.Store, n int) ([]string, error) {
	titles, err := store.Titles(ctx)
	if err != nil {
		return nil, err
	}
	if len(titles) == 0 || n <= 0 {
		return nil, nil
	}
	var out []string
	step := max(1, len(titles)/n)
	for i := 0; i < len(titles) && len(out) < n; i += step {
		var words []string
		for _, w := range strings.Fields(titles[i]) {
			if utf8.RuneCountInString(w) >= 4 && !strings.ContainsAny(w, `"«»:.،,!?؟()`) {
				words = append(words, w)
			}
		}
		if len(words) == 0 {
			continue
		}
		if len(out)%2 == 1 && len(words) >= 2 {
			out = append(out, words[0]+" "+words[1])
		} else {
			out = append(out, words[len(words)/2])
		}
	}
	return out, nil
}

// cpuTime is the process's user+system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// gcCPU is the CPU time the garbage collector has spent so far, as the
// runtime estimates it (runtime/metrics).
func gcCPU() float64 {
	s := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindFloat64 {
		return 0
	}
	return s[0].Value.Float64()
}
