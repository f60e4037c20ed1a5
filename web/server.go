// Package web serves Rasad's timelines as Arabic web pages and as a JSON
// API (/api/v1/…, described by an OpenAPI 3 document). Pages are rendered
// with html/template from embedded files; the only scripts are static files
// (a small wiring file and the vendored vis-timeline), so the Content
// Security Policy allows script-src 'self' alone. Scraped text always goes
// through html/template's escaping: it is never rendered as HTML.
//
// The package works on the rasad.Store interface and the story and
// analysis packages; cmd/rasad serve wires it to a store.
package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/rasad/rasad"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

//go:embed openapi.json
var openapiJSON []byte

// Limits on what a request may ask.
const (
	MaxBodyBytes  = 64 << 20 // POST /api/v1/articles
	MaxQueryRunes = 256      // q
	MaxPageSize   = 100      // limit
	DefaultPage   = 20
	// timelineArticles bounds the articles a query timeline reads (as
	// rasad timeline --query does).
	timelineArticles = 500
)

// Config configures a Server.
type Config struct {
	Store rasad.Store
	// Token enables writes (POST /api/v1/articles) for requests that send
	// it as "Authorization: Bearer TOKEN". Empty: writes are off.
	Token string
	// SaveStories lets the server store the stories it rebuilds (only
	// with a writable store).
	SaveStories bool
	Logger      *slog.Logger
	// CheckEvery is how often a request may look whether the store has
	// changed (default 2s).
	CheckEvery time.Duration
}

// Server holds the pages' index and the handlers.
type Server struct {
	cfg     Config
	log     *slog.Logger
	idx     *indexHolder
	mux     *http.ServeMux
	routes  []string
	pages   map[string]*pageTemplate
	writeMu sync.Mutex // one ingest at a time: bounded memory
	tokenH  [32]byte
}

// New builds the index (stories, entities) and the routes.
func New(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: no store")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.CheckEvery == 0 {
		cfg.CheckEvery = 2 * time.Second
	}
	ix, err := buildIndex(ctx, cfg.Store, cfg.SaveStories, cfg.Logger)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: cfg.Logger, mux: http.NewServeMux()}
	s.idx = &indexHolder{store: cfg.Store, save: cfg.SaveStories, log: cfg.Logger, cur: ix, lastCheck: time.Now(), checkEvery: cfg.CheckEvery}
	if cfg.Token != "" {
		s.tokenH = sha256.Sum256([]byte(cfg.Token))
	}
	if s.pages, err = loadPages(); err != nil {
		return nil, err
	}
	s.routesInit()
	return s, nil
}

func (s *Server) handle(pattern string, h http.HandlerFunc) {
	s.routes = append(s.routes, pattern)
	s.mux.HandleFunc(pattern, h)
}

func (s *Server) routesInit() {
	// pages
	s.handle("GET /{$}", s.pageHome)
	s.handle("GET /stories/{id}", s.pageStory)
	s.handle("GET /timeline", s.pageTimeline)
	s.handle("GET /articles/{id}", s.pageArticle)
	s.handle("GET /entities/{type}/{key}", s.pageEntity)
	s.handle("GET /search", s.pageSearch)
	static, _ := fs.Sub(staticFS, "static")
	fileServer := http.StripPrefix("/static/", http.FileServerFS(static))
	s.handle("GET /static/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") { // no directory listings
			s.notFoundPage(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fileServer.ServeHTTP(w, r)
	})
	s.handle("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		ix := s.idx.get(r.Context())
		writeJSON(w, r, http.StatusOK, map[string]any{"ok": true, "articles": ix.articles, "stories": len(ix.stories), "writes": s.cfg.Token != ""})
	})
	// API
	s.handle("GET /api/v1/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(openapiJSON)
	})
	s.handle("GET /api/v1/stories", s.apiStories)
	s.handle("GET /api/v1/stories/{id}", s.apiStory)
	s.handle("GET /api/v1/stories/{id}/timeline", s.apiStoryTimeline)
	s.handle("GET /api/v1/timeline", s.apiTimeline)
	s.handle("GET /api/v1/search", s.apiSearch)
	s.handle("GET /api/v1/articles/{id}", s.apiArticle)
	s.handle("POST /api/v1/articles", s.apiIngest)
	s.handle("GET /api/v1/entities", s.apiEntities)
	s.handle("GET /api/v1/entities/{type}/{key}", s.apiEntity)
}

// Routes lists the mux patterns (for the OpenAPI test).
func (s *Server) Routes() []string { return append([]string(nil), s.routes...) }

