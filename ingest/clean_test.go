package ingest

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/internal/testcorpus"
)

func removedLines(a *rasad.Article) map[string]string {
	out := map[string]string{}
	for _, r := range a.Removed {
		out[strings.TrimSpace(a.Text[r.Start:r.End])] = r.Kind
	}
	return out
}

func TestCleanRules(t *testing.T) {
	cases := []struct {
		name    string
		title   string
		text    string
		removed map[string]string // line -> kind
		title2  string            // expected title after cleaning
	}{
		{
			name: "header with kicker, timestamp and reading time",
			text: "عادي\nخبر ذو صلة عن الاقتصاد العالمي\n\nالعنوان الحقيقي للمقال هنا\n\n09:45 مساءً\nقراءة 4 دقائق\nنص المقال الأول.\nنص ثان.\n",
			removed: map[string]string{
				"عادي": "label", "خبر ذو صلة عن الاقتصاد العالمي": "kicker",
				"09:45 مساءً": "timestamp", "قراءة 4 دقائق": "reading-time",
			},
			title2: "العنوان الحقيقي للمقال هنا",
		},
		{
			name:    "repeated title and continued marker",
			text:    "وزيران يبحثان الأزمة\n\nوزيران يبحثان الأزمة\n\nبحث الوزيران الأزمة اليوم.\n(يتبع)\nوأضاف الوزير أن المحادثات مستمرة.\n",
			removed: map[string]string{"وزيران يبحثان الأزمة": "repeated-title", "(يتبع)": "continued"},
			title2:  "وزيران يبحثان الأزمة",
		},
		{
			name:  "footer prompts",
			title: "عنوان",
			text:  "بحث الوزيران الأزمة اليوم.\nقيّم هذا الخبر\nاشترك في نشرتنا الإخبارية اليومية\nحمّل تطبيق الموقع على هاتفك\nتاريخ النشر: 12/03/2024 10:30\nوقت القراءة: 5 دقائق\nأضف تعليقك\nQmFzZTY0IGp1bmsgaGVyZSE= موقع\n",
			removed: map[string]string{
				"قيّم هذا الخبر": "rating", "اشترك في نشرتنا الإخبارية اليومية": "newsletter",
				"حمّل تطبيق الموقع على هاتفك": "newsletter", "تاريخ النشر: 12/03/2024 10:30": "timestamp",
				"وقت القراءة: 5 دقائق": "reading-time", "أضف تعليقك": "rating", "QmFzZTY0IGp1bmsgaGVyZSE= موقع": "base64",
			},
			title2: "عنوان",
		},
		{
			name:    "content that looks like residue is kept",
			title:   "عنوان",
			text:    "سجل الجيش تقدما في المعارك.\nالضمانات الأمنية\nوتابع الوزير أن النشرة الجوية تتوقع أمطارا غزيرة في عدة مدن خلال الأسبوع المقبل، داعيا المواطنين إلى الحذر.\nالخميس 10 يناير هو موعد القمة المقبلة بين الزعيمين في العاصمة.\nWashington Post reported the meeting.\n",
			removed: map[string]string{},
			title2:  "عنوان",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := &rasad.Article{Title: c.title, Text: c.text}
			Clean(a)
			if got := removedLines(a); !reflect.DeepEqual(got, c.removed) {
				t.Errorf("removed:\n got %v\nwant %v", got, c.removed)
			}
			if a.Title != c.title2 {
				t.Errorf("title %q, want %q", a.Title, c.title2)
			}
			if len(a.Masked()) != len(a.Text) {
				t.Errorf("masked text changed length")
			}
		})
	}
}

func TestDatelineAndCredits(t *testing.T) {
	cases := []struct {
		text     string
		dateline string // agency
		date     string
		credits  []string
	}{
		{"عنوان\nالقاهرة - (رويترز) - قال مسؤول إن المحادثات انتهت.\n", "رويترز", "", nil},
		{"عنوان\nبيروت ـ أ ف ب: أعلن الجيش اليوم وقف إطلاق النار.\n", "أ ف ب", "", nil},
		{"عنوان\n( شبكة ما ۔ / تاس - 3 آذار 2021ء) أعلن الكرملين اليوم أن الرئيس سيزور الصين.\n", "تاس", "3 آذار 2021ء", nil},
		{"عنوان\nقال الوزير ذلك وفقا لوكالة الأناضول.\nصورة من الاجتماع (أ.ف.ب)\n(وكالات)\n", "", "", []string{"الأناضول", "أ ف ب", "وكالات"}},
		{"عنوان\nبيروت - قال مسؤول إن الاجتماع انتهى (رويترز) اليوم.\n", "", "", []string{"رويترز"}},
	}
	for _, c := range cases {
		a := &rasad.Article{Text: c.text}
		Clean(a)
		switch {
		case c.dateline == "" && a.Dateline != nil:
			t.Errorf("%q: unexpected dateline %+v", c.text, a.Dateline)
		case c.dateline != "" && (a.Dateline == nil || a.Dateline.Agency != c.dateline || a.Dateline.Date != c.date):
			t.Errorf("%q: dateline %+v, want agency %q date %q", c.text, a.Dateline, c.dateline, c.date)
		}
		var got []string
		for _, cr := range a.Credits {
			got = append(got, cr.Agency)
			if !strings.Contains(a.Text[cr.Start:cr.End], strings.Fields(cr.Agency)[0][:2]) && cr.Agency != "أ ف ب" {
				t.Errorf("credit span %q does not hold %q", a.Text[cr.Start:cr.End], cr.Agency)
			}
		}
		if !reflect.DeepEqual(got, c.credits) {
			t.Errorf("%q: credits %v, want %v", c.text, got, c.credits)
		}
	}
}

