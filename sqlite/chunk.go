package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/rasad/rasad"
)

// maxIn bounds the IDs bound in one "IN (...)" list, well under SQLite's
// variable limit.
const maxIn = 500

// queryIn runs the query q(in) once per chunk of at most maxIn ids, where in
// is the parenthesised placeholder list "(?,?,...)" for the chunk, and
// passes every row to row. Errors of the query and of iteration are wrapped
// with label; row wraps its own.
func (s *Store) queryIn(ctx context.Context, label string, ids []string, q func(in string) string, row func(*sql.Rows) error) error {
	return inChunks(ids, func(in string, args []any) error {
		rows, err := s.db.QueryContext(ctx, q(in), args...)
		if err != nil {
			return fmt.Errorf("%s: %w", label, err)
		}
		for rows.Next() {
			if err := row(rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("%s: %w", label, err)
		}
		return nil
	})
}

// inChunks calls f once per chunk of at most maxIn ids, with the chunk's
// parenthesised placeholder list "(?,?,...)" and its ids as arguments.
func inChunks(ids []string, f func(in string, args []any) error) error {
	for rest := ids; len(rest) > 0; {
		chunk := rest[:min(len(rest), maxIn)]
		rest = rest[len(chunk):]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		if err := f(`(?`+strings.Repeat(",?", len(chunk)-1)+`)`, args); err != nil {
			return err
		}
	}
	return nil
}

// inOrder returns the articles of byID in the order of ids, unknown IDs
// left out.
func inOrder(ids []string, byID map[string]*rasad.Article) []*rasad.Article {
	out := make([]*rasad.Article, 0, len(ids))
	for _, id := range ids {
		if a := byID[id]; a != nil {
			out = append(out, a)
		}
	}
	return out
}

// summaryColumns select an article without abstract, author, language or
// analysis, with its first report (a); summaryFrom is the FROM clause they
// need. scanSummary reads one such row.
const (
	summaryColumns = `a.id, a.title, a.text, a.published, a.published_from, a.published_conf, a.cleaning,
		coalesce(r.ext_id, ''), coalesce(r.source, ''), coalesce(r.url, ''), coalesce(r.format, ''), coalesce(r.origin, '')`
	summaryFrom = `articles a LEFT JOIN reports r ON r.id = (SELECT min(id) FROM reports WHERE article_id = a.id)`
)

// scanSummary reads a row of summaryColumns. Unreadable cleaning metadata
// is left out rather than failing the read.
func scanSummary(rows *sql.Rows) (*rasad.Article, error) {
	a := &rasad.Article{}
	var pub sql.NullString
	var cl string
	var r rasad.Report
	if err := rows.Scan(&a.ID, &a.Title, &a.Text, &pub, &a.PublishedFrom, &a.PublishedConfidence, &cl,
		&r.ExtID, &r.Source, &r.URL, &r.Format, &r.Origin); err != nil {
		return nil, err
	}
	a.Published = parseTimePtr(pub)
	var c cleaning
	if err := json.Unmarshal([]byte(cl), &c); err == nil {
		c.apply(a)
	}
	a.Reports = []rasad.Report{r}
	return a, nil
}
