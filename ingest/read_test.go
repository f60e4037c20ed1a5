package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// readAll reads path and returns its articles and rejected items.
func readAll(t *testing.T, path string, opts Options) (arts []Item, rejected []Item) {
	t.Helper()
	err := Read(context.Background(), path, opts, func(it Item) error {
		if it.Err != nil {
			if !errors.Is(it.Err, ErrRejected) {
				t.Errorf("%s: error does not wrap ErrRejected: %v", it.Origin, it.Err)
			}
			rejected = append(rejected, it)
			return nil
		}
		if err := Prepare(it.Article); err != nil {
			it.Err = err
			rejected = append(rejected, it)
			return nil
		}
		arts = append(arts, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Read(%s): %v", path, err)
	}
	return arts, rejected
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

const sampleText = "وزيرا الطاقة يبحثان خط الغاز\n\nاستضافت عمّان اليوم الأحد جولة محادثات بين وفدين أردني وعراقي.\nوقال الوزير إن الخلاف ما زال قائما.\n"

func TestReadText(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.txt", []byte("\ufeff"+sampleText))
	pub := time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC)
	arts, rej := readAll(t, p, Options{Published: &pub, Source: "مصدر", URL: "https://example.org/a"})
	if len(arts) != 1 || len(rej) != 0 {
		t.Fatalf("got %d articles, %d rejected", len(arts), len(rej))
	}
	a := arts[0].Article
	if a.Title != "وزيرا الطاقة يبحثان خط الغاز" {
		t.Errorf("title %q", a.Title)
	}
	if a.Published == nil || !a.Published.Equal(pub) || a.PublishedFrom != "flag" {
		t.Errorf("published %v from %q", a.Published, a.PublishedFrom)
	}
	r := a.Reports[0]
	if r.Source != "مصدر" || r.URL != "https://example.org/a" || r.Format != "txt" || r.ExtID != p {
		t.Errorf("report %+v", r)
	}
	if len(a.ID) != 16 {
		t.Errorf("id %q", a.ID)
	}
}

func TestReadJSONL(t *testing.T) {
	dir := t.TempDir()
	lines := strings.Join([]string{
		`{"id": "a1", "url": "https://example.org/1", "source": "وكالة", "title": "عنوان أول", "text": "نص المقال الأول عن المحادثات.", "published": "2024-03-10T19:45:00+03:00", "abstract": "ملخص"}`,
		``,
		`{"id": 7, "url": "https://example.org/2", "source_domain": "example.org", "title": "عنوان ثان", "maintext": "نص المقال الثاني عن الزيارة.", "date_publish": "2024-03-11 08:00:00", "description": "وصف", "authors": ["أ", "ب"], "language": "ar"}`,
		`{"id": "bad", "text": "نص"`,
		`{"id": "no-text", "title": "بلا نص"}`,
		`{"id": "bad-date", "text": "نص له تاريخ مستحيل.", "published": "2022-02-31"}`,
		`[1, 2]`,
	}, "\n")
	for _, name := range []string{"a.jsonl", "b.jsonl.gz"} {
		data := []byte(lines)
		if strings.HasSuffix(name, ".gz") {
			data = gz(t, data)
		}
		p := write(t, dir, name, data)
		arts, rej := readAll(t, p, Options{})
		if len(arts) != 3 {
			t.Fatalf("%s: %d articles, want 3", name, len(arts))
		}
		a1, a2, a3 := arts[0].Article, arts[1].Article, arts[2].Article
		if a1.Reports[0].ExtID != "a1" || a1.Reports[0].Source != "وكالة" || a1.Abstract != "ملخص" || a1.Published.Format(time.RFC3339) != "2024-03-10T16:45:00Z" && !a1.Published.Equal(time.Date(2024, 3, 10, 16, 45, 0, 0, time.UTC)) {
			t.Errorf("a1 %+v %+v", a1, a1.Reports[0])
		}
		if a2.Reports[0].ExtID != "7" || a2.Reports[0].Source != "example.org" || a2.Text != "نص المقال الثاني عن الزيارة." ||
			a2.Author != "أ، ب" || a2.Language != "ar" || a2.Published == nil || a2.Published.Hour() != 8 {
			t.Errorf("a2 %+v %+v", a2, a2.Reports[0])
		}
		if a3.Published != nil || len(a3.Warnings) != 1 || !strings.Contains(a3.Warnings[0], "out of range") {
			t.Errorf("impossible date: published %v warnings %q", a3.Published, a3.Warnings)
		}
		// rejected lines carry file:line
		want := map[string]string{p + ":4": "malformed JSON", p + ":5": "no text", p + ":7": "malformed JSON"}
		if len(rej) != len(want) {
			t.Fatalf("%s: rejected %d, want %d: %v", name, len(rej), len(want), rej)
		}
		for _, r := range rej {
			if w, ok := want[r.Origin]; !ok || !strings.Contains(r.Err.Error(), w) {
				t.Errorf("rejected %s: %v (want %q)", r.Origin, r.Err, w)
			}
		}
	}
}

func TestReadHTML(t *testing.T) {
	arts, rej := readAll(t, "testdata/page.html", Options{})
	if len(arts) != 1 || len(rej) != 0 {
		t.Fatalf("got %d articles, %d rejected %v", len(arts), len(rej), rej)
	}
	a := arts[0].Article
	if !strings.Contains(a.Text, "استضافت عمّان") || strings.Contains(a.Text, "سياسة الخصوصية") {
		t.Errorf("main text not extracted cleanly:\n%s", a.Text)
	}
	if a.Title != "وزيرا الطاقة يبحثان خط الغاز" {
		t.Errorf("title %q", a.Title)
	}
	if a.Published == nil || a.Published.Format("2006-01-02") != "2024-03-10" || a.PublishedFrom != "html" {
		t.Errorf("published %v from %s", a.Published, a.PublishedFrom)
	}
	if a.Reports[0].Source != "موقع تجريبي" || a.Reports[0].Format != "html" {
		t.Errorf("report %+v", a.Reports[0])
	}
	if !bytes.Contains(a.Raw, []byte("<nav>")) {
		t.Errorf("raw page not kept")
	}
}

func TestReadFeeds(t *testing.T) {
	arts, rej := readAll(t, "testdata/feed.rss", Options{})
	if len(arts) != 1 || len(rej) != 1 {
		t.Fatalf("rss: %d articles, %d rejected", len(arts), len(rej))
	}
	a := arts[0].Article
	if a.Title != "منديز في بنغازي" || !strings.Contains(a.Text, "لا بديل عن الانتخابات") || strings.Contains(a.Text, "<p>") {
		t.Errorf("rss item: %q / %q", a.Title, a.Text)
	}
	if a.Reports[0].ExtID != "news-1" || a.Reports[0].URL != "https://example.org/news/1" || a.Reports[0].Source != "موقع تجريبي" {
		t.Errorf("rss report %+v", a.Reports[0])
	}
	if a.Published == nil || !a.Published.Equal(time.Date(2023, 5, 10, 16, 20, 0, 0, time.UTC)) {
		t.Errorf("rss published %v", a.Published)
	}
	if rej[0].Origin != "testdata/feed.rss#2" {
		t.Errorf("rejected origin %q", rej[0].Origin)
	}
	arts, rej = readAll(t, "testdata/feed.atom", Options{})
	if len(arts) != 1 || len(rej) != 0 {
		t.Fatalf("atom: %d articles, %d rejected", len(arts), len(rej))
	}
	if a := arts[0].Article; a.Title != "استئناف مفاوضات الصيد البحري" || !strings.Contains(a.Text, "استأنف المغرب") || a.Reports[0].URL != "https://example.org/entry/1" {
		t.Errorf("atom entry %+v", a)
	}
}

// warcRecord builds one WARC/1.0 record.
func warcRecord(typ, uri, ctype string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-11T06:00:00Z\r\nWARC-Record-ID: <urn:uuid:%d>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", typ, uri, len(block), ctype, len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func httpResponse(ctype string, body []byte) []byte {
	return []byte(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", ctype, len(body), body))
}

func sampleWARC(t *testing.T) []byte {
	page, err := os.ReadFile("testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	var w bytes.Buffer
	w.Write(warcRecord("warcinfo", "", "application/warc-fields", []byte("software: test\r\n")))
	w.Write(warcRecord("request", "https://example.org/a", "application/http; msgtype=request", []byte("GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n")))
	w.Write(warcRecord("response", "https://example.org/a", "application/http; msgtype=response", httpResponse("text/html; charset=utf-8", page)))
	w.Write(warcRecord("response", "https://example.org/logo.png", "application/http; msgtype=response", httpResponse("image/png", []byte("\x89PNG...."))))
	return w.Bytes()
}

func TestReadWARC(t *testing.T) {
	dir := t.TempDir()
	data := sampleWARC(t)
	// .warc.gz is usually one gzip member per record; concatenated members
	// must read as one stream
	var members bytes.Buffer
	for _, rec := range bytes.SplitAfter(data, []byte("\r\n\r\nWARC/")) {
		members.Write(gz(t, rec))
	}
	for name, content := range map[string][]byte{"a.warc": data, "b.warc.gz": gz(t, data), "c.warc.gz": members.Bytes()} {
		p := write(t, dir, name, content)
		arts, rej := readAll(t, p, Options{})
		if len(arts) != 1 || len(rej) != 0 {
			t.Fatalf("%s: %d articles, %d rejected %v", name, len(arts), len(rej), rej)
		}
		a := arts[0].Article
		if a.Reports[0].URL != "https://example.org/a" || a.Reports[0].Format != "warc" || !strings.Contains(a.Text, "استضافت عمّان") {
			t.Errorf("%s: %+v", name, a.Reports[0])
		}
		if a.Reports[0].Origin != p+"#3" {
			t.Errorf("%s: origin %q", name, a.Reports[0].Origin)
		}
	}
	// a truncated record is reported, the records before it are kept
	p := write(t, dir, "trunc.warc", data[:len(data)-40])
	arts, rej := readAll(t, p, Options{})
	if len(arts) != 1 || len(rej) != 1 || !strings.Contains(rej[0].Err.Error(), "truncated") {
		t.Errorf("truncated: %d articles, rejected %v", len(arts), rej)
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	huge := bytes.Repeat([]byte("كلمة "), 50<<20/9) // 50 MB, one line
	cases := []struct {
		name    string
		data    []byte
		reason  string
		nArts   int
		warning string
	}{
		{"empty.txt", nil, "empty file", 0, ""},
		{"blank.txt", []byte("  \n\n \t\n"), "empty file", 0, ""},
		{"binary.bin", []byte("\x00\x01\x02\x03PK\x03\x04\x00\x00garbage"), "binary", 0, ""},
		{"png.txt", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 200)...), "binary", 0, ""},
		{"latin1.txt", []byte("عنوان\nنص عربي ثم بايت \xff\xfe خاطئ في الوسط.\n"), "", 1, "invalid UTF-8"},
		{"nobody.html", []byte("<html><head><title>x</title></head></html>"), "HTML without a body", 0, ""},
		{"huge.txt", huge, "exceeds", 0, ""},
		{"residue-only.txt", []byte("عادي\nشارك\nقراءة 3 دقائق\n"), "no text besides the title", 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, dir, c.name, c.data)
			arts, rej := readAll(t, p, Options{})
			if len(arts) != c.nArts {
				t.Fatalf("%d articles, want %d (rejected %v)", len(arts), c.nArts, rej)
			}
			if c.reason != "" {
				if len(rej) != 1 || !strings.Contains(rej[0].Err.Error(), c.reason) || rej[0].Origin != p {
					t.Fatalf("rejected %v, want one with %q", rej, c.reason)
				}
			}
			if c.warning != "" {
				a := arts[0].Article
				if len(a.Warnings) == 0 || !strings.Contains(a.Warnings[0], c.warning) || !strings.Contains(a.Text, "\uFFFD") {
					t.Errorf("warnings %q", a.Warnings)
				}
				if !bytes.Equal(a.Raw, c.data) {
					t.Errorf("raw bytes not kept")
				}
			}
		})
	}
	t.Run("huge-jsonl-line", func(t *testing.T) {
		line := append([]byte(`{"id":"big","text":"`), huge...)
		line = append(line, []byte("\"}\n{\"id\":\"small\",\"text\":\"نص قصير بعد السطر الكبير.\"}\n")...)
		p := write(t, dir, "huge.jsonl", line)
		arts, rej := readAll(t, p, Options{})
		if len(arts) != 1 || len(rej) != 1 || rej[0].Origin != p+":1" || !strings.Contains(rej[0].Err.Error(), "exceeds") {
			t.Fatalf("articles %d, rejected %v", len(arts), rej)
		}
	})
	t.Run("missing-path", func(t *testing.T) {
		_, rej := readAll(t, filepath.Join(dir, "nope.txt"), Options{})
		if len(rej) != 1 || !strings.Contains(rej[0].Err.Error(), "no such file") {
			t.Fatalf("rejected %v", rej)
		}
	})
	t.Run("unreadable", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads files whatever their mode")
		}
		p := write(t, dir, "secret.txt", []byte(sampleText))
		os.Chmod(p, 0)
		_, rej := readAll(t, p, Options{})
		if len(rej) != 1 || !strings.Contains(rej[0].Err.Error(), "permission denied") {
			t.Fatalf("rejected %v", rej)
		}
	})
}

