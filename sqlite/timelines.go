package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/rasad/rasad"
)

// markStories marks the stories of the given articles as changed (their
// stored timelines are stale), inside tx.
func markStories(ctx context.Context, tx *sql.Tx, ids []string) error {
	return inChunks(ids, func(in string, args []any) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO timeline_marks(story_id)
			SELECT DISTINCT story_id FROM story_members WHERE article_id IN `+in+` ORDER BY story_id`, args...); err != nil {
			return fmt.Errorf("mark timelines: %w", err)
		}
		return nil
	})
}

// markStory marks one story as changed inside tx.
func markStory(ctx context.Context, tx *sql.Tx, story string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO timeline_marks(story_id) VALUES (?)`, story); err != nil {
		return fmt.Errorf("mark timelines: %w", err)
	}
	return nil
}

// StaleTimelines returns the stories marked changed, and those whose
// stored timeline is of another version.
func (s *Store) StaleTimelines(ctx context.Context, version string) ([]rasad.StoryTimeline, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT story_id, max(id) FROM timeline_marks GROUP BY story_id
		UNION ALL SELECT story_id, 0 FROM story_timelines WHERE version < ?1 OR version > ?1`, version)
	if err != nil {
		return nil, fmt.Errorf("stale timelines: %w", err)
	}
	defer rows.Close()
	byStory := map[string]int64{}
	for rows.Next() {
		var id string
		var mark int64
		if err := rows.Scan(&id, &mark); err != nil {
			return nil, fmt.Errorf("stale timelines: %w", err)
		}
		byStory[id] = max(byStory[id], mark)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stale timelines: %w", err)
	}
	out := make([]rasad.StoryTimeline, 0, len(byStory))
	for id, m := range byStory {
		out = append(out, rasad.StoryTimeline{Story: id, Mark: m})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Story < out[j].Story })
	return out, nil
}

// StoryMembers returns the articles of each story, sorted.
func (s *Store) StoryMembers(ctx context.Context, stories []string) (map[string][]string, error) {
	out := map[string][]string{}
	err := s.queryIn(ctx, "story members", stories, func(in string) string {
		return `SELECT story_id, article_id FROM story_members WHERE story_id IN ` + in
	}, func(rows *sql.Rows) error {
		var st, a string
		if err := rows.Scan(&st, &a); err != nil {
			return fmt.Errorf("story members: %w", err)
		}
		out[st] = append(out[st], a)
		return nil
	})
	for _, ids := range out {
		sort.Strings(ids)
	}
	return out, err
}

// StoriesOf returns the story of each of ids that has one.
func (s *Store) StoriesOf(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	err := s.queryIn(ctx, "stories of", ids, func(in string) string {
		return `SELECT article_id, story_id FROM story_members WHERE article_id IN ` + in
	}, func(rows *sql.Rows) error {
		var a, st string
		if err := rows.Scan(&a, &st); err != nil {
			return fmt.Errorf("stories of: %w", err)
		}
		out[a] = st
		return nil
	})
	return out, err
}

// CopiesOf returns the copy pairs involving any of ids.
func (s *Store) CopiesOf(ctx context.Context, ids []string) ([]rasad.CopyPair, error) {
	seen := map[[2]string]bool{}
	var out []rasad.CopyPair
	row := func(rows *sql.Rows) error {
		var c rasad.CopyPair
		if err := rows.Scan(&c.A, &c.B, &c.Kind, &c.Similarity); err != nil {
			return fmt.Errorf("copies: %w", err)
		}
		if k := [2]string{c.A, c.B}; !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
		return nil
	}
	for _, col := range []string{"a", "b"} {
		if err := s.queryIn(ctx, "copies", ids, func(in string) string {
			return `SELECT a, b, kind, similarity FROM copies WHERE ` + col + ` IN ` + in
		}, row); err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		return out[i].B < out[j].B
	})
	return out, nil
}

// SaveTimelines stores timelines and clears their marks up to Mark; a
// story without members loses its stored timeline.
func (s *Store) SaveTimelines(ctx context.Context, tls []rasad.StoryTimeline) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save timelines: %w", err)
	}
	defer tx.Rollback()
	up, err := tx.PrepareContext(ctx, `INSERT INTO story_timelines(story_id, version, entries) SELECT ?, ?, ?
		WHERE EXISTS (SELECT 1 FROM story_members WHERE story_id = ?)`)
	if err != nil {
		return fmt.Errorf("save timelines: %w", err)
	}
	defer up.Close()
	for _, t := range tls {
		if _, err := tx.ExecContext(ctx, `DELETE FROM story_timelines WHERE story_id = ?`, t.Story); err != nil {
			return fmt.Errorf("save timelines: %w", err)
		}
		if _, err := up.ExecContext(ctx, t.Story, t.Version, t.Entries, t.Story); err != nil {
			return fmt.Errorf("save timeline of %s: %w", t.Story, err)
		}
		if err := bumpTimeline(ctx, tx, t.Story); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM timeline_marks WHERE story_id = ? AND id <= ?`, t.Story, t.Mark); err != nil {
			return fmt.Errorf("save timelines: %w", err)
		}
	}
	return tx.Commit()
}

