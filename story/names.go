package story

import (
	"github.com/rasad/rasad/analysis/entities"
)

// NamesOf gives participants their display data from entity clusters.
func NamesOf(cs []entities.Cluster) Names {
	out := Names{}
	for _, c := range cs {
		k := c.Type + ":" + normKey(c.Key)
		p := Participant{Type: c.Type, Key: normKey(c.Key), Name: c.Name, Aliases: c.Aliases, Role: firstOr(c.Roles), Country: c.Country, articles: len(c.Articles)}
		if q, ok := out[k]; ok {
			// a hashtag and the plain name: one entity, shown as the one
			// more articles use
			if q.articles >= p.articles {
				q.Aliases = append(q.Aliases, p.Aliases...)
				q.articles += p.articles
				out[k] = q
				continue
			}
			p.Aliases = append(p.Aliases, q.Aliases...)
			p.articles += q.articles
		}
		out[k] = p
	}
	return out
}

func firstOr(ss []string) string {
	if len(ss) > 0 {
		return ss[0]
	}
	return ""
}
