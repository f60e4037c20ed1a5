package dates

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rasad/rasad"
)

// parseMarked strips ⟦surface|value⟧ markers from s, returning the text
// and the expected expressions with their byte spans.
func parseMarked(t *testing.T, s string) (string, []rasad.Timex) {
	t.Helper()
	var b strings.Builder
	var want []rasad.Timex
	for {
		i := strings.Index(s, "⟦")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i+len("⟦"):]
		j := strings.Index(s, "⟧")
		if j < 0 {
			t.Fatalf("unclosed marker in %q", s)
		}
		parts := strings.SplitN(s[:j], "|", 2)
		start := b.Len()
		b.WriteString(parts[0])
		want = append(want, rasad.Timex{Span: rasad.Span{Start: start, End: b.Len()}, Text: parts[0], Value: parts[1]})
		s = s[j+len("⟧"):]
	}
	return b.String(), want
}

func day(s string) Anchor {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return Anchor{Date: d, Kind: "published"}
}

func TestTagMarked(t *testing.T) {
	cases := []struct {
		anchor string
		text   string
	}{
		// days relative to the publication date
		{"2022-01-21", "يلتقي الوزيران ⟦اليوم الجمعة|2022-01-21⟧ في جنيف، بعد لقاء مساعديهما ⟦أمس الخميس|2022-01-20⟧."},
		{"2022-01-10", "عقد الجانبان ⟦مساء أمس|2022-01-09TEV⟧ لقاء تمهيديا، ويعقد المجلس اجتماعه ⟦بعد غد الأربعاء|2022-01-12⟧."},
		{"2022-01-10", "وصل الوفد ⟦صباح اليوم|2022-01-10TMO⟧ وسيغادر ⟦غدا|2022-01-11⟧، وكان قد زار القاهرة ⟦أول أمس|2022-01-08⟧."},
		// bare weekdays: direction from the clause
		{"2021-12-31", "وأجرى الوزير ⟦الأربعاء|2021-12-29⟧ مكالمة هاتفية مع نظيره."},
		{"2021-12-31", "وسيزور الرئيس باريس ⟦الثلاثاء|2022-01-04⟧ في أول جولة له."},
		{"2021-12-15", "يبحث مسؤولون من البلدين ⟦الأربعاء|2021-12-15⟧ في موسكو ملف الأمن."},
		{"2022-03-02", "وتعقد القمة ⟦الأربعاء المقبل|2022-03-09⟧ في الرياض، بعد اجتماع ⟦الأربعاء الماضي|2022-02-23⟧."},
		// day and month without a year
		{"2022-01-10", "ونشرت الحكومة ⟦يوم 17 ديسمبر|2021-12-17⟧ مشروع اتفاق."},
		{"2021-12-31", "ومع اقتراب موعد المحادثات في ⟦10 كانون الثاني/ يناير|2022-01-10⟧ في جنيف، تتصاعد التصريحات."},
		{"2022-01-21", "وفي ⟦15 ديسمبر الماضى|2021-12-15⟧ بحث الطرفان الملف، ثم في ⟦10 يناير الجاري|2022-01-10⟧ انطلقت المحادثات."},
		{"2021-12-31", "وسيرأس الوفدان محادثات أمنية في ⟦العاشر من يناير/ كانون الثاني|2022-01-10⟧."},
		{"2022-01-18", "وعقد المجلس اجتماعه في ⟦الـ12 من الشهر الجاري|2022-01-12⟧ في بروكسل."},
		// full dates, ranges, regional months
		{"2022-01-18", "جرت المحادثات ⟦يومي 9 و10 كانون الثاني/يناير 2022|2022-01-09/2022-01-10⟧ في جنيف."},
		{"2016-05-20", "وتعقد الدورة ⟦بين 23 و25 أيار/مايو|2016-05-23/2016-05-25⟧ في عمان."},
		{"2018-02-01", "شهدت الأرض ⟦يوم الأربعاء 31 يناير/كانون الثاني|2018-01-31⟧ ظاهرة نادرة."},
		{"2025-06-16", "وانعقدت الجولة الأولى في ⟦20 ماي الماضي|2025-05-20⟧، والمقبلة في مدريد خلال ⟦شهر يوليوز القادم|2025-07⟧."},
		{"2023-03-01", "وصل الوفد في ⟦3 جانفي 2023|2023-01-03⟧ ثم عاد في ⟦14 فيفري|2023-02-14⟧."},
		{"2022-05-01", "ولد في ⟦الحادي والعشرين من مايو 1990|1990-05-21⟧ في القاهرة."},
		{"2022-01-18", "( وكالة / سبوتنيك - ⟦18 كانون الثاني 2022ء|2022-01-18⟧) أعلنت الوزارة."},
		// months and years
		{"2021-12-31", "وأكدت موسكو المضي في خطط إجراء مباحثات في ⟦يناير/كانون الثاني|2022-01⟧، مذكرة بالقمة التي جمعت الرئيسين في ⟦حزيران/ يونيو|2021-06⟧."},
		{"2022-01-18", "ونشرت روسيا مسودة اتفاقية في ⟦نهاية عام 2021|2021-12⟧."},
		{"2022-01-21", "وجرت محادثات في ⟦ديسمبر الماضي|2021-12⟧ بين الجانبين."},
		{"2018-03-10", "ارتفعت الأسعار ⟦العام الماضي|2017⟧ وتراجعت ⟦الشهر الماضي|2018-02⟧، ويتوقع تحسنها ⟦الشهر المقبل|2018-04⟧."},
		{"2021-12-15", "وأجرى الرئيسان ⟦الأسبوع الماضي|2021-W49⟧ محادثات عبر الفيديو."},
		{"2022-01-10", "ولا يتوقع الوزير انفراجة في ⟦الأسبوع الحالي|2022-W02⟧ ولا ⟦هذا الأسبوع|2022-W02⟧."},
		{"2022-05-01", "وقعت الحرب ⟦عام 2003|2003⟧ واستمرت سنوات."},
		// numeric dates
		{"2016-03-01", "صدر القرار في ⟦2016/02/22|2016-02-22⟧ ونشر في ⟦21-04-2016|2016-04-21⟧."},
		// Hijri
		{"2022-04-10", "بدأ الصيام في ⟦1 رمضان 1443 هـ|2022-04-03⟧."},
		// durations, offsets, times, vague, sets
		{"2022-01-21", "في مسار دبلوماسي بدأ ⟦منذ 11 يوما|P11D⟧ في جنيف."},
		{"2022-01-21", "وصل الوفد ⟦قبل ثلاثة أيام|2022-01-18⟧ ويغادر ⟦بعد أسبوعين|2022-W05⟧."},
		{"2021-12-31", "⟦01:20 صباحا|2021-12-31T01:20⟧"},
		{"2022-03-05", "تبدأ الجلسة ⟦الساعة الثالثة عصرا بتوقيت القاهرة|2022-03-05T15:00⟧."},
		{"2022-01-18", "اللقاء قيد الإعداد ⟦حالياً|PRESENT_REF⟧ وسيعقد ⟦قريباً|FUTURE_REF⟧ ⟦في المستقبل القريب|FUTURE_REF⟧، بعد توتر ⟦في الآونة الأخيرة|PAST_REF⟧."},
		{"2022-01-18", "تصدر النشرة ⟦أسبوعيا|P1W⟧ وتعقد الصلاة ⟦كل يوم جمعة|XXXX-WXX-5⟧."},
		// found by hand in the development corpus
		{"2018-03-03", "قال إن بيننا نحن الاثنين ما يكفي، ونفى أمر أحد المسؤولين بذلك."},
		{"2018-03-20", "تعاني البلاد الفوضى ⟦منذ سنوات|PXY⟧، وزارها الوزير ⟦قبل أيام|PAST_REF⟧."},
		{"2018-02-19", "فاز للمرة الأولى منذ ⟦عام 2008|2008⟧، وتغلب فريق ستيفن كوري ⟦الأحد|2018-02-18⟧ على ملعبه."},
		{"2018-03-26", "نشر الاتحاد أرقاما قبل مواجهة المنتخبين الودية، ⟦الثلاثاء|2018-03-27⟧، استعدادا لكأس العالم."},
		{"2018-03-16", "من المتوقع عقد قمة بين الرجلين قبل ⟦نهاية أيار/مايو|2018-05⟧، وفق ما أعلن مسؤول ⟦الأسبوع الماضي|2018-W10⟧."},
		{"2023-03-08", "أعلنت الحكومة ⟦يوم الأحد الموافق 5 مارس 2023|2023-03-05⟧ عن خطة جديدة، وسيصل الوزير ⟦يوم غد|2023-03-09⟧."},
		{"2023-03-08", "قتل ثلاثة أشخاص خلال ⟦الأيام الثلاثة الماضية|P3D⟧."},
		// not dates
		{"2022-01-18", "قالت قناة روسيا اليوم إن اليوم العالمي للمرأة مناسبة، وإن 2000 شخص حضروا. وقد مارس الضغط على الحكومة وأب الأسرة."},
		{"2022-01-18", "وأعرب الوزير في وقت سابق عن قلقه، ثم أكد لاحقا موقفه، وقال إن الدخول آنذاك كان صعبا."},
	}
	for _, c := range cases {
		src, want := parseMarked(t, c.text)
		got := Tag(src, day(c.anchor))
		var gotS, wantS []string
		for _, g := range got {
			gotS = append(gotS, fmt.Sprintf("%s|%s", g.Text, g.Value))
			if g.Text != src[g.Start:g.End] {
				t.Errorf("span %d:%d is %q, text %q", g.Start, g.End, src[g.Start:g.End], g.Text)
			}
		}
		for _, w := range want {
			wantS = append(wantS, fmt.Sprintf("%s|%s", w.Text, w.Value))
		}
		if strings.Join(gotS, " ; ") != strings.Join(wantS, " ; ") {
			t.Errorf("%s\n got: %s\nwant: %s", src, strings.Join(gotS, " ; "), strings.Join(wantS, " ; "))
			for _, g := range got {
				t.Logf("   %q %s (%s)", g.Text, g.Value, g.Rule)
			}
		}
	}
}

