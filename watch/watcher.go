package watch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/ingest"
)

// Ingester is the step that stores what the watcher fetched: it cleans,
// analyses and stores the articles (as a reader made them, not yet
// cleaned) and updates stories and timelines. It returns one Outcome per
// article, in order. It must be idempotent, as a killed watcher ingests its
// last batch again: an article stored before is a Duplicate (or a
// NewReport for a new URL). pipeline.Pipeline is the one the CLI wires
// (see PipelineIngester).
type Ingester interface {
	Ingest(ctx context.Context, arts []*rasad.Article) ([]Outcome, error)
}

// Outcome is what ingesting one article did: its content ID and PutStatus,
// or why it was rejected (Status 0).
type Outcome struct {
	ID       string
	Status   rasad.PutStatus
	Rejected string
}

// Notifier announces what is new after a round that stored something,
// and delivers what is due after every round (see Notify).
type Notifier interface {
	Announce(ctx context.Context, now time.Time) error
	Deliver(ctx context.Context, now time.Time) error
}

// articleAnnouncer announces only the watches some articles can change
// (Notify does).
type articleAnnouncer interface {
	AnnounceArticles(ctx context.Context, now time.Time, ids []string) error
}

// Watcher polls feeds and ingests their items.
type Watcher struct {
	Store  rasad.WatchStore
	Feeds  []Feed
	Client *Client
	Ingest Ingester
	// Notify, when set, runs after every round (it announces only when
	// something was stored, and delivers what is due, including what a
	// killed run left in the outbox).
	Notify Notifier
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Status, when set, receives every feed's status after a round.
	Status func(RoundStats, []FeedStatus)
	// Batch is the number of items ingested together (default 64).
	Batch int
	// MaxAttempts bounds the fetches of one item's page (default 5); after
	// the last one the item's summary is kept, or the item fails.
	MaxAttempts int
	// Parallel is the number of feeds or pages fetched at once (default 8;
	// Client limits each host further).
	Parallel int
	// FullText is the length (in characters of text) from which an item's
	// summary is taken as the full article when the feed has no content
	// element (default 1500).
	FullText int
	// MaxBackoff caps the delay after errors (default 24 h).
	MaxBackoff time.Duration
	// Options fill metadata of ingested articles (Now for reports).
	Options ingest.Options

	announced bool
}

// FeedStatus is one feed's state after a round, for display.
type FeedStatus struct {
	Feed
	State     string // ok, not modified, error, waiting
	New       int
	Error     string
	NextPoll  time.Time
	Failures  int
	LastPoll  time.Time
	TotalSeen int
}

// RoundStats sums up a round.
type RoundStats struct {
	Polled, NotModified, FeedErrors, NewItems int
	// Fetched counts linked pages fetched; Stored, Reports and Duplicates
	// what ingesting did; Retrying the items whose page failed and will be
	// tried again, Failed those given up.
	Fetched, Stored, Reports, Duplicates, Retrying, Failed, SummaryKept int
	Pending                                                             int
	// Changed are the articles the round stored or gave a new report.
	Changed []string `json:"-"`
}

func (w *Watcher) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

func (w *Watcher) defaults() {
	if w.Batch <= 0 {
		w.Batch = 64
	}
	if w.MaxAttempts <= 0 {
		w.MaxAttempts = 5
	}
	if w.Parallel <= 0 {
		w.Parallel = 8
	}
	if w.FullText <= 0 {
		w.FullText = 1500
	}
	if w.MaxBackoff <= 0 {
		w.MaxBackoff = 24 * time.Hour
	}
	if w.Client == nil {
		w.Client = NewClient(Limits{}, nil)
	}
}

// Round polls the feeds that are due (all those not backing off after
// errors when force is set), queues their new and changed items, and
// ingests every item that is due, in batches. An error is returned only
// when the store or the ingestion step fails (fetch errors are per feed or
// per item and end up in their state); the queue then still holds what is
// left, for the next round or the next run.
func (w *Watcher) Round(ctx context.Context, force bool) (RoundStats, error) {
	w.defaults()
	var st RoundStats
	statuses, err := w.pollFeeds(ctx, force, &st)
	if err != nil {
		return st, err
	}
	if err := w.drain(ctx, &st); err != nil {
		return st, err
	}
	if w.Notify != nil {
		if st.Stored+st.Reports > 0 || !w.announced {
			var err error
			if an, ok := w.Notify.(articleAnnouncer); ok && w.announced {
				// only the watches what the round stored can change
				err = an.AnnounceArticles(ctx, w.now(), st.Changed)
			} else {
				err = w.Notify.Announce(ctx, w.now())
			}
			if err != nil {
				return st, fmt.Errorf("notify: %w", err)
			}
			w.announced = true
		}
		if err := w.Notify.Deliver(ctx, w.now()); err != nil {
			return st, fmt.Errorf("notify: %w", err)
		}
	}
	if counts, err := w.Store.QueueCounts(ctx); err == nil {
		st.Pending = counts[rasad.TaskPending]
	}
	if w.Status != nil {
		w.Status(st, statuses)
	}
	return st, nil
}

