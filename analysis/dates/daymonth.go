package dates

// Calendar dates with month names: days, months, years, weekdays with a date.

import (
	"strings"
	"time"
	"unicode/utf8"

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
	if v, n := t.number(i, "ordinal"); n > 0 && v <= 31 {
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
	if k := t.key(j); k == "/" || k == "(" || k == "-" || k == "،" || k == "," {
		if m2, n2 := t.lex.month(t.keys, j+1); n2 > 0 && m2.month == m.month && m2.hijri == m.hijri {
			j += 1 + n2
			if t.key(j) == ")" {
				j++
			}
			m.ambiguous = false
		}
	} else if m2, n2 := t.lex.month(t.keys, j); n2 > 0 && m2.month == m.month && m2.hijri == m.hijri && !m2.ambiguous {
		j += n2 // ديسمبر كانون الأول, مايو أيار: the two names side by side
		m.ambiguous = false
	}
	return m, j
}

// yearAt reads a year at i (a four-digit number, with an era word after it
// or not, or a year in words: ألفين وعشرين), returning the year, whether it
// is Hijri, and the next index. Alone a year must be in 1900–2100 (or
// Hijri 1300–1500); yearAtWide accepts 1000–2100 where the context already
// says it is a year.
func (t *tagger) yearAt(i int) (year int, hijri bool, next int) {
	return t.yearIn(i, false)
}

// yearAtWide reads a year after a Gregorian month or a year word (عام
// 1869، 14 يوليو 1789، 27 مايو 1332): any year from 1000 to 2100, Gregorian
// unless an era word says Hijri.
func (t *tagger) yearAtWide(i int) (year int, hijri bool, next int) {
	return t.yearIn(i, true)
}

func (t *tagger) yearIn(i int, wide bool) (year int, hijri bool, next int) {
	n := t.num(i)
	next = i + 1
	if n < 0 || len(t.keys[i]) != 4 {
		// a year in words starts with its thousands: ألف وتسعمائة…، ألفين وعشرين
		if _, ok := thousandWords[t.key(i)]; !ok {
			return 0, false, i
		}
		v, j := t.numberWords(i)
		if v < 1000 || v > 2100 || (!wide && v < 1900) {
			return 0, false, i
		}
		n, next = v, j
	}
	if hijriEra[t.key(next)] {
		return n, true, next + 1
	}
	era := eraWords[t.key(next)]
	if era {
		next++
	}
	if wide && n >= 1000 && n <= 2100 {
		return n, false, next
	}
	if n >= 1300 && n <= 1500 && !era {
		// a Hijri year without its era word is still Hijri if the month is
		return n, true, next
	}
	if n < 1900 && !(era && n >= 1000) || n > 2100 {
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
// أيار/مايو, العاشر من يناير, الـ12 من الشهر الجاري, 15 ديسمبر الماضي,
// 14- فبراير, 3. مايو. 1987, 9/ يناير, واحد وعشرين أبريل, 31 مارس، 2024.
func (t *tagger) matchDayMonth(i int) *match {
	day, j, ordinal := t.dayAt(i)
	words := false
	if day == 0 {
		// a cardinal in words right before a month: واحد وعشرين أبريل
		v, j2 := t.numberWords(i)
		if v < 1 || v > 31 {
			return nil
		}
		if _, j3 := t.monthAt(j2); j3 == j2 {
			return nil
		}
		day, j, words = v, j2, true
	}
	p := partial{typ: "DATE", d: day, conf: 0.95}
	rule := "day month"
	// coordination or range: 9 و10, 9-10, 9 إلى 10
	var endDay int
	if k := t.key(j); !words && (k == "و" || k == "-" || k == "الي" || k == "حتي") {
		if d2, j2, _ := t.dayAt(j + 1); d2 > day {
			endDay, j = d2, j2
			rule = "day and day month"
		}
	}
	// a day joined to its month by punctuation: 14- فبراير، 3. مايو، 9/ يناير
	punct := false
	if k := t.key(j); endDay == 0 && !ordinal && !words && (k == "-" || k == "." || k == "/") {
		if _, j2 := t.monthAt(j + 1); j2 > j+1 {
			j++
			punct = true
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
	// year: 2019, 2019ء, 1441 هـ, من العام 2019, عام 2019, . 1987, ، 2024
	if k := t.key(j); k == "من" && (t.key(j+1) == "العام" || t.key(j+1) == "عام") || k == "عام" || k == "العام" {
		jj := j + 1
		if k == "من" {
			jj++
		}
		if y, h, j2 := t.yearOf(jj, p.hijri); y > 0 && (h == p.hijri || !p.hijri) {
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
	} else if y, h, j2 := t.yearOf(j, p.hijri); y > 0 {
		if h && !p.hijri {
			return nil // a Gregorian month with a Hijri year: not a date
		}
		p.y, j = y, j2
	} else if k := t.key(j); (k == "." && punct || k == ",") && t.isNum(j+1) && len(t.keys[j+1]) == 4 {
		// 3. مايو. 1987، 31 مارس، 2024: the year after punctuation
		if y, h, j2 := t.yearOf(j+1, p.hijri); y > 0 && h == p.hijri && t.smallAfter(j2) {
			p.y, j = y, j2
		}
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
	// (not before a day joined to its month by punctuation: يوم 9/ يناير)
	if k := t.key(i - 1); (k == "يوم" || k == "يومي") && !punct || (endDay > 0 && (k == "بين" || k == "من")) {
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

// yearOf reads the year of a date whose month is Hijri or not: after a
// Gregorian month any year from 1000 is one (14 يوليو 1789).
func (t *tagger) yearOf(j int, hijri bool) (int, bool, int) {
	if hijri {
		return t.yearAt(j)
	}
	return t.yearAtWide(j)
}

// smallAfter reports that what follows index j does not make the number
// before it a count: punctuation, the end, a small word or a verb.
func (t *tagger) smallAfter(j int) bool {
	if j >= len(t.toks) || t.toks[j].Kind == text.Punct {
		return true
	}
	k := t.skey(j)
	if (strings.HasPrefix(k, "لل") || strings.HasPrefix(k, "بال")) && !percentWords[k] {
		return true // للتصويت، بالتزامن: a prepositional phrase
	}
	if (strings.HasPrefix(k, "ل") || strings.HasPrefix(k, "ب")) && yearFollowers[k[len("ل"):]] {
		return true // لهذا، بذلك
	}
	return yearFollowers[k] || yearFollowers[t.key(j)] || t.verbLike(j)
}

var percentWords = set("بالمئة بالمائة بالمية بالألف")

// verbLike: a past verb of the cue lists, or an imperfect or past form
// (يعقد، تراجعت، انخفضت) that is not a known noun.
func (t *tagger) verbLike(j int) bool {
	k := t.key(j)
	k2 := text.StripConj(k)
	if pastCues[k] || pastCues[k2] {
		return true
	}
	if countNouns[k2] || strings.HasPrefix(k2, "ال") || t.lex.givenNames[k2] {
		return false
	}
	n := utf8.RuneCountInString(k2)
	if n < 4 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(k2)
	if r == 'ي' || r == 'ت' && !strings.HasSuffix(k2, "ه") {
		return true
	}
	// تراجعت، انخفضت، ارتفعت: a feminine past (not a plural: اجتماعات)
	return strings.HasSuffix(k2, "ت") && !strings.HasSuffix(k2, "ات") && (r == 'ا' || r == 'ت')
}

// countNouns are words that follow a count, spelled like verbs.
var countNouns = set("يورو ين تلميذ تلميذا تقرير تقريرا طن طنا ترليون تريليون يوم يوما")

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
	comma := false
	if t.key(j) == "," {
		j++
		comma = true
	}
	if t.key(j) == "الموافق" || t.key(j) == "الموافقه" {
		j++
	}
	if n, ok := nthWords[t.key(j)]; ok && n <= 5 && t.key(j+1) == "من" {
		return nil // الأحد الأول من يوليو: the first Sunday (matchDayWord)
	}
	m := t.matchDayMonth(j)
	if m == nil {
		m = t.matchNumeric(j)
	}
	if m == nil {
		if mm := t.matchMonth(j); mm != nil && mm.p.d != 0 {
			m = mm
		}
	}
	if m == nil {
		return nil
	}
	m.start = i
	if comma && t.key(i) == "يوم" && m.p.y != 0 {
		// يوم الاثنين، يناير 15، 2024: the weekday stands in apposition
		m.start = i + 1
	}
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
	if k := t.key(i); (k == "اول" || text.StripConj(k) == "اول") && p.mod == "START" && t.key(i+1) != "شهر" {
		// أول يناير: the first day of January
		p.mod, p.d = "", 1
	}
	// the month before the day: يناير 15، 2024، ديسمبر 7، 1941، مايو الحادي عشر
	if p.mod == "" && p.d == 0 && !p.hijri {
		if d := t.num(j); d >= 1 && d <= 31 && len(t.keys[j]) <= 2 && t.key(j+1) != "-" && t.key(j+1) != "/" && t.key(j+1) != ":" && !t.percentAt(j+1) {
			jj := j + 1
			if t.key(jj) == "," {
				jj++
			}
			if y, h, j3 := t.yearAtWide(jj); y > 0 && !h && t.isNum(jj) {
				q := p
				q.d, q.y = d, y
				if validDay(q) {
					return &match{start: i, end: j3, p: q, rule: "month day, year"}
				}
			} else if (paired || lead) && t.smallAfter(j+1) {
				q := p
				q.d = d
				if validDay(q) {
					return &match{start: i, end: t.modAt(j+1, &q), p: q, rule: "month day"}
				}
			}
		} else if v, n := t.number(j, "ordinal"); n > 0 && v <= 31 && t.key(j+n) != "من" && (paired || lead) {
			q := p
			q.d = v
			if validDay(q) {
				return &match{start: i, end: t.modAt(j+n, &q), p: q, rule: "month ordinal day"}
			}
		}
	}
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
	} else if yearWords[t.key(j)] {
		// سبتمبر عام 2017، مايو سنة 1990
		if y, h, j3 := t.yearOf(j+1, p.hijri); y > 0 && h == p.hijri {
			p.y, j = y, j3
		}
	}
	if p.y == 0 && !p.hasUnit {
		j = t.modAt(j, &p)
	}
	if m.ambiguous && !lead && p.y == 0 && p.dir == 0 && !p.cur && !paired {
		return nil
	}
	if p.hijri && p.y == 0 {
		// رمضان الماضي، في شهر رمضان، خلال رمضان: the month's days that
		// year; a bare name (رمضان is a given name too) needs a lead word,
		// شهر, or a modifier
		if p.d != 0 || p.mod != "" || !lead && p.dir == 0 && !p.cur {
			return nil
		}
		p.hijriSpan = true
		return &match{start: i, end: j, p: p, rule: "Hijri month"}
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
	if j < 0 || j >= len(t.keys) {
		return j // no key: in no list
	}
	// the modifier a token is, worked out once per token (most are none)
	if t.mods == nil {
		t.mods = t.bufs.int8s(1, len(t.keys))
	}
	if t.mods[j] == 0 {
		t.mods[j] = rangeModOf(t.key(j), t.skey(j))
	}
	switch t.mods[j] {
	case modStart:
		p.mod = "START"
	case modMid:
		p.mod = "MID"
	case modEnd:
		p.mod = "END"
	default:
		return j
	}
	return j + 1
}

// rangeModOf classes a token for rangeMod, from its key and its key
// without a conjunction.
const (
	modNone = iota + 1
	modStart
	modMid
	modEnd
)

func rangeModOf(k, sk string) int8 {
	if !startMods[k] && !midMods[k] && !endMods[k] {
		k = sk // ومطلع العام، وأواخر الشهر
	}
	if !startMods[k] && !midMods[k] && !endMods[k] && (strings.HasPrefix(k, "ب") || strings.HasPrefix(k, "ل")) {
		k = k[len("ب"):] // بنهاية اليوم، لنهاية العام (ب and ل are two bytes alike)
	}
	switch {
	case startMods[k]:
		return modStart
	case midMods[k]:
		return modMid
	case endMods[k]:
		return modEnd
	}
	return modNone
}

// matchYear: عام 2021, العام 2021, [نهاية] عام 2021, في 2021, 2021م, عام
// 1869, عام ألفين, (1969), - 1956 -, وفي 2019 تراجعت; years coordinated
// after them (عامي 2021 و2022، في 2002 و2003) are one expression each.
func (t *tagger) matchYear(i int) *match {
	j := i
	var p partial
	p.typ, p.conf = "DATE", 0.9
	j = t.rangeMod(j, &p)
	hasWord, dual := false, false
	switch k := t.skey(j); {
	case yearWords[k] || yearWords[t.key(j)]:
		j++
		hasWord = true
	case yearDuals[k]:
		// عامي 2021 و2022: the years are the expressions
		if !t.isNum(j + 1) {
			return nil
		}
		j++
		i, dual = j, true
	}
	var y, j2 int
	var h bool
	if hasWord {
		y, h, j2 = t.yearAtWide(j)
	} else {
		y, h, j2 = t.yearAt(j)
	}
	if y == 0 {
		// (1869), - 1869 -: a year set apart by brackets or dashes
		if n := t.num(j); j == i && n >= 1000 && n <= 2100 && len(t.keys[j]) == 4 && (t.setApart(j) || t.yearsInBrackets(j) || t.yearPair(j)) {
			y, j2 = n, j+1
		} else {
			return nil
		}
	}
	words := !t.isNum(j)
	era := j2 > j+1 && !words || words && (eraWords[t.key(j2-1)] || hijriEra[t.key(j2-1)])
	apart := t.setApart(j) || t.yearsInBrackets(j) || t.yearPair(j)
	lead := dateLead[t.key(i-1)] || dateLead[t.skey(i-1)] || t.comparedYear(i)
	if !hasWord && !era && !dual && p.mod == "" && !apart {
		if !lead && !words && !t.eventBefore(i) {
			return nil
		}
		// "في 2000 موقع": a bare number after في is a year only before
		// punctuation, the end, a small word or a verb
		if !t.smallAfter(j2) {
			return nil
		}
	}
	if h {
		p.hijri = true
	}
	p.y = y
	p.compared = t.comparedYear(i)
	switch k := t.skey(i - 1); {
	case p.mod != "":
	case k == "قبل":
		p.mod = "BEFORE"
	case k == "بعد":
		p.mod = "AFTER"
	}
	m := &match{start: i, end: j2, p: p, rule: "year"}
	if dual {
		m.rule = "coordinated years"
	}
	// 2009-2010، (1975 - 1990): a range of years, as a season or an era
	if !h && !dual && (t.key(j2) == "-" || t.key(j2) == "/" && t.yearPair(j2-1)) && t.isNum(j2+1) && len(t.keys[j2+1]) == 4 {
		if y2 := t.num(j2 + 1); y2 > y && y2 <= y+100 && (j2+2 >= len(t.toks) || t.key(j2+2) != "-") {
			m.p.end = &partial{typ: "DATE", y: y2}
			m.end, m.rule = j2+2, "range of years"
			return m
		}
	}
	// و2003 after a year: another year
	for k := j2; t.key(k) == "و" && t.isNum(k+1) && len(t.keys[k+1]) == 4; k += 2 {
		y2, _, k2 := t.yearAtWide(k + 1)
		if y2 == 0 || k2 != k+2 && !eraWords[t.key(k+2)] && !hijriEra[t.key(k+2)] {
			break
		}
		q := partial{typ: "DATE", y: y2, hijri: hijriEra[t.key(k+2)] || h, conf: 0.85}
		m.also = append(m.also, match{start: k + 1, end: k2, p: q, rule: "coordinated years"})
		k = k2 - 2
	}
	return m
}

// comparedYear: a bare year compared with another (مقابل 2020، مقارنة مع
// 2021، بالمقارنة مع 2019).
func (t *tagger) comparedYear(i int) bool {
	switch t.skey(i - 1) {
	case "مقابل", "بمقابل":
		return true
	case "مع", "ب":
		switch t.skey(i - 2) {
		case "مقارنه", "بالمقارنه", "قياسا", "مقارنتها", "مقارنته":
			return true
		}
	}
	return false
}

// yearsInBrackets: (2007-2012), a range of years set apart by brackets.
func (t *tagger) yearsInBrackets(j int) bool {
	if t.key(j-1) != "(" || t.key(j+1) != "-" || !t.isNum(j+2) || len(t.keys[j+2]) != 4 || t.key(j+3) != ")" {
		return false
	}
	a, b := t.num(j), t.num(j+2)
	return b > a && b <= a+100
}

// yearPair: 2024-2025 or 2023/2024, consecutive four-digit years (a
// season, a school or fiscal year), a range wherever it stands.
func (t *tagger) yearPair(j int) bool {
	if (t.key(j+1) != "-" && t.key(j+1) != "/") || !t.isNum(j+2) || len(t.keys[j]) != 4 || len(t.keys[j+2]) != 4 {
		return false
	}
	a, b := t.num(j), t.num(j+2)
	return a >= 1900 && a <= 2100 && b == a+1 && (j+3 >= len(t.toks) || t.key(j+3) != "/" && t.key(j+3) != "-")
}

// setApart: a number between brackets or dashes: (1969)، - 1956 -.
func (t *tagger) setApart(j int) bool {
	b, a := t.key(j-1), t.key(j+1)
	return b == "(" && a == ")" || b == "-" && (a == "-" || a == "." || a == ",")
}

var (
	yearWords = set("عام العام سنة السنة سنه السنه للعام لعام بعام بالعام كعام للسنه لسنه بسنه")
	yearDuals = set("عامي العامين سنتي السنتين عامين سنتين")
)

var pluralUnits = set("أيام ايام أسابيع اسابيع أشهر اشهر شهور أعوام اعوام سنوات سنين ساعات دقائق")

var yearFollowers = set("مقارنه بالمقارنه مقابل قياسا بزياده بارتفاع بانخفاض بنسبه دون بدون هذا هذه ذلك تلك التي الذي على في من الى إلى عن مع بعد قبل حين عندما حتى خلال و ثم لكن بينما حيث اي أي وذلك ذلك ما لا لم لن قد كما إذ اذ عندها")

// bareDayLead are the words before a day number or ordinal with no month
// (في الخامس والعشرين، منذ الـ5، حتى الـ20).
var bareDayLead = set("في فى وفي منذ ومنذ حتى وحتى يوم")

// matchBareDay: a day of the month with the month understood — يوم 28،
// في الـ5، في الخامس والعشرين — when nothing after it makes the number a
// count (في 15 دولة، الـ10 أيام).
func (t *tagger) matchBareDay(i int) *match {
	p := partial{typ: "DATE", conf: 0.7}
	switch {
	case t.key(i) == "يوم":
		d := t.num(i + 1)
		if d < 1 || d > 31 || len(t.keys[i+1]) > 2 || !t.dayEnds(i+2) {
			return nil
		}
		p.d = d
		return &match{start: i, end: i + 2, p: p, rule: "day of the month"}
	case t.key(i) == "ال" || t.key(i) == "وال":
		d := t.num(i + 1)
		if d < 1 || d > 31 || len(t.keys[i+1]) > 2 || !bareDayLead[t.key(i-1)] || !t.dayEnds(i+2) {
			return nil
		}
		p.d = d
		return &match{start: i, end: i + 2, p: p, rule: "day of the month"}
	}
	v, n := t.number(i, "ordinal")
	if n == 0 || v < 2 || !bareDayLead[t.key(i-1)] || t.key(i-1) == "يوم" || !t.dayEnds(i+n) {
		return nil
	}
	p.d = v
	return &match{start: i, end: i + n, p: p, rule: "ordinal day of the month"}
}

// dayEnds: what follows a bare day ends it — punctuation, the end, a small
// word or a verb, not a noun it would count, a month, or more digits.
func (t *tagger) dayEnds(j int) bool {
	switch k := t.key(j); {
	case k == "-" || k == "/" || k == ":" || k == "." && t.isNum(j+1) || k == "%":
		return false
	case k == "من":
		// الـ5 من يناير is another rule's; في العشرين من عمره is an age, في
		// العاشر من كل شهر a day of every month: a bare day ends before من
		return false
	}
	if _, n := t.lex.month(t.keys, j); n > 0 {
		return false
	}
	if _, ok := unitWords[t.key(j)]; ok {
		return false
	}
	return t.smallAfter(j)
}

// percentAt: a percent sign or word at j (3%، 3 بالمئة، 3 في المئة).
func (t *tagger) percentAt(j int) bool {
	k := t.key(j)
	return k == "%" || k == "٪" || percentWords[k] || k == "في" && (t.key(j+1) == "المئه" || t.key(j+1) == "المائه")
}

// eventNouns name events that carry their year after them (كأس العالم
// 2018، انتخابات 2016، رؤية 2030، موسم 2017).
var eventNouns = set(`كأس كاس مونديال بطولة بطوله أولمبياد اولمبياد الألعاب الالعاب دورة دوره انتخابات الانتخابات موسم الموسم نسخة نسخه
ميزانية ميزانيه موازنة موازنه رؤية رؤيه خطة خطه معرض مهرجان قمة قمه إكسبو اكسبو تصفيات دوري الدوري تعداد`)

// eventBefore: an event noun within three words before i (كأس العالم
// للأندية 2017), with its article or a preposition on it or not.
func (t *tagger) eventBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if t.toks[k].Kind != text.Word {
			return false
		}
		w := t.skey(k)
		for _, p := range []string{"", "ال", "لل", "بال", "ل", "ب"} {
			if strings.HasPrefix(w, p) && eventNouns[w[len(p):]] {
				return true
			}
		}
	}
	return false
}
