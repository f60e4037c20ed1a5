package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/watch"
)

func feedsFileFlag(fsArgs interface {
	String(name, value, usage string) *string
}) *string {
	def := os.Getenv("RASAD_FEEDS")
	if def == "" {
		def = "feeds.txt"
	}
	return fsArgs.String("feeds", def, "feeds file (env RASAD_FEEDS)")
}

// runFeeds manages the feeds file: rasad feeds add|list|remove.
func runFeeds(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("feeds", stderr, "add URL [--every DURATION] [--outlet NAME] | list | remove URL   [--feeds FILE] [--db PATH]")
	file := feedsFileFlag(fs)
	db := dbFlag(fs)
	every := fs.Duration("every", 0, "poll interval of the feed being added (default 15m)")
	outlet := fs.String("outlet", "", "outlet name of the feed being added (default: the feed's title)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return usageError{"feeds: say add, list or remove"}
	}
	feeds, err := watch.LoadFeeds(*file)
	if err != nil {
		return err
	}
	switch pos[0] {
	case "add":
		if len(pos) != 2 {
			return usageError{"feeds add: one URL"}
		}
		u, err := watch.CheckURL(pos[1])
		if err != nil {
			return usageError{err.Error()}
		}
		if *every != 0 && (*every < watch.MinInterval || *every > watch.MaxInterval) {
			return usageError{fmt.Sprintf("--every: between %s and %s", watch.MinInterval, watch.MaxInterval)}
		}
		f, verb := watch.Feed{URL: u, Outlet: *outlet, Interval: *every}, "added"
		for _, old := range feeds {
			// adding a listed URL again changes only the options given (it
			// dropped the outlet and interval of a plain second add)
			if old.URL == u {
				f.Outlet, f.Interval, verb = cmp.Or(f.Outlet, old.Outlet), cmp.Or(f.Interval, old.Interval), "updated"
			}
		}
		feeds = watch.AddFeed(feeds, f)
		if err := watch.SaveFeeds(*file, feeds); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "%s: %s %s; %d feeds\n", *file, verb, u, len(feeds))
	case "remove":
		if len(pos) != 2 {
			return usageError{"feeds remove: one URL"}
		}
		var ok bool
		if feeds, ok = watch.RemoveFeed(feeds, pos[1]); !ok {
			return fmt.Errorf("%s is not in %s: %w", pos[1], *file, rasad.ErrNotFound)
		}
		if err := watch.SaveFeeds(*file, feeds); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "%s: %d feeds\n", *file, len(feeds))
	case "list":
		states := map[string]rasad.FeedState{}
		if _, err := os.Stat(*db); err == nil {
			store, err := openStore(ctx, *db)
			if err != nil {
				return err
			}
			ss, err := store.FeedStates(ctx)
			store.Close()
			if err != nil {
				return err
			}
			for _, s := range ss {
				states[s.URL] = s
			}
		}
		for _, f := range feeds {
			s := states[f.URL]
			every := "15m0s"
			if f.Interval > 0 {
				every = f.Interval.String()
			}
			line := fmt.Sprintf("%s\tevery %s", f.URL, every)
			if f.Outlet != "" {
				line += "\toutlet " + f.Outlet
			}
			if !s.LastPolled.IsZero() {
				line += fmt.Sprintf("\titems %d\tpolled %s\tnext %s", s.Items, s.LastPolled.Local().Format(time.DateTime), s.NextPoll.Local().Format(time.DateTime))
				if s.Failures > 0 {
					line += fmt.Sprintf("\tfailing ×%d: %s", s.Failures, s.LastError)
				}
			} else {
				line += "\tnot polled yet"
			}
			fmt.Fprintln(stdout, line)
		}
	default:
		fs.Usage()
		return usageError{fmt.Sprintf("feeds: unknown action %q (add, list, remove)", pos[0])}
	}
	return nil
}
