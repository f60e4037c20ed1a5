package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/rasad/rasad"
)

// stamp is the fixed-width UTC form times take in the watch tables, so that
// text order is time order.
const stamp = "2006-01-02T15:04:05.000000000Z"

func ts(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(stamp)
}

func parseTS(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(stamp, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// FeedStates returns every polled feed's state, by URL.
func (s *Store) FeedStates(ctx context.Context) ([]rasad.FeedState, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url, etag, last_modified, next_poll, last_polled, last_ok, failures, last_status, last_error, items
		FROM feed_state ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("feed states: %w", err)
	}
	defer rows.Close()
	var out []rasad.FeedState
	for rows.Next() {
		var f rasad.FeedState
		var next, polled, ok string
		if err := rows.Scan(&f.URL, &f.ETag, &f.LastModified, &next, &polled, &ok, &f.Failures, &f.LastStatus, &f.LastError, &f.Items); err != nil {
			return nil, fmt.Errorf("feed states: %w", err)
		}
		f.NextPoll, f.LastPolled, f.LastOK = parseTS(next), parseTS(polled), parseTS(ok)
		out = append(out, f)
	}
	return out, rows.Err()
}

// SavePoll records a poll: the feed's state and its new or changed items.
func (s *Store) SavePoll(ctx context.Context, st rasad.FeedState, items []rasad.FetchTask) (int, error) {
	if st.URL == "" {
		return 0, fmt.Errorf("save poll: feed without URL: %w", rasad.ErrInvalid)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("save poll: %w", err)
	}
	defer tx.Rollback()
	now := ts(time.Now())
	changed := 0
	for _, it := range items {
		if it.Key == "" {
			return 0, fmt.Errorf("save poll: item without key: %w", rasad.ErrInvalid)
		}
		next := it.NextTry
		if next.IsZero() {
			next = st.LastPolled
		}
		var version string
		err := tx.QueryRowContext(ctx, `SELECT version FROM fetch_queue WHERE feed = ? AND item_key = ?`, st.URL, it.Key).Scan(&version)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			_, err = tx.ExecContext(ctx, `INSERT INTO fetch_queue(feed, item_key, version, url, item, state, attempts, next_try, updated_at)
				VALUES (?,?,?,?,?,?,0,?,?)`, st.URL, it.Key, it.Version, it.URL, it.Item, rasad.TaskPending, ts(next), now)
		case err != nil:
		case version == it.Version:
			continue
		default:
			_, err = tx.ExecContext(ctx, `UPDATE fetch_queue SET version = ?, url = ?, item = ?, state = ?, attempts = 0, next_try = ?, last_error = '', updated_at = ?
				WHERE feed = ? AND item_key = ?`, it.Version, it.URL, it.Item, rasad.TaskPending, ts(next), now, st.URL, it.Key)
		}
		if err != nil {
			return 0, fmt.Errorf("save poll: item %s: %w", it.Key, err)
		}
		changed++
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO feed_state(url, etag, last_modified, next_poll, last_polled, last_ok, failures, last_status, last_error, items)
		VALUES (?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(url) DO UPDATE SET etag=excluded.etag, last_modified=excluded.last_modified, next_poll=excluded.next_poll,
			last_polled=excluded.last_polled, last_ok=excluded.last_ok, failures=excluded.failures, last_status=excluded.last_status,
			last_error=excluded.last_error, items=feed_state.items+excluded.items`,
		st.URL, st.ETag, st.LastModified, ts(st.NextPoll), ts(st.LastPolled), ts(st.LastOK), st.Failures, st.LastStatus, st.LastError, changed)
	if err != nil {
		return 0, fmt.Errorf("save poll: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("save poll: %w", err)
	}
	return changed, nil
}

const taskCols = `id, feed, item_key, version, url, item, state, attempts, next_try, last_error, article_id`

func scanTasks(rows *sql.Rows) ([]rasad.FetchTask, error) {
	defer rows.Close()
	var out []rasad.FetchTask
	for rows.Next() {
		var t rasad.FetchTask
		var next string
		if err := rows.Scan(&t.ID, &t.Feed, &t.Key, &t.Version, &t.URL, &t.Item, &t.State, &t.Attempts, &next, &t.LastError, &t.ArticleID); err != nil {
			return nil, err
		}
		t.NextTry = parseTS(next)
		out = append(out, t)
	}
	return out, rows.Err()
}

// ReadyTasks returns pending tasks due at now, oldest first.
func (s *Store) ReadyTasks(ctx context.Context, now time.Time, limit int) ([]rasad.FetchTask, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+taskCols+` FROM fetch_queue WHERE state = ? AND next_try <= ? ORDER BY next_try, id LIMIT ?`,
		rasad.TaskPending, ts(now), limit)
	if err != nil {
		return nil, fmt.Errorf("ready tasks: %w", err)
	}
	out, err := scanTasks(rows)
	if err != nil {
		return nil, fmt.Errorf("ready tasks: %w", err)
	}
	return out, nil
}

// FinishTasks records task outcomes in one transaction.
func (s *Store) FinishTasks(ctx context.Context, tasks []rasad.FetchTask) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("finish tasks: %w", err)
	}
	defer tx.Rollback()
	now := ts(time.Now())
	for _, t := range tasks {
		switch t.State {
		case rasad.TaskPending, rasad.TaskDone, rasad.TaskFailed:
		default:
			return fmt.Errorf("finish tasks: state %q: %w", t.State, rasad.ErrInvalid)
		}
		// the version guard leaves an item the feed updated meanwhile pending
		if _, err := tx.ExecContext(ctx, `UPDATE fetch_queue SET state = ?, attempts = ?, next_try = ?, last_error = ?, article_id = ?, updated_at = ?
			WHERE id = ? AND version = ?`, t.State, t.Attempts, ts(t.NextTry), t.LastError, t.ArticleID, now, t.ID, t.Version); err != nil {
			return fmt.Errorf("finish tasks: %d: %w", t.ID, err)
		}
	}
	return tx.Commit()
}

// QueueCounts returns the number of tasks per state.
func (s *Store) QueueCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT state, count(*) FROM fetch_queue GROUP BY state`)
	if err != nil {
		return nil, fmt.Errorf("queue counts: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

// PutWatch adds or replaces a watch (its announcements are kept).
func (s *Store) PutWatch(ctx context.Context, w rasad.Watch) error {
	if w.ID == "" || w.Target == "" {
		return fmt.Errorf("put watch: ID and target are required: %w", rasad.ErrInvalid)
	}
	switch w.Kind {
	case "story", "query", "entity":
	default:
		return fmt.Errorf("put watch: kind %q (story, query or entity): %w", w.Kind, rasad.ErrInvalid)
	}
	if w.Created.IsZero() {
		w.Created = time.Now()
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO watches(id, kind, target, webhook, secret, created) VALUES (?,?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, target=excluded.target, webhook=excluded.webhook, secret=excluded.secret`,
		w.ID, w.Kind, w.Target, w.Webhook, w.Secret, ts(w.Created))
	if err != nil {
		return fmt.Errorf("put watch: %w", err)
	}
	return nil
}

// Watches lists the watches by ID.
func (s *Store) Watches(ctx context.Context) ([]rasad.Watch, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, target, webhook, secret, created FROM watches ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("watches: %w", err)
	}
	defer rows.Close()
	var out []rasad.Watch
	for rows.Next() {
		var w rasad.Watch
		var created string
		if err := rows.Scan(&w.ID, &w.Kind, &w.Target, &w.Webhook, &w.Secret, &created); err != nil {
			return nil, err
		}
		w.Created = parseTS(created)
		out = append(out, w)
	}
	return out, rows.Err()
}

// DeleteWatch removes a watch with its announcements and outbox.
func (s *Store) DeleteWatch(ctx context.Context, id string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("delete watch: %w", err)
	}
	defer tx.Rollback()
	for _, q := range []string{`DELETE FROM outbox WHERE watch_id = ?`, `DELETE FROM watch_entries WHERE watch_id = ?`} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return fmt.Errorf("delete watch: %w", err)
		}
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM watches WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete watch: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("watch %q: %w", id, rasad.ErrNotFound)
	}
	return tx.Commit()
}

// Announce records new and changed entries of a watch and queues their
// notifications, in one transaction.
func (s *Store) Announce(ctx context.Context, watchID string, entries []rasad.AnnouncedEntry, now time.Time) ([]rasad.Notification, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("announce: %w", err)
	}
	defer tx.Rollback()
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM watches WHERE id = ?`, watchID).Scan(&one); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("announce: watch %q: %w", watchID, rasad.ErrNotFound)
		}
		return nil, fmt.Errorf("announce: %w", err)
	}
	var out []rasad.Notification
	for _, e := range entries {
		var digest string
		var rev int
		err := tx.QueryRowContext(ctx, `SELECT digest, revision FROM watch_entries WHERE watch_id = ? AND entry_key = ?`, watchID, e.Key).Scan(&digest, &rev)
		kind := "new"
		switch {
		case errors.Is(err, sql.ErrNoRows):
			rev = 1
			_, err = tx.ExecContext(ctx, `INSERT INTO watch_entries(watch_id, entry_key, digest, payload, first, updated, revision) VALUES (?,?,?,?,?,?,?)`,
				watchID, e.Key, e.Digest, e.Payload, ts(now), ts(now), rev)
		case err != nil:
		case digest == e.Digest:
			continue
		default:
			kind, rev = "update", rev+1
			_, err = tx.ExecContext(ctx, `UPDATE watch_entries SET digest = ?, payload = ?, updated = ?, revision = ? WHERE watch_id = ? AND entry_key = ?`,
				e.Digest, e.Payload, ts(now), rev, watchID, e.Key)
		}
		if err != nil {
			return nil, fmt.Errorf("announce %s: %w", e.Key, err)
		}
		n := rasad.Notification{WatchID: watchID, EntryKey: e.Key, Kind: kind, Revision: rev, Payload: e.Payload, Created: now, State: rasad.NotePending, NextTry: now}
		res, err := tx.ExecContext(ctx, `INSERT INTO outbox(watch_id, entry_key, kind, revision, payload, created, state, attempts, next_try) VALUES (?,?,?,?,?,?,?,0,?)`,
			watchID, e.Key, kind, rev, e.Payload, ts(now), rasad.NotePending, ts(now))
		if err != nil {
			return nil, fmt.Errorf("announce %s: %w", e.Key, err)
		}
		n.ID, _ = res.LastInsertId()
		out = append(out, n)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("announce: %w", err)
	}
	return out, nil
}

// Announced returns what a watch announced, latest update first.
func (s *Store) Announced(ctx context.Context, watchID string) ([]rasad.AnnouncedEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT entry_key, digest, payload, first, updated, revision FROM watch_entries WHERE watch_id = ?
		ORDER BY updated DESC, entry_key`, watchID)
	if err != nil {
		return nil, fmt.Errorf("announced: %w", err)
	}
	defer rows.Close()
	var out []rasad.AnnouncedEntry
	for rows.Next() {
		var e rasad.AnnouncedEntry
		var first, upd string
		if err := rows.Scan(&e.Key, &e.Digest, &e.Payload, &first, &upd, &e.Revision); err != nil {
			return nil, err
		}
		e.First, e.Updated = parseTS(first), parseTS(upd)
		out = append(out, e)
	}
	return out, rows.Err()
}

const noteCols = `id, watch_id, entry_key, kind, revision, payload, created, state, attempts, next_try, error`

func scanNotes(rows *sql.Rows) ([]rasad.Notification, error) {
	defer rows.Close()
	var out []rasad.Notification
	for rows.Next() {
		var n rasad.Notification
		var created, next string
		if err := rows.Scan(&n.ID, &n.WatchID, &n.EntryKey, &n.Kind, &n.Revision, &n.Payload, &created, &n.State, &n.Attempts, &next, &n.Error); err != nil {
			return nil, err
		}
		n.Created, n.NextTry = parseTS(created), parseTS(next)
		out = append(out, n)
	}
	return out, rows.Err()
}

// PendingNotifications returns outbox rows due at now, oldest first.
func (s *Store) PendingNotifications(ctx context.Context, now time.Time, limit int) ([]rasad.Notification, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+noteCols+` FROM outbox WHERE state = ? AND next_try <= ? ORDER BY next_try, id LIMIT ?`,
		rasad.NotePending, ts(now), limit)
	if err != nil {
		return nil, fmt.Errorf("pending notifications: %w", err)
	}
	out, err := scanNotes(rows)
	if err != nil {
		return nil, fmt.Errorf("pending notifications: %w", err)
	}
	return out, nil
}

// Notifications returns every outbox row of a watch, oldest first.
func (s *Store) Notifications(ctx context.Context, watchID string) ([]rasad.Notification, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+noteCols+` FROM outbox WHERE watch_id = ? ORDER BY id`, watchID)
	if err != nil {
		return nil, fmt.Errorf("notifications: %w", err)
	}
	out, err := scanNotes(rows)
	if err != nil {
		return nil, fmt.Errorf("notifications: %w", err)
	}
	return out, nil
}

// SetNotification records a delivery attempt.
func (s *Store) SetNotification(ctx context.Context, n rasad.Notification) error {
	switch n.State {
	case rasad.NotePending, rasad.NoteSent, rasad.NoteFailed:
	default:
		return fmt.Errorf("set notification: state %q: %w", n.State, rasad.ErrInvalid)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE outbox SET state = ?, attempts = ?, next_try = ?, error = ? WHERE id = ?`,
		n.State, n.Attempts, ts(n.NextTry), n.Error, n.ID)
	if err != nil {
		return fmt.Errorf("set notification: %w", err)
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return fmt.Errorf("notification %d: %w", n.ID, rasad.ErrNotFound)
	}
	return nil
}
