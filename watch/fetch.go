package watch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"
)

// Limits bound what one request may cost.
type Limits struct {
	// MaxBody is the largest body read; a larger one is an error (default 16 MiB).
	MaxBody int64
	// MaxRedirects followed per request (default 5).
	MaxRedirects int
	// Timeout covers a whole request, body included (default 30 s).
	Timeout time.Duration
	// PerHost is the number of requests in flight to one host (default 2),
	// HostGap the least time between two requests to it (default 0).
	PerHost int
	HostGap time.Duration
	// UserAgent sent with every request.
	UserAgent string
}

func (l *Limits) defaults() {
	if l.MaxBody <= 0 {
		l.MaxBody = 16 << 20
	}
	if l.MaxRedirects <= 0 {
		l.MaxRedirects = 5
	}
	if l.Timeout <= 0 {
		l.Timeout = 30 * time.Second
	}
	if l.PerHost <= 0 {
		l.PerHost = 2
	}
	if l.UserAgent == "" {
		l.UserAgent = "rasad-watch/1 (+https://github.com/rasad/rasad)"
	}
}

// Client makes the watcher's HTTP requests within Limits.
type Client struct {
	limits Limits
	http   *http.Client

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem  chan struct{}
	mu   sync.Mutex
	last time.Time
}

// NewClient returns a client with the given limits (zero fields take
// their defaults). transport nil means http.DefaultTransport.
func NewClient(l Limits, transport http.RoundTripper) *Client {
	l.defaults()
	c := &Client{limits: l, hosts: map[string]*hostSlot{}}
	c.http = &http.Client{
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > l.MaxRedirects {
				return fmt.Errorf("more than %d redirects", l.MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: not http(s)", req.URL.Scheme)
			}
			return nil
		},
	}
	return c
}

// Response is a fetched resource.
type Response struct {
	Status       int
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
	// URL is where the body came from after redirects.
	URL string
	// RetryAfter is the server's Retry-After, when it sent one.
	RetryAfter time.Duration
}

// StatusError is a response that is neither 2xx nor 304.
type StatusError struct {
	Status     int
	RetryAfter time.Duration
}

func (e *StatusError) Error() string { return fmt.Sprintf("HTTP %d", e.Status) }

// Permanent reports statuses that a retry will not fix soon.
func (e *StatusError) Permanent() bool {
	return e.Status == http.StatusNotFound || e.Status == http.StatusGone || e.Status == http.StatusForbidden || e.Status == http.StatusUnauthorized
}

// ErrTooLarge is a body beyond Limits.MaxBody.
var ErrTooLarge = errors.New("body too large")

func (c *Client) slot(host string) *hostSlot {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.hosts[host]
	if s == nil {
		s = &hostSlot{sem: make(chan struct{}, c.limits.PerHost)}
		c.hosts[host] = s
	}
	return s
}

// Get fetches rawURL. etag and lastModified, when set, make it
// conditional: an unchanged resource answers 304 with no body. A status
// other than 2xx or 304 is a *StatusError.
func (c *Client) Get(ctx context.Context, rawURL, etag, lastModified string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("bad URL %q", rawURL)
	}
	s := c.slot(u.Host)
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-s.sem }()
	if c.limits.HostGap > 0 {
		s.mu.Lock()
		wait := time.Until(s.last.Add(c.limits.HostGap))
		s.last = time.Now().Add(max(wait, 0))
		s.mu.Unlock()
		if wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return nil, ctx.Err()
			}
		}
	}
	ctx, cancel := context.WithTimeout(ctx, c.limits.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.limits.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return nil, fmt.Errorf("no answer within %s", c.limits.Timeout)
		}
		return nil, err
	}
	defer resp.Body.Close()
	out := &Response{Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), ETag: resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"), URL: resp.Request.URL.String(), RetryAfter: retryAfter(resp.Header.Get("Retry-After"))}
	if resp.StatusCode == http.StatusNotModified {
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return out, &StatusError{Status: resp.StatusCode, RetryAfter: out.RetryAfter}
	}
	if resp.ContentLength > c.limits.MaxBody {
		return out, fmt.Errorf("%w: %d bytes announced, limit %d MiB", ErrTooLarge, resp.ContentLength, c.limits.MaxBody>>20)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.limits.MaxBody+1))
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return out, fmt.Errorf("body not read within %s", c.limits.Timeout)
		}
		return out, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > c.limits.MaxBody {
		return out, fmt.Errorf("%w: more than %d MiB", ErrTooLarge, c.limits.MaxBody>>20)
	}
	out.Body = body
	return out, nil
}

// Post sends a JSON body with headers and reports a non-2xx answer as a
// *StatusError.
func (c *Client) Post(ctx context.Context, rawURL string, body []byte, headers map[string]string) error {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("bad URL %q", rawURL)
	}
	s := c.slot(u.Host)
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.sem }()
	ctx, cancel := context.WithTimeout(ctx, c.limits.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, rawURL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", c.limits.UserAgent)
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return &StatusError{Status: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"))}
	}
	return nil
}

func retryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0)
	}
	return 0
}
