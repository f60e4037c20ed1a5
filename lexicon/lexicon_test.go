package lexicon

import (
	"strings"
	"testing"
)

// TestDataFiles checks every embedded lexicon: it parses, names its
// provenance in a header comment, has no two entries with the same
// normalization key, and every kind column holds a known kind.
func TestDataFiles(t *testing.T) {
	kinds := map[string]map[string]bool{
		"agencies.tsv": {"agency": true, "outlet": true, "wires": true},
		"residue.tsv":  {"label": true, "continued": true, "rating": true},
	}
	files := Files()
	if len(files) == 0 {
		t.Fatal("no embedded lexicons")
	}
	for _, name := range files {
		data, err := embedded.ReadFile("data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), "#") || !strings.Contains(strings.SplitN(string(data), "\n\n", 2)[0], "Source") {
			t.Errorf("%s: no provenance header (a # comment naming the Source)", name)
		}
		entries, err := Load(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		seen := map[string]int{}
		for _, e := range entries {
			k := strings.Join(e.Words, " ")
			if prev, dup := seen[k]; dup {
				t.Errorf("%s:%d: %q duplicates line %d after normalization", name, e.Line, e.Surface, prev)
			}
			seen[k] = e.Line
			if want, ok := kinds[name]; ok {
				kind := e.Field(len(e.Fields) - 1)
				if !want[kind] {
					t.Errorf("%s:%d: unknown kind %q", name, e.Line, kind)
				}
			}
		}
	}
}

func TestMatcher(t *testing.T) {
	es, err := Parse("t.tsv", "# Source: test\nأ ف ب\tAFP\nفرانس برس\tAFP\nفرانس\tFrance\n")
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(es)
	keys := WordKeys("نقلا عن فرانس برس و أ.ف.ب")
	if e, n := m.MatchAt(keys, 2); n != 2 || e.Field(0) != "AFP" {
		t.Errorf("longest match: %v %d", e, n)
	}
	if e, n := m.MatchAt(keys, 5); n != 3 || e.Surface != "أ ف ب" {
		t.Errorf("dotted abbreviation: %v %d (keys %q)", e, n, keys)
	}
	if _, ok := m.Lookup(WordKeys("فرانس")); !ok {
		t.Errorf("lookup of a one-word entry failed")
	}
	if _, ok := m.Lookup(WordKeys("فرانس برس اليوم")); ok {
		t.Errorf("lookup matched a prefix only")
	}
}

func TestOverrideDir(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(dir+"/agencies.tsv", "# Source: test override\nوكالة تجريبية\tTest\tagency\n"); err != nil {
		t.Fatal(err)
	}
	SetDir(dir)
	defer SetDir("")
	es, err := Load("agencies.tsv")
	if err != nil || len(es) != 1 || es[0].Field(0) != "Test" {
		t.Fatalf("override not used: %v %v", es, err)
	}
	if es, err := Load("residue.tsv"); err != nil || len(es) < 10 {
		t.Errorf("fallback to embedded failed: %d %v", len(es), err)
	}
}
