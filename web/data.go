package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/story"
)

// The shapes the API returns and the pages render. They are the CLI's
// JSON shapes (rasad stories, timeline, search, show, entities) with
// links the CLI does not need (a story's main people, an article's
// analysis and copies).

// storyOut is a story as rasad stories --format json prints it, with the
// main people.
type storyOut struct {
	story.Story
	People []entityRef `json:"people"`
}

func (ix *index) storyOut(s story.Story) storyOut {
	o := storyOut{Story: s, People: ix.people[s.ID]}
	o.Articles = make([]string, len(s.Articles))
	for i, a := range s.Articles {
		o.Articles[i] = ix.display[a]
	}
	o.Copies = make([][2]string, len(s.Copies))
	for i, c := range s.Copies {
		o.Copies[i] = [2]string{ix.display[c[0]], ix.display[c[1]]}
	}
	if o.People == nil {
		o.People = []entityRef{}
	}
	return o
}

// storiesWith lists the stories with at least minSize articles, in the
// CLI's order (most articles first).
func (ix *index) storiesWith(minSize int) []story.Story {
	var out []story.Story
	for _, s := range ix.stories {
		if len(s.Articles) >= minSize {
			out = append(out, s)
		}
	}
	return out
}

// timelineOf merges the events of the given articles, as rasad timeline
// does (IDs in sorted order, the store's copies).
func (s *Server) timelineOf(ctx context.Context, ix *index, ids []string, f story.Filter) ([]story.Entry, error) {
	ids = append([]string(nil), ids...)
	sort.Strings(ids)
	var arts []*rasad.Article
	var err error
	if tr, ok := s.cfg.Store.(timelineReader); ok {
		// one batched read of what a timeline needs (sqlite)
		arts, err = tr.TimelineArticles(ctx, ids)
		if err != nil {
			return nil, err
		}
	} else {
		if arts, err = s.cfg.Store.Articles(ctx, ids); err != nil {
			return nil, err
		}
		as, err := s.cfg.Store.Analyses(ctx, ids)
		if err != nil {
			return nil, err
		}
		for _, a := range arts {
			a.Analysis = as[a.ID]
		}
	}
	f.First, f.Last = story.PublishedSpan(arts)
	entries := story.Select(story.FromArticles(arts, story.DisplayID, ix.copies), f)
	if entries == nil {
		entries = []story.Entry{}
	}
	return entries, nil
}

// timelineReader is a store that reads what a timeline needs of many
// articles in one pass (text, date, first report, mentions, events).
type timelineReader interface {
	TimelineArticles(ctx context.Context, ids []string) ([]*rasad.Article, error)
}

// queryIDs are the articles a query timeline is built from.
func (s *Server) queryIDs(ctx context.Context, q string) ([]string, error) {
	hits, err := s.cfg.Store.Search(ctx, rasad.SearchQuery{Text: q, Limit: timelineArticles, IDsOnly: true})
	if err != nil {
		return nil, err
	}
	return rasad.HitIDs(hits), nil
}

func timelineFilter(r *http.Request) (story.Filter, error) {
	v := r.URL.Query()
	f := story.Filter{Type: strings.ToUpper(strings.TrimSpace(v.Get("type"))), From: v.Get("from"), To: v.Get("to")}
	if f.Type != "" && !slices.Contains(rasad.EventTypes, f.Type) {
		// as rasad timeline --type: an unknown type is an error, not an
		// empty timeline
		return f, badRequest{fmt.Sprintf("type %q: want one of %s", f.Type, strings.Join(rasad.EventTypes, ", "))}
	}
	if err := checkDate("from", f.From); err != nil {
		return f, err
	}
	if err := checkDate("to", f.To); err != nil {
		return f, err
	}
	return f, nil
}

// articleOut is an article as rasad show --format json prints it, with its
// analysis (offsets index text), its story and its copies.
type articleOut struct {
	*rasad.Article
	Body     string          `json:"body"`
	Display  string          `json:"display_id"`
	Analysis *rasad.Analysis `json:"analysis"`
	Story    string          `json:"story,omitempty"`
	Copies   []copyOut       `json:"copies"`
}

