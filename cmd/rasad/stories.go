package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/pipeline"
	"github.com/rasad/rasad/sqlite"
	"github.com/rasad/rasad/story"
)

// rebuildStories assigns every stored article to stories again and saves
// the stories and copies (see pipeline.RebuildStories).
func rebuildStories(ctx context.Context, store *sqlite.Store, opts story.Options) (story.Result, map[string]string, error) {
	return pipeline.RebuildStories(ctx, store, opts)
}

// catchUpStories assigns the articles stored since the last assignment to
// stories, incrementally; nothing else is recomputed.
func catchUpStories(ctx context.Context, store *sqlite.Store, opts story.Options) (int, error) {
	return pipeline.UpdateStories(ctx, store, story.NewEngine(store, opts))
}

// storedCounts reads the stored stories as far as the text listing shows
// them (pipeline.StoredResult without what it does not print): each
// story's articles are counted and their copy groups told apart, but not
// put in publication order nor named, which spares reading every
// article's publication time and first report.
func storedCounts(ctx context.Context, store *sqlite.Store) (story.Result, error) {
	cs, err := store.StoryClusters(ctx, time.Time{}, false)
	if err != nil {
		return story.Result{}, err
	}
	storyOf, copies, err := store.Stories(ctx)
	if err != nil {
		return story.Result{}, err
	}
	res := story.Result{Stories: story.Assigned(cs, storyOf, copies, slices.Sorted(maps.Keys(storyOf))), StoryOf: storyOf}
	for _, c := range copies {
		res.Pairs = append(res.Pairs, story.Pair{A: c.A, B: c.B, Kind: c.Kind, Similarity: c.Similarity})
	}
	return res, nil
}

func runStories(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("stories", stderr, "[--db PATH] [--rebuild] [--from DATE] [--to DATE] [--min-size N] [--limit N] [--window DAYS] [--format json|text]")
	db := dbFlag(fs)
	from := fs.String("from", "", "only stories seen on or after this date")
	to := fs.String("to", "", "only stories seen on or before this date")
	minSize := fs.Int("min-size", 2, "only stories with at least N articles")
	limit := fs.Int("limit", 0, "at most N stories (0: all)")
	window := fs.Int("window", 21, "days a story waits for its next article")
	format := fs.String("format", "text", "output format: text or json")
	threshold := fs.Float64("threshold", 0, "similarity an article needs to join a story (default 0.35)")
	rebuild := fs.Bool("rebuild", false, "assign every article again (otherwise the stored stories are read, after assigning the articles stored since)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	var fromT, toT time.Time
	var err error
	if *from != "" {
		if fromT, err = ingest.ParseTime(*from); err != nil {
			return usageError{fmt.Sprintf("--from: %v", err)}
		}
	}
	if *to != "" {
		if toT, err = ingest.ParseTime(*to); err != nil {
			return usageError{fmt.Sprintf("--to: %v", err)}
		}
		toT = toT.Add(24*time.Hour - time.Nanosecond)
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	store, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	opts := story.Options{Window: time.Duration(*window) * 24 * time.Hour, Threshold: *threshold}
	var res story.Result
	var display map[string]string
	if *rebuild {
		res, display, err = rebuildStories(ctx, store, opts)
	} else {
		if _, err = catchUpStories(ctx, store, opts); err == nil {
			if *format == "text" {
				res, err = storedCounts(ctx, store)
			} else {
				res, display, err = pipeline.StoredResult(ctx, store)
			}
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%d articles in %d stories (%d with ≥2 articles), %d copy pairs, in %.1fs\n",
		len(res.StoryOf), len(res.Stories), story.CountMin(res.Stories, 2), len(res.Pairs), time.Since(start).Seconds())
	var out []story.Story
	for _, s := range res.Stories {
		if len(s.Articles) < *minSize {
			continue
		}
		if !fromT.IsZero() && s.LastSeen.Before(fromT) || !toT.IsZero() && s.FirstSeen.After(toT) {
			continue
		}
		if display != nil {
			for i, a := range s.Articles {
				s.Articles[i] = display[a]
			}
			for i, c := range s.Copies {
				s.Copies[i] = [2]string{display[c[0]], display[c[1]]}
			}
		}
		out = append(out, s)
	}
	if *limit > 0 && len(out) > *limit {
		out = out[:*limit]
	}
	if *format == "json" {
		return writeJSONLines(stdout, out)
	}
	for _, s := range out {
		fmt.Fprintf(stdout, "%s  %s  (%d articles, %d independent, %s → %s)\n   outlets: %s\n   entities: %s\n",
			s.ID, s.Title, len(s.Articles), s.Independent, s.FirstSeen.Format("2006-01-02"), s.LastSeen.Format("2006-01-02"),
			strings.Join(s.Outlets, ", "), strings.Join(s.Entities, "، "))
	}
	return nil
}
