package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/analysis/ner"
	"github.com/rasad/rasad/lexicon"
	"github.com/rasad/rasad/text"
)

// rasad train ner: the name tagger's weights from an ANERcorp split in
// the shared layout. The first four fifths of the documents (file order)
// are the training part, the last fifth is held out; the epoch count and
// the rules+model policy are chosen on the last --dev-docs documents of
// the training part, then the model is retrained on the whole training
// part. With --predict it instead writes the held-out fifth's mentions as
// JSON Lines for ../shared/tools/score_aner.py.
func runTrain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "ner" {
		return usageError{"usage: rasad train ner --data DIR [--out FILE | --predict FILE]"}
	}
	fs := newFlags("train ner", stderr, "--data DIR [--out FILE | --predict FILE [--system S] [--part P]]")
	data := fs.String("data", "../shared/gold/anercorp-dev", "ANERcorp split: DIR/docs.jsonl and DIR/gold.jsonl")
	out := fs.String("out", "", "write the trained weights here (gzipped)")
	epochs := fs.Int("epochs", 25, "most passes over the training data (the best on the development slice is kept)")
	seed := fs.Uint64("seed", 1, "seed of the shuffles")
	minCount := fs.Int("min-count", 2, "drop features seen fewer times in training")
	prune := fs.Float64("prune", 0.5, "drop features whose largest averaged weight is below this")
	devDocs := fs.Int("dev-docs", 16, "documents at the end of the training part used for development")
	predict := fs.String("predict", "", "write predictions (JSON Lines) of the embedded or --model weights here instead of training")
	modelPath := fs.String("model", "", "with --predict: weights file (default: the embedded ones)")
	system := fs.String("system", "combined", "with --predict: model, rules or combined")
	policy := fs.String("policy", entities.DefaultModelPolicy.String(), "with --predict --system combined: fill, model-first, lexicon-first, longer")
	devOut := fs.String("dev-model", "", "also write the model trained without the development slice here (for error analysis on it)")
	cv := fs.Int("cv", 0, "instead of training: K-fold cross-validation over the training part (feature and policy choices), the held-out fifth untouched")
	lexDir := fs.String("lexicons", "", "read lexicon files from this directory first (lexicon.SetDir)")
	hints := fs.Bool("hints", false, "train with the rules' mentions as features (the model then runs after the rules)")
	propagate := fs.Bool("propagate", true, "tag the other occurrences in a text of the names the model found")
	part := fs.String("part", "heldout", "with --predict: heldout (last fifth), dev (the development slice) or train")
	if _, err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *lexDir != "" {
		lexicon.SetDir(*lexDir)
	}
	docs, err := ner.LoadANER(*data)
	if err != nil {
		return err
	}
	cut := len(docs) * 4 / 5
	if cut < 2 || *devDocs <= 0 || *devDocs >= cut {
		return usageError{fmt.Sprintf("%d documents: too few for a four-fifths split with %d development documents", len(docs), *devDocs)}
	}
	// the rules' mentions, as hints for training and for --predict
	prev := entities.SetModelPolicy(entities.ModelOff)
	for i := range docs {
		docs[i].Hints = entities.Hints(entities.Find(docs[i].Text, docs[i].Toks, entities.Options{}))
	}
	entities.SetModelPolicy(prev)
	train, held := docs[:cut], docs[cut:]
	fit, dev := train[:cut-*devDocs], train[cut-*devDocs:]
	if *predict != "" {
		var m *ner.Model
		if *modelPath != "" {
			f, err := os.Open(*modelPath)
			if err != nil {
				return err
			}
			m, err = ner.Read(bufio.NewReader(f))
			f.Close()
			if err != nil {
				return err
			}
		} else if m, err = ner.Default(); err != nil {
			return err
		}
		p, ok := entities.ParseModelPolicy(*policy)
		if !ok {
			return usageError{fmt.Sprintf("--policy %q: want fill, model-first, lexicon-first or longer", *policy)}
		}
		switch *system {
		case "model":
			p = entities.ModelOnly
		case "rules":
			p = entities.ModelOff
		case "combined":
		default:
			return usageError{fmt.Sprintf("--system %q: want model, rules or combined", *system)}
		}
		set := held
		switch *part {
		case "dev":
			set = dev
		case "train":
			set = train
		case "heldout":
		default:
			return usageError{fmt.Sprintf("--part %q: want heldout, dev or train", *part)}
		}
		return writePredictions(*predict, set, m, p, *propagate, stderr)
	}
	if *cv > 1 {
		return crossValidate(ctx, train, *cv, ner.TrainOptions{Epochs: *epochs, Seed: *seed, MinCount: *minCount, Prune: *prune, Hints: *hints, Propagate: *propagate}, stdout)
	}
	if *out == "" {
		return usageError{"rasad train ner: --out FILE or --predict FILE"}
	}
	fmt.Fprintf(stderr, "%d documents: training on %d (fit %d + development %d), holding out %d\n", len(docs), cut, len(fit), len(dev), len(held))
	t0 := time.Now()
	m1, best := ner.Train(fit, ner.TrainOptions{Epochs: *epochs, Seed: *seed, MinCount: *minCount, Prune: *prune, Dev: dev, Propagate: *propagate, Hints: *hints,
		Progress: func(e int, sc ner.Scores) {
			fmt.Fprintf(stderr, "epoch %2d  development %s\n", e, sc)
		}})
	fmt.Fprintf(stderr, "best epoch %d (%.0fs)\n", best, time.Since(t0).Seconds())
	if err := ctx.Err(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "policies on the development slice (model of epoch %d, trained without it):\n", best)
	for _, p := range []entities.ModelPolicy{entities.ModelOff, entities.ModelOnly, entities.ModelFill, entities.ModelFirst, entities.ModelLexicon, entities.ModelLonger, entities.ModelPlusLexicon, entities.ModelGated} {
		fmt.Fprintf(stderr, "  %-13s %s\n", p, scoreSystem(dev, m1, p, *propagate))
	}
	if *devOut != "" {
		if err := writeModel(*devOut, m1); err != nil {
			return err
		}
	}
	m, _ := ner.Train(train, ner.TrainOptions{Epochs: best, Seed: *seed, MinCount: *minCount, Prune: *prune, Hints: *hints})
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d features, %d bytes, %d epochs on %d documents\n", *out, m.Features(), buf.Len(), best, len(train))
	return nil
}

