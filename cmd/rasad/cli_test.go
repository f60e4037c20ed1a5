package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadCommandsNeedADatabase: a read command on a missing --db says so,
// exits 3 and creates nothing.
func TestReadCommandsNeedADatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "nothing-here.db")
	for _, args := range [][]string{
		{"search", "--db", db, "جسر"}, {"show", "--db", db, "abcdef"}, {"timeline", "--db", db},
		{"stories", "--db", db}, {"entities", "--db", db}, {"analyze", "--db", db},
	} {
		code, _, errs := runCLI(t, args...)
		if code != exitNotFound || !strings.Contains(errs, "no database at "+db) {
			t.Errorf("%s: exit %d, stderr %q", args[0], code, errs)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Fatalf("%s created %v", args[0], entries)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "--version")
	if code != exitOK || !strings.HasPrefix(out, "rasad ") || !strings.Contains(out, "\ncommit ") || !strings.Contains(out, "analysis rules version ") {
		t.Errorf("exit %d: %q", code, out)
	}
}

func TestEvalHelp(t *testing.T) {
	for _, args := range [][]string{{"eval", "--help"}, {"eval", "-h"}, {"eval", "dates", "-h"}} {
		if code, _, errs := runCLI(t, args...); code != exitOK || !strings.Contains(errs, "usage: rasad eval") {
			t.Errorf("%q: exit %d, %q", args, code, errs)
		}
	}
	if code, _, _ := runCLI(t, "eval", "nonsense"); code != exitUsage {
		t.Errorf("eval nonsense: exit %d", code)
	}
	if code, _, _ := runCLI(t, "eval", "dates", "--min", "3"); code != exitUsage {
		t.Errorf("--min 3: exit %d", code)
	}
}

// TestTypeRejected: an unknown --type is a usage error on every command
// that takes one, and an unknown flag on the others.
func TestTypeRejected(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if code, out, errs := runCLI(t, "ingest", "--db", db, "../../examples/articles.jsonl"); code != exitOK {
		t.Fatalf("ingest: exit %d %s %s", code, out, errs)
	}
	for _, args := range [][]string{
		{"timeline", "--db", db, "--type", "FOO"}, {"entities", "--db", db, "--type", "FOO"},
		{"search", "--db", db, "--type", "FOO", "x"}, {"stories", "--db", db, "--type", "FOO"},
		{"show", "--db", db, "--type", "FOO", "x"}, {"dates", "--type", "FOO"}, {"analyze", "--db", db, "--type", "FOO"},
	} {
		if code, _, errs := runCLI(t, args...); code != exitUsage || !strings.Contains(errs, "type") {
			t.Errorf("%q: exit %d, %q", args, code, errs)
		}
	}
	if code, _, errs := runCLI(t, "timeline", "--db", db, "--type", "agree"); code != exitOK {
		t.Errorf("--type agree: exit %d %s", code, errs)
	}
}

// TestShowAmbiguous: a reference that names several articles lists them.
func TestShowAmbiguous(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	in := filepath.Join(dir, "in.jsonl")
	lines := `{"id":"same","url":"https://example.org/1","title":"افتتاح سوق للخضار","text":"افتتحت البلدية سوقا شعبيا للخضار في الحي الشرقي.","published":"2021-03-01"}
{"id":"same","url":"https://example.org/2","title":"إغلاق الطريق الساحلي","text":"أغلقت الشرطة الطريق الساحلي ثلاثة أيام للصيانة.","published":"2021-03-02"}
`
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI(t, "ingest", "--db", db, in); code != exitOK {
		t.Fatalf("ingest: exit %d %s %s", code, out, errs)
	}
	code, _, errs := runCLI(t, "show", "--db", db, "same")
	if code != exitUsage || !strings.Contains(errs, "افتتاح سوق للخضار") || !strings.Contains(errs, "إغلاق الطريق الساحلي") {
		t.Errorf("exit %d: %s", code, errs)
	} // a prefix too short to look up says so (it said only "not found",
	// also when several IDs start with it)
	code, _, errs = runCLI(t, "show", "--db", db, "0f5a")
	if code != exitNotFound || !strings.Contains(errs, "at least 6") {
		t.Errorf("short prefix: exit %d: %s", code, errs)
	}
}

