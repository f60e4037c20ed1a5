package dates

// Clock times.

import (
	"strings"

	"github.com/rasad/rasad/text"
)

// minutesAfter reads the minutes after an hour word at j: والنصف، والربع،
// وعشر دقائق، وثلاثين دقيقة (negative for إلا ربعا). It returns the minutes
// and the next index.
func (t *tagger) minutesAfter(j int) (int, int) {
	k := t.key(j)
	if k == "و" || k == "الا" || k == "إلا" {
		switch t.key(j + 1) {
		case "النصف", "نصف":
			return 30, j + 2
		case "الربع", "ربع", "ربعا":
			if k == "و" {
				return 15, j + 2
			}
			return -15, j + 2
		}
	}
	switch k {
	case "والنصف", "ونصف":
		return 30, j + 1
	case "والربع", "وربع":
		return 15, j + 1
	}
	if !strings.HasPrefix(k, "و") {
		return 0, j
	}
	n, c := t.number(j, "cardinal")
	if c == 0 {
		if k == "و" && t.isNum(j+1) {
			n, c = t.num(j+1), 2
		} else {
			return 0, j
		}
	}
	if u := t.key(j + c); n > 0 && n < 60 && (u == "دقيقه" || u == "دقائق" || u == "دقيقا") {
		return n, j + c + 1
	}
	return 0, j
}

// clock is a clock time read at some index.
type clock struct {
	h, m     int
	part     string
	lead     bool // الساعة, or hh:mm
	end      int  // the index after it
	partAt   int  // the index of its part-of-day word, -1 none
	hourWord bool // the hour is an ordinal word (السابعة)
}

// clockAt reads [الساعة] 10 | 10:30 | الثالثة [والنصف] [صباحا|من مساء] at j.
func (t *tagger) clockAt(j int) (clock, bool) {
	c := clock{h: -1, partAt: -1}
	if k := t.skey(j); k == "الساعه" || k == "ساعه" {
		c.lead = true
		j++
	}
	if v := t.num(j); c.lead && len(t.keys[j]) == 4 && v/100 <= 23 && v%100 <= 59 {
		// الساعة 1235 بتوقيت غرينتش: hours and minutes run together
		c.h, c.m = v/100, v%100
		j++
	} else if v >= 0 && v <= 24 && len(t.keys[j]) <= 2 {
		c.h = v
		j++
		if t.key(j) == ":" && t.isNum(j+1) && len(t.keys[j+1]) == 2 {
			c.m = t.num(j + 1)
			j += 2
			c.lead = true
		}
	} else if v, n := t.number(j, "ordinal-f"); n > 0 {
		c.h, c.hourWord = v, true
		j += n
		c.m, j = t.minutesAfter(j)
		if c.m < 0 { // إلا ربعا
			c.h, c.m = c.h-1, 60+c.m
		}
	}
	if c.h < 0 || c.m > 59 {
		return c, false
	}
	pj := j
	if t.key(j) == "من" {
		pj = j + 1 // الساعة السادسة من مساء غد
	}
	if pw, ok := partWords[t.key(pj)]; ok {
		c.part, c.partAt, j = pw, pj, pj+1
	} else if k := t.key(j); k == "ص" || k == "am" {
		c.part, j = "MO", j+1
	} else if k == "م" || k == "pm" {
		c.part, j = "EV", j+1
	}
	c.end = j
	return c, true
}

// hour24 is the hour of c on a 24-hour clock, or -1.
func (c clock) hour24() int {
	h := c.h
	switch c.part {
	case "AF", "EV":
		if h < 12 {
			h += 12
		}
	case "NI":
		if h >= 6 && h < 12 {
			h += 12
		}
	case "MI":
		if h < 6 {
			h += 12
		}
	case "MO":
		if h == 12 {
			h = 0
		}
	}
	if h > 23 {
		return -1
	}
	return h
}

// dayAfterClock reads the day a clock time is on, after its part of day
// (السابعة مساء أمس، من مساء الخميس المقبل), or after it (الساعة 10
// اليوم): the day's partial and the next index.
func (t *tagger) dayAfterClock(c clock) (*partial, int) {
	if c.partAt >= 0 {
		if dm := t.matchDayWord(c.partAt); dm != nil && dm.end > c.partAt+1 {
			q := dm.p
			q.part = ""
			return &q, dm.end
		}
	}
	return nil, c.end
}

