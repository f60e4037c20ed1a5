package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/lexicon"
	"github.com/rasad/rasad/text"
)

// EntityScore is the entity stage's score on the gold.
type EntityScore struct {
	People, PeopleExact   int      // gold people; found as exactly one cluster holding all their forms
	PeopleProblems        []string // what went wrong for the others
	Mixed                 []string // clusters holding two gold people
	OrgGold, OrgFound     int
	LocGold, LocFound     int
	OrgMissed, LocMissed  []string
	Clusters, RealMatched int      // predicted clusters; those that match a gold entity
	Unmatched             []string // predicted clusters matching no gold entity (judge by hand)
	All                   []entities.Cluster
}

// formKey compares surface forms: word keys without punctuation.
func formKey(s string) string { return strings.Join(lexicon.WordKeys(s), " ") }

// SeedEntities runs the entity stage on the seeds (two passes, so the
// collection teaches surnames).
func SeedEntities(docs []SeedDoc) []entities.Cluster {
	in := make([]entities.Input, len(docs))
	for i, d := range docs {
		doc := analysis.NewDoc(d.Article)
		in[i] = entities.Input{ID: short(d.Name), Text: doc.Text, Tokens: doc.Tokens}
	}
	return entities.Clusters(entities.FindAll(in))
}

// ScoreEntities scores clusters against the gold entities: each gold
// person must be one cluster holding all its forms and no other gold
// person's; ORG and LOC are recalled by any form (of either type);
// precision is the share of predicted clusters that match a gold entity.
func ScoreEntities(g *Gold, cs []entities.Cluster) EntityScore {
	s := EntityScore{All: cs, Clusters: len(cs)}
	aliasKeys := make([]map[string]bool, len(cs))
	for i, c := range cs {
		aliasKeys[i] = map[string]bool{}
		for _, a := range c.Aliases {
			aliasKeys[i][formKey(a)] = true
		}
	}
	matched := make([]bool, len(cs))
	holders := make([]map[string]bool, len(cs)) // gold people per cluster
	names := sortedGold(g.Entities["PERSON"])
	for _, name := range names {
		forms := g.Entities["PERSON"][name]
		s.People++
		var hit []int
		for i, c := range cs {
			if c.Type != "PERSON" {
				continue
			}
			for _, f := range forms {
				if aliasKeys[i][formKey(f)] {
					hit = append(hit, i)
					break
				}
			}
		}
		for _, i := range hit {
			matched[i] = true
			if holders[i] == nil {
				holders[i] = map[string]bool{}
			}
			holders[i][name] = true
		}
		switch {
		case len(hit) == 0:
			s.PeopleProblems = append(s.PeopleProblems, name+": not found")
		case len(hit) > 1:
			var parts []string
			for _, i := range hit {
				parts = append(parts, fmt.Sprintf("%q", cs[i].Name))
			}
			s.PeopleProblems = append(s.PeopleProblems, name+": split over "+strings.Join(parts, ", "))
		default:
			var missing []string
			for _, f := range forms {
				if !aliasKeys[hit[0]][formKey(f)] {
					missing = append(missing, f)
				}
			}
			if len(missing) > 0 {
				s.PeopleProblems = append(s.PeopleProblems, fmt.Sprintf("%s: cluster %q lacks %q", name, cs[hit[0]].Name, missing))
			} else {
				s.PeopleExact++
			}
		}
	}
	for i, h := range holders {
		if len(h) > 1 {
			var ns []string
			for n := range h {
				ns = append(ns, n)
			}
			sort.Strings(ns)
			s.Mixed = append(s.Mixed, fmt.Sprintf("%q holds %s", cs[i].Name, strings.Join(ns, " + ")))
		}
	}
	recall := func(typ string, gold map[string][]string) (int, int, []string) {
		found := 0
		var missed []string
		for _, name := range sortedGold(gold) {
			ok := false
			for i, c := range cs {
				if c.Type != "ORG" && c.Type != "LOC" {
					continue
				}
				for _, f := range gold[name] {
					if aliasKeys[i][formKey(f)] {
						ok = true
						matched[i] = true
					}
				}
			}
			if ok {
				found++
			} else {
				missed = append(missed, name)
			}
		}
		return len(gold), found, missed
	}
	s.OrgGold, s.OrgFound, s.OrgMissed = recall("ORG", g.Entities["ORG"])
	s.LocGold, s.LocFound, s.LocMissed = recall("LOC", g.Entities["LOC"])
	for i, c := range cs {
		if matched[i] {
			s.RealMatched++
		} else {
			s.Unmatched = append(s.Unmatched, fmt.Sprintf("%s %q (%d mentions; %s)", c.Type, c.Name, c.Mentions, strings.Join(c.Aliases, "، ")))
		}
	}
	return s
}

func sortedGold(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// AnerDoc is one document of the ANERcorp dev set with its gold mentions.
type AnerDoc struct {
	ID     string
	Text   string
	Tokens [][2]int      // the corpus tokens, byte offsets
	Gold   []AnerMention // PERS, LOC, ORG
}

// AnerMention is a mention span with an ANERcorp type (PERS, LOC, ORG).
type AnerMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
}