// TestExitCodesDistinct: rejected input (1) and a failing store (4) do
// not share an exit code.
func TestExitCodesDistinct(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte{0, 1, 2, 3, 0, 0, 0}, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := runCLI(t, "ingest", "--db", filepath.Join(dir, "ok.db"), bad); code != exitRejected {
		t.Errorf("rejected input: exit %d, want %d", code, exitRejected)
	}
	// the commands that analyse files without a store say so too (entities
	// FILE exited 0 after "rejected")
	for _, cmd := range []string{"entities", "dates", "annotate"} {
		if code, _, _ := runCLI(t, cmd, bad, filepath.Join(dir, "missing.txt")); code != exitRejected {
			t.Errorf("%s on rejected inputs: exit %d, want %d", cmd, code, exitRejected)
		}
		// an implausible --published is refused as in ingest
		if cmd != "entities" {
			if code, _, _ := runCLI(t, cmd, "--published", "2200-05-05", bad); code != exitUsage {
				t.Errorf("%s --published 2200-05-05: exit %d, want %d", cmd, code, exitUsage)
			}
		}
	}
	corrupt := filepath.Join(dir, "corrupt.db")
	if err := os.WriteFile(corrupt, []byte(strings.Repeat("this is not an SQLite database file. ", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"search", "--db", corrupt, "جسر"}, {"ingest", "--db", corrupt, "../../examples/articles.jsonl"}} {
		if code, _, errs := runCLI(t, args...); code != exitStore {
			t.Errorf("%s on a corrupt store: exit %d, want %d (%s)", args[0], code, exitStore, errs)
		}
	}
}

// TestSearchSyntaxOnTheCommandLine: -word is an exclusion, not a flag; --
// ends the flags; known flags still work anywhere.
func TestSearchSyntaxOnTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	in := filepath.Join(dir, "in.jsonl")
	lines := `{"id":"s1","title":"افتتاح سوق للخضار","text":"افتتحت البلدية سوقا شعبيا للخضار في الحي الشرقي.","published":"2021-03-01"}
{"id":"s2","title":"سوق للكتب المستعملة","text":"افتتحت جمعية أهلية سوقا للكتب المستعملة قرب الجامعة.","published":"2021-03-02"}
`
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI(t, "ingest", "--db", db, in); code != exitOK {
		t.Fatalf("ingest: exit %d %s %s", code, out, errs)
	}
	for _, c := range []struct {
		args []string
		want string
		not  string
	}{
		{[]string{"search", "--db", db, "سوق", "-الكتب", "--limit", "5"}, "s1", "s2"},
		{[]string{"search", "--db", db, "--", "-للخضار", "سوق"}, "s2", "s1"},
		{[]string{"search", "--db", db, `"سوقا شعبيا"`}, "s1", "s2"},
		{[]string{"search", "--db", db, "البلدية", "OR", "جمعية"}, "s1", "xx"},
	} {
		code, out, errs := runCLI(t, c.args...)
		if code != exitOK || !strings.Contains(out, "["+c.want+" ") || strings.Contains(out, "["+c.not+" ") {
			t.Errorf("%q: exit %d\n%s%s", c.args[3:], code, out, errs)
		}
	}
	if code, _, _ := runCLI(t, "search", "--db", db, "--nonsense", "سوق"); code != exitUsage {
		t.Errorf("--nonsense: exit %d", code)
	}
}

// TestUpdatedPageIsAVersion: the same URL read again with a changed text
// is stored as the page's second version, and show lists both.
func TestUpdatedPageIsAVersion(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "v.db")
	first := `{"url":"https://example.org/fire","title":"حريق في مستودع","text":"اندلع حريق في مستودع للأخشاب فجر اليوم.","published":"2022-08-10"}` + "\n"
	second := `{"url":"https://example.org/fire","title":"حريق في مستودع","text":"اندلع حريق في مستودع للأخشاب فجر اليوم، وتمكنت فرق الإطفاء من إخماده بعد ساعتين.","published":"2022-08-10"}` + "\n"
	for i, s := range []string{first, second} {
		p := filepath.Join(dir, "in"+string(rune('1'+i))+".jsonl")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, out, errs := runCLI(t, "ingest", "--db", db, p); code != exitOK {
			t.Fatalf("ingest %d: exit %d %s %s", i, code, out, errs)
		}
	}
	code, out, errs := runCLI(t, "show", "--db", db, "https://example.org/fire")
	if code != exitOK || !strings.Contains(out, "version:   1 of 2") || !strings.Contains(out, "version:   2 of 2") ||
		!strings.Contains(out, "← this one") || !strings.Contains(out, "إخماده") {
		t.Errorf("exit %d:\n%s%s", code, out, errs)
	}
}

// TestJSONLinesOutput: entities and stories --format json write one JSON
// object per line (the shared writeJSONLines), Arabic unescaped.
func TestJSONLinesOutput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "j.db")
	if code, _, errs := runCLI(t, "ingest", "--db", db, "--quiet", "../../examples/articles.jsonl"); code != exitOK {
		t.Fatalf("ingest: %s", errs)
	}
	for _, args := range [][]string{
		{"entities", "--db", db, "--format", "json", "--type", "PERSON"},
		{"stories", "--db", db, "--format", "json", "--min-size", "1"},
	} {
		code, out, errs := runCLI(t, args...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != exitOK || len(lines) < 2 {
			t.Fatalf("%s: exit %d, %d lines: %s", args[0], code, len(lines), errs)
		}
		for _, l := range lines {
			var v map[string]any
			if err := json.Unmarshal([]byte(l), &v); err != nil || strings.Contains(l, `\u0`) {
				t.Errorf("%s: line %q: %v", args[0], l, err)
			}
		}
	}
}