// Run repeats rounds until ctx is done, sleeping until the next feed or
// queued item is due (at most a minute, so edits of the feeds list by
// another process are not needed to wake it). Ingestion errors are
// returned; fetch errors only delay their feed or item.
func (w *Watcher) Run(ctx context.Context) error {
	w.defaults()
	for {
		if _, err := w.Round(ctx, false); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		wait := time.Minute
		if next, ok := w.nextDue(ctx); ok {
			wait = min(wait, max(time.Until(next), time.Second))
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// nextDue is the earliest time a feed or a queued item is due.
func (w *Watcher) nextDue(ctx context.Context) (time.Time, bool) {
	var next time.Time
	states, _ := w.Store.FeedStates(ctx)
	byURL := map[string]rasad.FeedState{}
	for _, s := range states {
		byURL[s.URL] = s
	}
	for _, f := range w.Feeds {
		s, ok := byURL[f.URL]
		if !ok {
			return w.now(), true
		}
		if next.IsZero() || s.NextPoll.Before(next) {
			next = s.NextPoll
		}
	}
	if ts, err := w.Store.ReadyTasks(ctx, w.now().Add(MaxInterval), 1); err == nil && len(ts) == 1 {
		if next.IsZero() || ts[0].NextTry.Before(next) {
			next = ts[0].NextTry
		}
	}
	return next, !next.IsZero()
}

// backoff is the delay after the n-th consecutive failure: the interval
// doubled per failure, at least a minute, capped, and at least what the
// server asked for.
func (w *Watcher) backoff(interval time.Duration, n int, retryAfter time.Duration) time.Duration {
	d := max(interval, time.Minute)
	for i := 1; i < n && d < w.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, w.MaxBackoff)
	return max(d, min(retryAfter, w.MaxBackoff))
}

func (w *Watcher) pollFeeds(ctx context.Context, force bool, st *RoundStats) ([]FeedStatus, error) {
	states, err := w.Store.FeedStates(ctx)
	if err != nil {
		return nil, err
	}
	byURL := map[string]rasad.FeedState{}
	for _, s := range states {
		byURL[s.URL] = s
	}
	now := w.now()
	statuses := make([]FeedStatus, len(w.Feeds))
	var due []int
	for i, f := range w.Feeds {
		s := byURL[f.URL]
		statuses[i] = FeedStatus{Feed: f, State: "waiting", NextPoll: s.NextPoll, Failures: s.Failures, LastPoll: s.LastPolled, TotalSeen: s.Items, Error: s.LastError}
		if !s.NextPoll.After(now) || force && s.Failures == 0 {
			due = append(due, i)
		}
	}
	type polled struct {
		state rasad.FeedState
		tasks []rasad.FetchTask
		stat  FeedStatus
	}
	results := make([]polled, len(due))
	w.parallel(len(due), func(k int) {
		f := w.Feeds[due[k]]
		s := byURL[f.URL]
		s.URL = f.URL
		ns, tasks, status := w.poll(ctx, f, s, now)
		results[k] = polled{ns, tasks, status}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for k, r := range results {
		n, err := w.Store.SavePoll(ctx, r.state, r.tasks)
		if err != nil {
			return nil, err
		}
		r.stat.New = n
		r.stat.TotalSeen = byURL[r.state.URL].Items + n
		statuses[due[k]] = r.stat
		st.Polled++
		st.NewItems += n
		switch r.stat.State {
		case "not modified":
			st.NotModified++
		case "error":
			st.FeedErrors++
		}
	}
	return statuses, nil
}

func (w *Watcher) parallel(n int, f func(int)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, w.Parallel)
	for i := 0; i < n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer func() { <-sem; wg.Done() }()
			f(i)
		}(i)
	}
	wg.Wait()
}

// poll fetches one feed and turns its items into tasks.
func (w *Watcher) poll(ctx context.Context, f Feed, s rasad.FeedState, now time.Time) (rasad.FeedState, []rasad.FetchTask, FeedStatus) {
	s.LastPolled = now
	status := FeedStatus{Feed: f, LastPoll: now}
	fail := func(msg string, status_ int, retry time.Duration) (rasad.FeedState, []rasad.FetchTask, FeedStatus) {
		s.Failures++
		s.LastError, s.LastStatus = msg, status_
		s.NextPoll = now.Add(w.backoff(f.interval(), s.Failures, retry))
		status.State, status.Error, status.NextPoll, status.Failures = "error", msg, s.NextPoll, s.Failures
		return s, nil, status
	}
	resp, err := w.Client.Get(ctx, f.URL, s.ETag, s.LastModified)
	if err != nil {
		var se *StatusError
		if errors.As(err, &se) {
			return fail(err.Error(), se.Status, se.RetryAfter)
		}
		code := 0
		if resp != nil {
			code = resp.Status
		}
		return fail(err.Error(), code, 0)
	}
	s.LastStatus = resp.Status
	if resp.Status == 304 {
		s.Failures, s.LastError, s.LastOK = 0, "", now
		s.NextPoll = now.Add(f.interval())
		status.State, status.NextPoll = "not modified", s.NextPoll
		return s, nil, status
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.Body))
	if err != nil {
		return fail("unreadable feed: "+shortErr(err), resp.Status, 0)
	}
	s.ETag, s.LastModified = resp.ETag, resp.LastModified
	s.Failures, s.LastError, s.LastOK = 0, "", now
	s.NextPoll = now.Add(f.interval())
	tasks := make([]rasad.FetchTask, 0, len(feed.Items))
	seen := map[string]bool{}
	for _, it := range feed.Items {
		fi := feedItem(feed, it)
		key := firstNonEmpty(fi.GUID, fi.Link)
		if key == "" {
			key = "sha:" + hashOf(fi.Title, fi.Summary, fi.Content)
		}
		if seen[key] {
			continue // an item listed twice in one feed
		}
		seen[key] = true
		raw, _ := json.Marshal(fi)
		tasks = append(tasks, rasad.FetchTask{Key: key, Version: hashOf(string(raw)), URL: fi.Link, Item: raw, NextTry: now})
	}
	status.State, status.NextPoll = "ok", s.NextPoll
	return s, tasks, status
}

