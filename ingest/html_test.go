package ingest

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// readOne reads a file that must give one article, and prepares it.
func readOne(t *testing.T, path string) *Item {
	t.Helper()
	arts, rej := readAll(t, path, Options{})
	if len(arts) != 1 || len(rej) != 0 {
		t.Fatalf("%s: %d articles, rejected %v", path, len(arts), rej)
	}
	if err := Prepare(arts[0].Article); err != nil {
		t.Fatalf("%s: prepare: %v", path, err)
	}
	return &arts[0]
}

// TestHTMLBlocks: the page's paragraphs are lines of the text, the title is
// not glued to the first sentence, and the page's own residue lines are set
// aside by cleaning (which works line by line).
func TestHTMLBlocks(t *testing.T) {
	a := readOne(t, "testdata/news.html").Article
	if a.Title != "افتتاح جسر جديد فوق نهر النيل في أسوان" {
		t.Errorf("title %q", a.Title)
	}
	body := strings.TrimSpace(a.Body())
	lines := strings.Split(body, "\n")
	var content []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			content = append(content, l)
		}
	}
	if len(content) != 4 {
		t.Fatalf("body has %d lines, want the 4 paragraphs:\n%s", len(content), body)
	}
	if !strings.HasPrefix(content[0], "افتتح محافظ أسوان صباح اليوم الأحد جسرا جديدا يربط ضفتي") {
		t.Errorf("first paragraph %q (title glued, or a line break inside the paragraph kept)", content[0])
	}
	if !strings.HasPrefix(content[3], "ومن المقرر أن يفتح الجسر") {
		t.Errorf("last paragraph %q", content[3])
	}
	for _, junk := range []string{"قراءة 3 دقائق", "شارك", "اقرأ أيضا", "بحيرة السد", "سياسة الخصوصية", "محليات", "not text", "display"} {
		if strings.Contains(body, junk) {
			t.Errorf("body keeps %q:\n%s", junk, body)
		}
	}
	r := a.Reports[0]
	if r.URL != "https://example.net/news/bridge-aswan" || r.Source != "جريدة المثال" || r.Format != "html" {
		t.Errorf("report %+v", r)
	}
	if a.Published == nil || a.Published.UTC().Format("2006-01-02T15:04") != "2024-06-02T06:15" {
		t.Errorf("published %v", a.Published)
	}
}

// TestHTMLCopyOfJSONL: the page of an article first read as a JSON line
// has the same content ID, so the store records it as a second report.
func TestHTMLCopyOfJSONL(t *testing.T) {
	h := readOne(t, "testdata/news.html").Article
	j := readOne(t, "testdata/news.jsonl").Article
	if h.ID != j.ID {
		t.Errorf("HTML copy has ID %s, the JSON line %s\nHTML body:\n%s\nJSONL body:\n%s", h.ID, j.ID, h.Body(), j.Body())
	}
}

// TestHTMLInWARCBlocks: a page in a WARC keeps its paragraphs too.
func TestHTMLInWARCBlocks(t *testing.T) {
	page, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	data := warcRecord("response", "https://example.net/news/bridge-aswan", "application/http; msgtype=response", httpResponse("text/html; charset=utf-8", page))
	p := write(t, t.TempDir(), "a.warc", data)
	a := readOne(t, p).Article
	if n := strings.Count(strings.TrimSpace(a.Body()), "\n"); n < 3 {
		t.Errorf("WARC page body has %d line breaks, want the paragraphs as lines:\n%s", n, a.Body())
	}
	if a.Reports[0].Format != "warc" {
		t.Errorf("format %q", a.Reports[0].Format)
	}
}

// TestHTMLWindows1256Undeclared: a windows-1256 page without any charset
// declaration is recognised from its bytes.
func TestHTMLWindows1256Undeclared(t *testing.T) {
	page, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(page), `<meta charset="utf-8">`, "", 1)
	src = strings.ReplaceAll(src, "©", "(c)")
	enc, err := encodeWindows1256(src)
	if err != nil {
		t.Fatal(err)
	}
	p := write(t, t.TempDir(), "legacy.html", enc)
	a := readOne(t, p).Article
	if !strings.Contains(a.Text, "افتتح محافظ أسوان") || a.Title != "افتتاح جسر جديد فوق نهر النيل في أسوان" {
		t.Errorf("not decoded: title %q text %q", a.Title, a.Text[:min(len(a.Text), 120)])
	}
	if !strings.Contains(strings.Join(a.Warnings, ";"), "windows-1256") {
		t.Errorf("warnings %q", a.Warnings)
	}
}

