package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Every page of the examples renders: each story, article and entity, a
// query timeline and a search, in Arabic, right to left, with the headers.
func TestEveryPageRenders(t *testing.T) {
	srv, _ := newTestServer(t, sharedExamples(t), "")
	ix := srv.idx.get(t.Context())
	pages := []string{"/", "/?limit=2", "/timeline", "/timeline?q=" + url.QueryEscape("خط الغاز"), "/search",
		"/search?q=" + url.QueryEscape("المبعوث") + "&from=2023-05-01&to=2023-05-31", "/static/app.css", "/static/app.js",
		"/static/vendor/vis-timeline/vis-timeline-graph2d.min.js"}
	for _, s := range ix.stories {
		pages = append(pages, "/stories/"+url.PathEscape(s.ID))
	}
	for _, b := range ix.briefs {
		pages = append(pages, "/articles/"+url.PathEscape(b.Display), "/articles/"+b.ID[:8])
	}
	for _, c := range ix.entities {
		pages = append(pages, "/entities/"+c.Type+"/"+url.PathEscape(c.Key))
	}
	for _, p := range pages {
		w := get(t, srv, p)
		if w.Code != http.StatusOK {
			t.Errorf("%s: %d", p, w.Code)
			continue
		}
		if strings.HasPrefix(p, "/static/") {
			continue
		}
		body := w.Body.String()
		if !strings.Contains(body, `<html lang="ar" dir="rtl">`) || !strings.Contains(body, `src="/static/app.js"`) {
			t.Errorf("%s: not an Arabic RTL page with its script", p)
		}
		checkHeaders(t, p, w)
	}
	if len(pages) < 40 {
		t.Errorf("only %d pages", len(pages))
	}
	// an unknown story, article or entity is the not-found page
	for _, p := range []string{"/stories/s-none", "/articles/nothing-like-this", "/entities/PERSON/" + url.PathEscape("لا أحد"), "/nope"} {
		if w := get(t, srv, p); w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), `dir="rtl"`) {
			t.Errorf("%s: %d", p, w.Code)
		}
	}
}
