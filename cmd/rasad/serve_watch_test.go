package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rasad/rasad/sqlite"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// rasad serve --watch FILE follows the feeds while it serves: the feeds'
// articles end up in the store, with stories and stored timelines, and a
// stop (the context, as SIGTERM gives) ends both.
func TestServeWatch(t *testing.T) {
	srv := testOutlets(t, 2, 4)
	feeds := writeFeeds(t, srv, 2)
	db := filepath.Join(t.TempDir(), "serve.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, []string{"--db", db, "--addr", "127.0.0.1:0", "--watch", feeds}, &out, &errb)
	}()
	deadline := time.Now().Add(90 * time.Second)
	n, covered, timelines := 0, 0, 0
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("serve ended: %v\n%s\n%s", err, out.String(), errb.String())
		case <-time.After(300 * time.Millisecond):
		}
		st, err := sqlite.OpenReadOnly(context.Background(), db)
		if err != nil {
			continue
		}
		n, _, _ = st.Count(context.Background())
		covered, _ = st.Covered(context.Background())
		tls, _ := st.StoryTimelines(context.Background(), nil)
		timelines = len(tls)
		st.Close()
		if n == 8 && covered == 8 && timelines > 0 {
			break
		}
	}
	if n != 8 || covered != 8 || timelines == 0 {
		t.Fatalf("after serving: %d articles, %d in stories, %d stored timelines; want 8, 8, some\n%s", n, covered, timelines, errb.String())
	}
	if !strings.Contains(out.String(), "following 2 feeds") {
		t.Errorf("stdout: %s", out.String())
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
}
