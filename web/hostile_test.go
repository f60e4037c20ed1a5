package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

const token = "test-token-long-enough"

// hostile is an article of our own making whose title and text carry
// markup and event handlers, as a scraped page may.
const hostile = `{"id":"hx1","source":"موقع <b>مريب</b>","url":"javascript:alert(1)","published":"2024-05-02","title":"<script>alert('t')</script> وزير الري يلتقي نظيره <img src=x onerror=alert(2)>","text":"التقى وزير الري سالم العتيبي اليوم الخميس في عمان نظيره سعيد الحربي <script>alert('x')</script> لبحث تقاسم المياه.\n<a href=\"javascript:alert(3)\" onclick=\"alert(4)\">اضغط هنا</a> <svg onload=alert(5)>\nوقال العتيبي إن المحادثات ستستأنف الشهر المقبل."}`

func TestHostileInput(t *testing.T) {
	path := examplesStore(t)
	srv, st := newTestServer(t, path, token)
	ctx := t.Context()
	before, _, _ := st.Count(ctx)
	ex01, err := st.Get(ctx, "ex01-amman-call")
	if err != nil {
		t.Fatal(err)
	}

	// writes: off without a token, refused with a wrong one
	ro, _ := newTestServer(t, examplesStore(t), "")
	if w := post(t, ro, "/api/v1/articles", "application/json", token, hostile); w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), `"writes_disabled"`) {
		t.Errorf("writes off: %d %s", w.Code, w.Body)
	}
	if w := post(t, srv, "/api/v1/articles", "application/json", "", hostile); w.Code != http.StatusUnauthorized {
		t.Errorf("no token: %d", w.Code)
	}
	if w := post(t, srv, "/api/v1/articles", "application/json", token+"x", hostile); w.Code != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", w.Code)
	}
	if w := post(t, srv, "/api/v1/articles", "text/html", token, hostile); w.Code != http.StatusUnsupportedMediaType {
		t.Errorf("text/html body: %d", w.Code)
	}
	// malformed bodies: a clear 4xx, nothing stored
	for name, body := range map[string]string{
		"empty":           "",
		"not json":        "<html><body>مرحبا</body></html>",
		"broken array":    `[{"text":"نص"}`,
		"array of number": `[1,2]`,
		"broken line":     `{"text": "نص غير مكتمل`,
		"binary":          "\x00\x01\x02\xff",
		"nul in json":     "{\"text\":\"\x00\"}",
	} {
		w := post(t, srv, "/api/v1/articles", "application/json", token, body)
		if w.Code < 400 || w.Code >= 500 {
			t.Errorf("%s: %d %s", name, w.Code, w.Body)
		}
		if !json.Valid(w.Body.Bytes()) {
			t.Errorf("%s: answer is not JSON: %s", name, w.Body)
		}
	}
	// a body over the limit: 413 before anything is read into the store
	big := `{"text":"` + strings.Repeat("ا", MaxBodyBytes/2+1) + `"}`
	if w := post(t, srv, "/api/v1/articles", "application/json", token, big); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("huge body: %d", w.Code)
	}
	if n, _, _ := st.Count(ctx); n != before {
		t.Fatalf("refused bodies changed the store: %d → %d articles", before, n)
	}
	// a JSON Lines body with one bad line: the good line is stored, the bad one reported
	w := post(t, srv, "/api/v1/articles", "application/x-ndjson", token, hostile+"\n{\"text\": oops}\n")
	var sum IngestSummary
	if err := json.Unmarshal(w.Body.Bytes(), &sum); err != nil {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	if w.Code != http.StatusCreated || sum.New != 1 || sum.Rejected != 1 || len(sum.Rejections) != 1 || !strings.Contains(sum.Rejections[0].Origin, ":2") {
		t.Fatalf("mixed body: %d %+v", w.Code, sum)
	}
	srv.idx.waitIdle()
	id := sum.Articles[0].ID

	// the markup is shown as text on every page, never as HTML
	pages := []string{"/", "/articles/" + id, "/articles/hx1", "/search?q=" + url.QueryEscape("وزير الري"),
		"/timeline?q=" + url.QueryEscape("وزير الري"), "/stories/" + srv.idx.get(ctx).storyOf[id]}
	for _, p := range pages {
		w := get(t, srv, p)
		if w.Code != http.StatusOK {
			t.Errorf("%s: %d", p, w.Code)
			continue
		}
		body := w.Body.String()
		for _, bad := range []string{"<script>alert", "<img src=x", "<svg onload", "onclick=\"alert", "href=\"javascript:", "<b>مريب"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s renders %q as HTML", p, bad)
			}
		}
		checkHeaders(t, p, w)
	}
	if body := get(t, srv, "/articles/hx1").Body.String(); !strings.Contains(body, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") {
		t.Errorf("the article page does not show the script tag as text")
	}

	// FTS syntax and odd queries: an answer, never a server error
	for _, q := range []string{`"`, `""`, `"وزير`, `NEAR(وزير الري)`, `وزير*`, `*`, `title:وزير`, `وزير OR`, `AND`, `NOT وزير`,
		`)(`, `^وزير`, `-`, `{title body}: x`, `'; DROP TABLE articles; --`, "\u200f\u200e", "وزير\x00الري", `%`, `\`} {
		for _, base := range []string{"/api/v1/search?q=", "/api/v1/timeline?q=", "/search?q=", "/timeline?q="} {
			w := get(t, srv, base+url.QueryEscape(q))
			if w.Code >= 500 {
				t.Errorf("%s%q: %d %s", base, q, w.Code, w.Body)
			}
		}
	}
	// limits
	for target, want := range map[string]int{
		"/api/v1/search?q=" + strings.Repeat("ب", MaxQueryRunes+1): 400,
		"/api/v1/search?q=x&limit=1000":                            400,
		"/api/v1/search?q=x&limit=-1":                              400,
		"/api/v1/search?q=x&cursor=bm90LWEtY3Vyc29y":               400,
		"/api/v1/search?q=x&from=yesterday":                        400,
		"/api/v1/search?q=%ff%fe":                                  400,
		"/api/v1/search":                                           400,
		"/api/v1/stories?min_size=0":                               400,
		"/api/v1/stories/nope/timeline?type=<script>":              404,
		"/api/v1/timeline?q=x&type=" + url.QueryEscape("<x>"):      400,
		"/api/v1/timeline?q=x&type=FOO":                            400,
		"/api/v1/entities?type=GOD":                                400,
		"/api/v1/entities/GOD/x":                                   400,
		"/api/v1/nope":                                             404,
		"/search?q=" + strings.Repeat("ب", MaxQueryRunes+1):        400,
	} {
		w := get(t, srv, target)
		if w.Code != want {
			t.Errorf("%s: %d, want %d", target, w.Code, want)
		}
		if strings.HasPrefix(target, "/api/") && !strings.Contains(w.Body.String(), `"code"`) {
			t.Errorf("%s: not a JSON error: %s", target, w.Body)
		}
	}
	if w := post(t, srv, "/api/v1/stories", "application/json", token, "{}"); w.Code != http.StatusMethodNotAllowed || !strings.Contains(w.Body.String(), "method_not_allowed") {
		t.Errorf("POST on a GET endpoint: %d %s", w.Code, w.Body)
	}

	// path tricks: a clean 404 (or a redirect to a clean path), never a file outside static/
	for _, p := range []string{"/static/../web.go", "/static/%2e%2e/openapi.json", "/static/..%2fserver.go", "/static/", "/static/vendor/",
		"/articles/..%2f..%2fetc%2fpasswd", "/articles/%00", "/stories/%3Cscript%3E", "/entities/PERSON/..%2f..", "//etc/passwd",
		"/api/v1/articles/%2e%2e", "/templates/base.html", "/openapi.json"} {
		req := httptest.NewRequest(http.MethodGet, "http://x"+p, nil)
		rw := httptest.NewRecorder()
		srv.ServeHTTP(rw, req)
		body := rw.Body.String()
		if rw.Code == http.StatusOK || rw.Code >= 500 {
			t.Errorf("%s: %d", p, rw.Code)
		}
		if strings.Contains(body, "package web") || strings.Contains(body, "root:") || strings.Contains(body, "<script>") {
			t.Errorf("%s leaks: %.80s", p, body)
		}
	}

	// nothing stored was lost or changed
	after, _, _ := st.Count(ctx)
	if after != before+1 {
		t.Errorf("%d articles before, %d after one new", before, after)
	}
	again, err := st.Get(ctx, "ex01-amman-call")
	if err != nil || again.Text != ex01.Text || len(again.Reports) != len(ex01.Reports) {
		t.Errorf("a stored article changed: %v", err)
	}
}

func checkHeaders(t *testing.T, p string, w *httptest.ResponseRecorder) {
	t.Helper()
	csp := w.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("%s: CSP %q", p, csp)
	}
	if w.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("%s: no nosniff", p)
	}
	if strings.Contains(w.Body.String(), "<script>") {
		t.Errorf("%s: an inline script", p)
	}
}

// An ingest through the API shows up in the pages' index.
func TestIngestUpdatesIndex(t *testing.T) {
	srv, _ := newTestServer(t, examplesStore(t), token)
	body := `[{"id":"own-1","source":"منفذ أ","published":"2024-06-10","title":"وزيرا الزراعة يبحثان مكافحة الجراد","text":"بحث وزير الزراعة المصري كريم منصور اليوم الاثنين في القاهرة مع نظيره السوداني عادل الطيب خطة مشتركة لمكافحة الجراد الصحراوي.\nواتفق الوزيران على تبادل بيانات الرصد أسبوعيا."},
{"id":"own-2","source":"منفذ ب","published":"2024-06-11","title":"القاهرة والخرطوم تتفقان على خطة لمكافحة الجراد","text":"اتفق وزير الزراعة المصري كريم منصور ونظيره السوداني عادل الطيب أمس الاثنين في القاهرة على خطة مشتركة لمكافحة الجراد الصحراوي.\nوتشمل الخطة تبادل بيانات الرصد أسبوعيا."}]`
	w := post(t, srv, "/api/v1/articles", "application/json; charset=utf-8", token, body)
	if w.Code != http.StatusCreated {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	srv.idx.waitIdle()
	ix := srv.idx.get(t.Context())
	sid := ix.storyOf[ix.byDisplay("own-1")]
	if sid == "" || sid != ix.storyOf[ix.byDisplay("own-2")] {
		t.Fatalf("the two reports are not one story: %q", sid)
	}
	if w := get(t, srv, "/stories/"+sid); w.Code != 200 || !strings.Contains(w.Body.String(), "الجراد") {
		t.Errorf("story page: %d", w.Code)
	}
	// the same body again stores nothing new
	w = post(t, srv, "/api/v1/articles", "application/json", token, body)
	var sum IngestSummary
	json.Unmarshal(w.Body.Bytes(), &sum)
	if w.Code != http.StatusOK || sum.New != 0 || sum.Duplicates != 2 {
		t.Errorf("again: %d %+v", w.Code, sum)
	}
}
