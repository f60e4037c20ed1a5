package story

import (
	"sort"
)

// assemble turns clusters into stories with their copies and sources.
func assemble(docs []Doc, clusters []*cluster, storyOf []int, pairs []Pair) Result {
	res := Result{Pairs: pairs, StoryOf: map[string]string{}}
	byID := map[string]int{}
	for i, d := range docs {
		byID[d.ID] = i
	}
	// union-find over copies: a copy is not an independent source
	parent := make([]int, len(docs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, p := range pairs {
		// copies and rewrites of one report are one source (a sample of
		// rewrites judged by hand were all the same wire story re-edited)
		a, b := find(byID[p.A]), find(byID[p.B])
		if a != b {
			parent[b] = a
		}
	}
	pairsOf := map[int][][2]string{}
	for _, p := range pairs {
		if ca, cb := storyOf[byID[p.A]], storyOf[byID[p.B]]; ca == cb {
			pairsOf[ca] = append(pairsOf[ca], [2]string{p.A, p.B})
		}
	}
	for ci, c := range clusters {
		if c.merged >= 0 || len(c.members) == 0 {
			continue
		}
		members := append([]int(nil), c.members...)
		sort.Slice(members, func(a, b int) bool {
			da, db := docs[members[a]], docs[members[b]]
			if !da.Published.Equal(db.Published) {
				return da.Published.Before(db.Published)
			}
			return da.ID < db.ID
		})
		s := Story{ID: c.id, Title: docs[c.rep].Title}
		outlets := map[string]bool{}
		ents := map[string]int{}
		names := map[string]string{}
		groups := map[int]bool{}
		for _, m := range members {
			d := docs[m]
			s.Articles = append(s.Articles, d.ID)
			res.StoryOf[d.ID] = s.ID
			if d.Outlet != "" {
				outlets[d.Outlet] = true
			}
			if !d.Published.IsZero() {
				if s.FirstSeen.IsZero() || d.Published.Before(s.FirstSeen) {
					s.FirstSeen = d.Published
				}
				if d.Published.After(s.LastSeen) {
					s.LastSeen = d.Published
				}
			}
			seen := map[string]bool{}
			for _, e := range d.Entities {
				if !seen[e] {
					seen[e] = true
					ents[e]++
				}
				if n, ok := d.Names[e]; ok && (names[e] == "" || len(n) > len(names[e])) {
					names[e] = n
				}
			}
			groups[find(m)] = true
		}
		for o := range outlets {
			s.Outlets = append(s.Outlets, o)
		}
		sort.Strings(s.Outlets)
		for _, k := range topKeys(ents, 8) {
			if n := names[k]; n != "" {
				k = n
			}
			s.Entities = append(s.Entities, k)
		}
		s.Copies = pairsOf[ci]
		if s.Copies == nil {
			s.Copies = [][2]string{}
		}
		s.Independent = len(groups)
		res.Stories = append(res.Stories, s)
	}
	sort.SliceStable(res.Stories, func(i, j int) bool {
		a, b := res.Stories[i], res.Stories[j]
		if len(a.Articles) != len(b.Articles) {
			return len(a.Articles) > len(b.Articles)
		}
		return a.ID < b.ID
	})
	return res
}

func topKeys(m map[string]int, n int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if m[out[i]] != m[out[j]] {
			return m[out[i]] > m[out[j]]
		}
		return out[i] < out[j]
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}