// crossValidate trains on K-1 folds of docs and scores the remaining one,
// K times, and prints the pooled scores of the model and of each policy.
func crossValidate(ctx context.Context, docs []ner.Doc, k int, opts ner.TrainOptions, w io.Writer) error {
	policies := []entities.ModelPolicy{entities.ModelOff, entities.ModelOnly, entities.ModelFill, entities.ModelFirst, entities.ModelLexicon, entities.ModelLonger, entities.ModelPlusLexicon, entities.ModelGated}
	pooled := make([]ner.Scores, len(policies))
	for f := range k {
		if err := ctx.Err(); err != nil {
			return err
		}
		lo, hi := f*len(docs)/k, (f+1)*len(docs)/k
		fit := append(append([]ner.Doc(nil), docs[:lo]...), docs[hi:]...)
		o := opts
		o.Dev = docs[lo:hi]
		m, best := ner.Train(fit, o)
		for i, p := range policies {
			sc := scoreSystem(docs[lo:hi], m, p, opts.Propagate)
			for t := range sc.ByType {
				pooled[i].ByType[t].TP += sc.ByType[t].TP
				pooled[i].ByType[t].Pred += sc.ByType[t].Pred
				pooled[i].ByType[t].Gold += sc.ByType[t].Gold
			}
		}
		fmt.Fprintf(w, "fold %d: docs %d-%d, best epoch %d, features %d\n", f+1, lo, hi-1, best, m.Features())
	}
	for i, p := range policies {
		fmt.Fprintf(w, "  %-13s %s\n", p, pooled[i])
	}
	return nil
}

func writeModel(path string, m *ner.Model) error {
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// systemMentions are the mentions of one system on a document.
func systemMentions(d *ner.Doc, t *ner.Tagger, p entities.ModelPolicy) []rasad.Mention {
	prev := entities.SetModelPolicy(entities.ModelOff)
	rules := entities.Find(d.Text, d.Toks, entities.Options{})
	entities.SetModelPolicy(prev)
	if p == entities.ModelOff {
		return rules
	}
	model := entities.TagModel(t, d.Text, d.Toks, rules, entities.CommonWordsOf([]string{d.Text}, [][]text.Token{d.Toks}))
	return entities.Combine(d.Text, d.Toks, rules, model, p)
}

func scoreSystem(docs []ner.Doc, m *ner.Model, p entities.ModelPolicy, propagate bool) ner.Scores {
	t := ner.NewTagger(m)
	t.Propagate = propagate
	var sc ner.Scores
	for i := range docs {
		var pred []ner.Span
		for _, mn := range systemMentions(&docs[i], t, p) {
			pred = append(pred, ner.Span{Start: mn.Start, End: mn.End, Type: mn.Type})
		}
		sc.Add(&docs[i], pred)
	}
	return sc
}

func writePredictions(path string, docs []ner.Doc, m *ner.Model, p entities.ModelPolicy, propagate bool, stderr io.Writer) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	t := ner.NewTagger(m)
	t.Propagate = propagate
	var sc ner.Scores
	type span struct {
		Start int     `json:"start"`
		End   int     `json:"end"`
		Type  string  `json:"type"`
		Rule  string  `json:"rule"`
		Text  string  `json:"text"`
		Conf  float64 `json:"confidence"`
	}
	for i := range docs {
		d := &docs[i]
		ms := systemMentions(d, t, p)
		rec := struct {
			Doc      string `json:"doc"`
			Mentions []span `json:"mentions"`
		}{Doc: d.ID, Mentions: []span{}}
		var pred []ner.Span
		for _, mn := range ms {
			rec.Mentions = append(rec.Mentions, span{mn.Start, mn.End, mn.Type, mn.Rule, mn.Text, mn.Confidence})
			pred = append(pred, ner.Span{Start: mn.Start, End: mn.End, Type: mn.Type})
		}
		sc.Add(d, pred)
		b, err := json.Marshal(rec)
		if err != nil {
			f.Close()
			return err
		}
		w.Write(b)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	fmt.Fprintf(stderr, "%d documents, policy %s: %s\n", len(docs), p, sc)
	return f.Close()
}
