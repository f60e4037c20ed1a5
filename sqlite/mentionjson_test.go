package sqlite

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/rasad/rasad"
)

func sampleMentions() []rasad.Mention {
	return []rasad.Mention{
		{Span: rasad.Span{Start: 3, End: 25}, Text: "سلمى حداد", Type: "PERSON", Key: "سلم حداد", Rule: "given name + name", Confidence: 0.8},
		{Span: rasad.Span{Start: 40, End: 52}, Text: "عمّان", Type: "LOC", Key: "Amman", Canonical: "Amman", Country: "JO", Rule: "lexicon places.tsv:9", Confidence: 0.9},
		{Span: rasad.Span{Start: 60, End: 90}, Text: "وزارة المالية", Type: "ORG", Key: "finance ministry (JO)", Role: "minister", Sector: "government", Rule: "ministry", Confidence: 1},
	}
}

// The scan reads what encoding/json writes, and gives what it decodes.
func TestDecodeMentions(t *testing.T) {
	b, err := json.Marshal(sampleMentions())
	if err != nil {
		t.Fatal(err)
	}
	got, ok := scanMentions(string(b))
	if !ok {
		t.Fatalf("scan refused %s", b)
	}
	if !reflect.DeepEqual(got, sampleMentions()) {
		t.Errorf("scan = %+v\nwant %+v", got, sampleMentions())
	}
	for _, in := range []string{`[]`, `null`, ` [ ] `, `[{}]`, `[{"START":1}]`, `[{"start":1.5}]`, `[{"start":01}]`, `[{"text":null}]`,
		`[{"text":"\u0627\n"}]`, `[{"confidence":1e400}]`, `[{"start":1},]`, "[{\"text\":\"\xff\"}]", `[{"rule":"x"}] x`, `[`} {
		checkSame(t, []byte(in))
	}
}

// checkSame: decodeMentions gives encoding/json's value and error.
func checkSame(t *testing.T, b []byte) {
	t.Helper()
	var want []rasad.Mention
	werr := json.Unmarshal(b, &want)
	got, err := decodeMentions(string(b))
	if (err == nil) != (werr == nil) {
		t.Fatalf("%q: error %v, encoding/json %v", b, err, werr)
	}
	if werr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: %+v, encoding/json %+v", b, got, want)
	}
}

func FuzzDecodeMentions(f *testing.F) {
	b, _ := json.Marshal(sampleMentions())
	f.Add(b)
	f.Add([]byte(`[{"start":1,"end":2,"text":"a\"b","confidence":-0.5e-3}]`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) { checkSame(t, b) })
}

func BenchmarkDecodeMentions(b *testing.B) {
	var ms []rasad.Mention
	for range 30 {
		ms = append(ms, sampleMentions()...)
	}
	data, _ := json.Marshal(ms)
	b.Run("scan", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := decodeMentions(string(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var out []rasad.Mention
			if err := json.Unmarshal(data, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
}
