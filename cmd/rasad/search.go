package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/rasad/rasad"
)

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("search", stderr, "[--db PATH] [--limit N] [--format text|json] QUERY")
	db := dbFlag(fs)
	limit := fs.Int("limit", 10, "number of results")
	format := fs.String("format", "text", "output format: text or json")
	words, err := parseFlags(fs, args)
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
