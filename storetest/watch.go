package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/rasad/rasad"
)

func testFeedQueue(t *testing.T, s rasad.Store) {
	defer s.Close()
	ctx := context.Background()
	t0 := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	feed := "http://127.0.0.1/feed.xml"
	items := []rasad.FetchTask{
		{Key: "g1", Version: "v1", URL: "http://127.0.0.1/a1", Item: []byte(`{"title":"أ"}`)},
		{Key: "g2", Version: "v1", URL: "http://127.0.0.1/a2", Item: []byte(`{"title":"ب"}`)},
	}
	st := rasad.FeedState{URL: feed, ETag: `"e1"`, LastModified: "Wed, 01 May 2024 10:00:00 GMT", LastPolled: t0, LastOK: t0, NextPoll: t0.Add(5 * time.Minute), LastStatus: 200}
	n, err := s.SavePoll(ctx, st, items)
	if err != nil || n != 2 {
		t.Fatalf("first poll: %d new, %v", n, err)
	}
	// the same items again: nothing new; one changed: queued again
	items2 := []rasad.FetchTask{items[0], {Key: "g2", Version: "v2", URL: "http://127.0.0.1/a2", Item: []byte(`{"title":"ب٢"}`)}}
	st.LastPolled = t0.Add(5 * time.Minute)
	if n, err := s.SavePoll(ctx, st, items2); err != nil || n != 1 {
		t.Fatalf("second poll: %d new or changed, want 1 (%v)", n, err)
	}
	states, err := s.FeedStates(ctx)
	if err != nil || len(states) != 1 {
		t.Fatalf("feed states: %v %v", states, err)
	}
	if got := states[0]; got.ETag != st.ETag || got.LastModified != st.LastModified || !got.NextPoll.Equal(st.NextPoll) || got.Items != 3 || got.LastStatus != 200 {
		t.Errorf("feed state %+v", got)
	}
	ready, err := s.ReadyTasks(ctx, t0.Add(time.Hour), 10)
	if err != nil || len(ready) != 2 {
		t.Fatalf("ready: %v %v", ready, err)
	}
	if ready[0].Key != "g1" || ready[1].Version != "v2" || string(ready[1].Item) != `{"title":"ب٢"}` {
		t.Errorf("ready tasks %+v", ready)
	}
	if r, _ := s.ReadyTasks(ctx, t0.Add(-time.Hour), 10); len(r) != 0 {
		t.Errorf("tasks due before they were queued: %v", r)
	}
	// g1 done, g2 retried later
	ready[0].State, ready[0].ArticleID = rasad.TaskDone, "abc"
	ready[1].State, ready[1].Attempts, ready[1].NextTry, ready[1].LastError = rasad.TaskPending, 1, t0.Add(2*time.Hour), "HTTP 500"
	if err := s.FinishTasks(ctx, ready); err != nil {
		t.Fatal(err)
	}
	if r, _ := s.ReadyTasks(ctx, t0.Add(time.Hour), 10); len(r) != 0 {
		t.Errorf("tasks ready before their retry time: %v", r)
	}
	r, _ := s.ReadyTasks(ctx, t0.Add(3*time.Hour), 10)
	if len(r) != 1 || r[0].Attempts != 1 || r[0].LastError != "HTTP 500" {
		t.Fatalf("retry: %+v", r)
	}
	// the feed updates g2 while it is being fetched: finishing the old
	// version must not mark the new one done
	stale := r[0]
	if n, err := s.SavePoll(ctx, st, []rasad.FetchTask{{Key: "g2", Version: "v3", URL: "http://127.0.0.1/a2", Item: []byte(`{}`)}}); err != nil || n != 1 {
		t.Fatalf("update: %d %v", n, err)
	}
	stale.State = rasad.TaskDone
	if err := s.FinishTasks(ctx, []rasad.FetchTask{stale}); err != nil {
		t.Fatal(err)
	}
	counts, err := s.QueueCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts[rasad.TaskDone] != 1 || counts[rasad.TaskPending] != 1 {
		t.Errorf("queue counts %v, want 1 done 1 pending", counts)
	}
	if err := s.FinishTasks(ctx, []rasad.FetchTask{{ID: stale.ID, Version: "v3", State: "bogus"}}); !errors.Is(err, rasad.ErrInvalid) {
		t.Errorf("bad state: %v", err)
	}
	if _, err := s.SavePoll(ctx, rasad.FeedState{}, nil); !errors.Is(err, rasad.ErrInvalid) {
		t.Errorf("feed without URL: %v", err)
	}
}

