package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/rasad/rasad"
)

// ParseTime reads a publication time in the forms news data carries:
// RFC 3339 (with or without fraction or zone), YYYY-MM-DD, "YYYY-MM-DD
// HH:MM[:SS]", RFC 1123 and RFC 822 (feeds). A time without a zone is UTC.
// Impossible dates (2022-02-31, month 13) are errors.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, errors.New("empty time")
	}
	layouts := []string{
		time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04",
		"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
		"2006/01/02 15:04:05", "2006/01/02", "2006-01-02T15:04:05.999999999",
		time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822,
		"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700",
	}
	impossible := ""
	for _, l := range layouts {
		t, err := time.Parse(l, s)
		if err == nil {
			if t.Year() < 1800 || t.Year() > 2200 {
				return time.Time{}, fmt.Errorf("implausible year %d in %q", t.Year(), s)
			}
			return t, nil
		}
		// Go's own message names its layout ("2006-01-02"), which means
		// nothing to a user; keep only what is wrong with the value
		var pe *time.ParseError
		if errors.As(err, &pe) && strings.Contains(pe.Message, "out of range") && impossible == "" {
			impossible = strings.TrimPrefix(pe.Message, ": ")
		}
	}
	if impossible != "" {
		return time.Time{}, fmt.Errorf("impossible date %q: %s", s, impossible)
	}
	return time.Time{}, fmt.Errorf("unreadable date %q: %s", s, TimeForms)
}

// TimeForms says which date forms ParseTime reads, for error messages.
const TimeForms = "want YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS], RFC 3339 (2024-03-10T19:45:00+03:00) or RFC 1123 (Sun, 10 Mar 2024 19:45:00 +0300)"

// Plausible publication times: not before 1900, and not more than two
// days after now (a clock a day off, a zone, an embargo).
const (
	minPublishedYear = 1900
	maxPublishedLead = 48 * time.Hour
)

// CheckPublished says why t cannot be a publication time at now, or nil.
// An implausible date (a page in 2200, a default of 0001-01-01) would
// otherwise spread to other articles through date inference.
func CheckPublished(t, now time.Time) error {
	if t.Year() < minPublishedYear {
		return fmt.Errorf("publication date %s is before %d", t.Format(time.DateOnly), minPublishedYear)
	}
	if t.After(now.Add(maxPublishedLead)) {
		return fmt.Errorf("publication date %s is in the future (more than 2 days after %s)", t.Format(time.DateOnly), now.Format(time.DateOnly))
	}
	return nil
}

// parseText reads a plain text file: the first non-empty line is the title
// (cleaning may move it past residue such as a lone label).
func parseText(origin string, data []byte, opts Options) (*rasad.Article, error) {
	a := newArticle(FormatText, origin, "", data, opts)
	if !mostlyUTF8(data) {
		// a legacy encoding: windows-1256 more often than not for Arabic
		if enc, name := DetectEncoding(data, "", false); enc != nil {
			if dec, err := enc.NewDecoder().Bytes(data); err == nil {
				a.Text = strings.TrimPrefix(string(dec), "\ufeff")
				a.Warnings = append(a.Warnings, "not UTF-8: read as "+name)
				return finish(a, opts)
			}
		}
	}
	a.Text = validText(string(data), &a.Warnings, "text")
	a.Text = strings.TrimPrefix(a.Text, "\ufeff")
	return finish(a, opts)
}

// jsonRecord holds the fields Rasad reads, in both our names and
// news-please's. Values may be strings, numbers or null.
var jsonFields = struct {
	id, url, source, title, text, published, abstract, language, author []string
}{
	id:        []string{"id", "_id", "guid"},
	url:       []string{"url", "link"},
	source:    []string{"source", "outlet", "source_domain"},
	title:     []string{"title"},
	text:      []string{"text", "maintext", "body", "content"},
	published: []string{"published", "date_publish", "date", "pubDate"},
	abstract:  []string{"abstract", "description"},
	language:  []string{"language", "lang"},
	author:    []string{"author", "authors"},
}

