package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/dates"
	"github.com/rasad/rasad/eval"
)

const evalSynopsis = "dates|entities|timeline [--gold PATH] [--seeds PATH] [--min F] [-v]"

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		fmt.Fprintf(stderr, "usage: rasad eval %s\n\n", evalSynopsis)
		fmt.Fprintln(stderr, "Scores a stage on the gold seeds (../shared/gold/seeds.json). With --min F the exit code is 1")
		fmt.Fprintln(stderr, "when a score falls below F: dates F1; entities the share of gold people found whole, ORG and LOC")
		fmt.Fprintln(stderr, "recall; timeline the event F1 over all types. Run 'rasad eval dates -h' for the flags.")
		return flag.ErrHelp
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usageError{"usage: rasad eval " + evalSynopsis}
	}
	what := args[0]
	if what != "dates" && what != "entities" && what != "timeline" {
		return usageError{fmt.Sprintf("eval %q: want dates, entities or timeline", what)}
	}
	fs := newFlags("eval "+what, stderr, "[--gold PATH] [--seeds PATH] [--min F] [--dev-min F] [-v]")
	goldPath := fs.String("gold", "../shared/gold/seeds.json", "gold annotations")
	seeds := fs.String("seeds", "", "the seeds' JSONL (default: seeds/seeds.jsonl beside the gold's folder)")
	verbose := fs.Bool("v", false, "list every miss, wrong value and spurious prediction")
	aner := fs.Bool("aner", false, "entities: score the ANERcorp dev set (mention level, as score_aner.py) instead of the seeds")
	anerDir := fs.String("aner-dir", "../shared/gold/anercorp-dev", "entities --aner: the folder with docs.jsonl and gold.jsonl")
	pred := fs.String("pred", "", "entities --aner: also write the predictions as JSON Lines for score_aner.py")
	minScore := fs.Float64("min", 0, "exit 1 when a score on the seeds is below this floor (0 to 1)")
	devMin := fs.Float64("dev-min", 0, "timeline: exit 1 when a dev story's event F1 is below this floor (0 to 1)")
	devDB := fs.String("db", "", "timeline: a store holding the dev corpus (default: ingest it into a temporary one)")
	devGolds := fs.String("stories", "", "timeline: the folder of the dev stories' gold timelines (default: timelines/ beside the gold)")
	if _, err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *minScore < 0 || *minScore > 1 || *devMin < 0 || *devMin > 1 {
		return usageError{fmt.Sprintf("--min %v, --dev-min %v: want scores between 0 and 1", *minScore, *devMin)}
	}
	if what == "entities" && *aner {
		return evalAner(stdout, *anerDir, *pred, *verbose)
	}
	gold, err := eval.LoadGold(*goldPath)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%v (the gold is in ../shared, which is not part of the repository): %w", err, rasad.ErrNotFound)
	}
	if err != nil {
		return err
	}
	if *seeds == "" {
		*seeds = eval.DefaultSeeds(*goldPath)
	}
	docs, err := eval.LoadSeeds(*seeds, gold)
	if err != nil {
		return err
	}
	var scores map[string]float64
	switch what {
	case "dates":
		scores, err = evalDates(stdout, docs, *verbose)
	case "entities":
		scores, err = evalEntities(stdout, gold, docs)
	case "timeline":
		if scores, err = evalTimeline(stdout, gold, docs, *verbose); err != nil {
			return err
		}
		var dev map[string]float64
		if dev, err = evalDevTimelines(ctx, stdout, stderr, *goldPath, *devGolds, *devDB, *verbose); err != nil {
			return err
		}
		devScores := map[string]float64{}
		for k, v := range dev {
			if strings.HasPrefix(k, "seeds") {
				scores[k] = v
			} else {
				devScores[k] = v
			}
		}
		if err := checkFloor(stdout, devScores, *devMin); err != nil {
			return err
		}
	}
	if err != nil {
		return err
	}
	return checkFloor(stdout, scores, *minScore)
}

// checkFloor fails (exit 1) when a score is below min, naming it.
func checkFloor(w io.Writer, scores map[string]float64, min float64) error {
	if min == 0 {
		return nil
	}
	var low []string
	for _, name := range slices.Sorted(maps.Keys(scores)) {
		if scores[name] < min {
			low = append(low, fmt.Sprintf("%s %.3f", name, scores[name]))
		}
	}
	if len(low) > 0 {
		return exitError{exitRejected, fmt.Sprintf("below the floor %.3f: %s", min, strings.Join(low, ", "))}
	}
	fmt.Fprintf(w, "\nevery score at or above the floor %.3f\n", min)
	return nil
}

