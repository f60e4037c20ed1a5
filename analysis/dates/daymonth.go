package dates

// Calendar dates with month names: days, months, years, weekdays with a date.

import (
	"strings"
	"time"

	"github.com/rasad/rasad/text"
)

// dayAt reads a day of the month at i: 10, الـ10, العاشر. It returns the
// day, the next index, and whether it was an ordinal word (which needs "من").
func (t *tagger) dayAt(i int) (day, next int, ordinal bool) {
	if n := t.num(i); n >= 1 && n <= 31 && len(t.keys[i]) <= 2 {
		return n, i + 1, false
	}
	if t.key(i) == "ال" || t.key(i) == "وال" {
		if n := t.num(i + 1); n >= 1 && n <= 31 {
			return n, i + 2, true
		}
	}
	if v, n := t.lex.number(t.keys, i, "ordinal"); n > 0 && v <= 31 {
		return v, i + n, true
	}
	return 0, i, false
}

// monthAt reads a month name at i, with a paired name after it in any
// order ("كانون الثاني/يناير", "يناير/ كانون الثاني", "كانون الثاني (يناير)").
func (t *tagger) monthAt(i int) (monthInfo, int) {
	m, n := t.lex.month(t.keys, i)
	if n == 0 {
		return m, i
	}
	j := i + n
	// paired form
	if k := t.key(j); k == "/" || k == "(" || k == "-" {
		if m2, n2 := t.lex.month(t.keys, j+1); n2 > 0 && m2.month == m.month && m2.hijri == m.hijri {
			j += 1 + n2
			if t.key(j) == ")" {
				j++
			}
			m.ambiguous = false
		}
	}
	return m, j
}

// yearAt reads a year at i (a four-digit number, with an era word after it
// or not), returning the year, whether it is Hijri, and the next index.
func (t *tagger) yearAt(i int) (year int, hijri bool, next int) {
	n := t.num(i)
	if n < 0 || len(t.keys[i]) != 4 {
		return 0, false, i
	}
	next = i + 1
	if hijriEra[t.key(next)] {
		return n, true, next + 1
	}
	if eraWords[t.key(next)] {
		next++
	}
	if n >= 1300 && n <= 1500 && !eraWords[t.key(i+1)] {
		// a Hijri year without its era word is still Hijri if the month is
		return n, true, next
	}
	if n < 1900 || n > 2100 {
		return 0, false, i
	}
	return n, false, next
}

// modAt reads a direction modifier at i (الماضي، المقبل، الجاري).
func (t *tagger) modAt(i int, p *partial) int {
	k := t.key(i)
	switch {
	case pastMods[k]:
		p.dir = -1
	case futureMods[k]:
		p.dir = 1
	case currentMods[k]:
		p.cur = true
	default:
		return i
	}
	return i + 1
}

// matchDayMonth: 14 نوفمبر [2019], 3 و4 كانون الأول/ديسمبر 2019, بين 23 و25
// أيار/مايو, العاشر من يناير, الـ12 من الشهر الجاري, 15 ديسمبر الماضي.
func (t *tagger) matchDayMonth(i int) *match {
	day, j, ordinal := t.dayAt(i)
	if day == 0 {
		return nil
	}
	p := partial{typ: "DATE", d: day, conf: 0.95}
	rule := "day month"
	// coordination or range: 9 و10, 9-10, 9 إلى 10
	var endDay int
	if k := t.key(j); k == "و" || k == "-" || k == "الي" || k == "حتي" {
		if d2, j2, _ := t.dayAt(j + 1); d2 > day {
			endDay, j = d2, j2
			rule = "day and day month"
		}
	}
	if t.key(j) == "من" {
		j++
	} else if ordinal && t.key(i) != "ال" && t.key(i) != "وال" {
		return nil // "العاشر" alone is not a date
	}
	if m, j2 := t.monthAt(j); j2 > j {
		p.m, p.hijri = m.month, m.hijri
		j = j2
	} else if k := t.key(j); k == "الشهر" || k == "هذا" && t.key(j+1) == "الشهر" {
		if k == "هذا" {
			j++
		}
		j++
		p.hasUnit, p.unit = true, "M"
		if j2 := t.modAt(j, &p); j2 > j {
			j = j2
			if p.dir != 0 {
				p.unitOff = p.dir
				p.dir = 0
			}
		} else if k != "هذا" {
			return nil
		}
		p.cur = false
		rule = "day of the current/previous/next month"
	} else {
		return nil
	}
	// year: 2019, 2019ء, 1441 هـ, من العام 2019, عام 2019
	if k := t.key(j); k == "من" && (t.key(j+1) == "العام" || t.key(j+1) == "عام") || k == "عام" || k == "العام" {
		jj := j + 1
		if k == "من" {
			jj++
		}
		if y, h, j2 := t.yearAt(jj); y > 0 && (h == p.hijri || !p.hijri) {
			p.y, j = y, j2
		} else if k == "من" {
			if j2 := t.modAt(jj, &p); j2 > jj {
				j = j2
				p.hasUnit, p.unit, p.unitOff = true, "Y", p.dir
				if p.cur {
					p.unitOff = 0
				}
				p.dir, p.cur = 0, false
			}
		}
	} else if y, h, j2 := t.yearAt(j); y > 0 {
		if h && !p.hijri {
			return nil // a Gregorian month with a Hijri year: not a date
		}
		p.y, j = y, j2
	}
	if p.y == 0 && !p.hasUnit {
		j = t.modAt(j, &p)
	}
	if endDay > 0 {
		e := p
		e.d = endDay
		p.end = &e
	}
	// the day noun or range word before it belongs to the expression
	if k := t.key(i - 1); k == "يوم" || k == "يومي" || (endDay > 0 && (k == "بين" || k == "من")) {
		i--
	}
	if p.hijri && p.y == 0 {
		return nil // Hijri day-month without a year: too rare to resolve
	}
	if !validDay(p) {
		return nil
	}
	return &match{start: i, end: j, p: p, rule: rule}
}

