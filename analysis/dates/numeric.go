package dates

// Numeric dates: 2016/02/22, 21-04-2016, 22.02.2016, 22/4.

import (
	"strconv"
	"strings"
)

// matchNumeric: 2016/02/22, 22/02/2016, 21-04-2016, 22.02.2016, and 22/4
// after a date word (في، يوم، بتاريخ).
func (t *tagger) matchNumeric(i int) *match {
	if !t.isNum(i) {
		return nil
	}
	// one token with dots: 22.02.2016
	if parts := strings.Split(t.keys[i], "."); len(parts) == 3 {
		a, _ := strconv.Atoi(parts[0])
		b, _ := strconv.Atoi(parts[1])
		c, _ := strconv.Atoi(parts[2])
		if p, ok := ymd(a, b, c, len(parts[0]), len(parts[2])); ok {
			return &match{start: i, end: i + 1, p: p, rule: "numeric date d.m.y"}
		}
		return nil
	}
	sep := t.key(i + 1)
	if sep != "/" && sep != "-" {
		return nil
	}
	a, b := t.num(i), t.num(i+2)
	if b < 0 {
		return nil
	}
	if t.key(i+3) == sep && t.isNum(i+4) {
		c := t.num(i + 4)
		if p, ok := ymd(a, b, c, len(t.keys[i]), len(t.keys[i+4])); ok {
			return &match{start: i, end: i + 5, p: p, rule: "numeric date"}
		}
		return nil
	}
	// d/m without a year needs a date word before it
	if sep == "/" && a >= 1 && a <= 31 && b >= 1 && b <= 12 && (t.key(i-1) == "في" || t.key(i-1) == "يوم" || t.key(i-1) == "بتاريخ" || t.key(i-1) == "تاريخ" || t.lex.weekday(t.key(i-1)) > 0) {
		p := partial{typ: "DATE", d: a, m: b, conf: 0.8}
		if validDay(p) {
			return &match{start: i, end: i + 3, p: p, rule: "numeric day/month"}
		}
	}
	return nil
}

func ymd(a, b, c, la, lc int) (partial, bool) {
	p := partial{typ: "DATE", conf: 0.9}
	switch {
	case la == 4: // y m d
		p.y, p.m, p.d = a, b, c
	case lc == 4: // d m y
		p.y, p.m, p.d = c, b, a
	default:
		return p, false
	}
	if p.y < 1900 || p.y > 2100 || p.m < 1 || p.m > 12 || p.d < 1 || p.d > daysIn(p.y, p.m) {
		return p, false
	}
	return p, true
}
