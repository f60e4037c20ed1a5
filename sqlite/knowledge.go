package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/rasad/rasad"
)

var _ rasad.KnowledgeStore = (*Store)(nil)

// querier is what a transaction and the database share.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// knowledgeState reads the knowledge's state (see the migration 0060).
func knowledgeState(ctx context.Context, q querier) (rasad.KnowledgeState, error) {
	var st rasad.KnowledgeState
	var complete int
	err := q.QueryRowContext(ctx, `SELECT generation, complete FROM knowledge_state WHERE id = 1`).Scan(&st.Generation, &complete)
	if errors.Is(err, sql.ErrNoRows) {
		var any int
		err = q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles)`).Scan(&any)
		st.Complete = any == 0
	} else {
		st.Complete = complete == 1
	}
	if err != nil {
		return st, fmt.Errorf("knowledge state: %w", err)
	}
	return st, nil
}

// setKnowledgeState records the next generation (complete or not) in tx.
func setKnowledgeState(ctx context.Context, tx *sql.Tx, prev rasad.KnowledgeState, complete bool) (rasad.KnowledgeState, error) {
	st := rasad.KnowledgeState{Generation: prev.Generation + 1, Complete: complete}
	c := 0
	if complete {
		c = 1
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO knowledge_state(id, generation, complete) VALUES (1, ?, ?)
		ON CONFLICT(id) DO UPDATE SET generation = excluded.generation, complete = excluded.complete`, st.Generation, c); err != nil {
		return prev, fmt.Errorf("knowledge state: %w", err)
	}
	return st, nil
}

// knowledgeRows is how many counts one upsert statement carries.
const knowledgeRows = 200

