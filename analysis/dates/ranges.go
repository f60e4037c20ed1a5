package dates

// Ranges of months, years and dates with their ends named in full: من
// يناير إلى مارس، بين يناير ومارس الماضيين، من 2010 إلى 2015، من 28 فبراير
// إلى 3 مارس. (Days of one month, من 3 إلى 7 مارس, are matchDayMonth's;
// clock times, matchTime's.)

import (
	"fmt"
	"strings"
	"time"
)

// rangeSep reads the word joining the two ends after من (إلى، حتى، لغاية،
// -) or بين (و, apart or on the next word) at j: the index of the second
// end, or -1.
func (t *tagger) rangeSep(lead string, j int) int {
	k := t.key(j)
	switch {
	case lead == "من" && (k == "الي" || k == "حتي" || k == "لغايه" || k == "-"):
		return j + 1
	case lead == "بين" && k == "و":
		return j + 1
	case lead == "بين" && strings.HasPrefix(k, "و") && len(k) > len("و"):
		return j // ومارس، و2015: the conjunction on the word
	}
	return -1
}

// yearEnd reads a Gregorian year at j (و2015 is two tokens, و and 2015).
func (t *tagger) yearEnd(j int) (int, int) {
	if y, h, j2 := t.yearAtWide(j); y > 0 && !h {
		return y, j2
	}
	return 0, j
}

// matchRange: month–month, year–year, or day-month–day-month after من or
// بين.
func (t *tagger) matchRange(i int) *match {
	lead := t.skey(i)
	if lead != "من" && lead != "بين" {
		return nil
	}
	j := i + 1
	if yearWords[t.key(j)] && t.isNum(j+1) {
		j++ // من عام 2010 إلى عام 2015
	}
	// year – year
	if y1, j1 := t.yearEnd(j); y1 > 0 && t.isNum(j) {
		if j2 := t.rangeSep(lead, j1); j2 >= 0 {
			if yearWords[t.key(j2)] {
				j2++
			}
			if y2, j3 := t.yearEnd(j2); y2 > y1 && t.isNum(j2) {
				p := partial{typ: "DATE", y: y1, conf: 0.85, end: &partial{typ: "DATE", y: y2}}
				return &match{start: i, end: j3, p: p, rule: "year range"}
			}
		}
		return nil
	}
	// month – month [year] [modifier]
	if m1, j1 := t.monthAt(j); j1 > j && !m1.hijri {
		if j2 := t.rangeSep(lead, j1); j2 >= 0 {
			if m2, j3 := t.monthAt(j2); j3 > j2 && !m2.hijri {
				p := partial{typ: "DATE", m: m1.month, conf: 0.85, end: &partial{typ: "DATE", m: m2.month}, monthRange: true}
				if y, h, j4 := t.yearAtWide(j3); y > 0 && !h {
					p.end.y, j3 = y, j4
				} else if k := t.key(j3); pastMods[k] || k == "الماضيين" {
					p.dir, j3 = -1, j3+1
				} else if futureMods[k] || k == "المقبلين" || k == "القادمين" {
					p.dir, j3 = 1, j3+1
				}
				return &match{start: i, end: j3, p: p, rule: "month range"}
			}
		}
		return nil
	}
	// day month – day month [year]
	if m1 := t.matchDayMonth(j); m1 != nil && m1.start == j && m1.p.end == nil && !m1.p.hasUnit && !m1.p.hijri {
		if j2 := t.rangeSep(lead, m1.end); j2 >= 0 {
			if m2 := t.matchDayMonth(j2); m2 != nil && m2.start == j2 && m2.p.end == nil && !m2.p.hasUnit && !m2.p.hijri {
				p := m1.p
				e := m2.p
				p.end, p.monthRange = &e, true
				return &match{start: i, end: m2.end, p: p, rule: "date range"}
			}
		}
	}
	return nil
}

// resolveRange resolves a month or date range: the first end as a date of
// its own (with the year of the last end when only that has one), the
// last end in the year that keeps it after the first.
func (t *tagger) resolveRange(m match, anchor Anchor, sentDate map[int]time.Time) (string, string) {
	p := m.p
	first, last := p, *p.end
	first.end, first.monthRange = nil, false
	if last.y > 0 && first.y == 0 {
		first.y = last.y
		if first.m > last.m || first.m == last.m && first.d > last.d {
			first.y--
		}
	}
	v1, anc := t.resolve(match{start: m.start, end: m.end, p: first}, anchor, sentDate)
	if v1 == "" || len(v1) < 7 {
		return "", ""
	}
	y := last.y
	if y == 0 {
		var y1, m1 int
		fmt.Sscanf(v1[:7], "%d-%d", &y1, &m1)
		y = y1
		if last.m < m1 || last.m == m1 && last.d != 0 && len(v1) >= 10 && last.d < atoi2(v1[8:10]) {
			y++
		}
	}
	var v2 string
	if last.d != 0 {
		if last.d > daysIn(y, last.m) {
			return "", ""
		}
		v2 = fmt.Sprintf("%04d-%02d-%02d", y, last.m, last.d)
	} else {
		v2 = fmt.Sprintf("%04d-%02d", y, last.m)
	}
	if first.y > 0 && last.y > 0 {
		anc = "none"
	}
	return v1 + "/" + v2, anc
}

func atoi2(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}
