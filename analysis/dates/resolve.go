package dates

// Resolution: partial matches to TIMEX3 values against the anchor.

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// resolveAll turns matches into Timex values, in text order.
func (t *tagger) resolveAll(ms []match, anchor Anchor) []rasad.Timex {
	out := make([]rasad.Timex, 0, len(ms))
	// day-precision dates per sentence, for times without a date of their own
	sentDate := map[int]time.Time{}
	t.genericWeekdays(ms)
	ms = t.dropTitles(ms)
	vals := make([]string, len(ms))
	anchors := make([]string, len(ms))
	for pass := 0; pass < 2; pass++ {
		for idx, m := range ms {
			if (m.p.typ == "TIME") != (pass == 1) {
				continue
			}
			v, anc := t.resolve(m, anchor, sentDate)
			vals[idx], anchors[idx] = v, anc
			if m.p.typ == "DATE" && len(v) >= 4 && (len(v) == 4 || v[4] == '-' || v[4] == '/') {
				if y, err := strconv.Atoi(v[:4]); err == nil {
					t.toldYear, t.toldYearSent = y, t.sentOf(m.start)
					if anc == "none" && !m.p.compared {
						t.lastYear, t.lastYearSent = y, t.sentOf(m.start)
					}
				}
			}
			// «قبل ذلك بأسبوع» is told from the last date, not a new one to
			// count from
			if m.p.typ == "DATE" && len(v) >= 10 && (len(v) == 10 || v[10] == 'T') && !strings.HasSuffix(m.rule, "ذلك + quantity") {
				if d, err := time.Parse("2006-01-02", v[:10]); err == nil {
					t.lastDay = d
					if _, ok := sentDate[t.sentOf(m.start)]; !ok {
						sentDate[t.sentOf(m.start)] = d
					}
				}
			}
		}
	}
	for idx, m := range ms {
		if vals[idx] == "" {
			continue
		}
		s, e := t.span(m.start, m.end)
		if m.skip > 0 && s == t.toks[m.start].Start {
			s += m.skip
			for strings.HasPrefix(t.src[s:], "\u0640") { // بـالمولد: the tatweel too
				s += len("\u0640")
			}
		}
		out = append(out, rasad.Timex{
			Span: rasad.Span{Start: s, End: e}, Text: t.src[s:e], Type: m.p.typ, Value: vals[idx],
			Mod: m.p.mod, Anchor: anchors[idx], Rule: m.rule, Confidence: m.p.conf,
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// resolve computes one expression's value and what it was anchored to.
func (t *tagger) resolve(m match, anchor Anchor, sentDate map[int]time.Time) (string, string) {
	p := m.p
	if p.value == "-" {
		return "", ""
	}
	if p.weekRank != 0 && p.inner != nil {
		v, anc := t.resolve(*p.inner, anchor, sentDate)
		if w := weekOfPeriod(v, p.weekRank); w != "" {
			return w, anc
		}
		return "", ""
	}
	if p.monthRange && p.end != nil {
		return t.resolveRange(m, anchor, sentDate)
	}
	if p.value != "" {
		return p.value, "none"
	}
	if p.typ == "TIME" {
		date, anc := "", anchor.Kind
		if p.day != nil {
			if v, a := t.resolve(match{start: m.start, end: m.end, p: *p.day}, anchor, sentDate); len(v) >= 10 {
				date, anc = v[:10], a
			}
		}
		if date == "" {
			if d, ok := sentDate[t.sentOf(m.start)]; ok {
				date, anc = d.Format("2006-01-02"), "text"
			} else if anchor.Valid() {
				date = anchor.Date.Format("2006-01-02")
			} else {
				date, anc = "XXXX-XX-XX", "none"
			}
		}
		v := fmt.Sprintf("%sT%02d:%02d", date, p.hh, p.mm)
		if p.end != nil {
			v += fmt.Sprintf("/%sT%02d:%02d", date, p.end.hh, p.end.mm)
		}
		return v, anc
	}
	if p.season != "" {
		if !anchor.Valid() {
			return "", ""
		}
		if p.unit == "Y" {
			return fmt.Sprintf("%04d-%s", anchor.Date.Year()+p.unitOff, p.season), anchor.Kind
		}
		return fmt.Sprintf("%04d-%s", seasonYear(anchor.Date, p.season, p.unitOff), p.season), anchor.Kind
	}
	if p.half > 0 {
		return partOfYear(p, anchor, "H", p.half)
	}
	if p.quarter > 0 {
		return partOfYear(p, anchor, "Q", p.quarter)
	}
	if p.nth != 0 && p.y > 0 {
		if d, ok := nthOrDay(p.y, p.m, p.wd, p.nth); ok {
			return d.Format("2006-01-02"), "none"
		}
		return "", ""
	}
	if p.holiday != nil && p.y > 0 {
		d, ok := resolveHoliday(p, time.Time{}, 0, false)
		if !ok {
			return "", ""
		}
		return d.Format("2006-01-02"), "none"
	}
	// a day that names an event: هجمات 11 سبتمبر is 2001's
	if p.y == 0 && p.m != 0 && p.d != 0 && !p.hijri && p.end == nil && !p.cur && p.dir == 0 {
		if y := t.namedDayYear(m.start, p.m, p.d); y > 0 {
			p.y = y
			m.p = p
		}
	}
	// fully absolute
	if p.y > 0 && !p.hasUnit {
		v := absValue(p)
		if p.end != nil {
			e := *p.end
			if e.y == 0 {
				e.y = p.y
			}
			if e.m == 0 {
				e.m = p.m
			}
			e.hijri = p.hijri
			v += "/" + absValue(e)
		}
		if p.wd != 0 && p.d != 0 && !p.hijri {
			if d, err := time.Parse("2006-01-02", v[:10]); err == nil && isoWeekday(d) != p.wd {
				// the weekday contradicts the date: keep the date, trust it less
				m.p.conf = 0.6
			}
		}
		return v, "none"
	}
	if !anchor.Valid() {
		return "", ""
	}
	A := anchor.Date
	dir := p.dir
	if dir == 0 && !p.cur {
		dir = t.clauseDirection(m)
	}
	switch {
	case p.onYear != 0:
		if A.Day() > daysIn(p.onYear, int(A.Month())) {
			return "", ""
		}
		return fmt.Sprintf("%04d-%02d-%02d", p.onYear, A.Month(), A.Day()), anchor.Kind
	case p.holiday != nil:
		d, ok := resolveHoliday(p, A, dir, p.dir != 0)
		if !ok {
			return "", ""
		}
		return d.Format("2006-01-02"), anchor.Kind
	case p.hijriSpan:
		lo, hi := hijriMonthRange(A, p.m, dir, p.dir != 0)
		return lo.Format("2006-01-02") + "/" + hi.Format("2006-01-02"), anchor.Kind
	case p.nth != 0:
		var y, mo int
		if p.hasUnit {
			mm := time.Date(A.Year(), A.Month()+time.Month(p.unitOff), 1, 0, 0, 0, 0, time.UTC)
			y, mo = mm.Year(), int(mm.Month())
		} else {
			y, mo = pickYear(A, p.m, 0, dir, p.dir != 0), p.m
		}
		if d, ok := nthOrDay(y, mo, p.wd, p.nth); ok {
			return d.Format("2006-01-02"), anchor.Kind
		}
		return "", ""
	case p.hasWeek:
		mon := A.AddDate(0, 0, 7*p.weekOff-(isoWeekday(A)-1))
		return partOfDay(mon.AddDate(0, 0, p.wd-1), p.part), anchor.Kind
	case p.wd != 0 && p.d != 0 && p.m == 0:
		return partOfDay(weekdayDay(A, p.wd, p.d, dir), p.part), anchor.Kind
	case p.d != 0 && p.m == 0 && !p.hasUnit && !p.hasDayOff:
		d, ok := monthDay(A, p.d, dir)
		if !ok {
			return "", ""
		}
		return d.Format("2006-01-02"), anchor.Kind
	case p.hasDayOff:
		base, kind := A, anchor.Kind
		if p.anaphoric && !t.lastDay.IsZero() {
			base, kind = t.lastDay, "text"
		}
		d := base.AddDate(0, 0, p.dayOff)
		if p.hasUnit {
			if p.unit == "Y" && p.anaphoric && t.toldYear != 0 {
				// بعد ذلك بعامين after «العام 1973»: the years count from the
				// last year told, of whatever precision
				return strconv.Itoa(t.toldYear + p.unitOff), "text"
			}
			d = addUnits(base, p.unit, p.unitOff)
			if p.unit == "Y" {
				return strconv.Itoa(d.Year()), kind
			}
		}
		v := d.Format("2006-01-02")
		if p.part != "" {
			v += "T" + p.part
		}
		return v, kind
	case p.wd != 0 && p.m == 0:
		d := resolveWeekday(A, p.wd, dir, p.dir != 0)
		if p.beforeLast {
			d = d.AddDate(0, 0, -7)
		}
		v := d.Format("2006-01-02")
		if p.part != "" {
			v += "T" + p.part
		}
		return v, anchor.Kind
	case p.hasUnit && p.d != 0: // الـ12 من الشهر الجاري
		mm := time.Date(A.Year(), A.Month()+time.Month(p.unitOff), 1, 0, 0, 0, 0, time.UTC)
		if p.unit == "Y" {
			mm = time.Date(A.Year()+p.unitOff, time.Month(p.m), 1, 0, 0, 0, 0, time.UTC)
		}
		if p.d > daysIn(mm.Year(), int(mm.Month())) {
			return "", ""
		}
		v := fmt.Sprintf("%04d-%02d-%02d", mm.Year(), mm.Month(), p.d)
		if p.end != nil {
			v += fmt.Sprintf("/%04d-%02d-%02d", mm.Year(), mm.Month(), p.end.d)
		}
		return v, anchor.Kind
	case p.hasUnit && p.m != 0: // يناير من العام الماضي
		return fmt.Sprintf("%04d-%02d", A.Year()+p.unitOff, p.m), anchor.Kind
	case p.hasUnit && p.prevOf && t.lastYear != 0 && t.lastYear != A.Year() && t.sentOf(m.start)-t.lastYearSent <= 1:
		// العام السابق after «في 2019»: the year before the one just told
		return strconv.Itoa(t.lastYear - 1), "text"
	case p.hasUnit && p.after && !p.hasDayOff && t.clauseDirection(m) < 0:
		// «وبعد عامين عاد»: after the date just told, not from now
		if t.toldYear == 0 || t.sentOf(m.start)-t.toldYearSent > 2 || p.unit != "Y" {
			return "", ""
		}
		return strconv.Itoa(t.toldYear + p.unitOff), "text"
	case p.hasUnit && p.weekend:
		return periodValue(A, p.unit, p.unitOff, "") + "-WE", anchor.Kind
	case p.hasUnit:
		return periodValue(A, p.unit, p.unitOff, p.mod), anchor.Kind
	case p.m != 0 && p.d != 0: // day and month without year
		y := A.Year()
		if !p.cur {
			y = pickYear(A, p.m, p.d, dir, p.dir != 0)
		}
		if p.d > daysIn(y, p.m) {
			return "", ""
		}
		v := fmt.Sprintf("%04d-%02d-%02d", y, p.m, p.d)
		if p.end != nil {
			v += fmt.Sprintf("/%04d-%02d-%02d", y, p.m, p.end.d)
		}
		return v, anchor.Kind
	case p.m != 0: // month without year
		y := A.Year()
		if p.dir == 0 && p.mod == "" && m.start > 0 && t.toks[m.start-1].Kind == text.Word && !dateLead[t.key(m.start-1)] && !dateLead[t.skey(m.start-1)] && !complementizers[t.key(m.start-1)] && !functionWords[t.skey(m.start-1)] {
			// a month that qualifies a noun (عقود تسليم أبريل، اجتماع يونيو)
			// is not dated by the clause's verb: the nearest one
			dir = 0
		}
		if !p.cur {
			y = pickYear(A, p.m, 0, dir, p.dir != 0)
		}
		return fmt.Sprintf("%04d-%02d", y, p.m), anchor.Kind
	}
	return "", ""
}

// partOfYear writes a half (H) or quarter (Q) of the year the text gives,
// or else of the anchor's year moved by the expression's offset.
func partOfYear(p partial, anchor Anchor, unit string, n int) (string, string) {
	switch {
	case p.y > 0:
		return fmt.Sprintf("%04d-%s%d", p.y, unit, n), "none"
	case anchor.Valid():
		return fmt.Sprintf("%04d-%s%d", anchor.Date.Year()+p.unitOff, unit, n), anchor.Kind
	}
	return "", ""
}

func absValue(p partial) string {
	y, m, d := p.y, p.m, p.d
	if p.hijri {
		// the tabular calendar is a day off official ones half of the time
		if m == 0 {
			// a Hijri year spans two Gregorian years; name the one it starts in
			g := HijriToGregorian(y, 1, 1)
			return strconv.Itoa(g.Year())
		}
		if d == 0 {
			g := HijriToGregorian(y, m, 1)
			return g.Format("2006-01")
		}
		return HijriToGregorian(y, m, d).Format("2006-01-02")
	}
	switch {
	case m == 0:
		switch p.mod {
		case "START":
			return fmt.Sprintf("%04d-01", y)
		case "END":
			return fmt.Sprintf("%04d-12", y)
		}
		return fmt.Sprintf("%04d", y)
	case d == 0:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func isoWeekday(d time.Time) int {
	w := int(d.Weekday())
	if w == 0 {
		return 7
	}
	return w
}

// resolveWeekday finds the date of weekday wd relative to A. An explicit
// modifier (الماضي/المقبل) excludes A itself; a direction read from the
// clause does not; with no direction the nearest one wins, the past on a tie.
func resolveWeekday(A time.Time, wd, dir int, explicit bool) time.Time {
	aw := isoWeekday(A)
	fwd := (wd - aw + 7) % 7
	back := (aw - wd + 7) % 7
	switch {
	case dir < 0:
		if back == 0 && explicit {
			back = 7
		}
		return A.AddDate(0, 0, -back)
	case dir > 0:
		if fwd == 0 && explicit {
			fwd = 7
		}
		return A.AddDate(0, 0, fwd)
	}
	if back <= fwd {
		return A.AddDate(0, 0, -back)
	}
	return A.AddDate(0, 0, fwd)
}

// pickYear chooses the year of a month (and day) named without one: the
// latest not after A for the past, the earliest not before A for the future
// (strictly, with an explicit modifier), the nearest otherwise.
func pickYear(A time.Time, m, d, dir int, explicit bool) int {
	best, bestDist := A.Year(), int64(1<<62)
	for y := A.Year() - 1; y <= A.Year()+1; y++ {
		var lo, hi time.Time
		if d == 0 {
			lo = time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
			hi = lo.AddDate(0, 1, -1)
		} else {
			if d > daysIn(y, m) {
				continue
			}
			lo = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
			hi = lo
		}
		contains := !A.Before(lo) && !A.After(hi)
		switch {
		case dir < 0 && (lo.After(A) || explicit && contains && d == 0 || explicit && d != 0 && !hi.Before(A)):
			continue
		case dir > 0 && (hi.Before(A) || explicit && contains && d == 0 || explicit && d != 0 && !lo.After(A)):
			continue
		}
		var dist int64
		switch {
		case contains:
			dist = 0
		case hi.Before(A):
			dist = int64(A.Sub(hi))
		default:
			dist = int64(lo.Sub(A))
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// periodValue: the week, month or year off units from A's.
func periodValue(A time.Time, unit string, off int, mod string) string {
	switch unit {
	case "D":
		return A.AddDate(0, 0, off).Format("2006-01-02")
	case "W":
		y, w := A.AddDate(0, 0, 7*off).ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case "M":
		d := time.Date(A.Year(), A.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
		return d.Format("2006-01")
	case "C":
		return fmt.Sprintf("%02d", (A.Year()-1)/100+off)
	case "Y":
		y := A.Year() + off
		switch mod {
		case "START":
			return fmt.Sprintf("%04d-01", y)
		case "END":
			return fmt.Sprintf("%04d-12", y)
		}
		return strconv.Itoa(y)
	}
	return ""
}

func partOfDay(d time.Time, part string) string {
	v := d.Format("2006-01-02")
	if part != "" {
		v += "T" + part
	}
	return v
}

// nthWeekday is the nth weekday wd of month m of year y (n = -1: the last).
func nthWeekday(y, m, wd, n int) (time.Time, bool) {
	if m < 1 || m > 12 || wd < 1 {
		return time.Time{}, false
	}
	if n < 0 {
		last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
		return last.AddDate(0, 0, -((isoWeekday(last) - wd + 7) % 7)), true
	}
	first := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	d := first.AddDate(0, 0, (wd-isoWeekday(first)+7)%7+7*(n-1))
	if int(d.Month()) != m {
		return time.Time{}, false
	}
	return d, true
}

// monthDay is day d of the anchor's month, or of the month before (after)
// it when the clause speaks of the past (future) and the day is not yet
// (no longer) there.
func monthDay(A time.Time, d, dir int) (time.Time, bool) {
	off := 0
	switch {
	case dir < 0 && d > A.Day():
		off = -1
	case dir > 0 && d < A.Day():
		off = 1
	}
	first := time.Date(A.Year(), A.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
	if d > daysIn(first.Year(), int(first.Month())) {
		return time.Time{}, false
	}
	return first.AddDate(0, 0, d-1), true
}

// weekdayDay is the date with day number d whose weekday is wd nearest to
// A (الخميس 21): the weekday checks which month is meant. When none fits
// within two months, the day of the anchor's month.
func weekdayDay(A time.Time, wd, d, dir int) time.Time {
	best, bestDist := time.Time{}, 1<<30
	for off := -2; off <= 2; off++ {
		first := time.Date(A.Year(), A.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
		if d > daysIn(first.Year(), int(first.Month())) {
			continue
		}
		c := first.AddDate(0, 0, d-1)
		if isoWeekday(c) != wd {
			continue
		}
		dist := int(c.Sub(A).Hours() / 24)
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = c, dist
		}
	}
	if best.IsZero() {
		if c, ok := monthDay(A, d, dir); ok {
			return c
		}
		return A
	}
	return best
}

// addUnits is d moved by n units (D W M Y).
func addUnits(d time.Time, unit string, n int) time.Time {
	switch unit {
	case "W":
		return d.AddDate(0, 0, 7*n)
	case "M":
		return d.AddDate(0, n, 0)
	case "Y":
		return d.AddDate(n, 0, 0)
	}
	return d.AddDate(0, 0, n)
}

// genericWeekdays: in a sentence that names a weekday of every week (كل
// يوم خميس، عدا الجمعة), the bare weekdays are days of a schedule too (سوق
// يقام الأربعاء والخميس من كل أسبوع), SETs, and "that day" refers to none.
func (t *tagger) genericWeekdays(ms []match) {
	sched, yearly := map[int]bool{}, map[int]bool{}
	for _, m := range ms {
		if m.p.typ == "SET" && strings.HasPrefix(m.p.value, "XXXX-WXX-") {
			sched[t.sentOf(m.start)] = true
		}
		if m.p.typ == "SET" && m.p.value == "P1Y" {
			yearly[t.sentOf(m.start)] = true
		}
	}
	// ينعقد سنويا في أيلول: a month of every year
	for i := range ms {
		p := &ms[i].p
		if yearly[t.sentOf(ms[i].start)] && p.typ == "DATE" && p.m != 0 && p.y == 0 && p.dir == 0 && !p.cur && !p.hijri && p.end == nil && p.value == "" && p.holiday == nil && p.mod == "" {
			p.typ = "SET"
			if p.d != 0 {
				p.value = fmt.Sprintf("XXXX-%02d-%02d", p.m, p.d)
			} else {
				p.value = fmt.Sprintf("XXXX-%02d", p.m)
			}
			ms[i].rule += " (of every year)"
		}
	}
	if len(sched) == 0 {
		return
	}
	for i := range ms {
		p := &ms[i].p
		if !sched[t.sentOf(ms[i].start)] || p.typ != "DATE" {
			continue
		}
		switch {
		case p.wd != 0 && !p.hasDayOff && p.dir == 0 && p.d == 0 && p.m == 0 && !p.hasWeek && p.nth == 0:
			p.typ, p.value = "SET", fmt.Sprintf("XXXX-WXX-%d", p.wd)
			ms[i].rule += " (of a schedule)"
		case p.anaphoric:
			p.value = "-" // dropped below
		}
	}
}

// workNouns name works whose titles are quoted: فيلم «يوم الأحد»، أغنية "الليلة".
var workNouns = set(`فيلم فيلمه فيلمها الفيلم مسلسل مسلسله المسلسل أغنية اغنية أغنيه اغنيه الأغنية الاغنية أغنيته رواية روايه الرواية روايته كتاب كتابه الكتاب
برنامج برنامجه البرنامج قصيدة قصيده القصيدة قصيدته ديوان ديوانه الديوان مسرحية مسرحيه المسرحية ألبوم البوم ألبومه البومه الألبوم عنوان بعنوان لوحة لوحته
عمل عمله مجلة صحيفة جريدة حملة حمله مبادرة هاشتاغ وسم`)

// dropTitles removes the expressions inside a quoted title after a work
// noun (فيلم «الخميس الأسود»، أغنية "ليلة أمس"): they name, not date.
func (t *tagger) dropTitles(ms []match) []match {
	out := ms[:0]
	for _, m := range ms {
		if !t.inTitle(m) {
			out = append(out, m)
		}
	}
	return out
}

// inTitle: the tokens before m, back to an opening quote with only words
// between, follow a work noun, and a closing quote comes after m before
// any sentence punctuation.
func (t *tagger) inTitle(m match) bool {
	open := -1
	for k := m.start - 1; k >= 0 && k >= m.start-8; k-- {
		if t.toks[k].Kind != text.Punct {
			continue
		}
		if isQuote(t.keys[k]) {
			open = k
		}
		break
	}
	noun := false
	for k := open - 1; k >= 0 && k >= open-4 && t.toks[k].Kind == text.Word; k-- {
		if workNouns[t.key(k)] || workNouns[t.skey(k)] {
			noun = true
			break
		}
	}
	if !noun {
		return false
	}
	for k := m.end; k < len(t.toks) && k < m.end+8; k++ {
		if t.toks[k].Kind == text.Punct {
			return isQuote(t.keys[k])
		}
	}
	return false
}

func isQuote(k string) bool {
	switch k {
	case "«", "»", "\"", "“", "”", "'", "‘", "’":
		return true
	}
	return false
}

// nthOrDay reads "الأحد الرابع من مارس": the 4th of March when that day is
// a Sunday (the weekday then checks the date), else the fourth Sunday.
func nthOrDay(y, m, wd, n int) (time.Time, bool) {
	if n >= 1 && n <= 5 && m >= 1 && m <= 12 {
		if d := time.Date(y, time.Month(m), n, 0, 0, 0, 0, time.UTC); isoWeekday(d) == wd {
			return d, true
		}
	}
	return nthWeekday(y, m, wd, n)
}

// namedDayYear is the year of a day and month that follow an event noun of
// lexicon/data/named_days.tsv (بهجمات 11 سبتمبر، ثورة 25 يناير), or 0.
func (t *tagger) namedDayYear(i, m, d int) int {
	k := t.skey(i - 1)
	ms, ds := strconv.Itoa(m), strconv.Itoa(d)
	for _, c := range []string{"", "ب", "ل", "ك"} {
		if strings.HasPrefix(k, c) {
			if y := t.lex.namedDays[[3]string{k[len(c):], ms, ds}]; y > 0 {
				return y
			}
		}
	}
	return 0
}
