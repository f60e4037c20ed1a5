// Package ingest reads news articles from files of many kinds (plain text,
// JSON Lines, HTML, RSS/Atom, WARC, gzipped or not, directories and standard
// input) into rasad.Article values, cleans scraping residue without deleting
// anything, and gives each article its content ID.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rasad/rasad"
)

// Limits on what one record may be. Larger inputs are rejected with a clear
// reason, never truncated silently.
const (
	// MaxRecordBytes bounds one input record: a JSON line, an HTML page, a
	// text file, a WARC record.
	MaxRecordBytes = 64 << 20
	// MaxTextBytes bounds an article's extracted text.
	MaxTextBytes = 8 << 20
)

// Options fill metadata that plain inputs lack.
type Options struct {
	// Published, Source and URL apply to records that do not carry their own.
	Published *time.Time
	Source    string
	URL       string
	// Now stamps reports; zero means time.Now.
	Now func() time.Time
}

// Item is one result of reading: an article, or a rejected record with the
// place it came from (file:line) and why.
type Item struct {
	Article *rasad.Article
	Origin  string
	Err     error
}

// Format names an input kind.
type Format string

const (
	FormatText   Format = "txt"
	FormatJSONL  Format = "jsonl" // one object per line; see also FormatJSON
	FormatHTML   Format = "html"
	FormatFeed   Format = "feed"
	FormatWARC   Format = "warc"
	FormatBinary Format = "binary"
	FormatEmpty  Format = "empty"
)

// ErrRejected marks a record that was read but not turned into an article.
var ErrRejected = errors.New("rejected")

func reject(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrRejected, fmt.Sprintf(format, args...))
}

// Read reads every article in path (a file, a directory walked recursively
// in name order, or "-" for standard input) and calls emit for each article
// or rejected record. It returns an error only when emit does, or when ctx
// is done; unreadable files are reported through emit and reading goes on.
func Read(ctx context.Context, path string, opts Options, emit func(Item) error) error {
	if path == "-" {
		return readStream(ctx, "-", os.Stdin, opts, emit)
	}
	info, err := os.Stat(path)
	if err != nil {
		return emit(Item{Origin: path, Err: fmt.Errorf("%w: %v", ErrRejected, err)})
	}
	if !info.IsDir() {
		return readFile(ctx, path, opts, emit)
	}
	files, err := listFiles(path, emit)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := readFile(ctx, f, opts, emit); err != nil {
			return err
		}
	}
	return nil
}

// listFiles lists the regular files under dir, recursively, in name order,
// following symbolic links to files and directories. Hidden entries are
// skipped. A directory reached again (a link cycle, or two links to one
// directory) is read once and reported; unreadable entries and dangling
// links are reported through emit and the walk goes on.
func listFiles(dir string, emit func(Item) error) ([]string, error) {
	var files []string
	seen := map[string]string{} // real path of each directory read → the path it was read as
	var walk func(p string) error
	walk = func(p string) error {
		real, err := filepath.EvalSymlinks(p)
		if err != nil {
			return emit(Item{Origin: p, Err: fmt.Errorf("%w: %v", ErrRejected, err)})
		}
		if real, err = filepath.Abs(real); err != nil {
			return emit(Item{Origin: p, Err: fmt.Errorf("%w: %v", ErrRejected, err)})
		}
		if first, ok := seen[real]; ok {
			return emit(Item{Origin: p, Err: reject("directory already read as %s (a symbolic link cycle or a second link); skipped", first)})
		}
		seen[real] = p
		entries, err := os.ReadDir(p)
		if err != nil {
			if e := emit(Item{Origin: p, Err: fmt.Errorf("%w: %v", ErrRejected, err)}); e != nil {
				return e
			}
		}
		for _, d := range entries { // ReadDir sorts by name
			if strings.HasPrefix(d.Name(), ".") {
				continue
			}
			child := filepath.Join(p, d.Name())
			typ := d.Type()
			if typ&fs.ModeSymlink != 0 {
				info, err := os.Stat(child)
				if err != nil {
					if e := emit(Item{Origin: child, Err: fmt.Errorf("%w: dangling symbolic link: %v", ErrRejected, err)}); e != nil {
						return e
					}
					continue
				}
				typ = info.Mode().Type()
			}
			switch {
			case typ.IsDir():
				if err := walk(child); err != nil {
					return err
				}
			case typ.IsRegular():
				files = append(files, child)
			}
		}
		return nil
	}
	if err := walk(dir); err != nil {
		return nil, err
	}
	sort.Strings(files)
	return files, nil
}

func readFile(ctx context.Context, path string, opts Options, emit func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return emit(Item{Origin: path, Err: fmt.Errorf("%w: %v", ErrRejected, err)})
	}
	defer f.Close()
	return readStream(ctx, path, f, opts, emit)
}