// FuzzDetectEncoding: any bytes get an encoding; valid UTF-8 stays UTF-8;
// what the chosen decoder makes is valid UTF-8 (after repair).
func FuzzDetectEncoding(f *testing.F) {
	f.Add([]byte("<html><body><p>نص</p></body></html>"), "")
	f.Add([]byte{0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3, 0x20, 0xda, 0xe1, 0xed, 0xdf, 0xe3}, "text/html")
	f.Add([]byte("<meta charset=\"iso-8859-6\"><p>\xc7\xe4</p>"), "text/html; charset=windows-1256")
	f.Fuzz(func(t *testing.T, data []byte, ctype string) {
		for _, isHTML := range []bool{true, false} {
			enc, name := DetectEncoding(data, ctype, isHTML)
			if name == "" {
				t.Fatalf("no name")
			}
			if enc == nil {
				if name != "utf-8" {
					t.Fatalf("nil decoder for %s", name)
				}
				continue
			}
			if !isHTML && ctype == "" && utf8.Valid(data) {
				t.Fatalf("valid UTF-8 read as %s", name)
			}
			out, got := toUTF8(data, ctype, isHTML)
			if got != "" && !utf8.Valid(out) {
				t.Fatalf("decoded text not valid")
			}
		}
	})
}

// TestExampleWARC reads the hand-made testdata/news.warc.gz (one gzip
// member per record, as crawlers write them), which CI also ingests: one
// article from the HTML response, nothing from the request, the warcinfo
// or the image.
func TestExampleWARC(t *testing.T) {
	a := readOne(t, "testdata/news.warc.gz").Article
	if a.Reports[0].URL != "https://example.net/news/bridge-aswan" || a.Reports[0].Format != "warc" || a.Title != "افتتاح جسر جديد فوق نهر النيل في أسوان" {
		t.Errorf("report %+v title %q", a.Reports[0], a.Title)
	}
}

// TestHTMLTextDropsLinkListsAndFigures: a list of links ("read also") and
// an image's caption are not article text; a list of sentences is.
func TestHTMLTextDropsLinkListsAndFigures(t *testing.T) {
	got := htmlText(`<p>افتتحت الوزارة مركزا صحيا جديدا.</p>
<figure><img src="x.jpg"><figcaption>صورة المركز من الخارج</figcaption></figure>
<div><b>اقرأ أيضا</b><ul><li><a href="/1">عنوان خبر آخر</a></li><li> <a href="/2">وعنوان ثالث</a> </li></ul></div>
<ul><li>يضم المركز عشرين سريرا.</li><li>ويعمل فيه <a href="/staff">ثلاثون</a> طبيبا.</li></ul>`)
	want := "افتتحت الوزارة مركزا صحيا جديدا.\nاقرأ أيضا\nيضم المركز عشرين سريرا.\nويعمل فيه ثلاثون طبيبا."
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// FuzzHTML: any page gives an article with valid UTF-8 text and no blank
// line runs, or a rejection; never a panic.
func FuzzHTML(f *testing.F) {
	page, err := os.ReadFile("testdata/news.html")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(page)
	f.Add([]byte("<html><body><ul><li><a>x</a></li></ul><pre>a\nb</pre><table><tr><td>1</td><td>2</td></tr></table></body></html>"))
	f.Add([]byte("<body>\xc7\xe1\xd3\xe1\xc7\xe3<br><br><p>نص</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parseHTML("f.html", data, "", nil, Options{})
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
			t.Fatalf("invalid UTF-8")
		}
		if strings.Contains(a.Text, "\n\n\n") {
			t.Fatalf("blank line runs in %q", a.Text)
		}
		Prepare(a)
	})
}

// BenchmarkParseHTML reads pages of 64 KB to 4 MB (one paragraph of my own
// repeated) to show that HTML reading stays linear in the page's size:
// go test ./ingest -run '^$' -bench ParseHTML
func BenchmarkParseHTML(b *testing.B) {
	para := "<p>افتتح محافظ المدينة صباح اليوم جسرا جديدا يربط ضفتي النهر بعد عامين من أعمال الإنشاء.</p>\n"
	for _, size := range []int{64 << 10, 512 << 10, 4 << 20} {
		page := []byte("<html><head><title>جسر</title></head><body><article>" + strings.Repeat(para, size/len(para)) + "</article></body></html>")
		b.Run(strconv.Itoa(size>>10)+"KB", func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for i := 0; i < b.N; i++ {
				if _, err := parseHTML("b.html", page, "", nil, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
