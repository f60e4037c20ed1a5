package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/eval"
	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/pipeline"
	"github.com/rasad/rasad/sqlite"
	"github.com/rasad/rasad/story"
)

// TimelineOptions filter and cut a timeline.
type timelineFilter struct {
	typ      string
	from, to string
	limit    int
	query    string
}

// buildTimeline merges the events of articles into a timeline.
func buildTimeline(arts []*rasad.Article, copies []rasad.CopyPair, f timelineFilter) []story.Entry {
	first, last := story.PublishedSpan(arts)
	return story.Select(story.FromArticles(arts, displayID, copies), story.Filter{Type: f.typ, From: f.from, To: f.to, Limit: f.limit, Query: f.query, First: first, Last: last})
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
	if _, err := checkType(*typ, rasad.EventTypes...); err != nil {
		return err
	}
	for _, d := range []*string{from, to} {
		if *d != "" {
			if _, err := ingest.ParseTime(*d); err != nil {
				return usageError{fmt.Sprintf("date %q: %v", *d, err)}
			}
		}
	}
	store, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	f := timelineFilter{typ: strings.ToUpper(*typ), from: *from, to: *to, limit: *limit, query: *query}
	if *query == "" {
		// the whole collection, or one story: the stored story timelines
		entries, n, err := storedTimeline(ctx, store, *storyID, f)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "%d events from %d articles in %s\n", len(entries), n, time.Since(start).Round(time.Millisecond))
		return writeTimeline(stdout, entries, *format)
	}
	var ids []string
	if *storyID == "" {
		ids, err = store.MatchIDs(ctx, *query) // every match, not the first page
	} else {
		ids, err = selectIDs(ctx, store, "", *storyID, "", 0)
	}
	if err != nil {
		return err
	}
	sort.Strings(ids)
	// one batched read of what the timeline needs (text, date, first
	// report, mentions, events), not every article's full record
	arts, err := store.TimelineArticles(ctx, ids)
	if err != nil {
		return err
	}
	as := make(map[string]*rasad.Analysis, len(arts))
	for _, a := range arts {
		if a.Analysis != nil {
			as[a.ID] = a.Analysis
		}
	}
	warnStale(stderr, ids, as)
	copies, covered, err := store.CopiesAndCoverage(ctx)
	if err != nil {
		return err
	}
	if n, _, err := store.Count(ctx); err == nil && n != covered {
		if _, err := catchUpStories(ctx, store, story.Options{}); err != nil {
			return err
		}
		if copies, _, err = store.CopiesAndCoverage(ctx); err != nil {
			return err
		}
	}
	entries := buildTimeline(arts, copies, f)
	fmt.Fprintf(stderr, "%d events from %d articles in %s\n", len(entries), len(arts), time.Since(start).Round(time.Millisecond))
	return writeTimeline(stdout, entries, *format)
}

