package dates

// Numeric dates: 2016/02/22, 21-04-2016, 22.02.2016, 14/2/24, 30-11-23,
// 31/12، 2025, and a day and month without a year (25-4, 7/4, 25.4).

import (
	"strconv"
	"strings"

	"github.com/rasad/rasad/text"
)

// numericLead are the words after which a bare day/month pair is a date
// (يوم 25-4، بتاريخ 7/4، الخميس 3/3).
var numericLead = set("يوم في فى بتاريخ تاريخ منذ حتى لغاية بحلول اعتبارا ابتداء ابتداء")

// fractions are a/b pairs read as fractions when nothing says date.
var fractions = map[[2]int]bool{{1, 2}: true, {1, 3}: true, {2, 3}: true, {1, 4}: true, {3, 4}: true, {1, 5}: true, {1, 8}: true, {1, 10}: true}

// matchNumeric: 2016/02/22, 22/02/2016, 21-04-2016, 22.02.2016, 14/2/24,
// 31/12، 2025, and d/m or d-m without a year.
func (t *tagger) matchNumeric(i int) *match {
	if !t.isNum(i) {
		return nil
	}
	// one token with dots: 22.02.2016, 3.5.24, or 25.4 after a date word
	if parts := strings.Split(t.keys[i], "."); len(parts) == 3 {
		a, _ := strconv.Atoi(parts[0])
		b, _ := strconv.Atoi(parts[1])
		c, _ := strconv.Atoi(parts[2])
		if p, ok := ymd(a, b, c, len(parts[0]), len(parts[2])); ok {
			return &match{start: i, end: i + 1, p: p, rule: "numeric date d.m.y"}
		}
		return nil
	} else if len(parts) == 2 {
		if !t.numericLead(i-1) || len(parts[0]) > 2 || len(parts[1]) > 2 {
			return nil
		}
		a, _ := strconv.Atoi(parts[0])
		b, _ := strconv.Atoi(parts[1])
		if p, ok := dayMonth(a, b); ok && t.smallAfter(i+1) {
			return &match{start: i, end: i + 1, p: p, rule: "numeric day.month"}
		}
		return nil
	}
	sep := t.key(i + 1)
	if sep != "/" && sep != "-" {
		return nil
	}
	a, b := t.num(i), t.num(i+2)
	if b < 0 || len(t.keys[i]) > 4 || len(t.keys[i+2]) > 2 {
		return nil
	}
	if t.key(i+3) == sep && t.isNum(i+4) {
		c := t.num(i + 4)
		if p, ok := ymd(a, b, c, len(t.keys[i]), len(t.keys[i+4])); ok {
			return &match{start: i, end: i + 5, p: p, rule: "numeric date"}
		}
		return nil
	}
	if len(t.keys[i]) > 2 {
		return nil
	}
	p, ok := dayMonth(a, b)
	if !ok {
		return nil
	}
	// 31/12، 2025: a year after a comma
	if t.key(i+3) == "," && t.isNum(i+4) && len(t.keys[i+4]) == 4 {
		if y := t.num(i + 4); y >= 1900 && y <= 2100 || y >= 1000 && y < 1900 && t.smallAfter(i+5) {
			p.y = y
			if validDay(p) {
				return &match{start: i, end: i + 5, p: p, rule: "numeric date d/m, y"}
			}
			return nil
		}
	}
	// a score (فاز 2-1) or a fraction (1/2) is no date: a pair without a
	// year needs a date word before it, except d/m that is no common
	// fraction and stands between words
	lead := t.numericLead(i - 1)
	if !lead {
		if sep != "/" || fractions[[2]int{a, b}] || b == 10 || i == 0 || t.toks[i-1].Kind != text.Word || i+3 < len(t.toks) && t.toks[i+3].Kind == text.Number || pctOrUnit(t.key(i+3)) {
			return nil
		}
		if k := t.key(i - 1); fractionLead[k] {
			return nil
		}
		if r := []rune(t.skey(i - 1)); len(r) < 4 || r[0] != 'ي' && r[0] != 'ت' || !t.openingImperfect(i-1) {
			return nil // فاز منتخب مصر 7/1، بالتعادل 2/2، عيار 14/5: no date
		}
	} else if sep == "-" && t.isNum(i+3) {
		return nil
	}
	if t.key(i+3) == "-" || t.key(i+3) == "/" || t.key(i+3) == "%" {
		return nil
	}
	return &match{start: i, end: i + 3, p: p, rule: "numeric day/month"}
}

// numericLead reports a date word (or weekday) at j.
func (t *tagger) numericLead(j int) bool {
	k := t.key(j)
	return numericLead[k] || numericLead[text.StripConj(k)] || t.lex.weekday(k) > 0
}

var fractionLead = set("نسبة بنسبة نسبه بنسبه بمعدل معدل حوالي نحو قرابة أكثر اكثر أقل اقل من بين نتيجة بنتيجة")

func pctOrUnit(k string) bool {
	_, unit := unitWords[k]
	return unit || k == "%" || k == "بالمئة" || k == "بالمائة" || k == "في"
}

// dayMonth reads an a/b pair as day/month, or month/day when only that
// fits (4/25).
func dayMonth(a, b int) (partial, bool) {
	p := partial{typ: "DATE", conf: 0.8}
	switch {
	case a >= 1 && a <= 31 && b >= 1 && b <= 12:
		p.d, p.m = a, b
	case a >= 1 && a <= 12 && b > 12 && b <= 31:
		p.d, p.m = b, a
	default:
		return p, false
	}
	return p, validDay(p)
}

// ymd reads a numeric date with the year first or last; a two-digit year
// last is 20yy up to 49 and 19yy from 50 (14/2/24, 30-11-23).
func ymd(a, b, c, la, lc int) (partial, bool) {
	p := partial{typ: "DATE", conf: 0.9}
	switch {
	case la == 4: // y m d
		p.y, p.m, p.d = a, b, c
	case lc == 4 && b > 12 && a <= 12: // m d y, only when the day says so
		p.y, p.m, p.d = c, a, b
	case lc == 4: // d m y
		p.y, p.m, p.d = c, b, a
	case lc == 2 && la <= 2: // d m yy
		p.y, p.m, p.d = 2000+c, b, a
		if c >= 50 {
			p.y = 1900 + c
		}
		p.conf = 0.8
	default:
		return p, false
	}
	if p.y < 1900 || p.y > 2100 || p.m < 1 || p.m > 12 || p.d < 1 || p.d > daysIn(p.y, p.m) {
		return p, false
	}
	return p, true
}