func shortErr(err error) string {
	s := err.Error()
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

func feedItem(feed *gofeed.Feed, it *gofeed.Item) ingest.FeedItem {
	fi := ingest.FeedItem{GUID: strings.TrimSpace(it.GUID), Link: strings.TrimSpace(it.Link), Title: it.Title, Content: it.Content,
		Summary: it.Description, Language: feed.Language, FeedTitle: feed.Title}
	if it.Author != nil {
		fi.Author = it.Author.Name
	}
	if t := it.PublishedParsed; t != nil {
		u := t.UTC()
		fi.Published = &u
	}
	if t := it.UpdatedParsed; t != nil {
		u := t.UTC()
		fi.Updated = &u
	}
	return fi
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func hashOf(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// needsPage reports an item that carries only a summary.
func (w *Watcher) needsPage(fi ingest.FeedItem) bool {
	if fi.Link == "" || strings.TrimSpace(fi.Content) != "" {
		return false
	}
	return utf8.RuneCountInString(ingest.HTMLText(fi.Summary)) < w.FullText
}

type built struct {
	art     *rasad.Article
	err     error // fetch error: retry later
	final   error // the item cannot become an article
	fetched bool
	summary bool // page failed for good, summary kept
}

// build turns a task into an article: the item itself, or its linked page.
func (w *Watcher) build(ctx context.Context, t rasad.FetchTask, outlet string) built {
	var fi ingest.FeedItem
	if err := json.Unmarshal(t.Item, &fi); err != nil {
		return built{final: fmt.Errorf("bad queued item: %v", err)}
	}
	opts := w.Options
	origin := t.Feed + "#" + t.Key
	fromItem := func(warn string) built {
		a, err := ingest.FeedItemArticle(origin, fi, opts)
		if err != nil {
			return built{final: err}
		}
		if warn != "" {
			a.Warnings = append(a.Warnings, warn)
		}
		setOutlet(a, outlet)
		return built{art: a, summary: warn != ""}
	}
	if !w.needsPage(fi) {
		return fromItem("")
	}
	resp, err := w.Client.Get(ctx, fi.Link, "", "")
	if err == nil {
		a, perr := ingest.ParsePage(origin, resp.Body, resp.ContentType, fi.Link, opts)
		if perr != nil {
			return fromItem("linked page unreadable (" + perr.Error() + "); the feed's summary is kept")
		}
		// the feed's metadata is better than a page's guesses
		rep := &a.Reports[0]
		rep.ExtID = firstNonEmpty(fi.GUID, fi.Link)
		rep.URL = fi.Link
		rep.Format = "feed+html"
		if strings.TrimSpace(a.Title) == "" {
			a.Title = strings.TrimSpace(ingest.HTMLText(fi.Title))
		}
		if p := firstTime(fi.Published, fi.Updated); p != nil && (a.Published == nil || a.PublishedFrom != "input") {
			u := p.UTC()
			a.Published, a.PublishedFrom, a.PublishedConfidence = &u, "feed", 1
			rep.Published = &u
		}
		if a.Abstract == "" && fi.Summary != "" {
			a.Abstract = strings.TrimSpace(ingest.HTMLText(fi.Summary))
		}
		if rep.Source == "" || outlet != "" || fi.FeedTitle != "" {
			rep.Source = firstNonEmpty(outlet, strings.TrimSpace(fi.FeedTitle), rep.Source)
		}
		return built{art: a, fetched: true}
	}
	var se *StatusError
	permanent := errors.As(err, &se) && se.Permanent() || errors.Is(err, ErrTooLarge)
	if permanent || t.Attempts+1 >= w.MaxAttempts {
		if strings.TrimSpace(ingest.HTMLText(fi.Summary)) != "" || strings.TrimSpace(fi.Title) != "" {
			return fromItem("linked page not fetched (" + shortErr(err) + "); the feed's summary is kept")
		}
		return built{final: fmt.Errorf("linked page not fetched: %v", shortErr(err))}
	}
	return built{err: err}
}

func firstTime(ts ...*time.Time) *time.Time {
	for _, t := range ts {
		if t != nil {
			return t
		}
	}
	return nil
}

func setOutlet(a *rasad.Article, outlet string) {
	if outlet != "" {
		a.Reports[0].Source = outlet
	}
}

// drain ingests every queued item that is due, a batch at a time: pages
// fetched, articles prepared, ingested, then the batch's tasks marked done
// in one transaction. A kill between ingesting and marking ingests the
// batch again, which the Ingester's idempotence makes harmless.
// byPublished orders arts (and idx with them) by publication, the undated
// last, keeping the queue's order among equals.
func byPublished(arts []*rasad.Article, idx []int) {
	k := make([]int, len(arts))
	for i := range k {
		k[i] = i
	}
	sort.SliceStable(k, func(a, b int) bool {
		pa, pb := arts[k[a]].Published, arts[k[b]].Published
		return pa != nil && (pb == nil || pa.Before(*pb))
	})
	as, is := slices.Clone(arts), slices.Clone(idx)
	for i, j := range k {
		arts[i], idx[i] = as[j], is[j]
	}
}

func (w *Watcher) drain(ctx context.Context, st *RoundStats) error {
	now := w.now()
	outlets := map[string]string{}
	for _, f := range w.Feeds {
		outlets[f.URL] = f.Outlet
	}
	for {
		tasks, err := w.Store.ReadyTasks(ctx, now, w.Batch)
		if err != nil {
			return err
		}
		if len(tasks) == 0 {
			return nil
		}
		bs := make([]built, len(tasks))
		w.parallel(len(tasks), func(i int) {
			bs[i] = w.build(ctx, tasks[i], outlets[tasks[i].Feed])
		})
		if err := ctx.Err(); err != nil {
			return err
		}
		var arts []*rasad.Article
		var idx []int
		for i, b := range bs {
			t := &tasks[i]
			switch {
			case b.art != nil:
				arts = append(arts, b.art)
				idx = append(idx, i)
				if b.fetched {
					st.Fetched++
				}
				if b.summary {
					st.SummaryKept++
				}
			case b.final != nil:
				t.State, t.LastError = rasad.TaskFailed, shortErr(b.final)
				t.Attempts++
				st.Failed++
			default:
				t.Attempts++
				t.State, t.LastError = rasad.TaskPending, shortErr(b.err)
				t.NextTry = now.Add(w.backoff(time.Minute, t.Attempts, 0))
				st.Retrying++
			}
		}
		if len(arts) > 0 {
			// the earliest published first (the queue is in feed order): of
			// one text reported by two outlets in a round, the earlier
			// report becomes the article's title, date and first report,
			// as when the same articles are ingested in one batch
			byPublished(arts, idx)
			res, err := w.Ingest.Ingest(ctx, arts)
			if err != nil {
				return fmt.Errorf("ingest: %w", err)
			}
			if len(res) != len(arts) {
				return fmt.Errorf("ingest: %d outcomes for %d articles", len(res), len(arts))
			}
			for k, r := range res {
				t := &tasks[idx[k]]
				t.Attempts++
				if r.Status == 0 {
					t.State, t.LastError = rasad.TaskFailed, "rejected: "+r.Rejected
					st.Failed++
					continue
				}
				t.State, t.ArticleID, t.LastError = rasad.TaskDone, r.ID, ""
				switch r.Status {
				case rasad.New:
					st.Stored++
					st.Changed = append(st.Changed, r.ID)
				case rasad.NewReport:
					st.Reports++
					st.Changed = append(st.Changed, r.ID)
				default:
					st.Duplicates++
				}
			}
		}
		if err := w.Store.FinishTasks(ctx, tasks); err != nil {
			return err
		}
	}
}
