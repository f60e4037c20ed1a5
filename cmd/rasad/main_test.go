package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/collection"
	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/story"
	"github.com/rasad/rasad/text"
)

// TestMain lets the test binary act as the rasad command, so tests can
// run it as a child process (and kill it).
func TestMain(m *testing.M) {
	if os.Getenv("RASAD_TEST_AS_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestIngestExamplesTwice(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ex.db")
	code, out, errs := runCLI(t, "ingest", "--db", db, "../../examples/articles.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	// the summary goes to stderr: standard output stays empty
	if out != "" || !strings.Contains(errs, "read 16 · new 14 · copies (new reports of known texts) 2 · duplicates 0 · rejected 0") {
		t.Errorf("stdout %q, summary: %s", out, errs)
	}
	// the plain-text copies are the same texts: new reports, nothing new stored
	code, out, errs = runCLI(t, "ingest", "--db", db, "../../examples/")
	if code != 0 || out != "" || !strings.Contains(errs, "read 32 · new 0 · copies (new reports of known texts) 16 · duplicates 16") {
		t.Errorf("second ingest exit %d: %q %s", code, out, errs)
	}
	code, out, _ = runCLI(t, "search", "--db", db, "--format", "json", "الأردني", "--limit", "3")
	if code != 0 {
		t.Fatalf("search exit %d", code)
	}
	var res struct {
		Hits []struct {
			ExtID   string `json:"ext_id"`
			Title   string `json:"title"`
			Snippet string `json:"snippet"`
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("search json: %v\n%s", err, out)
	}
	if len(res.Hits) != 3 {
		t.Fatalf("hits %+v", res.Hits)
	}
	for _, h := range res.Hits {
		if !strings.HasPrefix(h.ExtID, "ex0") || h.Snippet == "" {
			t.Errorf("hit %+v", h)
		}
	}
	code, out, _ = runCLI(t, "show", "--db", db, "--raw", "ex01-amman-call")
	if code != 0 || !strings.Contains(out, "⊘[reading-time] قراءة 2 دقائق") || !strings.Contains(out, "dateline:  عمّان - (رويترز) -") {
		t.Errorf("show --raw exit %d:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "show", "--db", db, "ex01-amman-call")
	if code != 0 || strings.Contains(out, "قراءة 2 دقائق") {
		t.Errorf("show without --raw shows residue:\n%s", out)
	}
	if code, _, errs = runCLI(t, "show", "--db", db, "no-such-article"); code != exitNotFound || !strings.Contains(errs, "not found") {
		t.Errorf("show missing: exit %d %s", code, errs)
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "u.db")
	for _, args := range [][]string{
		{}, {"frobnicate"}, {"ingest", "--db", db}, {"search", "--db", db}, {"search", "--db", db, "--format", "xml", "x"},
		{"ingest", "--db", db, "--published", "2022-02-31", "x.txt"}, {"show", "--db", db},
		// implausible dates are refused on the flag as in the inputs: a
		// page dated 2200 would spread its date through inference
		{"ingest", "--db", db, "--published", "2200-05-05", "x.txt"}, {"ingest", "--db", db, "--published", "1850-01-01", "x.txt"},
	} {
		if code, _, _ := runCLI(t, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, _ := runCLI(t, "ingest", "-h"); code != exitOK {
		t.Errorf("-h: exit %d", code)
	}
}

func TestIngestBadInputKeepsGoing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	in := filepath.Join(dir, "mixed.jsonl")
	os.WriteFile(in, []byte(`{"id":"g1","text":"نص سليم أول عن المحادثات في جنيف.","published":"2019-06-10"}
{"id":"broken","text":
{"id":"g2","text":"نص سليم ثان عن الزيارة.","published":"2022-02-31"}
`), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	code, out, errs := runCLI(t, "ingest", "--db", db, in, filepath.Join(dir, "empty.txt"))
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	if !strings.Contains(errs, "rejected "+in+":2: malformed JSON") || !strings.Contains(errs, "empty file") {
		t.Errorf("stderr:\n%s", errs)
	}
	if !strings.Contains(errs, in+":3: published dropped") {
		t.Errorf("impossible date not warned:\n%s", errs)
	}
	if out != "" || !strings.Contains(errs, "new 2 ") || !strings.Contains(errs, "rejected 2") {
		t.Errorf("stdout %q, summary: %s", out, errs)
	}
}

// TestSeeds is the foundation's acceptance check on the five seed articles.
func TestSeeds(t *testing.T) {
	seeds := testcorpus.Path(t, "seeds/seeds.jsonl")
	db := filepath.Join(t.TempDir(), "s.db")
	if code, out, errs := runCLI(t, "ingest", "--db", db, seeds); code != 0 || !strings.Contains(errs, "new 5 ") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	if code, _, out := runCLI(t, "ingest", "--db", db, seeds); code != 0 || !strings.Contains(out, "new 0 ") || !strings.Contains(out, "duplicates 5") {
		t.Errorf("second ingest: %s", out)
	}
	search := func(q string) []string {
		_, out, _ := runCLI(t, "search", "--db", db, "--format", "json", q)
		var res struct {
			Hits []struct {
				ExtID string `json:"ext_id"`
			}
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			if len(h.ExtID) < 3 {
				t.Fatalf("hit without ext_id in %s", out)
			}
			ids = append(ids, h.ExtID[:3])
		}
		return ids
	}
	// a person's name typed without hamza or alef maqsura finds every seed
	// that spells it with them: the names come from the gold, not from here
	goldData, err := os.ReadFile(testcorpus.Path(t, "gold/seeds.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Entities map[string]map[string][]string
	}
	if err := json.Unmarshal(goldData, &gold); err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, f := range []string{"000", "001", "002", "003", "004"} {
		matches, _ := filepath.Glob(filepath.Join(filepath.Dir(seeds), f+"_*.txt"))
		if len(matches) == 1 {
			data, _ := os.ReadFile(matches[0])
			texts[f] = string(data)
		}
	}
	variants := 0
	for _, forms := range gold.Entities["PERSON"] {
		var full []string
		for _, f := range forms {
			if strings.Contains(f, " ") {
				full = append(full, f)
			}
		}
		if len(full) == 0 {
			continue
		}
		q := text.Key(full[0])
		keys := map[string]bool{}
		for _, f := range full {
			if text.Key(f) == q {
				keys[f] = true
			}
		}
		if len(keys) > 1 {
			variants++
		}
		got := search(q)
		for doc, body := range texts {
			for f := range keys {
				if strings.Contains(body, f) && !contains(got, doc) {
					t.Errorf("%s: %v lacks %s, which writes %s", q, got, doc, f)
				}
			}
		}
	}
	if variants == 0 {
		t.Errorf("no gold person has two spellings with one key: the test checks nothing")
	}
	if got := search("الامريكي"); !contains(got, "002") { // والأمريكي in 002
		t.Errorf("الامريكي: %v lacks 002", got)
	}
	// the five seeds tell one story
	_, out0, errs0 := runCLI(t, "stories", "--db", db, "--format", "json", "--min-size", "1")
	if n := strings.Count(out0, "\n"); n != 1 || !strings.Contains(out0, "\"independent_sources\":5") {
		t.Errorf("seeds in %d stories:\n%s\n%s", n, out0, errs0)
	}
	// and their CONSULT timeline has the story's meetings
	_, tl, _ := runCLI(t, "timeline", "--db", db, "--type", "CONSULT", "--format", "json")
	if c := strings.Count(tl, "\"type\": \"CONSULT\""); c < 10 {
		t.Errorf("%d CONSULT entries in the seeds' timeline", c)
	}
	// boilerplate is stored apart, not lost
	_, out, _ := runCLI(t, "show", "--db", db, "--raw", "004_ef8e19684d263ac7")
	for _, line := range []string{"⊘[reading-time] قراءة 3 دقائق", "⊘[label] عادي", "⊘[timestamp] 01:20 صباحا"} {
		if !strings.Contains(out, line) {
			t.Errorf("show --raw lacks %q", line)
		}
	}
}

func contains(ss []string, x string) bool {
	for _, s := range ss {
		if s == x {
			return true
		}
	}
	return false
}

// TestKilledIngestResumes kills an ingest mid-way and checks that the
// database is consistent and that running the same command again finishes
// the job with exactly the expected articles.
func TestKilledIngestResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "many.jsonl")
	var b bytes.Buffer
	const n = 2000
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `{"id":"k%d","title":"عنوان %d","text":"نص المقال رقم %d عن المحادثات بين الوفدين في العاصمة.\nوقال المتحدث إن الجولة %d انتهت.","published":"2019-06-10"}`+"\n", i, i, i, i)
	}
	os.WriteFile(in, b.Bytes(), 0o644)
	db := filepath.Join(dir, "k.db")
	cmd := exec.Command(os.Args[0], "ingest", "--quiet", "--no-stories", "--db", db, in)
	cmd.Env = append(os.Environ(), "RASAD_TEST_AS_MAIN=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// kill once some batches are in
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if c := countArticles(t, db); c >= 512 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	mid := countArticles(t, db)
	if mid%256 != 0 && mid != n {
		t.Errorf("after kill: %d articles, not a whole number of batches", mid)
	}
	sqldb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	var ok string
	sqldb.QueryRow("PRAGMA integrity_check").Scan(&ok)
	sqldb.Close()
	if ok != "ok" {
		t.Errorf("integrity_check: %s", ok)
	}
	code, out, errs := runCLI(t, "ingest", "--quiet", "--no-stories", "--db", db, in)
	if code != 0 {
		t.Fatalf("rerun exit %d: %s %s", code, out, errs)
	}
	if c := countArticles(t, db); c != n {
		t.Errorf("after rerun: %d articles, want %d (killed at %d)", c, n, mid)
	}
	t.Logf("killed at %d articles; rerun completed to %d", mid, n)
}

func countArticles(t *testing.T, db string) int {
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	s, err := openStore(context.Background(), db)
	if err != nil {
		t.Logf("count: %v", err)
		return 0
	}
	defer s.Close()
	a, _, _ := s.Count(context.Background())
	return a
}

// TestWarnStale: articles without an analysis, or analysed by older rules,
// are counted and the user is told to run rasad analyze.
func TestWarnStale(t *testing.T) {
	var b strings.Builder
	as := map[string]*rasad.Analysis{"a": {Version: collection.Version}, "b": {Version: collection.Version - 1}}
	warnStale(&b, []string{"a", "b", "c"}, as)
	want := "1 of 3 articles have no stored analysis: run rasad analyze\n" +
		fmt.Sprintf("1 of 3 articles were analysed by older rules (version < %d): run rasad analyze\n", collection.Version)
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	b.Reset()
	warnStale(&b, []string{"a"}, as)
	if b.Len() != 0 {
		t.Errorf("an up-to-date analysis warned: %q", b.String())
	}
}

// TestWriteMarkdown: a dated heading, the participants with Arabic roles,
// and the sources, with how many are independent when copies are among them.
func TestWriteMarkdown(t *testing.T) {
	var b strings.Builder
	writeMarkdown(&b, []story.Entry{{
		Date: "2019-06-10", Precision: "day", Type: "CONSULT", Status: "planned", Summary: "لقاء بين أ وب",
		Participants: []story.Participant{{Type: "PERSON", Name: "مصطفى مدبولي", Role: "prime minister"}},
		Sources: []story.Source{
			{Article: "a1", Outlet: "وكالة", Quote: "نص أول"},
			{Article: "a2", Outlet: "صحيفة", Quote: "نص أول"},
			{Article: "a3", Outlet: "قناة", Quote: "نص ثان"},
		},
		Independent: 2,
	}})
	out := b.String()
	for _, want := range []string{"## 10 يونيو/حزيران 2019 — لقاء بين أ وب (مقرر)", "مصطفى مدبولي (رئيس الوزراء)", "المصادر (3، منها 2 مستقلة):", "- a3، قناة: «نص ثان»"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}
