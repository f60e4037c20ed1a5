package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/rasad/rasad/pipeline"
	"github.com/rasad/rasad/story"
)

// runAnalyze recomputes the analysis of every stored article (after the
// rules or lexicons changed), as one collection.
// analyzeMemLimit is the soft memory limit of rasad analyze (GOMEMLIMIT
// overrides it).
const analyzeMemLimit = 384 << 20

func runAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("analyze", stderr, "[--db PATH]")
	db := dbFlag(fs)
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// the analysis holds a chunk and the collection's knowledge (a few
		// hundred MB on 30k articles); without a limit the heap grows to
		// twice what is live before the collector runs
		debug.SetMemoryLimit(analyzeMemLimit)
	}
	store, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	n, err := pipeline.Reanalyze(ctx, store)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "analysed %d articles in %.1fs\n", n, time.Since(start).Seconds())
	// entities feed the stories: assign every article again
	start = time.Now()
	if _, err := pipeline.RebuildStoriesFully(ctx, store, story.Options{}); err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	fmt.Fprintf(stderr, "stories rebuilt in %.1fs\n", time.Since(start).Seconds())
	return nil
}
