package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// a news-please record as news-please writes it: one indented object per file
const newsPlease = `{
    "authors": [
        "سلمى الراشد"
    ],
    "date_download": "2023-09-14 08:02:11",
    "date_publish": "2023-09-13 21:40:00",
    "description": "مزارعو الزيتون يبدأون الموسم مبكرا",
    "language": "ar",
    "maintext": "بدأ مزارعو الزيتون في ريف إدلب قطف المحصول قبل موعده المعتاد بأسبوعين.\nويقول المزارعون إن موجة الحر دفعتهم إلى التبكير خشية تلف الثمار.",
    "source_domain": "example.org",
    "title": "موسم زيتون مبكر في إدلب",
    "url": "https://example.org/olive-season"
}
`

func TestReadPrettyJSON(t *testing.T) {
	dir := t.TempDir()
	arts, rej := readAll(t, write(t, dir, "np.json", []byte(newsPlease)), Options{})
	if len(arts) != 1 || len(rej) != 0 {
		t.Fatalf("pretty object: %d articles, rejected %v", len(arts), rej)
	}
	a := arts[0].Article
	r := a.Reports[0]
	if a.Title != "موسم زيتون مبكر في إدلب" || !strings.HasPrefix(a.Text, "بدأ مزارعو الزيتون") || r.Source != "example.org" ||
		r.URL != "https://example.org/olive-season" || a.Author != "سلمى الراشد" || a.Published == nil || a.Published.Format("2006-01-02 15:04") != "2023-09-13 21:40" {
		t.Errorf("article %+v report %+v", a, r)
	}
	if r.Format != "json" || r.Origin != dir+"/np.json" {
		t.Errorf("format %q origin %q", r.Format, r.Origin)
	}
	// two pretty objects one after the other, then a broken one
	second := strings.Replace(newsPlease, "olive-season", "olive-season-2", 1)
	second = strings.Replace(second, "قبل موعده المعتاد بأسبوعين", "بعد تأخر الأمطار", 1)
	p := write(t, dir, "two.json", []byte(newsPlease+second+"{\n  \"title\": \"x\",\n  \"maintext\": \n}\n"))
	arts, rej = readAll(t, p, Options{})
	if len(arts) != 2 || len(rej) != 1 {
		t.Fatalf("two objects: %d articles, rejected %v", len(arts), rej)
	}
	if arts[0].Origin != p+"#1" || arts[1].Origin != p+"#2" {
		t.Errorf("origins %q %q", arts[0].Origin, arts[1].Origin)
	}
	if !strings.Contains(rej[0].Err.Error(), "malformed JSON") || !strings.HasPrefix(rej[0].Origin, p+":") {
		t.Errorf("rejected %s: %v", rej[0].Origin, rej[0].Err)
	}
}

func TestReadJSONArray(t *testing.T) {
	data := `[
  {"id": "n1", "title": "افتتاح معرض الكتاب", "text": "افتتح معرض الكتاب أبوابه صباح اليوم بمشاركة مئات دور النشر.", "published": "2022-11-05"},
  {"id": "n2", "title": "بلا نص"},
  "سطر",
  {"id": "n3", "title": "أمطار غزيرة", "text": "هطلت أمطار غزيرة على المدن الساحلية طوال الليل."}
]`
	p := write(t, t.TempDir(), "list.json", []byte(data))
	arts, rej := readAll(t, p, Options{})
	if len(arts) != 2 || len(rej) != 2 {
		t.Fatalf("%d articles, rejected %v", len(arts), rej)
	}
	if arts[0].Article.Reports[0].ExtID != "n1" || arts[1].Article.Reports[0].ExtID != "n3" || arts[1].Origin != p+"#4" {
		t.Errorf("articles %+v %+v", arts[0].Article.Reports[0], arts[1].Article.Reports[0])
	}
	if strings.Contains(arts[0].Article.Text, "{") {
		t.Errorf("raw JSON stored as text: %q", arts[0].Article.Text)
	}
	if rej[0].Origin != p+"#2" || rej[1].Origin != p+"#3" || !strings.Contains(rej[1].Err.Error(), "not an object") {
		t.Errorf("rejected %v", rej)
	}
	// an empty array, and a text that only starts with a bracket
	arts, rej = readAll(t, write(t, t.TempDir(), "empty.json", []byte("[]\n")), Options{})
	if len(arts) != 0 || len(rej) != 1 || !strings.Contains(rej[0].Err.Error(), "no articles") {
		t.Errorf("empty array: %d articles, rejected %v", len(arts), rej)
	}
	arts, _ = readAll(t, write(t, t.TempDir(), "note.txt", []byte("[صورة] عنوان الخبر\nنص الخبر الذي يلي الصورة في سطر ثان.\n")), Options{})
	if len(arts) != 1 || arts[0].Article.Reports[0].Format != "txt" {
		t.Errorf("bracketed text read as %+v", arts)
	}
}

func TestDetectJSON(t *testing.T) {
	for in, want := range map[string]Format{
		"[\n {\"a\": 1}\n]": FormatJSON,
		"[]":                FormatJSON,
		"[صورة] خبر":        FormatText,
		"{\"a\": 1}\n":      FormatJSONL,
	} {
		if got := Detect("x", []byte(in)); got != want {
			t.Errorf("Detect(%q) = %s, want %s", in, got, want)
		}
	}
	// a JSON Lines file whose first line is cut off stays JSON Lines, so the
	// lines after it are read
	p := write(t, t.TempDir(), "cut.jsonl", []byte("{\"id\": \"a\", \"text\": \"نص\n{\"id\": \"b\", \"text\": \"وصل الوفد إلى المطار مساء أمس.\"}\n"))
	arts, rej := readAll(t, p, Options{})
	if len(arts) != 1 || len(rej) != 1 || rej[0].Origin != p+":1" {
		t.Errorf("cut first line: %d articles, rejected %v", len(arts), rej)
	}
	if !isPrettyJSON([]byte("{\n  \"a\": 1\n}\n")) || isPrettyJSON([]byte("{\"a\": 1}\n{\"a\": 2}\n")) || isPrettyJSON([]byte("{\"a\": 1")) {
		t.Errorf("isPrettyJSON")
	}
}

func FuzzJSON(f *testing.F) {
	f.Add([]byte(newsPlease))
	f.Add([]byte(`[{"text": "نص قصير"}, 1, null, {"text": 5}]`))
	f.Add([]byte("{\n\"text\": \"a\"\n}\n{\n"))
	f.Add([]byte("[{\"text\": \"a\"}] x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.json", "g.jsonl"} {
			err := readStream(context.Background(), name, bytes.NewReader(data), Options{}, func(it Item) error {
				if it.Err == nil && it.Article == nil {
					t.Fatalf("neither article nor error")
				}
				if it.Err == nil {
					Prepare(it.Article)
				}
				return nil
			})
			if err != nil {
				t.Fatalf("read: %v", err)
			}
		}
	})
}
