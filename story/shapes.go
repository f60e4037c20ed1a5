package story

import (
	"strings"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis"
)

// This file holds the shape-building that every edge (the CLI, the HTTP
// API and pages) shares, so that they name articles, make story documents
// and cut timelines the same way.

// DisplayID names an article by its input id when it has a short one, and
// by its content ID otherwise.
func DisplayID(a *rasad.Article) string {
	if len(a.Reports) > 0 {
		if id := a.Reports[0].ExtID; id != "" && !strings.ContainsAny(id, "/\\:") {
			return id
		}
	}
	return a.ID
}

// DocOf makes a story document of an article and its analysis (nil when
// it has none).
func DocOf(a *rasad.Article, an *rasad.Analysis) Doc {
	d := Doc{ID: a.ID, Title: a.Title, Body: analysis.TextFor(a), Names: map[string]string{}}
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

// Summarize makes the stories of a stored assignment (storyOf, from a
// Build that the store kept) without clustering again: the same articles,
// outlets, entities, copies and independent source counts that Build
// reports. Only the headline differs: Build names a story by its most
// central article, which the store does not keep, so Summarize uses the
// earliest article's. An article without a story is a story of its own.
// Linear in the articles.
func Summarize(docs []Doc, storyOf map[string]string, pairs []Pair) Result {
	order := publicationOrder(docs)
	var clusters []*cluster
	byID := map[string]int{}
	of := make([]int, len(docs))
	for _, i := range order {
		sid := storyOf[docs[i].ID]
		if sid == "" {
			sid = "s-" + shortID(docs[i].ID)
		}
		ci, ok := byID[sid]
		if !ok {
			ci = len(clusters)
			byID[sid] = ci
			clusters = append(clusters, &cluster{id: sid, merged: -1, rep: i})
		}
		clusters[ci].members = append(clusters[ci].members, i)
		of[i] = ci
	}
	return assemble(docs, clusters, of, pairs)
}
