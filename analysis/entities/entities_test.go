package entities

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// marked strips ⟦TYPE:surface⟧ markers and returns the text with the
// expected mentions as "TYPE surface".
func marked(s string) (string, []string) {
	var b strings.Builder
	var want []string
	for {
		i := strings.Index(s, "⟦")
		if i < 0 {
			b.WriteString(s)
			return b.String(), want
		}
		b.WriteString(s[:i])
		s = s[i+len("⟦"):]
		j := strings.Index(s, "⟧")
		typ, surface, _ := strings.Cut(s[:j], ":")
		b.WriteString(surface)
		want = append(want, typ+" "+surface)
		s = s[j+len("⟧"):]
	}
}

func TestFindMarked(t *testing.T) {
	cases := []string{
		"قال وزير الخارجية الأردني ⟦PERSON:أيمن الصفدي⟧ إن ⟦LOC:الأردن⟧ يرحب باجتماع في ⟦LOC:عمان⟧ بالمبادرة.",
		"والتقى الرئيس الفرنسي ⟦PERSON:إيمانويل ماكرون⟧ في ⟦LOC:باريس⟧ نظيره المصري ⟦PERSON:عبد الفتاح السيسي⟧.",
		"وأجرى الرئيسان التركي والإيراني ⟦PERSON:رجب طيب أردوغان⟧ و⟦PERSON:حسن روحاني⟧ اتصالا هاتفيا.",
		"وبحث وزيرا الخارجية الألماني ⟦PERSON:هايكو ماس⟧، والبريطاني ⟦PERSON:دومينيك راب⟧ الملف النووي.",
		"وقالت المتحدثة باسم ⟦ORG:البيت الأبيض⟧ ⟦PERSON:جين ساكي⟧ إن ⟦ORG:الكرملين⟧ لم يرد.",
		"وأعلنت ⟦ORG:وزارة الخارجية الإيرانية⟧ أن ⟦ORG:الخارجية الفرنسية⟧ استدعت السفير.",
		"وقال ⟦PERSON:سامي فهمي⟧، المتحدث الرسمي باسم الحكومة، إن ⟦ORG:حلف شمال الأطلسي⟧ و⟦ORG:الاتحاد الأوروبي⟧ تعهدا بالدعم.",
		"واجتمع مجلس ⟦LOC:روسيا⟧ والمشرفون على ⟦LOC:بحيرة تشاد⟧ أمس.",
		"ووصل الوفد إلى ⟦LOC:جنيف⟧ و⟦LOC:لندن⟧ ثم ⟦LOC:واشنطن⟧، بعد أن ترأس اجتماعا في ⟦LOC:الرياض⟧.",
		// not names
		"وقال إن على الحكومة أن تتحرك، وإن المحادثات الأمنية ستتواصل على الأقل حتى الأسبوع المقبل.",
		"وترأس المدير الجلسة، وأكد أن الحلف لن يتوسع.",
		// an indefinite accusative after a role, with the definite form elsewhere in the text
		// a verb after a role: the text conjugates it with both prefixes
		"وقال إن الرئيس الروسي يأمر بوقف القتال في ⟦LOC:حلب⟧ وسيأمر بفتح ممر غدا، فيما تأمر المحكمة بالإفراج عن الموقوفين، ولا نأمر بشيء.",
		// a surname in -ا after a given name, though the text has السيد
		"وقال المعارض ⟦PERSON:أحمد سيدا⟧ إن السيد الرئيس لم يتصل به.",
		// a field word after an institution noun is not a ministry (the agency is a body: bodies.go)
		"ونقلت ⟦ORG:وكالة الإعلام الروسية⟧ عن ⟦ORG:الخارجية الروسية⟧ أن وسائل الإعلام الروسية لم تتلق ردا.",
		// a perfect verb after a name, when the text conjugates it
		"وقال مسؤول إن جون سافر أمس، بينما سافرت زوجته اليوم، ويسافر ابنه وتسافر ابنته غدا، وسيسافر الباقون، وسافروا جميعا.",
		// a plural noun with a pronoun after a role
		"وأدلت الوزيرة بتصريحاتها قبيل وصول الوفد إلى ⟦LOC:ستوكهولم⟧، وأدلى الوزير بتصريحاته لمراسلين أجانب.",
		// a Korean name: given name in two parts, then the third
		"والتقى الزعيم الكوري الشمالي ⟦PERSON:كيم جونغ أون⟧ وفدا من ⟦LOC:سيول⟧.",
		// a country in a coordination, then a verbal noun with a pronoun
		"واتهم الرئيس ⟦PERSON:بشار الأسد⟧ و⟦LOC:روسيا⟧ بارتكابها في ⟦LOC:حلب⟧.",
		// an adverb the text also writes with tanween is not a surname
		"وسجل بيدرو هدفا في الدقيقة العاشرة، ثم أضاف هدفاً ثانيا.",
		"وعقد ⟦PERSON:جاستن ترودو⟧ رئيس الوزراء الكندي اجتماعا لحكومته صباحا، وبعد الاجتماع تحدث للصحفيين.",
	}
	for _, c := range cases {
		src, want := marked(c)
		ms := Find(src, text.Tokenize(src), Options{})
		var got []string
		for _, m := range ms {
			got = append(got, m.Type+" "+src[m.Start:m.End])
		}
		if strings.Join(got, " ; ") != strings.Join(want, " ; ") {
			t.Errorf("%s\n got: %s\nwant: %s", src, strings.Join(got, " ; "), strings.Join(want, " ; "))
			for _, m := range ms {
				t.Logf("   %s %q (%s)", m.Type, m.Text, m.Rule)
			}
		}
	}
}

