package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/rasad/rasad"
)

// OpenReadOnly opens an existing database for reading only (SQLite
// mode=ro): no migration runs and every write fails. It is an error when
// the file does not exist or its schema is older than this binary's, since
// a read-only store cannot be migrated.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if path == ":memory:" || path == "" {
		return nil, fmt.Errorf("open %q read-only: a file path is needed: %w", path, rasad.ErrInvalid)
	}
	q := url.Values{"mode": {"ro"}}
	for _, p := range []string{"busy_timeout(10000)", "query_only(1)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s read-only: %w", path, err)
	}
	if want := latestMigration(); version < want {
		db.Close()
		if version == 0 {
			return nil, fmt.Errorf("open %s read-only: not a Rasad database (or empty): %w", path, rasad.ErrNotFound)
		}
		return nil, fmt.Errorf("open %s read-only: schema version %d is older than %d; open it once with writes on to migrate: %w", path, version, want, rasad.ErrInvalid)
	}
	if missing, err := missingMigrations(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s read-only: %w", path, err)
	} else if len(missing) > 0 {
		db.Close()
		return nil, fmt.Errorf("open %s read-only: migration %s not applied; open it once with writes on to migrate: %w", path, missing[0], rasad.ErrInvalid)
	}
	return &Store{db: db}, nil
}

// missingMigrations are the embedded migrations a store has not recorded
// (for a store from before the record, those not numbered in
// numberedMigrations).
func missingMigrations(ctx context.Context, db *sql.DB) ([]string, error) {
	applied := map[string]bool{}
	var one int
	err := db.QueryRowContext(ctx, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&one)
	switch {
	case err == nil:
		rows, err := db.QueryContext(ctx, `SELECT name FROM schema_migrations`)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				return nil, err
			}
			applied[n] = true
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	case errors.Is(err, sql.ErrNoRows):
		for _, n := range numberedMigrations {
			applied[n] = true
		}
	default:
		return nil, err
	}
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	sort.Strings(names)
	var out []string
	for _, name := range names {
		if base := strings.TrimPrefix(name, "migrations/"); !applied[base] {
			out = append(out, base)
		}
	}
	return out, nil
}

func latestMigration() int {
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	n := 0
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(name, "migrations/"), "_", 2)[0])
		if err == nil && v > n {
			n = v
		}
	}
	return n
}

// Articles returns the given articles with their reports, without Raw, in
// the order of ids (unknown IDs left out), reading in chunks of 500.
func (s *Store) Articles(ctx context.Context, ids []string) ([]*rasad.Article, error) {
	byID := make(map[string]*rasad.Article, len(ids))
	err := s.queryIn(ctx, "articles", ids, func(in string) string {
		return `SELECT id, title, text, abstract, author, language, published, published_from,
			published_conf, cleaning FROM articles WHERE id IN ` + in
	}, func(rows *sql.Rows) error {
		a := &rasad.Article{}
		var pub sql.NullString
		var cl string
		if err := rows.Scan(&a.ID, &a.Title, &a.Text, &a.Abstract, &a.Author, &a.Language, &pub, &a.PublishedFrom,
			&a.PublishedConfidence, &cl); err != nil {
			return fmt.Errorf("articles: %w", err)
		}
		a.Published = parseTimePtr(pub)
		var c cleaning
		if err := json.Unmarshal([]byte(cl), &c); err != nil {
			return fmt.Errorf("article %s: cleaning: %w", a.ID, err)
		}
		c.apply(a)
		byID[a.ID] = a
		return nil
	})
	if err != nil {
		return nil, err
	}
	reps, err := s.reports(ctx, ids)
	if err != nil {
		return nil, err
	}
	for id, rs := range reps {
		if a := byID[id]; a != nil {
			a.Reports = rs
		}
	}
	out := make([]*rasad.Article, 0, len(byID))
	for _, id := range ids {
		if a := byID[id]; a != nil {
			out = append(out, a)
			delete(byID, id) // an ID asked twice is returned once
		}
	}
	return out, nil
}
