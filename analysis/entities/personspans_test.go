package entities

import (
	"strings"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// personAt makes a PERSON mention over the first occurrence of s in src.
func personAt(src, s string) rasad.Mention {
	i := strings.Index(src, s)
	return rasad.Mention{Span: rasad.Span{Start: i, End: i + len(s)}, Type: "PERSON", Text: s, Key: NameKey(s), Rule: "test"}
}

// A span over a particle or a verb beside the name is mended: the name
// alone, keyed to its full form in the article.
func TestPersonSpansMended(t *testing.T) {
	lx := load()
	// what a collection counts as common: يرفض is conjugated (ترفض، نرفض …)
	common := CommonWordsOf(nil, nil)
	common["يرفض"] = true
	common["يناقش"], common["تناقش"] = true, true
	for _, c := range []struct {
		src, span string
		want      []string // texts of the PERSON mentions after
	}{
		{"وأكدت الصحيفة بأن ماكرون سيزور الجزائر.", "بأن ماكرون", []string{"ماكرون"}},
		{"واتهمت النيابة الوزير كريم بأنه أخفى الوثائق.", "كريم بأنه", []string{"كريم"}},
		{"وأفاد مصدر بأن سمير سيغادر.", "بأن سمير", []string{"سمير"}},
		{"وقال المحامي إن الرئيس كريم يرفض الاتهامات.", "كريم يرفض", []string{"كريم"}},
		{"وصل الوفد في وقت ناقش فيه البرلمان الميزانية.", "وقت ناقش", nil},
		{"قالت المحامية إن سمير ناقش القضية.", "سمير ناقش", nil},
		{"قال المدرب إن سامي وخالد جاهزان للمباراة.", "سامي وخالد", []string{"سامي", "خالد"}},
		{"قال المدرب إن سامي وَخالد جاهزان للمباراة.", "سامي وَخالد", []string{"سامي", "خالد"}},
		{"قال المدرب إن سامي وـخالد جاهزان للمباراة.", "سامي وـخالد", []string{"سامي", "خالد"}},
		{"فاز أحمد وزملاؤه باللقب أمس.", "أحمد وزملاؤه", []string{"أحمد"}},
		{"حضر المدافع ماهر والمصري ياسر الحفل.", "ماهر والمصري", []string{"ماهر"}},
		{"التقى جون ويليامز بالصحفيين.", "جون ويليامز", []string{"جون ويليامز"}},
		{"وأضاف سمير بأن الوفد وصل.", "سمير بأن", []string{"سمير"}},
		{"وهاجمت مارين لو بان الحكومة.", "مارين لو بان", []string{"مارين لو بان"}},
		{"وصل بن والاس إلى لندن.", "بن والاس", []string{"بن والاس"}},
	} {
		var got []string
		for _, m := range personSpans(lx, common, c.src, []rasad.Mention{personAt(c.src, c.span)}) {
			if m.Type == "PERSON" {
				got = append(got, m.Text)
				if m.Text != c.src[m.Start:m.End] {
					t.Errorf("%q: text %q is not the span's %q", c.span, m.Text, c.src[m.Start:m.End])
				}
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %q, want %q", c.span, got, c.want)
		}
	}
	// a first letter that a clitic reading took is the name's (كوامي، not
	// ك + وامي)
	src0 := "وصرح المدرب كوامي أنطونيو للصحفيين."
	i0 := strings.Index(src0, "وامي أنطونيو")
	m0 := rasad.Mention{Span: rasad.Span{Start: i0, End: i0 + len("وامي أنطونيو")}, Type: "PERSON", Text: "وامي أنطونيو", Rule: "test"}
	if ms := personSpans(lx, nil, src0, []rasad.Mention{m0}); len(ms) != 1 || ms[0].Text != "كوامي أنطونيو" {
		t.Errorf("got %+v, want كوامي أنطونيو", ms)
	}
	// the name alone takes the key of the full name the article gives it
	src := "استقبل نيكولا ساركوزي ضيوفه، وقيل لأن ساركوزي يحب الحفلات."
	ms := personSpans(lx, nil, src, []rasad.Mention{personAt(src, "نيكولا ساركوزي"), personAt(src, "لأن ساركوزي")})
	if len(ms) != 2 || ms[1].Text != "ساركوزي" || ms[1].Key != ms[0].Key {
		t.Errorf("got %+v, want ساركوزي keyed as %q", ms, NameKey("نيكولا ساركوزي"))
	}
}

// spanKeys gives each word of a span the key text.Key gives it alone,
// whether it reads the whole span's key or each word's.
func TestSpanKeysSameAsKey(t *testing.T) {
	for _, s := range []string{
		"سامي خالد", "أحمد  إبراهيم الصغيرة", "سامي َ خالد", "ـ سامي", "John SMITH علي", "سامي\u00a0خالد منير",
		"سامي \u200cخالد", "ﻻ سامي", "سامي \xff خالد", "كريم\r منصور",
	} {
		m := rasad.Mention{Span: rasad.Span{Start: 0, End: len(s)}}
		var ws []spanWord
		for off := 0; off <= len(s); {
			e := strings.IndexByte(s[off:], ' ')
			if e < 0 {
				e = len(s) - off
			}
			if e > 0 {
				ws = append(ws, spanWord{off, off + e, ""})
			}
			off += e + 1
		}
		spanKeys(s, m, ws)
		for _, w := range ws {
			if want := text.Key(s[w.start:w.end]); w.key != want {
				t.Errorf("%q: word %q key %q, want %q", s, s[w.start:w.end], w.key, want)
			}
		}
	}
}
