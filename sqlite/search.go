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

// ftsWord is an FTS5 expression for one word: any of its stem variants.
func ftsWord(vs []string) string {
	alts := make([]string, len(vs))
	for i, s := range vs {
		alts[i] = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return "(" + strings.Join(alts, " OR ") + ")"
}

// ftsPhrase requires every word of a phrase; that they follow one another
// is checked on the text (the index holds several stems per word).
func ftsPhrase(p text.Phrase) string {
	parts := make([]string, len(p))
	for i, w := range p {
		parts[i] = ftsWord(w)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, " AND ") + ")"
}

// ftsExpr builds the MATCH expression of a parsed query: its clauses ANDed,
// a clause's phrases ORed, excluded single words NOTed (excluded phrases
// are checked on the text).
func ftsExpr(q text.Query) string {
	parts := make([]string, 0, len(q.Clauses))
	for _, c := range q.Clauses {
		alts := make([]string, len(c))
		for i, p := range c {
			alts[i] = ftsPhrase(p)
		}
		if len(alts) == 1 {
			parts = append(parts, alts[0])
		} else {
			parts = append(parts, "("+strings.Join(alts, " OR ")+")")
		}
	}
	expr := strings.Join(parts, " AND ")
	for _, p := range q.Not {
		if len(p) == 1 {
			expr += " NOT " + ftsWord(p[0])
		}
	}
	return expr
}

// Search ranks articles by BM25 (title weighted 3, body 1) over the stems of
// the query (text.ParseQuery: words, "phrases", OR, -exclusions). Every
// clause must match; for a query of plain words with no article having
// them all, the articles with most of them are returned instead.
func (s *Store) Search(ctx context.Context, q rasad.SearchQuery) ([]rasad.Hit, error) {
	pq := text.ParseQuery(q.Text)
	if len(pq.Clauses) == 0 {
		if len(pq.Not) > 0 {
			return nil, fmt.Errorf("search: a query of exclusions only finds nothing; add a word to look for: %w", rasad.ErrInvalid)
		}
		return nil, fmt.Errorf("search: empty query: %w", rasad.ErrInvalid)
	}
	terms := pq.Terms()
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	if q.Offset < 0 {
		return nil, fmt.Errorf("search: negative offset: %w", rasad.ErrInvalid)
	}
	check := phraseCheck(pq)
	fetch := limit
	if check != nil {
		// phrases are checked on the text: fetch more candidates, keep
		// those that pass, best first
		fetch = min(limit*20+100, 5000)
	}
	hits, err := s.match(ctx, ftsExpr(pq), terms, fetch, limit, check, q)
	if err != nil {
		return nil, err
	}
	if len(hits) == 0 && pq.Plain() && len(terms) > 1 && q.Offset == 0 {
		if hits, err = s.match(ctx, ftsQuery(terms, false), terms, limit, limit, nil, q); err != nil {
			return nil, err
		}
	}
	if len(hits) == 0 {
		return nil, nil
	}
	if q.IDsOnly {
		return hits, nil
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

// phraseCheck tells whether a text has the query's phrases (nil when the
// query has none: the index alone decides).
func phraseCheck(pq text.Query) func(title, body string) bool {
	if !pq.HasPhrase() {
		return nil
	}
	return func(title, body string) bool {
		doc := title + "\n" + body
		for _, c := range pq.Clauses {
			ok := false
			for _, p := range c {
				if len(p) == 1 || text.PhraseIn(doc, p) {
					ok = true
					break
				}
			}
			if !ok {
				return false
			}
		}
		for _, p := range pq.Not {
			if len(p) > 1 && text.PhraseIn(doc, p) {
				return false
			}
		}
		return true
	}
}

// MatchPublished returns the articles a search for query finds (what
// Search returns, without ranking or limit), each with its ID and
// publication time: among ids, or in the whole store when ids is nil. A
// plain query of several words that no article has all of finds those with
// any of them, as Search does: in the whole store the second result tells
// whether it came to that; among ids, anyWord asks for it. Unordered.
func (s *Store) MatchPublished(ctx context.Context, query string, ids []string, anyWord bool) ([]rasad.Hit, bool, error) {
	pq := text.ParseQuery(query)
	if len(pq.Clauses) == 0 {
		return nil, false, fmt.Errorf("search %q: %w", query, rasad.ErrInvalid)
	}
	terms := pq.Terms()
	check := phraseCheck(pq)
	cols := `a.id, a.published`
	if check != nil {
		cols += `, a.title, a.text`
	}
	run := func(expr string) ([]rasad.Hit, error) {
		var out []rasad.Hit
		row := func(rows *sql.Rows) error {
			var h rasad.Hit
			var pub sql.NullString
			var title, body string
			dest := []any{&h.ID, &pub}
			if check != nil {
				dest = append(dest, &title, &body)
			}
			if err := rows.Scan(dest...); err != nil {
				return fmt.Errorf("search: %w", err)
			}
			if check != nil && !check(title, body) {
				return nil
			}
			h.Published = parseTimePtr(pub)
			out = append(out, h)
			return nil
		}
		quoted := `'` + strings.ReplaceAll(expr, "'", "''") + `'`
		if ids != nil {
			err := s.queryIn(ctx, "search", ids, func(in string) string {
				return `SELECT ` + cols + ` FROM articles a JOIN articles_fts f ON f.rowid = a.rowid WHERE a.id IN ` + in + ` AND articles_fts MATCH ` + quoted
			}, row)
			return out, err
		}
		rows, err := s.db.QueryContext(ctx, `SELECT `+cols+` FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH `+quoted)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", expr, err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := row(rows); err != nil {
				return nil, err
			}
		}
		return out, rows.Err()
	}
	fallback := pq.Plain() && len(terms) > 1
	if ids != nil && anyWord && fallback {
		hits, err := run(ftsQuery(terms, false))
		return hits, true, err
	}
	hits, err := run(ftsExpr(pq))
	if err != nil || len(hits) > 0 || ids != nil || !fallback {
		return hits, false, err
	}
	hits, err = run(ftsQuery(terms, false))
	return hits, true, err
}

// match runs expr with q's filters and offset, fetching up to fetch rows,
// and keeps up to limit hits that pass check (nil: all). Filters apply
// before the ranking is cut, so a page holds what matches.
func (s *Store) match(ctx context.Context, expr string, terms [][]string, fetch, limit int, check func(title, body string) bool, q rasad.SearchQuery) ([]rasad.Hit, error) {
	inner := `SELECT rowid, bm25(articles_fts, 3.0, 1.0) AS score FROM articles_fts
		      WHERE articles_fts MATCH ? ORDER BY score, rowid LIMIT ? OFFSET ?`
	args := []any{expr}
	if q.Source != "" || q.From != "" || q.To != "" {
		inner = `SELECT t.rowid, bm25(articles_fts, 3.0, 1.0) AS score FROM articles_fts t JOIN articles x ON x.rowid = t.rowid
		      WHERE articles_fts MATCH ?`
		if q.Source != "" {
			inner += ` AND EXISTS (SELECT 1 FROM reports r WHERE r.article_id = x.id AND r.source = ?)`
			args = append(args, q.Source)
		}
		if q.From != "" {
			inner += ` AND substr(x.published, 1, 10) >= ?`
			args = append(args, q.From)
		}
		if q.To != "" {
			inner += ` AND substr(x.published, 1, 10) <= ?`
			args = append(args, q.To)
		}
		inner += ` ORDER BY score, t.rowid LIMIT ? OFFSET ?`
	}
	args = append(args, fetch, q.Offset)
	if q.IDsOnly && check == nil {
		// no phrase to check on the text: the ranking alone
		return s.matchHitIDs(ctx, `SELECT a.id, f.score FROM (`+inner+`) AS f JOIN articles a ON a.rowid = f.rowid ORDER BY f.score, a.id`, args)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.text, a.published, a.cleaning, f.score
		FROM (`+inner+`) AS f
		JOIN articles a ON a.rowid = f.rowid ORDER BY f.score, a.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", expr, err)
	}
	defer rows.Close()
	var out []rasad.Hit
	for rows.Next() && len(out) < limit {
		var h rasad.Hit
		var body, cl string
		var pub sql.NullString
		if err := rows.Scan(&h.ID, &h.Title, &body, &pub, &cl, &h.Score); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		if check != nil && !check(h.Title, body) {
			continue
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

// matchHitIDs runs a ranking query that reads only IDs and scores.
func (s *Store) matchHitIDs(ctx context.Context, query string, args []any) ([]rasad.Hit, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	var out []rasad.Hit
	for rows.Next() {
		var h rasad.Hit
		if err := rows.Scan(&h.ID, &h.Score); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		h.Score = -h.Score
		out = append(out, h)
	}
	return out, rows.Err()
}

// MatchesAny tells whether any of the articles ids matches a word of the
// query (what a search for it could return, and more).
func (s *Store) MatchesAny(ctx context.Context, query string, ids []string) (bool, error) {
	terms := text.QueryTerms(query)
	if len(terms) == 0 || len(ids) == 0 {
		return false, nil
	}
	expr := ftsQuery(terms, false)
	found := false
	err := s.queryIn(ctx, "match", ids, func(in string) string {
		return `SELECT 1 FROM articles a JOIN articles_fts f ON f.rowid = a.rowid WHERE a.id IN ` + in + ` AND articles_fts MATCH '` + strings.ReplaceAll(expr, "'", "''") + `' LIMIT 1`
	}, func(rows *sql.Rows) error {
		found = true
		return nil
	})
	return found, err
}
