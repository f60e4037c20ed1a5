package story

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/rasad/rasad"
)

// TimelineRules names the generation of the timeline rules (Timeline,
// FromArticles, the names it resolves): stored story timelines built by
// another generation are rebuilt. Bump it with every change that alters
// what Timeline returns for the same articles.
const TimelineRules = 3

// StoryTimeline builds the timeline of one story's articles as it is
// stored: the copy pairs are narrowed to those touching the story's
// articles, so that the result depends on the story alone (not on which
// other stories were built with it).
func StoryTimeline(arts []*rasad.Article, copies []rasad.CopyPair) []Entry {
	in := make(map[string]bool, len(arts))
	for _, a := range arts {
		in[a.ID] = true
	}
	var own []rasad.CopyPair
	for _, c := range copies {
		if in[c.A] || in[c.B] {
			own = append(own, c)
		}
	}
	return FromArticles(arts, DisplayID, own)
}

// EncodeEntries is how entries are stored (a JSON array, [] when empty).
func EncodeEntries(es []Entry) ([]byte, error) {
	if es == nil {
		es = []Entry{}
	}
	return json.Marshal(es)
}

// StoredEntries reads stored story timelines into one list in timeline
// order (by date, the most salient first). Stories are kept apart: an
// event told in two stories is two entries, one per story.
func StoredEntries(tls []rasad.StoryTimeline) ([]Entry, error) {
	lists := make([][]Entry, len(tls))
	for i, t := range tls {
		es, err := DecodeEntries(t)
		if err != nil {
			return nil, err
		}
		lists[i] = es
	}
	return MergeEntries(lists...), nil
}

// DecodeEntries reads one stored timeline's entries.
func DecodeEntries(t rasad.StoryTimeline) ([]Entry, error) {
	var es []Entry
	if err := json.Unmarshal(t.Entries, &es); err != nil {
		return nil, fmt.Errorf("stored timeline of %s: %w", t.Story, err)
	}
	return es, nil
}

// MergeEntries puts the entries of several stories (in story order) into
// one list in timeline order; the lists are not changed.
func MergeEntries(lists ...[]Entry) []Entry {
	var out []Entry
	for _, es := range lists {
		out = append(out, es...)
	}
	sortEntries(out)
	return out
}

// CollapseStories folds the entries that several stories tell alike —
// the same date, type, mode, status, place and participants — into the
// first (the most salient, entries being in timeline order), which takes
// the sources the others add (by publication, an article's same quote
// once); the sources a fold adds count toward its independent sources as
// they did in their own story. It is a view for reading many stories at
// once (a background event that many stories recall); merging stays each
// story's own.
func CollapseStories(es []Entry) []Entry {
	key := func(e Entry) string {
		ps := make([]string, 0, len(e.Participants))
		for _, p := range e.Participants {
			ps = append(ps, p.Type+":"+p.Key)
		}
		slices.Sort(ps)
		place := ""
		if e.Place != nil {
			place = e.Place.Key
		}
		return strings.Join([]string{e.Date, e.Until, e.Precision, e.Type, e.Mode, e.Status, place, strings.Join(ps, ",")}, "|")
	}
	first := map[string]int{}
	out := make([]Entry, 0, len(es))
	for _, e := range es {
		k := key(e)
		i, seen := first[k]
		if !seen {
			first[k] = len(out)
			out = append(out, e)
			continue
		}
		f := &out[i]
		srcs := slices.Clone(f.Sources)
		for _, s := range e.Sources {
			if slices.ContainsFunc(srcs, func(x Source) bool { return x.Article == s.Article && x.Quote == s.Quote }) {
				continue
			}
			srcs = append(srcs, s)
			if s.Independent {
				f.Independent++
			}
		}
		sort.SliceStable(srcs, func(a, b int) bool { return srcs[a].Published < srcs[b].Published })
		f.Sources = srcs
	}
	return out
}
