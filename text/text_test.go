package text

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestKey(t *testing.T) {
	cases := []struct{ in, want string }{
		{"مصطفى", "مصطفي"},
		{"إيميلي", "ايميلي"},
		{"آب", "اب"},
		{"مُحَمَّدٌ", "محمد"},
		{"الـــعربية", "العربيه"},
		{"سيرجى", "سيرجي"},
		{"ی ک", "ي ك"},
		{"٢٠٢٢ ۱۴۰۰", "2022 1400"},
		{"ماذا؟ نعم، لا؛", "ماذا? نعم, لا;"},
		{"  CNN\u00a0 News\n", "cnn news"},
		{"«حوار»", "\"حوار\""},
		{"ﻻ", "لا"}, // presentation form
		{"a\u200fb", "ab"},
		{"", ""},
	}
	for _, c := range cases {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFoldDigits(t *testing.T) {
	if got := FoldDigits("في ١٠ يونيو ۲۰۱۹ «أ»"); got != "في 10 يونيو 2019 «أ»" {
		t.Errorf("FoldDigits = %q", got)
	}
}

func surfaces(src string, toks []Token) []string {
	var out []string
	for _, t := range toks {
		out = append(out, t.Surface(src)+"|"+t.Key)
	}
	return out
}

func TestTokenize(t *testing.T) {
	src := "قال مصطفى مدبولي، في ٢٫٥ ساعة: 1,000 «حوار» سي.إن.إن"
	got := surfaces(src, Tokenize(src))
	want := []string{"قال|قال", "مصطفى|مصطفي", "مدبولي|مدبولي", "،|,", "في|في", "٢٫٥|2.5", "ساعة|ساعه", ":|:",
		"1,000|1,000", "«|\"", "حوار|حوار", "»|\"", "سي|سي", ".|.", "إن|ان", ".|.", "إن|ان"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokenize:\n got %q\nwant %q", got, want)
	}
}

func TestTokenizeInvalidUTF8(t *testing.T) {
	src := "ab\xffcd"
	toks := Tokenize(src)
	if len(toks) != 3 || toks[1].Start != 2 || toks[1].End != 3 {
		t.Fatalf("tokens %+v", toks)
	}
}

func TestSentences(t *testing.T) {
	src := "قال الوزير إن النمو بلغ 2.5 في المئة. وأضاف: \"لا تنازل\". هل انتهى؟ نعم\nسطر جديد؛ وبعده أ.ف.ب ذكرت شبكة سي.إن.إن ذلك. د. محمد حضر. في عام 2015 م. انتهى"
	var got []string
	for _, s := range Sentences(src) {
		got = append(got, src[s.Start:s.End])
	}
	want := []string{
		"قال الوزير إن النمو بلغ 2.5 في المئة.",
		"وأضاف: \"لا تنازل\".",
		"هل انتهى؟",
		"نعم",
		"سطر جديد؛",
		"وبعده أ.ف.ب ذكرت شبكة سي.إن.إن ذلك.",
		"د. محمد حضر.",
		"في عام 2015 م.",
		"انتهى",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sentences:\n got %q\nwant %q", got, want)
	}
}

func TestClauses(t *testing.T) {
	src := "التقى الوزير، أمس الخميس، نظيره في 1,500 موقع"
	var got []string
	for _, s := range Clauses(src) {
		got = append(got, src[s.Start:s.End])
	}
	want := []string{"التقى الوزير،", "أمس الخميس،", "نظيره في 1,500 موقع"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Clauses = %q", got)
	}
}

func TestLines(t *testing.T) {
	src := "a\r\n\nb"
	got := Lines(src)
	want := []Span{{0, 1}, {3, 3}, {4, 5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Lines = %v", got)
	}
}

func TestStem(t *testing.T) {
	same := [][]string{
		{"الأمريكي", "والأمريكي", "الامريكي", "بالأمريكي"},
		{"مصطفى", "مصطفي"},
		{"الخارجية", "للخارجية", "والخارجية", "خارجية"},
		{"المحادثات", "محادثات", "بالمحادثات"},
	}
	for _, group := range same {
		want := Stem(Key(group[0]))
		for _, w := range group[1:] {
			if got := Stem(Key(w)); got != want {
				t.Errorf("Stem(%s) = %s, want %s (as %s)", w, got, want, group[0])
			}
		}
	}
	if got := Stem("cnn"); got != "cnn" {
		t.Errorf("latin stem changed: %q", got)
	}
	if got := Stem(Key("ال")); got == "" {
		t.Errorf("stem emptied a short word")
	}
	v := Variants(Key("وماكرون"))
	if len(v) != 2 || v[1] != Stem(Key("ماكرون")) {
		t.Errorf("Variants(وماكرون) = %q", v)
	}
	if v := Variants(Key("والأمريكي")); len(v) != 1 {
		t.Errorf("Variants(والأمريكي) = %q", v)
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"مصطفى مدبولي", "١٢٣", "ﻻ ﷲ", "a\xffb", "  x  ", "مُحَمَّد"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if !utf8.ValidString(k) {
			t.Fatalf("invalid key %q", k)
		}
		if k2 := Key(k); k2 != k {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, k, k2)
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Fatalf("unfolded space in %q", k)
		}
		_ = Stem(k)
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"قال مدبولي، ٢٫٥", "a\xff", "1.2.3.", "ـــ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tok := range Tokenize(s) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("bad offsets %+v (prev end %d, len %d)", tok, prev, len(s))
			}
			if tok.Key == "" {
				t.Fatalf("empty key for %q", s[tok.Start:tok.End])
			}
			prev = tok.End
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"جملة. أخرى؟ ثالثة", "2.5.", "أ.ف.ب.", "\n\n", "...»"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fn := range []func(string) []Span{Sentences, Clauses} {
			prev := 0
			for _, sp := range fn(s) {
				if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
					t.Fatalf("bad span %+v in %q", sp, s)
				}
				prev = sp.End
			}
		}
	})
}
