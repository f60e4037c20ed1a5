package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/rasad/rasad/analysis/collection"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/story"
)

func runEntities(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("entities", stderr, "[--db PATH] [--doc ID | --query Q] [--type PERSON|ORG|LOC] [--limit N] [--format json|text] [FILE...]")
	db := dbFlag(fs)
	doc := fs.String("doc", "", "one stored article (ID, prefix or input id)")
	query := fs.String("query", "", "the stored articles a search finds")
	typ := fs.String("type", "", "only this type: PERSON, ORG or LOC")
	limit := fs.Int("limit", 0, "at most N entities (0: all)")
	format := fs.String("format", "text", "output format: text or json")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	if *typ, err = checkType(*typ, "PERSON", "ORG", "LOC"); err != nil {
		return err
	}
	var docs []entities.DocMentions
	rejected := 0
	if len(files) > 0 {
		arts, n, err := readRecords(ctx, files, "", ingest.Prepare, stderr)
		if err != nil {
			return err
		}
		rejected = n
		inferArticleDates(arts)
		collection.Analyze(arts)
		for _, a := range arts {
			if a.Analysis != nil {
				docs = append(docs, entities.DocMentions{Doc: displayID(a), Mentions: a.Analysis.Mentions})
			}
		}
	} else {
		store, err := openExisting(ctx, *db)
		if err != nil {
			return err
		}
		defer store.Close()
		ids, err := selectIDs(ctx, store, *doc, "", *query, 1000)
		if err != nil {
			return err
		}
		as, err := store.Analyses(ctx, ids)
		if err != nil {
			return err
		}
		warnStale(stderr, ids, as)
		for _, id := range ids {
			if a, ok := as[id]; ok {
				name := id
				if art, err := store.Get(ctx, id); err == nil {
					name = displayID(art)
				}
				docs = append(docs, entities.DocMentions{Doc: name, Mentions: a.Mentions})
			}
		}
	}
	var out []entities.Cluster
	for _, c := range entities.Clusters(docs) {
		if *typ == "" || c.Type == *typ {
			out = append(out, c)
		}
	}
	if *limit > 0 && len(out) > *limit {
		out = out[:*limit]
	}
	if *format == "json" {
		if err := writeJSONLines(stdout, out); err != nil {
			return err
		}
		return rejectedError(rejected)
	}
	for _, c := range out {
		extra := ""
		if len(c.Roles) > 0 {
			extra += " · " + strings.Join(c.Roles, "، ")
		}
		if c.Country != "" {
			extra += " · " + c.Country
		}
		fmt.Fprintf(stdout, "%-6s %s (%d mentions in %d articles)%s\n", c.Type, c.Name, c.Mentions, len(c.Articles), extra)
		if len(c.Aliases) > 1 {
			fmt.Fprintf(stdout, "       aliases: %s\n", strings.Join(c.Aliases, " | "))
		}
	}
	return rejectedError(rejected)
}

// displayID names an article by its input id when it has a short one.
func displayID(a *rasad.Article) string { return story.DisplayID(a) }

// warnStale tells on stderr how many of the articles ids have no stored
// analysis, or one made by older rules than this binary's: rasad analyze
// brings them up to date.
func warnStale(stderr io.Writer, ids []string, as map[string]*rasad.Analysis) {
	missing, old := 0, 0
	for _, id := range ids {
		switch a, ok := as[id]; {
		case !ok || a == nil:
			missing++
		case a.Version < collection.Version:
			old++
		}
	}
	if missing > 0 {
		fmt.Fprintf(stderr, "%d of %d articles have no stored analysis: run rasad analyze\n", missing, len(ids))
	}
	if old > 0 {
		fmt.Fprintf(stderr, "%d of %d articles were analysed by older rules (version < %d): run rasad analyze\n", old, len(ids), collection.Version)
	}
}
