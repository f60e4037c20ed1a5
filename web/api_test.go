package web

import (
	"encoding/json"
	"flag"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
)

var (
	sharedOnce sync.Once
	sharedPath string
)

// sharedExamples is one examples database for the read-only tests; it
// lives until the tests end (TestMain removes it).
func sharedExamples(t *testing.T) string {
	sharedOnce.Do(func() {
		dir, err := os.MkdirTemp("", "rasad-web-")
		if err != nil {
			t.Fatal(err)
		}
		sharedDir = dir
		sharedPath = examplesStoreIn(t, dir)
	})
	if sharedPath == "" {
		t.Fatal("no examples database")
	}
	return sharedPath
}

var sharedDir string

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

var ingestedAt = regexp.MustCompile(`"ingested_at": "[^"]*"`)

// TestAPIGolden checks the API's answers on the examples against golden
// JSON (go test ./web -update rewrites them).
func TestAPIGolden(t *testing.T) {
	srv, _ := newTestServer(t, sharedExamples(t), "")
	ix := srv.idx.get(t.Context())
	var gas string
	for _, s := range ix.stories {
		if strings.Contains(s.Title, "الغاز") {
			gas = s.ID
		}
	}
	if gas == "" {
		t.Fatal("the examples' gas-pipeline story is missing")
	}
	cases := []struct{ name, target string }{
		{"stories.json", "/api/v1/stories"},
		{"story.json", "/api/v1/stories/" + gas},
		{"story-timeline.json", "/api/v1/stories/" + gas + "/timeline"},
		{"timeline-query.json", "/api/v1/timeline?q=" + url.QueryEscape("خط الغاز") + "&type=CONSULT"},
		{"search.json", "/api/v1/search?q=" + url.QueryEscape("وزير الطاقة الأردني") + "&limit=3"},
		{"article.json", "/api/v1/articles/ex01-amman-call"},
		{"entities-person.json", "/api/v1/entities?type=PERSON"},
		{"entity.json", "/api/v1/entities/PERSON/" + url.PathEscape(firstPersonKey(t, srv))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := get(t, srv, c.target)
			if w.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", c.target, w.Code, w.Body)
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("content type %q", ct)
			}
			golden(t, c.name, ingestedAt.ReplaceAll(w.Body.Bytes(), []byte(`"ingested_at": "(time of ingest)"`)))
		})
	}
}

func firstPersonKey(t *testing.T, srv *Server) string {
	for _, c := range srv.idx.get(t.Context()).entities {
		if c.Type == "PERSON" && strings.Contains(c.Name, " ") {
			return c.Key
		}
	}
	t.Fatal("no person in the examples")
	return ""
}

// The story timeline is what rasad timeline --story gives: entries in date
// order, each citing its sources.
func TestStoryTimelineInOrder(t *testing.T) {
	srv, _ := newTestServer(t, sharedExamples(t), "")
	for _, s := range srv.idx.get(t.Context()).storiesWith(2) {
		var out struct {
			Entries []struct {
				Date    string `json:"date"`
				Sources []struct {
					Article string `json:"article"`
				} `json:"sources"`
			} `json:"entries"`
		}
		w := get(t, srv, "/api/v1/stories/"+s.ID+"/timeline")
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		prev := ""
		for _, e := range out.Entries {
			if e.Date != "" && e.Date < prev {
				t.Errorf("story %s: %s after %s", s.ID, e.Date, prev)
			}
			if e.Date != "" {
				prev = e.Date
			}
			if len(e.Sources) == 0 {
				t.Errorf("story %s: an entry without sources", s.ID)
			}
		}
	}
}

