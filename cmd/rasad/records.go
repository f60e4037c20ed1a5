package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/ingest"
)

// readRecords reads every input (a file, or "-" for stdin, which is the
// default when none is given) for the per-document commands (annotate,
// dates). published, when not empty, is the publication date for inputs
// that carry none. Each article is passed through prepare; an item that
// fails to read or prepare is reported on stderr and counted as rejected,
// never fatal. The error is for a failure to read an input at all.
func readRecords(ctx context.Context, inputs []string, published string, prepare func(*rasad.Article) error, stderr io.Writer) (arts []*rasad.Article, rejected int, err error) {
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	opts := ingest.Options{}
	if opts.Published, err = parsePublished(published); err != nil {
		return nil, 0, err
	}
	for _, in := range inputs {
		err := ingest.Read(ctx, in, opts, func(it ingest.Item) error {
			if it.Err == nil {
				it.Err = prepare(it.Article)
			}
			if it.Err != nil {
				rejected++
				fmt.Fprintf(stderr, "rejected %s: %v\n", it.Origin, it.Err)
				return nil
			}
			arts = append(arts, it.Article)
			return nil
		})
		if err != nil {
			return nil, rejected, err
		}
	}
	return arts, rejected, nil
}

// parsePublished reads a --published flag: nil when empty, a usage error
// when unreadable or implausible (before 1900, more than two days ahead),
// as such a date in an input is dropped.
func parsePublished(flag string) (*time.Time, error) {
	if flag == "" {
		return nil, nil
	}
	t, err := ingest.ParseTime(flag)
	if err == nil {
		err = ingest.CheckPublished(t, time.Now())
	}
	if err != nil {
		return nil, usageError{fmt.Sprintf("--published: %v", err)}
	}
	return &t, nil
}

// rejectedError is the exit for a run that rejected n inputs: 1 when n > 0.
func rejectedError(n int) error {
	if n > 0 {
		return exitError{exitFailure, fmt.Sprintf("%d input(s) rejected", n)}
	}
	return nil
}

// writeJSONLines writes each item as one line of JSON, with <, > and &
// as they are (Arabic text and quotes read as written).
func writeJSONLines[T any](w io.Writer, items []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, it := range items {
		if err := enc.Encode(it); err != nil {
			return err
		}
	}
	return nil
}
