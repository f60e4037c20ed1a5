package watch

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// outlet is a test news site: a feed whose items change over time, the
// pages they link to, and switches that make it fail.
type outlet struct {
	t    *testing.T
	srv  *httptest.Server
	name string

	mu       sync.Mutex
	items    []item // newest first, as feeds list them
	pages    map[string]page
	feedHits int
	pageHits map[string]int
	// failures
	feedStatus int           // answer this status instead of the feed
	feedBody   func() []byte // serve this instead of the feed
	etagOff    bool
	pageStatus map[string]int // answer this status for a page
}

type item struct {
	guid, link, title, summary, content string
	published                           time.Time
}

type page struct {
	body        []byte
	contentType string
}

func newOutlet(t *testing.T, name string) *outlet {
	o := &outlet{t: t, name: name, pages: map[string]page{}, pageHits: map[string]int{}, pageStatus: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", o.serveFeed)
	mux.HandleFunc("/", o.servePage)
	o.srv = httptest.NewServer(mux)
	t.Cleanup(o.srv.Close)
	return o
}

func (o *outlet) url(path string) string { return o.srv.URL + path }

func (o *outlet) addItem(it item) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for i := range o.items {
		if o.items[i].guid == it.guid {
			o.items[i] = it
			return
		}
	}
	o.items = append([]item{it}, o.items...)
}

func (o *outlet) setPage(path string, body []byte, ctype string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.pages[path] = page{body, ctype}
}

func (o *outlet) feedXML() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>` + html.EscapeString(o.name) + `</title><link>` + o.srv.URL + `</link><language>ar</language>`)
	for _, it := range o.items {
		b.WriteString("<item><guid>" + html.EscapeString(it.guid) + "</guid><link>" + html.EscapeString(it.link) + "</link><title>" + html.EscapeString(it.title) + "</title>")
		b.WriteString("<pubDate>" + it.published.UTC().Format(time.RFC1123Z) + "</pubDate>")
		if it.summary != "" {
			b.WriteString("<description>" + html.EscapeString(it.summary) + "</description>")
		}
		if it.content != "" {
			b.WriteString("<content:encoded><![CDATA[" + it.content + "]]></content:encoded>")
		}
		b.WriteString("</item>")
	}
	b.WriteString("</channel></rss>")
	return []byte(b.String())
}

func (o *outlet) serveFeed(w http.ResponseWriter, r *http.Request) {
	o.mu.Lock()
	o.feedHits++
	status, custom := o.feedStatus, o.feedBody
	body := o.feedXML()
	etagOff := o.etagOff
	o.mu.Unlock()
	if status != 0 {
		http.Error(w, "down", status)
		return
	}
	if custom != nil {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(custom())
		return
	}
	if !etagOff {
		etag := fmt.Sprintf(`"%x"`, hashOf(string(body)))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Write(body)
}

func (o *outlet) servePage(w http.ResponseWriter, r *http.Request) {
	o.mu.Lock()
	o.pageHits[r.URL.Path]++
	p, ok := o.pages[r.URL.Path]
	status := o.pageStatus[r.URL.Path]
	o.mu.Unlock()
	if status != 0 {
		http.Error(w, "unavailable", status)
		return
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	if p.contentType != "" {
		w.Header().Set("Content-Type", p.contentType)
	} else {
		w.Header()["Content-Type"] = nil // no sniffing: a page without a charset
	}
	w.Write(p.body)
}

func (o *outlet) hits(path string) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	if path == "/feed.xml" {
		return o.feedHits
	}
	return o.pageHits[path]
}

// Our own sentences about invented people and places, varied by n so that
// every article has its own text (and content ID).
var (
	people   = []string{"سمير الخطيب", "ليلى منصور", "كريم الشامي", "نادية العلي", "فادي حداد", "هالة يوسف", "رامي سلامة", "منى الحسن"}
	cities   = []string{"عمان", "بيروت", "تونس", "الرباط", "الدوحة", "مسقط", "القاهرة", "الجزائر"}
	topics   = []string{"المياه", "التجارة", "الطاقة", "التعليم", "الصحة", "النقل", "الزراعة", "السياحة"}
	ordinals = []string{"الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"}
)

func articleText(n int, day time.Time) (title, body string) {
	p1, p2 := people[n%len(people)], people[(n/3+1)%len(people)]
	if p1 == p2 {
		p2 = people[(n+5)%len(people)]
	}
	city, topic := cities[(n/2)%len(cities)], topics[(n/5)%len(topics)]
	title = fmt.Sprintf("وزير %s يلتقي نظيره في %s (%d)", topic, city, n)
	body = fmt.Sprintf("التقى وزير %s %s نظيره %s في %s يوم %d من الشهر الجاري لبحث ملف %s.\n"+
		"وقال الوزير إن الاجتماع %s بين الجانبين تناول خطة مشتركة رقم %d.\n"+
		"ومن المقرر أن يعقد الطرفان جولة جديدة من المحادثات الشهر المقبل في %s.\n",
		topic, p1, p2, city, day.Day(), topic, ordinals[n%len(ordinals)], n, cities[(n+3)%len(cities)])
	return title, body
}

func pageHTML(title, body string) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>" + html.EscapeString(title) + "</title></head><body><nav>الرئيسية | أخبار | رياضة</nav><article><h1>" + html.EscapeString(title) + "</h1>")
	for _, l := range strings.Split(strings.TrimSpace(body), "\n") {
		b.WriteString("<p>" + html.EscapeString(l) + "</p>")
	}
	b.WriteString("</article><footer>جميع الحقوق محفوظة</footer></body></html>")
	return []byte(b.String())
}
