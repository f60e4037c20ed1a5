package watch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/pipeline"
	"github.com/rasad/rasad/sqlite"
)

var t0 = time.Date(2019, 3, 4, 8, 0, 0, 0, time.UTC)

func openStore(t testing.TB, path string) *sqlite.Store {
	t.Helper()
	if path == "" {
		path = filepath.Join(t.TempDir(), "w.db")
	}
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

func newWatcher(store *sqlite.Store, c *clock, feeds ...Feed) *Watcher {
	return &Watcher{
		Store: store, Feeds: feeds, Now: c.Now,
		Client: NewClient(Limits{Timeout: 2 * time.Second, MaxBody: 1 << 20}, nil),
		Ingest: &PipelineIngester{Store: store, Options: pipeline.Options{}},
	}
}

func round(t *testing.T, w *Watcher, force bool) RoundStats {
	t.Helper()
	st, err := w.Round(context.Background(), force)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func count(t *testing.T, s *sqlite.Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPollFetchIngest(t *testing.T) {
	o := newOutlet(t, "صحيفة الاختبار")
	title, body := articleText(1, t0)
	o.addItem(item{guid: "g1", link: o.url("/a1"), title: title, content: strings.ReplaceAll(body, "\n", "<br>"), published: t0})
	title2, body2 := articleText(2, t0)
	o.addItem(item{guid: "g2", link: o.url("/a2"), title: title2, summary: "ملخص قصير للخبر.", published: t0.Add(time.Hour)})
	o.setPage("/a2", pageHTML(title2, body2), "text/html; charset=utf-8")

	store := openStore(t, "")
	c := &clock{now: t0.Add(2 * time.Hour)}
	w := newWatcher(store, c, Feed{URL: o.url("/feed.xml"), Outlet: "منفذ أ", Interval: time.Minute})
	st := round(t, w, false)
	if st.Stored != 2 || st.Fetched != 1 || st.NewItems != 2 || st.Failed != 0 {
		t.Fatalf("first round %+v", st)
	}
	a2, err := store.Get(context.Background(), "g2")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a2.Text, "جولة جديدة من المحادثات") || a2.Reports[0].Source != "منفذ أ" || a2.Analysis != nil && a2.Analysis.Version == 0 {
		t.Errorf("page article: source %q text %q", a2.Reports[0].Source, a2.Text)
	}
	if a2.Published == nil || !a2.Published.Equal(t0.Add(time.Hour)) {
		t.Errorf("page article published %v, want the feed's", a2.Published)
	}
	if as, _ := store.Analyses(context.Background(), []string{a2.ID}); as[a2.ID] == nil || len(as[a2.ID].Mentions) == 0 {
		t.Errorf("page article not analysed: %+v", as[a2.ID])
	}
	// not due yet: no request
	if st := round(t, w, false); st.Polled != 0 || o.hits("/feed.xml") != 1 {
		t.Fatalf("polled before the interval: %+v, %d hits", st, o.hits("/feed.xml"))
	}
	// due: a conditional GET answers 304
	c.add(time.Minute)
	if st := round(t, w, false); st.NotModified != 1 || st.NewItems != 0 {
		t.Fatalf("unchanged feed: %+v", st)
	}
	// the outlet updates item 1 under the same URL: fetched again, a new text
	_, body1b := articleText(11, t0)
	o.addItem(item{guid: "g1", link: o.url("/a1"), title: title + " (محدث)", content: body1b, published: t0})
	// the same article under two URLs: one text, two reports
	title3, body3 := articleText(3, t0)
	o.setPage("/a3", pageHTML(title3, body3), "text/html; charset=utf-8")
	o.setPage("/amp/a3", pageHTML(title3, body3), "text/html; charset=utf-8")
	o.addItem(item{guid: "g3", link: o.url("/a3"), title: title3, summary: "ملخص.", published: t0.Add(2 * time.Hour)})
	o.addItem(item{guid: "g3-amp", link: o.url("/amp/a3"), title: title3, summary: "ملخص.", published: t0.Add(2 * time.Hour)})
	c.add(time.Minute)
	st = round(t, w, false)
	if st.NewItems != 3 || st.Stored != 2 || st.Reports != 1 {
		t.Fatalf("updated and doubled items: %+v", st)
	}
	if n := count(t, store, `SELECT count(*) FROM articles`); n != 4 {
		t.Errorf("%d articles, want 4 (2 + the update + one of the two URLs)", n)
	}
	if n := count(t, store, `SELECT count(*) FROM reports`); n != 5 {
		t.Errorf("%d reports, want 5", n)
	}
	// --once polls every feed not backing off, due or not
	if st := round(t, w, true); st.Polled != 1 || st.NotModified != 1 {
		t.Errorf("forced round %+v", st)
	}
	states, _ := store.FeedStates(context.Background())
	if len(states) != 1 || states[0].Items != 5 || states[0].ETag == "" || states[0].Failures != 0 {
		t.Errorf("feed state %+v", states)
	}
}

func TestFeedErrorsBackOff(t *testing.T) {
	o := newOutlet(t, "منفذ")
	title, body := articleText(4, t0)
	o.addItem(item{guid: "g", link: o.url("/x"), title: title, content: body, published: t0})
	store := openStore(t, "")
	c := &clock{now: t0}
	w := newWatcher(store, c, Feed{URL: o.url("/feed.xml"), Interval: time.Minute})
	state := func() rasad.FeedState {
		ss, err := store.FeedStates(context.Background())
		if err != nil || len(ss) != 1 {
			t.Fatalf("states %v %v", ss, err)
		}
		return ss[0]
	}
	o.mu.Lock()
	o.feedStatus = 500
	o.mu.Unlock()
	var delays []time.Duration
	for i := 0; i < 4; i++ {
		st := round(t, w, true) // backing off: even a forced round waits
		if i == 0 && st.FeedErrors != 1 {
			t.Fatalf("500: %+v", st)
		}
		s := state()
		delays = append(delays, s.NextPoll.Sub(c.Now()))
		if s.LastStatus != 500 || s.Failures != i+1 || !strings.Contains(s.LastError, "500") {
			t.Errorf("after %d failures: %+v", i+1, s)
		}
		hits := o.hits("/feed.xml")
		c.add(delays[i] - time.Second)
		round(t, w, true)
		if o.hits("/feed.xml") != hits {
			t.Fatalf("polled during backoff")
		}
		c.add(time.Second)
	}
	for i := 1; i < len(delays); i++ {
		if delays[i] != 2*delays[i-1] {
			t.Errorf("backoff not exponential: %v", delays)
		}
	}
	// invalid XML is an error too, and keeps no validators
	o.mu.Lock()
	o.feedStatus = 0
	o.feedBody = func() []byte { return []byte(`<?xml version="1.0"?><rss><channel><item><title>نص`) }
	o.mu.Unlock()
	if st := round(t, w, false); st.FeedErrors != 1 {
		t.Fatalf("invalid XML: %+v", st)
	}
	if s := state(); s.Failures != 5 || !strings.Contains(s.LastError, "unreadable feed") || s.ETag != "" {
		t.Errorf("after invalid XML: %+v", s)
	}
	o.mu.Lock()
	o.feedBody = nil
	o.mu.Unlock()
	c.add(24 * time.Hour)
	if st := round(t, w, false); st.Stored != 1 {
		t.Fatalf("recovered: %+v", st)
	}
	if s := state(); s.Failures != 0 || s.LastError != "" {
		t.Errorf("after recovery: %+v", s)
	}
}

func TestRequestLimits(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/slow-headers", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < 100; i++ {
			if _, err := w.Write([]byte("<p>كلمة</p>")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-time.After(100 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
	})
	var sent100 int64
	var sentMu sync.Mutex
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("<p>حشو</p>\n"), 1<<12)
		for n := 0; n < 100<<20; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				break
			}
			sentMu.Lock()
			sent100 += int64(len(chunk))
			sentMu.Unlock()
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusMovedPermanently) })
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<html><body>نعم</body></html>")) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := NewClient(Limits{Timeout: 500 * time.Millisecond, MaxBody: 1 << 20, MaxRedirects: 3}, nil)
	ctx := context.Background()
	start := time.Now()
	if _, err := c.Get(ctx, srv.URL+"/slow-headers", "", ""); err == nil || !strings.Contains(err.Error(), "within") {
		t.Errorf("slow headers: %v", err)
	}
	if _, err := c.Get(ctx, srv.URL+"/slow-body", "", ""); err == nil || !strings.Contains(err.Error(), "within") {
		t.Errorf("slow body: %v", err)
	}
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("timeouts took %s", el)
	}
	if _, err := c.Get(ctx, srv.URL+"/huge", "", ""); !errors.Is(err, ErrTooLarge) {
		t.Errorf("100 MB body: %v", err)
	}
	if _, err := c.Get(ctx, srv.URL+"/loop", "", ""); err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Errorf("redirect loop: %v", err)
	}
	r, err := c.Get(ctx, srv.URL+"/moved", "", "")
	if err != nil || r.URL != srv.URL+"/ok" || !strings.Contains(string(r.Body), "نعم") {
		t.Errorf("one redirect: %+v %v", r, err)
	}
	if _, err := c.Get(ctx, "file:///etc/passwd", "", ""); err == nil {
		t.Errorf("file URL accepted")
	}
}

