// Package watch follows news feeds: it polls RSS/Atom feeds with
// conditional GETs at per-feed intervals, backs off on errors, limits what
// one request may cost, fetches the linked page of items that carry only a
// summary, and hands the articles to an ingestion step. Feed state and the
// queue of items live in the store, so a killed watcher resumes without
// losing or repeating work. It also tells watchers what is new: timeline
// entries of watched stories, queries and entities, as Atom feeds and
// signed webhook POSTs.
package watch

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Feed is one line of the feeds file.
type Feed struct {
	URL string `json:"url"`
	// Outlet names the source of the feed's articles; empty: the feed's
	// own title.
	Outlet string `json:"outlet,omitempty"`
	// Interval between polls; zero: DefaultInterval.
	Interval time.Duration `json:"interval,omitempty"`
}

// Limits on the feeds file's values.
const (
	DefaultInterval = 15 * time.Minute
	MinInterval     = 10 * time.Second
	MaxInterval     = 7 * 24 * time.Hour
	maxFeedsLine    = 4096
)

// ParseFeeds reads a feeds file: one feed per line,
//
//	URL [every=DURATION] [outlet=NAME …]
//
// with blank lines and lines starting with # ignored. outlet= takes the
// rest of the line (outlet names have spaces). A bad line is an error
// naming its line number; a URL listed twice is an error too.
func ParseFeeds(r io.Reader) ([]Feed, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1024), maxFeedsLine)
	var out []Feed
	seen := map[string]int{}
	line := 0
	for sc.Scan() {
		line++
		f, ok, err := parseFeedLine(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if !ok {
			continue
		}
		if prev, dup := seen[f.URL]; dup {
			return nil, fmt.Errorf("line %d: %s is already listed on line %d", line, f.URL, prev)
		}
		seen[f.URL] = line
		out = append(out, f)
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return nil, fmt.Errorf("line %d: longer than %d bytes", line+1, maxFeedsLine)
		}
		return nil, err
	}
	return out, nil
}

func parseFeedLine(s string) (Feed, bool, error) {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
	if s == "" || strings.HasPrefix(s, "#") {
		return Feed{}, false, nil
	}
	var f Feed
	rest := s
	if i := strings.Index(rest, "outlet="); i >= 0 && (i == 0 || rest[i-1] == ' ' || rest[i-1] == '\t') {
		f.Outlet = strings.TrimSpace(rest[i+len("outlet="):])
		rest = rest[:i]
		if f.Outlet == "" {
			return Feed{}, false, fmt.Errorf("outlet= without a name")
		}
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return Feed{}, false, fmt.Errorf("no URL")
	}
	u, err := CheckURL(fields[0])
	if err != nil {
		return Feed{}, false, err
	}
	f.URL = u
	for _, fl := range fields[1:] {
		k, v, ok := strings.Cut(fl, "=")
		if !ok || k != "every" {
			return Feed{}, false, fmt.Errorf("unknown field %q (every=DURATION, outlet=NAME)", fl)
		}
		d, err := time.ParseDuration(v)
		if err != nil {
			return Feed{}, false, fmt.Errorf("every=%s: %v", v, err)
		}
		if d < MinInterval || d > MaxInterval {
			return Feed{}, false, fmt.Errorf("every=%s: interval must be between %s and %s", v, MinInterval, MaxInterval)
		}
		f.Interval = d
	}
	return f, true, nil
}

// CheckURL accepts absolute http(s) URLs only and returns them as given.
func CheckURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("bad URL %q: %v", s, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", fmt.Errorf("bad URL %q: need http:// or https:// and a host", s)
	}
	return s, nil
}

// FormatFeeds writes feeds in the file format, one per line, sorted by URL.
func FormatFeeds(w io.Writer, feeds []Feed) error {
	fs := append([]Feed(nil), feeds...)
	sort.Slice(fs, func(i, j int) bool { return fs[i].URL < fs[j].URL })
	var b bytes.Buffer
	b.WriteString("# Rasad feeds: URL [every=DURATION] [outlet=NAME]\n")
	for _, f := range fs {
		b.WriteString(f.URL)
		if f.Interval > 0 {
			b.WriteString(" every=" + f.Interval.String())
		}
		if f.Outlet != "" {
			b.WriteString(" outlet=" + f.Outlet)
		}
		b.WriteByte('\n')
	}
	_, err := w.Write(b.Bytes())
	return err
}

// LoadFeeds reads a feeds file; a missing file is an empty list.
func LoadFeeds(path string) ([]Feed, error) {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	defer f.Close()
	feeds, err := ParseFeeds(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return feeds, nil
}

// SaveFeeds replaces a feeds file atomically (write, sync, rename), so a
// crash leaves the old file or the new one, never half of one. Comments of
// the old file are not kept.
func SaveFeeds(path string, feeds []Feed) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := FormatFeeds(tmp, feeds); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// AddFeed adds f to feeds, or replaces the entry with the same URL.
func AddFeed(feeds []Feed, f Feed) []Feed {
	for i := range feeds {
		if feeds[i].URL == f.URL {
			feeds[i] = f
			return feeds
		}
	}
	return append(feeds, f)
}

// RemoveFeed removes the feed with url; ok is false when none has it.
func RemoveFeed(feeds []Feed, url string) ([]Feed, bool) {
	for i := range feeds {
		if feeds[i].URL == url {
			return append(feeds[:i:i], feeds[i+1:]...), true
		}
	}
	return feeds, false
}

func (f Feed) interval() time.Duration {
	if f.Interval <= 0 {
		return DefaultInterval
	}
	return f.Interval
}
