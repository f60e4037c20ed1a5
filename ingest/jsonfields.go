package ingest

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// A JSON record is read by a field decoder of its own (jsonFieldsOf)
// rather than by encoding/json into a map[string]any: it keeps only the
// fields Rasad reads (jsonFields) and builds no map, no interface values
// and no strings for the fields it skips, which took most of the serial
// reader's time on a JSON Lines corpus. It reads the same values
// encoding/json would, and it gives up (ok false) on whatever it does not
// handle exactly as encoding/json does: any malformed input (so that the
// rejection names encoding/json's error), a number encoding/json cannot
// hold in a float64, nesting deeper than maxFieldDepth, a top-level value
// other than an object. The caller then decodes the record with
// encoding/json as before. TestFieldsSameAsMap and FuzzFieldsSameAsMap
// compare both on every field.

// jsonValue is one field's value as field() reads it from a map[string]any.
type jsonValue struct {
	kind byte // 0 absent or null, 's' string, 'n' number, 'b' bool, 'a' array, 'o' object
	s    string
	strs []string // an array's non-empty strings
}

// text is field()'s reading of the value: "" when it gives nothing.
func (v *jsonValue) text() string {
	switch v.kind {
	case 's', 'n', 'b':
		return v.s
	case 'a':
		if len(v.strs) > 0 {
			return strings.Join(v.strs, "، ")
		}
	}
	return ""
}

// fieldNames are the names of every field Rasad reads (jsonFields), each
// with its slot in a jsonRecord.
var fieldNames = func() map[string]int {
	m := map[string]int{}
	for _, group := range [][]string{jsonFields.id, jsonFields.url, jsonFields.source, jsonFields.title, jsonFields.text,
		jsonFields.published, jsonFields.abstract, jsonFields.language, jsonFields.author} {
		for _, n := range group {
			if _, ok := m[n]; !ok {
				m[n] = len(m)
			}
		}
	}
	return m
}()

// jsonRecord holds the values of the fields Rasad reads, by slot.
type jsonRecord struct {
	vals [32]jsonValue
}

// field is field(m, names) of the map encoding/json would have made.
func (r *jsonRecord) field(names []string) string {
	for _, n := range names {
		if s := r.vals[fieldNames[n]].text(); s != "" {
			return s
		}
	}
	return ""
}

// maxFieldDepth bounds the nesting the field decoder follows; deeper
// records go to encoding/json (whose own limit is 10,000).
const maxFieldDepth = 64

// jsonFieldsOf decodes the object in data into r. ok is false when the
// record must be decoded by encoding/json instead (see above).
func jsonFieldsOf(data []byte, r *jsonRecord) (ok bool) {
	d := fieldDecoder{data: data}
	d.ws()
	if d.i >= len(d.data) || d.data[d.i] != '{' {
		return false
	}
	if !d.object(r, 1) {
		return false
	}
	d.ws()
	return d.i == len(d.data)
}

type fieldDecoder struct {
	data []byte
	i    int
}

