package ingest

import (
	"bytes"
	"io"
	nurl "net/url"
	"strings"
	"time"

	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/transform"

	"github.com/rasad/rasad"
)

// HTML pages are read in three steps: the bytes are decoded (see
// DetectEncoding), the main content is found by go-readability (Mozilla's
// Readability: the block with most text and commas and fewest links), and
// that content is written out one line per block (paragraph, heading, list
// item, table row, line break), so that cleaning, which works on lines,
// sees the page's own residue lines («قراءة 3 دقائق», «شارك») and the
// title stays apart from the first sentence. The title, publication time,
// site name and canonical URL come from the page's metadata (Open Graph,
// JSON-LD, <meta>, <link rel=canonical>, <time datetime>).

// parseHTML extracts the main text and metadata of a page. pageURL and
// fetched come from the envelope (WARC) when there is one.
func parseHTML(origin string, data []byte, pageURL string, fetched *time.Time, opts Options) (*rasad.Article, error) {
	return parseHTMLType(origin, data, "", pageURL, fetched, opts)
}

// toUTF8 transcodes a page to UTF-8 and names the encoding it came from
// ("" when it was UTF-8 already).
func toUTF8(data []byte, contentType string, isHTML bool) ([]byte, string) {
	enc, name := DetectEncoding(data, contentType, isHTML)
	if enc == nil {
		return data, ""
	}
	out, err := io.ReadAll(transform.NewReader(bytes.NewReader(data), enc.NewDecoder()))
	if err != nil {
		return data, ""
	}
	return out, name
}

func parseHTMLType(origin string, raw []byte, contentType, pageURL string, fetched *time.Time, opts Options) (*rasad.Article, error) {
	data, fromCharset := toUTF8(raw, contentType, true)
	if !bytes.Contains(bytes.ToLower(data[:min(len(data), 1<<20)]), []byte("<body")) && len(bytes.TrimSpace(data)) < 64 {
		return nil, reject("HTML without a body")
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, reject("unreadable HTML: %v", err)
	}
	meta := pageMetadata(doc)
	var base *nurl.URL
	for _, s := range []string{pageURL, meta.url} {
		if u, err := nurl.Parse(s); err == nil && u.IsAbs() {
			base = u
			break
		}
	}
	res, err := readability.FromDocument(doc, base)
	if err != nil {
		return nil, reject("no main text in HTML: %v", err)
	}
	body := ""
	if res.Content != "" {
		body = htmlText(res.Content)
	}
	if strings.TrimSpace(body) == "" {
		return nil, reject("no main text in HTML")
	}
	a := newArticle(FormatHTML, origin, "", raw, opts)
	if fromCharset != "" {
		a.Warnings = append(a.Warnings, "page transcoded from "+fromCharset+" to UTF-8")
	}
	a.Text = validText(body, &a.Warnings, "text")
	title := firstNonEmpty(meta.title, res.Title)
	a.Title = validText(oneLine(title), &a.Warnings, "title")
	a.Abstract = validText(oneLine(res.Excerpt), &a.Warnings, "description")
	if meta.description == "" && strings.HasPrefix(strings.Join(strings.Fields(body), " "), a.Abstract) {
		a.Abstract = "" // readability's excerpt is the first paragraph, not a summary
	}
	a.Author = oneLine(res.Byline)
	a.Language = firstNonEmpty(res.Language, meta.lang)
	rep := &a.Reports[0]
	rep.URL = firstNonEmpty(pageURL, meta.url)
	rep.Source = oneLine(res.SiteName)
	if rep.Source == "" && base != nil {
		rep.Source = strings.TrimPrefix(base.Hostname(), "www.")
	}
	published := res.PublishedTime
	if published == nil {
		for _, s := range meta.dates {
			if t, err := ParseTime(s); err == nil {
				published = &t
				break
			}
		}
	}
	if published != nil {
		t := published.UTC()
		a.Published, a.PublishedFrom, a.PublishedConfidence = &t, "html", 0.9
	} else if fetched != nil {
		// the capture time bounds the publication time from above only;
		// keep it as a weak hint that the temporal tagger can replace
		t := fetched.UTC()
		a.Published, a.PublishedFrom, a.PublishedConfidence = &t, "warc", 0.3
	}
	if rep.ExtID == origin && rep.URL != "" {
		rep.ExtID = rep.URL
	}
	return finish(a, opts)
}

