package story

import (
	"encoding/json"
	"fmt"

	"github.com/rasad/rasad"
)

// TimelineRules names the generation of the timeline rules (Timeline,
// FromArticles, the names it resolves): stored story timelines built by
// another generation are rebuilt. Bump it with every change that alters
// what Timeline returns for the same articles.
const TimelineRules = 1

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