func TestNoAnchor(t *testing.T) {
	got := Tag("عقد اللقاء أمس الخميس في 10 يناير 2022.", Anchor{})
	if len(got) != 1 || got[0].Value != "2022-01-10" || got[0].Anchor != "none" {
		t.Errorf("without anchor: %+v", got)
	}
}

func TestImpossibleDates(t *testing.T) {
	for _, s := range []string{"في 31 فبراير 2022", "في 30 شباط", "في 2022/13/01", "في 32 يناير", "في 29 فبراير 2023", "في 31/04/2020"} {
		for _, tx := range Tag(s, day("2022-03-01")) {
			if len(tx.Value) >= 10 {
				if _, err := time.Parse("2006-01-02", tx.Value[:10]); err != nil {
					t.Errorf("%q gave impossible %s", s, tx.Value)
				}
			}
			if strings.Contains(tx.Value, "-02-3") || strings.Contains(tx.Value, "-13-") {
				t.Errorf("%q gave %s", s, tx.Value)
			}
		}
	}
}

func TestHijri(t *testing.T) {
	cases := map[[3]int]string{
		// tabular civil calendar; Umm al-Qura agrees on these three and is
		// one day earlier on 1 Ramadan 1443 (2022-04-02)
		{1445, 1, 1}: "2023-07-19",
		{1442, 9, 1}: "2021-04-13",
		{1400, 1, 1}: "1979-11-21",
		{1443, 9, 1}: "2022-04-03",
	}
	for in, want := range cases {
		if got := HijriToGregorian(in[0], in[1], in[2]).Format("2006-01-02"); got != want {
			t.Errorf("HijriToGregorian(%v) = %s, want %s", in, got, want)
		}
	}
}

