package dates

// Holidays: named days dated by a rule from lexicon/data/holidays.tsv — a
// Hijri month and day (through the tabular calendar), a Gregorian month and
// day, Western or Orthodox Easter plus an offset, or the nth weekday of a
// month — and Hijri months named without a year (رمضان الماضي), as the
// range of the month.

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/rasad/rasad/lexicon"
)

// holiday is one rule of holidays.tsv.
type holiday struct {
	words []string
	rule  string // hijri gregorian easter-w easter-o nth
	month int
	day   int // day of the month, or offset from Easter, or weekday (nth)
	nth   int
	ref   string
}

// loadHolidays reads holidays.tsv into lex.holidays, by first word key,
// longest first; a bad line is a programming error in embedded data.
func loadHolidays(l *lexicons) {
	l.holidays = map[string][]holiday{}
	for _, e := range lexicon.MustLoad("holidays.tsv") {
		h := holiday{words: e.Words, rule: e.Field(0), ref: e.Ref()}
		h.month, _ = strconv.Atoi(e.Field(1))
		if a, b, ok := strings.Cut(e.Field(2), "/"); ok {
			h.nth, _ = strconv.Atoi(a)
			h.day, _ = strconv.Atoi(b)
		} else {
			h.day, _ = strconv.Atoi(e.Field(2))
		}
		switch h.rule {
		case "hijri", "gregorian", "easter-w", "easter-o", "nth":
		default:
			panic(fmt.Sprintf("%s: unknown holiday rule %q", e.Ref(), h.rule))
		}
		l.holidays[h.words[0]] = append(l.holidays[h.words[0]], h)
	}
	for k, hs := range l.holidays {
		for i := 1; i < len(hs); i++ {
			for j := i; j > 0 && len(hs[j].words) > len(hs[j-1].words); j-- {
				hs[j], hs[j-1] = hs[j-1], hs[j]
			}
		}
		l.holidays[k] = hs
	}
}

// holidayAt reads a holiday name at i (with a clitic و ب ل ف on its first
// word or not): the holiday, the number of tokens, and the clitic's bytes.
func (t *tagger) holidayAt(i int) (holiday, int, int) {
	k := t.key(i)
	cands, clitic := t.lex.holidays[k], 0
	if len(cands) == 0 {
		for _, p := range []string{"و", "ب", "ل", "ف"} {
			if strings.HasPrefix(k, p) {
				if c := t.lex.holidays[k[len(p):]]; len(c) > 0 {
					cands, clitic = c, len(p)
					break
				}
			}
		}
	}
	for _, h := range cands {
		if i+len(h.words) > len(t.keys) {
			continue
		}
		ok := true
		for j, w := range h.words[1:] {
			if t.keys[i+1+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return h, len(h.words), clitic
		}
	}
	return holiday{}, 0, 0
}

// dayOrdinals: أول/ثاني/ثالث/رابع أيام عيد الأضحى — the nth day of a feast.
var dayOrdinals = keyedInt(map[string]int{"أول": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "آخر": 0})

// matchHoliday: عيد الفطر، عيد الأضحى الماضي، أول أيام عيد الفطر، عيد
// الفصح 2023، رأس السنة الميلادية. A birthday (عيد الميلاد الـ70 للملك) is
// not Christmas.
func (t *tagger) matchHoliday(i int) *match {
	if !t.lex.holidayStarts[t.key(i)] {
		return nil
	}
	j, off := i, 0
	if n, ok := dayOrdinals[t.skey(i)]; ok && n > 0 && t.key(i+1) == "ايام" {
		off, j = n-1, i+2
	}
	h, n, clitic := t.holidayAt(j)
	if n == 0 || j > i && clitic > 0 {
		return nil
	}
	if j > i {
		clitic = 0
	}
	e := j + n
	if k := t.key(e); k == "ال" || t.isNum(e) && len(t.keys[e]) <= 3 {
		return nil // عيد الميلاد الـ70، عيد الميلاد 70: a birthday
	}
	if _, c := t.number(e, "ordinal"); c > 0 {
		return nil
	}
	p := partial{typ: "DATE", conf: 0.85, holiday: &h, dayOff: off}
	if y, hj, e2 := t.yearAt(e); y > 0 && hj == (h.rule == "hijri") {
		p.y, e = y, e2
	} else {
		e = t.modAt(e, &p)
		p.cur = false
	}
	return &match{start: i, end: e, p: p, rule: "holiday " + h.ref, skip: clitic}
}

// occurrence is the holiday's date in Gregorian year gy (for Hijri rules,
// in Hijri year gy).
func (h holiday) occurrence(y int) (time.Time, bool) {
	switch h.rule {
	case "hijri":
		return HijriToGregorian(y, h.month, h.day), true
	case "gregorian":
		if h.day > daysIn(y, h.month) {
			return time.Time{}, false
		}
		return time.Date(y, time.Month(h.month), h.day, 0, 0, 0, 0, time.UTC), true
	case "easter-w":
		return westernEaster(y).AddDate(0, 0, h.day), true
	case "easter-o":
		return orthodoxEaster(y).AddDate(0, 0, h.day), true
	case "nth":
		return nthWeekday(y, h.month, h.day, h.nth)
	}
	return time.Time{}, false
}

// hijriYear is the Hijri year whose first day is the last on or before A.
func hijriYear(A time.Time) int {
	y := int(float64(A.Year()-622)*33/32) + 1
	for HijriToGregorian(y, 1, 1).After(A) {
		y--
	}
	for !HijriToGregorian(y+1, 1, 1).After(A) {
		y++
	}
	return y
}

// resolveHoliday dates the holiday named in p against A: in the year given,
// or the occurrence the direction points at (explicit: strictly before or
// after A), or the nearest.
func resolveHoliday(p partial, A time.Time, dir int, explicit bool) (time.Time, bool) {
	h := *p.holiday
	if p.y > 0 {
		d, ok := h.occurrence(p.y)
		return d.AddDate(0, 0, p.dayOff), ok
	}
	base := A.Year()
	if h.rule == "hijri" {
		base = hijriYear(A)
	}
	var best time.Time
	bestDist := time.Duration(1 << 62)
	for y := base - 1; y <= base+1; y++ {
		d, ok := h.occurrence(y)
		if !ok {
			continue
		}
		d = d.AddDate(0, 0, p.dayOff)
		switch {
		case dir < 0 && (d.After(A) || explicit && d.Equal(A)):
			continue
		case dir > 0 && (d.Before(A) || explicit && d.Equal(A)):
			continue
		}
		dist := d.Sub(A)
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = d, dist
		}
	}
	return best, !best.IsZero()
}

