package text

import (
	"strings"
	"testing"
)

// IndexStems writes each word's Variants, space-separated, in order (it
// builds them without a slice per word).
func TestIndexStemsAreVariants(t *testing.T) {
	for _, s := range []string{"", "،", "وقال الوزير فالسلام والسلام وبالقاهرة ف و 2024 Ahmed", "فرنسا وفرنسا فلسطين وفلسطين ، ( وفد ) ."} {
		var want []string
		for _, tk := range Tokenize(s) {
			if tk.Kind != Punct {
				want = append(want, Variants(tk.Key)...)
			}
		}
		if got := IndexStems(s); got != strings.Join(want, " ") {
			t.Errorf("IndexStems(%q) = %q, want %q", s, got, strings.Join(want, " "))
		}
	}
}
