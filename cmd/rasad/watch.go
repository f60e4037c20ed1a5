package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/sqlite"
	"github.com/rasad/rasad/story"
	"github.com/rasad/rasad/watch"
)

// runWatch follows feeds (rasad watch --feeds FILE [--once]) and manages
// watches (--notify KIND:TARGET, --watches, --unwatch ID).
func runWatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("watch", stderr, "[--feeds FILE] [--db PATH] [--once] [--atom-dir DIR] | --notify story:ID|query:TEXT|entity:NAME [--webhook URL --secret S] [--id NAME] | --watches | --unwatch ID")
	file := feedsFileFlag(fs)
	db := dbFlag(fs)
	once := fs.Bool("once", false, "run one round (poll every feed not backing off, ingest the queue, notify) and exit, for cron")
	quiet := fs.Bool("quiet", false, "no status table, errors only")
	atomDir := fs.String("atom-dir", "", "write each watch's Atom feed here (WATCH-ID.atom)")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit of one request, body included")
	maxBody := fs.Int64("max-body", 16, "largest body read, in MiB")
	redirects := fs.Int("max-redirects", 5, "redirects followed per request")
	perHost := fs.Int("per-host", 2, "requests in flight to one host")
	hostGap := fs.Duration("host-gap", 500*time.Millisecond, "least time between two requests to one host")
	notify := fs.String("notify", "", "add a watch: story:ID, query:TEXT or entity:NAME")
	id := fs.String("id", "", "name of the watch --notify adds (default: random)")
	webhook := fs.String("webhook", "", "URL the watch's notifications are POSTed to")
	secret := fs.String("secret", "", "HMAC-SHA256 key of the webhook's X-Rasad-Signature")
	batch := fs.Int("batch", 64, "items ingested together (one analysis batch)")
	list := fs.Bool("watches", false, "list the watches and exit")
	unwatch := fs.String("unwatch", "", "remove a watch and exit")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	switch {
	case *list:
		ws, err := store.Watches(ctx)
		if err != nil {
			return err
		}
		for _, w := range ws {
			notes, _ := store.Notifications(ctx, w.ID)
			counts := map[string]int{}
			for _, n := range notes {
				counts[n.State]++
			}
			hook := "atom only"
			if w.Webhook != "" {
				hook = "webhook " + w.Webhook
			}
			fmt.Fprintf(stdout, "%s\t%s:%s\t%s\tsent %d, pending %d, failed %d\n", w.ID, w.Kind, w.Target, hook,
				counts[rasad.NoteSent], counts[rasad.NotePending], counts[rasad.NoteFailed])
		}
		return nil
	case *unwatch != "":
		return store.DeleteWatch(ctx, *unwatch)
	case *notify != "":
		kind, target, ok := strings.Cut(*notify, ":")
		if !ok || strings.TrimSpace(target) == "" {
			return usageError{"--notify: story:ID, query:TEXT or entity:NAME"}
		}
		if *webhook != "" {
			if _, err := watch.CheckURL(*webhook); err != nil {
				return usageError{"--webhook: " + err.Error()}
			}
			if *secret == "" {
				return usageError{"--webhook needs --secret (the key of the X-Rasad-Signature HMAC)"}
			}
		}
		wid := *id
		if wid == "" {
			b := make([]byte, 4)
			rand.Read(b)
			wid = "w-" + hex.EncodeToString(b)
		}
		if err := store.PutWatch(ctx, rasad.Watch{ID: wid, Kind: kind, Target: strings.TrimSpace(target), Webhook: *webhook, Secret: *secret}); err != nil {
			return err
		}
		fmt.Fprintln(stdout, wid)
		return nil
	}
	feeds, err := watch.LoadFeeds(*file)
	if err != nil {
		return err
	}
	if len(feeds) == 0 {
		return usageError{fmt.Sprintf("no feeds in %s (rasad feeds add URL)", *file)}
	}
	w := newWatcher(store, feeds, watch.Limits{Timeout: *timeout, MaxBody: *maxBody << 20, MaxRedirects: *redirects, PerHost: *perHost, HostGap: *hostGap},
		*batch, *atomDir, stderr)
	term := !*quiet && isTerminal(stderr)
	w.Status = func(st watch.RoundStats, fss []watch.FeedStatus) { printStatus(stderr, term, *quiet, st, fss) }
	if *once {
		st, err := w.Round(ctx, true)
		if err != nil {
			return err
		}
		return onceFailed(st)
	}
	return w.Run(ctx)
}

