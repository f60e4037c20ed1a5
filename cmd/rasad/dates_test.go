package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDatesOneLineRecord: a JSONL record whose text is one line is tagged,
// not rejected as a title without a body.
func TestDatesOneLineRecord(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "one.jsonl")
	// the text is one line, which is also the record's title (feeds often
	// repeat it): it used to be rejected as "no text besides the title"
	line := "وصل الوفد إلى الرباط صباح أمس في زيارة تستمر يومين"
	rec := `{"id": "x1", "published": "2023-05-20", "title": "` + line + `", "text": "` + line + `"}` + "\n"
	if err := os.WriteFile(p, []byte(rec), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "dates", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct{ Text, Value string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		got = append(got, r.Text+"="+r.Value)
	}
	want := "صباح أمس=2023-05-19TMO"
	if len(got) == 0 || got[0] != want {
		t.Errorf("got %v, want %s first", got, want)
	}
}

// TestDatesEmptyRecord: a record with no text is rejected with a reason.
func TestDatesEmptyRecord(t *testing.T) {
	p := filepath.Join(t.TempDir(), "empty.jsonl")
	if err := os.WriteFile(p, []byte(`{"id": "e", "text": "   "}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "dates", p)
	if code == 0 || !strings.Contains(errOut, "rejected") {
		t.Errorf("exit %d, stderr %q: want a rejection", code, errOut)
	}
}