func TestContentID(t *testing.T) {
	base := &rasad.Article{Title: "عنوان", Text: "قال الوزير إن المحادثات انتهت.\nوأضاف أن الجولة المقبلة في مايو.\n"}
	same := []*rasad.Article{
		{Text: "عنوان\n\nقال الوزير إن المحادثات انتهت.\nوأضاف أن الجولة المقبلة في مايو.\n"},                 // title as first line
		{Title: "عنوان", Text: "قالَ الوزيرُ إنّ المحادثات انتهت.\nوأضاف أن الجولة المقبلة في مايو.\nشارك\n"}, // diacritics, residue
		{Title: "عنوان آخر", Text: "قال الوزير إن المحادثات انتهت.\n\nوأضاف أن الجولة المقبلة في مايو."},
	}
	if err := Prepare(base); err != nil {
		t.Fatal(err)
	}
	for i, a := range same {
		if err := Prepare(a); err != nil {
			t.Fatal(err)
		}
		if a.ID != base.ID {
			t.Errorf("variant %d: id %s, want %s", i, a.ID, base.ID)
		}
	}
	other := &rasad.Article{Title: "عنوان", Text: "قال الوزير إن المحادثات لم تنته.\n"}
	Prepare(other)
	if other.ID == base.ID {
		t.Errorf("different text, same id")
	}
}

// TestSeedsCleaning checks cleaning against the gold annotations of the
// five seed articles: the residue lines it removes, the titles, and the
// agencies credited.
func TestSeedsCleaning(t *testing.T) {
	goldData, err := os.ReadFile(testcorpus.Path(t, "gold/seeds.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Documents map[string]struct {
			Title        string   `json:"title"`
			Boilerplate  []string `json:"boilerplate"`
			SourceAgency string   `json:"source_agency"`
		} `json:"documents"`
	}
	if err := json.Unmarshal(goldData, &gold); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(testcorpus.Path(t, "seeds/seeds.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		a, err := parseJSONRecord("seeds.jsonl", sc.Bytes(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := Prepare(a); err != nil {
			t.Fatal(err)
		}
		id := a.Reports[0].ExtID + ".txt"
		g, ok := gold.Documents[id]
		if !ok {
			t.Fatalf("no gold for %s", id)
		}
		n++
		var got, want []string
		for line := range removedLines(a) {
			got = append(got, line)
		}
		want = append(want, g.Boilerplate...)
		sort.Strings(got)
		sort.Strings(want)
		// the repeated title is residue by our rules; the gold keeps it
		got = without(got, g.Title)
		if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("%s removed:\n got %q\nwant %q", id, got, want)
		}
		if a.Title != g.Title {
			t.Errorf("%s title %q, want %q", id, a.Title, g.Title)
		}
		agencies := map[string]bool{}
		for _, c := range a.Credits {
			agencies[a.Text[c.Start:c.End]] = true
			agencies[c.Agency] = true
		}
		if a.Dateline != nil {
			agencies[a.Dateline.Agency] = true
		}
		for _, ag := range strings.Split(g.SourceAgency, ",") {
			ag = strings.TrimSpace(ag)
			if ag != "" && !agencies[ag] {
				t.Errorf("%s: agency %q not found (have %v)", id, ag, agencies)
			}
		}
	}
	if n != 5 {
		t.Errorf("read %d seeds, want 5", n)
	}
}

func without(ss []string, x string) []string {
	var out []string
	for _, s := range ss {
		if s != x {
			out = append(out, s)
		}
	}
	return out
}

func FuzzClean(f *testing.F) {
	f.Add("", "عادي\nعنوان\n\n01:20 صباحا\nقراءة 3 دقائق\nنص.\n(تستمر)\n")
	f.Add("عنوان", "( أ / سبوتنيك - 18 كانون الثاني 2022ء) نص\nعنوان\n")
	f.Add("", "القاهرة - (رويترز) -\n\xff\n")
	f.Fuzz(func(t *testing.T, title, text string) {
		a := &rasad.Article{Title: title, Text: text}
		Clean(a)
		prev := 0
		for _, r := range a.Removed {
			if r.Start < prev || r.End < r.Start || r.End > len(text) {
				t.Fatalf("bad removal %+v (len %d)", r, len(text))
			}
			prev = r.End
		}
		for _, c := range a.Credits {
			if c.Start < 0 || c.End > len(text) || c.End <= c.Start {
				t.Fatalf("bad credit %+v", c)
			}
		}
		if d := a.Dateline; d != nil && (d.Start < 0 || d.End > len(text) || d.End <= d.Start) {
			t.Fatalf("bad dateline %+v", d)
		}
		if len(a.Masked()) != len(text) {
			t.Fatalf("masked length changed")
		}
		_ = a.Body()
		_ = ContentID(a)
	})
}

// atMostFields agrees with strings.Fields on lines of our own making:
// Arabic, Latin, tabs, no-break and other Unicode spaces, invalid UTF-8.
func TestAtMostFields(t *testing.T) {
	for _, s := range []string{"", " ", "كلمة", " قال  الوزير\tإن\u00a0الاتفاق\u2003سيوقع غدا ", "a b c d e f g h", "a b c d e f g h i",
		"\xff\xfe كلمة \xff", "  واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة  "} {
		for n := 0; n <= 10; n++ {
			if got, want := atMostFields(s, n), len(strings.Fields(s)) <= n; got != want {
				t.Errorf("atMostFields(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}
