package sqlite

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand"
	"reflect"
	"testing"

	"github.com/rasad/rasad"
)

// trickyStrings are what the string escaping must treat as encoding/json
// does: HTML characters, controls, quotes, invalid UTF-8, U+2028/2029,
// Arabic with diacritics and tatweel, and the empty string (omitempty).
var trickyStrings = []string{
	"", "قال الرئيس", "وَزِيرُ الخارجيّة", "عـاجل", `"quoted" \ back`, "<b>&amp;</b>",
	"tab\there\nnew\rline\b\f\x00\x01\x1f\x7f", "bad \xff\xfe utf8 \xd9", "line\u2028sep\u2029",
	"emoji 😀 and 中文", "A-Z a-z 0-9 ~!@#$%^*()_+{}|:?",
}

var trickyFloats = []float64{0, 1, 0.5, 0.85, 0.123456789, 1e-7, 2.5e-9, 1e21, 123456789, -0.25, 1e-6, 0.1 + 0.2}

// fill sets every field of v (a pointer) by reflection from r, so that a
// field added to a type is filled too and its JSON compared.
func fill(r *rand.Rand, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		fill(r, v.Elem())
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fill(r, v.Field(i))
		}
	case reflect.String:
		v.SetString(trickyStrings[r.Intn(len(trickyStrings))])
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(r.Intn(100000) - 10))
	case reflect.Float64, reflect.Float32:
		v.SetFloat(trickyFloats[r.Intn(len(trickyFloats))])
	case reflect.Slice:
		n := r.Intn(4)
		if r.Intn(5) == 0 {
			v.SetZero() // nil
			return
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := 0; i < n; i++ {
			fill(r, s.Index(i))
		}
		v.Set(s)
	case reflect.Bool:
		v.SetBool(r.Intn(2) == 0)
	default:
		panic("fill: add a case for " + v.Kind().String() + " (and to the hand-written JSON)")
	}
}

// TestAnalysisJSONSameAsMarshal checks that the hand-written encoders write
// what json.Marshal writes, for values with every field filled (nil slices
// are written as [], as putAnalysis always did).
func TestAnalysisJSONSameAsMarshal(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	same := func(name string, got []byte, err error, want any) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		w, err := json.Marshal(want)
		if err != nil {
			t.Fatal(err)
		}
		if string(w) == "null" {
			w = []byte("[]")
		}
		if !bytes.Equal(got, w) {
			t.Fatalf("%s:\n got %s\nwant %s", name, got, w)
		}
	}
	for i := 0; i < 3000; i++ {
		var ts []rasad.Timex
		var ms []rasad.Mention
		var es []rasad.EventMention
		fill(r, reflect.ValueOf(&ts))
		fill(r, reflect.ValueOf(&ms))
		fill(r, reflect.ValueOf(&es))
		got, err := marshalTimexes(ts)
		same("timexes", got, err, ts)
		got, err = marshalMentions(ms)
		same("mentions", got, err, ms)
		got, err = marshalEvents(es)
		same("events", got, err, es)
	}
	// every string escape, one byte at a time and in runs
	for c := 0; c < 256; c++ {
		s := string([]byte{byte(c)}) + "ب" + string([]byte{byte(c), 'x'})
		got := appendJSONString(nil, s)
		want, _ := json.Marshal(s)
		if !bytes.Equal(got, want) {
			t.Fatalf("byte %#x: got %s want %s", c, got, want)
		}
	}
	// what JSON cannot hold fails as json.Marshal does
	for _, f := range []float64{math.NaN(), math.Inf(1)} {
		if _, err := marshalTimexes([]rasad.Timex{{Confidence: f}}); err == nil {
			t.Errorf("timex confidence %v: no error", f)
		}
		if _, err := marshalMentions([]rasad.Mention{{Confidence: f}}); err == nil {
			t.Errorf("mention confidence %v: no error", f)
		}
	}
}

func BenchmarkAnalysisJSON(b *testing.B) {
	ms := make([]rasad.Mention, 40)
	for i := range ms {
		ms[i] = rasad.Mention{Span: rasad.Span{Start: 100 * i, End: 100*i + 26}, Text: "الرئيس الفرنسي", Type: "PERSON",
			Key: "فرنسي", Role: "president", Country: "FR", Rule: "title+name", Confidence: 0.85}
	}
	b.Run("hand", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			marshalMentions(ms)
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			json.Marshal(ms)
		}
	})
}
