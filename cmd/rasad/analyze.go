package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/collection"
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
	ids, err := store.IDs(ctx)
	if err != nil {
		return err
	}
	arts := make([]*rasad.Article, 0, len(ids))
	for _, id := range ids {
		a, err := store.Get(ctx, id)
		if err != nil {
			return err
		}
		arts = append(arts, a)
	}
	collection.Analyze(arts)
	as := make(map[string]*rasad.Analysis, len(arts))
	for _, a := range arts {
		if a.Analysis != nil {
			as[a.ID] = a.Analysis
		}
	}
	if err := store.SetAnalysis(ctx, as); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "analysed %d articles in %.1fs\n", len(as), time.Since(start).Seconds())
	return nil
}
