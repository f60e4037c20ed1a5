package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis"
	"github.com/rasad/rasad/analysis/dates"
	"github.com/rasad/rasad/ingest"
)

// timexRecord is one line of rasad dates' output: the expression and the
// document it is in.
type timexRecord struct {
	Doc string `json:"doc"`
	rasad.Timex
}

func runDates(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("dates", stderr, "[--published DATE] [FILE|-]...")
	published := fs.String("published", "", "publication date for inputs that carry none (otherwise it is inferred)")
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	arts, rejected, err := readRecords(ctx, inputs, *published, prepareForDates, stderr)
	if err != nil {
		return err
	}
	docs := make([]string, len(arts))
	undated := make([]bool, len(arts))
	for i, a := range arts {
		docs[i] = a.Reports[0].ExtID
		undated[i] = a.Published == nil
	}
	inferArticleDates(arts)
	pipe, err := analysis.NewPipeline(dates.Analyzer)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for i, a := range arts {
		switch {
		case undated[i] && a.Published != nil:
			fmt.Fprintf(stderr, "%s: no publication date; inferred %s (%s, confidence %.2f: %s)\n",
				docs[i], a.Published.Format("2006-01-02"), a.PublishedFrom, a.PublishedConfidence, a.PublishedEvidence)
		case undated[i]:
			fmt.Fprintf(stderr, "%s: no publication date and none could be inferred; relative expressions stay unresolved\n", docs[i])
		}
		d, err := pipe.Run(a)
		if err != nil {
			return err
		}
		for _, tx := range d.Result(dates.Analyzer).([]rasad.Timex) {
			if err := enc.Encode(timexRecord{Doc: docs[i], Timex: tx}); err != nil {
				return err
			}
		}
	}
	return rejectedError(rejected)
}

// prepareForDates cleans an article for tagging, without what only search
// needs (stems): the dates command prints none. A record's text is its
// text: one line with no title of its own is read, not rejected as "only a
// title" (the tagger reads the title line too).
func prepareForDates(a *rasad.Article) error {
	ingest.Clean(a)
	if strings.TrimSpace(a.Text) == "" {
		return errors.New("empty text")
	}
	a.ID = ingest.ContentID(a)
	return nil
}
