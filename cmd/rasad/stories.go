package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis"
	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/sqlite"
	"github.com/rasad/rasad/story"
)

// storyDocs reads the store into the story stage's documents, with the
// entity keys of each article's analysis, and remembers display IDs.
func storyDocs(ctx context.Context, store *sqlite.Store) ([]story.Doc, map[string]string, error) {
	var arts []*rasad.Article
	if err := store.Scan(ctx, func(a *rasad.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		return nil, nil, err
	}
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	as, err := store.Analyses(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	docs := make([]story.Doc, len(arts))
	display := map[string]string{}
	for i, a := range arts {
		docs[i] = docOf(a, as[a.ID])
		display[a.ID] = displayID(a)
	}
	return docs, display, nil
}

// docOf makes a story document of an article and its analysis.
func docOf(a *rasad.Article, an *rasad.Analysis) story.Doc {
	d := story.Doc{ID: a.ID, Title: a.Title, Body: analysis.TextFor(a), Names: map[string]string{}}
	if a.Published != nil {
		d.Published = *a.Published
	}
	if len(a.Reports) > 0 {
		d.Outlet = a.Reports[0].Source
	}
	if an != nil {
		seen := map[string]bool{}
		for _, m := range an.Mentions {
			k := m.Type + ":" + m.Key
			if !seen[k] {
				seen[k] = true
				d.Entities = append(d.Entities, k)
			}
			if len(m.Text) > len(d.Names[k]) && (m.Type != "PERSON" || strings.Contains(strings.TrimSpace(m.Text), " ")) {
				d.Names[k] = m.Text
			}
		}
	}
	return d
}

// rebuildStories clusters every stored article again and saves the
// stories and copies (deterministic, so a rebuild changes nothing when no
// article changed).
func rebuildStories(ctx context.Context, store *sqlite.Store, opts story.Options) (story.Result, map[string]string, error) {
	docs, display, err := storyDocs(ctx, store)
	if err != nil {
		return story.Result{}, nil, err
	}
	res := story.Build(docs, opts)
	copies := make([]rasad.CopyPair, len(res.Pairs))
	for i, p := range res.Pairs {
		copies[i] = rasad.CopyPair{A: p.A, B: p.B, Kind: p.Kind, Similarity: p.Similarity}
	}
	if err := store.SetStories(ctx, res.StoryOf, copies); err != nil {
		return res, nil, err
	}
	return res, display, nil
}

func runStories(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("stories", stderr, "[--db PATH] [--from DATE] [--to DATE] [--min-size N] [--limit N] [--window DAYS] [--format json|text]")
	db := dbFlag(fs)
	from := fs.String("from", "", "only stories seen on or after this date")
	to := fs.String("to", "", "only stories seen on or before this date")
	minSize := fs.Int("min-size", 2, "only stories with at least N articles")
	limit := fs.Int("limit", 0, "at most N stories (0: all)")
	window := fs.Int("window", 21, "days a story waits for its next article")
	format := fs.String("format", "text", "output format: text or json")
	threshold := fs.Float64("threshold", 0, "similarity an article needs to join a story (default 0.35)")
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
	res, display, err := rebuildStories(ctx, store, story.Options{Window: time.Duration(*window) * 24 * time.Hour, Threshold: *threshold})
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%d articles in %d stories (%d with ≥2 articles), %d copy pairs, in %.1fs\n",
		len(res.StoryOf), len(res.Stories), countMin(res.Stories, 2), len(res.Pairs), time.Since(start).Seconds())
	var out []story.Story
	for _, s := range res.Stories {
		if len(s.Articles) < *minSize {
			continue
		}
		if !fromT.IsZero() && s.LastSeen.Before(fromT) || !toT.IsZero() && s.FirstSeen.After(toT) {
			continue
		}
		for i, a := range s.Articles {
			s.Articles[i] = display[a]
		}
		for i, c := range s.Copies {
			s.Copies[i] = [2]string{display[c[0]], display[c[1]]}
		}
		out = append(out, s)
	}
	if *limit > 0 && len(out) > *limit {
		out = out[:*limit]
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, s := range out {
			if err := enc.Encode(s); err != nil {
				return err
			}
		}
		return nil
	}
	for _, s := range out {
		fmt.Fprintf(stdout, "%s  %s  (%d articles, %d independent, %s → %s)\n   outlets: %s\n   entities: %s\n",
			s.ID, s.Title, len(s.Articles), s.Independent, s.FirstSeen.Format("2006-01-02"), s.LastSeen.Format("2006-01-02"),
			strings.Join(s.Outlets, ", "), strings.Join(s.Entities, "، "))
	}
	return nil
}

func countMin(ss []story.Story, n int) int {
	c := 0
	for _, s := range ss {
		if len(s.Articles) >= n {
			c++
		}
	}
	return c
}
