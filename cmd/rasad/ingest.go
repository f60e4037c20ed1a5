package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/rasad/rasad/analysis/collection"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/dates"
	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/story"
)

const ingestBatch = 256

// ingestStats is the summary printed at the end of rasad ingest.
type ingestStats struct {
	read, stored, reports, dups, rejected int
	reasons                               map[string][]string // reason -> origins
	warnings                              int
	stories, copyPairs                    int
	start                                 time.Time
}

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", stderr, "[--db PATH] [--published DATE] [--source NAME] [--url URL] INPUT...")
	db := dbFlag(fs)
	published := fs.String("published", "", "publication date for inputs that carry none (YYYY-MM-DD or RFC 3339)")
	source := fs.String("source", "", "outlet name for inputs that carry none")
	url := fs.String("url", "", "URL for inputs that carry none")
	quiet := fs.Bool("quiet", false, "no progress bar and no per-record messages")
	withStories := fs.Bool("stories", false, "rebuild stories and copies at the end (otherwise the commands that use them rebuild them when the store has changed)")
	_ = fs.Bool("no-stories", false, "(default) do not rebuild stories at the end")
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		fs.Usage()
		return usageError{"no input given (a file, a directory, or - for standard input)"}
	}
	opts := ingest.Options{Source: *source, URL: *url}
	if *published != "" {
		t, err := ingest.ParseTime(*published)
		if err != nil {
			return usageError{fmt.Sprintf("--published: %v", err)}
		}
		opts.Published = &t
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()

	var mu sync.Mutex // guards st and the progress line
	st := &ingestStats{reasons: map[string][]string{}, start: time.Now()}
	progress := !*quiet && isTerminal(stderr)
	lastDraw := time.Time{}
	draw := func(final bool) {
		if !progress {
			return
		}
		if !final && time.Since(lastDraw) < 200*time.Millisecond {
			return
		}
		lastDraw = time.Now()
		rate := float64(st.read) / time.Since(st.start).Seconds()
		fmt.Fprintf(stderr, "\r\x1b[K%s read %d · new %d · copies %d · duplicates %d · rejected %d · %.0f/s",
			spinner(st.read), st.read, st.stored, st.reports, st.dups, st.rejected, rate)
		if final {
			fmt.Fprintln(stderr)
		}
	}

	// Reading and accounting run here; cleaning runs on every core, a batch
	// at a time; a writer goroutine stores prepared batches while the next
	// one is read, one transaction per batch.
	type prepared struct{ items []ingest.Item }
	toWrite := make(chan prepared, 2)
	writeErr := make(chan error, 1)
	go func() {
		var err error
		for p := range toWrite {
			if err != nil {
				continue // drain after a failure
			}
			var batch []*rasad.Article
			for _, it := range p.items {
				if it.Err == nil {
					batch = append(batch, it.Article)
				}
			}
			if len(batch) == 0 {
				continue
			}
			res, perr := store.Put(ctx, batch)
			if perr != nil {
				err = perr
				continue
			}
			mu.Lock()
			for _, r := range res {
				switch r.Status {
				case rasad.New:
					st.stored++
				case rasad.NewReport:
					st.reports++
				case rasad.Duplicate:
					st.dups++
				}
			}
			draw(false)
			mu.Unlock()
		}
		writeErr <- err
	}()
	var pending []ingest.Item
	flush := func() {
		if len(pending) == 0 {
			return
		}
		ingest.PrepareAll(pending)
		inferDates(pending)
		var arts []*rasad.Article
		for _, it := range pending {
			if it.Err == nil && it.Article != nil {
				arts = append(arts, it.Article)
			}
		}
		collection.Analyze(arts)
		mu.Lock()
		for _, it := range pending {
			if it.Err != nil {
				st.rejected++
				reason := strings.TrimPrefix(it.Err.Error(), ingest.ErrRejected.Error()+": ")
				key := reasonKey(reason)
				st.reasons[key] = append(st.reasons[key], it.Origin)
				if !*quiet {
					if progress {
						fmt.Fprint(stderr, "\r\x1b[K")
					}
					fmt.Fprintf(stderr, "rejected %s: %s\n", it.Origin, reason)
				}
				continue
			}
			for _, w := range it.Article.Warnings {
				st.warnings++
				if !*quiet {
					fmt.Fprintf(stderr, "warning %s: %s\n", it.Origin, w)
				}
			}
		}
		mu.Unlock()
		toWrite <- prepared{pending}
		pending = make([]ingest.Item, 0, ingestBatch)
	}
	emit := func(it ingest.Item) error {
		mu.Lock()
		st.read++
		mu.Unlock()
		pending = append(pending, it)
		if len(pending) >= ingestBatch {
			flush()
		}
		return nil
	}
	var readErr error
	for _, in := range inputs {
		if readErr = ingest.Read(ctx, in, opts, emit); readErr != nil {
			break
		}
	}
	if readErr == nil {
		flush()
	}
	close(toWrite)
	if err := <-writeErr; err != nil {
		if errors.Is(err, context.Canceled) || ctx.Err() != nil {
			return fmt.Errorf("interrupted: batches already committed are kept; run the same command again to finish")
		}
		return err
	}
	if readErr != nil {
		if errors.Is(readErr, context.Canceled) {
			return fmt.Errorf("interrupted: batches already committed are kept; run the same command again to finish")
		}
		return readErr
	}
	draw(true)
	if *withStories && st.stored+st.reports > 0 {
		res, _, err := rebuildStories(ctx, store, story.Options{})
		if err != nil {
			return fmt.Errorf("stories: %w", err)
		}
		st.stories, st.copyPairs = countMin(res.Stories, 2), len(res.Pairs)
	}
	printSummary(stdout, st)
	if st.rejected > 0 {
		return exitError{exitFailure, fmt.Sprintf("%d record(s) rejected (see above)", st.rejected)}
	}
	return nil
}

