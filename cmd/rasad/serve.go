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
	"github.com/rasad/rasad/web"
)

// runServe serves the pages and the JSON API. Writes (POST
// /api/v1/articles) are on only when RASAD_TOKEN is set; otherwise the
// store is opened read-only.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr, "[--db PATH] [--addr HOST:PORT]  (writes need RASAD_TOKEN)")
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	token := os.Getenv("RASAD_TOKEN")
	var store *sqlite.Store
	var err error
	if token == "" {
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
	srv, err := web.New(ctx, web.Config{Store: store, Token: token, SaveStories: token != "", Logger: log})
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
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	case <-ctx.Done():
	}
	// SIGINT/SIGTERM: stop accepting, let requests in flight finish
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
