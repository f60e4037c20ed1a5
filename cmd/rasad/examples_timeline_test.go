package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files of the examples' timeline")

// TestExamplesTimelineGolden keeps the examples' timeline — the first thing
// a user sees — as it was checked by hand: the signing, one phone call, the
// Libyan parliament (not the Security Council) rejecting, the talks of a
// range of days, a month-precision plan inside --from/--to. Run with
// -update after a change that is meant to alter it, and read the diff.
func TestExamplesTimelineGolden(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ex.db")
	if code, out, errs := runCLI(t, "ingest", "--db", db, "--quiet", "../../examples/articles.jsonl"); code != 0 {
		t.Fatalf("ingest: exit %d: %s %s", code, out, errs)
	}
	for _, c := range []struct {
		golden string
		args   []string
	}{
		{"examples-timeline.md", nil},
		{"examples-timeline-agree.md", []string{"--type", "AGREE"}},
		{"examples-timeline-april.md", []string{"--from", "2024-04-01", "--to", "2024-04-30"}},
		{"examples-timeline.json", []string{"--format", "json"}},
	} {
		args := append([]string{"timeline", "--db", db}, c.args...)
		code, out, errs := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errs)
		}
		path := filepath.Join("testdata", c.golden)
		if *updateGolden {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run go test ./cmd/rasad -run TestExamplesTimelineGolden -update)", path, err)
		}
		if out != string(want) {
			t.Errorf("%v: the timeline differs from %s; got:\n%s", c.args, path, out)
		}
	}
}

// The hand-checked facts the golden files hold, asserted on their own so a
// careless -update cannot drop them.
func TestExamplesTimelineFacts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ex.db")
	if code, out, errs := runCLI(t, "ingest", "--db", db, "--quiet", "../../examples/articles.jsonl"); code != 0 {
		t.Fatalf("ingest: exit %d: %s %s", code, out, errs)
	}
	_, all, _ := runCLI(t, "timeline", "--db", db)
	_, agree, _ := runCLI(t, "timeline", "--db", db, "--type", "AGREE")
	_, april, _ := runCLI(t, "timeline", "--db", db, "--from", "2024-04-01", "--to", "2024-04-30")
	headings := func(md string) []string {
		var hs []string
		for _, l := range strings.Split(md, "\n") {
			if strings.HasPrefix(l, "## ") {
				hs = append(hs, l)
			}
		}
		return hs
	}
	count := func(hs []string, sub string) int {
		n := 0
		for _, h := range hs {
			if strings.Contains(h, sub) {
				n++
			}
		}
		return n
	}
	hs := headings(all)
	if n := count(headings(agree), "توقيع اتفاق"); n != 1 {
		t.Errorf("--type AGREE: %d signings, want 1:\n%s", n, agree)
	}
	if n := count(hs, "اتصال هاتفي"); n != 1 {
		t.Errorf("%d phone calls, want 1:\n%s", n, strings.Join(hs, "\n"))
	}
	for _, h := range hs {
		if strings.Contains(h, "رفض") && strings.Contains(h, "مجلس الأمن") {
			t.Errorf("the Security Council named for the parliament's rejection: %s", h)
		}
	}
	if count(hs, "20–21 يوليو") != 1 {
		t.Errorf("no entry for the talks of 20 and 21 July:\n%s", strings.Join(hs, "\n"))
	}
	if count(headings(april), "أبريل/نيسان 2024") != 1 {
		t.Errorf("--from/--to over April hides the April plan:\n%s", april)
	}
}
