// Command rasad turns streams of Arabic news articles into sourced event
// timelines. This file holds the subcommand table and the shared plumbing:
// flags, the store, and the mapping from domain errors to exit codes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/collection"
	"github.com/rasad/rasad/sqlite"
)

// Exit codes (README, "Commands").
const (
	exitOK       = 0
	exitRejected = 1 // the job ran, but some input was rejected (the rest was done)
	exitUsage    = 2 // bad command line: unknown flag or value, ambiguous reference
	exitNotFound = 3 // no database at --db, no such article or story
	exitStore    = 4 // the store or the system failed: unreadable or corrupt database, disk, I/O

	// exitFailure is the name ingest and dates use for rejected input.
	exitFailure = exitRejected
	// exitInterrupted: stopped by SIGINT or SIGTERM (128 + SIGINT).
	exitInterrupted = 130
)

// interruptGrace is how long a command may take to stop by itself after
// SIGINT/SIGTERM (its loops check the context) before the process exits
// anyway. Every write is one SQLite transaction, so an exit at any point
// leaves a consistent store, as a kill would.
const interruptGrace = 700 * time.Millisecond

type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{
	"annotate": {"every extraction of each document with byte offsets: dates, entity mentions, events (JSON Lines)", runAnnotate},
	"analyze":  {"recompute the analysis (dates, entities) of every stored article", runAnalyze},
	"entities": {"people, organizations and places with all their spellings", runEntities},
	"feeds":    {"manage the feeds file that rasad watch follows: add URL, list, remove URL", runFeeds},
	"watch":    {"follow feeds (--feeds FILE, --once for cron) and notify watches (--notify story:ID|query:Q|entity:NAME)", runWatch},
	"stories":  {"group stored articles into stories and find copies (rebuilt from the store)", runStories},
	"timeline": {"the sourced event timeline of a story, a query or the store (Markdown or JSON)", runTimeline},
	"bench":    {"measure ingest throughput, peak RSS and search latency on a corpus", runBench},
	"dates":    {"find, normalize and anchor temporal expressions (JSON Lines out)", runDates},
	"eval":     {"score a stage against gold annotations: rasad eval dates --gold PATH", runEval},
	"ingest":   {"read articles (txt, html, jsonl[.gz], rss/atom, warc[.gz], dirs, -) into the store", runIngest},
	"search":   {"Arabic-aware full-text search over stored articles", runSearch},
	"serve":    {"serve the timelines as Arabic web pages and a JSON API (writes need RASAD_TOKEN)", runServe},
	"show":     {"print one stored article with its metadata (--raw: with removed residue)", runShow},
	"train":    {"train the name tagger's weights: rasad train ner --data DIR --out FILE", runTrain},
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: rasad COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'rasad COMMAND -h' for a command's flags, 'rasad --version' for the version. The store is ./rasad.db unless --db or RASAD_DB says otherwise.")
	fmt.Fprintln(w, "Exit codes: 0 ok, 1 some input rejected (the rest done), 2 usage, 3 not found (no database, no such article), 4 failure of the store or the system.")
}

// usageError marks bad command-line use (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitError carries an explicit exit code (after output was printed).
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version" || args[0] == "version") {
		fmt.Fprintln(stdout, versionString())
		return exitOK
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "rasad: unknown command %q\n\n", args[0])
		usage(stderr)
		return exitUsage
	}
	if path := os.Getenv("RASAD_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			defer f.Close()
			if pprof.StartCPUProfile(f) == nil {
				defer pprof.StopCPUProfile()
			}
		}
	}
	if path := os.Getenv("RASAD_TRACE"); path != "" {
		// an execution trace (go tool trace): where a core waits
		if f, err := os.Create(path); err == nil {
			defer f.Close()
			if trace.Start(f) == nil {
				defer trace.Stop()
			}
		}
	}
	if path := os.Getenv("RASAD_MEMPROFILE"); path != "" {
		// allocations of the whole run (go tool pprof -sample_index=alloc_space)
		defer func() {
			if f, err := os.Create(path); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	ctx, stop := interruptible(stderr, args[0])
	defer stop()
	err := cmd.run(ctx, args[1:], stdout, stderr)
	if err != nil && ctx.Err() != nil {
		fmt.Fprintf(stderr, "rasad %s: interrupted (%v): what was committed is kept; run the same command again to finish\n", args[0], context.Cause(ctx))
		return exitInterrupted
	}
	return exitCode(err, stderr, args[0])
}

func exitCode(err error, stderr io.Writer, name string) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	fmt.Fprintf(stderr, "rasad %s: %v\n", name, err)
	var ue usageError
	var ee exitError
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.As(err, &ee):
		return ee.code
	case errors.Is(err, rasad.ErrNotFound):
		return exitNotFound
	case errors.Is(err, rasad.ErrInvalid), errors.Is(err, rasad.ErrAmbiguous):
		return exitUsage
	}
	// anything else is the store or the system failing, never an input
	return exitStore
}

