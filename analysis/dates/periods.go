package dates

// Periods: named weeks, months and years, seasons, quarters, decades.

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/rasad/rasad/text"
)

// matchPeriod: الأسبوع الماضي، هذا الأسبوع، الشهر المقبل، العام الجاري،
// السنة الماضية؛ الأيام المقبلة (vague).
func (t *tagger) matchPeriod(i int) *match {
	j := i
	var p partial
	p.typ, p.conf = "DATE", 0.9
	j = t.rangeMod(j, &p)
	this := false
	if k := t.key(j); k == "هذا" || k == "هذه" {
		this = true
		j++
	}
	k := t.skey(j)
	if k == "الايام" || k == "الاسابيع" || k == "الاشهر" || k == "الشهور" || k == "السنوات" || k == "الاعوام" {
		// الأيام الثلاثة الماضية: a counted period, a duration
		if v, c := t.countWord(j + 1); c > 0 && v <= 12 {
			if mk := t.key(j + 1 + c); pastMods[mk] || futureMods[mk] {
				unit := map[string]string{"الايام": "D", "الاسابيع": "W", "الاشهر": "M", "الشهور": "M", "السنوات": "Y", "الاعوام": "Y"}[k]
				return &match{start: i, end: j + 2 + c, p: partial{typ: "DURATION", value: "P" + strconv.Itoa(v) + unit, conf: 0.8}, rule: "counted period"}
			}
		}
		m, end := t.key(j+1), j+2
		if few[m] {
			m, end = t.key(j+2), j+3 // الأيام القليلة الماضية
		}
		switch {
		case futureMods[m]:
			p.value = "FUTURE_REF"
		case pastMods[m] || m == "الاخيره":
			p.value = "PAST_REF"
		default:
			return nil
		}
		return &match{start: i, end: end, p: partial{typ: "DATE", value: p.value, conf: 0.8}, rule: "vague period"}
	}
	unit, ok := periodWords[k]
	if !ok {
		return nil
	}
	if unit == "W" && !this && p.mod == "" {
		if m := t.matchWeekOfMonth(i, j); m != nil {
			return m
		}
	}
	j++
	p.hasUnit, p.unit = true, unit
	if this && unit != "E" {
		return &match{start: i, end: j, p: p, rule: "this period"}
	}
	weekend := unit == "W" && p.mod == "END" && (t.skey(i) == "نهايه" || t.skey(i) == "عطله")
	if weekend {
		// (عطلة) نهاية الأسبوع [الماضي|المقبل]: the weekend, YYYY-Www-WE
		p.mod, p.weekend = "", true
		if k := t.key(i - 1); k == "عطله" || k == "عطلة" {
			i--
		}
	}
	if k := t.key(j); (k == "قبل" && pastMods[t.key(j+1)] || k == "بعد" && futureMods[t.key(j+1)]) && unit != "E" {
		// الأسبوع قبل الماضي، العام بعد المقبل: two periods away
		p.unitOff = -2
		if k == "بعد" {
			p.unitOff = 2
		}
		return &match{start: i, end: j + 2, p: p, rule: "period + two away"}
	}
	if unit == "E" {
		// العقد الماضي/المقبل: the ten years before or after now (خلال
		// العقد الماضي), a duration; العقد الحالي، هذا العقد are as often
		// the current contract
		if (pastMods[t.key(j)] || futureMods[t.key(j)]) && t.key(j+1) != "من" && p.mod == "" {
			return &match{start: i, end: j + 1, p: partial{typ: "DURATION", value: "P10Y", conf: 0.75}, rule: "decade before/after now"}
		}
		return nil
	}
	if j2 := t.modAt(j, &p); j2 > j {
		p.prevOf = unit == "Y" && (strings.HasPrefix(t.key(j), "السابق"))
		p.unitOff = p.dir
		p.dir, p.cur = 0, false
		if weekend {
			return &match{start: i, end: j2, p: p, rule: "weekend"}
		}
		if unit == "W" && p.mod == "" {
			// الأسبوع المقبل يوم الأربعاء: a weekday of that week
			jw, wdOf := j2, t.lex.weekday
			if t.key(jw) == "," {
				jw++
			}
			if t.key(jw) == "يوم" {
				jw, wdOf = jw+1, t.lex.bareWeekday
			}
			if wd := wdOf(t.key(jw)); wd > 0 && !notWeekday(t, jw) {
				q := partial{typ: "DATE", wd: wd, hasWeek: true, weekOff: p.unitOff, conf: 0.85}
				return &match{start: i, end: jw + 1, p: q, rule: "week + weekday"}
			}
		}
		return &match{start: i, end: j2, p: p, rule: "period + modifier"}
	}
	if weekend {
		return &match{start: i, end: j, p: p, rule: "weekend"}
	}
	if p.mod != "" && unit != "D" {
		return &match{start: i, end: j, p: p, rule: "part of this period"} // مطلع الشهر، نهاية العام
	}
	return nil
}

