package main

import (
	"context"
	"encoding/json"
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
	arts, rejected, err := readRecords(ctx, inputs, *published, ingest.Prepare, stderr)
	if err != nil {
		return err
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
	return rejectedError(rejected)
}

// annotateID is the document's own id when the input gave one, else the
// stored article id.
func annotateID(a *rasad.Article) string {
	if len(a.Reports) > 0 && a.Reports[0].ExtID != "" {
		return a.Reports[0].ExtID
	}
	return a.ID
}
