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
		{"2019-11-15", "يلتقي رئيسا الحكومتين ⟦اليوم الجمعة|2019-11-15⟧ في عمّان، بعد اجتماع وزيري المالية ⟦أمس الخميس|2019-11-14⟧."},
		{"2019-11-11", "عقد الوفدان ⟦مساء أمس|2019-11-10TEV⟧ جلسة أولى، ويجتمع البرلمان ⟦بعد غد الأربعاء|2019-11-13⟧."},
		{"2019-11-11", "وصل المبعوث ⟦صباح اليوم|2019-11-11TMO⟧ ويغادر ⟦غدا|2019-11-12⟧، وكان قد زار الرباط ⟦أول أمس|2019-11-09⟧."},
		{"2019-08-07", "وقع الانفجار ⟦فجر اليوم|2019-08-07TMO⟧ قرب الميناء، بعد حادث آخر ⟦مساء أمس الأول|2019-08-05TEV⟧."},
		// bare weekdays: direction from the clause
		{"2019-11-29", "وأجرت الوزيرة ⟦الأربعاء|2019-11-27⟧ اتصالا بنظيرها."},
		{"2019-11-29", "وسيزور الرئيس تونس ⟦الثلاثاء|2019-12-03⟧ في جولة إقليمية."},
		{"2019-11-13", "يبحث خبراء من البلدين ⟦الأربعاء|2019-11-13⟧ في الرباط ملف المياه."},
		{"2022-03-02", "وتعقد القمة ⟦الأربعاء المقبل|2022-03-09⟧ في الرياض، بعد اجتماع ⟦الأربعاء الماضي|2022-02-23⟧."},
		// day and month without a year
		{"2019-12-09", "ونشرت الوزارة ⟦يوم 20 نوفمبر|2019-11-20⟧ تقريرا مفصلا."},
		{"2019-11-29", "ومع اقتراب موعد القمة في ⟦8 كانون الأول/ ديسمبر|2019-12-08⟧ في الدوحة، تتكثف الاتصالات."},
		{"2019-12-20", "وفي ⟦12 نوفمبر الماضى|2019-11-12⟧ ناقش الطرفان الخطة، ثم في ⟦4 ديسمبر الجاري|2019-12-04⟧ بدأت الجولة الثانية."},
		{"2019-11-29", "وسيترأس الوزيران جولة جديدة في ⟦الثامن من ديسمبر/ كانون الأول|2019-12-08⟧."},
		{"2019-12-17", "واجتمعت اللجنة في ⟦الـ9 من الشهر الجاري|2019-12-09⟧ في الجزائر."},
		// full dates, ranges, regional months
		{"2019-12-17", "جرت المفاوضات ⟦يومي 3 و4 كانون الأول/ديسمبر 2019|2019-12-03/2019-12-04⟧ في مسقط."},
		{"2016-05-20", "وتعقد الدورة ⟦بين 23 و25 أيار/مايو|2016-05-23/2016-05-25⟧ في عمان."},
		{"2018-02-01", "شهدت الأرض ⟦يوم الأربعاء 31 يناير/كانون الثاني|2018-01-31⟧ ظاهرة نادرة."},
		{"2025-06-16", "وانعقدت الجولة الأولى في ⟦20 ماي الماضي|2025-05-20⟧، والمقبلة في مدريد خلال ⟦شهر يوليوز القادم|2025-07⟧."},
		{"2023-03-01", "وصل الوفد في ⟦3 جانفي 2023|2023-01-03⟧ ثم عاد في ⟦14 فيفري|2023-02-14⟧."},
		{"2022-05-01", "ولد في ⟦الحادي والعشرين من مايو 1990|1990-05-21⟧ في القاهرة."},
		{"2020-03-07", "( شبكة / تاس - ⟦7 آذار 2020ء|2020-03-07⟧) أعلنت الوزارة."},
		// months and years
		{"2019-11-29", "وأكدت الحكومة المضي في خطط إجراء مشاورات في ⟦فبراير/شباط|2020-02⟧، مذكرة بالاجتماع الذي جمع الوزيرين في ⟦تموز/ يوليو|2019-07⟧."},
		{"2019-03-01", "ونشرت اللجنة تقريرها في ⟦نهاية عام 2018|2018-12⟧."},
		{"2020-01-20", "وجرت لقاءات في ⟦ديسمبر الماضي|2019-12⟧ بين الجانبين."},
		{"2018-03-10", "ارتفعت الأسعار ⟦العام الماضي|2017⟧ وتراجعت ⟦الشهر الماضي|2018-02⟧، ويتوقع تحسنها ⟦الشهر المقبل|2018-04⟧."},
		{"2019-11-13", "وأجرى الوزيران ⟦الأسبوع الماضي|2019-W45⟧ محادثات مطولة."},
		{"2019-11-11", "ولا يتوقع المسؤول تقدما في ⟦الأسبوع الحالي|2019-W46⟧ ولا ⟦هذا الأسبوع|2019-W46⟧."},
		{"2022-05-01", "وقعت الحرب ⟦عام 2003|2003⟧ واستمرت سنوات."},
		// numeric dates
		{"2016-03-01", "صدر القرار في ⟦2016/02/22|2016-02-22⟧ ونشر في ⟦21-04-2016|2016-04-21⟧."},
		// Hijri
		{"2022-04-10", "بدأ الصيام في ⟦1 رمضان 1443 هـ|2022-04-03⟧."},
		// durations, offsets, times, vague, sets
		{"2019-11-15", "في مسار تفاوضي بدأ ⟦منذ 6 أيام|P6D⟧ في الدوحة."},
		{"2019-11-15", "وصل الوفد ⟦قبل ثلاثة أيام|2019-11-12⟧ ويغادر ⟦بعد أسبوعين|2019-W48⟧."},
		{"2019-11-15", "⟦03:45 مساء|2019-11-15T15:45⟧"},
		{"2022-03-05", "تبدأ الجلسة ⟦الساعة الثالثة عصرا بتوقيت القاهرة|2022-03-05T15:00⟧."},
		{"2019-11-15", "المشروع قيد الدراسة ⟦حالياً|PRESENT_REF⟧ وسيطلق ⟦قريباً|FUTURE_REF⟧، وربما ⟦في المستقبل القريب|FUTURE_REF⟧، بعد تأخير ⟦في الآونة الأخيرة|PAST_REF⟧."},
		{"2019-11-15", "تصدر النشرة ⟦أسبوعيا|P1W⟧ وتعقد الصلاة ⟦كل يوم جمعة|XXXX-WXX-5⟧."},
		// found by hand in the development corpus
		{"2018-03-03", "قال إن بيننا نحن الاثنين ما يكفي، ونفى أمر أحد المسؤولين بذلك."},
		{"2018-03-20", "تعاني البلاد الفوضى ⟦منذ سنوات|PXY⟧، وزارها الوزير ⟦قبل أيام|PAST_REF⟧."},
		{"2018-02-19", "فاز للمرة الأولى منذ ⟦عام 2008|2008⟧، وتغلب فريق ستيفن كوري ⟦الأحد|2018-02-18⟧ على ملعبه."},
		{"2018-03-26", "نشر الاتحاد أرقاما قبل مواجهة المنتخبين الودية، ⟦الثلاثاء|2018-03-27⟧، استعدادا لكأس العالم."},
		{"2018-03-16", "من المتوقع عقد قمة بين الرجلين قبل ⟦نهاية أيار/مايو|2018-05⟧، وفق ما أعلن مسؤول ⟦الأسبوع الماضي|2018-W10⟧."},
		{"2023-03-08", "أعلنت الحكومة ⟦يوم الأحد الموافق 5 مارس 2023|2023-03-05⟧ عن خطة جديدة، وسيصل الوزير ⟦يوم غد|2023-03-09⟧."},
		{"2023-03-08", "قتل ثلاثة أشخاص خلال ⟦الأيام الثلاثة الماضية|P3D⟧."},
		// quantities of time with no preposition
		{"2019-08-07", "أمضى ⟦عشر سنوات|P10Y⟧ في السجن، ودام اللقاء ⟦ثلاث ساعات|PT3H⟧ و⟦خمس عشرة دقيقة|PT15M⟧ وبقي ⟦عدة أيام|PXD⟧ في المدينة."},
		{"2019-08-07", "وفاز الفريق 6 - 2 ⟦يوم السبت|2019-08-03⟧ في الدوري، وسجل 12 هدفا."},
		// not dates
		{"2019-11-15", "قالت قناة روسيا اليوم إن اليوم العالمي للمرأة مناسبة، وإن 2000 شخص حضروا. وقد مارس الضغط على الحكومة وأب الأسرة."},
		{"2019-11-15", "وأعرب الوزير في وقت سابق عن قلقه، ثم أكد لاحقا موقفه، وقال إن الدخول آنذاك كان صعبا."},
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
	got := Tag("عقد اللقاء أمس الخميس في 14 نوفمبر 2019.", Anchor{})
	if len(got) != 1 || got[0].Value != "2019-11-14" || got[0].Anchor != "none" {
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
	a := &rasad.Article{Text: "عنوان\nيلتقي رئيسا الحكومتين اليوم الجمعة في عمّان، في جولة بدأت منذ 6 أيام.\nفي 9 نوفمبر 2019 انطلقت الجولة.\n"}
	inf, ok := InferPublished(a, time.Time{})
	if !ok || inf.Date.Format("2006-01-02") != "2019-11-15" {
		t.Errorf("inferred %+v %v", inf, ok)
	}
	if _, ok := InferPublished(&rasad.Article{Text: "نص بلا أي تاريخ."}, time.Time{}); ok {
		t.Errorf("inferred a date from nothing")
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{"في 14 نوفمبر 2019", "أمس الخميس", "يومي 3 و4 كانون الأول/ديسمبر 2019", "الـ9 من الشهر الجاري", "03:45 مساء", "منذ 6 أيام", "في 31 فبراير", "1 رمضان 1443 هـ", "كل يوم جمعة"} {
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
