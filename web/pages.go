package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/story"
)

type pageTemplate struct{ t *template.Template }

var funcs = template.FuncMap{
	"seg":     url.PathEscape,
	"ardate":  arabicDate,
	"day":     func(t *time.Time) template.HTML { return isoDay(t) },
	"tday":    func(t time.Time) template.HTML { return isoDay(&t) },
	"status":  func(s string) string { return statusLabels[s] },
	"typeAr":  func(s string) string { return typeLabels[s] },
	"residue": func(s string) string { return residueLabels[s] },
	"add":     func(a, b int) int { return a + b },
	"roles": func(rs []string) string {
		out := make([]string, len(rs))
		for i, r := range rs {
			out[i] = entities.RoleLabel(r)
		}
		return strings.Join(out, "، ")
	},
	"join": strings.Join,
	"entityHref": func(typ, key string) string {
		return "/entities/" + url.PathEscape(typ) + "/" + url.PathEscape(key)
	},
	"articleHref": func(ref string) string { return "/articles/" + url.PathEscape(ref) },
}

func loadPages() (map[string]*pageTemplate, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*pageTemplate{}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "base" || strings.HasPrefix(base, "_") {
			continue
		}
		t, err := template.New(base).Funcs(funcs).ParseFS(templateFS, "templates/base.html", "templates/_*.html", n)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", n, err)
		}
		out[base] = &pageTemplate{t}
	}
	return out, nil
}

// render executes a page into a buffer first, so a failure is a clean
// error page rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data map[string]any) {
	if _, ok := data["Q"]; !ok {
		data["Q"] = ""
	}
	var b bytes.Buffer
	if err := s.pages[name].t.ExecuteTemplate(&b, "base", data); err != nil {
		s.log.Error("render", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	status, _ := domainError(err)
	msg := "حدث خطأ داخلي."
	switch status {
	case http.StatusNotFound:
		msg = "لم نجد ما تبحث عنه."
	case http.StatusBadRequest, http.StatusConflict:
		msg = "الطلب غير صالح: " + err.Error()
	default:
		s.log.Error("page failed", "path", r.URL.Path, "err", err)
	}
	s.render(w, r, status, "error", map[string]any{"Title": "خطأ", "Message": msg, "Status": status})
}

func (s *Server) notFoundPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusNotFound, "error", map[string]any{"Title": "غير موجود", "Message": "لا توجد صفحة بهذا العنوان.", "Status": 404})
}

// GET /
func (s *Server) pageHome(w http.ResponseWriter, r *http.Request) {
	p, err := readParams(r, false)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if r.URL.Query().Get("limit") == "" {
		p.limit = 30
	}
	ix := s.idx.get(r.Context())
	all := ix.storiesWith(2)
	if len(all) == 0 {
		all = ix.storiesWith(1)
	}
	pg, next := page(all, p)
	views := make([]storyOut, len(pg))
	for i, st := range pg {
		views[i] = ix.storyOut(st)
	}
	s.render(w, r, http.StatusOK, "home", map[string]any{
		"Title": "القصص", "Stories": views, "Next": next, "Total": len(all), "Articles": ix.articles, "Offset": p.offset,
	})
}

// entryView is a timeline entry as a page shows it.
type entryView struct {
	story.Entry
	Anchor    string
	Start     string // YYYY-MM-DD for the strip, "" when undated
	DateLabel string
	Shown     []story.Source
	More      []story.Source
}

// entryViews orders each entry's sources earliest per outlet first and
// folds all but the first three behind "+N".
func entryViews(entries []story.Entry) []entryView {
	out := make([]entryView, len(entries))
	for i, e := range entries {
		v := entryView{Entry: e, Anchor: "e" + strconv.Itoa(i+1), DateLabel: arabicDate(e.Date, e.Precision)}
		if sp, ok := stripStart(e.Date); ok {
			v.Start = sp
		}
		src := append([]story.Source(nil), e.Sources...)
		sort.SliceStable(src, func(a, b int) bool { return src[a].Published < src[b].Published })
		seen := map[string]bool{}
		var first, rest []story.Source
		for _, s := range src {
			if !seen[s.Outlet] {
				seen[s.Outlet] = true
				first = append(first, s)
			} else {
				rest = append(rest, s)
			}
		}
		ordered := append(first, rest...)
		if len(ordered) > 3 {
			v.Shown, v.More = ordered[:3], ordered[3:]
		} else {
			v.Shown = ordered
		}
		out[i] = v
	}
	return out
}