// matchTime: 03:45 مساء، الساعة 10 مساء، الساعة الثالثة عصرا، 14:30 بتوقيت
// غرينتش، الساعة السادسة من مساء غد، السابعة مساء أمس; ranges: من الخامسة
// إلى السابعة مساء اليوم، بين العاشرة والثانية عشرة ظهرا، من الساعة 3 إلى 5
// مساء.
func (t *tagger) matchTime(i int) *match {
	if m := t.matchMidnight(i); m != nil {
		return m
	}
	j := i
	rangeLead := ""
	if k := t.skey(j); k == "من" || k == "بين" {
		rangeLead = k
		j++
	}
	c, ok := t.clockAt(j)
	if !ok {
		return nil
	}
	// a range: من X إلى/حتى Y، بين X و Y
	if rangeLead != "" {
		k := t.key(c.end)
		sep := c.end + 1
		if rangeLead == "بين" && strings.HasPrefix(k, "و") && k != "و" {
			sep = c.end // والثانية: the conjunction on the word
		}
		if rangeLead == "من" && (k == "الي" || k == "حتي" || k == "-" || k == "لغايه") || rangeLead == "بين" && strings.HasPrefix(k, "و") {
			var c2 clock
			var ok2 bool
			if sep == c.end {
				save := t.keys[sep]
				t.keys[sep] = k[len("و"):]
				c2, ok2 = t.clockAt(sep)
				t.keys[sep] = save
			} else {
				c2, ok2 = t.clockAt(sep)
			}
			if ok2 && (c.lead || c2.lead || c.part != "" || c2.part != "") {
				if c.part == "" && c2.part != "" {
					c1 := c
					c1.part = c2.part
					if h1, h2 := c1.hour24(), c2.hour24(); h1 >= 0 && h1 <= h2 {
						c = c1
					}
				}
				h1, h2 := c.hour24(), c2.hour24()
				if h1 < 0 || h2 < 0 {
					return nil
				}
				day, end := t.dayAfterClock(c2)
				p := partial{typ: "TIME", hh: h1, mm: c.m, hasTime: true, conf: 0.8, day: day}
				p.end = &partial{typ: "TIME", hh: h2, mm: c2.m, hasTime: true}
				return &match{start: i, end: t.zoneAfter(end), p: p, rule: "clock time range"}
			}
		}
		if rangeLead == "بين" {
			return nil
		}
	}
	if !c.lead && c.part == "" {
		return nil
	}
	if c.hourWord && !c.lead && !hourLead[t.skey(j-1)] && j > 0 && t.toks[j-1].Kind != text.Punct {
		return nil // الساعات الأولى من صباح الجمعة: no clock time
	}
	h := c.hour24()
	if h < 0 {
		return nil
	}
	day, end := t.dayAfterClock(c)
	p := partial{typ: "TIME", hh: h, mm: c.m, hasTime: true, conf: 0.85, day: day}
	return &match{start: j, end: t.zoneAfter(end), p: p, rule: "clock time"}
}

// hourLead are the words before an hour word with no الساعة (في السابعة
// مساء، عند الثامنة صباحا).
var hourLead = set("في فى عند حتى منذ قبل بعد من الى إلى نحو حوالي قرابة لغاية")

// zoneAfter: بتوقيت X is part of the expression.
func (t *tagger) zoneAfter(j int) int {
	if t.key(j) == "بتوقيت" || t.key(j) == "توقيت" {
		j += 2
		if t.key(j) == "غرينتش" || t.key(j) == "جرينتش" {
			j++
		}
	}
	return j
}

// matchMidnight: منتصف الليل، منتصف ليل الأحد، منتصف ليلة أمس — T24:00,
// the end of that day (TIMEX3 writes midnight at a day's end as 24:00).
func (t *tagger) matchMidnight(i int) *match {
	if t.skey(i) != "منتصف" {
		return nil
	}
	p := partial{typ: "TIME", hh: 24, mm: 0, hasTime: true, conf: 0.75}
	switch k := t.key(i + 1); {
	case k == "الليل":
		return &match{start: i, end: t.zoneAfter(i + 2), p: p, rule: "midnight"}
	case k == "ليل" || k == "ليله":
		if dm := t.matchDayWord(i + 1); dm != nil && dm.end > i+2 {
			q := dm.p
			q.part = ""
			p.day = &q
			return &match{start: i, end: t.zoneAfter(dm.end), p: p, rule: "midnight"}
		}
	}
	return nil
}
