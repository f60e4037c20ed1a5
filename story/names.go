package story

import (
	"github.com/rasad/rasad/analysis/entities"
)

// NamesOf gives participants their display data from entity clusters.
func NamesOf(cs []entities.Cluster) Names {
	out := Names{}
	for _, c := range cs {
		out[c.Type+":"+c.Key] = Participant{Type: c.Type, Key: c.Key, Name: c.Name, Aliases: c.Aliases, Role: firstOr(c.Roles), Country: c.Country, articles: len(c.Articles)}
	}
	return out
}

func firstOr(ss []string) string {
	if len(ss) > 0 {
		return ss[0]
	}
	return ""
}