func (d *fieldDecoder) ws() {
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// object reads an object at d.i ('{'); into r when r is not nil (the top
// level), else skipping it.
func (d *fieldDecoder) object(r *jsonRecord, depth int) bool {
	if depth > maxFieldDepth {
		return false
	}
	d.i++ // '{'
	d.ws()
	if d.i < len(d.data) && d.data[d.i] == '}' {
		d.i++
		return true
	}
	for {
		if d.i >= len(d.data) || d.data[d.i] != '"' {
			return false
		}
		slot := -1
		if r != nil {
			var ok bool
			if slot, ok = d.key(); !ok {
				return false
			}
		} else if _, _, ok := d.strSpan(); !ok {
			return false
		}
		d.ws()
		if d.i >= len(d.data) || d.data[d.i] != ':' {
			return false
		}
		d.i++
		d.ws()
		if slot >= 0 {
			if !d.value(&r.vals[slot], depth) {
				return false
			}
		} else if !d.value(nil, depth) {
			return false
		}
		d.ws()
		if d.i >= len(d.data) {
			return false
		}
		switch d.data[d.i] {
		case ',':
			d.i++
			d.ws()
		case '}':
			d.i++
			return true
		default:
			return false
		}
	}
}

// value reads any value at d.i into v (nil: skipped but checked). A
// later value of the same name replaces an earlier one, as in a map.
func (d *fieldDecoder) value(v *jsonValue, depth int) bool {
	if d.i >= len(d.data) {
		return false
	}
	switch c := d.data[d.i]; {
	case c == '"':
		s, ok := d.str(v != nil)
		if !ok {
			return false
		}
		if v != nil {
			*v = jsonValue{kind: 's', s: s}
		}
		return true
	case c == '{':
		if v != nil {
			*v = jsonValue{kind: 'o'}
		}
		return d.object(nil, depth+1)
	case c == '[':
		return d.array(v, depth+1)
	case c == '-' || '0' <= c && c <= '9':
		s, ok := d.number()
		if !ok {
			return false
		}
		if v != nil {
			*v = jsonValue{kind: 'n', s: s}
		}
		return true
	case c == 't' || c == 'f' || c == 'n':
		lit := jsonLiterals[c]
		if !d.literal(lit) {
			return false
		}
		if v != nil {
			*v = jsonValue{} // null
			if c != 'n' {
				*v = jsonValue{kind: 'b', s: lit}
			}
		}
		return true
	}
	return false
}

// jsonLiterals are JSON's literals by their first byte.
var jsonLiterals = [256]string{'t': "true", 'f': "false", 'n': "null"}

// array reads an array at d.i ('['); into v (its non-empty strings) when
// v is not nil.
func (d *fieldDecoder) array(v *jsonValue, depth int) bool {
	if depth > maxFieldDepth {
		return false
	}
	if v != nil {
		*v = jsonValue{kind: 'a'}
	}
	d.i++ // '['
	d.ws()
	if d.i < len(d.data) && d.data[d.i] == ']' {
		d.i++
		return true
	}
	for {
		if d.i >= len(d.data) {
			return false
		}
		if v != nil && d.data[d.i] == '"' {
			s, ok := d.str(true)
			if !ok {
				return false
			}
			if s != "" {
				v.strs = append(v.strs, s)
			}
		} else if !d.value(nil, depth) {
			return false
		}
		d.ws()
		if d.i >= len(d.data) {
			return false
		}
		switch d.data[d.i] {
		case ',':
			d.i++
			d.ws()
		case ']':
			d.i++
			return true
		default:
			return false
		}
	}
}

func (d *fieldDecoder) literal(lit string) bool {
	if len(d.data)-d.i < len(lit) || string(d.data[d.i:d.i+len(lit)]) != lit {
		return false
	}
	d.i += len(lit)
	return true
}

// number reads a number at d.i in JSON's grammar and returns it as field()
// formats the float64 encoding/json makes of it; ok is false for a
// malformed number or one out of float64's range (encoding/json's error).
func (d *fieldDecoder) number() (string, bool) {
	start := d.i
	if d.data[d.i] == '-' {
		d.i++
	}
	digits := func() int {
		n := 0
		for d.i < len(d.data) && '0' <= d.data[d.i] && d.data[d.i] <= '9' {
			d.i++
			n++
		}
		return n
	}
	if d.i >= len(d.data) {
		return "", false
	}
	if d.data[d.i] == '0' {
		d.i++
	} else if digits() == 0 {
		return "", false
	}
	if d.i < len(d.data) && d.data[d.i] == '.' {
		d.i++
		if digits() == 0 {
			return "", false
		}
	}
	if d.i < len(d.data) && (d.data[d.i] == 'e' || d.data[d.i] == 'E') {
		d.i++
		if d.i < len(d.data) && (d.data[d.i] == '+' || d.data[d.i] == '-') {
			d.i++
		}
		if digits() == 0 {
			return "", false
		}
	}
	f, err := strconv.ParseFloat(string(d.data[start:d.i]), 64)
	if err != nil {
		return "", false
	}
	return strconv.FormatFloat(f, 'f', -1, 64), true
}

// str reads a string at d.i ('"'). With want it returns its value as
// encoding/json decodes it; otherwise it only checks it.
func (d *fieldDecoder) str(want bool) (string, bool) {
	start, plain, ok := d.strSpan()
	if !ok || !want {
		return "", ok
	}
	return d.strValue(start, plain)
}

// strValue is the value of the string from start (its '"') to d.i.
func (d *fieldDecoder) strValue(start int, plain bool) (string, bool) {
	raw := d.data[start+1 : d.i-1]
	if plain && utf8.Valid(raw) {
		return string(raw), true
	}
	return unquote(raw), true
}

// unquote decodes the inside of a string strSpan checked, as encoding/json
// does (its unquoteBytes): escapes, a surrogate pair as one rune and a
// lone surrogate as U+FFFD, invalid UTF-8 coerced to U+FFFD byte by byte.
func unquote(s []byte) string {
	b := make([]byte, 0, len(s)+utf8.UTFMax)
	for r := 0; r < len(s); {
		c := s[r]
		switch {
		case c == '\\':
			r++
			switch e := s[r]; e {
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				rr := hex4(s[r+1:])
				r += 5
				if utf16.IsSurrogate(rr) {
					if len(s)-r >= 6 && s[r] == '\\' && s[r+1] == 'u' {
						if dec := utf16.DecodeRune(rr, hex4(s[r+2:])); dec != unicode.ReplacementChar {
							b = utf8.AppendRune(b, dec)
							r += 6
							continue
						}
					}
					rr = unicode.ReplacementChar
				}
				b = utf8.AppendRune(b, rr)
				continue
			default: // '"', '\\', '/'
				b = append(b, e)
			}
			r++
		default: // a run up to the next escape, valid as it is or coerced
			end := len(s)
			if j := bytes.IndexByte(s[r:], '\\'); j >= 0 {
				end = r + j
			}
			if run := s[r:end]; utf8.Valid(run) {
				b = append(b, run...)
			} else {
				for len(run) > 0 {
					rr, size := utf8.DecodeRune(run)
					b = utf8.AppendRune(b, rr)
					run = run[size:]
				}
			}
			r = end
		}
	}
	return string(b)
}

// hex4 reads four hex digits strSpan checked.
func hex4(h []byte) rune {
	var r rune
	for _, c := range h[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		default:
			c = c - 'A' + 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// strStop marks the bytes that end a run of plain string bytes: the quote,
// the backslash and the control characters.
var strStop = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// key reads an object's key at d.i ('"') and returns its slot in a
// jsonRecord, or -1 for a field Rasad does not read.
func (d *fieldDecoder) key() (int, bool) {
	start, plain, ok := d.strSpan()
	if !ok {
		return -1, false
	}
	if plain {
		if slot, found := fieldNames[string(d.data[start+1:d.i-1])]; found {
			return slot, true // the name is plain ASCII, so the bytes are the key
		}
		if utf8.Valid(d.data[start+1 : d.i-1]) {
			return -1, true
		}
	}
	k, ok := d.strValue(start, plain)
	if !ok {
		return -1, false
	}
	if slot, found := fieldNames[k]; found {
		return slot, true
	}
	return -1, true
}

// strSpan checks the string at d.i ('"') and moves past it; plain is true
// when it holds no escape.
func (d *fieldDecoder) strSpan() (start int, plain, ok bool) {
	start = d.i
	plain = true
	d.i++
	for d.i < len(d.data) {
		for d.i < len(d.data) && !strStop[d.data[d.i]] {
			d.i++
		}
		if d.i >= len(d.data) {
			break
		}
		c := d.data[d.i]
		switch {
		case c == '"':
			d.i++
			return start, plain, true
		case c == '\\':
			plain = false
			d.i++
			if d.i >= len(d.data) {
				return start, false, false
			}
			switch d.data[d.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				d.i++
			case 'u':
				d.i++
				if len(d.data)-d.i < 4 {
					return start, false, false
				}
				for _, h := range d.data[d.i : d.i+4] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return start, false, false
					}
				}
				d.i += 4
			default:
				return start, false, false
			}
		case c < 0x20:
			return start, false, false // a control character must be escaped
		default:
			d.i++
		}
	}
	return start, false, false
}