// bumpTimeline gives a story's stored timeline (saved or removed) the next
// change seq, inside tx; the empty story ID stands for all (a reset).
func bumpTimeline(ctx context.Context, tx *sql.Tx, story string) error {
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO timeline_seq(story_id) VALUES (?)`, story); err != nil {
		return fmt.Errorf("timeline seq: %w", err)
	}
	return nil
}

// resetTimelineSeq records, inside tx, that every stored timeline went:
// the change log restarts with the reset mark (the empty story ID).
func resetTimelineSeq(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM timeline_seq`); err != nil {
		return fmt.Errorf("timeline seq: %w", err)
	}
	return bumpTimeline(ctx, tx, "")
}

// TimelineSeq returns the seq of the latest change to a stored timeline
// (0 when none): TimelineChanges after it lists what changes next.
func (s *Store) TimelineSeq(ctx context.Context) (int64, error) {
	var seq int64
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM timeline_seq`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("timeline seq: %w", err)
	}
	return seq, nil
}

// TimelineChanges returns the stories whose stored timeline was saved or
// removed after the change seq after, in the order of their last change,
// and the seq of the last one (after when none). An empty story ID among
// them is a reset of all stories.
func (s *Store) TimelineChanges(ctx context.Context, after int64) ([]string, int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, story_id FROM timeline_seq WHERE seq > ? ORDER BY seq`, after)
	if err != nil {
		return nil, after, fmt.Errorf("timeline changes: %w", err)
	}
	defer rows.Close()
	var out []string
	last := after
	for rows.Next() {
		var id string
		if err := rows.Scan(&last, &id); err != nil {
			return nil, after, fmt.Errorf("timeline changes: %w", err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, after, fmt.Errorf("timeline changes: %w", err)
	}
	return out, last, nil
}

// StoryTimelines returns stored timelines (all when stories is nil).
func (s *Store) StoryTimelines(ctx context.Context, stories []string) ([]rasad.StoryTimeline, error) {
	var out []rasad.StoryTimeline
	scan := func(rows *sql.Rows) error {
		var t rasad.StoryTimeline
		if err := rows.Scan(&t.Story, &t.Version, &t.Entries); err != nil {
			return fmt.Errorf("story timelines: %w", err)
		}
		out = append(out, t)
		return nil
	}
	if stories == nil {
		rows, err := s.db.QueryContext(ctx, `SELECT story_id, version, entries FROM story_timelines ORDER BY story_id`)
		if err != nil {
			return nil, fmt.Errorf("story timelines: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return nil, err
			}
		}
		return out, rows.Err()
	}
	if err := s.queryIn(ctx, "story timelines", stories, func(in string) string {
		return `SELECT story_id, version, entries FROM story_timelines WHERE story_id IN ` + in
	}, scan); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Story < out[j].Story })
	return out, nil
}

// PublishedDays returns the first and last publication day (YYYY-MM-DD,
// each article's own calendar date, as story.PublishedSpan gives) of the
// articles ids, or of every article when ids is nil.
func (s *Store) PublishedDays(ctx context.Context, ids []string) (first, last string, err error) {
	const cols = `SELECT coalesce(min(substr(published, 1, 10)), ''), coalesce(max(substr(published, 1, 10)), '') FROM articles WHERE published IS NOT NULL AND published != ''`
	if ids == nil {
		err = s.db.QueryRowContext(ctx, cols).Scan(&first, &last)
		if err != nil {
			err = fmt.Errorf("published days: %w", err)
		}
		return first, last, err
	}
	err = s.queryIn(ctx, "published days", ids, func(in string) string { return cols + ` AND id IN ` + in }, func(rows *sql.Rows) error {
		var f, l string
		if err := rows.Scan(&f, &l); err != nil {
			return fmt.Errorf("published days: %w", err)
		}
		if f != "" && (first == "" || f < first) {
			first = f
		}
		last = max(last, l)
		return nil
	})
	return first, last, err
}

// Covered returns how many articles the stored stories hold (fewer than
// the store's when articles came in since they were assigned).
func (s *Store) Covered(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM story_members`).Scan(&n); err != nil {
		return 0, fmt.Errorf("stories: %w", err)
	}
	return n, nil
}

// ExtIDsOf returns the first report's ExtID of each of ids.
func (s *Store) ExtIDsOf(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	err := s.queryIn(ctx, "ext ids", ids, func(in string) string {
		return `SELECT r.article_id, r.ext_id FROM reports r WHERE r.article_id IN ` + in + `
			AND r.id = (SELECT min(id) FROM reports WHERE article_id = r.article_id)`
	}, func(rows *sql.Rows) error {
		var a, e string
		if err := rows.Scan(&a, &e); err != nil {
			return fmt.Errorf("ext ids: %w", err)
		}
		out[a] = e
		return nil
	})
	return out, err
}