// addKnowledge adds t to the stored counts in tx, in key order (the
// B-tree's order: cheaper than random inserts), several rows per
// statement; a count that comes to zero is removed.
func addKnowledge(ctx context.Context, tx *sql.Tx, t rasad.Tallies) error {
	if len(t) == 0 {
		return nil
	}
	keys := slices.SortedFunc(maps.Keys(t), func(a, b rasad.TallyKey) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), strings.Compare(a.Form, b.Form), strings.Compare(a.Key, b.Key))
	})
	stmt := func(rows int) string {
		return `INSERT INTO knowledge(kind, form, key, n) VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?,?,?,?),", rows), ",") +
			` ON CONFLICT(kind, form, key) DO UPDATE SET n = n + excluded.n`
	}
	var many *sql.Stmt
	if len(keys) >= knowledgeRows {
		var err error
		if many, err = tx.PrepareContext(ctx, stmt(knowledgeRows)); err != nil {
			return fmt.Errorf("knowledge: %w", err)
		}
		defer many.Close()
	}
	args := make([]any, 0, 4*knowledgeRows)
	negative := false
	for lo := 0; lo < len(keys); lo += knowledgeRows {
		part := keys[lo:min(len(keys), lo+knowledgeRows)]
		args = args[:0]
		for _, k := range part {
			n := t[k]
			negative = negative || n < 0
			args = append(args, int(k.Kind), k.Form, k.Key, n)
		}
		var err error
		if len(part) == knowledgeRows {
			_, err = many.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, stmt(len(part)), args...)
		}
		if err != nil {
			return fmt.Errorf("knowledge: %w", err)
		}
	}
	if negative {
		if _, err := tx.ExecContext(ctx, `DELETE FROM knowledge WHERE n = 0`); err != nil {
			return fmt.Errorf("knowledge: %w", err)
		}
	}
	return nil
}

// PutTallied is Put that adds the counts of the articles it newly stores
// to the stored knowledge in the same transaction (rasad.KnowledgeStore).
func (s *Store) PutTallied(ctx context.Context, arts []*rasad.Article, counted []bool, sum rasad.Tallies) ([]rasad.PutResult, rasad.KnowledgeState, error) {
	if len(counted) != len(arts) {
		return nil, rasad.KnowledgeState{}, fmt.Errorf("put: %d counted flags for %d articles: %w", len(counted), len(arts), rasad.ErrInvalid)
	}
	return s.put(ctx, arts, &tally{counted, sum})
}

// tally is what PutTallied adds: sum, when the articles newly stored are
// the counted ones.
type tally struct {
	counted []bool
	sum     rasad.Tallies
}

// putKnowledge is the part of a Put that keeps the knowledge: t.sum is
// added when the articles newly stored (res[i].Status New) are the
// counted ones; otherwise (a plain Put: t nil) a newly stored article
// leaves the knowledge incomplete.
func putKnowledge(ctx context.Context, tx *sql.Tx, prev rasad.KnowledgeState, res []rasad.PutResult, t *tally) (rasad.KnowledgeState, error) {
	anyNew, same := false, t != nil
	for i, r := range res {
		isNew := r.Status == rasad.New
		anyNew = anyNew || isNew
		if same && isNew != t.counted[i] {
			same = false
		}
	}
	if !anyNew {
		return prev, nil
	}
	if !same {
		return setKnowledgeState(ctx, tx, prev, false)
	}
	if err := logKnowledge(ctx, tx, t.sum); err != nil {
		return prev, err
	}
	return setKnowledgeState(ctx, tx, prev, prev.Complete)
}

// The log is folded into the knowledge table when it has knowledgeLogRows
// rows or knowledgeLogBytes bytes (a bulk batch's counts take ~0.7 MB).
const (
	knowledgeLogRows  = 32
	knowledgeLogBytes = 16 << 20
)

// logKnowledge appends t to the log in tx, and folds the log into the
// knowledge table when it has grown long: a batch writes one row, and the
// table takes the union of many batches' forms at once.
func logKnowledge(ctx context.Context, tx *sql.Tx, t rasad.Tallies) error {
	if len(t) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO knowledge_log(delta) VALUES (?)`, encodeTallies(t)); err != nil {
		return fmt.Errorf("knowledge: %w", err)
	}
	var n, size int
	if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(length(delta)), 0) FROM knowledge_log`).Scan(&n, &size); err != nil {
		return fmt.Errorf("knowledge: %w", err)
	}
	if n < knowledgeLogRows && size < knowledgeLogBytes {
		return nil
	}
	sum := rasad.Tallies{}
	if err := readLog(ctx, tx, func(k rasad.TallyKey, n int64) error {
		if v := sum[k] + n; v != 0 {
			sum[k] = v
		} else {
			delete(sum, k)
		}
		return nil
	}); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM knowledge_log`); err != nil {
		return fmt.Errorf("knowledge: %w", err)
	}
	return addKnowledge(ctx, tx, sum)
}

// queryer is what readLog needs of a transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// readLog calls fn for every entry of the log, oldest first.
func readLog(ctx context.Context, q queryer, fn func(rasad.TallyKey, int64) error) error {
	rows, err := q.QueryContext(ctx, `SELECT delta FROM knowledge_log ORDER BY id`)
	if err != nil {
		return fmt.Errorf("knowledge: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			return fmt.Errorf("knowledge: %w", err)
		}
		if err := decodeTallies(b, fn); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("knowledge: %w", err)
	}
	return nil
}

// encodeTallies writes t as the log's delta format.
func encodeTallies(t rasad.Tallies) []byte {
	b := make([]byte, 0, 24*len(t))
	for k, n := range t {
		b = append(b, k.Kind)
		b = binary.AppendUvarint(b, uint64(len(k.Form)))
		b = append(b, k.Form...)
		b = binary.AppendUvarint(b, uint64(len(k.Key)))
		b = append(b, k.Key...)
		b = binary.AppendVarint(b, n)
	}
	return b
}

