package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/rasad/rasad"
)

func runShow(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("show", stderr, "[--db PATH] [--raw] [--format text|json] ID")
	db := dbFlag(fs)
	raw := fs.Bool("raw", false, "show the full stored text with the removed residue marked, and the input as read")
	format := fs.String("format", "text", "output format: text or json")
	refs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(refs) != 1 {
		fs.Usage()
		return usageError{"give one article ID, ID prefix or input id"}
	}
	store, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	a, err := store.Get(ctx, refs[0])
	if errors.Is(err, rasad.ErrNotFound) && len(refs[0]) < 6 && strings.Trim(refs[0], "0123456789abcdef") == "" {
		return fmt.Errorf("%w (an ID prefix needs at least 6 characters)", err)
	}
	if err != nil {
		return err
	}
	if *format == "json" {
		out := struct {
			*rasad.Article
			Body string `json:"body"`
			Raw  string `json:"raw,omitempty"`
		}{Article: a, Body: a.Body()}
		if *raw {
			out.Raw = string(a.Raw)
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	printArticle(stdout, a, *raw)
	return nil
}

func printArticle(w io.Writer, a *rasad.Article, raw bool) {
	fmt.Fprintf(w, "id:        %s\n", a.ID)
	fmt.Fprintf(w, "title:     %s\n", a.Title)
	if a.Published != nil {
		fmt.Fprintf(w, "published: %s (from %s, confidence %.2f)\n", a.Published.Format("2006-01-02T15:04:05Z07:00"), a.PublishedFrom, a.PublishedConfidence)
		if a.PublishedEvidence != "" {
			fmt.Fprintf(w, "evidence:  %s\n", a.PublishedEvidence)
		}
	}
	for _, r := range a.Reports {
		fmt.Fprintf(w, "report:    %s", r.ExtID)
		if r.Source != "" {
			fmt.Fprintf(w, " · %s", r.Source)
		}
		if r.URL != "" && r.URL != r.ExtID {
			fmt.Fprintf(w, " · %s", r.URL)
		}
		fmt.Fprintf(w, " · %s %s\n", r.Format, r.Origin)
	}
	for _, v := range a.Versions {
		mark := ""
		if v.ID == a.ID {
			mark = "  ← this one"
		}
		fmt.Fprintf(w, "version:   %d of %d · %s · %s%s\n", v.N, len(a.Versions), v.ID, v.URL, mark)
	}
	if a.Dateline != nil {
		fmt.Fprintf(w, "dateline:  %s (agency %s, date %q; %s)\n", a.Text[a.Dateline.Start:a.Dateline.End], a.Dateline.Agency, a.Dateline.Date, a.Dateline.Rule)
	}
	for _, c := range a.Credits {
		fmt.Fprintf(w, "credit:    %s ← %q at %d:%d (%s)\n", c.Agency, a.Text[c.Start:c.End], c.Start, c.End, c.Rule)
	}
	for _, warn := range a.Warnings {
		fmt.Fprintf(w, "warning:   %s\n", warn)
	}
	fmt.Fprintln(w)
	if !raw {
		fmt.Fprintln(w, strings.TrimSpace(a.Body()))
		if n := len(a.Removed); n > 0 {
			fmt.Fprintf(w, "\n(%d line(s) of residue set aside; --raw shows them)\n", n)
		}
		return
	}
	// the whole text, removed lines marked with their kind
	prev := 0
	for _, r := range a.Removed {
		if r.Start < prev {
			continue
		}
		fmt.Fprint(w, a.Text[prev:r.Start])
		fmt.Fprintf(w, "⊘[%s] %s", r.Kind, a.Text[r.Start:r.End])
		prev = r.End
	}
	fmt.Fprintln(w, strings.TrimRight(a.Text[prev:], "\n"))
	if len(a.Removed) > 0 {
		fmt.Fprintln(w, "\nremoved:")
		for _, r := range a.Removed {
			fmt.Fprintf(w, "  %d:%d %-14s %q — %s\n", r.Start, r.End, r.Kind, a.Text[r.Start:r.End], r.Rule)
		}
	}
	if len(a.Raw) > 0 && string(a.Raw) != a.Text {
		fmt.Fprintf(w, "\ninput as read (%d bytes):\n%s\n", len(a.Raw), a.Raw)
	}
}
