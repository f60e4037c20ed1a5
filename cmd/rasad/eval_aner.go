package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/eval"
)

// evalAner scores the entity stage on the ANERcorp dev set, mention level,
// with score_aner.py's logic: on every document, and on the last fifth
// (documents a tagger trained on the first four fifths has not seen).
func evalAner(w io.Writer, dir, predPath string, verbose bool) error {
	docs, err := eval.LoadAner(dir)
	if err != nil {
		return err
	}
	pred := eval.AnerMentions(docs)
	if predPath != "" {
		if err := writeAnerPred(predPath, docs, pred); err != nil {
			return err
		}
	}
	cut := len(docs) * 4 / 5
	fmt.Fprintf(w, "ANERcorp dev, mention level (exact span and type, spans widened to whole tokens), %d documents\n\n", len(docs))
	fmt.Fprintf(w, "%-22s %-5s %6s %6s %6s %7s %7s %7s\n", "documents", "type", "gold", "pred", "right", "P", "R", "F1")
	for _, part := range []struct {
		name     string
		from, to int
	}{{"all", 0, len(docs)}, {fmt.Sprintf("last fifth (%d-%d)", cut, len(docs)-1), cut, len(docs)}} {
		s := eval.ScoreAner(docs[part.from:part.to], pred[part.from:part.to])
		for _, ty := range []string{"PERS", "LOC", "ORG", "all"} {
			c := s.All
			if ty != "all" {
				c = *s.ByType[ty]
			}
			fmt.Fprintf(w, "%-22s %-5s %6d %6d %6d %7.3f %7.3f %7.3f\n", part.name, ty, c.Gold, c.Pred, c.TP, c.P(), c.R(), c.F1())
		}
		if verbose && part.from == 0 {
			defer func(errs []eval.AnerError) {
				fmt.Fprintf(w, "\nerrors (%d):\n", len(errs))
				for _, e := range errs {
					fmt.Fprintf(w, "  %s %-8s %-4s %q [%d,%d) %s\n", e.Doc, e.Kind, e.Type, e.Text, e.Start, e.End, e.Rule)
				}
			}(s.Errors)
		}
	}
	fmt.Fprintf(w, "\nThe reference scorer: rasad annotate %s > pred.jsonl && python3 ../shared/tools/score_aner.py score %s pred.jsonl\n",
		filepath.Join(dir, "docs.jsonl"), filepath.Join(dir, "gold.jsonl"))
	if predPath != "" {
		fmt.Fprintf(w, "  or, with the predictions written here: python3 ../shared/tools/score_aner.py score %s %s\n", filepath.Join(dir, "gold.jsonl"), predPath)
	}
	return nil
}

func writeAnerPred(path string, docs []eval.AnerDoc, pred [][]rasad.Mention) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i, d := range docs {
		ms := pred[i]
		if ms == nil {
			ms = []rasad.Mention{}
		}
		if err := enc.Encode(struct {
			Doc      string          `json:"doc"`
			Mentions []rasad.Mention `json:"mentions"`
		}{d.ID, ms}); err != nil {
			f.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
