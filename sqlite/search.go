package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// ftsQuery builds an FTS5 MATCH expression from query term groups: every
// group must match (AND), or any group (OR) when all is false.
func ftsQuery(terms [][]string, all bool) string {
	parts := make([]string, 0, len(terms))
	for _, g := range terms {
		alts := make([]string, len(g))
		for i, s := range g {
			alts[i] = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
		}
		if len(alts) == 1 {
			parts = append(parts, alts[0])
		} else {
			parts = append(parts, "("+strings.Join(alts, " OR ")+")")
		}
	}
	op := " AND "
	if !all {
		op = " OR "
	}
	return strings.Join(parts, op)
}

// Search ranks articles by BM25 (title weighted 3, body 1) over the stems of
// the query. Every query word must match; when no article has them all, the
// articles with most of them are returned instead.
func (s *Store) Search(ctx context.Context, q rasad.SearchQuery) ([]rasad.Hit, error) {
	terms := text.QueryTerms(q.Text)
	if len(terms) == 0 {
		return nil, fmt.Errorf("search: empty query: %w", rasad.ErrInvalid)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	hits, err := s.match(ctx, ftsQuery(terms, true), terms, limit)
	if err != nil {
		return nil, err
	}
	if len(hits) == 0 && len(terms) > 1 {
		if hits, err = s.match(ctx, ftsQuery(terms, false), terms, limit); err != nil {
			return nil, err
		}
	}
	if len(hits) == 0 {
		return nil, nil
	}
	ids := make([]string, len(hits))
	for i := range hits {
		ids[i] = hits[i].ID
	}
	reps, err := s.reports(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range hits {
		h := &hits[i]
		if rs := reps[h.ID]; len(rs) > 0 {
			h.ExtID, h.Source, h.URL = rs[0].ExtID, rs[0].Source, rs[0].URL
		}
	}
	return hits, nil
}

func (s *Store) match(ctx context.Context, expr string, terms [][]string, limit int) ([]rasad.Hit, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.text, a.published, a.cleaning, f.score
		FROM (SELECT rowid, bm25(articles_fts, 3.0, 1.0) AS score FROM articles_fts
		      WHERE articles_fts MATCH ? ORDER BY score LIMIT ?) AS f
		JOIN articles a ON a.rowid = f.rowid ORDER BY f.score, a.id`, expr, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", expr, err)
	}
	defer rows.Close()
	var out []rasad.Hit
	for rows.Next() {
		var h rasad.Hit
		var body, cl string
		var pub sql.NullString
		if err := rows.Scan(&h.ID, &h.Title, &body, &pub, &cl, &h.Score); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		h.Score = -h.Score // bm25() is lower-is-better; report higher-is-better
		h.Published = parseTimePtr(pub)
		a := rasad.Article{Text: body}
		var c cleaning
		if err := json.Unmarshal([]byte(cl), &c); err == nil {
			a.Removed, a.TitleSpan = c.Removed, c.TitleSpan
		}
		skip := make([]text.Span, 0, len(a.Removed)+1)
		if a.TitleSpan != nil {
			skip = append(skip, text.Span{Start: a.TitleSpan.Start, End: a.TitleSpan.End})
		}
		for _, r := range a.Removed {
			skip = append(skip, text.Span{Start: r.Start, End: r.End})
		}
		sortSpans(skip)
		sp, marks := text.Snippet(body, terms, 30, skip)
		h.Snippet = body[sp.Start:sp.End]
		h.SnippetSpan = rasad.Span{Start: sp.Start, End: sp.End}
		for _, m := range marks {
			h.Marks = append(h.Marks, rasad.Span{Start: m.Start, End: m.End})
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

func sortSpans(s []text.Span) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Start < s[j-1].Start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// MatchIDs returns the IDs of every article the query matches (all its
// words; when none has them all, any of them), best first, without
// snippets: what a timeline reads, however many they are.
func (s *Store) MatchIDs(ctx context.Context, query string) ([]string, error) {
	terms := text.QueryTerms(query)
	if len(terms) == 0 {
		return nil, fmt.Errorf("search: empty query: %w", rasad.ErrInvalid)
	}
	ids, err := s.matchIDs(ctx, ftsQuery(terms, true))
	if err == nil && len(ids) == 0 && len(terms) > 1 {
		ids, err = s.matchIDs(ctx, ftsQuery(terms, false))
	}
	return ids, err
}

func (s *Store) matchIDs(ctx context.Context, expr string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id FROM (SELECT rowid, bm25(articles_fts, 3.0, 1.0) AS score FROM articles_fts
		WHERE articles_fts MATCH ?) AS f JOIN articles a ON a.rowid = f.rowid ORDER BY f.score, a.id`, expr)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", expr, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