func TestRolesAndCountries(t *testing.T) {
	src := "وقال نائب وزير الخارجية الروسي سيرغي فيرشينين، إن السفير الأمريكي في موسكو جون تيفت غادر، وأضاف أليكسي ليخاتشوف، رئيس الوكالة."
	ms := Find(src, text.Tokenize(src), Options{})
	want := map[string][2]string{
		"سيرغي فيرشينين": {"deputy foreign minister", "RU"},
		"جون تيفت":       {"ambassador", "US"},
	}
	for _, m := range ms {
		if w, ok := want[m.Text]; ok {
			if m.Role != w[0] || m.Country != w[1] {
				t.Errorf("%s: role %q country %q, want %v", m.Text, m.Role, m.Country, w)
			}
			delete(want, m.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("not found: %v", want)
	}
}

func TestNameKey(t *testing.T) {
	same := [][]string{
		{"سيرجي شويغو", "سيرغي شويغو", "سيرجى شويجو"},
		{"أنتونيو غوتيريس", "أنطونيو غوتيريس", "أنتونيو جوتيريس", "أنطونيو غوتيريش"},
		{"كارلوس غونزاليس", "كارلوس غونزاليز"},
		{"دميتري ميدفيديف", "ديمتري ميدفيديف"},
		{"أنغيلا ميركل", "أنجيلا ميركل"},
		{"ينس ستولتنبرغ", "ينس ستولتنبيرغ"},
		{"عبد الفتاح السيسي", "عبدالفتاح السيسي"},
	}
	for _, g := range same {
		for _, n := range g[1:] {
			if NameKey(n) != NameKey(g[0]) {
				t.Errorf("NameKey(%s) = %s, NameKey(%s) = %s", n, NameKey(n), g[0], NameKey(g[0]))
			}
		}
	}
	if NameKey("جورج بوش") == NameKey("جورج بوس") {
		t.Errorf("short surnames keep their last letter")
	}
	if NameKey("محمد بن سلمان") == NameKey("محمد بن زايد") {
		t.Errorf("two people with one given name got one key")
	}
}

// TestCollectionSurnames: a surname alone is found in an article where the
// full name is not, when another article names the person in full; two
// people sharing a given name stay apart.
func TestCollectionSurnames(t *testing.T) {
	docs := []Input{
		{ID: "a", Text: "قال الرئيس التركي رجب طيب أردوغان إن الرئيس الفرنسي إيمانويل ماكرون يرفض الحوار."},
		{ID: "b", Text: "ورد ماكرون على أردوغان أمس، فيما قال قالن إن الرد قادم."},
	}
	for i := range docs {
		docs[i].Tokens = text.Tokenize(docs[i].Text)
	}
	cs := Clusters(FindAll(docs))
	var people []string
	for _, c := range cs {
		if c.Type == "PERSON" {
			people = append(people, fmt.Sprintf("%s=%d", c.Name, len(c.Articles)))
		}
	}
	got := strings.Join(people, " ")
	if got != "إيمانويل ماكرون=2 رجب طيب أردوغان=2" && got != "رجب طيب أردوغان=2 إيمانويل ماكرون=2" {
		t.Errorf("people: %s", got)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"قال وزير الخارجية الإيراني جواد ظريف", "والرئيسان التركي والفرنسي رجب طيب أردوغان وإيمانويل ماكرون", "للبيت الأبيض", "ووزيرتي خارجية ألمانيا"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		known := Known{}
		ms := Find(s, text.Tokenize(s), Options{})
		Learn(known, ms)
		ms = Extend(s, text.Tokenize(s), ms, known)
		prev := -1
		for _, m := range ms {
			if m.Start < 0 || m.End > len(s) || m.End <= m.Start || m.Text != s[m.Start:m.End] {
				t.Fatalf("bad mention %+v in %q", m, s)
			}
			if m.Start < prev {
				t.Fatalf("mentions out of order")
			}
			prev = m.Start
		}
		_ = Clusters([]DocMentions{{Doc: "x", Mentions: ms}})
		_ = rasad.Mention{}
	})
}
