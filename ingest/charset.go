package ingest

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Encodings are read in this order of trust: a byte-order mark, the HTTP
// Content-Type, then the bytes themselves (valid UTF-8 is UTF-8), then a
// <meta charset> declaration, and last a guess among the single-byte
// encodings Arabic pages still use, by the share of Arabic letters and of
// the definite article «ال» each one decodes to.

// detectSample bounds the bytes looked at when guessing an encoding.
const detectSample = 256 << 10

// candidate single-byte encodings, Arabic first.
var guessEncodings = []struct {
	name   string
	enc    encoding.Encoding
	arabic bool
}{
	{"windows-1256", charmap.Windows1256, true},
	{"iso-8859-6", charmap.ISO8859_6, true},
	{"windows-1252", charmap.Windows1252, false},
}

// DetectEncoding names the encoding of data (an HTML page when html is
// true, else a text file) and returns its decoder, or nil when data is
// UTF-8. contentType is the HTTP Content-Type, if any.
func DetectEncoding(data []byte, contentType string, html bool) (encoding.Encoding, string) {
	head := data[:min(len(data), 1024)]
	if bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) {
		return nil, "utf-8"
	}
	if html || contentType != "" {
		if e, name, certain := charset.DetermineEncoding(head, contentType); certain && e != nil {
			if isUTF8Name(name) {
				return nil, "utf-8"
			}
			// a page labelled Latin-1 that is valid UTF-8 is UTF-8
			if !(name == "windows-1252" && mostlyUTF8(data)) {
				return e, name
			}
		}
	}
	if mostlyUTF8(data) {
		return nil, "utf-8"
	}
	if html {
		if e, name, _ := charset.DetermineEncoding(head, ""); e != nil && !isUTF8Name(name) && name != "windows-1252" {
			// a <meta charset> naming a legacy encoding
			return e, name
		}
	}
	return guessEncoding(data[:min(len(data), detectSample)])
}

func isUTF8Name(name string) bool { return name == "utf-8" || name == "utf8" }

// mostlyUTF8 reports text that is UTF-8, allowing a few corrupt bytes
// (which are then repaired with U+FFFD): at least four valid multi-byte
// characters for each invalid byte, or no high bytes at all.
func mostlyUTF8(data []byte) bool {
	data = data[:min(len(data), detectSample)]
	if utf8.Valid(data) {
		return true
	}
	valid, bad := 0, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if len(data)-i >= utf8.UTFMax {
				bad++ // a cut-off character at the sample's end is not an error
			}
		} else {
			valid++
		}
		i += size
	}
	return valid >= 4*bad
}

// guessEncoding decodes the sample with each candidate and keeps the one
// that reads most like Arabic text (letters, «ال», no undefined bytes),
// or windows-1252 when no Arabic reading beats a Latin one.
func guessEncoding(sample []byte) (encoding.Encoding, string) {
	bestScore, best := -1<<62, -1
	latinBest := 0
	for i, g := range guessEncodings {
		dec, err := g.enc.NewDecoder().Bytes(sample)
		if err != nil {
			continue
		}
		arabic, latin, bad, al := 0, 0, 0, 0
		prevAlef := false
		for _, r := range string(dec) {
			switch {
			case r >= 0x0621 && r <= 0x064A:
				arabic++
				if r == 'ل' && prevAlef {
					al++
				}
			case r >= 0xC0 && r <= 0xFF && r != 0xD7 && r != 0xF7:
				latin++
			case r == utf8.RuneError || r >= 0x80 && r < 0xA0:
				bad++
			}
			prevAlef = r == 'ا'
		}
		if !g.arabic {
			latinBest = latin - 4*bad
			continue
		}
		score := arabic + 4*al - 4*bad
		if arabic > latin && score > bestScore {
			bestScore, best = score, i
		}
	}
	if best >= 0 && bestScore > latinBest {
		return guessEncodings[best].enc, guessEncodings[best].name
	}
	return charmap.Windows1252, "windows-1252"
}
