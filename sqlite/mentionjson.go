package sqlite

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/rasad/rasad"
)

// decodeMentions decodes a stored mentions array. The analyses are written
// by encoding/json in one flat shape (an array of objects with string and
// number fields), which a direct scan reads several times faster than
// encoding/json's reflection; anything outside that shape (an escape
// sequence aside, which the scan hands to encoding/json) falls back to
// json.Unmarshal, so the result is always encoding/json's.
func decodeMentions(src string) ([]rasad.Mention, error) {
	if ms, ok := scanMentions(src); ok {
		return ms, nil
	}
	var ms []rasad.Mention
	err := json.Unmarshal([]byte(src), &ms)
	return ms, err
}

// mentionScanner reads the flat shape; ok turns false at the first byte
// it does not expect.
type mentionScanner struct {
	b  string // every string field is a substring of it: no allocation
	i  int
	ok bool
}

func (s *mentionScanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *mentionScanner) byte(c byte) bool {
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// str reads a string; one with an escape is decoded by encoding/json.
func (s *mentionScanner) str() string {
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		s.ok = false
		return ""
	}
	start := s.i
	s.i++
	escaped := false
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			if !escaped {
				raw := s.b[start+1 : s.i-1]
				if !utf8.ValidString(raw) {
					s.ok = false // encoding/json replaces bad bytes: let it
					return ""
				}
				return raw
			}
			var v string
			if json.Unmarshal([]byte(s.b[start:s.i]), &v) != nil {
				s.ok = false
			}
			return v
		case c == '\\':
			escaped = true
			s.i += 2
		case c < 0x20:
			s.ok = false
			return ""
		default:
			s.i++
		}
	}
	s.ok = false
	return ""
}

// number reads a JSON number literal (strict grammar) and whether it has
// a fraction or an exponent.
func (s *mentionScanner) number() (string, bool) {
	s.ws()
	start, frac := s.i, false
	digits := func() int {
		n := 0
		for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
			s.i++
			n++
		}
		return n
	}
	if s.i < len(s.b) && s.b[s.i] == '-' {
		s.i++
	}
	if s.i < len(s.b) && s.b[s.i] == '0' {
		s.i++
	} else if digits() == 0 {
		s.ok = false
		return "", false
	}
	if s.i < len(s.b) && s.b[s.i] == '.' {
		s.i++
		frac = true
		if digits() == 0 {
			s.ok = false
			return "", false
		}
	}
	if s.i < len(s.b) && (s.b[s.i] == 'e' || s.b[s.i] == 'E') {
		s.i++
		frac = true
		if s.i < len(s.b) && (s.b[s.i] == '+' || s.b[s.i] == '-') {
			s.i++
		}
		if digits() == 0 {
			s.ok = false
			return "", false
		}
	}
	return s.b[start:s.i], frac
}

func (s *mentionScanner) int() int {
	lit, frac := s.number()
	if !s.ok || frac {
		s.ok = false
		return 0
	}
	n, err := strconv.Atoi(lit)
	if err != nil {
		s.ok = false
	}
	return n
}

// scanMentions reads the flat shape, or reports that it could not.
func scanMentions(b string) ([]rasad.Mention, bool) {
	s := &mentionScanner{b: b, ok: true}
	s.ws()
	if len(b)-s.i >= 4 && b[s.i:s.i+4] == "null" {
		s.i += 4
		s.ws()
		return nil, s.i == len(b)
	}
	if !s.byte('[') {
		return nil, false
	}
	out := []rasad.Mention{}
	if s.byte(']') {
		s.ws()
		return out, s.i == len(b)
	}
	for {
		if !s.byte('{') {
			return nil, false
		}
		var m rasad.Mention
		if !s.byte('}') {
			for {
				key := s.str()
				if !s.ok || !s.byte(':') {
					return nil, false
				}
				switch key {
				case "start":
					m.Start = s.int()
				case "end":
					m.End = s.int()
				case "text":
					m.Text = s.str()
				case "type":
					m.Type = s.str()
				case "key":
					m.Key = s.str()
				case "canonical":
					m.Canonical = s.str()
				case "role":
					m.Role = s.str()
				case "sector":
					m.Sector = s.str()
				case "country":
					m.Country = s.str()
				case "rule":
					m.Rule = s.str()
				case "confidence":
					lit, _ := s.number()
					if s.ok {
						f, err := strconv.ParseFloat(lit, 64)
						if err != nil {
							return nil, false
						}
						m.Confidence = f
					}
				default:
					return nil, false // a field this scan does not know: encoding/json decides
				}
				if !s.ok {
					return nil, false
				}
				if s.byte(',') {
					continue
				}
				if s.byte('}') {
					break
				}
				return nil, false
			}
		}
		out = append(out, m)
		if s.byte(',') {
			continue
		}
		if s.byte(']') {
			break
		}
		return nil, false
	}
	s.ws()
	return out, s.i == len(b)
}
