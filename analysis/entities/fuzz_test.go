package entities

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rasad/rasad/text"
)

// FuzzFindGeneral: any text gives mentions with valid, ordered spans inside the
// text whose Text is the span, a type, a key and a rule; FindAll does the
// same over two documents. No panic on any input.
func FuzzFindGeneral(f *testing.F) {
	for _, s := range []string{
		"وقال الرئيس الفرنسي إيمانويل ماكرون في باريس إن حلف شمال الأطلسي باق.",
		"وفاز برشلونة على ليفربول، وسجل المهاجم روميلو لوكاكو.",
		"أبو", "ابن عبد", "شركة", "معهد ماكس", "البنك التجاري الدولي", "محمد بن راشد آل",
		"وزارة", "الخارجية", "نادي «", "#اليمن", "\xff\xfe", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4000 {
			return
		}
		toks := text.Tokenize(s)
		ms := Find(s, toks, Options{})
		prev := -1
		for _, m := range ms {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || m.Text != s[m.Start:m.End] {
				t.Fatalf("bad span %+v in %q", m, s)
			}
			if m.Start < prev {
				t.Fatalf("unsorted mentions in %q", s)
			}
			prev = m.Start
			if m.Type != "PERSON" && m.Type != "ORG" && m.Type != "LOC" || m.Rule == "" {
				t.Fatalf("bad mention %+v in %q", m, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(m.Text) {
				t.Fatalf("span cuts a rune: %+v in %q", m, s)
			}
		}
		second := strings.Repeat(s+" ", 2)
		FindAll([]Input{{ID: "a", Text: s, Tokens: toks}, {ID: "b", Text: second, Tokens: text.Tokenize(second)}})
	})
}
