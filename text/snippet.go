package text

import "strings"

// QueryTerms turns a user query into groups of stems: a document matches a
// group when one of its words has one of the group's stems (text.Variants),
// and matches the query when it matches every group.
func QueryTerms(q string) [][]string {
	var out [][]string
	seen := map[string]bool{}
	for _, t := range Tokenize(q) {
		if t.Kind == Punct {
			continue
		}
		vs := Variants(t.Key)
		k := strings.Join(vs, "|")
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, vs)
	}
	return out
}

// Snippet finds the window of about width words of src where most query
// stems match, widened to nearby sentence ends, and returns its span and the
// spans of the matching words. skip marks byte ranges (residue) to ignore.
func Snippet(src string, terms [][]string, width int, skip []Span) (Span, []Span) {
	want := map[string]int{}
	for i, g := range terms {
		for _, s := range g {
			want[s] = i
		}
	}
	toks := Tokenize(src)
	var words []Token
	var group []int
	si := 0
	for _, t := range toks {
		if t.Kind == Punct {
			continue
		}
		for si < len(skip) && skip[si].End <= t.Start {
			si++
		}
		if si < len(skip) && skip[si].Start <= t.Start && t.End <= skip[si].End {
			continue
		}
		g := -1
		for _, v := range Variants(t.Key) {
			if gi, ok := want[v]; ok {
				g = gi
				break
			}
		}
		words = append(words, t)
		group = append(group, g)
	}
	if len(words) == 0 {
		return Span{}, nil
	}
	if width <= 0 {
		width = 30
	}
	// sliding window maximising the number of distinct groups, then hits
	best, bestScore := 0, -1
	count := make([]int, len(terms))
	distinct, hits := 0, 0
	for i := range words {
		if g := group[i]; g >= 0 {
			if count[g] == 0 {
				distinct++
			}
			count[g]++
			hits++
		}
		if i >= width {
			if g := group[i-width]; g >= 0 {
				count[g]--
				if count[g] == 0 {
					distinct--
				}
				hits--
			}
		}
		score := distinct*1000 + hits
		if score > bestScore {
			bestScore = score
			best = max(0, i-width+1)
		}
	}
	end := min(len(words), best+width)
	// start a few words before the first hit in the window
	first := best
	for first < end && group[first] < 0 {
		first++
	}
	if first == end {
		first = best
	}
	start := max(0, first-6)
	end = min(len(words), start+width)
	sp := Span{words[start].Start, words[end-1].End}
	// extend to the end of a closing punctuation token
	for _, t := range toks {
		if t.Start == sp.End && t.Kind == Punct {
			sp.End = t.End
		}
	}
	var marks []Span
	for i := start; i < end; i++ {
		if group[i] >= 0 {
			marks = append(marks, Span{words[i].Start, words[i].End})
		}
	}
	return sp, marks
}
