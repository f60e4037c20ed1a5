package rasad

import "context"

// StoryTimeline is a story's timeline as stored: its entries (JSON, as the
// story package builds them) under the version of the rules that built
// them, so that reading a timeline never recomputes it.
type StoryTimeline struct {
	Story string `json:"story"`
	// Version names the analysis rules and the timeline rules that built
	// the entries; a stored timeline of another version is stale.
	Version string `json:"version"`
	// Entries is the JSON array of the story's entries, in timeline order.
	Entries []byte `json:"entries"`
	// Mark is the change mark the timeline was built after (see
	// StaleTimelines); SaveTimelines clears marks up to it only.
	Mark int64 `json:"-"`
}

// TimelineStore keeps every story's timeline entries. A change to a story
// (an article assigned to it, a merge, a copy pair touching its articles,
// a new analysis of one of its articles) marks it stale in the same
// transaction as the change, so that a process killed between the change
// and the rebuilt timeline leaves the mark for the next run.
type TimelineStore interface {
	// StaleTimelines returns the stories whose stored timeline is marked
	// changed, missing, or of another version than version, by story ID,
	// each with the latest change mark (Entries empty).
	StaleTimelines(ctx context.Context, version string) ([]StoryTimeline, error)
	// StoryMembers returns the articles of each given story, sorted.
	StoryMembers(ctx context.Context, stories []string) (map[string][]string, error)
	// StoriesOf returns the story of each given article that has one.
	StoriesOf(ctx context.Context, ids []string) (map[string]string, error)
	// CopiesOf returns the copy pairs that involve any of the articles,
	// ordered by A then B.
	CopiesOf(ctx context.Context, ids []string) ([]CopyPair, error)
	// TimelineArticles loads what a timeline reads of the articles (text,
	// publication date, first report, mentions and events), in the order
	// of ids; unknown IDs are left out.
	TimelineArticles(ctx context.Context, ids []string) ([]*Article, error)
	// SaveTimelines stores timelines in one transaction and clears each
	// story's change marks up to its Mark. A story that no longer has
	// members has its stored timeline deleted.
	SaveTimelines(ctx context.Context, tls []StoryTimeline) error
	// StoryTimelines returns the stored timelines of the given stories (of
	// every story when stories is nil), by story ID, whatever their
	// version.
	StoryTimelines(ctx context.Context, stories []string) ([]StoryTimeline, error)
}
