package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/rasad/rasad"
)

// StoryMeta returns the incremental story state's header (zero before the
// first step).
func (s *Store) StoryMeta(ctx context.Context) (rasad.StoryMeta, error) {
	var m rasad.StoryMeta
	var latest string
	err := s.db.QueryRowContext(ctx, `SELECT n, latest, next_seq, version FROM story_meta WHERE id = 1`).Scan(&m.N, &latest, &m.NextSeq, &m.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return rasad.StoryMeta{}, nil
	}
	if err != nil {
		return m, fmt.Errorf("story meta: %w", err)
	}
	m.Latest = parseTS(latest)
	return m, nil
}

// TermDF returns the document frequencies of terms, in one query (the
// terms go in as a JSON array).
func (s *Store) TermDF(ctx context.Context, terms []string) (map[string]int, error) {
	out := make(map[string]int, len(terms))
	if len(terms) == 0 {
		return out, nil
	}
	arg, err := json.Marshal(terms)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT d.term, d.df FROM json_each(?) j JOIN story_df d ON d.term = j.value`, string(arg))
	if err != nil {
		return nil, fmt.Errorf("term df: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return nil, err
		}
		out[t] = n
	}
	return out, rows.Err()
}

type clusterInfo struct {
	Entities map[string]int    `json:"entities,omitempty"`
	Names    map[string]string `json:"names,omitempty"`
	Outlets  map[string]int    `json:"outlets,omitempty"`
}

// StoryClusters returns the stories last seen at or after since, by Seq;
// without centroids (listing), the count maps are not decoded either.
func (s *Store) StoryClusters(ctx context.Context, since time.Time, withCentroid bool) ([]rasad.StoryCluster, error) {
	cols := "NULL, x''"
	if withCentroid {
		cols = "centroid, info"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, seq, first, last, rep, rep_sim, title, ss, `+cols+`, size, outlets, top FROM story_clusters WHERE last >= ? ORDER BY seq`, ts(since))
	if err != nil {
		return nil, fmt.Errorf("story clusters: %w", err)
	}
	defer rows.Close()
	var out []rasad.StoryCluster
	for rows.Next() {
		var c rasad.StoryCluster
		var first, last, outlets, top string
		var centroid, info []byte
		if err := rows.Scan(&c.ID, &c.Seq, &first, &last, &c.Rep, &c.RepSim, &c.Title, &c.SS, &centroid, &info, &c.Size, &outlets, &top); err != nil {
			return nil, fmt.Errorf("story clusters: %w", err)
		}
		c.First, c.Last = parseTS(first), parseTS(last)
		if outlets != "" {
			c.OutletList = strings.Split(outlets, "\n")
		}
		if top != "" {
			c.TopEntities = strings.Split(top, "\n")
		}
		if len(centroid) > 0 {
			if err := json.Unmarshal(centroid, &c.Centroid); err != nil {
				return nil, fmt.Errorf("story %s: centroid: %w", c.ID, err)
			}
		}
		if len(info) > 0 {
			var ci clusterInfo
			if err := json.Unmarshal(info, &ci); err != nil {
				return nil, fmt.Errorf("story %s: %w", c.ID, err)
			}
			c.Entities, c.Names, c.Outlets = ci.Entities, ci.Names, ci.Outlets
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// StorySigs returns the signatures published at or after since, by Seq.
func (s *Store) StorySigs(ctx context.Context, since time.Time) ([]rasad.StorySig, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT article_id, seq, published, sig FROM story_sigs WHERE published >= ? ORDER BY seq`, ts(since))
	if err != nil {
		return nil, fmt.Errorf("story sigs: %w", err)
	}
	defer rows.Close()
	var out []rasad.StorySig
	for rows.Next() {
		var g rasad.StorySig
		var pub string
		if err := rows.Scan(&g.ArticleID, &g.Seq, &pub, &g.Sig); err != nil {
			return nil, err
		}
		g.Published = parseTS(pub)
		out = append(out, g)
	}
	return out, rows.Err()
}

// SaveStoryStep applies one incremental step in one transaction.
func (s *Store) SaveStoryStep(ctx context.Context, st rasad.StoryStep) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save stories: %w", err)
	}
	defer tx.Rollback()
	fail := func(what string, err error) error { return fmt.Errorf("save stories: %s: %w", what, err) }
	if st.Reset {
		for _, q := range []string{`DELETE FROM story_df`, `DELETE FROM story_clusters`, `DELETE FROM story_sigs`, `DELETE FROM story_members`, `DELETE FROM copies`,
			`DELETE FROM story_timelines`, `DELETE FROM timeline_marks`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fail("reset", err)
			}
		}
		if err := resetTimelineSeq(ctx, tx); err != nil {
			return fail("reset", err)
		}
	}
	var version int64
	err = tx.QueryRowContext(ctx, `SELECT version FROM story_meta WHERE id = 1`).Scan(&version)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fail("meta", err)
	}
	if !st.Reset && version != st.Meta.Version-1 {
		return fmt.Errorf("save stories: stored version %d, step %d: %w", version, st.Meta.Version, rasad.ErrConflict)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO story_meta(id, n, latest, next_seq, version) VALUES (1,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET n=excluded.n, latest=excluded.latest, next_seq=excluded.next_seq, version=excluded.version`,
		st.Meta.N, ts(st.Meta.Latest), st.Meta.NextSeq, st.Meta.Version); err != nil {
		return fail("meta", err)
	}
	if len(st.DF) > 0 {
		// one statement for all the counts (a JSON object term -> increment)
		arg, err := json.Marshal(st.DF)
		if err != nil {
			return fail("df", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO story_df(term, df) SELECT key, value FROM json_each(?) WHERE true
			ON CONFLICT(term) DO UPDATE SET df = df + excluded.df`, string(arg)); err != nil {
			return fail("df", err)
		}
	}
	for _, id := range st.Removed {
		if _, err := tx.ExecContext(ctx, `DELETE FROM story_clusters WHERE id = ?`, id); err != nil {
			return fail("remove", err)
		}
	}
	if len(st.Clusters) > 0 {
		up, err := tx.PrepareContext(ctx, `INSERT INTO story_clusters(id, seq, first, last, rep, rep_sim, title, ss, centroid, size, info, outlets, top) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET seq=excluded.seq, first=excluded.first, last=excluded.last, rep=excluded.rep, rep_sim=excluded.rep_sim,
			title=excluded.title, ss=excluded.ss, centroid=excluded.centroid, size=excluded.size, info=excluded.info, outlets=excluded.outlets, top=excluded.top`)
		if err != nil {
			return fail("clusters", err)
		}
		defer up.Close()
		for _, c := range st.Clusters {
			var cent []byte
			if c.Centroid != nil {
				if cent, err = json.Marshal(c.Centroid); err != nil {
					return fail("centroid", err)
				}
			}
			info, err := json.Marshal(clusterInfo{c.Entities, c.Names, c.Outlets})
			if err != nil {
				return fail("info", err)
			}
			if _, err := up.ExecContext(ctx, c.ID, c.Seq, ts(c.First), ts(c.Last), c.Rep, c.RepSim, c.Title, c.SS, cent, c.Size, info,
				strings.Join(c.OutletList, "\n"), strings.Join(c.TopEntities, "\n")); err != nil {
				return fail("cluster "+c.ID, err)
			}
		}
	}
	if len(st.Members) > 0 {
		up, err := tx.PrepareContext(ctx, `INSERT INTO story_members(article_id, story_id) VALUES (?, ?) ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id`)
		if err != nil {
			return fail("members", err)
		}
		defer up.Close()
		for _, a := range slices.Sorted(maps.Keys(st.Members)) {
			if _, err := up.ExecContext(ctx, a, st.Members[a]); err != nil {
				return fail("member "+a, err)
			}
		}
	}
	for _, r := range st.Renames {
		if _, err := tx.ExecContext(ctx, `UPDATE story_members SET story_id = ? WHERE story_id = ?`, r[1], r[0]); err != nil {
			return fail("rename", err)
		}
	}
	if len(st.Sigs) > 0 {
		up, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO story_sigs(article_id, seq, published, sig) VALUES (?,?,?,?)`)
		if err != nil {
			return fail("sigs", err)
		}
		defer up.Close()
		for _, g := range st.Sigs {
			if _, err := up.ExecContext(ctx, g.ArticleID, g.Seq, ts(g.Published), g.Sig); err != nil {
				return fail("sig", err)
			}
		}
	}
	if !st.Expired.IsZero() {
		if _, err := tx.ExecContext(ctx, `DELETE FROM story_sigs WHERE published < ?`, ts(st.Expired)); err != nil {
			return fail("expire", err)
		}
	}
	for _, c := range st.Copies {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO copies(a, b, kind, similarity) VALUES (?, ?, ?, ?)`, c.A, c.B, c.Kind, c.Similarity); err != nil {
			return fail("copy", err)
		}
	}
	// the stories whose timelines this step changes: those that gained
	// articles or absorbed another, and those holding either side of a new
	// copy pair (a copy is not an independent source); a story merged away
	// has no timeline any more
	var touched []string
	for _, a := range slices.Sorted(maps.Keys(st.Members)) {
		touched = append(touched, a)
	}
	for _, c := range st.Copies {
		touched = append(touched, c.A, c.B)
	}
	if err := markStories(ctx, tx, touched); err != nil {
		return fail("timelines", err)
	}
	for _, r := range st.Renames {
		if err := markStory(ctx, tx, r[1]); err != nil {
			return fail("timelines", err)
		}
	}
	for _, id := range append(slices.Clone(st.Removed), renamed(st.Renames)...) {
		for _, q := range []string{`DELETE FROM story_timelines WHERE story_id = ?`, `DELETE FROM timeline_marks WHERE story_id = ?`} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return fail("timelines", err)
			}
		}
		if err := bumpTimeline(ctx, tx, id); err != nil {
			return fail("timelines", err)
		}
	}
	return tx.Commit()
}

// Unassigned returns stored articles without a story, in publication order.
func (s *Store) Unassigned(ctx context.Context, limit int) ([]string, error) {
	if limit <= 0 {
		limit = 1 << 30
	}
	// every article has a story when there are as many members as
	// articles (a member is an article, once): two index counts instead
	// of a walk over the articles table
	var arts, members int
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM story_members)`).Scan(&arts, &members); err != nil {
		return nil, fmt.Errorf("unassigned: %w", err)
	}
	if arts == members {
		return nil, nil
	}
	return s.column(ctx, `SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)
		ORDER BY a.published IS NULL, a.published, a.id LIMIT ?`, limit)
}

// GetMany returns the given articles (first report only, no Raw, no
// analysis), in the order of ids; unknown IDs are left out.
func (s *Store) GetMany(ctx context.Context, ids []string) ([]*rasad.Article, error) {
	byID := make(map[string]*rasad.Article, len(ids))
	err := s.queryIn(ctx, "get many", ids, func(in string) string {
		return `SELECT ` + summaryColumns + ` FROM ` + summaryFrom + ` WHERE a.id IN ` + in
	}, func(rows *sql.Rows) error {
		a, err := scanSummary(rows)
		if err != nil {
			return fmt.Errorf("get many: %w", err)
		}
		byID[a.ID] = a
		return nil
	})
	if err != nil {
		return nil, err
	}
	return inOrder(ids, byID), nil
}

// FirstExtIDs returns every article's first report's ExtID.
func (s *Store) FirstExtIDs(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.article_id, r.ext_id FROM reports r
		WHERE r.id = (SELECT min(id) FROM reports WHERE article_id = r.article_id)`)
	if err != nil {
		return nil, fmt.Errorf("ext ids: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var a, e string
		if err := rows.Scan(&a, &e); err != nil {
			return nil, err
		}
		out[a] = e
	}
	return out, rows.Err()
}

// renamed are the stories whose members moved to another.
func renamed(rs [][2]string) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r[0]
	}
	return out
}