func evalDates(w io.Writer, docs []eval.SeedDoc, verbose bool) (map[string]float64, error) {
	anchors := make([]dates.Anchor, len(docs))
	for i, d := range docs {
		anchors[i] = dates.AnchorFor(d.Article)
	}
	fmt.Fprintf(w, "Temporal expressions on %d seed articles, with the gold publication dates (DATE/TIME with calendar values)\n\n", len(docs))
	fmt.Fprintf(w, "%-14s %5s %5s %5s %5s %9s %7s %6s\n", "system", "gold", "pred", "found", "right", "precision", "recall", "F1")
	rs := eval.ScoreDates("rasad", docs, eval.RasadDates(docs, anchors))
	for _, s := range []eval.DateScore{rs} {
		fmt.Fprintf(w, "%-14s %5d %5d %5d %5d %9.3f %7.3f %6.3f\n", s.System, s.Gold, s.Predicted, s.Found, s.Right, s.Precision, s.Recall, s.F1)
	}
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s (%d):\n", title, len(items))
		for _, it := range items {
			fmt.Fprintf(w, "  %s\n", it)
		}
	}
	list("rasad misses", rs.Misses)
	list("rasad wrong values", rs.Wrong)
	if verbose {
		list("rasad predictions not in the gold", rs.Spurious)
	}

	fmt.Fprintf(w, "\nPublication dates inferred without the gold ones (text alone, then the collection's dates as a hint)\n\n")
	right := 0
	for _, r := range eval.InferDates(docs) {
		mark := "✗"
		if r.Right {
			mark = "✓"
			right++
		}
		got := r.Got
		if got == "" {
			got = "(none)"
		}
		fmt.Fprintf(w, "  %s %s gold %s got %-10s %-8s %.2f  %s\n", mark, r.Name, r.Gold, got, r.Kind, r.Confidence, r.Evidence)
	}
	fmt.Fprintf(w, "  right: %d of %d\n", right, len(docs))

	// and the tagger with inferred anchors
	infs := dates.InferCollection(withoutDates(docs))
	for i := range docs {
		anchors[i] = dates.Anchor{}
		if !infs[i].Date.IsZero() {
			anchors[i] = dates.Anchor{Date: infs[i].Date, Kind: infs[i].Kind}
		}
	}
	ri := eval.ScoreDates("rasad (inferred)", docs, eval.RasadDates(docs, anchors))
	fmt.Fprintf(w, "\n%-16s precision %.3f recall %.3f F1 %.3f with inferred publication dates\n", ri.System, ri.Precision, ri.Recall, ri.F1)
	return map[string]float64{"dates F1": rs.F1}, nil
}

// withoutDates copies the seeds' articles without their publication dates.
func withoutDates(docs []eval.SeedDoc) []*rasad.Article {
	out := make([]*rasad.Article, len(docs))
	for i, d := range docs {
		a := *d.Article
		a.Published, a.PublishedFrom = nil, ""
		out[i] = &a
	}
	return out
}

func evalEntities(w io.Writer, gold *eval.Gold, docs []eval.SeedDoc) (map[string]float64, error) {
	s := eval.ScoreEntities(gold, eval.SeedEntities(docs))
	fmt.Fprintf(w, "Entities on %d seed articles\n\n", len(docs))
	fmt.Fprintf(w, "PERSON  %d of %d gold people found as exactly one cluster holding all their forms; %d clusters mix two gold people\n", s.PeopleExact, s.People, len(s.Mixed))
	fmt.Fprintf(w, "ORG     recall %d/%d = %.3f\n", s.OrgFound, s.OrgGold, ratio(s.OrgFound, s.OrgGold))
	fmt.Fprintf(w, "LOC     recall %d/%d = %.3f\n", s.LocFound, s.LocGold, ratio(s.LocFound, s.LocGold))
	fmt.Fprintf(w, "precision: %d of %d predicted clusters match a gold entity = %.3f (the others are listed below: judge them by hand)\n",
		s.RealMatched, s.Clusters, ratio(s.RealMatched, s.Clusters))
	for _, list := range []struct {
		title string
		items []string
	}{{"people problems", s.PeopleProblems}, {"mixed clusters", s.Mixed}, {"ORG missed", s.OrgMissed}, {"LOC missed", s.LocMissed}, {"predicted clusters not in the gold", s.Unmatched}} {
		if len(list.items) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s (%d):\n", list.title, len(list.items))
		for _, it := range list.items {
			fmt.Fprintf(w, "  %s\n", it)
		}
	}
	return map[string]float64{"PERSON found whole": ratio(s.PeopleExact, s.People), "ORG recall": ratio(s.OrgFound, s.OrgGold), "LOC recall": ratio(s.LocFound, s.LocGold)}, nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func evalTimeline(w io.Writer, gold *eval.Gold, docs []eval.SeedDoc, verbose bool) (map[string]float64, error) {
	ge, err := eval.GoldTimeline(gold)
	if err != nil {
		return nil, err
	}
	scores := map[string]float64{}
	entries := eval.SeedTimeline(docs)
	fmt.Fprintf(w, "Timeline of the %d seed articles (gold publication dates), %d entries, against the gold's %d\n\n", len(docs), len(entries), len(ge))
	fmt.Fprintf(w, "%-8s %5s %5s %7s %9s %7s %6s %8s %8s\n", "types", "gold", "pred", "matched", "precision", "recall", "F1", "date F1", "sources")
	for _, typ := range []string{"CONSULT", ""} {
		s := eval.ScoreTimeline(gold, ge, entries, typ)
		name := typ
		if name == "" {
			name = "all"
			scores["timeline event F1"] = s.F1
		}
		fmt.Fprintf(w, "%-8s %5d %5d %7d %9.3f %7.3f %6.3f %8.3f %4d/%-3d\n", name, s.Gold, s.Predicted, s.Matched, s.Precision, s.Recall, s.F1, s.DateF1, s.SourcesCited, s.SourcesGold)
		if typ == "" || verbose {
			for _, l := range []struct {
				t     string
				items []string
			}{{"missed", s.Misses}, {"matched but not citing every gold source", s.Partial}, {"entries not in the gold (judge by hand)", s.Extras}} {
				if len(l.items) > 0 {
					fmt.Fprintf(w, "\n  %s (%d):\n", l.t, len(l.items))
					for _, it := range l.items {
						fmt.Fprintf(w, "    %s\n", it)
					}
				}
			}
			fmt.Fprintln(w)
		}
	}
	return scores, nil
}