// seasons: TIMEX3 season codes.
var seasons = map[string]string{"صيف": "SU", "الصيف": "SU", "شتاء": "WI", "الشتاء": "WI", "ربيع": "SP", "الربيع": "SP", "خريف": "FA", "الخريف": "FA"}

// seasonYear is the year of the season code named with direction dir from
// the date a: the next one (المقبل), the last one over (الماضي), or this
// year's. Winter Y runs from December Y to February Y+1.
func seasonYear(a time.Time, code string, dir int) int {
	start := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
	first := func(y int) time.Time { return time.Date(y, time.Month(start), 1, 0, 0, 0, 0, time.UTC) }
	y := a.Year()
	switch dir {
	case 1: // the first one starting after a
		if !first(y).After(a) {
			y++
		}
	case -1: // the last one ended before a
		for !first(y).AddDate(0, 3, 0).Before(a) && !first(y).AddDate(0, 3, 0).Equal(a) {
			y--
		}
	default:
		if code == "WI" && a.Month() <= 2 {
			y-- // this winter, in January, began last December
		}
	}
	return y
}

// matchSeason: صيف 2018، الشتاء المقبل، ربيع العام الماضي، خريف هذا العام.
func (t *tagger) matchSeason(i int) *match {
	code, ok := seasons[t.skey(i)]
	if !ok {
		code, ok = seasons[t.key(i)]
	}
	if !ok {
		return nil
	}
	p := partial{typ: "DATE", conf: 0.85}
	j := i + 1
	ofYear := false
	if t.key(j) == "عام" || t.key(j) == "العام" || t.key(j) == "سنه" || t.key(j) == "السنه" {
		j++
		ofYear = true // صيف العام الماضي: the summer of last year, not last summer
	}
	if y, _, j2 := t.yearAt(j); y > 0 {
		return &match{start: i, end: j2, p: partial{typ: "DATE", value: fmt.Sprintf("%04d-%s", y, code), conf: 0.9}, rule: "season"}
	}
	if t.key(j) == "هذا" && t.key(j+1) == "العام" {
		j += 2
	} else if j2 := t.modAt(j, &p); j2 > j {
		j = j2
	} else if !strings.HasPrefix(t.key(i), "ال") || j == i+1 {
		return nil // صيف alone is a word, not a date
	}
	p.season, p.unitOff = code, p.dir
	if ofYear {
		p.unit = "Y"
	}
	return &match{start: i, end: j, p: p, rule: "season"}
}

