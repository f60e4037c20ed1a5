package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/rasad/rasad"
)

// readFeed reads an RSS, Atom or RDF feed: one article per item. Item
// content is HTML more often than not; its text is taken tag by tag.
func readFeed(name string, data []byte, opts Options, emit func(Item) error) error {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return emit(Item{Origin: name, Err: reject("unreadable feed: %v", err)})
	}
	for i, it := range feed.Items {
		origin := fmt.Sprintf("%s#%d", name, i+1)
		fi := FeedItem{GUID: it.GUID, Link: it.Link, Title: it.Title, Content: it.Content, Summary: it.Description,
			Language: feed.Language, Published: it.PublishedParsed, Updated: it.UpdatedParsed, FeedTitle: feed.Title}
		if it.Author != nil {
			fi.Author = it.Author.Name
		}
		art, ferr := FeedItemArticle(origin, fi, opts)
		if e := emit(Item{Article: art, Origin: origin, Err: ferr}); e != nil {
			return e
		}
	}
	if len(feed.Items) == 0 {
		return emit(Item{Origin: name, Err: reject("feed has no items")})
	}
	return nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

func collapseBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\r")
		if strings.TrimSpace(l) == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// readWARC reads a WARC file (already decompressed when it was .warc.gz,
// since gzip readers join members): every "response" record whose HTTP
// payload is HTML becomes an article with the record's target URI and date.
func readWARC(ctx context.Context, name string, r *bufio.Reader, opts Options, emit func(Item) error) error {
	tp := textproto.NewReader(r)
	rec := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		// skip blank lines between records
		var version string
		for {
			line, err := tp.ReadLine()
			if err != nil {
				if err == io.EOF {
					return nil
				}
				return emit(Item{Origin: fmt.Sprintf("%s#%d", name, rec+1), Err: reject("read WARC: %v", err)})
			}
			if strings.TrimSpace(line) != "" {
				version = line
				break
			}
		}
		rec++
		origin := fmt.Sprintf("%s#%d", name, rec)
		if !strings.HasPrefix(version, "WARC/") {
			return emit(Item{Origin: origin, Err: reject("not a WARC record header: %q", truncate(version, 40))})
		}
		hdr, err := tp.ReadMIMEHeader()
		if err != nil {
			return emit(Item{Origin: origin, Err: reject("bad WARC headers: %v", err)})
		}
		n, err := strconv.ParseInt(strings.TrimSpace(hdr.Get("Content-Length")), 10, 64)
		if err != nil || n < 0 {
			return emit(Item{Origin: origin, Err: reject("bad WARC Content-Length %q", hdr.Get("Content-Length"))})
		}
		typ := strings.ToLower(hdr.Get("WARC-Type"))
		ctype := strings.ToLower(hdr.Get("Content-Type"))
		if typ != "response" || !strings.Contains(ctype, "application/http") || n > MaxRecordBytes {
			if _, err := io.CopyN(io.Discard, r, n); err != nil {
				return emit(Item{Origin: origin, Err: reject("truncated WARC record: %v", err)})
			}
			if typ == "response" && n > MaxRecordBytes {
				if e := emit(Item{Origin: origin, Err: reject("WARC record larger than %d MiB", MaxRecordBytes>>20)}); e != nil {
					return e
				}
			}
			continue
		}
		block := make([]byte, n)
		if _, err := io.ReadFull(r, block); err != nil {
			return emit(Item{Origin: origin, Err: reject("truncated WARC record: %v", err)})
		}
		target := hdr.Get("WARC-Target-URI")
		var fetched *time.Time
		if t, err := time.Parse(time.RFC3339, strings.TrimSpace(hdr.Get("WARC-Date"))); err == nil {
			fetched = &t
		}
		a, perr := warcResponse(origin, block, target, fetched, opts)
		if a == nil && perr == nil {
			continue // not HTML: images, scripts, redirects
		}
		if e := emit(Item{Article: a, Origin: origin, Err: perr}); e != nil {
			return e
		}
	}
}

func warcResponse(origin string, block []byte, target string, fetched *time.Time, opts Options) (*rasad.Article, error) {
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
	if err != nil {
		return nil, reject("bad HTTP response in WARC record: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, nil
	}
	ct := strings.ToLower(resp.Header.Get("Content-Type"))
	if ct != "" && !strings.Contains(ct, "html") {
		return nil, nil
	}
	var bodyReader io.Reader = resp.Body
	if strings.Contains(strings.ToLower(resp.Header.Get("Content-Encoding")), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, reject("bad gzip body in WARC record: %v", err)
		}
		bodyReader = zr
	}
	body, err := io.ReadAll(io.LimitReader(bodyReader, MaxRecordBytes))
	if err != nil {
		return nil, reject("bad HTTP body in WARC record: %v", err)
	}
	a, err := parseHTMLType(origin, body, resp.Header.Get("Content-Type"), target, fetched, opts)
	if err != nil {
		return nil, err
	}
	a.Reports[0].Format = string(FormatWARC)
	if target != "" {
		a.Reports[0].ExtID = target
	}
	return a, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