// LoadAner reads docs.jsonl and gold.jsonl of an ANERcorp folder.
func LoadAner(dir string) ([]AnerDoc, error) {
	type docLine struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	}
	type goldLine struct {
		Doc      string        `json:"doc"`
		Tokens   [][2]int      `json:"tokens"`
		Mentions []AnerMention `json:"mentions"`
	}
	var docs []AnerDoc
	byID := map[string]int{}
	err := readJSONL(filepath.Join(dir, "docs.jsonl"), func(line []byte) error {
		var d docLine
		if err := json.Unmarshal(line, &d); err != nil {
			return err
		}
		byID[d.ID] = len(docs)
		docs = append(docs, AnerDoc{ID: d.ID, Text: d.Text})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readJSONL(filepath.Join(dir, "gold.jsonl"), func(line []byte) error {
		var g goldLine
		if err := json.Unmarshal(line, &g); err != nil {
			return err
		}
		i, ok := byID[g.Doc]
		if !ok {
			return fmt.Errorf("gold for unknown document %q", g.Doc)
		}
		docs[i].Tokens, docs[i].Gold = g.Tokens, g.Mentions
		return nil
	})
	return docs, err
}

func readJSONL(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<26)
	n := 0
	for sc.Scan() {
		n++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		if err := fn(sc.Bytes()); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// AnerMentions runs the entity stage over the documents as one collection
// (two passes, as rasad annotate does) and returns each one's mentions.
func AnerMentions(docs []AnerDoc) [][]rasad.Mention {
	in := make([]entities.Input, len(docs))
	for i, d := range docs {
		in[i] = entities.Input{ID: d.ID, Text: d.Text, Tokens: text.Tokenize(d.Text)}
	}
	out := make([][]rasad.Mention, len(docs))
	for i, dm := range entities.FindAll(in) {
		out[i] = dm.Mentions
	}
	return out
}

// AnerTypes maps Rasad's types to ANERcorp's, as score_aner.py does.
var AnerTypes = map[string]string{"PERSON": "PERS", "PER": "PERS", "PERS": "PERS", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG"}

// PRF is a precision/recall count.
type PRF struct{ TP, Pred, Gold int }

func (c PRF) P() float64  { return ratio(c.TP, c.Pred) }
func (c PRF) R() float64  { return ratio(c.TP, c.Gold) }
func (c PRF) F1() float64 { return f1(c.P(), c.R()) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// AnerError is one miss or spurious prediction, for reading by hand.
type AnerError struct {
	Doc, Kind, Type, Text, Rule string // Kind: missed | spurious
	Start, End                  int
}

// AnerScore is the mention-level score of score_aner.py: exact span and
// type, a predicted span widened to the whole corpus tokens it touches.
type AnerScore struct {
	ByType map[string]*PRF // PERS LOC ORG
	All    PRF
	Errors []AnerError
}

// ScoreAner scores predicted mentions (pred[i] for docs[i]).
func ScoreAner(docs []AnerDoc, pred [][]rasad.Mention) AnerScore {
	s := AnerScore{ByType: map[string]*PRF{"PERS": {}, "LOC": {}, "ORG": {}}}
	type key struct {
		typ        string
		start, end int
	}
	for i, d := range docs {
		gold := map[key]bool{}
		for _, m := range d.Gold {
			if _, ok := s.ByType[m.Type]; ok {
				gold[key{m.Type, m.Start, m.End}] = true
			}
		}
		got := map[key]string{}
		for _, m := range pred[i] {
			ty := AnerTypes[strings.ToUpper(m.Type)]
			if ty == "" {
				continue
			}
			// widen to whole tokens (binary search on the sorted tokens)
			lo := sort.Search(len(d.Tokens), func(j int) bool { return d.Tokens[j][1] > m.Start })
			hi := lo
			for hi < len(d.Tokens) && d.Tokens[hi][0] < m.End {
				hi++
			}
			if hi == lo {
				continue
			}
			got[key{ty, d.Tokens[lo][0], d.Tokens[hi-1][1]}] = m.Rule
		}
		for k, rule := range got {
			s.ByType[k.typ].Pred++
			if gold[k] {
				s.ByType[k.typ].TP++
			} else {
				s.Errors = append(s.Errors, AnerError{Doc: d.ID, Kind: "spurious", Type: k.typ, Start: k.start, End: k.end, Text: d.Text[k.start:k.end], Rule: rule})
			}
		}
		for k := range gold {
			s.ByType[k.typ].Gold++
			if _, ok := got[k]; !ok {
				s.Errors = append(s.Errors, AnerError{Doc: d.ID, Kind: "missed", Type: k.typ, Start: k.start, End: k.end, Text: d.Text[k.start:k.end]})
			}
		}
	}
	for _, c := range s.ByType {
		s.All.TP += c.TP
		s.All.Pred += c.Pred
		s.All.Gold += c.Gold
	}
	sort.Slice(s.Errors, func(i, j int) bool {
		a, b := s.Errors[i], s.Errors[j]
		if a.Doc != b.Doc {
			return a.Doc < b.Doc
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.Kind+a.Type < b.Kind+b.Type
	})
	return s
}
