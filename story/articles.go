package story

import (
	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
)

// FromArticles builds the timeline of analysed articles; display names an
// article in the sources (its input id, say).
// copies (may be nil) are the near-duplicate pairs among them, so that
// copies of one report count as one source.
func FromArticles(arts []*rasad.Article, display func(*rasad.Article) string, copies []rasad.CopyPair) []Entry {
	group := copyGroups(copies)
	var reps []Report
	var docs []entities.DocMentions
	for _, a := range arts {
		if a.Analysis == nil {
			continue
		}
		r := Report{Article: display(a), Text: a.Text, Events: sessionMembers(a.Analysis.Mentions, resolveSurnames(a.Analysis.Mentions, a.Analysis.Events)), Group: group[a.ID]}
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

// forest maps an element to its parent in a union-find forest; a root
// maps to itself or is absent.
type forest map[string]string

// root is the root of x's tree.
func (f forest) root(x string) string {
	for f[x] != "" && f[x] != x {
		x = f[x]
	}
	return x
}

// copyGroups names the copy group of every article in a copy pair.
func copyGroups(copies []rasad.CopyPair) map[string]string {
	parent := forest{}
	find := parent.root
	for _, c := range copies {
		a, b := find(c.A), find(c.B)
		if a != b {
			if b < a {
				a, b = b, a
			}
			parent[b] = a
			parent[a] = a
		}
	}
	out := map[string]string{}
	for x := range parent {
		out[x] = find(x)
	}
	return out
}
