// Package sqlite is Rasad's default store: an embedded SQLite database
// (pure Go, no cgo) with WAL, embedded migrations and an FTS5 index over
// Rasad's own Arabic stems.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unsafe"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store implements rasad.Store on SQLite.
type Store struct {
	db *sql.DB
}

var _ rasad.Store = (*Store)(nil)

// Open opens (creating if needed) the database at path and migrates it.
// ":memory:" opens a private in-memory database.
func Open(ctx context.Context, path string) (*Store, error) {
	// write transactions take the lock up front (BEGIN IMMEDIATE), so that
	// concurrent writers wait on busy_timeout instead of failing with
	// SQLITE_BUSY_SNAPSHOT when a read inside the transaction went stale
	q := url.Values{"_txlock": {"immediate"}}
	// wal_autocheckpoint: an ingest writes its batches into a WAL of up to
	// 40 MB (10,000 pages) before copying them into the database, instead
	// of 4 MB: the pages a batch rewrites (the FTS5 segments it merges, the
	// last leaves of each table) are copied once rather than once per 4 MB,
	// ~8% of sqlite.Put's CPU (BenchmarkPutCorpus in pipeline/)
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(ON)", "wal_autocheckpoint(10000)"} {
		q.Add("_pragma", p)
	}
	var dsn string
	if path == ":memory:" {
		dsn = "file::memory:?" + q.Encode()
	} else {
		dsn = "file:" + path + "?" + q.Encode()
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if path == ":memory:" {
		db.SetMaxOpenConns(1) // one connection, or each would get its own database
	}
	s := &Store{db: db}
	// Switching a new database to WAL can answer SQLITE_BUSY at once, without
	// waiting on busy_timeout, when another process opens it at the same
	// moment; retry for a while.
	err = s.migrate(ctx)
	for i := 0; err != nil && isBusy(err) && i < 100; i++ {
		time.Sleep(time.Duration(10+i) * time.Millisecond)
		err = s.migrate(ctx)
	}
	if err == nil {
		err = s.reindex(ctx)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// reindex fills the full-text index again from the stored articles when a
// migration asked for it (fts_reindex exists), in one transaction.
func (s *Store) reindex(ctx context.Context) error {
	pending := func(q interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}) (bool, error) {
		var n int
		err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'fts_reindex'`).Scan(&n)
		return n > 0, err
	}
	if p, err := pending(s.db); err != nil || !p {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	defer tx.Rollback()
	if p, err := pending(tx); err != nil || !p {
		return err // another process did it
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')`); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	last := int64(-1 << 62)
	for {
		type row struct {
			rowid    int64
			title    string
			body, cl string
		}
		var batch []row
		rows, err := tx.QueryContext(ctx, `SELECT rowid, title, text, cleaning FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 500`, last)
		if err != nil {
			return fmt.Errorf("reindex: %w", err)
		}
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.rowid, &r.title, &r.body, &r.cl); err != nil {
				rows.Close()
				return fmt.Errorf("reindex: %w", err)
			}
			batch = append(batch, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("reindex: %w", err)
		}
		if len(batch) == 0 {
			break
		}
		for _, r := range batch {
			a := &rasad.Article{Title: r.title, Text: r.body}
			var c cleaning
			if err := json.Unmarshal([]byte(r.cl), &c); err == nil {
				a.Removed, a.TitleSpan = c.Removed, c.TitleSpan
			}
			title, body := IndexText(a)
			if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)`, r.rowid, title, body); err != nil {
				return fmt.Errorf("reindex: %w", err)
			}
			last = r.rowid
		}
	}
	if _, err := tx.ExecContext(ctx, `DROP TABLE fts_reindex`); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	return tx.Commit()
}

func isBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked")
}

// DB exposes the handle to packages that extend the schema.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// migrate applies the embedded migrations not yet applied, in name order.
// Applied migrations are recorded by name (schema_migrations), so a
// migration numbered below one a store already has (branches use number
// ranges of their own and land in any order) is still applied. Each runs in
// its own immediate transaction that re-reads the record under the write
// lock, so two processes opening a database at once do not both apply it.
// PRAGMA user_version keeps the highest number applied.
func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	if err := s.migrationLedger(ctx); err != nil {
		return err
	}
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		n, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: bad name", base)
		}
		if err := s.applyMigration(ctx, name, base, n); err != nil {
			return err
		}
	}
	return nil
}

// numberedMigrations are the migrations a store recorded by its
// user_version alone, before migrations were recorded by name: a store at
// version V had applied those numbered V or below.
var numberedMigrations = []string{"0001_articles.sql", "0002_analysis.sql", "0003_stories.sql", "0004_events.sql", "0010_versions.sql",
	"0020_watch.sql", "0021_story_state.sql", "0022_story_lists.sql", "0050_fts_ascii.sql"}

// migrationLedger creates the record of applied migrations, filled from
// user_version for a store made before it.
func (s *Store) migrationLedger(ctx context.Context) error {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&one)
	if err == nil {
		return nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read schema: %w", err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)`); err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	for _, base := range numberedMigrations {
		n, _ := strconv.Atoi(base[:4])
		if n <= version {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO schema_migrations(name) VALUES (?)`, base); err != nil {
				return fmt.Errorf("migrations: %w", err)
			}
		}
	}
	return tx.Commit()
}

func (s *Store) applyMigration(ctx context.Context, name, base string, n int) error {
	var done int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = ?`, base).Scan(&done)
	if err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	if done > 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", base, err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = ?`, base).Scan(&done); err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	if done > 0 {
		return nil // another process applied it meanwhile
	}
	body, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("migration %s: %w", base, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(name) VALUES (?)`, base); err != nil {
		return fmt.Errorf("migration %s: %w", base, err)
	}
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if n > version {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", n)); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: %w", base, err)
	}
	return nil
}

// cleaning is the JSON kept in articles.cleaning.
type cleaning struct {
	Removed   []rasad.Removal `json:"removed,omitempty"`
	TitleSpan *rasad.Span     `json:"title_span,omitempty"`
	Dateline  *rasad.Dateline `json:"dateline,omitempty"`
	Credits   []rasad.Credit  `json:"credits,omitempty"`
	Warnings  []string        `json:"warnings,omitempty"`
	Evidence  string          `json:"published_evidence,omitempty"`
}

// apply sets the article's cleaning fields from c.
func (c cleaning) apply(a *rasad.Article) {
	a.Removed, a.TitleSpan, a.Dateline, a.Credits, a.Warnings = c.Removed, c.TitleSpan, c.Dateline, c.Credits, c.Warnings
	a.PublishedEvidence = c.Evidence
}

func timeString(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.Format(time.RFC3339) // with its zone offset: the local calendar date matters
}

func parseTimePtr(ns sql.NullString) *time.Time {
	if !ns.Valid || ns.String == "" {
		return nil
	}
	t, err := time.Parse(time.RFC3339, ns.String)
	if err != nil {
		return nil
	}
	return &t
}

// Put stores a batch in one transaction.
func (s *Store) Put(ctx context.Context, batch []*rasad.Article) ([]rasad.PutResult, error) {
	res, _, err := s.put(ctx, batch, nil)
	return res, err
}

// put is Put and PutTallied (t nil: a plain Put, which leaves the
// collection knowledge incomplete when it stores a new article).
func (s *Store) put(ctx context.Context, batch []*rasad.Article, t *tally) ([]rasad.PutResult, rasad.KnowledgeState, error) {
	var know rasad.KnowledgeState
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, know, fmt.Errorf("put: begin: %w", err)
	}
	defer tx.Rollback()
	// the connection that writes a batch keeps up to 32 MiB of pages (the
	// default is 2 MB): a batch of 256 articles dirties more than that, and
	// a smaller cache spills pages to the WAL before the commit writes them
	// again, and reads back pages it dropped (~8% of Put's CPU on ant-dev)
	if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = -32768`); err != nil {
		return nil, know, fmt.Errorf("put: %w", err)
	}
	if know, err = knowledgeState(ctx, tx); err != nil {
		return nil, know, fmt.Errorf("put: %w", err)
	}
	out, err := putArticles(ctx, tx, batch)
	if err != nil {
		return nil, know, err
	}
	if know, err = putKnowledge(ctx, tx, know, out, t); err != nil {
		return nil, know, fmt.Errorf("put: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, know, fmt.Errorf("put: commit: %w", err)
	}
	return out, know, nil
}

// putArticles stores batch in tx (Put).
func putArticles(ctx context.Context, tx *sql.Tx, batch []*rasad.Article) ([]rasad.PutResult, error) {
	insArt, err := tx.PrepareContext(ctx, `INSERT INTO articles
		(id, title, text, abstract, author, language, published, published_from, published_conf, cleaning, raw, created_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING`)
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	defer insArt.Close()
	insFTS, err := tx.PrepareContext(ctx, `INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)`)
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	defer insFTS.Close()
	insRep, err := tx.PrepareContext(ctx, `INSERT INTO reports
		(article_id, ext_id, source, url, format, origin, published, ingested_at)
		VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`)
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	defer insRep.Close()

	insVer, err := tx.PrepareContext(ctx, `INSERT INTO versions (article_id, url, version, previous_id) VALUES (?,?,?,?) ON CONFLICT DO NOTHING`)
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	defer insVer.Close()
	verQ, err := tx.PrepareContext(ctx, latestVersionSQL)
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	defer verQ.Close()
	insAna, err := tx.PrepareContext(ctx, putAnalysisSQL)
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	defer insAna.Close()

	// the URLs of the batch some report or version already has: a new text
	// under any other URL has no earlier version, and latestVersion need
	// not ask (one query for the batch instead of one per article)
	urlKnown, err := knownURLs(ctx, tx, batch)
	if err != nil {
		return nil, err
	}
	out := make([]rasad.PutResult, 0, len(batch))
	now := time.Now().UTC().Format(time.RFC3339)
	for _, a := range batch {
		if a.ID == "" {
			return nil, fmt.Errorf("put: article without ID: %w", rasad.ErrInvalid)
		}
		cl, err := json.Marshal(cleaning{a.Removed, a.TitleSpan, a.Dateline, a.Credits, a.Warnings, a.PublishedEvidence})
		if err != nil {
			return nil, fmt.Errorf("put %s: %w", a.ID, err)
		}
		res, err := insArt.ExecContext(ctx, a.ID, a.Title, a.Text, a.Abstract, a.Author, a.Language,
			timeString(a.Published), a.PublishedFrom, a.PublishedConfidence, ownedString(cl), a.Raw, now)
		if err != nil {
			return nil, fmt.Errorf("put %s: %w", a.ID, err)
		}
		n, _ := res.RowsAffected()
		status := rasad.Duplicate
		if n == 1 {
			status = rasad.New
			var title, body string
			if a.SearchKeys != nil {
				title, body = a.SearchKeys.Title, a.SearchKeys.Body
			} else {
				title, body = IndexText(a)
			}
			rowid, err := res.LastInsertId()
			if err != nil {
				return nil, fmt.Errorf("put %s: %w", a.ID, err)
			}
			if _, err := insFTS.ExecContext(ctx, rowid, title, body); err != nil {
				return nil, fmt.Errorf("put %s: index: %w", a.ID, err)
			}
			if a.Analysis != nil {
				if err := putAnalysis(ctx, insAna, a.ID, a.Analysis); err != nil {
					return nil, err
				}
			}
		}
		var prev string
		var version int
		if status == rasad.New {
			// a new text under a known URL is that page's next version
			for _, r := range a.Reports {
				if r.URL == "" || !urlKnown[r.URL] {
					continue
				}
				if prev, version, err = latestVersion(ctx, verQ, r.URL, a.ID); err != nil {
					return nil, err
				}
				if prev != "" {
					version++
					if _, err := insVer.ExecContext(ctx, a.ID, r.URL, version, prev); err != nil {
						return nil, fmt.Errorf("put %s: version: %w", a.ID, err)
					}
					break
				}
			}
		}
		for _, r := range a.Reports {
			ingested := r.IngestedAt
			if ingested.IsZero() {
				ingested = time.Now().UTC()
			}
			res, err := insRep.ExecContext(ctx, a.ID, r.ExtID, r.Source, r.URL, r.Format, r.Origin,
				timeString(r.Published), ingested.UTC().Format(time.RFC3339))
			if err != nil {
				return nil, fmt.Errorf("put %s: report: %w", a.ID, err)
			}
			if n, _ := res.RowsAffected(); n == 1 && status == rasad.Duplicate {
				status = rasad.NewReport
			}
			if r.URL != "" {
				urlKnown[r.URL] = true // a report has it now
			}
		}
		out = append(out, rasad.PutResult{ID: a.ID, Status: status, Previous: prev, Version: version})
	}
	return out, nil
}

// knownURLs returns the URLs of batch's reports that a stored report or
// version has (a URL no report or version has has no earlier version:
// latestVersionSQL finds nothing for it).
func knownURLs(ctx context.Context, tx *sql.Tx, batch []*rasad.Article) (map[string]bool, error) {
	var urls []string
	seen := map[string]bool{}
	for _, a := range batch {
		for _, r := range a.Reports {
			if r.URL != "" && !seen[r.URL] {
				seen[r.URL] = true
				urls = append(urls, r.URL)
			}
		}
	}
	known := make(map[string]bool, len(urls))
	err := inChunks(urls, func(in string, args []any) error {
		rows, err := tx.QueryContext(ctx, `SELECT url FROM reports WHERE url IN `+in+` UNION SELECT url FROM versions WHERE url IN `+in, append(args, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var u string
			if err := rows.Scan(&u); err != nil {
				return err
			}
			known[u] = true
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("put: known URLs: %w", err)
	}
	return known, nil
}

// latestVersion returns the latest text stored under url other than id,
// and its version number (1 for the first text read under it), or "".
// st is latestVersionSQL, prepared once per transaction.
func latestVersion(ctx context.Context, st *sql.Stmt, url, id string) (string, int, error) {
	var prev string
	var n int
	err := st.QueryRowContext(ctx, url, id).Scan(&prev, &n)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, nil
	}
	if err != nil {
		return "", 0, fmt.Errorf("put: versions of %s: %w", url, err)
	}
	return prev, n, nil
}

// latestVersionSQL asks latestVersion's question in one statement: the
// latest recorded version under the URL (?1) of a text other than ?2, else
// the text of its earliest report as version 1 (the first text read under
// it). UNION ALL runs its arms in order and LIMIT 1 stops after the first
// row, so the reports are read only when no version is recorded.
const latestVersionSQL = `SELECT article_id, version FROM
		(SELECT article_id, version FROM versions WHERE url = ?1 AND article_id != ?2 ORDER BY version DESC LIMIT 1)
	UNION ALL SELECT article_id, 1 FROM
		(SELECT article_id FROM reports WHERE url = ?1 AND article_id != ?2 ORDER BY id LIMIT 1)
	LIMIT 1`

// versions returns every version of the URL that id belongs to, oldest
// first, or nil when id is the only text read under its URL.
func (s *Store) versions(ctx context.Context, id string) ([]rasad.Version, error) {
	var url string
	err := s.db.QueryRowContext(ctx, `SELECT url FROM versions WHERE article_id = ?
		UNION ALL SELECT url FROM versions WHERE previous_id = ? LIMIT 1`, id, id).Scan(&url)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("versions of %s: %w", id, err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT article_id, version, previous_id FROM versions WHERE url = ? ORDER BY version`, url)
	if err != nil {
		return nil, fmt.Errorf("versions of %s: %w", id, err)
	}
	defer rows.Close()
	var out []rasad.Version
	for rows.Next() {
		var v rasad.Version
		var prev string
		if err := rows.Scan(&v.ID, &v.N, &prev); err != nil {
			return nil, fmt.Errorf("versions of %s: %w", id, err)
		}
		if v.N == 2 {
			out = append(out, rasad.Version{URL: url, N: 1, ID: prev})
		}
		v.URL = url
		out = append(out, v)
	}
	return out, rows.Err()
}

// IndexText returns the title and body as FTS5 sees them: the stems of
// every token (text.Variants), residue left out, separated by spaces.
func IndexText(a *rasad.Article) (title, body string) {
	masked := a.Masked()
	if a.TitleSpan != nil {
		masked = masked[:a.TitleSpan.Start] + strings.Repeat(" ", a.TitleSpan.End-a.TitleSpan.Start) + masked[a.TitleSpan.End:]
	}
	return text.IndexStems(a.Title), text.IndexStems(masked)
}

// Get returns one article by ID, ID prefix or report ExtID.
func (s *Store) Get(ctx context.Context, ref string) (*rasad.Article, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, fmt.Errorf("get: empty reference: %w", rasad.ErrInvalid)
	}
	id, err := s.resolve(ctx, ref)
	if err != nil {
		return nil, err
	}
	a := &rasad.Article{ID: id}
	var pub sql.NullString
	var cl string
	err = s.db.QueryRowContext(ctx, `SELECT title, text, abstract, author, language, published, published_from,
		published_conf, cleaning, raw FROM articles WHERE id = ?`, id).
		Scan(&a.Title, &a.Text, &a.Abstract, &a.Author, &a.Language, &pub, &a.PublishedFrom,
			&a.PublishedConfidence, &cl, &a.Raw)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", ref, err)
	}
	a.Published = parseTimePtr(pub)
	var c cleaning
	if err := json.Unmarshal([]byte(cl), &c); err != nil {
		return nil, fmt.Errorf("get %s: cleaning: %w", ref, err)
	}
	c.apply(a)
	if a.Versions, err = s.versions(ctx, id); err != nil {
		return nil, err
	}
	reps, err := s.reports(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	a.Reports = reps[id]
	return a, nil
}

// latestOf returns the latest version when ids are all versions of one
// URL (an input id kept by an updated page), or "".
func (s *Store) latestOf(ctx context.Context, ids []string) (string, error) {
	vs, err := s.versions(ctx, ids[0])
	if err != nil || len(vs) == 0 {
		return "", err
	}
	in := map[string]bool{}
	for _, v := range vs {
		in[v.ID] = true
	}
	for _, id := range ids {
		if !in[id] {
			return "", nil
		}
	}
	return vs[len(vs)-1].ID, nil
}

func (s *Store) resolve(ctx context.Context, ref string) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT id FROM articles WHERE id = ?`, ref).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("get %s: %w", ref, err)
	}
	ids, err := s.column(ctx, `SELECT DISTINCT article_id FROM reports WHERE ext_id = ? ORDER BY article_id LIMIT 11`, ref)
	if err != nil {
		return "", err
	}
	if len(ids) == 0 && strings.Contains(ref, "://") {
		if ids, err = s.column(ctx, `SELECT DISTINCT article_id FROM reports WHERE url = ? ORDER BY article_id LIMIT 11`, ref); err != nil {
			return "", err
		}
	}
	if len(ids) == 0 && len(ref) >= 6 {
		esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(ref)
		ids, err = s.column(ctx, `SELECT id FROM articles WHERE id LIKE ? ESCAPE '\' ORDER BY id LIMIT 11`, esc+"%")
		if err != nil {
			return "", err
		}
	}
	switch len(ids) {
	case 0:
		return "", fmt.Errorf("article %q: %w", ref, rasad.ErrNotFound)
	case 1:
		return ids[0], nil
	}
	if latest, err := s.latestOf(ctx, ids); err != nil {
		return "", err
	} else if latest != "" {
		return latest, nil
	}
	amb := &rasad.AmbiguousError{Ref: ref, More: len(ids) > 10}
	for _, id := range ids[:min(len(ids), 10)] {
		var title string
		if err := s.db.QueryRowContext(ctx, `SELECT title FROM articles WHERE id = ?`, id).Scan(&title); err != nil {
			return "", fmt.Errorf("get %s: %w", ref, err)
		}
		amb.Candidates = append(amb.Candidates, rasad.Candidate{ID: id, Title: title})
	}
	return "", amb
}

func (s *Store) column(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// reports loads the reports of the given articles, oldest first, in
// chunks of at most 500 IDs.
func (s *Store) reports(ctx context.Context, ids []string) (map[string][]rasad.Report, error) {
	out := map[string][]rasad.Report{}
	seen := make(map[string]bool, len(ids))
	uniq := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			uniq = append(uniq, id) // an ID in two chunks would get its reports twice
		}
	}
	err := s.queryIn(ctx, "reports", uniq, func(in string) string {
		return `SELECT article_id, ext_id, source, url, format, origin, published, ingested_at
		FROM reports WHERE article_id IN ` + in + ` ORDER BY id`
	}, func(rows *sql.Rows) error {
		var r rasad.Report
		var aid, ing string
		var pub sql.NullString
		if err := rows.Scan(&aid, &r.ExtID, &r.Source, &r.URL, &r.Format, &r.Origin, &pub, &ing); err != nil {
			return fmt.Errorf("reports: %w", err)
		}
		r.Published = parseTimePtr(pub)
		r.IngestedAt, _ = time.Parse(time.RFC3339, ing)
		out[aid] = append(out[aid], r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Count returns the numbers of articles and reports.
func (s *Store) Count(ctx context.Context) (int, int, error) {
	var a, r int
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM reports)`).Scan(&a, &r); err != nil {
		return 0, 0, fmt.Errorf("count: %w", err)
	}
	return a, r, nil
}

// Titles returns every stored title in ID order (for benchmarks and tools).
func (s *Store) Titles(ctx context.Context) ([]string, error) {
	return s.column(ctx, `SELECT title FROM articles ORDER BY id`)
}

// IDs lists article IDs in publication order (undated last).
func (s *Store) IDs(ctx context.Context) ([]string, error) {
	return s.column(ctx, `SELECT id FROM articles ORDER BY published IS NULL, published, id`)
}

// ownedString is b as a string without a copy, for a buffer made for
// one statement's argument and never changed afterwards (the marshalled
// JSON of putAnalysis and putArticles): it is bound as TEXT, as a string
// conversion would be, and the driver copies it into SQLite.
func ownedString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// putAnalysisSQL stores one article's analysis (putAnalysis).
const putAnalysisSQL = `INSERT INTO analyses(article_id, version, timexes, mentions, events, analysed_at) VALUES (?,?,?,?,?,?)
		ON CONFLICT(article_id) DO UPDATE SET version=excluded.version, timexes=excluded.timexes, mentions=excluded.mentions, events=excluded.events, analysed_at=excluded.analysed_at`

// putAnalysis runs st, putAnalysisSQL prepared in the caller's transaction.
func putAnalysis(ctx context.Context, st *sql.Stmt, id string, a *rasad.Analysis) error {
	tj, err := marshalTimexes(a.Timexes)
	if err != nil {
		return err
	}
	mj, err := marshalMentions(a.Mentions)
	if err != nil {
		return err
	}
	ej, err := marshalEvents(a.Events)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, id, a.Version, ownedString(tj), ownedString(mj), ownedString(ej), time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("analysis of %s: %w", id, err)
	}
	return nil
}

// SetAnalysis replaces the analyses of the given articles in one transaction.
func (s *Store) SetAnalysis(ctx context.Context, as map[string]*rasad.Analysis) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("set analysis: %w", err)
	}
	defer tx.Rollback()
	if err := setAnalysis(ctx, tx, as); err != nil {
		return err
	}
	return tx.Commit()
}

// setAnalysis is SetAnalysis in tx.
func setAnalysis(ctx context.Context, tx *sql.Tx, as map[string]*rasad.Analysis) error {
	exists, err := tx.PrepareContext(ctx, `SELECT 1 FROM articles WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("set analysis: %w", err)
	}
	defer exists.Close()
	insAna, err := tx.PrepareContext(ctx, putAnalysisSQL)
	if err != nil {
		return fmt.Errorf("set analysis: %w", err)
	}
	defer insAna.Close()
	ids := slices.Sorted(maps.Keys(as))
	for _, id := range ids {
		var one int
		if err := exists.QueryRowContext(ctx, id).Scan(&one); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("set analysis of %s: %w", id, rasad.ErrNotFound)
			}
			return fmt.Errorf("set analysis of %s: %w", id, err)
		}
		if err := putAnalysis(ctx, insAna, id, as[id]); err != nil {
			return err
		}
	}
	// the timelines of their stories read the analyses
	return markStories(ctx, tx, ids)
}

// Analyses loads stored analyses, in chunks of at most 500 IDs.
func (s *Store) Analyses(ctx context.Context, ids []string) (map[string]*rasad.Analysis, error) {
	out := map[string]*rasad.Analysis{}
	err := s.queryIn(ctx, "analyses", ids, func(in string) string {
		return `SELECT article_id, version, timexes, mentions, events FROM analyses WHERE article_id IN ` + in
	}, func(rows *sql.Rows) error {
		var id, tj, mj, ej string
		a := &rasad.Analysis{}
		if err := rows.Scan(&id, &a.Version, &tj, &mj, &ej); err != nil {
			return fmt.Errorf("analyses: %w", err)
		}
		if err := json.Unmarshal([]byte(tj), &a.Timexes); err != nil {
			return fmt.Errorf("analysis of %s: %w", id, err)
		}
		if err := json.Unmarshal([]byte(mj), &a.Mentions); err != nil {
			return fmt.Errorf("analysis of %s: %w", id, err)
		}
		if err := json.Unmarshal([]byte(ej), &a.Events); err != nil {
			return fmt.Errorf("analysis of %s: %w", id, err)
		}
		out[id] = a
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Scan reads every article in publication order with its first report.
func (s *Store) Scan(ctx context.Context, fn func(*rasad.Article) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT `+summaryColumns+` FROM `+summaryFrom+`
		ORDER BY a.published IS NULL, a.published, a.id`)
	if err != nil {
		return fmt.Errorf("scan: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanSummary(rows)
		if err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// SetStories replaces the story assignment and copy relations.
func (s *Store) SetStories(ctx context.Context, storyOf map[string]string, copies []rasad.CopyPair) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("set stories: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM story_members`); err != nil {
		return fmt.Errorf("set stories: %w", err)
	}
	for _, q := range []string{`DELETE FROM copies`, `DELETE FROM story_timelines`, `DELETE FROM timeline_marks`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("set stories: %w", err)
		}
	}
	if err := resetTimelineSeq(ctx, tx); err != nil {
		return fmt.Errorf("set stories: %w", err)
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO story_members(article_id, story_id) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	ids := slices.Sorted(maps.Keys(storyOf))
	for _, id := range ids {
		if _, err := ins.ExecContext(ctx, id, storyOf[id]); err != nil {
			return fmt.Errorf("set stories: %s: %w", id, err)
		}
	}
	insC, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO copies(a, b, kind, similarity) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insC.Close()
	for _, c := range copies {
		if _, err := insC.ExecContext(ctx, c.A, c.B, c.Kind, c.Similarity); err != nil {
			return fmt.Errorf("set stories: copy %s/%s: %w", c.A, c.B, err)
		}
	}
	// every story's timeline is built anew
	if _, err := tx.ExecContext(ctx, `INSERT INTO timeline_marks(story_id) SELECT DISTINCT story_id FROM story_members ORDER BY story_id`); err != nil {
		return fmt.Errorf("set stories: %w", err)
	}
	return tx.Commit()
}

// Stories returns the stored story assignment and copies.
func (s *Store) Stories(ctx context.Context) (map[string]string, []rasad.CopyPair, error) {
	out := map[string]string{}
	rows, err := s.db.QueryContext(ctx, `SELECT article_id, story_id FROM story_members`)
	if err != nil {
		return nil, nil, fmt.Errorf("stories: %w", err)
	}
	for rows.Next() {
		var a, st string
		if err := rows.Scan(&a, &st); err != nil {
			rows.Close()
			return nil, nil, err
		}
		out[a] = st
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `SELECT a, b, kind, similarity FROM copies ORDER BY a, b`)
	if err != nil {
		return nil, nil, fmt.Errorf("stories: %w", err)
	}
	defer rows.Close()
	var cs []rasad.CopyPair
	for rows.Next() {
		var c rasad.CopyPair
		if err := rows.Scan(&c.A, &c.B, &c.Kind, &c.Similarity); err != nil {
			return nil, nil, err
		}
		cs = append(cs, c)
	}
	return out, cs, rows.Err()
}

// Known returns which of ids the store holds as articles (those it holds
// map to true), so that an ingest can skip analysing known texts.
func (s *Store) Known(ctx context.Context, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	err := s.queryIn(ctx, "known", ids, func(in string) string {
		return `SELECT id FROM articles WHERE id IN ` + in
	}, func(rows *sql.Rows) error {
		var id string
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("known: %w", err)
		}
		out[id] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