// pageMeta is what the page says about itself beyond what readability reads.
type pageMeta struct {
	title, url, lang, description string
	// dates are publication-time candidates, best first
	dates []string
}

// pageMetadata reads the head's Open Graph title and URL, the canonical
// link, the language, and publication-time candidates from <meta> and
// <time datetime>.
func pageMetadata(doc *html.Node) pageMeta {
	var m pageMeta
	var metaDates, timeDates []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = attr(n, "lang")
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					m.title = val
				case "og:url":
					if m.url == "" {
						m.url = val
					}
				case "description", "og:description":
					m.description = val
				case "article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date":
					if val != "" {
						metaDates = append(metaDates, val)
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && attr(n, "href") != "" {
					m.url = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Time:
				if v := strings.TrimSpace(attr(n, "datetime")); v != "" {
					timeDates = append(timeDates, v)
				}
			case atom.Script, atom.Style:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	m.dates = append(metaDates, timeDates...)
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// blockElements end a line of text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Table: true, atom.Blockquote: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true, atom.Main: true,
	atom.Figure: true, atom.Figcaption: true, atom.Pre: true, atom.Hr: true, atom.Address: true,
	atom.Form: true, atom.Fieldset: true, atom.Details: true, atom.Summary: true, atom.Body: true,
}

// skipElements hold no article text.
var skipElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Head: true, atom.Iframe: true, atom.Object: true, atom.Select: true, atom.Button: true,
}

// htmlText returns the text of an HTML document or fragment, one line per
// block element, with the white space inside a block collapsed as a
// browser does (a line break in the source is a space). Plain text passes
// through unchanged.
func htmlText(s string) string {
	if !strings.Contains(s, "<") && !strings.Contains(s, "&") {
		return s
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return s
	}
	var w blockWriter
	for _, n := range nodes {
		w.node(n, false)
	}
	w.endLine()
	return strings.TrimSpace(collapseBlankLines(w.out.String()))
}

// blockWriter writes the text of a DOM, a line per block.
type blockWriter struct {
	out   strings.Builder
	line  strings.Builder
	space bool // a space is pending before the next word
}

func (w *blockWriter) endLine() {
	if l := strings.TrimSpace(w.line.String()); l != "" {
		w.out.WriteString(l)
		w.out.WriteByte('\n')
	}
	w.line.Reset()
	w.space = false
}

func (w *blockWriter) text(s string, pre bool) {
	if pre {
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				w.endLine()
			}
			w.line.WriteString(part)
		}
		return
	}
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && !isHTMLSpace(s[i]) {
			continue
		}
		if i > start {
			if w.space && w.line.Len() > 0 {
				w.line.WriteByte(' ')
			}
			w.line.WriteString(s[start:i])
			w.space = false
		}
		if i < len(s) {
			w.space = true
		}
		start = i + 1
	}
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

func (w *blockWriter) node(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, pre)
		return
	case html.ElementNode:
		if skipElements[n.DataAtom] {
			return
		}
		if n.DataAtom == atom.Br {
			w.endLine()
			return
		}
		// a list of nothing but links is navigation or "read also", and a
		// figure is an image with its caption: neither is the article's text
		if n.DataAtom == atom.Figure || (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) && linksOnly(n) {
			w.endLine()
			return
		}
		if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
			w.space = true
		}
	case html.DocumentNode:
	default:
		return
	}
	block := blockElements[n.DataAtom]
	if block {
		w.endLine()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, pre || n.DataAtom == atom.Pre)
	}
	if block {
		w.endLine()
	}
}

// linksOnly reports a list whose every item has text and all of it inside
// links.
func linksOnly(list *html.Node) bool {
	items := 0
	for li := list.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || li.DataAtom != atom.Li {
			continue
		}
		items++
		linked, other := textLengths(li, false)
		if linked == 0 || other > 0 {
			return false
		}
	}
	return items > 0
}

// textLengths returns the length of the non-space text of n inside links
// and outside them.
func textLengths(n *html.Node, inLink bool) (linked, other int) {
	if n.Type == html.TextNode {
		l := len(strings.TrimSpace(n.Data))
		if inLink {
			return l, 0
		}
		return 0, l
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		inLink = true
	}
	if n.Type == html.ElementNode && (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) {
		// a nested list is judged on its own: each node is looked at by
		// one list only, so the writer stays linear in the page
		return 0, 0
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		a, b := textLengths(c, inLink)
		linked, other = linked+a, other+b
	}
	return linked, other
}
