package web

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/sqlite"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// examplesStore ingests ../examples (the README's articles) into a new
// database, as rasad ingest does, and returns its path.
func examplesStore(t testing.TB) string {
	t.Helper()
	return examplesStoreIn(t, t.TempDir())
}

func examplesStoreIn(t testing.TB, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "examples.db")
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sum, err := Ingest(ctx, st, func(emit func(ingest.Item) error) error {
		return ingest.Read(ctx, filepath.Join("..", "examples"), ingest.Options{}, emit)
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rejected > 0 || sum.New < 10 {
		t.Fatalf("examples: %+v", sum)
	}
	return path
}

// newTestServer serves a store at path: writable with a token, read-only
// without one (as rasad serve does).
func newTestServer(t testing.TB, path, token string) (*Server, rasad.Store) {
	t.Helper()
	ctx := context.Background()
	var st *sqlite.Store
	var err error
	if token == "" {
		st, err = sqlite.OpenReadOnly(ctx, path)
	} else {
		st, err = sqlite.Open(ctx, path)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv, err := New(ctx, Config{Store: st, Token: token, SaveStories: token != ""})
	if err != nil {
		t.Fatal(err)
	}
	return srv, st
}

func get(t testing.TB, h http.Handler, target string, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func post(t testing.TB, h http.Handler, target, ctype, token string, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// golden compares got with testdata/NAME, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./web -update)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the golden file (go test ./web -update rewrites it):\n%s", name, diffHead(string(want), string(got)))
	}
}

func diffHead(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "lengths differ"
}
