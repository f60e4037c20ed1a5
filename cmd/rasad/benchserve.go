package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/sqlite"
	"github.com/rasad/rasad/story"
	"github.com/rasad/rasad/web"
)

// runBenchServe measures what a person waits for: the latency of the home
// page, story pages, search pages and query timelines served over loopback
// HTTP from a store, sequentially, each URL a different story or query.
// With --make it first builds the store by replicating a corpus's records
// with shifted dates and distinct ids and text markers (so every copy is a
// new article, in a story of its own time).
func runBenchServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("bench serve", stderr, "--db PATH [--make CORPUS --records N] [--requests N]")
	db := dbFlag(fs)
	corpus := fs.String("make", "", "build --db first (when it does not exist) from this corpus, replicated")
	records := fs.Int("records", 24600, "records to ingest when building (ant-dev's 7,213 records make 7,035 articles)")
	shift := fs.Int("shift-days", 70, "days between replicas (more than the story window and the corpus's span)")
	n := fs.Int("requests", 200, "requests per kind of page")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *corpus != "" {
		if _, err := os.Stat(*db); err != nil {
			if err := makeBenchStore(ctx, *corpus, *db, *records, *shift, stdout, stderr); err != nil {
				return err
			}
		}
	}
	store, err := sqlite.OpenReadOnly(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	articles, _, err := store.Count(ctx)
	if err != nil {
		return err
	}
	t0 := time.Now()
	srv, err := web.New(ctx, web.Config{Store: store})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "store   %s: %d articles; index (stories, entities) built in %.1fs\n", *db, articles, time.Since(t0).Seconds())
	ts := httptest.NewServer(srv)
	defer ts.Close()
	client := ts.Client()

	// the stories, most articles first, through the API
	var storyIDs []string
	cursor := ""
	for {
		var pg struct {
			Stories []struct {
				ID string `json:"id"`
			} `json:"stories"`
			Next string `json:"next_cursor"`
		}
		u := ts.URL + "/api/v1/stories?limit=100"
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		if err := getJSON(client, u, &pg); err != nil {
			return err
		}
		for _, s := range pg.Stories {
			storyIDs = append(storyIDs, s.ID)
		}
		if pg.Next == "" {
			break
		}
		cursor = pg.Next
	}
	queries, err := benchQueries(ctx, store, *n)
	if err != nil {
		return err
	}
	// a different story each time: the largest first (the slowest), then
	// spread over the rest
	var stories []string
	for i := 0; i < len(storyIDs) && len(stories) < *n/2; i++ {
		stories = append(stories, "/stories/"+url.PathEscape(storyIDs[i]))
	}
	if rest := len(storyIDs) - len(stories); rest > 0 {
		step := max(1, rest/(*n-len(stories)))
		for i := len(stories); i < len(storyIDs) && len(stories) < *n; i += step {
			stories = append(stories, "/stories/"+url.PathEscape(storyIDs[i]))
		}
	}
	var home, search, timeline []string
	for i := 0; i < *n; i++ {
		home = append(home, "/")
	}
	for _, q := range queries {
		search = append(search, "/search?q="+url.QueryEscape(q))
		timeline = append(timeline, "/timeline?q="+url.QueryEscape(q))
	}
	fmt.Fprintf(stdout, "pages   sequential GETs over loopback HTTP; %d stories with 2+ articles; queries: words of stored headlines\n", len(storyIDs))
	for _, k := range []struct {
		name   string
		urls   []string
		target time.Duration
	}{{"/", home, 100 * time.Millisecond}, {"/stories/{id}", stories, 100 * time.Millisecond},
		{"/search?q=", search, 100 * time.Millisecond}, {"/timeline?q=", timeline, 300 * time.Millisecond}} {
		if len(k.urls) == 0 {
			continue
		}
		get(client, ts.URL+k.urls[0]) // warm the page's template and the SQLite cache
		lat := make([]time.Duration, 0, len(k.urls))
		var worst string
		var worstT time.Duration
		for _, u := range k.urls {
			start := time.Now()
			if code := get(client, ts.URL+u); code != http.StatusOK {
				return fmt.Errorf("%s: status %d", u, code)
			}
			d := time.Since(start)
			lat = append(lat, d)
			if d > worstT {
				worst, worstT = u, d
			}
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		pct := func(p float64) time.Duration {
			return lat[min(len(lat)-1, int(p*float64(len(lat))))].Round(100 * time.Microsecond)
		}
		verdict := "ok"
		if pct(0.95) > k.target {
			verdict = "OVER " + k.target.String()
		}
		uq, _ := url.QueryUnescape(worst)
		fmt.Fprintf(stdout, "%-14s %3d requests: p50 %v, p95 %v, p99 %v, max %v (%s; target p95 < %v) slowest %s\n",
			k.name, len(lat), pct(0.50), pct(0.95), pct(0.99), lat[len(lat)-1].Round(100*time.Microsecond), verdict, k.target, uq)
	}
	return nil
}

func get(c *http.Client, u string) int {
	resp, err := c.Get(u)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func getJSON(c *http.Client, u string, v any) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: status %d", u, resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// makeBenchStore writes `records` records of the corpus, replica after
// replica: replica r shifts every date by r×shift days and marks the id,
// the URL and the text (one closing line) with r, so each replica's texts
// are new articles with their own content IDs. Then it ingests them with
// rasad ingest.
func makeBenchStore(ctx context.Context, corpus, db string, records, shift int, stdout, stderr io.Writer) error {
	f, err := os.Open(corpus)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if zr, err := gzip.NewReader(f); err == nil {
		r = zr
	} else if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	var lines [][]byte
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		lines = append(lines, append([]byte(nil), sc.Bytes()...))
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if len(lines) == 0 {
		return fmt.Errorf("%s: no records", corpus)
	}
	dir, err := os.MkdirTemp("", "rasad-bench-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "replicated.jsonl")
	out, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	written := 0
	for rep := 0; written < records; rep++ {
		for _, line := range lines {
			if written >= records {
				break
			}
			var rec map[string]any
			if json.Unmarshal(line, &rec) != nil {
				continue
			}
			if rep > 0 {
				tag := "-r" + strconv.Itoa(rep)
				for _, k := range []string{"id", "url"} {
					if s, ok := rec[k].(string); ok && s != "" {
						rec[k] = s + tag
					}
				}
				if s, ok := rec["text"].(string); ok {
					rec["text"] = s + "\n(نسخة القياس " + strconv.Itoa(rep) + ")"
				}
				for _, k := range []string{"published", "date_publish"} {
					if s, ok := rec[k].(string); ok && s != "" {
						if t, err := ingest.ParseTime(s); err == nil {
							rec[k] = t.AddDate(0, 0, rep*shift).Format(time.RFC3339)
						}
					}
				}
			}
			b, err := json.Marshal(rec)
			if err != nil {
				return err
			}
			w.Write(b)
			w.WriteByte('\n')
			written++
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	out.Close()
	fmt.Fprintf(stdout, "make    %d records from %s (%d replicas, %d days apart) → %s\n", written, corpus, (written+len(lines)-1)/len(lines), shift, db)
	start := time.Now()
	if err := runIngest(ctx, []string{"--quiet", "--db", db, tmp}, stdout, stderr); err != nil {
		var ee exitError
		if !asExit(err, &ee) {
			return err
		}
	}
	// stories stored once, as rasad stories would
	st, err := openStore(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, _, err := rebuildStories(ctx, st, story.Options{}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "make    ingested and clustered in %.0fs\n", time.Since(start).Seconds())
	return nil
}