func TestPerHostLimit(t *testing.T) {
	var mu sync.Mutex
	inflight, peak := 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inflight++
		peak = max(peak, inflight)
		mu.Unlock()
		time.Sleep(30 * time.Millisecond)
		mu.Lock()
		inflight--
		mu.Unlock()
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := NewClient(Limits{PerHost: 2}, nil)
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if _, err := c.Get(context.Background(), fmt.Sprintf("%s/p%d", srv.URL, i), "", ""); err != nil {
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	if peak > 2 {
		t.Errorf("%d requests in flight to one host, limit 2", peak)
	}
}

func TestPagesWindows1256AndFailures(t *testing.T) {
	o := newOutlet(t, "منفذ قديم")
	title, body := articleText(5, t0)
	enc, err := charmap.Windows1256.NewEncoder().Bytes([]byte(string(pageHTML(title, body))))
	if err != nil {
		t.Fatal(err)
	}
	enc = bytes.Replace(enc, []byte(`<meta charset="utf-8">`), nil, 1) // no charset anywhere
	o.setPage("/legacy", enc, "")
	o.addItem(item{guid: "legacy", link: o.url("/legacy"), title: title, summary: "ملخص", published: t0})
	// a page that is missing for good: the summary is kept at once
	o.addItem(item{guid: "gone", link: o.url("/gone"), title: "خبر محذوف", summary: "ملخص الخبر المحذوف عن لقاء الوزيرين في مسقط.", published: t0})
	// a page that fails for a while, then answers
	title6, body6 := articleText(6, t0)
	o.pageStatus["/flaky"] = 503
	o.addItem(item{guid: "flaky", link: o.url("/flaky"), title: title6, summary: "ملخص", published: t0})
	store := openStore(t, "")
	c := &clock{now: t0.Add(time.Hour)}
	w := newWatcher(store, c, Feed{URL: o.url("/feed.xml"), Interval: time.Hour})
	w.Client = NewClient(Limits{Timeout: time.Second}, nil)
	st := round(t, w, false)
	if st.Stored != 2 || st.Retrying != 1 || st.SummaryKept != 1 {
		t.Fatalf("first round %+v", st)
	}
	a, err := store.Get(context.Background(), "legacy")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "جولة جديدة من المحادثات") {
		t.Errorf("windows-1256 page read as %q", a.Text)
	}
	g, err := store.Get(context.Background(), "gone")
	if err != nil || !strings.Contains(strings.Join(g.Warnings, " "), "summary is kept") {
		t.Errorf("gone page: %+v %v", g, err)
	}
	hits := o.hits("/flaky")
	round(t, w, false) // not due again yet
	if o.hits("/flaky") != hits {
		t.Errorf("page retried before its backoff")
	}
	o.mu.Lock()
	delete(o.pageStatus, "/flaky")
	o.mu.Unlock()
	o.setPage("/flaky", pageHTML(title6, body6), "text/html; charset=utf-8")
	c.add(2 * time.Minute)
	if st := round(t, w, false); st.Stored != 1 || st.Fetched != 1 {
		t.Fatalf("retry: %+v", st)
	}
	counts, _ := store.QueueCounts(context.Background())
	if counts[rasad.TaskDone] != 3 || counts[rasad.TaskPending] != 0 {
		t.Errorf("queue %v", counts)
	}
}