// readStream sniffs the content (and the name) and dispatches to a reader.
func readStream(ctx context.Context, name string, r io.Reader, opts Options, emit func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(2)
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return emit(Item{Origin: name, Err: reject("bad gzip stream: %v", err)})
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	head, _ = br.Peek(4096)
	format := Detect(strings.TrimSuffix(name, ".gz"), head)
	switch format {
	case FormatEmpty:
		return emit(Item{Origin: name, Err: reject("empty file")})
	case FormatBinary:
		return emit(Item{Origin: name, Err: reject("binary content, not text (no known format)")})
	case FormatJSONL:
		if isPrettyJSON(head) {
			return readJSON(ctx, name, br, false, opts, emit)
		}
		return readJSONL(ctx, name, br, opts, emit)
	case FormatJSON:
		return readJSON(ctx, name, br, true, opts, emit)
	case FormatWARC:
		return readWARC(ctx, name, br, opts, emit)
	}
	data, err := readAllLimited(br, MaxRecordBytes)
	if err != nil {
		return emit(Item{Origin: name, Err: reject("%v", err)})
	}
	switch format {
	case FormatHTML:
		return emitOne(name, emit, func() (*rasad.Article, error) { return parseHTML(name, data, "", nil, opts) })
	case FormatFeed:
		return readFeed(name, data, opts, emit)
	default:
		return emitOne(name, emit, func() (*rasad.Article, error) { return parseText(name, data, opts) })
	}
}

func emitOne(origin string, emit func(Item) error, parse func() (*rasad.Article, error)) error {
	a, err := parse()
	if err != nil {
		return emit(Item{Origin: origin, Err: err})
	}
	return emit(Item{Article: a, Origin: origin})
}

func readAllLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("input larger than %d MiB", limit>>20)
	}
	return data, nil
}

// Detect names the format of an input from its first bytes, using the file
// name only where the content is ambiguous.
func Detect(name string, head []byte) Format {
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	trimmed = bytes.TrimPrefix(trimmed, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(trimmed)) == 0 {
		if len(head) == 0 || len(bytes.TrimSpace(head)) == 0 {
			return FormatEmpty
		}
	}
	if bytes.HasPrefix(trimmed, []byte("WARC/")) {
		return FormatWARC
	}
	if looksBinary(head) {
		return FormatBinary
	}
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 1024)])
	if bytes.HasPrefix(trimmed, []byte("{")) {
		return FormatJSONL
	}
	if isJSONArray(trimmed) {
		return FormatJSON
	}
	if bytes.HasPrefix(lower, []byte("<?xml")) || bytes.HasPrefix(lower, []byte("<rss")) || bytes.HasPrefix(lower, []byte("<feed")) || bytes.HasPrefix(lower, []byte("<rdf")) {
		if bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf")) {
			return FormatFeed
		}
		if bytes.Contains(lower, []byte("<html")) {
			return FormatHTML
		}
		return FormatFeed
	}
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) || bytes.HasPrefix(lower, []byte("<head")) || bytes.HasPrefix(lower, []byte("<body")) || bytes.HasPrefix(lower, []byte("<!--")) && bytes.Contains(lower, []byte("<html")) {
		return FormatHTML
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".html", ".htm", ".xhtml":
		if bytes.HasPrefix(trimmed, []byte("<")) {
			return FormatHTML
		}
	case ".rss", ".atom", ".xml":
		if bytes.HasPrefix(trimmed, []byte("<")) {
			return FormatFeed
		}
	}
	return FormatText
}

// looksBinary reports NUL bytes or a high share of control characters,
// which no text format here has.
func looksBinary(head []byte) bool {
	if len(head) == 0 {
		return false
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	if ctrl*20 > len(head) {
		return true
	}
	return false
}

// validText repairs invalid UTF-8 with U+FFFD and says so.
func validText(s string, warnings *[]string, what string) string {
	if utf8.ValidString(s) {
		return s
	}
	*warnings = append(*warnings, fmt.Sprintf("invalid UTF-8 in %s repaired with U+FFFD", what))
	return strings.ToValidUTF8(s, "\uFFFD")
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now().UTC()
	}
	return time.Now().UTC()
}

// newArticle builds an article from read fields, filling metadata from opts.
func newArticle(format Format, origin, extID string, raw []byte, opts Options) *rasad.Article {
	a := &rasad.Article{Raw: raw}
	rep := rasad.Report{ExtID: extID, Format: string(format), Origin: origin, IngestedAt: opts.now()}
	if rep.ExtID == "" {
		rep.ExtID = origin
	}
	a.Reports = []rasad.Report{rep}
	return a
}

// finish applies the fallback metadata from opts and the size checks shared
// by every reader.
func finish(a *rasad.Article, opts Options) (*rasad.Article, error) {
	if len(a.Text) > MaxTextBytes {
		return nil, reject("text of %d bytes exceeds the %d MiB limit", len(a.Text), MaxTextBytes>>20)
	}
	rep := &a.Reports[0]
	if rep.Source == "" {
		rep.Source = opts.Source
	}
	if rep.URL == "" {
		rep.URL = opts.URL
	}
	if a.Published != nil {
		if err := CheckPublished(*a.Published, opts.now()); err != nil {
			a.Warnings = append(a.Warnings, "published dropped: "+err.Error())
			a.Published, a.PublishedFrom, a.PublishedConfidence = nil, "", 0
		}
	}
	if a.Published == nil && opts.Published != nil {
		t := *opts.Published
		a.Published, a.PublishedFrom, a.PublishedConfidence = &t, "flag", 1
	}
	if a.Published != nil {
		t := *a.Published
		rep.Published = &t
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, reject("no text")
	}
	return a, nil
}