// inferDates gives the articles of a batch that have no publication date
// one inferred from their text and the batch (dateline, deictic
// expressions, dated sentences of the other articles), marked as such.
func inferDates(items []ingest.Item) {
	var arts []*rasad.Article
	for _, it := range items {
		if it.Err == nil && it.Article != nil {
			arts = append(arts, it.Article)
		}
	}
	inferArticleDates(arts)
}

// inferArticleDates sets inferred publication dates on the articles that
// lack one, marking them with their kind, confidence and evidence.
func inferArticleDates(arts []*rasad.Article) {
	missing := false
	for _, a := range arts {
		if a.Published == nil {
			missing = true
		}
	}
	if !missing {
		return
	}
	for i, inf := range dates.InferCollection(arts) {
		a := arts[i]
		if a.Published != nil || inf.Date.IsZero() {
			continue
		}
		d := inf.Date
		a.Published, a.PublishedFrom, a.PublishedConfidence, a.PublishedEvidence = &d, inf.Kind, inf.Confidence, inf.Evidence
	}
}

func spinner(n int) string {
	return string(`|/-\`[n%4])
}

// reasonKey groups similar rejection reasons ("malformed JSON: ...").
func reasonKey(reason string) string {
	if i := strings.Index(reason, ":"); i > 0 && i < 40 {
		return reason[:i]
	}
	return reason
}

func printSummary(w io.Writer, st *ingestStats) {
	el := time.Since(st.start)
	fmt.Fprintf(w, "read %d · new %d · copies (new reports of known texts) %d · duplicates %d · rejected %d · warnings %d · %.1fs (%.0f articles/s)\n",
		st.read, st.stored, st.reports, st.dups, st.rejected, st.warnings, el.Seconds(), float64(st.read)/max(el.Seconds(), 1e-9))
	if st.stories > 0 {
		fmt.Fprintf(w, "stories with 2+ articles: %d · near-duplicate pairs: %d\n", st.stories, st.copyPairs)
	}
	keys := make([]string, 0, len(st.reasons))
	for k := range st.reasons {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(st.reasons[keys[i]]) != len(st.reasons[keys[j]]) {
			return len(st.reasons[keys[i]]) > len(st.reasons[keys[j]])
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		origins := st.reasons[k]
		more := ""
		if len(origins) > 3 {
			more = fmt.Sprintf(" and %d more", len(origins)-3)
			origins = origins[:3]
		}
		fmt.Fprintf(w, "  rejected %d × %s: %s%s\n", len(st.reasons[k]), k, strings.Join(origins, ", "), more)
	}
}
