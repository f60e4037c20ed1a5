package eval

import (
	"fmt"
	"sort"
	"strings"

	"github.com/rasad/rasad/analysis"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/lexicon"
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
