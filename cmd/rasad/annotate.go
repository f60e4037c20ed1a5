package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/collection"
	"github.com/rasad/rasad/ingest"
)

// annotateRecord is one line of rasad annotate's output: every extraction
// of one document, with byte offsets into the text the analyzers read
// (the stored text, removed residue blanked).
type annotateRecord struct {
	Doc       string               `json:"doc"`
	Published string               `json:"published,omitempty"`
	Timexes   []rasad.Timex        `json:"timexes"`
	Mentions  []rasad.Mention      `json:"mentions"`
	Events    []rasad.EventMention `json:"events"`
}

func runAnnotate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("annotate", stderr, "[--published DATE] [FILE|-]...")
	published := fs.String("published", "", "publication date for inputs that carry none (otherwise it is inferred)")
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	opts := ingest.Options{}
	if *published != "" {
		t, err := ingest.ParseTime(*published)
		if err != nil {
			return usageError{fmt.Sprintf("--published: %v", err)}
		}
		opts.Published = &t
	}
	var arts []*rasad.Article
	rejected := 0
	for _, in := range inputs {
		err := ingest.Read(ctx, in, opts, func(it ingest.Item) error {
			if it.Err == nil {
				it.Err = ingest.Prepare(it.Article)
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
			return err
		}
	}
	inferArticleDates(arts)
	// the collection run: surnames and common words are learned from all
	// the documents given together
	collection.Analyze(arts)
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		rec := annotateRecord{Doc: annotateID(a), Timexes: []rasad.Timex{}, Mentions: []rasad.Mention{}, Events: []rasad.EventMention{}}
		if a.Published != nil {
			rec.Published = a.Published.Format("2006-01-02")
		}
		if an := a.Analysis; an != nil {
			if an.Timexes != nil {
				rec.Timexes = an.Timexes
			}
			if an.Mentions != nil {
				rec.Mentions = an.Mentions
			}
			if an.Events != nil {
				rec.Events = an.Events
			}
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	if rejected > 0 {
		return exitError{exitFailure, fmt.Sprintf("%d input(s) rejected", rejected)}
	}
	return nil
}

// annotateID is the document's own id when the input gave one, else the
// stored article id.
func annotateID(a *rasad.Article) string {
	if len(a.Reports) > 0 && a.Reports[0].ExtID != "" {
		return a.Reports[0].ExtID
	}
	return a.ID
}