// matchQuarter: الربع الأول من العام المقبل، الربع الثالث من عام 2019،
// الربع الأخير من 2018، الربع الثاني من هذا العام.
func (t *tagger) matchQuarter(i int) *match {
	half := t.skey(i) == "النصف"
	if t.skey(i) != "الربع" && !half {
		return nil
	}
	q := map[string]int{"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 4}[t.key(i+1)]
	if q == 0 || half && q > 2 && t.key(i+1) != "الاخير" {
		return nil
	}
	p := partial{typ: "DATE", quarter: q, conf: 0.9}
	if half {
		// النصف الأول من العام: H1, H2
		p.half, p.quarter = min(q, 2), 0
	}
	j := i + 2
	if t.key(j) == "من" {
		j++
	}
	if t.key(j+1) == "المالي" || t.key(j+1) == "الماليه" {
		return nil // a fiscal year's quarters are not the calendar's
	}
	switch k := t.key(j); {
	case k == "عام" || k == "العام" || k == "سنه" || k == "السنه":
		if y, _, j2 := t.yearAt(j + 1); y > 0 {
			p.y, j = y, j2
		} else if k == "العام" || k == "السنه" {
			var d partial
			if j2 := t.modAt(j+1, &d); j2 > j+1 {
				p.unitOff, j = d.dir, j2 // العام المقبل/الماضي/الجاري (dir 0)
			} else {
				j++ // العام: this year
			}
		} else {
			return nil
		}
	case k == "هذا" && (t.key(j+1) == "العام" || t.key(j+1) == "السنه"):
		j += 2
	default:
		if y, _, j2 := t.yearAt(j); y > 0 {
			p.y, j = y, j2
		} else {
			return nil
		}
	}
	if half {
		return &match{start: i, end: j, p: p, rule: "half year"}
	}
	return &match{start: i, end: j, p: p, rule: "quarter"}
}

// decadeWords are the decades in words (التسعينيات، الثمانينات): their
// tens digit.
var decadeWords = map[string]int{}

func init() {
	for stem, d := range map[string]int{"عشرين": 2, "ثلاثين": 3, "اربعين": 4, "خمسين": 5, "ستين": 6, "سبعين": 7, "ثمانين": 8, "تسعين": 9} {
		for _, suf := range []string{"يات", "ات"} {
			decadeWords["ال"+stem+suf] = d
			decadeWords[stem+suf] = d
		}
	}
}

// matchDecade: التسعينيات، تسعينيات القرن الماضي/العشرين، ثمانينات القرن
// الـ20، سبعينيات القرن التاسع عشر → 199, 198, 187.
func (t *tagger) matchDecade(i int) *match {
	d, ok := decadeWords[t.skey(i)]
	if !ok {
		d, ok = decadeWords[t.key(i)]
	}
	if !ok {
		return nil
	}
	century, j := 19, i+1 // the twentieth century unless said otherwise
	if t.key(j) == "القرن" {
		switch k := t.key(j + 1); {
		case k == "الماضي" || k == "العشرين" || k == "20" || k == "الـ20":
			j += 2
		case k == "الحالي" || k == "الجاري" || k == "الحادي" && t.key(j+2) == "والعشرين":
			century = 20
			j += 2
			if k == "الحادي" {
				j++
			}
		case k == "التاسع" && t.key(j+2) == "عشر":
			century = 18
			j += 3
		default:
			j++
		}
	}
	return &match{start: i, end: j, p: partial{typ: "DATE", value: strconv.Itoa(century*10 + d), conf: 0.85}, rule: "decade"}
}

// matchCentury: القرن التاسع عشر (18)، القرن العشرين (19)، القرن الـ21،
// القرن 19، أواخر القرن الثامن عشر (17, END)، مطلع القرن الماضي (19,
// START from 2024)، القرن الحالي.
func (t *tagger) matchCentury(i int) *match {
	var p partial
	p.typ, p.conf = "DATE", 0.85
	j := t.rangeMod(i, &p)
	if k := t.key(j); k != "القرن" && !(j == i && text.StripConj(k) == "القرن") {
		if j != i || k != "للقرن" && k != "بالقرن" {
			return nil
		}
		// للقرن المقبل: the article is fused with the clitic, so the token is
		// the expression
	}
	j++
	n := 0
	switch k := t.key(j); {
	case t.isNum(j) && len(k) <= 2:
		n = t.num(j)
		j++
	case k == "ال" && t.isNum(j+1):
		n = t.num(j + 1)
		j += 2
	default:
		if v, c := t.number(j, "ordinal"); c > 0 {
			n = v
			j += c
		} else if j2 := t.modAt(j, &p); j2 > j {
			p.hasUnit, p.unit, p.unitOff = true, "C", p.dir
			if p.cur {
				p.unitOff = 0
			}
			p.dir, p.cur = 0, false
			return &match{start: i, end: j2, p: p, rule: "century"}
		}
	}
	if n < 1 || n > 21 {
		return nil
	}
	p.value = fmt.Sprintf("%02d", n-1)
	if t.key(j) == "الميلادي" || t.key(j) == "للميلاد" || t.key(j) == "م" {
		j++
	}
	return &match{start: i, end: j, p: p, rule: "century"}
}

// few: القليلة، الأخيرة between a plural period and its direction.
var few = set("القليله القليلة")

// weekRanks are the ordinals of a week in its month (-1 the last).
var weekRanks = keyedInt(map[string]int{"الأول": 1, "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الأخير": -1, "الاخير": -1})

// matchWeekOfMonth: الأسبوع الأول من نوفمبر، الأسبوع الأخير من الشهر
// المقبل، الأسبوع الثالث من مارس 2019 — a range of seven days of that
// month (the last seven for الأخير). j is the week word.
func (t *tagger) matchWeekOfMonth(i, j int) *match {
	rank := weekRanks[t.key(j+1)]
	if rank == 0 || t.key(j+2) != "من" {
		return nil
	}
	k := j + 3
	var in *match
	if mm := t.matchMonth(k); mm != nil && mm.p.d == 0 && mm.p.m != 0 && !mm.p.hijri && mm.p.end == nil {
		in = mm
	} else if mp := t.matchPeriod(k); mp != nil && mp.p.hasUnit && (mp.p.unit == "M" || mp.p.unit == "Y") && mp.p.mod == "" && !mp.p.weekend {
		in = mp
	}
	if in == nil {
		return nil
	}
	cp := *in
	return &match{start: i, end: in.end, p: partial{typ: "DATE", weekRank: rank, inner: &cp, conf: 0.85}, rule: "week of a month"}
}

// weekOfPeriod is the range of the rank-th week (-1 the last) of the month
// (YYYY-MM) or year (YYYY) v.
func weekOfPeriod(v string, rank int) string {
	var first, last time.Time
	switch len(v) {
	case 7:
		d, err := time.Parse("2006-01", v)
		if err != nil {
			return ""
		}
		first, last = d, d.AddDate(0, 1, -1)
	case 4:
		d, err := time.Parse("2006", v)
		if err != nil {
			return ""
		}
		first, last = d, d.AddDate(1, 0, -1)
	default:
		return ""
	}
	lo := first.AddDate(0, 0, 7*(rank-1))
	if rank < 0 {
		lo = last.AddDate(0, 0, -6)
	}
	hi := lo.AddDate(0, 0, 6)
	if hi.After(last) {
		hi = last
	}
	return lo.Format("2006-01-02") + "/" + hi.Format("2006-01-02")
}
