package testcorpus

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestQualityTests finds tests that reach testcorpus directly, through a
// helper of their package, or under an import alias, and no others.
func TestQualityTests(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.org/m\n",
		"a/a_test.go": `package a
import ("testing"; "example.org/m/internal/testcorpus")
func gold(t *testing.T) string { return testcorpus.Path(t, "gold/x.json") }
func TestUsesHelper(t *testing.T) { _ = gold(t) }
func TestDirect(t *testing.T) { testcorpus.Load(t, 3) }
func TestPlain(t *testing.T) {}
func cpu() int64 { return int64(testcorpus.CPUTime()) }
func TestTimed(t *testing.T) { _ = cpu() } // CPUTime reads nothing of ../shared
func TestOwnTextsWithout(t *testing.T) { testcorpus.LoadIfPresent(t, 3) } // runs on its own texts without ../shared
func BenchmarkCorpus(b *testing.B) { testcorpus.Load(b, 3) }
`,
		"b/b_test.go": `package b
import ("testing"; tc "example.org/m/internal/testcorpus")
func TestAliased(t *testing.T) { tc.Path(t, "seeds") }
`,
		"c/c_test.go": "package c\nimport \"testing\"\nfunc TestNothing(t *testing.T) {}\n",
	}
	for name, src := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := QualityTests(root)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.BenchmarkCorpus", "a.TestDirect", "a.TestUsesHelper", "b.TestAliased"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	r, shared, ok := SharedDir(filepath.Join(root, "a"))
	if r != root || shared != filepath.Join(filepath.Dir(root), "shared") || ok {
		t.Errorf("SharedDir = %q %q %v", r, shared, ok)
	}
}