func field(m map[string]any, names []string) string {
	for _, n := range names {
		v, ok := m[n]
		if !ok || v == nil {
			continue
		}
		switch x := v.(type) {
		case string:
			if x != "" {
				return x
			}
		case float64:
			return strconv.FormatFloat(x, 'f', -1, 64)
		case bool:
			return strconv.FormatBool(x)
		case []any:
			var parts []string
			for _, e := range x {
				if s, ok := e.(string); ok && s != "" {
					parts = append(parts, s)
				}
			}
			if len(parts) > 0 {
				return strings.Join(parts, "، ")
			}
		}
	}
	return ""
}

// jsonGetter decodes one JSON object and returns what field(m, names)
// gives for the map encoding/json makes of it: by the field decoder
// (jsonfields.go), or by encoding/json when the decoder gives up on it.
func jsonGetter(line []byte) (func(names []string) string, error) {
	r := new(jsonRecord)
	if jsonFieldsOf(line, r) {
		return r.field, nil
	}
	var m map[string]any
	if err := json.Unmarshal(line, &m); err != nil {
		return nil, err
	}
	return func(names []string) string { return field(m, names) }, nil
}

// readJSONL reads one article per line. A malformed line is reported with
// its file:line and reading goes on.
func readJSONL(ctx context.Context, name string, r *bufio.Reader, opts Options, emit func(Item) error) error {
	lineNo := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(r, MaxRecordBytes)
		if len(line) == 0 && err != nil {
			if err == io.EOF {
				return nil
			}
			return emit(Item{Origin: fmt.Sprintf("%s:%d", name, lineNo+1), Err: reject("read: %v", err)})
		}
		lineNo++
		origin := fmt.Sprintf("%s:%d", name, lineNo)
		if tooLong {
			if e := emit(Item{Origin: origin, Err: reject("line longer than %d MiB", MaxRecordBytes>>20)}); e != nil {
				return e
			}
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		a, perr := parseJSONObjectOwned(origin, line, FormatJSONL, opts) // readLine made line for this record alone
		if e := emit(Item{Article: a, Origin: origin, Err: perr}); e != nil {
			return e
		}
	}
}

func parseJSONRecord(origin string, line []byte, opts Options) (*rasad.Article, error) {
	return parseJSONObject(origin, line, FormatJSONL, opts)
}

// parseJSONObject reads one article object, in our field names or
// news-please's.
func parseJSONObject(origin string, line []byte, format Format, opts Options) (*rasad.Article, error) {
	return parseJSON(origin, line, false, format, opts)
}

// parseJSONObjectOwned is parseJSONObject for a line nothing else holds
// or changes: the article keeps it as its raw input without a copy.
func parseJSONObjectOwned(origin string, line []byte, format Format, opts Options) (*rasad.Article, error) {
	return parseJSON(origin, line, true, format, opts)
}

func parseJSON(origin string, line []byte, owned bool, format Format, opts Options) (*rasad.Article, error) {
	get, err := jsonGetter(line)
	if err != nil {
		return nil, reject("malformed JSON: %v", err)
	}
	raw := line
	if !owned {
		raw = append([]byte(nil), line...)
	}
	a := newArticle(format, origin, get(jsonFields.id), raw, opts)
	rep := &a.Reports[0]
	rep.URL = get(jsonFields.url)
	rep.Source = get(jsonFields.source)
	a.Title = validText(strings.TrimSpace(get(jsonFields.title)), &a.Warnings, "title")
	a.Text = validText(get(jsonFields.text), &a.Warnings, "text")
	a.Abstract = validText(strings.TrimSpace(get(jsonFields.abstract)), &a.Warnings, "abstract")
	a.Language = get(jsonFields.language)
	a.Author = validText(get(jsonFields.author), &a.Warnings, "author")
	if p := get(jsonFields.published); p != "" {
		if t, err := ParseTime(p); err == nil {
			a.Published, a.PublishedFrom, a.PublishedConfidence = &t, "input", 1
		} else {
			a.Warnings = append(a.Warnings, "published dropped: "+err.Error())
		}
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, reject("no text field (text, maintext, body, content)")
	}
	return finish(a, opts)
}

// readLine reads one line of any length up to limit; beyond the limit the
// rest of the line is skipped and tooLong is set.
func readLine(r *bufio.Reader, limit int) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, e := r.ReadLine()
		if e != nil {
			return line, tooLong, e
		}
		if !tooLong {
			if len(line)+len(chunk) > limit {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if !isPrefix {
			return line, tooLong, nil
		}
	}
}