type copyOut struct {
	Article    string  `json:"article"`
	ID         string  `json:"id"`
	Title      string  `json:"title"`
	Outlet     string  `json:"outlet,omitempty"`
	Kind       string  `json:"kind"`
	Similarity float64 `json:"similarity"`
	// Earlier is true when the other article came first (this one copies it).
	Earlier bool `json:"earlier"`
}

func (s *Server) article(ctx context.Context, ix *index, ref string) (*articleOut, error) {
	if ref == "" || len(ref) > 512 {
		return nil, badRequest{"article reference: want an ID, an ID prefix or an input id"}
	}
	a, err := s.cfg.Store.Get(ctx, ref)
	if err != nil {
		return nil, err
	}
	a.Raw = nil
	as, err := s.cfg.Store.Analyses(ctx, []string{a.ID})
	if err != nil {
		return nil, err
	}
	o := &articleOut{Article: a, Body: a.Body(), Display: story.DisplayID(a), Analysis: as[a.ID], Story: ix.storyOf[a.ID], Copies: []copyOut{}}
	for _, c := range ix.copiesOf[a.ID] {
		other, earlier := c.B, false
		if c.B == a.ID {
			other, earlier = c.A, true
		}
		b := ix.briefs[other]
		o.Copies = append(o.Copies, copyOut{Article: b.Display, ID: other, Title: b.Title, Outlet: b.Outlet, Kind: c.Kind, Similarity: c.Similarity, Earlier: earlier})
	}
	return o, nil
}

// entityOut is an entity as rasad entities --format json prints it, with
// its own timeline.
type entityOut struct {
	entities.Cluster
	Timeline []story.Entry `json:"timeline"`
}

// entityArticles bounds the articles an entity's timeline reads: its latest.
const entityArticles = 300

func (s *Server) entity(ctx context.Context, ix *index, typ, key string) (*entityOut, error) {
	typ = strings.ToUpper(typ)
	if typ != "PERSON" && typ != "ORG" && typ != "LOC" {
		return nil, badRequest{fmt.Sprintf("entity type %q: want PERSON, ORG or LOC", typ)}
	}
	c, ok := ix.entity(typ, key)
	if !ok {
		return nil, fmt.Errorf("entity %s %q: %w", typ, key, rasad.ErrNotFound)
	}
	ids := c.Articles
	if len(ids) > entityArticles {
		ids = latest(ix, ids, entityArticles)
	}
	entries, err := s.timelineOf(ctx, ix, ids, story.Filter{})
	if err != nil {
		return nil, err
	}
	var own []story.Entry
	for _, e := range entries {
		for _, p := range e.Participants {
			if p.Type == typ && p.Key == key {
				own = append(own, e)
				break
			}
		}
		if typ == "LOC" && e.Place != nil && e.Place.Key == key && (len(own) == 0 || !sameEntry(own[len(own)-1], e)) {
			own = append(own, e)
		}
	}
	if own == nil {
		own = []story.Entry{}
	}
	out := &entityOut{Cluster: c, Timeline: own}
	out.Articles = make([]string, len(c.Articles))
	for i, id := range c.Articles {
		out.Articles[i] = ix.display[id]
	}
	return out, nil
}

func sameEntry(a, b story.Entry) bool {
	return a.Date == b.Date && a.Type == b.Type && a.Summary == b.Summary
}

// latest keeps the n most recently published of ids.
func latest(ix *index, ids []string, n int) []string {
	c := append([]string(nil), ids...)
	sort.SliceStable(c, func(i, j int) bool {
		a, b := ix.briefs[c[i]].Published, ix.briefs[c[j]].Published
		if a == nil || b == nil {
			return a != nil
		}
		return a.After(*b)
	})
	return c[:n]
}

// clusterOut gives an entity cluster with display IDs, as the CLI prints it.
func (ix *index) clusterOut(c entities.Cluster) entities.Cluster {
	arts := make([]string, len(c.Articles))
	for i, id := range c.Articles {
		arts[i] = ix.display[id]
	}
	c.Articles = arts
	return c
}
