package ner

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/rasad/rasad/text"
)

// LoadANER reads an ANERcorp split in the shared layout: DIR/docs.jsonl
// ({id, text}) and DIR/gold.jsonl ({doc, tokens, mentions}), in file order.
func LoadANER(dir string) ([]Doc, error) {
	type rawDoc struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	}
	type rawGold struct {
		Doc      string   `json:"doc"`
		Tokens   [][2]int `json:"tokens"`
		Mentions []Span   `json:"mentions"`
	}
	var docs []Doc
	byID := map[string]int{}
	if err := readLines(filepath.Join(dir, "docs.jsonl"), func(line []byte) error {
		var r rawDoc
		if err := json.Unmarshal(line, &r); err != nil {
			return err
		}
		if _, dup := byID[r.ID]; dup || r.ID == "" {
			return fmt.Errorf("document id %q repeated or empty", r.ID)
		}
		byID[r.ID] = len(docs)
		docs = append(docs, Doc{ID: r.ID, Text: r.Text, Toks: text.Tokenize(r.Text)})
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readLines(filepath.Join(dir, "gold.jsonl"), func(line []byte) error {
		var g rawGold
		if err := json.Unmarshal(line, &g); err != nil {
			return err
		}
		i, ok := byID[g.Doc]
		if !ok {
			return fmt.Errorf("gold for unknown document %q", g.Doc)
		}
		d := &docs[i]
		for _, m := range g.Mentions {
			if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End {
				return fmt.Errorf("%s: mention [%d,%d) out of the text", g.Doc, m.Start, m.End)
			}
			if typeIndex(m.Type) == 0 && m.Type != "PERS" {
				continue // MISC and anything else are not tagged
			}
			d.Mentions = append(d.Mentions, m)
		}
		sort.Slice(d.Mentions, func(a, b int) bool { return d.Mentions[a].Start < d.Mentions[b].Start })
		d.GoldTokens = g.Tokens
		return nil
	}); err != nil {
		return nil, err
	}
	return docs, nil
}

func readLines(path string, f func([]byte) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	return scanLines(fh, path, f)
}

func scanLines(r io.Reader, name string, f func([]byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<28)
	n := 0
	for sc.Scan() {
		n++
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := f(sc.Bytes()); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Count is the tally of one type: true positives, predicted, gold.
type Count struct{ TP, Pred, Gold int }

// P, R and F1 are precision, recall and their harmonic mean.
func (c Count) P() float64 { return float64(c.TP) / float64(max(c.Pred, 1)) }
func (c Count) R() float64 { return float64(c.TP) / float64(max(c.Gold, 1)) }
func (c Count) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Scores are mention-level counts by type (PERS, LOC, ORG), matched exactly
// on span and type like the official scorer: a predicted span is first
// widened to the gold tokens it touches.
type Scores struct{ ByType [3]Count }

// All sums the types.
func (s Scores) All() Count {
	var c Count
	for _, x := range s.ByType {
		c.TP += x.TP
		c.Pred += x.Pred
		c.Gold += x.Gold
	}
	return c
}

func (s Scores) String() string {
	a := s.All()
	out := fmt.Sprintf("all P=%.3f R=%.3f F1=%.3f", a.P(), a.R(), a.F1())
	for i, t := range Types {
		c := s.ByType[i]
		out += fmt.Sprintf("; %s P=%.3f R=%.3f F1=%.3f", t, c.P(), c.R(), c.F1())
	}
	return out
}

// Add scores the predictions of one document (types PERS/PERSON, LOC/GPE, ORG).
func (s *Scores) Add(d *Doc, pred []Span) {
	type key struct {
		t, start, end int
	}
	gold := map[key]bool{}
	for _, m := range d.Mentions {
		gold[key{typeIndex(m.Type), m.Start, m.End}] = true
	}
	got := map[key]bool{}
	for _, m := range pred {
		t := -1
		switch m.Type {
		case "PERS", "PERSON", "PER":
			t = 0
		case "LOC", "GPE":
			t = 1
		case "ORG":
			t = 2
		}
		if t < 0 {
			continue
		}
		start, end := -1, -1
		for _, g := range d.GoldTokens {
			if g[0] < m.End && m.Start < g[1] {
				if start < 0 {
					start = g[0]
				}
				end = g[1]
			}
		}
		if start >= 0 {
			got[key{t, start, end}] = true
		}
	}
	for k := range gold {
		s.ByType[k.t].Gold++
		if got[k] {
			s.ByType[k.t].TP++
		}
	}
	for k := range got {
		s.ByType[k.t].Pred++
	}
}
