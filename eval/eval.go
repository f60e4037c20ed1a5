// Package eval scores Rasad against gold annotations (../shared/gold): the
// temporal tagger against TIMEX3 values, and, as they come, entities and
// timelines. It also runs peer systems on the same gold for comparison.
package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/ingest"
)

// Gold is the gold file's shape (the parts Rasad scores).
type Gold struct {
	About     string             `json:"about"`
	Documents map[string]GoldDoc `json:"documents"`
	Entities  map[string]map[string][]string
	Timeline  []json.RawMessage `json:"timeline"`
}

// GoldDoc is one gold document.
type GoldDoc struct {
	Published    string      `json:"published"`
	Weekday      string      `json:"weekday"`
	Title        string      `json:"title"`
	Timex        []GoldTimex `json:"timex"`
	Boilerplate  []string    `json:"boilerplate"`
	SourceAgency string      `json:"source_agency"`
}

// GoldTimex is one gold temporal expression (text, in reading order).
type GoldTimex struct {
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// LoadGold reads a gold file.
func LoadGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	return &g, nil
}

// DefaultSeeds is where the seeds' JSONL stands relative to the gold file.
func DefaultSeeds(goldPath string) string {
	return filepath.Join(filepath.Dir(goldPath), "..", "seeds", "seeds.jsonl")
}

// SeedDoc is a gold document with its article, cleaned as ingest cleans it.
type SeedDoc struct {
	Name    string // the gold's key, e.g. 000_2e89c255bd9ae10b.txt
	Article *rasad.Article
	Gold    GoldDoc
}

// LoadSeeds reads the seeds' JSONL and pairs each article with its gold
// document (by id). The articles keep the JSONL's published dates; callers
// that evaluate without them clear Published.
func LoadSeeds(path string, g *Gold) ([]SeedDoc, error) {
	var out []SeedDoc
	var firstErr error
	err := ingest.Read(context.Background(), path, ingest.Options{}, func(it ingest.Item) error {
		if it.Err == nil {
			it.Err = ingest.Prepare(it.Article)
		}
		if it.Err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("%s: %w", it.Origin, it.Err)
			}
			return nil
		}
		a := it.Article
		name := a.Reports[0].ExtID
		gd, ok := g.Documents[name]
		if !ok {
			gd, ok = g.Documents[name+".txt"]
			name += ".txt"
		}
		if !ok {
			return nil
		}
		out = append(out, SeedDoc{Name: name, Article: a, Gold: gd})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if firstErr != nil {
		return nil, firstErr
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no gold document found in %s", path)
	}
	return out, nil
}

// locate finds the gold expressions in text, in reading order: each is
// searched from the end of the previous one, then from the start.
func locate(text string, gold []GoldTimex) []rasad.Span {
	out := make([]rasad.Span, len(gold))
	cursor := 0
	for i, g := range gold {
		idx := strings.Index(text[cursor:], g.Text)
		if idx >= 0 {
			idx += cursor
		} else {
			idx = strings.Index(text, g.Text)
		}
		if idx < 0 {
			out[i] = rasad.Span{Start: -1, End: -1}
			continue
		}
		out[i] = rasad.Span{Start: idx, End: idx + len(g.Text)}
		cursor = idx + len(g.Text)
	}
	return out
}