// ServeHTTP adds the security headers and sends what the mux does not
// match to a JSON error (API) or the not-found page.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	if _, pattern := s.mux.Handler(r); pattern == "" {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			if s.otherMethodMatches(r) {
				writeError(w, r, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed here")
				return
			}
			writeError(w, r, http.StatusNotFound, "not_found", "no such endpoint")
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		s.notFoundPage(w, r)
		return
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) otherMethodMatches(r *http.Request) bool {
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		if m == r.Method {
			continue
		}
		r2 := r.Clone(r.Context())
		r2.Method = m
		if _, p := s.mux.Handler(r2); p != "" {
			return true
		}
	}
	return false
}

// apiError is the JSON error body: {"error": {"code", "message"}}.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeError(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	var e apiError
	e.Error.Code, e.Error.Message = code, msg
	writeJSON(w, r, status, e)
}

// domainError maps the domain error codes to an HTTP status and code: the
// one place the web edge translates them.
func domainError(err error) (int, string) {
	switch {
	case errors.Is(err, rasad.ErrNotFound):
		return http.StatusNotFound, "not_found"
	case errors.Is(err, rasad.ErrAmbiguous):
		return http.StatusConflict, "ambiguous"
	case errors.Is(err, rasad.ErrInvalid):
		return http.StatusBadRequest, "invalid"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "unavailable"
	}
	return http.StatusInternalServerError, "internal"
}

func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	status, code := domainError(err)
	msg := err.Error()
	if status == http.StatusInternalServerError {
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
		msg = "internal error"
	}
	writeError(w, r, status, code, msg)
}

// badRequest is an error in the request itself (a parameter).
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }
func (e badRequest) Unwrap() error { return rasad.ErrInvalid }

func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	b, err := marshal(v)
	if err != nil {
		http.Error(w, `{"error":{"code":"internal","message":"encoding"}}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
}

func marshal(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

// writeList writes a list response with an ETag; a request whose
// If-None-Match names it gets 304 Not Modified.
func writeList(w http.ResponseWriter, r *http.Request, v any) {
	b, err := marshal(v)
	if err != nil {
		http.Error(w, `{"error":{"code":"internal","message":"encoding"}}`, http.StatusInternalServerError)
		return
	}
	sum := sha256.Sum256(b)
	etag := `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "no-cache")
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			if t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "W/")); t == etag || t == "*" {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
}

// params reads and checks the common query parameters.
type params struct {
	q      string
	limit  int
	offset int
}

func readParams(r *http.Request, needQ bool) (params, error) {
	var p params
	v := r.URL.Query()
	p.q = strings.TrimSpace(v.Get("q"))
	if !utf8.ValidString(p.q) {
		return p, badRequest{"q is not valid UTF-8"}
	}
	if n := utf8.RuneCountInString(p.q); n > MaxQueryRunes {
		return p, badRequest{fmt.Sprintf("q is %d characters long; at most %d", n, MaxQueryRunes)}
	}
	if needQ && p.q == "" {
		return p, badRequest{"q is required"}
	}
	p.limit = DefaultPage
	if l := v.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > MaxPageSize {
			return p, badRequest{fmt.Sprintf("limit %q: want 1 to %d", l, MaxPageSize)}
		}
		p.limit = n
	}
	if c := v.Get("cursor"); c != "" {
		off, err := decodeCursor(c)
		if err != nil {
			return p, err
		}
		p.offset = off
	}
	return p, nil
}

// Cursors are opaque to clients: the position of the next page's first
// item in a deterministic order.
func encodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(offset)))
}

func decodeCursor(c string) (int, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), "o:") {
		return 0, badRequest{"cursor is not one this server gave"}
	}
	n, err := strconv.Atoi(string(b[2:]))
	if err != nil || n < 0 || n > 1<<24 {
		return 0, badRequest{"cursor is not one this server gave"}
	}
	return n, nil
}

// page cuts a list at offset/limit and says where the next page starts.
func page[T any](all []T, p params) ([]T, string) {
	if p.offset >= len(all) {
		return []T{}, ""
	}
	end := min(len(all), p.offset+p.limit)
	next := ""
	if end < len(all) {
		next = encodeCursor(end)
	}
	return all[p.offset:end], next
}

// authorized checks the bearer token in constant time (on hashes, so the
// length does not leak either).
func (s *Server) authorized(r *http.Request) bool {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return false
	}
	h := sha256.Sum256([]byte(tok))
	return subtle.ConstantTimeCompare(h[:], s.tokenH[:]) == 1
}

// checkDate accepts YYYY-MM-DD (or "").
func checkDate(name, v string) error {
	if v == "" {
		return nil
	}
	if _, err := time.Parse("2006-01-02", v); err != nil {
		return badRequest{fmt.Sprintf("%s %q: want YYYY-MM-DD", name, v)}
	}
	return nil
}
