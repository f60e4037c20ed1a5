package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
)

// GET /api/v1/stories?min_size=2&limit=&cursor=
func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	p, err := readParams(r, false)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	minSize := 2
	if v := r.URL.Query().Get("min_size"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1<<20 {
			s.apiFail(w, r, badRequest{"min_size: want a positive number"})
			return
		}
		minSize = n
	}
	ix := s.idx.get(r.Context())
	pg, next := page(ix.storiesWith(minSize), p)
	out := make([]storyOut, len(pg))
	for i, st := range pg {
		out[i] = ix.storyOut(st)
	}
	writeList(w, r, map[string]any{"stories": out, "next_cursor": next})
}

// GET /api/v1/stories/{id}
func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	ix := s.idx.get(r.Context())
	st, ok := ix.storyByID(r.PathValue("id"))
	if !ok {
		writeError(w, r, http.StatusNotFound, "not_found", "no story "+strconv.Quote(r.PathValue("id")))
		return
	}
	writeJSON(w, r, http.StatusOK, ix.storyOut(st))
}

// GET /api/v1/stories/{id}/timeline?type=&from=&to=&limit=&cursor=
func (s *Server) apiStoryTimeline(w http.ResponseWriter, r *http.Request) {
	ix := s.idx.get(r.Context())
	st, ok := ix.storyByID(r.PathValue("id"))
	if !ok {
		writeError(w, r, http.StatusNotFound, "not_found", "no story "+strconv.Quote(r.PathValue("id")))
		return
	}
	s.timelineResponse(w, r, ix, func() ([]string, error) { return st.Articles, nil })
}

// GET /api/v1/timeline?q=…
func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) {
	p, err := readParams(r, true)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	ix := s.idx.get(r.Context())
	s.timelineResponse(w, r, ix, func() ([]string, error) { return s.queryIDs(r.Context(), p.q) })
}

func (s *Server) timelineResponse(w http.ResponseWriter, r *http.Request, ix *index, ids func() ([]string, error)) {
	p, err := readParams(r, false)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	f, err := timelineFilter(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if v := r.URL.Query().Get("top"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			s.apiFail(w, r, badRequest{"top: want 1 to 1000 (the most salient entries)"})
			return
		}
		f.Limit = n
	}
	list, err := ids()
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	entries, err := s.timelineOf(r.Context(), ix, list, f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if r.URL.Query().Get("limit") == "" {
		p.limit = MaxPageSize
	}
	pg, next := page(entries, p)
	writeList(w, r, map[string]any{"entries": pg, "next_cursor": next})
}

// GET /api/v1/search?q=&source=&from=&to=&limit=&cursor=
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	hits, q, next, err := s.search(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeList(w, r, map[string]any{"query": q.Text, "hits": hits, "next_cursor": next})
}

// search runs the request's query, one page of it (shared with the page).
func (s *Server) search(r *http.Request) ([]rasad.Hit, rasad.SearchQuery, string, error) {
	p, err := readParams(r, true)
	if err != nil {
		return nil, rasad.SearchQuery{}, "", err
	}
	v := r.URL.Query()
	q := rasad.SearchQuery{Text: p.q, Limit: p.limit + 1, Offset: p.offset, Source: strings.TrimSpace(v.Get("source")), From: v.Get("from"), To: v.Get("to")}
	if len(q.Source) > 200 {
		return nil, q, "", badRequest{"source is too long"}
	}
	if err := checkDate("from", q.From); err != nil {
		return nil, q, "", err
	}
	if err := checkDate("to", q.To); err != nil {
		return nil, q, "", err
	}
	hits, err := s.cfg.Store.Search(r.Context(), q)
	if err != nil {
		return nil, q, "", err
	}
	next := ""
	if len(hits) > p.limit {
		hits = hits[:p.limit]
		next = encodeCursor(p.offset + p.limit)
	}
	if hits == nil {
		hits = []rasad.Hit{}
	}
	return hits, q, next, nil
}

// GET /api/v1/articles/{id}
func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	ix := s.idx.get(r.Context())
	a, err := s.article(r.Context(), ix, r.PathValue("id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, r, http.StatusOK, a)
}

// GET /api/v1/entities?type=&q=&limit=&cursor=
func (s *Server) apiEntities(w http.ResponseWriter, r *http.Request) {
	p, err := readParams(r, false)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	typ := strings.ToUpper(r.URL.Query().Get("type"))
	if typ != "" && typ != "PERSON" && typ != "ORG" && typ != "LOC" {
		s.apiFail(w, r, badRequest{"type: want PERSON, ORG or LOC"})
		return
	}
	ix := s.idx.get(r.Context())
	var sel []entities.Cluster
	for _, c := range ix.entities {
		if typ != "" && c.Type != typ {
			continue
		}
		if p.q != "" && !matchesName(c, p.q) {
			continue
		}
		sel = append(sel, c)
	}
	pg, next := page(sel, p)
	out := make([]entities.Cluster, len(pg))
	for i, c := range pg {
		out[i] = ix.clusterOut(c)
	}
	writeList(w, r, map[string]any{"entities": out, "next_cursor": next})
}

// matchesName says whether a query names an entity (any spelling).
func matchesName(c entities.Cluster, q string) bool {
	if strings.Contains(c.Name, q) || strings.Contains(c.Key, q) {
		return true
	}
	for _, a := range c.Aliases {
		if strings.Contains(a, q) {
			return true
		}
	}
	return false
}

// GET /api/v1/entities/{type}/{key}
func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	ix := s.idx.get(r.Context())
	e, err := s.entity(r.Context(), ix, r.PathValue("type"), r.PathValue("key"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, r, http.StatusOK, e)
}