func TestPageGivenUpAfterAttempts(t *testing.T) {
	o := newOutlet(t, "منفذ")
	o.addItem(item{guid: "x", link: o.url("/err"), title: "عنوان", summary: "", published: t0})
	o.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/err" {
			http.Error(w, "boom", 503)
			return
		}
		o.serveFeed(w, r)
	})
	store := openStore(t, "")
	c := &clock{now: t0}
	w := newWatcher(store, c, Feed{URL: o.url("/feed.xml"), Interval: time.Hour})
	w.MaxAttempts = 3
	for i := 0; i < 6; i++ {
		round(t, w, false)
		c.add(time.Hour)
	}
	// the title alone is kept as the article (nothing is lost)
	counts, _ := store.QueueCounts(context.Background())
	if counts[rasad.TaskPending] != 0 {
		t.Fatalf("queue %v", counts)
	}
	var attempts int
	var state, lastErr string
	store.DB().QueryRow(`SELECT attempts, state, last_error FROM fetch_queue`).Scan(&attempts, &state, &lastErr)
	if attempts != 3 {
		t.Errorf("%d attempts, want 3 (%s %s)", attempts, state, lastErr)
	}
}

// One text reported by two outlets in one round: the earlier report is
// the article's date and first report whichever feed is polled first, as
// when the same items are ingested in one batch in publication order.
func TestSameTextTwoOutletsEarliestFirst(t *testing.T) {
	title, body := articleText(7, t0)
	late, early := newOutlet(t, "المتأخر"), newOutlet(t, "المبكر")
	late.addItem(item{guid: "late-1", link: late.url("/x"), title: title, content: strings.ReplaceAll(body, "\n", "<br>"), published: t0.Add(3 * time.Minute)})
	early.addItem(item{guid: "early-1", link: early.url("/y"), title: title, summary: "ملخص قصير للخبر.", published: t0})
	early.setPage("/y", pageHTML(title, body), "text/html; charset=utf-8")
	store := openStore(t, "")
	c := &clock{now: t0.Add(time.Hour)}
	// the feed with the later report first
	w := newWatcher(store, c, Feed{URL: late.url("/feed.xml"), Outlet: "منفذ متأخر", Interval: time.Minute},
		Feed{URL: early.url("/feed.xml"), Outlet: "منفذ مبكر", Interval: time.Minute})
	st := round(t, w, false)
	if st.Stored != 1 || st.Reports != 1 {
		t.Fatalf("round %+v: want one article with two reports", st)
	}
	a, err := store.Get(context.Background(), "late-1")
	if err != nil {
		t.Fatal(err)
	}
	if a.Published == nil || !a.Published.Equal(t0) || a.Reports[0].Source != "منفذ مبكر" || a.Reports[0].ExtID != "early-1" {
		t.Errorf("article published %v, first report %+v: want the earlier outlet's", a.Published, a.Reports[0])
	}
}