func TestReadDirectoryOfManyFiles(t *testing.T) {
	dir := t.TempDir()
	const n = 3000
	for i := 0; i < n; i++ {
		write(t, dir, fmt.Sprintf("d%02d/%05d.txt", i%30, i), []byte(fmt.Sprintf("عنوان %d\nنص المقال رقم %d عن موضوع ما.\n", i, i)))
	}
	write(t, dir, ".hidden/x.txt", []byte(sampleText))
	arts, rej := readAll(t, dir, Options{})
	if len(arts) != n || len(rej) != 0 {
		t.Fatalf("%d articles, %d rejected; want %d", len(arts), len(rej), n)
	}
	// name order, deterministic
	if !strings.HasSuffix(arts[0].Origin, "d00/00000.txt") {
		t.Errorf("first origin %q", arts[0].Origin)
	}
}

func TestDetect(t *testing.T) {
	cases := map[string]Format{
		"WARC/1.0\r\n":                      FormatWARC,
		`{"id":1}`:                          FormatJSONL,
		"<?xml version='1.0'?><rss>":        FormatFeed,
		"<?xml version='1.0'?>\n<feed>":     FormatFeed,
		"<!DOCTYPE html><html>":             FormatHTML,
		"  <html lang=ar>":                  FormatHTML,
		"عنوان\nنص":                         FormatText,
		"":                                  FormatEmpty,
		"\x00\x00":                          FormatBinary,
		"<p>a fragment in a .html file</p>": FormatHTML,
	}
	for in, want := range cases {
		name := "x"
		if strings.Contains(in, "fragment") {
			name = "x.html"
		}
		if got := Detect(name, []byte(in)); got != want {
			t.Errorf("Detect(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestParseTime(t *testing.T) {
	good := map[string]string{
		"2019-06-10":                      "2019-06-10T00:00:00Z",
		"2019-06-10 12:30:00":             "2019-06-10T12:30:00Z",
		"2018-02-01T10:00:14+04:00":       "2018-02-01T06:00:14Z",
		"Mon, 10 Jun 2019 08:00:00 +0000": "2019-06-10T08:00:00Z",
	}
	for in, want := range good {
		got, err := ParseTime(in)
		if err != nil || got.UTC().Format(time.RFC3339) != want {
			t.Errorf("ParseTime(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"2022-02-31", "2022-13-01", "yesterday", "", "0001-01-01"} {
		if _, err := ParseTime(bad); err == nil {
			t.Errorf("ParseTime(%q) accepted", bad)
		}
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"نص","published":"2019-06-10"}` + "\n" + `{"id":`))
	f.Add([]byte(`{"maintext":"x","date_publish":"2022-02-31 00:00:00","authors":[1,"a"]}`))
	f.Add([]byte("\n\n{}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bytes.NewReader(append([]byte("{"), data...))
		err := readStream(context.Background(), "f.jsonl", r, Options{}, func(it Item) error {
			if it.Origin == "" {
				t.Fatalf("item without origin")
			}
			if it.Err == nil {
				if it.Article == nil {
					t.Fatalf("neither article nor error")
				}
				Prepare(it.Article)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("read: %v", err)
		}
	})
}

func FuzzWARC(f *testing.F) {
	f.Add(warcRecord("response", "https://example.org/", "application/http", httpResponse("text/html", []byte("<html><body><p>نص</p></body></html>"))))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 5\r\n\r\nHTTP/"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("WARC/")) {
			data = append([]byte("WARC/1.0\r\n"), data...)
		}
		err := readStream(context.Background(), "f.warc", bytes.NewReader(data), Options{}, func(it Item) error {
			if it.Err == nil && it.Article == nil {
				t.Fatalf("neither article nor error")
			}
			return nil
		})
		if err != nil {
			t.Fatalf("read: %v", err)
		}
	})
}

func TestReadHTMLWindows1256(t *testing.T) {
	page, err := os.ReadFile("testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	enc, err := encodeWindows1256(strings.Replace(string(page), `<meta charset="utf-8">`, `<meta charset="windows-1256">`, 1))
	if err != nil {
		t.Fatal(err)
	}
	p := write(t, t.TempDir(), "cp1256.html", enc)
	arts, rej := readAll(t, p, Options{})
	if len(arts) != 1 || len(rej) != 0 {
		t.Fatalf("%d articles, rejected %v", len(arts), rej)
	}
	a := arts[0].Article
	if !strings.Contains(a.Text, "استضافت") || !bytes.Equal(a.Raw, enc) || len(a.Warnings) == 0 {
		t.Errorf("not transcoded: %q warnings %q", a.Text[:min(80, len(a.Text))], a.Warnings)
	}
}

// TestReadDirFollowsSymlinks: links to files and directories inside an
// input directory are read; a link back to an ancestor is read once and
// reported, not followed forever; a dangling link is reported.
func TestReadDirFollowsSymlinks(t *testing.T) {
	root := t.TempDir()
	store := t.TempDir()
	write(t, store, "a.txt", []byte("عنوان أول\nنص الخبر الأول عن افتتاح مكتبة عامة في الحي.\n"))
	sub := filepath.Join(store, "more")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, sub, "b.txt", []byte("عنوان ثان\nنص الخبر الثاني عن سباق للدراجات في الساحل.\n"))
	in := filepath.Join(root, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		"file.txt": filepath.Join(store, "a.txt"),
		"dir":      sub,
		"loop":     in,
		"gone.txt": filepath.Join(store, "missing.txt"),
	} {
		if err := os.Symlink(target, filepath.Join(in, link)); err != nil {
			t.Skipf("symlinks unsupported: %v", err)
		}
	}
	arts, rej := readAll(t, in, Options{})
	if len(arts) != 2 {
		t.Fatalf("read %d articles through links, want 2; rejected %v", len(arts), rej)
	}
	var reasons []string
	for _, r := range rej {
		reasons = append(reasons, r.Origin+": "+r.Err.Error())
	}
	all := strings.Join(reasons, "\n")
	if len(rej) != 2 || !strings.Contains(all, "cycle") || !strings.Contains(all, "dangling") {
		t.Errorf("rejected:\n%s", all)
	}
}

// TestImplausiblePublished: a date in 2200 or before 1900 is dropped with a
// warning (the article is kept), a date of tomorrow is kept, and no error
// message shows Go's layout strings.
func TestImplausiblePublished(t *testing.T) {
	now := time.Date(2025, 4, 20, 10, 0, 0, 0, time.UTC)
	lines := `{"id":"f","text":"أعلنت البلدية عن حملة لتشجير الشوارع الرئيسية.","published":"2200-01-01"}
{"id":"o","text":"أعلنت البلدية عن حملة لتنظيف الشواطئ.","published":"1850-06-01"}
{"id":"t","text":"أعلنت البلدية عن حملة لترميم المدارس.","published":"2025-04-21T09:00:00Z"}
{"id":"u","text":"أعلنت البلدية عن حملة لصيانة الجسور.","published":"next spring"}
`
	p := write(t, t.TempDir(), "d.jsonl", []byte(lines))
	arts, rej := readAll(t, p, Options{Now: func() time.Time { return now }})
	if len(arts) != 4 || len(rej) != 0 {
		t.Fatalf("%d articles, rejected %v", len(arts), rej)
	}
	for i, a := range arts {
		w := strings.Join(a.Article.Warnings, "; ")
		switch i {
		case 0, 1, 3:
			if a.Article.Published != nil || !strings.Contains(w, "published dropped") {
				t.Errorf("%d: published %v warnings %q", i, a.Article.Published, w)
			}
		case 2:
			if a.Article.Published == nil {
				t.Errorf("tomorrow's date dropped: %q", w)
			}
		}
		if strings.Contains(w, "2006") || strings.Contains(w, "15:04") {
			t.Errorf("%d: a Go layout in %q", i, w)
		}
	}
	for _, in := range []string{"yesterday", "2022-02-31", "10/03/2024"} {
		_, err := ParseTime(in)
		if err == nil || strings.Contains(err.Error(), "2006") || strings.Contains(err.Error(), "15:04") {
			t.Errorf("ParseTime(%q): %v", in, err)
		}
	}
}
