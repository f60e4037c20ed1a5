package ingest

import (
	"strings"
	"time"

	"github.com/rasad/rasad"
)

// ParsePage reads an HTML page fetched from pageURL (body as served, with
// the Content-Type it came with, which may name its charset or not) into an
// article, as the HTML reader does for files. It is for callers that fetch
// pages themselves (the watcher); the article is not yet prepared.
func ParsePage(origin string, body []byte, contentType, pageURL string, opts Options) (*rasad.Article, error) {
	a, err := parseHTMLType(origin, body, contentType, pageURL, nil, opts)
	if err != nil {
		return nil, err
	}
	return a, nil
}

// FeedItem is a feed item as the watcher recorded it.
type FeedItem struct {
	GUID      string     `json:"guid,omitempty"`
	Link      string     `json:"link,omitempty"`
	Title     string     `json:"title,omitempty"`
	Content   string     `json:"content,omitempty"` // HTML or text
	Summary   string     `json:"summary,omitempty"` // HTML or text
	Author    string     `json:"author,omitempty"`
	Language  string     `json:"language,omitempty"`
	Published *time.Time `json:"published,omitempty"`
	Updated   *time.Time `json:"updated,omitempty"`
	FeedTitle string     `json:"feed_title,omitempty"`
}

// FeedItemArticle builds an article from a feed item (recorded by the
// watcher, or read from a feed file by readFeed): content (else summary) as
// text, summary as abstract, publication time from the item. The article is
// not yet prepared.
func FeedItemArticle(origin string, it FeedItem, opts Options) (*rasad.Article, error) {
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Summary
	}
	a := newArticle(FormatFeed, origin, firstNonEmpty(it.GUID, it.Link), []byte(body), opts)
	a.Title = validText(strings.TrimSpace(htmlText(it.Title)), &a.Warnings, "title")
	a.Text = validText(htmlText(body), &a.Warnings, "text")
	if it.Content != "" && it.Summary != "" {
		a.Abstract = validText(strings.TrimSpace(htmlText(it.Summary)), &a.Warnings, "description")
	}
	a.Author = it.Author
	a.Language = it.Language
	rep := &a.Reports[0]
	rep.URL = it.Link
	rep.Source = strings.TrimSpace(it.FeedTitle)
	if t := it.Published; t != nil {
		u := t.UTC()
		a.Published, a.PublishedFrom, a.PublishedConfidence = &u, "feed", 1
	} else if t := it.Updated; t != nil {
		u := t.UTC()
		a.Published, a.PublishedFrom, a.PublishedConfidence = &u, "feed", 0.8
	}
	return finish(a, opts)
}

// HTMLText returns the text of an HTML fragment, one line per block
// element; plain text passes through unchanged.
func HTMLText(s string) string { return htmlText(s) }
