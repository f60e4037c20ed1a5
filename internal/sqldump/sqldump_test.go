package sqldump_test

import (
	"database/sql"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/rasad/rasad/internal/sqldump"
)

func TestRows(t *testing.T) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one in-memory database
	for _, q := range []string{
		`CREATE TABLE t(k TEXT, n INTEGER, b BLOB, x REAL)`,
		`INSERT INTO t VALUES ('b', 2, x'6869', NULL), ('a', 1, NULL, 0.5)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	got := sqldump.Rows(t, db, `SELECT k, n, b, x FROM t ORDER BY k`, `SELECT count(*) FROM t`)
	want := "a\t1\t<nil>\t0.5\nb\t2\thi\t<nil>\n--\n2\n--\n"
	if got != want {
		t.Errorf("Rows = %q, want %q", got, want)
	}
}
