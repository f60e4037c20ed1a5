package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/storetest"
)

func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := OpenReadOnly(ctx, filepath.Join(dir, "missing.db")); err == nil {
		t.Fatal("a missing file opened read-only")
	}
	path := filepath.Join(dir, "ro.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.Article(t, "r1", "منفذ", "", "عنوان للقراءة", "نص يبقى كما هو بعد محاولة كتابة.\n", "2024-03-10")
	if _, err := s.Put(ctx, []*rasad.Article{a}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	got, err := ro.Get(ctx, "r1")
	if err != nil || got.Text != a.Text {
		t.Fatalf("read: %v", err)
	}
	b := storetest.Article(t, "r2", "منفذ", "", "آخر", "نص آخر لا يُكتب.\n", "2024-03-11")
	if _, err := ro.Put(ctx, []*rasad.Article{b}); err == nil {
		t.Fatal("a read-only store accepted a write")
	}
	if err := ro.SetStories(ctx, map[string]string{a.ID: "s"}, nil); err == nil {
		t.Fatal("a read-only store accepted stories")
	}
	if n, _, _ := ro.Count(ctx); n != 1 {
		t.Errorf("%d articles", n)
	}
	if _, err := OpenReadOnly(ctx, ":memory:"); !errors.Is(err, rasad.ErrInvalid) {
		t.Errorf(":memory: read-only: %v", err)
	}
}