func testWatchAnnounce(t *testing.T, s rasad.Store) {
	defer s.Close()
	ctx := context.Background()
	t0 := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	if err := s.PutWatch(ctx, rasad.Watch{ID: "w1", Kind: "bogus", Target: "x"}); !errors.Is(err, rasad.ErrInvalid) {
		t.Errorf("bad kind: %v", err)
	}
	w := rasad.Watch{ID: "w1", Kind: "query", Target: "محادثات", Webhook: "http://127.0.0.1/hook", Secret: "s3cret", Created: t0}
	if err := s.PutWatch(ctx, w); err != nil {
		t.Fatal(err)
	}
	ws, err := s.Watches(ctx)
	if err != nil || len(ws) != 1 || ws[0].Secret != "s3cret" || ws[0].Target != w.Target || !ws[0].Created.Equal(t0) {
		t.Fatalf("watches %+v %v", ws, err)
	}
	if _, err := s.Announce(ctx, "nope", nil, t0); !errors.Is(err, rasad.ErrNotFound) {
		t.Errorf("announce for an unknown watch: %v", err)
	}
	e1 := rasad.AnnouncedEntry{Key: "k1", Digest: "d1", Payload: []byte(`{"date":"2024-05-01"}`)}
	e2 := rasad.AnnouncedEntry{Key: "k2", Digest: "d1", Payload: []byte(`{}`)}
	ns, err := s.Announce(ctx, "w1", []rasad.AnnouncedEntry{e1, e2}, t0)
	if err != nil || len(ns) != 2 || ns[0].Kind != "new" || ns[0].Revision != 1 {
		t.Fatalf("first announce: %+v %v", ns, err)
	}
	// the same again: nothing; k1 corrected: an update
	if ns, err := s.Announce(ctx, "w1", []rasad.AnnouncedEntry{e1, e2}, t0.Add(time.Minute)); err != nil || len(ns) != 0 {
		t.Fatalf("repeat announce: %+v %v", ns, err)
	}
	e1.Digest, e1.Payload = "d2", []byte(`{"date":"2024-05-02"}`)
	ns, err = s.Announce(ctx, "w1", []rasad.AnnouncedEntry{e1, e2}, t0.Add(2*time.Minute))
	if err != nil || len(ns) != 1 || ns[0].Kind != "update" || ns[0].Revision != 2 || ns[0].EntryKey != "k1" {
		t.Fatalf("correction: %+v %v", ns, err)
	}
	ann, err := s.Announced(ctx, "w1")
	if err != nil || len(ann) != 2 || ann[0].Key != "k1" || ann[0].Revision != 2 || string(ann[0].Payload) != `{"date":"2024-05-02"}` || !ann[0].First.Equal(t0) {
		t.Fatalf("announced %+v %v", ann, err)
	}
	pend, err := s.PendingNotifications(ctx, t0.Add(time.Hour), 10)
	if err != nil || len(pend) != 3 {
		t.Fatalf("pending %+v %v", pend, err)
	}
	pend[0].State, pend[0].Attempts = rasad.NoteSent, 1
	pend[1].Attempts, pend[1].NextTry, pend[1].Error = 1, t0.Add(2*time.Hour), "HTTP 503"
	for _, n := range pend[:2] {
		if err := s.SetNotification(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	if p, _ := s.PendingNotifications(ctx, t0.Add(time.Hour), 10); len(p) != 1 || p[0].ID != pend[2].ID {
		t.Errorf("pending after delivery: %+v", p)
	}
	all, err := s.Notifications(ctx, "w1")
	if err != nil || len(all) != 3 || all[0].State != rasad.NoteSent || all[1].Error != "HTTP 503" {
		t.Errorf("notifications %+v %v", all, err)
	}
	if err := s.SetNotification(ctx, rasad.Notification{ID: 999, State: rasad.NoteSent}); !errors.Is(err, rasad.ErrNotFound) {
		t.Errorf("unknown notification: %v", err)
	}
	if err := s.DeleteWatch(ctx, "w1"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteWatch(ctx, "w1"); !errors.Is(err, rasad.ErrNotFound) {
		t.Errorf("delete twice: %v", err)
	}
	if all, _ := s.Notifications(ctx, "w1"); len(all) != 0 {
		t.Errorf("outbox kept after delete: %v", all)
	}
}
