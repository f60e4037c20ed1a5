// Package lexicon loads Rasad's lexicons: UTF-8 TSV files of general
// knowledge under data/, embedded in the binary and overridable from a
// directory. Each file starts with # comments that name where its facts come
// from. A lexicon holds general knowledge only (agencies, labels, month
// names, countries), never facts about particular articles.
package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/rasad/rasad/text"
)

//go:embed data/*.tsv
var embedded embed.FS

// Entry is one line of a lexicon.
type Entry struct {
	Surface string
	// Words are the normalization keys of the surface's words (punctuation
	// dropped), the unit of matching.
	Words  []string
	Fields []string // the columns after the surface
	File   string
	Line   int
}

// Field returns column i after the surface, or "".
func (e Entry) Field(i int) string {
	if i < len(e.Fields) {
		return e.Fields[i]
	}
	return ""
}

// Ref names the entry for explanations: "agencies.tsv:12".
func (e Entry) Ref() string { return fmt.Sprintf("%s:%d", e.File, e.Line) }

var (
	overrideMu  sync.RWMutex
	overrideDir string
)

// SetDir makes Load read files from dir first, falling back to the embedded
// data for files dir does not have.
func SetDir(dir string) {
	overrideMu.Lock()
	overrideDir = dir
	overrideMu.Unlock()
}

// Files lists the embedded lexicon files.
func Files() []string {
	ents, _ := fs.ReadDir(embedded, "data")
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// Load parses one lexicon file by name ("agencies.tsv").
func Load(name string) ([]Entry, error) {
	overrideMu.RLock()
	dir := overrideDir
	overrideMu.RUnlock()
	var data []byte
	var err error
	if dir != "" {
		data, err = os.ReadFile(filepath.Join(dir, name))
	}
	if dir == "" || err != nil {
		data, err = embedded.ReadFile("data/" + name)
	}
	if err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	return Parse(name, string(data))
}

// MustLoad is Load for the embedded files, which tests keep valid.
func MustLoad(name string) []Entry {
	es, err := Load(name)
	if err != nil {
		panic(err)
	}
	return es
}

// Surfaces returns the surfaces of the rows of file name whose first
// column after the surface is one of values (MustLoad: a missing or broken
// bundled file is a programming error).
func Surfaces(name string, values ...string) []string {
	var out []string
	for _, e := range MustLoad(name) {
		for _, v := range values {
			if e.Field(0) == v {
				out = append(out, e.Surface)
				break
			}
		}
	}
	return out
}

// Parse reads TSV lexicon data: # comments and blank lines are skipped,
// every other line is surface<TAB>fields....
func Parse(name, data string) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		surface := strings.TrimSpace(cols[0])
		words := WordKeys(surface)
		if len(words) == 0 {
			return nil, fmt.Errorf("%s:%d: empty surface", name, n)
		}
		for i := range cols[1:] {
			cols[i+1] = strings.TrimSpace(cols[i+1])
		}
		out = append(out, Entry{Surface: surface, Words: words, Fields: cols[1:], File: name, Line: n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// WordKeys returns the keys of the word and number tokens of s.
func WordKeys(s string) []string {
	var out []string
	for _, t := range text.Tokenize(s) {
		if t.Kind != text.Punct {
			out = append(out, t.Key)
		}
	}
	return out
}

// Matcher finds lexicon phrases in token sequences, longest match first.
type Matcher struct {
	byFirst map[string][]Entry // entries by first word key, longest first
}

// NewMatcher indexes entries for matching.
func NewMatcher(entries []Entry) *Matcher {
	m := &Matcher{byFirst: make(map[string][]Entry)}
	for _, e := range entries {
		m.byFirst[e.Words[0]] = append(m.byFirst[e.Words[0]], e)
	}
	for k, es := range m.byFirst {
		// longest first, stable by file order
		for i := 1; i < len(es); i++ {
			for j := i; j > 0 && len(es[j].Words) > len(es[j-1].Words); j-- {
				es[j], es[j-1] = es[j-1], es[j]
			}
		}
		m.byFirst[k] = es
	}
	return m
}

// MatchAt returns the longest entry whose words equal keys[i:], and how many
// keys it covers (0 when none matches).
func (m *Matcher) MatchAt(keys []string, i int) (Entry, int) {
	for _, e := range m.byFirst[keys[i]] {
		if i+len(e.Words) > len(keys) {
			continue
		}
		ok := true
		for j, w := range e.Words[1:] {
			if keys[i+1+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return e, len(e.Words)
		}
	}
	return Entry{}, 0
}

// Lookup returns the entry whose words are exactly keys.
func (m *Matcher) Lookup(keys []string) (Entry, bool) {
	if len(keys) == 0 {
		return Entry{}, false
	}
	e, n := m.MatchAt(keys, 0)
	return e, n == len(keys) && n > 0
}