func validDay(p partial) bool {
	if p.m == 0 || p.d == 0 {
		return true
	}
	if p.hijri {
		return p.d <= 30
	}
	y := p.y
	if y == 0 {
		y = 2000 // a leap year: 29 February without a year is possible
	}
	return p.d <= daysIn(y, p.m)
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// matchWeekdayDate: [يوم] الأربعاء[،] 31 يناير/كانون الثاني [2018]: the
// weekday is checked against the date.
func (t *tagger) matchWeekdayDate(i int) *match {
	j := i
	wdOf := t.lex.weekday
	if t.key(j) == "يوم" {
		j++
		wdOf = t.lex.bareWeekday
	}
	wd := wdOf(t.key(j))
	if wd == 0 {
		return nil
	}
	j++
	if t.key(j) == "," {
		j++
	}
	if t.key(j) == "الموافق" || t.key(j) == "الموافقه" {
		j++
	}
	m := t.matchDayMonth(j)
	if m == nil {
		m = t.matchNumeric(j)
	}
	if m == nil {
		return nil
	}
	m.start = i
	m.p.wd = wd
	m.rule = "weekday + " + m.rule
	return m
}

// matchMonth: [مطلع|منتصف|نهاية] [شهر] يناير[/كانون الثاني] [2019] [الماضي].
// An ambiguous month name (مارس، آب، تموز) needs a date word, a year, a
// paired name or a modifier.
func (t *tagger) matchMonth(i int) *match {
	j := i
	var p partial
	p.typ, p.conf = "DATE", 0.9
	lead := false
	if j2 := t.rangeMod(j, &p); j2 > j {
		j, lead = j2, true
	}
	if t.key(j) == "شهر" || t.key(j) == "الشهر" {
		j++
		lead = true
	}
	if dateLead[t.key(i-1)] {
		lead = true
	}
	m, j2 := t.monthAt(j)
	if j2 == j {
		return nil
	}
	paired := !m.ambiguous
	p.m, p.hijri = m.month, m.hijri
	j = j2
	if k := t.key(j); k == "من" && (t.key(j+1) == "العام" || t.key(j+1) == "عام") {
		if y, _, j3 := t.yearAt(j + 2); y > 0 {
			p.y, j = y, j3
		} else if j3 := t.modAt(j+2, &p); j3 > j+2 {
			j = j3
			p.hasUnit, p.unit, p.unitOff = true, "Y", p.dir
			if p.cur {
				p.unitOff = 0
			}
			p.dir, p.cur = 0, false
		}
	} else if y, h, j3 := t.yearAt(j); y > 0 && h == p.hijri {
		p.y, j = y, j3
	}
	if p.y == 0 && !p.hasUnit {
		j = t.modAt(j, &p)
	}
	if m.ambiguous && !lead && p.y == 0 && p.dir == 0 && !p.cur && !paired {
		return nil
	}
	if p.hijri && p.y == 0 {
		return nil
	}
	return &match{start: i, end: j, p: p, rule: "month"}
}

// countWord reads "الثلاثة" (a cardinal with the article) at j.
func (t *tagger) countWord(j int) (int, int) {
	k := strings.TrimPrefix(t.key(j), "ال")
	for _, n := range t.lex.numbers[k] {
		if n.kind == "cardinal" && len(n.words) == 1 {
			return n.value, 1
		}
	}
	return 0, 0
}

// rangeMod reads a part-of-period word at j (مطلع، منتصف، نهاية) into
// p.mod and returns the index after it.
func (t *tagger) rangeMod(j int, p *partial) int {
	switch k := t.key(j); {
	case startMods[k]:
		p.mod = "START"
	case midMods[k]:
		p.mod = "MID"
	case endMods[k]:
		p.mod = "END"
	default:
		return j
	}
	return j + 1
}

// matchYear: عام 2021, العام 2021, [نهاية] عام 2021, في 2021, 2021م.
func (t *tagger) matchYear(i int) *match {
	j := i
	var p partial
	p.typ, p.conf = "DATE", 0.9
	j = t.rangeMod(j, &p)
	hasWord := false
	if k := t.key(j); k == "عام" || k == "العام" || k == "سنة" || k == "السنة" || k == "سنه" || k == "السنه" {
		j++
		hasWord = true
	}
	y, h, j2 := t.yearAt(j)
	if y == 0 {
		return nil
	}
	era := j2 > j+1
	if !hasWord && !era && p.mod == "" && !dateLead[t.key(i-1)] {
		return nil
	}
	if !hasWord && !era && p.mod == "" {
		// "في 2000 موقع": a bare number after في is a year only before
		// punctuation, the end, or a small word
		nk := t.key(j2)
		if j2 < len(t.toks) && t.toks[j2].Kind != text.Punct && !yearFollowers[text.StripConj(nk)] {
			return nil
		}
	}
	if h {
		p.hijri = true
	}
	p.y = y
	return &match{start: i, end: j2, p: p, rule: "year"}
}

var pluralUnits = set("أيام ايام أسابيع اسابيع أشهر اشهر شهور أعوام اعوام سنوات سنين ساعات دقائق")

var yearFollowers = set("على في من الى إلى عن مع بعد قبل حين عندما حتى خلال و ثم لكن بينما حيث اي أي وذلك ذلك")
