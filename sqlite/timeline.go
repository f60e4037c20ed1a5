package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/rasad/rasad"
)

// TimelineArticles loads what a timeline reads of many articles at once:
// text, publication date, first report, and the stored entity mentions and
// events (not the temporal expressions, which the events already carry).
// Articles without an analysis come back with a nil Analysis. Reads go in
// chunks of 500 IDs; the result follows the order of ids.
func (s *Store) TimelineArticles(ctx context.Context, ids []string) ([]*rasad.Article, error) {
	byID := make(map[string]*rasad.Article, len(ids))
	err := s.queryIn(ctx, "timeline articles", ids, func(in string) string {
		return `SELECT a.id, a.text, a.published,
			coalesce(r.ext_id, ''), coalesce(r.source, ''), coalesce(r.url, ''),
			an.version, an.mentions, an.events
			FROM articles a
			LEFT JOIN reports r ON r.id = (SELECT min(id) FROM reports WHERE article_id = a.id)
			LEFT JOIN analyses an ON an.article_id = a.id
			WHERE a.id IN ` + in
	}, func(rows *sql.Rows) error {
		a := &rasad.Article{}
		var pub sql.NullString
		var r rasad.Report
		var version sql.NullInt64
		var mj, ej sql.NullString
		if err := rows.Scan(&a.ID, &a.Text, &pub, &r.ExtID, &r.Source, &r.URL, &version, &mj, &ej); err != nil {
			return fmt.Errorf("timeline articles: %w", err)
		}
		a.Published = parseTimePtr(pub)
		a.Reports = []rasad.Report{r}
		if version.Valid {
			an := &rasad.Analysis{Version: int(version.Int64)}
			var err error
			if an.Mentions, err = decodeMentions(mj.String); err != nil {
				return fmt.Errorf("analysis of %s: %w", a.ID, err)
			}
			if err := json.Unmarshal([]byte(ej.String), &an.Events); err != nil {
				return fmt.Errorf("analysis of %s: %w", a.ID, err)
			}
			a.Analysis = an
		}
		byID[a.ID] = a
		return nil
	})
	if err != nil {
		return nil, err
	}
	return inOrder(ids, byID), nil
}

// CopiesAndCoverage returns the stored copy pairs and how many articles the
// stored stories cover (to tell whether they are stale), without loading
// every story membership.
func (s *Store) CopiesAndCoverage(ctx context.Context) ([]rasad.CopyPair, int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM story_members`).Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("stories: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a, b, kind, similarity FROM copies ORDER BY a, b`)
	if err != nil {
		return nil, 0, fmt.Errorf("stories: %w", err)
	}
	defer rows.Close()
	var cs []rasad.CopyPair
	for rows.Next() {
		var c rasad.CopyPair
		if err := rows.Scan(&c.A, &c.B, &c.Kind, &c.Similarity); err != nil {
			return nil, 0, err
		}
		cs = append(cs, c)
	}
	return cs, n, rows.Err()
}
