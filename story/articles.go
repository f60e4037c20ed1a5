package story

import (
	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
)

// FromArticles builds the timeline of analysed articles; display names an
// article in the sources (its input id, say).
func FromArticles(arts []*rasad.Article, display func(*rasad.Article) string) []Entry {
	var reps []Report
	var docs []entities.DocMentions
	for _, a := range arts {
		if a.Analysis == nil {
			continue
		}
		r := Report{Article: display(a), Text: a.Text, Events: a.Analysis.Events}
		if len(a.Reports) > 0 {
			r.Outlet, r.URL = a.Reports[0].Source, a.Reports[0].URL
		}
		if a.Published != nil {
			r.Published = *a.Published
		}
		reps = append(reps, r)
		docs = append(docs, entities.DocMentions{Doc: r.Article, Mentions: a.Analysis.Mentions})
	}
	return Timeline(reps, NamesOf(entities.Clusters(docs)))
}
