package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/internal/testcorpus"
)

// TestAnnotate runs rasad annotate on two documents of our own and checks
// one JSON line per document, mentions with spans into the text, types,
// keys and rules, dates and events; a bad line is reported and the others
// are kept (exit 1).
func TestAnnotate(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	docs := []map[string]string{
		{"id": "d1", "published": "2024-05-02", "text": "التقى وزير الخارجية الأردني أيمن الصفدي في عمان أمس نظيره الفرنسي، وبحثا الوضع في غزة."},
		{"id": "d2", "published": "2024-05-03", "text": "وفاز برشلونة على ضيفه ليفربول في مباراة ودية الأحد الماضي، وسجل المهاجم روبرت ليفاندوفسكي هدفين."},
	}
	var b strings.Builder
	for _, d := range docs {
		line, _ := json.Marshal(d)
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(in, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "annotate", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), out)
	}
	for i, l := range lines {
		var rec annotateRecord
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.Doc != docs[i]["id"] {
			t.Errorf("line %d: doc %q, want %q", i, rec.Doc, docs[i]["id"])
		}
		src := docs[i]["text"]
		types := map[string]bool{}
		for _, m := range rec.Mentions {
			if m.Start < 0 || m.End > len(src) || m.Start >= m.End || src[m.Start:m.End] != m.Text {
				t.Errorf("%s: mention %+v: span does not give its text", rec.Doc, m)
			}
			if m.Key == "" || m.Rule == "" || m.Confidence <= 0 {
				t.Errorf("%s: mention %+v lacks key, rule or confidence", rec.Doc, m)
			}
			types[m.Type] = true
		}
		if !types["PERSON"] || !types["LOC"] && !types["ORG"] {
			t.Errorf("%s: types %v", rec.Doc, types)
		}
		if len(rec.Timexes) == 0 {
			t.Errorf("%s: no dates", rec.Doc)
		}
	}
	// a malformed line among good ones
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(b.String()+"{not json\n"), 0o644)
	code, out, errs = runCLI(t, "annotate", bad)
	if code != exitFailure || strings.Count(out, "\n") != 2 || errs == "" {
		t.Errorf("bad line: exit %d, %d lines, stderr %q", code, strings.Count(out, "\n"), errs)
	}
}

// TestAnnotateAnerOffsets checks, on the ANERcorp dev documents when they
// are there, that every mention's span lies on the text rasad annotate
// read (the scorer relies on it).
func TestAnnotateAnerOffsets(t *testing.T) {
	p := testcorpus.Path(t, "gold/anercorp-dev/docs.jsonl")
	code, out, errs := runCLI(t, "annotate", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	texts := map[string]string{}
	data, _ := os.ReadFile(p)
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var d struct{ ID, Text string }
		json.Unmarshal([]byte(l), &d)
		texts[d.ID] = d.Text
	}
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct {
			Doc      string          `json:"doc"`
			Mentions []rasad.Mention `json:"mentions"`
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatal(err)
		}
		src := texts[rec.Doc]
		for _, m := range rec.Mentions {
			n++
			if m.End > len(src) || src[m.Start:m.End] != m.Text {
				t.Fatalf("%s: %+v off the text", rec.Doc, m)
			}
		}
	}
	if n < 5000 {
		t.Errorf("only %d mentions on the ANERcorp dev set", n)
	}
}
