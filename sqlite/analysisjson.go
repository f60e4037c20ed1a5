package sqlite

import (
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/rasad/rasad"
)

// The analyses table holds each article's timexes, mentions and events as
// JSON. encoding/json spends most of its time on reflection for these small
// structs (about 2% of an ingest), so they are written by hand here, byte
// for byte as json.Marshal writes them: the same field order and names,
// omitempty, HTML-safe string escaping, and ES6 number formatting.
// TestAnalysisJSONSameAsMarshal fills every field of every type by
// reflection and fails when a field is added to one of them and not here.

// marshalTimexes is json.Marshal(ts) for a non-nil ts.
func marshalTimexes(ts []rasad.Timex) ([]byte, error) {
	b := make([]byte, 0, 64+len(ts)*160)
	b = append(b, '[')
	for i := range ts {
		t := &ts[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = appendSpanFields(append(b, '{'), t.Span)
		b = appendStringField(b, `,"text":`, t.Text)
		b = appendStringField(b, `,"type":`, t.Type)
		b = appendStringField(b, `,"value":`, t.Value)
		if t.Mod != "" {
			b = appendStringField(b, `,"mod":`, t.Mod)
		}
		b = appendStringField(b, `,"anchor":`, t.Anchor)
		b = appendStringField(b, `,"rule":`, t.Rule)
		var ok bool
		if b, ok = appendFloatField(b, `,"confidence":`, t.Confidence); !ok {
			return json.Marshal(ts) // its error
		}
		b = append(b, '}')
	}
	return append(b, ']'), nil
}

// marshalMentions is json.Marshal(ms) for a non-nil ms.
func marshalMentions(ms []rasad.Mention) ([]byte, error) {
	b := make([]byte, 0, 64+len(ms)*200)
	b = append(b, '[')
	for i := range ms {
		m := &ms[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = appendSpanFields(append(b, '{'), m.Span)
		b = appendStringField(b, `,"text":`, m.Text)
		b = appendStringField(b, `,"type":`, m.Type)
		b = appendStringField(b, `,"key":`, m.Key)
		if m.Canonical != "" {
			b = appendStringField(b, `,"canonical":`, m.Canonical)
		}
		if m.Role != "" {
			b = appendStringField(b, `,"role":`, m.Role)
		}
		if m.Sector != "" {
			b = appendStringField(b, `,"sector":`, m.Sector)
		}
		if m.Country != "" {
			b = appendStringField(b, `,"country":`, m.Country)
		}
		b = appendStringField(b, `,"rule":`, m.Rule)
		var ok bool
		if b, ok = appendFloatField(b, `,"confidence":`, m.Confidence); !ok {
			return json.Marshal(ms)
		}
		b = append(b, '}')
	}
	return append(b, ']'), nil
}

// marshalEvents is json.Marshal(es) for a non-nil es.
func marshalEvents(es []rasad.EventMention) ([]byte, error) {
	b := make([]byte, 0, 64+len(es)*300)
	b = append(b, '[')
	for i := range es {
		e := &es[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = appendSpanFields(append(b, `{"trigger":{`...), e.Trigger)
		b = append(b, '}')
		b = appendStringField(b, `,"text":`, e.Text)
		b = appendStringField(b, `,"type":`, e.Type)
		if e.Mode != "" {
			b = appendStringField(b, `,"mode":`, e.Mode)
		}
		b = appendStringField(b, `,"status":`, e.Status)
		if e.Date != "" {
			b = appendStringField(b, `,"date":`, e.Date)
		}
		if e.DateRule != "" {
			b = appendStringField(b, `,"date_rule":`, e.DateRule)
		}
		if len(e.Participants) > 0 {
			b = append(b, `,"participants":[`...)
			for k, p := range e.Participants {
				if k > 0 {
					b = append(b, ',')
				}
				b = appendStringField(b, `{"type":`, p.Type)
				b = appendStringField(b, `,"key":`, p.Key)
				b = appendStringField(b, `,"name":`, p.Name)
				b = append(b, '}')
			}
			b = append(b, ']')
		}
		if e.Place != "" {
			b = appendStringField(b, `,"place":`, e.Place)
		}
		if e.PlaceName != "" {
			b = appendStringField(b, `,"place_name":`, e.PlaceName)
		}
		b = appendSpanFields(append(b, `,"sentence":{`...), e.Sentence)
		b = append(b, '}')
		b = appendStringField(b, `,"rule":`, e.Rule)
		b = append(b, '}')
	}
	return append(b, ']'), nil
}

// appendSpanFields writes a Span's fields (without braces).
func appendSpanFields(b []byte, s rasad.Span) []byte {
	b = append(b, `"start":`...)
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, `,"end":`...)
	return strconv.AppendInt(b, int64(s.End), 10)
}

func appendStringField(b []byte, name, s string) []byte {
	return appendJSONString(append(b, name...), s)
}

// appendFloatField writes f as encoding/json does; ok is false for NaN
// and infinities, which JSON cannot hold (json.Marshal's error then).
func appendFloatField(b []byte, name string, f float64) ([]byte, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, false
	}
	b = append(b, name...)
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

const hexDigits = "0123456789abcdef"

// needsCheck marks the bytes that may need escaping: ASCII controls, the
// quote, the backslash and the HTML characters, and 0xE2 (which starts
// U+2028 and U+2029).
var needsCheck = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	for _, c := range []byte{'"', '\\', '<', '>', '&', 0xE2} {
		t[c] = true
	}
	return t
}()

// plainJSON says whether s is written as it is between quotes: valid
// UTF-8 without a byte that needsCheck (the common case: Arabic text).
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		if needsCheck[s[i]] {
			return false
		}
	}
	return utf8.ValidString(s)
}

// appendJSONString quotes s as json.Marshal does (HTML-safe: <, > and &
// escaped; invalid UTF-8 as \ufffd; U+2028 and U+2029 escaped).
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	if plainJSON(s) {
		b = append(b, s...)
		return append(b, '"')
	}
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
