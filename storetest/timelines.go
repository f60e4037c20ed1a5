package storetest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/rasad/rasad"
)

// testTimelines: a story step marks the stories it changes (members,
// merges, copy pairs) in the same transaction; saving a timeline clears
// the marks up to the one it was built after, not a later one; a new
// analysis marks its articles' stories; a timeline of other rules is
// stale; a merged-away story loses its timeline; a reset clears all.
func testTimelines(t *testing.T, s rasad.Store) {
	defer s.Close()
	ctx := context.Background()
	arts := corpus(t)
	mustPut(t, s, arts...)
	a1, a2, a3 := arts[0].ID, arts[1].ID, arts[2].ID
	stale := func(version string) map[string]int64 {
		t.Helper()
		st, err := s.StaleTimelines(ctx, version)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int64{}
		for _, x := range st {
			out[x.Story] = x.Mark
		}
		return out
	}
	names := func(m map[string]int64) string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		return strings.Join(slices.Sorted(slices.Values(ks)), ",")
	}
	if got := stale("v1"); len(got) != 0 {
		t.Fatalf("stale before any story: %v", got)
	}
	step := rasad.StoryStep{Reset: true, Meta: rasad.StoryMeta{N: 2, NextSeq: 2, Version: 1},
		Members: map[string]string{a1: "s1", a2: "s2"}}
	if err := s.SaveStoryStep(ctx, step); err != nil {
		t.Fatal(err)
	}
	m := stale("v1")
	if names(m) != "s1,s2" {
		t.Fatalf("stale after a step: %v, want s1,s2", m)
	}
	ms, err := s.StoryMembers(ctx, []string{"s1", "s2", "none"})
	if err != nil || len(ms["s1"]) != 1 || ms["s1"][0] != a1 || len(ms["none"]) != 0 {
		t.Fatalf("members %v %v", ms, err)
	}
	if so, err := s.StoriesOf(ctx, []string{a1, a2, a3, "none"}); err != nil || len(so) != 2 || so[a1] != "s1" || so[a2] != "s2" {
		t.Fatalf("stories of: %v %v", so, err)
	}
	// a3 joins s1 after s1's timeline was read: saving what was read
	// leaves the newer mark
	if err := s.SaveStoryStep(ctx, rasad.StoryStep{Meta: rasad.StoryMeta{N: 3, NextSeq: 2, Version: 2}, Members: map[string]string{a3: "s1"}}); err != nil {
		t.Fatal(err)
	}
	err = s.SaveTimelines(ctx, []rasad.StoryTimeline{
		{Story: "s1", Version: "v1", Entries: []byte(`[{"date":"2024-01-01"}]`), Mark: m["s1"]},
		{Story: "s2", Version: "v1", Entries: []byte(`[]`), Mark: m["s2"]},
		{Story: "gone", Version: "v1", Entries: []byte(`[]`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := stale("v1"); names(got) != "s1" {
		t.Fatalf("stale after saving: %v, want s1 (joined meanwhile)", got)
	}
	if got := stale("v2"); names(got) != "s1,s2" {
		t.Fatalf("stale under other rules: %v, want s1,s2", got)
	}
	tls, err := s.StoryTimelines(ctx, nil)
	if err != nil || len(tls) != 2 || tls[0].Story != "s1" || string(tls[0].Entries) != `[{"date":"2024-01-01"}]` || tls[1].Version != "v1" {
		t.Fatalf("stored timelines %+v %v (a story without members is not kept)", tls, err)
	}
	if tls, err := s.StoryTimelines(ctx, []string{"s2", "x"}); err != nil || len(tls) != 1 || tls[0].Story != "s2" {
		t.Fatalf("timelines of s2: %+v %v", tls, err)
	}
	if err := s.SaveTimelines(ctx, []rasad.StoryTimeline{{Story: "s1", Version: "v1", Entries: []byte(`[]`), Mark: stale("v1")["s1"]}}); err != nil {
		t.Fatal(err)
	}
	if got := stale("v1"); len(got) != 0 {
		t.Fatalf("stale after saving all: %v", got)
	}
	// a copy pair marks both sides' stories
	if err := s.SaveStoryStep(ctx, rasad.StoryStep{Meta: rasad.StoryMeta{N: 3, NextSeq: 2, Version: 3},
		Copies: []rasad.CopyPair{{A: a1, B: a2, Kind: "copy", Similarity: 0.9}}}); err != nil {
		t.Fatal(err)
	}
	if got := stale("v1"); names(got) != "s1,s2" {
		t.Fatalf("stale after a copy pair: %v, want s1,s2", got)
	}
	if cs, err := s.CopiesOf(ctx, []string{a2}); err != nil || len(cs) != 1 || cs[0].A != a1 {
		t.Fatalf("copies of a2: %v %v", cs, err)
	}
	save := func() {
		t.Helper()
		var out []rasad.StoryTimeline
		for id, mark := range stale("v1") {
			out = append(out, rasad.StoryTimeline{Story: id, Version: "v1", Entries: []byte(`[]`), Mark: mark})
		}
		if err := s.SaveTimelines(ctx, out); err != nil {
			t.Fatal(err)
		}
	}
	save()
	// a new analysis marks its article's story
	if err := s.SetAnalysis(ctx, map[string]*rasad.Analysis{a2: {Version: 1}}); err != nil {
		t.Fatal(err)
	}
	if got := stale("v1"); names(got) != "s2" {
		t.Fatalf("stale after an analysis: %v, want s2", got)
	}
	save()
	// s2 merged into s1: s1 is marked, s2's timeline is gone
	if err := s.SaveStoryStep(ctx, rasad.StoryStep{Meta: rasad.StoryMeta{N: 3, NextSeq: 2, Version: 4},
		Renames: [][2]string{{"s2", "s1"}}, Removed: []string{"s2"}}); err != nil {
		t.Fatal(err)
	}
	if got := stale("v1"); names(got) != "s1" {
		t.Fatalf("stale after a merge: %v, want s1", got)
	}
	if tls, _ := s.StoryTimelines(ctx, []string{"s2"}); len(tls) != 0 {
		t.Errorf("a merged-away story keeps its timeline: %+v", tls)
	}
	// a reset clears timelines and marks; the stories it assigns are marked
	if err := s.SaveStoryStep(ctx, rasad.StoryStep{Reset: true, Meta: rasad.StoryMeta{N: 1, NextSeq: 1, Version: 1}, Members: map[string]string{a3: "s9"}}); err != nil {
		t.Fatal(err)
	}
	if got := stale("v1"); names(got) != "s9" {
		t.Fatalf("stale after a reset: %v, want s9", got)
	}
	if tls, _ := s.StoryTimelines(ctx, nil); len(tls) != 0 {
		t.Errorf("timelines kept over a reset: %+v", tls)
	}
}
