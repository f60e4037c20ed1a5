// Package sqldump writes query results as text, for tests that compare two
// stores (or one store at two times) by value.
package sqldump

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
)

// Rows runs each query on db and returns every row on a line of its own,
// the columns separated by tabs ([]byte values as text, NULL as <nil>), and
// "--" after each query's rows. Queries should order their rows; the
// result is then deterministic. A failing query or scan fails tb.
func Rows(tb testing.TB, db *sql.DB, queries ...string) string {
	tb.Helper()
	var b strings.Builder
	for _, q := range queries {
		rows, err := db.Query(q)
		if err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
		cols, err := rows.Columns()
		if err != nil {
			rows.Close()
			tb.Fatalf("%s: %v", q, err)
		}
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				tb.Fatalf("%s: %v", q, err)
			}
			for i, v := range vals {
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				if i > 0 {
					b.WriteByte('\t')
				}
				fmt.Fprint(&b, v)
			}
			b.WriteByte('\n')
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
		b.WriteString("--\n")
	}
	return b.String()
}