// hijriMonthRange is the first and last day of Hijri month m that the
// direction points at from A (رمضان الماضي: the last one over; رمضان
// المقبل: the next to begin; otherwise the one under way or nearest).
func hijriMonthRange(A time.Time, m, dir int, explicit bool) (time.Time, time.Time) {
	span := func(y int) (time.Time, time.Time) {
		lo := HijriToGregorian(y, m, 1)
		ny, nm := y, m+1
		if nm > 12 {
			ny, nm = y+1, 1
		}
		return lo, HijriToGregorian(ny, nm, 1).AddDate(0, 0, -1)
	}
	base := hijriYear(A)
	var blo, bhi time.Time
	bestDist := time.Duration(1 << 62)
	for y := base - 1; y <= base+1; y++ {
		lo, hi := span(y)
		contains := !A.Before(lo) && !A.After(hi)
		switch {
		case dir < 0 && (lo.After(A) || explicit && contains):
			continue
		case dir > 0 && (hi.Before(A) || explicit && contains):
			continue
		}
		var dist time.Duration
		switch {
		case contains:
		case hi.Before(A):
			dist = A.Sub(hi)
		default:
			dist = lo.Sub(A)
		}
		if dist < bestDist {
			blo, bhi, bestDist = lo, hi, dist
		}
	}
	return blo, bhi
}

// westernEaster is Easter Sunday of the Gregorian computus (the anonymous
// Gregorian algorithm).
func westernEaster(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// orthodoxEaster is Easter Sunday of the Julian computus (Meeus), given in
// the Gregorian calendar (13 days later in 1900–2099, 14 from 2100).
func orthodoxEaster(y int) time.Time {
	a, b, c := y%4, y%7, y%19
	d := (19*c + 15) % 30
	e := (2*a + 4*b - d + 34) % 7
	month := (d + e + 114) / 31
	day := (d+e+114)%31 + 1
	julian := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	shift := y/100 - y/400 - 2
	return julian.AddDate(0, 0, shift)
}
