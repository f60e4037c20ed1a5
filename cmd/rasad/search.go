package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/rasad/rasad"
)

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("search", stderr, "[--db PATH] [--limit N] [--format text|json] [--] QUERY\n\nQUERY: words (all must match), \"a phrase\", a OR b, -word or NOT word (excluded)")
	db := dbFlag(fs)
	limit := fs.Int("limit", 10, "number of results")
	format := fs.String("format", "text", "output format: text or json")
	words, err := parseFlags(fs, queryArgs(fs, args))
	if err != nil {
		return err
	}
	if len(words) == 0 {
		fs.Usage()
		return usageError{"no query given"}
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	store, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	hits, err := store.Search(ctx, rasad.SearchQuery{Text: strings.Join(words, " "), Limit: *limit})
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if hits == nil {
			hits = []rasad.Hit{}
		}
		return enc.Encode(map[string]any{"query": strings.Join(words, " "), "hits": hits})
	}
	if len(hits) == 0 {
		fmt.Fprintln(stdout, "no articles match")
		return nil
	}
	bold := isTerminal(stdout)
	for i, h := range hits {
		date := ""
		if h.Published != nil {
			date = h.Published.Format("2006-01-02")
		}
		ref := h.ExtID
		if ref == "" || strings.Contains(ref, "/") {
			ref = h.ID
		}
		fmt.Fprintf(stdout, "%d. %s  [%s %s %s] score %.2f\n", i+1, h.Title, ref, h.Source, date, h.Score)
		fmt.Fprintf(stdout, "   %s\n", markSnippet(h, bold))
	}
	return nil
}

// queryArgs puts the command's own flags first and the query words after
// a "--", in their order, so that an exclusion such as -الصين or -x (one
// dash, not a flag's name) is a query word and not an unknown flag.
// After a "--" of the user's, every argument is a query word.
func queryArgs(fs *flag.FlagSet, args []string) []string {
	var flags, words []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		name, hasValue := strings.TrimLeft(a, "-"), false
		if k := strings.IndexByte(name, '='); k >= 0 {
			name, hasValue = name[:k], true
		}
		f := fs.Lookup(name)
		// one dash and no flag of that name: an exclusion; two dashes:
		// always a flag (an unknown one is an error)
		if !strings.HasPrefix(a, "-") || a == "-" || (f == nil && !strings.HasPrefix(a, "--") && name != "h" && name != "help") {
			words = append(words, a)
			continue
		}
		flags = append(flags, a)
		if f != nil && !hasValue && !isBoolFlag(f) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return append(append(flags, "--"), words...)
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// markSnippet brackets the matching words of the snippet (bold on a terminal).
func markSnippet(h rasad.Hit, bold bool) string {
	open, close := "[", "]"
	if bold {
		open, close = "\x1b[1m", "\x1b[0m"
	}
	var b strings.Builder
	prev := h.SnippetSpan.Start
	for _, m := range h.Marks {
		if m.Start < prev || m.End > h.SnippetSpan.End {
			continue
		}
		b.WriteString(h.Snippet[prev-h.SnippetSpan.Start : m.Start-h.SnippetSpan.Start])
		b.WriteString(open)
		b.WriteString(h.Snippet[m.Start-h.SnippetSpan.Start : m.End-h.SnippetSpan.Start])
		b.WriteString(close)
		prev = m.End
	}
	b.WriteString(h.Snippet[prev-h.SnippetSpan.Start:])
	return strings.ReplaceAll(b.String(), "\n", " ")
}

// checkFormat accepts a --format value that is one of the given ones.
func checkFormat(format string, ok ...string) error {
	if slices.Contains(ok, format) {
		return nil
	}
	return usageError{fmt.Sprintf("--format %q: want %s", format, strings.Join(ok, " or "))}
}
