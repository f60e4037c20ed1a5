package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/sqlite"
	"github.com/rasad/rasad/watch"
	"github.com/rasad/rasad/web"
)

// runServe serves the pages and the JSON API. Writes (POST
// /api/v1/articles) are on only when RASAD_TOKEN is set; otherwise the
// store is opened read-only.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr, "[--db PATH] [--addr HOST:PORT] [--watch FEEDS-FILE [--atom-dir DIR]]  (writes need RASAD_TOKEN)")
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	feedsFile := fs.String("watch", "", "also follow the feeds of this file, as rasad watch does (the store is opened for writing)")
	atomDir := fs.String("atom-dir", "", "with --watch: write each watch's Atom feed here (WATCH-ID.atom)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	var feeds []watch.Feed
	if *feedsFile != "" {
		var err error
		if feeds, err = watch.LoadFeeds(*feedsFile); err != nil {
			return err
		}
		if len(feeds) == 0 {
			return usageError{fmt.Sprintf("no feeds in %s (rasad feeds add URL)", *feedsFile)}
		}
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	token := os.Getenv("RASAD_TOKEN")
	var store *sqlite.Store
	var err error
	if token == "" && feeds == nil {
		if _, serr := os.Stat(*db); serr != nil {
			return fmt.Errorf("%s: %v (make one with rasad ingest --db %s …): %w", *db, serr, *db, rasad.ErrNotFound)
		}
		store, err = sqlite.OpenReadOnly(ctx, *db)
	} else {
		store, err = openStore(ctx, *db)
	}
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	// with --watch the watcher's incremental stories are the stored ones
	srv, err := web.New(ctx, web.Config{Store: store, Token: token, SaveStories: token != "" && feeds == nil, Logger: log})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second, // a 64 MiB body on a slow link
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	writes := "off (read-only store; set RASAD_TOKEN to allow POST /api/v1/articles)"
	if token != "" {
		writes = "on (POST /api/v1/articles with Authorization: Bearer $RASAD_TOKEN)"
	}
	fmt.Fprintf(stdout, "rasad serve: http://%s/ (%s ready in %s; writes %s)\n", ln.Addr(), *db, time.Since(start).Round(time.Millisecond), writes)
	errc := make(chan error, 2)
	go func() { errc <- hs.Serve(ln) }()
	wctx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	watchDone := make(chan struct{})
	if feeds != nil {
		// the watch loop of rasad watch, in the same process; the pages see
		// what it stores (the index is rebuilt when the count changes)
		w := newWatcher(store, feeds, watch.Limits{}, 64, *atomDir, stderr)
		w.Status = func(st watch.RoundStats, fss []watch.FeedStatus) { printStatus(stderr, false, true, st, fss) }
		fmt.Fprintf(stdout, "rasad serve: following %d feeds of %s\n", len(feeds), *feedsFile)
		go func() {
			defer close(watchDone)
			if err := w.Run(wctx); err != nil && wctx.Err() == nil {
				errc <- fmt.Errorf("watch: %w", err)
			}
		}()
	} else {
		close(watchDone)
	}
	select {
	case err := <-errc:
		stopWatch()
		<-watchDone
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	case <-ctx.Done():
	}
	stopWatch()
	<-watchDone
	// SIGINT/SIGTERM: stop accepting, let requests in flight finish
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