// decodeTallies reads a delta written by encodeTallies.
func decodeTallies(b []byte, fn func(rasad.TallyKey, int64) error) error {
	bad := fmt.Errorf("knowledge: a corrupt log entry: %w", rasad.ErrInvalid)
	str := func() (string, bool) {
		l, m := binary.Uvarint(b)
		if m <= 0 || uint64(len(b)-m) < l {
			return "", false
		}
		s := string(b[m : m+int(l)])
		b = b[m+int(l):]
		return s, true
	}
	for len(b) > 0 {
		var k rasad.TallyKey
		k.Kind, b = b[0], b[1:]
		var ok bool
		if k.Form, ok = str(); !ok {
			return bad
		}
		if k.Key, ok = str(); !ok {
			return bad
		}
		n, m := binary.Varint(b)
		if m <= 0 {
			return bad
		}
		b = b[m:]
		if err := fn(k, n); err != nil {
			return err
		}
	}
	return nil
}

// Knowledge reads every stored count, in one read transaction with the
// state they are of.
func (s *Store) Knowledge(ctx context.Context, fn func(k rasad.TallyKey, n int64) error) (rasad.KnowledgeState, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return rasad.KnowledgeState{}, fmt.Errorf("knowledge: %w", err)
	}
	defer tx.Rollback()
	st, err := knowledgeState(ctx, tx)
	if err != nil {
		return st, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT kind, form, key, n FROM knowledge`)
	if err != nil {
		return st, fmt.Errorf("knowledge: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind int
		var k rasad.TallyKey
		var n int64
		if err := rows.Scan(&kind, &k.Form, &k.Key, &n); err != nil {
			return st, fmt.Errorf("knowledge: %w", err)
		}
		k.Kind = byte(kind)
		if err := fn(k, n); err != nil {
			return st, err
		}
	}
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("knowledge: %w", err)
	}
	rows.Close()
	return st, readLog(ctx, tx, fn)
}

// KnowledgeState returns the knowledge's state.
func (s *Store) KnowledgeState(ctx context.Context) (rasad.KnowledgeState, error) {
	return knowledgeState(ctx, s.db)
}

// ReplaceKnowledge replaces every stored count with t and marks the
// knowledge complete, in one transaction.
func (s *Store) ReplaceKnowledge(ctx context.Context, t rasad.Tallies) (rasad.KnowledgeState, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return rasad.KnowledgeState{}, fmt.Errorf("knowledge: %w", err)
	}
	defer tx.Rollback()
	prev, err := knowledgeState(ctx, tx)
	if err != nil {
		return prev, err
	}
	for _, q := range []string{`DELETE FROM knowledge`, `DELETE FROM knowledge_log`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return prev, fmt.Errorf("knowledge: %w", err)
		}
	}
	if err := addKnowledge(ctx, tx, t); err != nil {
		return prev, err
	}
	st, err := setKnowledgeState(ctx, tx, prev, true)
	if err != nil {
		return prev, err
	}
	if err := tx.Commit(); err != nil {
		return prev, fmt.Errorf("knowledge: commit: %w", err)
	}
	return st, nil
}

// SetAnalysisTallied is SetAnalysis that adds delta to the stored counts
// in the same transaction.
func (s *Store) SetAnalysisTallied(ctx context.Context, as map[string]*rasad.Analysis, delta rasad.Tallies) (rasad.KnowledgeState, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return rasad.KnowledgeState{}, fmt.Errorf("set analysis: %w", err)
	}
	defer tx.Rollback()
	prev, err := knowledgeState(ctx, tx)
	if err != nil {
		return prev, err
	}
	if err := setAnalysis(ctx, tx, as); err != nil {
		return prev, err
	}
	st := prev
	if len(delta) > 0 {
		if err := logKnowledge(ctx, tx, delta); err != nil {
			return prev, err
		}
		if st, err = setKnowledgeState(ctx, tx, prev, prev.Complete); err != nil {
			return prev, err
		}
	}
	if err := tx.Commit(); err != nil {
		return prev, fmt.Errorf("set analysis: commit: %w", err)
	}
	return st, nil
}