// newWatcher wires the watch loop of rasad watch and rasad serve --watch:
// the feeds' items through the one ingest pipeline, incremental stories
// and their stored timelines, and the watches' notifications.
func newWatcher(store *sqlite.Store, feeds []watch.Feed, limits watch.Limits, batch int, atomDir string, stderr io.Writer) *watch.Watcher {
	client := watch.NewClient(limits, nil)
	live := watch.NewLive(store)
	return &watch.Watcher{
		Store: store, Feeds: feeds, Client: client,
		Ingest: &watch.PipelineIngester{Store: store, Stories: story.NewEngine(store, story.Options{})}, Batch: batch,
		Notify: &watch.Notify{Store: store, Entries: live.Entries, Delta: live, Touches: watch.StoreTouches(store), AtomDir: atomDir, Client: client,
			Log: func(s string) { fmt.Fprintln(stderr, s) }},
	}
}

// printStatus shows per-feed status after a round: a table redrawn in
// place on a terminal, one line per round (and per failing feed) otherwise.
func printStatus(w io.Writer, term, quiet bool, st watch.RoundStats, fss []watch.FeedStatus) {
	if quiet {
		for _, f := range fss {
			if f.State == "error" {
				fmt.Fprintf(w, "%s: %s (failure %d, next %s)\n", f.URL, f.Error, f.Failures, f.NextPoll.Local().Format(time.TimeOnly))
			}
		}
		return
	}
	summary := fmt.Sprintf("%s polled %d (not modified %d, errors %d) · new items %d · pages %d · stored %d · copies %d · dup %d · retrying %d · failed %d · queue %d",
		time.Now().Format(time.TimeOnly), st.Polled, st.NotModified, st.FeedErrors, st.NewItems, st.Fetched, st.Stored, st.Reports, st.Duplicates, st.Retrying, st.Failed, st.Pending)
	if !term {
		fmt.Fprintln(w, summary)
		for _, f := range fss {
			if f.State == "error" {
				fmt.Fprintf(w, "  %s: %s (failure %d, next %s)\n", f.URL, f.Error, f.Failures, f.NextPoll.Local().Format(time.TimeOnly))
			}
		}
		return
	}
	fmt.Fprint(w, "\x1b[H\x1b[2J")
	fmt.Fprintln(w, summary)
	fmt.Fprintf(w, "%-50s %-13s %5s %6s %8s %s\n", "feed", "state", "new", "seen", "next", "error")
	for _, f := range fss {
		name := f.URL
		if f.Outlet != "" {
			name = f.Outlet + " " + f.URL
		}
		if len([]rune(name)) > 50 {
			name = string([]rune(name)[:49]) + "…"
		}
		next := ""
		if !f.NextPoll.IsZero() {
			next = f.NextPoll.Local().Format(time.TimeOnly)
		}
		fmt.Fprintf(w, "%-50s %-13s %5d %6d %8s %s\n", name, f.State, f.New, f.TotalSeen, next, f.Error)
	}
}

// onceFailed is the exit of a --once round: 1 when every feed it polled
// failed, so that cron and scripts see a round that read nothing.
func onceFailed(st watch.RoundStats) error {
	if st.Polled > 0 && st.FeedErrors == st.Polled {
		return exitError{exitFailure, fmt.Sprintf("every feed polled failed (%d of %d); nothing was read", st.FeedErrors, st.Polled)}
	}
	return nil
}
