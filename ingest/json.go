package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// FormatJSON is a JSON file that is not one object per line: an array of
// articles, or one or more pretty-printed objects (as news-please writes
// them, one indented object per file).
const FormatJSON Format = "json"

// isPrettyJSON reports whether a stream that starts with "{" is indented
// JSON rather than JSON Lines: its first line does not close the object.
// A JSON line always ends with "}"; a first line longer than the peek
// buffer is taken for a long JSON line.
func isPrettyJSON(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	nl := bytes.IndexByte(head, '\n')
	if nl < 0 {
		return false
	}
	first := bytes.TrimSpace(head[:nl])
	if bytes.HasSuffix(first, []byte("}")) {
		return false
	}
	// a broken first line of JSON Lines is followed by another object;
	// the first line of an indented object by a key or its end
	rest := bytes.TrimLeft(head[nl+1:], " \t\r\n")
	return !bytes.HasPrefix(rest, []byte("{"))
}

// isJSONArray reports a stream that opens a JSON array of objects (or an
// empty one), not a text that starts with a bracket.
func isJSONArray(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(head, []byte("[")) {
		return false
	}
	rest := bytes.TrimLeft(head[1:], " \t\r\n")
	return len(rest) == 0 && len(head) == 1 || bytes.HasPrefix(rest, []byte("{")) || bytes.HasPrefix(rest, []byte("]"))
}

// boundedReader fails once more than limit bytes are read since the last
// reset: one JSON value may not exceed MaxRecordBytes.
type boundedReader struct {
	r     io.Reader
	n     int64
	limit int64
}

var errValueTooLarge = errors.New("value too large")

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.n > b.limit {
		return 0, errValueTooLarge
	}
	n, err := b.r.Read(p)
	b.n += int64(n)
	return n, err
}

// readJSON reads a JSON array of article objects, or a sequence of
// (pretty-printed) article objects, each like a JSON line. Elements are
// numbered name#1, name#2, … (a file holding a single object is just name).
// A malformed value ends the file with an error naming its line, since
// there is no line boundary to resume at.
func readJSON(ctx context.Context, name string, r *bufio.Reader, array bool, opts Options, emit func(Item) error) error {
	br := &boundedReader{r: r, limit: MaxRecordBytes}
	lines := &lineCounter{r: br}
	dec := json.NewDecoder(lines)
	where := func() string { return fmt.Sprintf("%s:%d", name, lines.lineAt(dec.InputOffset())) }
	fail := func(err error) error {
		if errors.Is(err, errValueTooLarge) {
			return emit(Item{Origin: name, Err: reject("JSON value larger than %d MiB", MaxRecordBytes>>20)})
		}
		return emit(Item{Origin: where(), Err: reject("malformed JSON: %v", err)})
	}
	n := 0
	var pending *Item // a single object keeps the plain file name
	flush := func() error {
		if pending == nil {
			return nil
		}
		it := *pending
		pending = nil
		return emit(it)
	}
	one := func(raw json.RawMessage, inArray bool) error {
		n++
		origin := fmt.Sprintf("%s#%d", name, n)
		if n == 2 && pending != nil {
			pending.Origin = name + "#1"
			if pending.Article != nil {
				pending.Article.Reports[0].Origin = pending.Origin
				if pending.Article.Reports[0].ExtID == name {
					pending.Article.Reports[0].ExtID = pending.Origin
				}
			}
		}
		if err := flush(); err != nil {
			return err
		}
		var it Item
		if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
			it = Item{Origin: origin, Err: reject("JSON value is not an object")}
		} else {
			a, err := parseJSONObject(origin, raw, FormatJSON, opts)
			it = Item{Article: a, Origin: origin, Err: err}
		}
		if n == 1 && !inArray {
			// the name becomes name#1 if a second object follows
			it.Origin = name
			if it.Article != nil {
				it.Article.Reports[0].Origin = name
				if it.Article.Reports[0].ExtID == origin {
					it.Article.Reports[0].ExtID = name
				}
			}
			pending = &it
			return nil
		}
		return emit(it)
	}
	if array {
		if _, err := dec.Token(); err != nil {
			return fail(err)
		}
		for dec.More() {
			if err := ctx.Err(); err != nil {
				return err
			}
			br.n = 0
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return fail(err)
			}
			if err := one(raw, true); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil {
			return fail(err)
		}
		if _, err := dec.Token(); err != io.EOF {
			return emit(Item{Origin: where(), Err: reject("text after the JSON array")})
		}
	} else {
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			br.n = 0
			var raw json.RawMessage
			err := dec.Decode(&raw)
			if err == io.EOF {
				break
			}
			if err != nil {
				if e := flush(); e != nil {
					return e
				}
				return fail(err)
			}
			if err := one(raw, false); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if n == 0 {
		return emit(Item{Origin: name, Err: reject("JSON holds no articles")})
	}
	return nil
}

// lineCounter counts line breaks in what it has passed on, so that an
// offset of the decoder can be named as a line.
type lineCounter struct {
	r       io.Reader
	read    int64
	offsets []int64 // offsets of line breaks, bounded to the last 4096
	base    int     // line breaks dropped from offsets
}

func (l *lineCounter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i, c := range p[:n] {
		if c == '\n' {
			l.offsets = append(l.offsets, l.read+int64(i))
		}
	}
	if len(l.offsets) > 8192 {
		drop := len(l.offsets) - 4096
		l.base += drop
		l.offsets = append(l.offsets[:0], l.offsets[drop:]...)
	}
	l.read += int64(n)
	return n, err
}

// lineAt returns the 1-based line of a byte offset already read.
func (l *lineCounter) lineAt(off int64) int {
	line := l.base + 1
	for _, o := range l.offsets {
		if o >= off {
			break
		}
		line++
	}
	return line
}
