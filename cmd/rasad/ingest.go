package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/pipeline"
)

// runIngest is rasad ingest: flags and wiring around pipeline.Ingest.
// Progress, messages and the summary go to stderr, so that standard output
// stays clean for a following command's output.
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
		if err == nil {
			err = ingest.CheckPublished(t, time.Now())
		}
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

	// fewer garbage collections while ingesting (gcpolicy.go)
	stopGC := gcBudget(ingestHeapBudget)
	sum, err := ingestWith(ctx, store, inputs, opts, *quiet, *withStories, stderr)
	stopGC()
	if err != nil {
		return err
	}
	printSummary(stderr, sum)
	if sum.Rejected > 0 {
		return exitError{exitFailure, fmt.Sprintf("%d record(s) rejected (see above)", sum.Rejected)}
	}
	return nil
}

// ingestWith runs the pipeline with the CLI's progress line and messages.
func ingestWith(ctx context.Context, store rasad.Store, inputs []string, opts ingest.Options, quiet, stories bool, stderr io.Writer) (pipeline.Summary, error) {
	progress := !quiet && isTerminal(stderr)
	var mu sync.Mutex // the progress line and messages share stderr
	start, lastDraw := time.Now(), time.Time{}
	clear := func() {
		if progress {
			fmt.Fprint(stderr, "\r\x1b[K")
		}
	}
	draw := func(s pipeline.Summary, final bool) {
		if !progress || (!final && time.Since(lastDraw) < 200*time.Millisecond) {
			return
		}
		lastDraw = time.Now()
		rate := float64(s.Read) / time.Since(start).Seconds()
		fmt.Fprintf(stderr, "\r\x1b[K%s read %d · new %d · copies %d · duplicates %d · rejected %d · %.0f/s",
			spinner(s.Read), s.Read, s.New, s.NewReports, s.Duplicates, s.Rejected, rate)
		if final {
			fmt.Fprintln(stderr)
		}
	}
	po := pipeline.Options{Stories: stories}
	po.Progress = func(s pipeline.Summary) {
		mu.Lock()
		defer mu.Unlock()
		draw(s, false)
	}
	if !quiet {
		po.Rejected = func(origin, reason string) {
			mu.Lock()
			defer mu.Unlock()
			clear()
			fmt.Fprintf(stderr, "rejected %s: %s\n", origin, reason)
		}
		po.Warning = func(origin, w string) {
			mu.Lock()
			defer mu.Unlock()
			clear()
			fmt.Fprintf(stderr, "warning %s: %s\n", origin, w)
		}
	}
	sum, err := pipeline.New(store, po).Ingest(ctx, pipeline.Files(inputs, opts))
	mu.Lock()
	draw(sum, true)
	mu.Unlock()
	return sum, err
}

// inferArticleDates sets inferred publication dates on the articles that
// lack one, marking them with their kind, confidence and evidence.
func inferArticleDates(arts []*rasad.Article) { pipeline.InferDates(arts) }

func spinner(n int) string {
	return string(`|/-\`[n%4])
}

func printSummary(w io.Writer, st pipeline.Summary) {
	el := st.Elapsed
	fmt.Fprintf(w, "read %d · new %d · copies (new reports of known texts) %d · duplicates %d · rejected %d · warnings %d · %.1fs (%.0f articles/s)\n",
		st.Read, st.New, st.NewReports, st.Duplicates, st.Rejected, st.Warnings, el.Seconds(), float64(st.Read)/max(el.Seconds(), 1e-9))
	if st.Skipped > 0 {
		fmt.Fprintf(w, "analysed %d · skipped %d already stored\n", st.Analysed, st.Skipped)
	}
	if st.Stories > 0 {
		fmt.Fprintf(w, "stories with 2+ articles: %d · near-duplicate pairs: %d\n", st.Stories, st.CopyPairs)
	}
	for _, k := range st.RejectionKinds() {
		origins := st.Rejections[k]
		more := ""
		if len(origins) > 3 {
			more = fmt.Sprintf(" and %d more", len(origins)-3)
			origins = origins[:3]
		}
		fmt.Fprintf(w, "  rejected %d × %s: %s%s\n", len(st.Rejections[k]), k, strings.Join(origins, ", "), more)
	}
}
