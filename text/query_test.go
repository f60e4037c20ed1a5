package text

import (
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	q := ParseQuery(`"وزير الخارجية" غزة OR رفح -الصين NOT «مجلس الأمن» AND أو`)
	if len(q.Clauses) != 3 || len(q.Not) != 2 {
		t.Fatalf("clauses %d not %d: %+v", len(q.Clauses), len(q.Not), q)
	}
	if len(q.Clauses[0]) != 1 || len(q.Clauses[0][0]) != 2 {
		t.Errorf("phrase clause %+v", q.Clauses[0])
	}
	if len(q.Clauses[1]) != 2 {
		t.Errorf("OR clause %+v", q.Clauses[1])
	}
	// the Arabic word أو is a word, not an operator
	if len(q.Clauses[2]) != 1 || q.Clauses[2][0][0][0] != Stem(Key("أو")) {
		t.Errorf("أو clause %+v", q.Clauses[2])
	}
	if len(q.Not[0]) != 1 || len(q.Not[1]) != 2 {
		t.Errorf("exclusions %+v", q.Not)
	}
	if q.Plain() || !q.HasPhrase() {
		t.Errorf("Plain %v HasPhrase %v", q.Plain(), q.HasPhrase())
	}
	if p := ParseQuery("مصر السودان"); !p.Plain() || len(p.Clauses) != 2 {
		t.Errorf("plain query %+v", p)
	}
	// normalization: an exclusion written with hamza and diacritics is the
	// same word as the plain spelling
	a, b := ParseQuery("-الأُردن"), ParseQuery("-الاردن")
	if len(a.Not) != 1 || len(b.Not) != 1 || strings.Join(a.Not[0][0], "|") != strings.Join(b.Not[0][0], "|") {
		t.Errorf("normalized exclusions %+v %+v", a.Not, b.Not)
	}
	// a lone minus, an unclosed quote, only operators
	for _, s := range []string{"-", `"وزير`, "OR NOT AND", "- -"} {
		ParseQuery(s)
	}
}

func TestPhraseIn(t *testing.T) {
	doc := "وصل وزيرُ الخارجية الأردني، صباح اليوم، إلى القاهرة."
	for q, want := range map[string]bool{
		`"وزير الخارجية"`:    true,
		`"الخارجية الاردني"`: true,  // across a comma-free gap, hamza folded
		`"الأردني صباح"`:     true,  // punctuation between is allowed
		`"الخارجية وزير"`:    false, // order matters
		`"وزير الأردني"`:     false, // not adjacent
	} {
		p := ParseQuery(q).Clauses[0][0]
		if got := PhraseIn(doc, p); got != want {
			t.Errorf("PhraseIn(%s) = %v", q, got)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	f.Add(`"وزير الخارجية" غزة OR رفح -الصين NOT x`)
	f.Add("«»“-|OR")
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		for _, c := range q.Clauses {
			if len(c) == 0 {
				t.Fatalf("empty clause")
			}
			for _, p := range c {
				if len(p) == 0 {
					t.Fatalf("empty phrase")
				}
				PhraseIn(s, p)
			}
		}
		for _, p := range q.Not {
			if len(p) == 0 {
				t.Fatalf("empty exclusion")
			}
		}
	})
}