// stripStart gives the first day of a TIMEX3 value the strip can place.
func stripStart(d string) (string, bool) {
	if i := strings.IndexByte(d, '/'); i > 0 {
		d = d[:i]
	}
	if i := strings.IndexByte(d, 'T'); i > 0 {
		d = d[:i]
	}
	switch len(d) {
	case 10:
		if _, err := time.Parse("2006-01-02", d); err == nil {
			return d, true
		}
	case 7:
		if _, err := time.Parse("2006-01", d); err == nil {
			return d + "-01", true
		}
	case 4:
		if _, err := time.Parse("2006", d); err == nil {
			return d + "-01-01", true
		}
	}
	return "", false
}

type outletFirst struct {
	Outlet string
	First  *time.Time
	Count  int
}

// GET /stories/{id}
func (s *Server) pageStory(w http.ResponseWriter, r *http.Request) {
	ix := s.idx.get(r.Context())
	st, ok := ix.storyByID(r.PathValue("id"))
	if !ok {
		s.pageError(w, r, fmt.Errorf("story: %w", rasad.ErrNotFound))
		return
	}
	entries, err := s.timelineOf(r.Context(), ix, st.Articles, story.Filter{})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	// the outlets that reported it, and when each first did
	firsts := map[string]*outletFirst{}
	var arts []brief
	for _, id := range st.Articles {
		b := ix.briefs[id]
		arts = append(arts, b)
		o := b.Outlet
		if o == "" {
			o = "—"
		}
		f := firsts[o]
		if f == nil {
			f = &outletFirst{Outlet: o}
			firsts[o] = f
		}
		f.Count++
		if b.Published != nil && (f.First == nil || b.Published.Before(*f.First)) {
			f.First = b.Published
		}
	}
	var outlets []outletFirst
	for _, f := range firsts {
		outlets = append(outlets, *f)
	}
	sort.Slice(outlets, func(i, j int) bool {
		a, b := outlets[i].First, outlets[j].First
		if (a == nil) != (b == nil) {
			return a != nil
		}
		if a != nil && !a.Equal(*b) {
			return a.Before(*b)
		}
		return outlets[i].Outlet < outlets[j].Outlet
	})
	s.render(w, r, http.StatusOK, "story", map[string]any{
		"Title": st.Title, "Story": ix.storyOut(st), "Entries": entryViews(entries), "Outlets": outlets, "Articles": arts,
	})
}

// GET /timeline?q=
func (s *Server) pageTimeline(w http.ResponseWriter, r *http.Request) {
	p, err := readParams(r, false)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	data := map[string]any{"Title": "الخط الزمني", "Q": p.q, "Entries": []entryView{}}
	if p.q != "" {
		f, err := timelineFilter(r)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		ix := s.idx.get(r.Context())
		ids, err := s.queryIDs(r.Context(), p.q)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		entries, err := s.timelineOf(r.Context(), ix, ids, f)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		data["Title"] = "الخط الزمني: " + p.q
		data["Entries"] = entryViews(entries)
		data["Found"] = len(ids)
	}
	s.render(w, r, http.StatusOK, "timeline", data)
}