// storedTimeline reads the stored timelines of every story (storyID "")
// or of one, after assigning the articles stored since the stories were
// built and rebuilding the timelines a change marked, and selects from
// them. It returns the entries and the number of articles they come from.
func storedTimeline(ctx context.Context, store *sqlite.Store, storyID string, f timelineFilter) ([]story.Entry, int, error) {
	total, _, err := store.Count(ctx)
	if err != nil {
		return nil, 0, err
	}
	if covered, err := store.Covered(ctx); err != nil {
		return nil, 0, err
	} else if covered != total {
		if _, err := catchUpStories(ctx, store, story.Options{}); err != nil {
			return nil, 0, err
		}
	}
	if _, err := pipeline.UpdateTimelines(ctx, store); err != nil {
		return nil, 0, err
	}
	var stories, ids []string
	if storyID != "" {
		ms, err := store.StoryMembers(ctx, []string{storyID})
		if err != nil {
			return nil, 0, err
		}
		if ids = ms[storyID]; len(ids) == 0 {
			return nil, 0, fmt.Errorf("story %q: %w", storyID, rasad.ErrNotFound)
		}
		stories = []string{storyID}
	}
	tls, err := store.StoryTimelines(ctx, stories)
	if err != nil {
		return nil, 0, err
	}
	all, err := story.StoredEntries(tls)
	if err != nil {
		return nil, 0, err
	}
	first, last, err := store.PublishedDays(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	n := len(ids)
	if storyID == "" {
		n = total
		all = story.CollapseStories(all) // an event several stories tell alike, once
	}
	return story.Select(all, story.Filter{Type: f.typ, From: f.from, To: f.to, Limit: f.limit, First: first, Last: last}), n, nil
}

func writeTimeline(stdout io.Writer, entries []story.Entry, format string) error {
	if format == "json" {
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

var statusWords = map[string]string{"happened": "", "planned": " (مقرر)", "negated": " (منفي)", "ongoing": "", "cancelled": " (ألغي)"}

var statusLabels = map[string]string{"happened": "جرى", "planned": "مقرر", "negated": "منفي", "ongoing": "جارٍ", "cancelled": "ألغي"}

// maxSources is how many sources an entry shows before "+N".
const maxSources = 5

// writeMarkdown writes the timeline as an editor would read it: a dated
// heading per event with a one-line summary, the expression that fixed the
// date and the status, the participants with their roles, then the
// earliest report of each outlet (up to five, with links) and "+N" for the
// rest. The JSON keeps every source.
func writeMarkdown(w io.Writer, entries []story.Entry) {
	fmt.Fprintln(w, "# الخط الزمني")
	fmt.Fprintln(w)
	for _, e := range entries {
		date := story.ArabicDate(e.Date, e.Precision)
		if e.Until != "" {
			date = story.ArabicRange(e.Date, e.Until)
		}
		fmt.Fprintf(w, "## %s — %s%s\n\n", date, e.Summary, statusWords[e.Status])
		var facts []string
		if e.DateText != "" {
			facts = append(facts, "التاريخ من: «"+e.DateText+"»")
		}
		facts = append(facts, "الحالة: "+statusLabels[e.Status])
		var who []string
		for _, p := range e.Participants {
			if p.Type == "PERSON" && p.Role != "" {
				who = append(who, p.Name+" ("+entities.RoleLabel(p.Role)+")")
			}
		}
		if len(who) > 0 {
			facts = append(facts, "المشاركون: "+strings.Join(who, "، "))
		}
		fmt.Fprintf(w, "%s\n\n", strings.Join(facts, " · "))
		if e.Independent > 0 && e.Independent < len(e.Sources) {
			// copies of one report count once: say how many are independent
			fmt.Fprintf(w, "المصادر (%d، منها %d مستقلة):\n", len(e.Sources), e.Independent)
		} else {
			fmt.Fprintf(w, "المصادر (%d):\n", len(e.Sources))
		}
		shown := earliestPerOutlet(e.Sources, maxSources)
		for _, s := range shown {
			src := s.Article
			if s.URL != "" {
				src = "[" + s.Article + "](" + s.URL + ")"
			}
			if s.Outlet != "" {
				src += "، " + s.Outlet
			}
			if s.Published != "" {
				src += "، " + s.Published
			}
			fmt.Fprintf(w, "- %s: «%s»\n", src, shorten(s.Quote, 200))
		}
		if n := len(e.Sources) - len(shown); n > 0 {
			fmt.Fprintf(w, "- +%d\n", n)
		}
		fmt.Fprintln(w)
	}
}

// earliestPerOutlet picks the earliest independent report of each outlet
// (then the earliest of the others), at most n, in publication order.
func earliestPerOutlet(srcs []story.Source, n int) []story.Source {
	idx := make([]int, len(srcs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		sa, sb := srcs[idx[a]], srcs[idx[b]]
		if sa.Independent != sb.Independent {
			return sa.Independent
		}
		if sa.Published != sb.Published {
			return sa.Published < sb.Published
		}
		return sa.Article < sb.Article
	})
	var pick []int
	seen := map[string]bool{}
	for _, i := range idx {
		if o := srcs[i].Outlet; !seen[o] && len(pick) < n {
			seen[o] = true
			pick = append(pick, i)
		}
	}
	sort.Ints(pick)
	out := make([]story.Source, len(pick))
	for k, i := range pick {
		out[k] = srcs[i]
	}
	return out
}

func shorten(s string, n int) string {
	r := []rune(strings.ReplaceAll(s, "\n", " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}

// evalDevTimelines scores the timelines of the dev stories (a gold file
// per story, with its query) built from a store holding the dev corpus, as
// score_timeline.py does: --type CONSULT, --limit the number of gold
// events, a day's tolerance. It also scores the seeds' timeline under the
// same strict rule. Without a store it ingests the corpus beside the gold
// into a temporary one.
func evalDevTimelines(ctx context.Context, w, stderr io.Writer, goldPath, dir, db string, verbose bool) (map[string]float64, error) {
	gold, err := eval.LoadGold(goldPath)
	if err != nil {
		return nil, err
	}
	docs, err := eval.LoadSeeds(eval.DefaultSeeds(goldPath), gold)
	if err != nil {
		return nil, err
	}
	seedEvents, err := eval.SeedEvents(gold, "CONSULT")
	if err != nil {
		return nil, err
	}
	var seedEntries []story.Entry
	for _, e := range eval.SeedTimeline(docs) {
		if e.Type == "CONSULT" {
			seedEntries = append(seedEntries, e)
		}
	}
	fmt.Fprintf(w, "\nStrict event score (score_timeline.py: date within 1 day, both sides met), CONSULT\n\n")
	fmt.Fprintf(w, "%-22s %5s %5s %7s %9s %7s %6s %8s\n", "story", "gold", "pred", "matched", "precision", "recall", "F1", "date F1")
	line := func(name string, s eval.StrictScore) {
		fmt.Fprintf(w, "%-22s %5d %5d %7d %9.3f %7.3f %6.3f %8.3f\n", name, s.Gold, s.Predicted, s.Matched, s.P, s.R, s.F1, s.DateF1)
		if verbose {
			for _, m := range s.Missed {
				fmt.Fprintf(w, "    missed: %s\n", m)
			}
		}
	}
	scores := map[string]float64{}
	ss := eval.ScoreStrict(seedEvents, seedEntries, 1)
	scores["seeds strict F1"] = ss.F1
	line("seeds", ss)

	if dir == "" {
		dir = filepath.Join(filepath.Dir(goldPath), "timelines")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	sort.Strings(paths)
	if len(paths) == 0 {
		fmt.Fprintf(w, "(no story gold timelines in %s)\n", dir)
		return scores, nil
	}
	if db == "" {
		corpus := filepath.Join(filepath.Dir(goldPath), "..", "corpus", "ant-dev.jsonl.gz")
		if _, err := os.Stat(corpus); err != nil {
			fmt.Fprintf(w, "(no dev corpus at %s: story timelines not scored)\n", corpus)
			return scores, nil
		}
		tmp, err := os.MkdirTemp("", "rasad-eval-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		db = filepath.Join(tmp, "dev.db")
		fmt.Fprintf(stderr, "ingesting %s into a temporary store (pass --db to reuse one)\n", corpus)
		if err := runIngest(ctx, []string{"--db", db, "--quiet", "--stories", corpus}, io.Discard, stderr); err != nil {
			return nil, err
		}
	}
	var sum float64
	for _, p := range paths {
		g, err := eval.LoadDevGold(p)
		if err != nil {
			return nil, err
		}
		var out, errb strings.Builder
		args := []string{"--db", db, "--query", g.Query, "--type", "CONSULT", "--limit", strconv.Itoa(len(g.Events)), "--format", "json"}
		if err := runTimeline(ctx, args, &out, &errb); err != nil {
			return nil, fmt.Errorf("timeline of %s: %w", filepath.Base(p), err)
		}
		var res struct {
			Entries []story.Entry `json:"entries"`
		}
		if err := json.Unmarshal([]byte(out.String()), &res); err != nil {
			return nil, fmt.Errorf("timeline of %s: %w", filepath.Base(p), err)
		}
		s := eval.ScoreStrict(g.Events, res.Entries, 1)
		sum += s.F1
		name := strings.TrimSuffix(filepath.Base(p), ".json")
		scores[name+" F1"] = s.F1
		line(name, s)
	}
	fmt.Fprintf(w, "%-22s %46.3f\n", "mean F1 (stories)", sum/float64(len(paths)))
	return scores, nil
}
