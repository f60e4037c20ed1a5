package entities

import (
	"sort"
	"strings"
	"unicode"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// Cluster is one entity with every mention of it in a collection.
type Cluster struct {
	Type     string   `json:"type"`
	Key      string   `json:"key"`
	Name     string   `json:"name"`    // the most frequent full form
	Aliases  []string `json:"aliases"` // every surface form seen, and the surname of a full name
	Mentions int      `json:"mentions"`
	Roles    []string `json:"roles,omitempty"`
	Country  string   `json:"country,omitempty"`
	Articles []string `json:"articles"`
}

// DocMentions are the mentions of one article.
type DocMentions struct {
	Doc      string
	Mentions []rasad.Mention
}

// Clusters groups mentions by type and key across articles, sorted by
// mentions (then name). The name is the most frequent form with the most
// words; roles are listed by frequency ("counterpart" last); the country
// is the most frequent one.
func Clusters(docs []DocMentions) []Cluster {
	type acc struct {
		c        Cluster
		forms    map[string]int
		roles    map[string]int
		country  map[string]int
		articles map[string]bool
	}
	byKey := map[string]*acc{}
	var order []string
	for _, d := range docs {
		for _, m := range d.Mentions {
			k := m.Type + "\x00" + m.Key
			a, ok := byKey[k]
			if !ok {
				a = &acc{c: Cluster{Type: m.Type, Key: m.Key}, forms: map[string]int{}, roles: map[string]int{}, country: map[string]int{}, articles: map[string]bool{}}
				byKey[k] = a
				order = append(order, k)
			}
			a.c.Mentions++
			a.forms[cleanForm(m.Text)]++
			if m.Role != "" {
				a.roles[m.Role]++
			}
			if m.Country != "" {
				a.country[m.Country]++
			}
			a.articles[d.Doc] = true
		}
	}
	out := make([]Cluster, 0, len(order))
	for _, k := range order {
		a := byKey[k]
		c := a.c
		c.Aliases = sortedKeys(a.forms, nil)
		best, bestScore := "", -1
		for f, n := range a.forms {
			score := n + 1000*len(strings.Fields(f))
			if a.c.Type != "PERSON" {
				score = n*1000 + len(f)
			}
			if score > bestScore || score == bestScore && f < best {
				best, bestScore = f, score
			}
		}
		c.Name = best
		if parts := strings.Fields(best); c.Type == "PERSON" && len(parts) >= 2 {
			// the surname is how later mentions name the person: list it
			// even where the collection happens not to use it alone
			sur := parts[len(parts)-1]
			if _, seen := a.forms[sur]; !seen {
				c.Aliases = append(c.Aliases, sur)
			}
		}
		c.Roles = sortedKeys(a.roles, func(r string) bool { return r == "counterpart" })
		if cs := sortedKeys(a.country, nil); len(cs) > 0 {
			c.Country = cs[0]
			best := 0
			for _, x := range cs {
				if a.country[x] > best {
					best, c.Country = a.country[x], x
				}
			}
		}
		for art := range a.articles {
			c.Articles = append(c.Articles, art)
		}
		sort.Strings(c.Articles)
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// sortedKeys returns m's keys by count (descending), ties by name; keys
// for which last is true go at the end.
func sortedKeys(m map[string]int, last func(string) bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if last != nil && last(out[i]) != last(out[j]) {
			return !last(out[i])
		}
		if m[out[i]] != m[out[j]] {
			return m[out[i]] > m[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// FindAll finds the mentions of a collection in two passes: the people
// named in full anywhere teach their surnames to every article.
func FindAll(docs []Input) []DocMentions {
	learner := NewLearner()
	all := make([][]text.Token, len(docs))
	srcs := make([]string, len(docs))
	for i, d := range docs {
		all[i], srcs[i] = d.Tokens, d.Text
	}
	common := CommonWordsOf(srcs, all)
	first := make([][]rasad.Mention, len(docs))
	for i, d := range docs {
		first[i] = Find(d.Text, d.Tokens, Options{Common: common})
		learner.Add(first[i])
	}
	known := learner.Known(all...)
	out := make([]DocMentions, len(docs))
	for i, d := range docs {
		out[i] = DocMentions{Doc: d.ID, Mentions: Extend(d.Text, d.Tokens, first[i], known)}
	}
	return out
}

// cleanForm is a mention's text as an alias: hashtag marks (#رجب_طيب_أردوغان)
// and extra spaces out.
func cleanForm(s string) string {
	if plainForm(s) {
		return s // most forms: nothing to clean, no allocation
	}
	s = hashtagMarks.Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

var hashtagMarks = strings.NewReplacer("#", " ", "_", " ")

// plainForm: the text has no hashtag mark and its words are separated by
// single spaces, so cleanForm would return it as it is.
func plainForm(s string) bool {
	space := true // at the start, a space would be leading
	for _, r := range s {
		switch {
		case r == '#' || r == '_':
			return false
		case unicode.IsSpace(r):
			if r != ' ' || space {
				return false
			}
			space = true
		default:
			space = false
		}
	}
	return !space || s == ""
}