// newFlags makes a flag set that reports errors instead of exiting.
func newFlags(name string, stderr io.Writer, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: rasad %s %s\n\nflags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args allowing flags after positional arguments too
// (rasad search QUERY --limit 5).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			// the flag package stopped at "--": the rest are arguments
			return append(pos, rest...), nil
		}
		args = rest
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("RASAD_DB")
	if def == "" {
		def = "rasad.db"
	}
	return fs.String("db", def, "SQLite database path (env RASAD_DB)")
}

// openStore opens the store at path, creating it when it does not exist
// (ingest, bench).
func openStore(ctx context.Context, path string) (*sqlite.Store, error) {
	return sqlite.Open(ctx, path)
}

// openExisting opens the store at path for a command that reads it, and
// says so when there is none, rather than creating an empty one.
func openExisting(ctx context.Context, path string) (*sqlite.Store, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no database at %s (rasad ingest --db %s INPUT… makes one): %w", path, path, rasad.ErrNotFound)
		}
		return nil, err
	}
	if info.IsDir() {
		return nil, fmt.Errorf("%s is a directory, not a database: %w", path, rasad.ErrInvalid)
	}
	return sqlite.Open(ctx, path)
}

// checkType accepts an empty --type or one of the given ones (any case)
// and returns it upper-cased.
func checkType(typ string, ok ...string) (string, error) {
	u := strings.ToUpper(strings.TrimSpace(typ))
	if u == "" || slices.Contains(ok, u) {
		return u, nil
	}
	return "", usageError{fmt.Sprintf("--type %q: want one of %s", typ, strings.Join(ok, ", "))}
}

// buildCommit may be set at link time (-ldflags "-X main.buildCommit=…")
// where Go records no VCS information (GOFLAGS=-buildvcs=false, a tarball).
var buildCommit string

// versionString names the build: module version, VCS commit and time
// (from the build information Go records), and the analysis rules'
// version, which stored analyses are compared with.
func versionString() string {
	version, commit, when, dirty := "(devel)", "unknown", "", false
	if buildCommit != "" {
		commit = buildCommit
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		for _, kv := range bi.Settings {
			switch kv.Key {
			case "vcs.revision":
				commit = kv.Value
			case "vcs.time":
				when = kv.Value
			case "vcs.modified":
				dirty = kv.Value == "true"
			}
		}
	}
	if len(commit) > 12 {
		commit = commit[:12]
	}
	if dirty {
		commit += " (modified)"
	}
	if when != "" {
		commit += " " + when
	}
	return fmt.Sprintf("rasad %s\ncommit %s\nanalysis rules version %d\n%s", version, commit, collection.Version, runtime.Version())
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// interruptible returns a context that SIGINT and SIGTERM cancel. The
// commands check it in their loops and return; should one still run
// interruptGrace later (inside a long computation), or should a second
// signal come, the process exits with exitInterrupted.
func interruptible(stderr io.Writer, name string) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		var sig os.Signal
		select {
		case sig = <-sigs:
		case <-done:
			return
		}
		cancel(fmt.Errorf("%v", sig))
		select {
		case <-time.After(interruptGrace):
		case <-sigs:
		case <-done:
			return
		}
		fmt.Fprintf(stderr, "rasad %s: interrupted (%v): what was committed is kept; run the same command again to finish\n", name, sig)
		os.Exit(exitInterrupted)
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(nil)
	}
}
