package watch

import (
	"context"
	"fmt"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/pipeline"
	"github.com/rasad/rasad/story"
)

// PipelineIngester ingests through the one ingest pipeline (cleaning, date
// inference, collection analysis, storing), as rasad ingest does.
type PipelineIngester struct {
	Store rasad.Store
	// Options of the pipeline; its callbacks are the ingester's own.
	Options pipeline.Options
	// Stories, when set, assigns what was stored to stories right after
	// (and whatever an interrupted run stored without assigning).
	Stories *story.Engine
}

// Ingest runs the articles through the pipeline and maps what it did back
// to each article by its origin (unique per queued item).
func (p PipelineIngester) Ingest(ctx context.Context, arts []*rasad.Article) ([]Outcome, error) {
	origins := make([]string, len(arts))
	byOrigin := make(map[string]int, len(arts))
	for i, a := range arts {
		o := ""
		if len(a.Reports) > 0 {
			o = a.Reports[0].Origin
		}
		if _, dup := byOrigin[o]; dup || o == "" {
			return nil, fmt.Errorf("articles need distinct origins (%q)", o)
		}
		origins[i], byOrigin[o] = o, i
	}
	out := make([]Outcome, len(arts))
	opts := p.Options
	opts.Batch = max(opts.Batch, len(arts))
	opts.Stored = func(stored []*rasad.Article, res []rasad.PutResult) {
		for k, a := range stored {
			if i, ok := byOrigin[a.Reports[0].Origin]; ok {
				out[i] = Outcome{ID: res[k].ID, Status: res[k].Status}
			}
		}
	}
	opts.Rejected = func(origin, reason string) {
		if i, ok := byOrigin[origin]; ok {
			out[i] = Outcome{Rejected: reason}
		}
	}
	opts.Progress, opts.Warning = nil, nil
	if _, err := pipeline.New(p.Store, opts).IngestArticles(ctx, arts); err != nil {
		return nil, err
	}
	for i, o := range out {
		if o.Status == 0 && o.Rejected == "" {
			return nil, fmt.Errorf("no outcome for %s", origins[i])
		}
	}
	if p.Stories != nil {
		if _, err := pipeline.UpdateStories(ctx, p.Store, p.Stories); err != nil {
			return nil, err
		}
	}
	return out, nil
}
