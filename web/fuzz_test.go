package web

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/rasad/rasad"
)

// FuzzJSONLines: a body either is refused or becomes lines that are each a
// JSON object or what the JSON Lines reader will report by line number;
// arrays and single objects become valid JSON objects, one per line.
func FuzzJSONLines(f *testing.F) {
	for _, s := range []string{`{"text":"نص"}`, "[{\"a\":1},{\"b\":2}]", "{\n \"text\": \"x\"\n}", `{"a":1}` + "\n" + `{"b":`, "[]", "[1]", "<html>", "\ufeff{}", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		out, err := jsonLines(body)
		if err != nil {
			if out != nil {
				t.Fatal("output with an error")
			}
			return
		}
		trimmed := bytes.TrimLeft(body, " \t\r\n")
		if len(trimmed) > 0 && trimmed[0] == '[' {
			for _, line := range bytes.Split(bytes.TrimRight(out, "\n"), []byte("\n")) {
				var m map[string]any
				if json.Unmarshal(line, &m) != nil {
					t.Fatalf("array element is not an object line: %q", line)
				}
			}
		}
	})
}

// FuzzSegments: the segments of an article put back together are its text
// exactly, whatever spans the analysis claims.
func FuzzSegments(f *testing.F) {
	f.Add("التقى الوزير سامر الخطيب اليوم في عمّان.\nعادي\n", 3, 10, 12, 40, 0, 5)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2, s3, e3 int) {
		a := &rasad.Article{Text: text, Removed: []rasad.Removal{{Span: rasad.Span{Start: s3, End: e3}, Kind: "label"}}}
		an := &rasad.Analysis{
			Timexes:  []rasad.Timex{{Span: rasad.Span{Start: s1, End: e1}, Value: "2024"}},
			Mentions: []rasad.Mention{{Span: rasad.Span{Start: s2, End: e2}, Type: "PERSON"}, {Span: rasad.Span{Start: s1, End: e2}, Type: "LOC"}},
			Events:   []rasad.EventMention{{Trigger: rasad.Span{Start: s2, End: e1}, Type: "CONSULT"}},
		}
		var b strings.Builder
		for _, s := range segments(a, an) {
			b.WriteString(s.Text)
		}
		if b.String() != text {
			t.Fatalf("segments make %q, not %q", b.String(), text)
		}
	})
}
