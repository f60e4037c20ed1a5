package rasad

import (
	"context"
	"errors"
	"time"
)

// StoryCluster is a story as incremental assignment keeps it: the
// centroid that new articles are compared with (nil once the story left
// the active window) and what listing stories shows.
type StoryCluster struct {
	ID string `json:"id"`
	// Seq orders stories by creation (ties between equally close stories
	// go to the older one).
	Seq      int64              `json:"seq"`
	First    time.Time          `json:"first_seen"`
	Last     time.Time          `json:"last_seen"`
	Rep      string             `json:"rep"` // article whose headline names the story
	RepSim   float64            `json:"rep_sim"`
	Title    string             `json:"title"`
	SS       float64            `json:"ss"` // sum of squares of the centroid
	Centroid map[string]float64 `json:"centroid,omitempty"`
	Size     int                `json:"size"`
	// Entities counts the articles naming each entity key; Names gives
	// their display names; Outlets counts articles per outlet.
	Entities map[string]int    `json:"entities,omitempty"`
	Names    map[string]string `json:"names,omitempty"`
	Outlets  map[string]int    `json:"outlets,omitempty"`
}

// StorySig is an article's near-duplicate signature, kept while the
// article is inside the copy window.
type StorySig struct {
	ArticleID string    `json:"article_id"`
	Seq       int64     `json:"seq"` // processing order
	Published time.Time `json:"published"`
	Sig       []byte    `json:"sig"`
}

// StoryMeta is the incremental story state's header.
type StoryMeta struct {
	// N is the number of articles assigned; Latest the latest publication
	// time among them; NextSeq numbers the next story and signature.
	N       int       `json:"n"`
	Latest  time.Time `json:"latest"`
	NextSeq int64     `json:"next_seq"`
	// Version counts saved steps, so a process holding the state in
	// memory sees that another one changed it.
	Version int64 `json:"version"`
}

// StoryStep is what one incremental step changed, saved in one
// transaction.
type StoryStep struct {
	// Reset clears every story, copy, term count and signature first (a
	// full rebuild).
	Reset bool
	Meta  StoryMeta
	// DF adds to the document frequencies of terms.
	DF map[string]int
	// Clusters are written whole (upsert); Removed stories are deleted
	// (merged into another).
	Clusters []StoryCluster
	Removed  []string
	// Renames move the members of a story to another, in order (merges).
	Renames [][2]string
	// Members assign articles to stories.
	Members map[string]string
	Sigs    []StorySig
	// Expired drops signatures published before this time.
	Expired time.Time
	Copies  []CopyPair
}

// StoryStore keeps incremental story assignment: document frequencies,
// active stories, signatures of the copy window, members and copies.
type StoryStore interface {
	StoryMeta(ctx context.Context) (StoryMeta, error)
	// TermDF returns the document frequencies of terms (absent: 0).
	TermDF(ctx context.Context, terms []string) (map[string]int, error)
	// StoryClusters returns the stories last seen at or after since (all
	// when since is zero), by Seq; withCentroid loads centroids.
	StoryClusters(ctx context.Context, since time.Time, withCentroid bool) ([]StoryCluster, error)
	// StorySigs returns the signatures published at or after since, by Seq.
	StorySigs(ctx context.Context, since time.Time) ([]StorySig, error)
	// SaveStoryStep applies a step in one transaction. It fails with
	// ErrConflict when the stored Version is not step.Meta.Version-1 (another
	// process saved a step meanwhile).
	SaveStoryStep(ctx context.Context, step StoryStep) error
	// Unassigned returns up to limit stored articles without a story, in
	// publication order (undated last).
	Unassigned(ctx context.Context, limit int) ([]string, error)
}

// ErrConflict is a write based on state another writer changed meanwhile.
var ErrConflict = errors.New("conflicting concurrent change")
