package entities

import (
	"strings"
	"testing"
)

// cleanForm's fast path returns what the full cleaning returns.
func FuzzCleanForm(f *testing.F) {
	for _, s := range []string{"", " ", "سلمى حداد", "#سلمى_حداد", " سلمى", "سلمى ", "سلمى  حداد", "سلمى\u00a0حداد", "a\tb", "\xff x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(strings.NewReplacer("#", " ", "_", " ").Replace(s)), " ")
		if got := cleanForm(s); got != want {
			t.Errorf("cleanForm(%q) = %q, want %q", s, got, want)
		}
	})
}