func TestETagAndCursor(t *testing.T) {
	srv, _ := newTestServer(t, sharedExamples(t), "")
	w := get(t, srv, "/api/v1/stories?min_size=1&limit=2")
	etag := w.Header().Get("ETag")
	if w.Code != 200 || etag == "" {
		t.Fatalf("%d, etag %q", w.Code, etag)
	}
	if w2 := get(t, srv, "/api/v1/stories?min_size=1&limit=2", "If-None-Match", etag); w2.Code != http.StatusNotModified || w2.Body.Len() != 0 {
		t.Errorf("If-None-Match: %d with %d bytes", w2.Code, w2.Body.Len())
	}
	if w2 := get(t, srv, "/api/v1/stories?min_size=1&limit=2", "If-None-Match", `"other"`); w2.Code != 200 {
		t.Errorf("another ETag: %d", w2.Code)
	}
	// walk every page: each story once, in the order of one full page
	var all []string
	full := decodeStories(t, get(t, srv, "/api/v1/stories?min_size=1&limit=100").Body.Bytes())
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 20 {
			t.Fatal("pagination does not end")
		}
		target := "/api/v1/stories?min_size=1&limit=2"
		if cursor != "" {
			target += "&cursor=" + url.QueryEscape(cursor)
		}
		var pg struct {
			Stories []struct {
				ID string `json:"id"`
			} `json:"stories"`
			Next string `json:"next_cursor"`
		}
		if err := json.Unmarshal(get(t, srv, target).Body.Bytes(), &pg); err != nil {
			t.Fatal(err)
		}
		for _, s := range pg.Stories {
			all = append(all, s.ID)
		}
		if pg.Next == "" {
			break
		}
		cursor = pg.Next
	}
	if !slices.Equal(all, full) || len(full) < 4 {
		t.Errorf("pages %v, one page %v", all, full)
	}
	// search pages
	q := url.QueryEscape("الغاز")
	one := get(t, srv, "/api/v1/search?q="+q+"&limit=1")
	var sp struct {
		Hits []struct{ ID string } `json:"hits"`
		Next string                `json:"next_cursor"`
	}
	json.Unmarshal(one.Body.Bytes(), &sp)
	if len(sp.Hits) != 1 || sp.Next == "" {
		t.Fatalf("search page 1: %s", one.Body)
	}
	first := sp.Hits[0].ID
	json.Unmarshal(get(t, srv, "/api/v1/search?q="+q+"&limit=1&cursor="+sp.Next).Body.Bytes(), &sp)
	if len(sp.Hits) != 1 || sp.Hits[0].ID == first {
		t.Errorf("search page 2 repeats page 1")
	}
}

func decodeStories(t *testing.T, b []byte) []string {
	var pg struct {
		Stories []struct {
			ID string `json:"id"`
		} `json:"stories"`
	}
	if err := json.Unmarshal(b, &pg); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range pg.Stories {
		out = append(out, s.ID)
	}
	return out
}

// TestOpenAPI keeps the document true: every route of the mux is
// documented with its method, and every documented operation answers one
// of its documented statuses when called with its examples.
func TestOpenAPI(t *testing.T) {
	srv, _ := newTestServer(t, sharedExamples(t), "")
	w := get(t, srv, "/api/v1/openapi.json")
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			Parameters []struct {
				Name     string `json:"name"`
				In       string `json:"in"`
				Required bool   `json:"required"`
				Example  any    `json:"example"`
			} `json:"parameters"`
			Responses map[string]any `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for m := range ops {
			documented[strings.ToUpper(m)+" "+path] = true
		}
	}
	var routes []string
	for _, r := range srv.Routes() {
		method, path, _ := strings.Cut(r, " ")
		path = strings.TrimSuffix(path, "{$}")
		if strings.HasSuffix(path, "/") && path != "/" {
			path += "{file}" // a prefix pattern: its files
		}
		key := method + " " + path
		routes = append(routes, key)
		if !documented[key] {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
	sort.Strings(routes)
	for key := range documented {
		if !slices.Contains(routes, key) {
			t.Errorf("openapi.json documents %s, which the server does not route", key)
		}
	}
	// every documented operation answers a documented status
	for path, ops := range doc.Paths {
		for m, op := range ops {
			target := path
			query := url.Values{}
			for _, p := range op.Parameters {
				ex, _ := p.Example.(string)
				switch p.In {
				case "path":
					if ex == "" {
						t.Errorf("%s %s: path parameter %s has no example", m, path, p.Name)
					}
					target = strings.Replace(target, "{"+p.Name+"}", url.PathEscape(ex), 1)
				case "query":
					if p.Required || (ex != "" && p.Name == "q") {
						query.Set(p.Name, ex)
					}
				}
			}
			if len(query) > 0 {
				target += "?" + query.Encode()
			}
			var code int
			if m == "post" {
				code = post(t, srv, target, "application/json", "", `{"text":"x"}`).Code
			} else {
				code = get(t, srv, target).Code
			}
			if _, ok := op.Responses[itoa(code)]; !ok {
				t.Errorf("%s %s answered %d, not a documented status", strings.ToUpper(m), target, code)
			}
		}
	}
}

func itoa(n int) string { return strings.TrimSpace(jsonNumber(n)) }

func jsonNumber(n int) string { b, _ := json.Marshal(n); return string(b) }
