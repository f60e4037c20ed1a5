package watch

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/story"
)

type hook struct {
	mu       sync.Mutex
	fail     int // answer 503 to this many requests first
	received []Message
	bad      int // bodies whose signature did not verify
}

func (h *hook) handler(secret string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.fail > 0 {
			h.fail--
			http.Error(w, "busy", 503)
			return
		}
		if r.Header.Get(SignatureHeader) != Sign(secret, body) {
			h.bad++
			http.Error(w, "bad signature", 401)
			return
		}
		var m Message
		if err := json.Unmarshal(body, &m); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		h.received = append(h.received, m)
	}
}

func entry(date, typ, quote string, people ...string) story.Entry {
	e := story.Entry{Date: date, Precision: "day", Type: typ, Status: "happened", Summary: "لقاء " + strings.Join(people, " و"),
		Sources: []story.Source{{Article: "a-" + quote, Outlet: "منفذ", Published: "2019-03-04", Quote: quote, Status: "happened"}}}
	for _, p := range people {
		e.Participants = append(e.Participants, story.Participant{Type: "PERSON", Key: p, Name: p})
	}
	return e
}

func TestNotifyOnceAndCorrections(t *testing.T) {
	store := openStore(t, "")
	ctx := context.Background()
	h := &hook{fail: 2}
	srv := httptest.NewServer(h.handler("k3y"))
	defer srv.Close()
	if err := store.PutWatch(ctx, rasad.Watch{ID: "w1", Kind: "query", Target: "لقاء", Webhook: srv.URL, Secret: "k3y"}); err != nil {
		t.Fatal(err)
	}
	if err := store.PutWatch(ctx, rasad.Watch{ID: "atom-only", Kind: "entity", Target: "سمير"}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	entries := []story.Entry{entry("2019-03-03", "CONSULT", "التقى الوزيران أمس", "سمير", "ليلى")}
	dir := t.TempDir()
	n := &Notify{Store: store, AtomDir: dir, Client: NewClient(Limits{Timeout: time.Second}, nil),
		Entries: func(ctx context.Context, w rasad.Watch) ([]story.Entry, error) {
			mu.Lock()
			defer mu.Unlock()
			return append([]story.Entry(nil), entries...), nil
		}}
	now := t0
	step := func(d time.Duration) {
		t.Helper()
		now = now.Add(d)
		if err := n.Notify(ctx, now); err != nil {
			t.Fatal(err)
		}
	}
	step(0) // 503
	step(0) // not due yet: nothing sent
	if len(h.received) != 0 {
		t.Fatalf("sent before retry time")
	}
	step(31 * time.Second) // 503 again
	step(61 * time.Second) // delivered
	if len(h.received) != 1 || h.received[0].Kind != "new" || h.received[0].Revision != 1 || h.bad != 0 {
		t.Fatalf("received %+v (bad %d)", h.received, h.bad)
	}
	var got story.Entry
	if err := json.Unmarshal(h.received[0].Entry, &got); err != nil || got.Date != "2019-03-03" {
		t.Fatalf("entry %+v %v", got, err)
	}
	// nothing changed: nothing sent; a new source alone is no correction
	mu.Lock()
	entries[0].Sources = append(entries[0].Sources, story.Source{Article: "b", Outlet: "آخر", Published: "2019-03-05", Quote: "اجتمع الوزيران"})
	mu.Unlock()
	step(time.Minute)
	step(time.Minute)
	if len(h.received) != 1 {
		t.Fatalf("announced again: %+v", h.received)
	}
	// a later report moves the date and adds a participant: an update
	mu.Lock()
	entries[0].Date = "2019-03-02"
	entries[0].Participants = append(entries[0].Participants, story.Participant{Type: "PERSON", Key: "كريم", Name: "كريم"})
	entries = append(entries, entry("2019-03-06", "AGREE", "وقع الجانبان اتفاقا", "سمير"))
	mu.Unlock()
	step(time.Minute)
	step(time.Minute)
	if len(h.received) != 3 {
		t.Fatalf("after correction: %d received", len(h.received))
	}
	kinds := map[string]int{}
	for _, m := range h.received[1:] {
		kinds[m.Kind]++
		if m.Kind == "update" && (m.Revision != 2 || m.EntryKey != h.received[0].EntryKey) {
			t.Errorf("update %+v", m)
		}
	}
	if kinds["update"] != 1 || kinds["new"] != 1 {
		t.Errorf("kinds %v", kinds)
	}
	// the Atom feed of each watch: one entry per timeline entry, the
	// corrected one marked
	b, err := os.ReadFile(filepath.Join(dir, "atom-only.atom"))
	if err != nil {
		t.Fatal(err)
	}
	var f atomFeed
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("atom: %v\n%s", err, b)
	}
	if len(f.Entries) != 2 || !strings.Contains(string(b), "(تحديث)") || f.ID != "urn:rasad:watch:atom-only" {
		t.Errorf("atom feed:\n%s", b)
	}
	all, _ := store.Notifications(ctx, "atom-only")
	for _, x := range all {
		if x.State != rasad.NoteSent {
			t.Errorf("atom-only notification left %s", x.State)
		}
	}
}

func TestWebhookGivesUp(t *testing.T) {
	store := openStore(t, "")
	ctx := context.Background()
	h := &hook{fail: 1000}
	srv := httptest.NewServer(h.handler("k"))
	defer srv.Close()
	store.PutWatch(ctx, rasad.Watch{ID: "w", Kind: "story", Target: "s-1", Webhook: srv.URL, Secret: "k"})
	n := &Notify{Store: store, MaxAttempts: 3, Client: NewClient(Limits{Timeout: time.Second}, nil),
		Entries: func(context.Context, rasad.Watch) ([]story.Entry, error) {
			return []story.Entry{entry("2019-03-03", "CONSULT", "قول", "سمير")}, nil
		}}
	now := t0
	for i := 0; i < 6; i++ {
		if err := n.Notify(ctx, now); err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Hour)
	}
	all, _ := store.Notifications(ctx, "w")
	if len(all) != 1 || all[0].State != rasad.NoteFailed || all[0].Attempts != 3 || !strings.Contains(all[0].Error, "503") {
		t.Errorf("%+v", all)
	}
}
