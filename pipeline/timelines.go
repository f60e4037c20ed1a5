package pipeline

import (
	"context"
	"fmt"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/collection"
	"github.com/rasad/rasad/story"
)

// TimelineVersion names the rules stored story timelines are built by:
// the analysis rules' and the timeline rules' generations.
func TimelineVersion() string {
	return fmt.Sprintf("a%d.t%d", collection.Version, story.TimelineRules)
}

// timelineChunk bounds the articles read at once while rebuilding stored
// timelines (a story larger than it is read alone).
const timelineChunk = 512

// UpdateTimelines rebuilds the stored timeline of every story a change
// marked (an article assigned, a merge, a copy pair, a new analysis) or
// built by other rules, from the story's articles alone, and returns the
// stories it rebuilt. Nothing else is read: a new article costs the
// timelines of the stories it touched. The result is the same whatever
// the order or batching of the changes (each timeline depends on its
// story's articles and their copy pairs only).
func UpdateTimelines(ctx context.Context, store rasad.Store) ([]string, error) {
	version := TimelineVersion()
	stale, err := store.StaleTimelines(ctx, version)
	if err != nil {
		return nil, err
	}
	var done []string
	for len(stale) > 0 {
		if err := ctx.Err(); err != nil {
			return done, err
		}
		// a chunk of stories of at most timelineChunk articles (at least one story)
		n := min(len(stale), 64)
		ids := make([]string, n)
		for i := range ids {
			ids[i] = stale[i].Story
		}
		members, err := store.StoryMembers(ctx, ids)
		if err != nil {
			return done, err
		}
		total, k := 0, 0
		for k < n {
			total += len(members[ids[k]])
			if k > 0 && total > timelineChunk {
				break
			}
			k++
		}
		chunk := stale[:k]
		stale = stale[k:]
		var all []string
		for _, t := range chunk {
			all = append(all, members[t.Story]...)
		}
		arts, err := store.TimelineArticles(ctx, all)
		if err != nil {
			return done, err
		}
		byID := make(map[string]*rasad.Article, len(arts))
		for _, a := range arts {
			byID[a.ID] = a
		}
		copies, err := store.CopiesOf(ctx, all)
		if err != nil {
			return done, err
		}
		out := make([]rasad.StoryTimeline, 0, len(chunk))
		for _, t := range chunk {
			var sa []*rasad.Article
			for _, id := range members[t.Story] {
				if a := byID[id]; a != nil {
					sa = append(sa, a)
				}
			}
			b, err := story.EncodeEntries(story.StoryTimeline(sa, copies))
			if err != nil {
				return done, err
			}
			out = append(out, rasad.StoryTimeline{Story: t.Story, Version: version, Entries: b, Mark: t.Mark})
		}
		if err := store.SaveTimelines(ctx, out); err != nil {
			return done, err
		}
		for _, t := range chunk {
			done = append(done, t.Story)
		}
	}
	return done, nil
}
