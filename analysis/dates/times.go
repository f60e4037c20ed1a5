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
	n, c := t.lex.number(t.keys, j, "cardinal")
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

// matchTime: 03:45 مساء، الساعة 10 مساء، الساعة الثالثة عصرا، 14:30 بتوقيت غرينتش.
func (t *tagger) matchTime(i int) *match {
	j := i
	lead := false
	if k := text.StripConj(t.key(j)); k == "الساعه" || k == "ساعه" {
		lead = true
		j++
	}
	h, m := -1, 0
	if v := t.num(j); v >= 0 && v <= 24 {
		h = v
		j++
		if t.key(j) == ":" && t.isNum(j+1) && len(t.keys[j+1]) == 2 {
			m = t.num(j + 1)
			j += 2
			lead = true
		}
	} else if v, n := t.lex.number(t.keys, j, "ordinal-f"); n > 0 && lead {
		h = v
		j += n
		m, j = t.minutesAfter(j)
		if m < 0 { // إلا ربعا
			h, m = h-1, 60+m
		}
	}
	if h < 0 || m > 59 {
		return nil
	}
	part := ""
	if pw, ok := partWords[t.key(j)]; ok {
		part = pw
		j++
	} else if k := t.key(j); k == "ص" || k == "am" {
		part, j = "MO", j+1
	} else if k == "م" || k == "pm" {
		part, j = "EV", j+1
	}
	if !lead && part == "" {
		return nil
	}
	if part == "" && !lead {
		return nil
	}
	switch part {
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
		return nil
	}
	// بتوقيت X: the zone is part of the expression
	if t.key(j) == "بتوقيت" || t.key(j) == "توقيت" {
		j += 2
		if t.key(j) == "غرينتش" || t.key(j) == "جرينتش" {
			j++
		}
	}
	p := partial{typ: "TIME", hh: h, mm: m, hasTime: true, conf: 0.85}
	return &match{start: i, end: j, p: p, rule: "clock time"}
}
