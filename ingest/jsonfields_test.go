package ingest

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/rasad/rasad/internal/testcorpus"
)

var fieldGroups = map[string][]string{
	"id": jsonFields.id, "url": jsonFields.url, "source": jsonFields.source, "title": jsonFields.title,
	"text": jsonFields.text, "published": jsonFields.published, "abstract": jsonFields.abstract,
	"language": jsonFields.language, "author": jsonFields.author,
}

// sameAsMap checks the field decoder against encoding/json into a map on
// one record: when the decoder takes it, encoding/json must take it too
// and every field must read the same; a record encoding/json rejects the
// decoder must give up on (so that the rejection keeps encoding/json's
// message). It reports whether the decoder took the record.
func sameAsMap(t *testing.T, data []byte) bool {
	t.Helper()
	var r jsonRecord
	ok := jsonFieldsOf(data, &r)
	var m map[string]any
	err := json.Unmarshal(data, &m)
	if !ok {
		return false
	}
	if err != nil {
		t.Fatalf("decoder took %q, encoding/json: %v", data, err)
	}
	if m == nil {
		t.Fatalf("decoder took %q, encoding/json made no map", data)
	}
	for name, names := range fieldGroups {
		if got, want := r.field(names), field(m, names); got != want {
			t.Fatalf("%q: field %s = %q, want %q", data, name, got, want)
		}
	}
	return true
}

// TestFieldsSameAsMap runs the comparison on records of our own making:
// both field-name conventions, escapes, duplicates, every value type, and
// malformed records the decoder must leave to encoding/json.
func TestFieldsSameAsMap(t *testing.T) {
	took := map[string]bool{
		`{"id":"a","text":"نص قصير","published":"2019-06-10","title":" عنوان "}`:                            true,
		`{"maintext":"x","date_publish":"2022-02-31 00:00:00","authors":[1,"a","",["b"],{"c":1},null,"د"]}`: true,
		` {"text":"a\"b\\c\/d\b\f\n\r\t\u0041\u00e9\u062a\ud83d\ude00 \ud800 \udc00x"} `:                    true,
		`{"text":"first","text":"second","title":null,"title":"t"}`:                                         true,
		`{"text":"x","title":"t","title":null}`:                                                             true,
		`{"text":"x","id":12.50,"url":-0,"source":1e3,"language":true,"author":false,"abstract":2.5E-3}`:    true,
		`{"text":"x","id":"","_id":"","guid":"g","url":null,"link":"l","outlet":{"a":[1,{"b":[]}]}}`:        true,
		`{"\u0074ext":"escaped key","ti\u0074le":"t","other\n":1}`:                                          true,
		`{"text":"x","authors":[],"author":[]}`:                                                             true,
		`{"text":"x","author":"","authors":["a","b"]}`:                                                      true,
		`{}`: true,
		"{\"text\":\"bad \xff byte\",\"title\":\"\xc3\"}": true, // invalid UTF-8
		"{\"text\":\"x\",\"\xff\":1}":                     true,
		`{"text":"bad \x escape"}`:                        false,
		`{"body":"b","content":"c","description":"d"}`:    true,
		`{"text":"x","n":123456789012345678901234567890}`: true,
		// left to encoding/json
		`{"text":"x","n":1e400}`:       false, // out of float64's range
		`{"text":"x"} trailing`:        false,
		`{"text":"x",}`:                false,
		`{"text":"x" "y":1}`:           false,
		`{"text":01}`:                  false,
		"{\"text\":\"tab\tinside\"}":   false,
		`{"text":"\u12"}`:              false,
		`{"text":tru}`:                 false,
		`{"text":-}`:                   false,
		`{"text":1.}`:                  false,
		`{"text":1e}`:                  false,
		`["text"]`:                     false,
		`null`:                         false,
		`"text"`:                       false,
		"\xef\xbb\xbf{\"text\":\"x\"}": false,
		`{"text":"x"`:                  false,
		`{"text"`:                      false,
		`{text:"x"}`:                   false,
		``:                             false,
		`{"a":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `,"text":"deep"}`: false,
	}
	for in, want := range took {
		if got := sameAsMap(t, []byte(in)); got != want {
			t.Errorf("decoder took %q: %v, want %v", in, got, want)
		}
	}
}

// TestFieldsSameAsMapCorpus compares the decoder with encoding/json on
// every ant-dev record; the decoder must take them all.
func TestFieldsSameAsMapCorpus(t *testing.T) {
	f, err := os.Open(testcorpus.Path(t, "corpus/ant-dev.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<26)
	n := 0
	for sc.Scan() {
		n++
		if !sameAsMap(t, sc.Bytes()) {
			t.Fatalf("record %d left to encoding/json", n)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 1000 {
		t.Fatalf("%d records", n)
	}
}

func FuzzFieldsSameAsMap(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"نص","published":"2019-06-10","authors":["x",1,null]}`))
	f.Add([]byte(`{"maintext":"a\u00e9\ud83d\ude00","date_publish":2019,"title":{"x":[1,2]},"title":"t"}`))
	f.Add([]byte(`{"text":"x","n":-1.5e-7,"b":true,"c":false,"d":null,"e":[[],{}]}`))
	f.Add([]byte("{\"text\":\"\xff\\ud800\",\"source_domain\":\"s\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsMap(t, data)
	})
}

func BenchmarkJSONRecord(b *testing.B) {
	f, err := os.Open(testcorpus.Path(b, "corpus/ant-dev.jsonl.gz"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<26)
	var lines [][]byte
	size := 0
	for sc.Scan() && len(lines) < 2000 {
		lines = append(lines, append([]byte(nil), sc.Bytes()...))
		size += len(sc.Bytes())
	}
	// the field decoder, and encoding/json into a map as before it
	b.Run("fields", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range lines {
				var r jsonRecord
				if !jsonFieldsOf(l, &r) || r.field(jsonFields.text) == "" {
					b.Fatal("not decoded")
				}
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range lines {
				var m map[string]any
				if json.Unmarshal(l, &m) != nil || field(m, jsonFields.text) == "" {
					b.Fatal("not decoded")
				}
				for _, names := range fieldGroups {
					field(m, names)
				}
			}
		}
	})
}