// GET /articles/{id}
func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) {
	ix := s.idx.get(r.Context())
	a, err := s.article(r.Context(), ix, r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	counts := map[string]int{}
	if a.Analysis != nil {
		counts["date"] = len(a.Analysis.Timexes)
		counts["event"] = len(a.Analysis.Events)
		for _, m := range a.Analysis.Mentions {
			counts[strings.ToLower(m.Type)]++
		}
	}
	var st *storyOut
	if a.Story != "" {
		if x, ok := ix.storyByID(a.Story); ok {
			o := ix.storyOut(x)
			st = &o
		}
	}
	s.render(w, r, http.StatusOK, "article", map[string]any{
		"Title": a.Title, "A": a, "Segments": segments(a.Article, a.Analysis), "Counts": counts, "Story": st,
		"Residue": len(a.Removed),
	})
}

// GET /entities/{type}/{key}
func (s *Server) pageEntity(w http.ResponseWriter, r *http.Request) {
	ix := s.idx.get(r.Context())
	e, err := s.entity(r.Context(), ix, r.PathValue("type"), r.PathValue("key"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	c, _ := ix.entity(e.Type, e.Key)
	ids := c.Articles
	if len(ids) > 30 {
		ids = latest(ix, ids, 30)
	}
	var arts []brief
	for _, id := range ids {
		arts = append(arts, ix.briefs[id])
	}
	sort.SliceStable(arts, func(i, j int) bool {
		a, b := arts[i].Published, arts[j].Published
		if a == nil || b == nil {
			return a != nil
		}
		return a.After(*b)
	})
	s.render(w, r, http.StatusOK, "entity", map[string]any{
		"Title": e.Name, "E": e, "Entries": entryViews(e.Timeline), "Articles": arts, "TotalArticles": len(c.Articles),
		"TypeLabel": entityTypeLabels[e.Type],
	})
}

type hitView struct {
	rasad.Hit
	Segments []segment
	Href     string
}

// GET /search?q=&source=&from=&to=
func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) {
	ix := s.idx.get(r.Context())
	v := r.URL.Query()
	data := map[string]any{"Title": "بحث", "Outlets": ix.outlets, "Source": v.Get("source"), "From": v.Get("from"), "To": v.Get("to"), "Hits": []hitView{}}
	if strings.TrimSpace(v.Get("q")) == "" {
		s.render(w, r, http.StatusOK, "search", data)
		return
	}
	hits, q, next, err := s.search(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	views := make([]hitView, len(hits))
	for i, h := range hits {
		ref := h.ID
		if d := ix.display[h.ID]; d != "" {
			ref = d
		}
		views[i] = hitView{Hit: h, Segments: snippetSegments(h), Href: "/articles/" + url.PathEscape(ref)}
	}
	data["Q"], data["Hits"], data["Title"] = q.Text, views, "بحث: "+q.Text
	if next != "" {
		nv := url.Values{}
		for k, vs := range v {
			nv[k] = vs
		}
		nv.Set("cursor", next)
		data["Next"] = "/search?" + nv.Encode()
	}
	s.render(w, r, http.StatusOK, "search", data)
}

var statusLabels = map[string]string{"happened": "وقع", "planned": "مقرر", "negated": "نُفي", "ongoing": "جارٍ", "cancelled": "أُلغي"}

var typeLabels = map[string]string{
	"CONSULT": "تشاور", "AGREE": "اتفاق", "REQUEST": "طلب", "REJECT": "رفض", "ACCUSE": "اتهام", "THREATEN": "تهديد",
	"SUPPORT": "دعم", "COOPERATE": "تعاون", "AID": "مساعدة", "PROTEST": "احتجاج", "ASSAULT": "اعتداء", "COERCE": "إكراه",
	"MOBILIZE": "تعبئة", "RETREAT": "انسحاب", "SANCTION": "عقوبات", "CONCEDE": "تنازل", "FIGHT": "قتال", "ACCIDENT": "حادث",
	"DISASTER": "كارثة", "AGREE_SIGN": "توقيع",
}

var entityTypeLabels = map[string]string{"PERSON": "شخص", "ORG": "منظمة", "LOC": "مكان"}

var residueLabels = map[string]string{
	"label": "وسم واجهة", "reading-time": "وقت القراءة", "timestamp": "طابع زمني", "rating": "تقييم", "newsletter": "دعوة للاشتراك",
	"base64": "رمز", "continued": "يتبع", "repeated-title": "عنوان مكرر", "kicker": "عناوين أخرى",
}

// arabicDate writes a timeline date as an Arabic reader reads it.
func arabicDate(d, precision string) string {
	if d == "" {
		return "دون تاريخ"
	}
	return story.ArabicDate(d, precision)
}

// isoDay writes a date as YYYY-MM-DD isolated left to right, so that an
// Arabic line does not reorder its digits. The text is ours, not input.
func isoDay(t *time.Time) template.HTML {
	return template.HTML(`<bdi dir="ltr">` + template.HTMLEscapeString(dayOf(t)) + `</bdi>`)
}

func dayOf(t *time.Time) string {
	if t == nil || t.IsZero() {
		return "—"
	}
	return t.Format("2006-01-02")
}