func TestInferPublished(t *testing.T) {
	a := &rasad.Article{Text: "عنوان\nيلتقي الوزيران اليوم الجمعة في جنيف، في أحدث خطوة من مسار بدأ منذ 11 يوما.\nفي 10 يناير 2022 انطلقت المحادثات.\n"}
	inf, ok := InferPublished(a, time.Time{})
	if !ok || inf.Date.Format("2006-01-02") != "2022-01-21" {
		t.Errorf("inferred %+v %v", inf, ok)
	}
	if _, ok := InferPublished(&rasad.Article{Text: "نص بلا أي تاريخ."}, time.Time{}); ok {
		t.Errorf("inferred a date from nothing")
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{"في 10 يناير 2022", "أمس الخميس", "يومي 9 و10 كانون الثاني/يناير 2022", "الـ12 من الشهر الجاري", "01:20 صباحا", "منذ 11 يوما", "في 31 فبراير", "1 رمضان 1443 هـ", "كل يوم جمعة"} {
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, s string, days int64) {
		anchor := Anchor{}
		if days != 0 {
			anchor = Anchor{Date: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days%20000)), Kind: "published"}
		}
		prev := 0
		for _, tx := range Tag(s, anchor) {
			if tx.Start < prev || tx.End <= tx.Start || tx.End > len(s) || !utf8.ValidString(tx.Value) {
				t.Fatalf("bad timex %+v in %q", tx, s)
			}
			prev = tx.End
			v := tx.Value
			if len(v) >= 10 && v[0] >= '0' && v[0] <= '9' && v[4] == '-' && v[7] == '-' {
				if _, err := time.Parse("2006-01-02", v[:10]); err != nil {
					t.Fatalf("invalid date %q from %q", v, s)
				}
			}
		}
	})
}
