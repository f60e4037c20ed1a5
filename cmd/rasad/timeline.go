package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/story"
)

// TimelineOptions filter and cut a timeline.
type timelineFilter struct {
	typ      string
	from, to string
	limit    int
}

// buildTimeline merges the events of articles into a timeline.
func buildTimeline(arts []*rasad.Article, copies []rasad.CopyPair, f timelineFilter) []story.Entry {
	entries := story.FromArticles(arts, displayID, copies)
	var out []story.Entry
	for _, e := range entries {
		if f.typ != "" && e.Type != f.typ {
			continue
		}
		if f.from != "" && e.Date < f.from || f.to != "" && e.Date > f.to && !strings.HasPrefix(f.to, e.Date) {
			continue
		}
		out = append(out, e)
	}
	if f.limit > 0 && len(out) > f.limit {
		// the most salient, still in date order
		idx := make([]int, len(out))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return out[idx[a]].Salience > out[idx[b]].Salience })
		keep := idx[:f.limit]
		sort.Ints(keep)
		var cut []story.Entry
		for _, i := range keep {
			cut = append(cut, out[i])
		}
		out = cut
	}
	return out
}

func runTimeline(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("timeline", stderr, "[--db PATH] [--query Q | --story ID] [--type T] [--from D] [--to D] [--limit N] [--format md|json]")
	db := dbFlag(fs)
	query := fs.String("query", "", "the articles a search finds")
	storyID := fs.String("story", "", "the articles of one story (rasad stories lists them)")
	typ := fs.String("type", "", "only events of this PLOVER type (CONSULT, AGREE, REQUEST …)")
	from := fs.String("from", "", "only events on or after this date")
	to := fs.String("to", "", "only events on or before this date")
	limit := fs.Int("limit", 0, "keep the N most salient events, in date order (0: all)")
	format := fs.String("format", "md", "output format: md or json")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkFormat(*format, "md", "json"); err != nil {
		return err
	}
	for _, d := range []*string{from, to} {
		if *d != "" {
			if _, err := ingest.ParseTime(*d); err != nil {
				return usageError{fmt.Sprintf("date %q: %v", *d, err)}
			}
		}
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	ids, err := selectIDs(ctx, store, "", *storyID, *query, 500)
	if err != nil {
		return err
	}
	sort.Strings(ids)
	as, err := store.Analyses(ctx, ids)
	if err != nil {
		return err
	}
	warnStale(stderr, ids, as)
	var arts []*rasad.Article
	for _, id := range ids {
		a, err := store.Get(ctx, id)
		if err != nil {
			return err
		}
		a.Analysis = as[id]
		arts = append(arts, a)
	}
	storyOf, copies, err := store.Stories(ctx)
	if err != nil {
		return err
	}
	if n, _, err := store.Count(ctx); err == nil && n != len(storyOf) {
		if _, err := catchUpStories(ctx, store, story.Options{}); err != nil {
			return err
		}
		if _, copies, err = store.Stories(ctx); err != nil {
			return err
		}
	}
	entries := buildTimeline(arts, copies, timelineFilter{typ: strings.ToUpper(*typ), from: *from, to: *to, limit: *limit})
	fmt.Fprintf(stderr, "%d events from %d articles in %s\n", len(entries), len(arts), time.Since(start).Round(time.Millisecond))
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if entries == nil {
			entries = []story.Entry{}
		}
		return enc.Encode(map[string]any{"entries": entries})
	}
	writeMarkdown(stdout, entries)
	return nil
}

var statusWords = map[string]string{"happened": "", "planned": " (مقرر)", "negated": " (منفي)", "ongoing": ""}

// writeMarkdown writes the timeline as an editor would read it: a dated
// heading per event, one Arabic sentence, then its sources with quotes.
func writeMarkdown(w io.Writer, entries []story.Entry) {
	fmt.Fprintln(w, "# الخط الزمني")
	fmt.Fprintln(w)
	for _, e := range entries {
		fmt.Fprintf(w, "## %s — %s%s\n\n", arabicDate(e.Date, e.Precision), e.Summary, statusWords[e.Status])
		var who []string
		for _, p := range e.Participants {
			if p.Type == "PERSON" && p.Role != "" {
				who = append(who, p.Name+" ("+entities.RoleLabel(p.Role)+")")
			}
		}
		if len(who) > 0 {
			fmt.Fprintf(w, "المشاركون: %s\n\n", strings.Join(who, "، "))
		}
		if e.Independent > 0 && e.Independent < len(e.Sources) {
			// copies of one report count once: say how many are independent
			fmt.Fprintf(w, "المصادر (%d، منها %d مستقلة):\n", len(e.Sources), e.Independent)
		} else {
			fmt.Fprintf(w, "المصادر (%d):\n", len(e.Sources))
		}
		for _, s := range e.Sources {
			src := s.Article
			if s.Outlet != "" {
				src += "، " + s.Outlet
			}
			if s.Published != "" {
				src += "، " + s.Published
			}
			fmt.Fprintf(w, "- %s: «%s»\n", src, shorten(s.Quote, 300))
		}
		fmt.Fprintln(w)
	}
}

var arMonths = []string{"", "يناير/كانون الثاني", "فبراير/شباط", "مارس/آذار", "أبريل/نيسان", "مايو/أيار", "يونيو/حزيران",
	"يوليو/تموز", "أغسطس/آب", "سبتمبر/أيلول", "أكتوبر/تشرين الأول", "نوفمبر/تشرين الثاني", "ديسمبر/كانون الأول"}

func arabicDate(d, precision string) string {
	switch precision {
	case "day":
		if t, err := time.Parse("2006-01-02", d); err == nil {
			return fmt.Sprintf("%d %s %d", t.Day(), arMonths[t.Month()], t.Year())
		}
	case "month":
		if t, err := time.Parse("2006-01", d); err == nil {
			return fmt.Sprintf("%s %d", arMonths[t.Month()], t.Year())
		}
	}
	return d
}

func shorten(s string, n int) string {
	r := []rune(strings.ReplaceAll(s, "\n", " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}
