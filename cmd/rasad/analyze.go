package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/rasad/rasad/pipeline"
	"github.com/rasad/rasad/story"
)

// runAnalyze recomputes the analysis of every stored article (after the
// rules or lexicons changed), as one collection.
func runAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("analyze", stderr, "[--db PATH]")
	db := dbFlag(fs)
	if _, err := parseFlags(fs, args); err != nil {
		return err
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
