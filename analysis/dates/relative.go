package dates

// Relative days (اليوم، أمس، الأربعاء المقبل), offsets and durations, vague references and sets.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rasad/rasad/text"
)

// matchDayWord: اليوم، أمس، غدا، بعد غد، أول أمس، أمس الأول، مساء أمس، فجر اليوم،
// اليوم الجمعة، أمس الخميس، بعد غد الأربعاء، [يوم] الأربعاء [المقبل]،
// مساء الأحد، الليلة.
func (t *tagger) matchDayWord(i int) *match {
	j := i
	p := partial{typ: "DATE", conf: 0.9}
	rule := ""
	part, ok := partWords[t.key(j)] // فجر before text.StripConj reads it as ف + جر
	if !ok {
		part, ok = partWords[t.skey(j)]
	}
	if k := t.skey(j); k == "بعد" && (t.key(j+1) == "ظهر" || t.key(j+1) == "الظهر") {
		part, ok = "AF", true // بعد ظهر الثلاثاء: the afternoon
		j++
	}
	if ok {
		p.part = part
		j++
		if t.key(j) == "يوم" {
			j++
		} else if t.key(j) == "هذا" && t.key(j+1) == "اليوم" {
			j++ // فجر هذا اليوم: today's dawn
		}
	} else if t.skey(j) == "هذا" && (t.key(j+1) == "الصباح" || t.key(j+1) == "المساء") {
		// هذا الصباح، هذا المساء: today
		p.hasDayOff, p.part = true, map[string]string{"الصباح": "MO", "المساء": "EV"}[t.key(j+1)]
		return &match{start: i, end: j + 2, p: p, rule: "this morning/evening"}
	}
	if t.skey(j) == "هذا" && t.key(j+1) == "اليوم" && t.skey(j-1) == "مثل" && t.key(j+2) == "من" {
		// في مثل هذا اليوم من عام 1948: this day of the month in that year
		k := j + 3
		if yearWords[t.key(k)] {
			k++
		}
		if y, h, k2 := t.yearAt(k); y > 0 && !h {
			p.onYear = y
			return &match{start: i, end: k2, p: p, rule: "this day in a year"}
		}
	}
	k := t.skey(j)
	switch {
	case todayW[k] && anaphoricDay[t.key(j+1)] != 0:
		// اليوم التالي، اليوم السابق، اليوم نفسه: counted from the date just told
		p.hasDayOff, p.dayOff, p.anaphoric, rule = true, anaphoricDay[t.key(j+1)]-2, true, "the next/previous/same day"
		j += 2
	case (k == "ذلك" || k == "نفس") && t.key(j+1) == "اليوم" && !dayAdjectives[t.key(j+2)]:
		p.hasDayOff, p.anaphoric, rule = true, true, "that day"
		j += 2
	case todayW[k]:
		if excludedToday(t, j) {
			return nil
		}
		p.hasDayOff, p.dayOff, rule = true, 0, "today"
		j++
	case yesterdayW[k] && (t.key(j+1) == "الاول" || t.key(j+1) == "الأول"):
		p.hasDayOff, p.dayOff, rule = true, -2, "day before yesterday"
		j += 2
	case yesterdayW[k]:
		p.hasDayOff, p.dayOff, rule = true, -1, "yesterday"
		j++
	case tomorrowW[k] || p.part != "" && k == "غد":
		p.hasDayOff, p.dayOff, rule = true, 1, "tomorrow"
		j++
	case k == "يوم" && (t.key(j+1) == "غد" || t.key(j+1) == "الغد"):
		p.hasDayOff, p.dayOff, rule = true, 1, "tomorrow"
		j += 2
	case k == "بعد" && (t.key(j+1) == "غد" || t.key(j+1) == "الغد"):
		p.hasDayOff, p.dayOff, rule = true, 2, "day after tomorrow"
		j += 2
	case (k == "اول" || k == "أول") && yesterdayW[t.key(j+1)]:
		p.hasDayOff, p.dayOff, rule = true, -2, "day before yesterday"
		j += 2
	case (k == "اول" || k == "أول") && t.key(j+1) == "من" && yesterdayW[t.key(j+2)]:
		p.hasDayOff, p.dayOff, rule = true, -2, "day before yesterday"
		j += 3
	case k == "قبل" && yesterdayW[t.key(j+1)]:
		p.hasDayOff, p.dayOff, rule = true, -2, "day before yesterday"
		j += 2
	case k == "قبل" && t.key(j+1) == "يوم" && yesterdayW[t.key(j+2)]:
		p.hasDayOff, p.dayOff, rule = true, -2, "day before yesterday"
		j += 3
	case k == "الليله" && p.part == "" && pastMods[t.key(j+1)]:
		p.hasDayOff, p.dayOff, p.part, rule = true, -1, "NI", "last night"
		j += 2
	case k == "الليله" && p.part == "" && futureMods[t.key(j+1)]:
		p.hasDayOff, p.dayOff, p.part, rule = true, 0, "NI", "tonight"
		j += 2
	case k == "الليله" && p.part == "":
		p.hasDayOff, p.dayOff, p.part, rule = true, 0, "NI", "tonight"
		j++
	}
	// a weekday after the day word or part of day, or alone
	jw := j
	wdOf := t.lex.weekday
	if t.key(jw) == "يوم" {
		jw++
		wdOf = t.lex.bareWeekday
	}
	if wd := wdOf(t.key(jw)); wd > 0 && !notWeekday(t, jw) {
		p.wd = wd
		j = jw + 1
		if rule == "" {
			rule = "weekday"
		} else {
			rule += " + weekday"
		}
		if !p.hasDayOff {
			j = t.modAt(j, &p)
			p.cur = false
			if p.dir == 0 && t.key(j) == "قبل" && pastMods[t.key(j+1)] {
				// الثلاثاء قبل الماضي: the Tuesday before last
				p.dir, p.beforeLast, j, rule = -1, true, j+2, rule+" before last"
			}
			if p.dir == 0 {
				j, rule = t.weekdayDetail(j, &p, rule)
			}
		}
		// ليل الثلاثاء-الأربعاء، ليلة السبت الأحد: the night between them is
		// the first day's
		if p.part == "NI" {
			k := j
			if t.key(k) == "-" || t.key(k) == "/" || t.key(k) == "الى" || t.key(k) == "علي" {
				k++
			}
			if wd2 := t.lex.weekday(t.key(k)); wd2 > 0 && wd2 == p.wd%7+1 {
				j, rule = k+1, rule+" (night to the next day)"
			}
		}
	}
	if rule == "" {
		return nil
	}
	if p.wd == 0 && !p.hasDayOff {
		return nil
	}
	if p.part != "" && !strings.Contains(rule, "part") {
		rule = "part of day + " + rule
	}
	return &match{start: i, end: j, p: p, rule: rule}
}

// anaphoricDay: the day word after اليوم that counts from the date just
// told, as offset+2 (0 is no such word).
var anaphoricDay = keyedInt(map[string]int{"التالي": 3, "الموالي": 3, "اللاحق": 3, "السابق": 1, "نفسه": 2, "ذاته": 2})

// notWeekday: الاثنين that means "the two" (نحن الاثنين، كلا الاثنين).
func notWeekday(t *tagger, j int) bool {
	if namedBefore[t.skey(j-1)] || namedBefore[t.key(j-1)] {
		return true // سوق الخميس، صلاة الجمعة: a name, not a date
	}
	if t.key(j) != "الاثنين" {
		return false
	}
	return twoBefore[t.key(j-1)] || t.key(j+1) == "معا"
}

var namedBefore = set("وادي وادى سوق صلاة صلاه خطبة خطبه صلوات لصلاة لصلاه وصلاة بصلاة")

var twoBefore = set("نحن كلا كلتا هذين هاتين هما أنتما انتما بين")

// excludedToday: اليوم that is not today (روسيا اليوم، اليوم العالمي،
// اليوم الأول، ذلك اليوم).
func excludedToday(t *tagger, j int) bool {
	next := t.key(j + 1)
	prev := t.key(j - 1)
	switch {
	case outletBefore[prev]:
		return true
	case dayAdjectives[next]:
		return true
	case prev == "ذلك" || prev == "نفس" || prev == "هذا" && next != "" && dayAdjectives[next]:
		return true
	}
	if _, n := t.number(j+1, "ordinal"); n > 0 {
		return true
	}
	return false
}

var (
	outletBefore  = set("روسيا مصر المصري أخبار اخبار الوطن العرب فلسطين لبنان عمان الأردن السودان تونس الجزائر المغرب ليبيا")
	dayAdjectives = set("العالمي الدولي الوطني التالي السابق الأخير الاخير الموعود المشهود نفسه ذاته")
)

// matchOffset: منذ 11 يوما، قبل ثلاثة أيام، بعد أسبوعين، خلال يومين، لمدة
// ساعتين. After منذ/خلال/لمدة it is a DURATION; after قبل/بعد (not "قبل N
// أيام من ...") a DATE counted from the anchor.
func (t *tagger) matchOffset(i int) *match {
	lead := t.skey(i)
	j := i + 1
	switch lead {
	case "منذ", "خلال", "لمدة", "طيلة", "طوال", "مده", "قبل", "بعد", "غضون":
	case "على", "علي":
		if t.key(j) != "مدى" && t.key(j) != "مدي" {
			return nil
		}
		j++
		lead = "خلال"
	case "في":
		if t.key(j) != "غضون" {
			return nil
		}
		j++
		lead = "خلال"
	default:
		return nil
	}
	if (lead == "قبل" || lead == "بعد") && t.key(j) == "ذلك" {
		// بعد ذلك بثلاثة أيام، قبل ذلك بيومين: counted from the date just told
		if n, unit, end := t.byQuantity(j + 1); n > 0 && unit != "H" && unit != "MIN" {
			off := n
			if lead == "قبل" {
				off = -n
			}
			p := partial{typ: "DATE", hasDayOff: true, anaphoric: true, hasUnit: true, unit: unit, unitOff: off, conf: 0.8}
			return &match{start: i, end: end, p: p, rule: lead + " ذلك + quantity"}
		}
		return nil
	}
	approx := false
	for _, w := range []string{"نحو", "حوالي", "قرابة", "قرابه", "زهاء", "اكثر", "أكثر", "اقل", "أقل"} {
		if t.key(j) == text.Key(w) {
			approx = true
			j++
			if t.key(j) == "من" {
				j++
			}
			break
		}
	}
	n, unit := 0, ""
	if dn, j2 := t.decadesAt(j); dn > 0 {
		n, unit, j = dn*10, "Y", j2 // منذ عقدين: twenty years
	} else if u, ok := dualUnits[t.key(j)]; ok {
		n, unit = 2, u
		j++
	} else {
		if v, vague, j2 := t.countAt(j); v > 0 {
			n, j = v, j2
			approx = approx || vague
		} else if _, ok := unitWords[t.key(j)]; ok && !pluralUnits[t.key(j)] && (lead == "منذ" || lead == "قبل" || lead == "بعد" || lead == "خلال") {
			if _, mn := t.lex.month(t.keys, j+1); mn > 0 {
				return nil // خلال شهر يوليوز: a month, not a duration
			}
			n = 1 // منذ أسبوع، قبل شهر
		}
		u, ok := unitWords[t.key(j)]
		if ok && n == 0 && pluralUnits[t.key(j)] && periodWords[t.key(j+1)] != "" {
			return nil // طوال أيام الأسبوع: the days of the week, no quantity
		}
		if ok && n == 0 && pluralUnits[t.key(j)] {
			// منذ سنوات، قبل أيام، بعد أشهر: an unknown number of them
			switch lead {
			case "قبل":
				return &match{start: i, end: j + 1, p: partial{typ: "DATE", value: "PAST_REF", conf: 0.7}, rule: "قبل + plural unit"}
			case "بعد":
				if t.key(j+1) != "من" && t.key(j+1) != "علي" {
					return &match{start: i, end: j + 1, p: partial{typ: "DATE", value: "FUTURE_REF", conf: 0.7}, rule: "بعد + plural unit"}
				}
				return nil
			}
			return &match{start: i, end: j + 1, p: partial{typ: "DURATION", value: "PX" + u, conf: 0.7}, rule: lead + " + plural unit"}
		}
		if !ok || n == 0 {
			return nil
		}
		if y, _, _ := t.yearAt(j + 1); y > 0 {
			return nil // منذ عام 2008: a year, not a duration
		}
		unit = u
		j++
	}
	p := partial{conf: 0.85}
	if approx {
		p.mod = "APPROX"
	}
	// a second quantity: عام وثلاثة أشهر، ساعة ونصف
	n, unit, j = t.compound(n, unit, j)
	dur := durationValue(strconv.Itoa(n), unit)
	// قبل يومين من ذلك، بعد ثلاثة أسابيع من الآن: counted from the date just
	// told, or from now, to the day
	if (lead == "قبل" || lead == "بعد") && t.key(j) == "من" && unit != "H" && unit != "MIN" {
		from := t.key(j + 1)
		thenEnds := from == "ذلك" && (t.key(j+2) == "التاريخ" || t.key(j+2) == "اليوم" || t.key(j+2) == "الحين" || t.smallAfter(j+2))
		if from == "الان" || from == "اليوم" || thenEnds || from == "هذا" && t.key(j+2) == "اليوم" {
			end := j + 2
			if from == "هذا" || from == "ذلك" && (t.key(j+2) == "التاريخ" || t.key(j+2) == "اليوم" || t.key(j+2) == "الحين") {
				end++
			}
			off := n
			if lead == "قبل" {
				off = -n
			}
			p.typ, p.hasDayOff, p.anaphoric = "DATE", true, from == "ذلك"
			p.hasUnit, p.unit, p.unitOff = true, unit, off
			return &match{start: i, end: end, p: p, rule: lead + " + quantity from now/then"}
		}
	}
	if lead == "بعد" && unit != "H" && unit != "MIN" && i > 0 && (t.key(i-1) == "علي" || t.key(i-1) == "على") {
		// على بعد عقدين، على بعد أقل من سنة ضوئية: a distance, or a time
		// still to run before an event (على بعد أسبوع من), not a date
		// counted from the anchor nor a duration of its own
		return nil
	}
	if (lead == "قبل" || lead == "بعد") && unit != "H" && unit != "MIN" && t.key(j) != "من" && t.key(j) != "على" && t.key(j) != "علي" {
		p.typ = "DATE"
		p.hasUnit, p.unit = true, unit
		p.unitOff = n
		if lead == "قبل" {
			p.unitOff = -n
		}
		p.after = lead == "بعد"
		return &match{start: i, end: j, p: p, rule: lead + " + quantity (from the anchor)"}
	}
	if lead == "قبل" || lead == "بعد" {
		p.typ, p.value = "DURATION", dur
		return &match{start: i + 1, end: j, p: p, rule: "quantity before/after an event"}
	}
	p.typ, p.value = "DURATION", dur
	return &match{start: i, end: j, p: p, rule: lead + " + quantity"}
}

// matchQuantity: a quantity of time with no preposition before it — أمضى
// عشر سنوات في السجن، استمرت المعارك 5 أيام، دامت الزيارة يومين — a
// DURATION. A quantity followed by a year (عام 2008) is not one.
func (t *tagger) matchQuantity(i int) *match {
	j := i
	n, unit, vague := 0, "", false
	if u, ok := dualUnits[t.skey(j)]; ok {
		n, unit = 2, u
		j++
	} else {
		if n, vague, j = t.countAt(j); n == 0 {
			// ساعة ونصف، سنة وأربعة أشهر: one unit and a second quantity
			u, ok := unitWords[t.skey(i)]
			if !ok || pluralUnits[t.key(i)] {
				return nil
			}
			if n2, u2, j2 := t.compound(1, u, i+1); j2 > i+1 {
				return &match{start: i, end: j2, p: partial{typ: "DURATION", value: mixedDuration(n2, u2), conf: 0.75}, rule: "quantity of time"}
			}
			return nil
		}
		u, ok := unitWords[t.key(j)]
		if !ok || n > 1000 {
			return nil
		}
		unit = u
		j++
	}
	n0, u0 := n, unit
	n, unit, j = t.compound(n, unit, j)
	if y, _, _ := t.yearAt(j); y > 0 {
		return nil
	}
	if t.key(j-1) == "يوم" && t.lex.weekday(t.key(j)) > 0 {
		return nil // 6 - 2 يوم السبت: a score, then the day
	}
	if i > 0 && (t.key(i-1) == "ال" || t.key(i-1) == "الـ") {
		return nil // الـ10 أيام الأولى: an ordinal phrase
	}
	count := strconv.Itoa(n)
	if vague {
		count = "X" // عدة أيام: some days
	}
	v := durationValue(count, unit)
	if n != n0 || unit != u0 {
		v = mixedDuration(n, unit)
	}
	if k := t.skey(i - 1); k == "كل" {
		// كل عامين، كل ثلاث سنوات: a set, every so many units
		return &match{start: i - 1, end: j, p: partial{typ: "SET", value: v, conf: 0.8}, rule: "every n units"}
	}
	return &match{start: i, end: j, p: partial{typ: "DURATION", value: v, conf: 0.75}, rule: "quantity of time"}
}

// decadesAt reads decades after a preposition of time: عقدين، ثلاثة عقود،
// عقد من الزمن (a bare عقد is "holding": قبل عقد الاجتماع). It returns
// how many and the next index, or 0.
func (t *tagger) decadesAt(j int) (int, int) {
	switch k := t.key(j); {
	case k == "عقدين" || k == "عقدان":
		return 2, j + 1
	case k == "عقد" && t.key(j+1) == "من" && t.key(j+2) == "الزمن":
		return 1, j + 3
	}
	if v, vague, j2 := t.countAt(j); v > 0 && !vague && t.key(j2) == "عقود" {
		return v, j2 + 1
	}
	return 0, j
}

// countAt reads a count at j — digits or a cardinal in words, with a
// conjunction or not — returning it (0 if none), whether it is vague
// (بضعة، عدة: counted as 3) and the next index.
func (t *tagger) countAt(j int) (n int, vague bool, next int) {
	if v := t.num(j); v > 0 {
		return v, false, j + 1
	}
	if v, j2 := t.numberWords(j); v > 0 {
		return v, false, j2
	}
	if k := t.key(j); strings.HasPrefix(k, "و") && len(k) > len("و") {
		// وخمسة وعشرين: a compound after a conjunction
		t.keys[j] = k[len("و"):]
		v, j2 := t.numberWords(j)
		t.keys[j] = k
		if v > 0 {
			return v, false, j2
		}
	}
	v, c := t.number(j, "cardinal")
	if c == 0 {
		return 0, false, j
	}
	k := t.skey(j + c - 1)
	return v, k == "بضعه" || k == "بضع" || k == "عده", j + c
}

// byQuantity reads a quantity of time with ب on its first word (بثلاثة
// أيام، بيومين، بأسبوع): the count, its unit and the next index.
func (t *tagger) byQuantity(j int) (int, string, int) {
	k := t.key(j)
	if !strings.HasPrefix(k, "ب") || len(k) <= len("ب") {
		return 0, "", j
	}
	rest := k[len("ب"):]
	if u, ok := dualUnits[rest]; ok {
		return 2, u, j + 1
	}
	if u, ok := unitWords[rest]; ok && !pluralUnits[rest] {
		return 1, u, j + 1
	}
	t.keys[j] = rest
	n, _, j2 := t.countAt(j)
	t.keys[j] = k
	if n == 0 {
		return 0, "", j
	}
	if u, ok := unitWords[t.key(j2)]; ok {
		return n, u, j2 + 1
	}
	return 0, "", j
}

// durationValue is the TIMEX3 value of count units: P3D, PT2H, PT15M, PXY.
func durationValue(count, unit string) string {
	switch unit {
	case "H":
		return "PT" + count + "H"
	case "MIN":
		return "PT" + count + "M"
	}
	return "P" + count + unit
}

// matchVague: حاليا، الآن، قريبا، مؤخرا، في المستقبل القريب، في الآونة
// الأخيرة، في الوقت الحالي/الراهن.
func (t *tagger) matchVague(i int) *match {
	k := t.skey(i)
	if v, ok := vagueWords[k]; ok && !(v == "FUTURE_REF" && (t.key(i+1) == "من" || t.key(i+1) == "جدا")) {
		return &match{start: i, end: i + 1, p: partial{typ: "DATE", value: v, conf: 0.8}, rule: "vague reference"}
	}
	if k != "في" {
		return nil
	}
	switch a, b := t.key(i+1), t.key(i+2); {
	case a == "المستقبل" && b == "القريب":
		return &match{start: i, end: i + 3, p: partial{typ: "DATE", value: "FUTURE_REF", conf: 0.8}, rule: "vague reference"}
	case a == "المستقبل":
		return &match{start: i, end: i + 2, p: partial{typ: "DATE", value: "FUTURE_REF", conf: 0.7}, rule: "vague reference"}
	case (a == "الاونه" || a == "الفتره") && (b == "الاخيره"):
		return &match{start: i, end: i + 3, p: partial{typ: "DATE", value: "PAST_REF", conf: 0.8}, rule: "vague reference"}
	case a == "الوقت" && (b == "الحالي" || b == "الراهن"):
		return &match{start: i, end: i + 3, p: partial{typ: "DATE", value: "PRESENT_REF", conf: 0.8}, rule: "vague reference"}
	}
	return nil
}

// matchSet: يوميا، أسبوعيا، كل يوم، كل أسبوع، كل يوم جمعة، كل عام.
func (t *tagger) matchSet(i int) *match {
	k := t.skey(i)
	if v, ok := setWords[k]; ok {
		return &match{start: i, end: i + 1, p: partial{typ: "SET", value: v, conf: 0.85}, rule: "set adverb"}
	}
	// الآحاد، في أيام السبوت: a weekday in the plural is every such day
	if wd := t.pluralWeekday(i); wd > 0 {
		return &match{start: i, end: i + 1, p: partial{typ: "SET", value: fmt.Sprintf("XXXX-WXX-%d", wd), conf: 0.8}, rule: "weekday in the plural"}
	}
	// مساء كل خميس، صباح كل يوم أحد: a part of every such day
	if part, ok := partWords[t.key(i)]; ok && t.key(i+1) == "كل" {
		if m := t.matchSet(i + 1); m != nil && m.rule == "every weekday" {
			m.start, m.rule = i, "part of every weekday"
			m.p.value += "T" + part
			return m
		}
	}
	if m := t.matchTimes(i); m != nil {
		return m
	}
	if m := t.matchScheduleDay(i); m != nil {
		return m
	}
	if k != "كل" {
		return nil
	}
	j := i + 1
	if m := t.matchQuantity(j); m != nil && m.p.typ == "SET" {
		return m // كل عامين، كل ثلاث سنوات
	}
	if t.key(j) == "يوم" {
		if wd := t.lex.bareWeekday(t.key(j + 1)); wd > 0 {
			return &match{start: i, end: j + 2, p: partial{typ: "SET", value: fmt.Sprintf("XXXX-WXX-%d", wd), conf: 0.85}, rule: "every weekday"}
		}
	}
	if wd := t.lex.bareWeekday(t.key(j)); wd > 0 {
		return &match{start: i, end: j + 1, p: partial{typ: "SET", value: fmt.Sprintf("XXXX-WXX-%d", wd), conf: 0.85}, rule: "every weekday"}
	}
	if u, ok := unitWords[t.key(j)]; ok && u != "MIN" {
		v := "P1" + u
		if u == "H" {
			v = "PT1H"
		}
		return &match{start: i, end: j + 1, p: partial{typ: "SET", value: v, conf: 0.85}, rule: "every unit"}
	}
	return nil
}

// pluralWeekday reads a weekday in the plural at i, with a clitic or not.
func (t *tagger) pluralWeekday(i int) int {
	k := t.key(i)
	if n, ok := t.lex.pluralWeekdays[k]; ok {
		return n
	}
	for _, p := range []string{"و", "ف", "ب"} {
		if strings.HasPrefix(k, p) {
			if n, ok := t.lex.pluralWeekdays[k[len(p):]]; ok {
				return n
			}
		}
	}
	return 0
}

// nthWords are the ordinals of a weekday in its month (الجمعة الأولى من
// أبريل، الخميس الأخير من الشهر): -1 is the last.
var nthWords = keyedInt(map[string]int{"الأول": 1, "الأولى": 1, "الثاني": 2, "الثانية": 2, "الثالث": 3, "الثالثة": 3,
	"الرابع": 4, "الرابعة": 4, "الخامس": 5, "الخامسة": 5, "الأخير": -1, "الأخيرة": -1})

func keyedInt(m map[string]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[text.Key(k)] = v
	}
	return out
}

// weekdayDetail reads what narrows a weekday after it: its day number
// (الخميس 21، الأحد في السابع عشر), its week (الاثنين من الأسبوع الماضي), or
// its rank in a month (الجمعة الأولى من أبريل). It returns the next index
// and the rule.
func (t *tagger) weekdayDetail(j int, p *partial, rule string) (int, string) {
	// the rank in a month
	if n, ok := nthWords[t.key(j)]; ok && t.key(j+1) == "من" {
		k := j + 2
		if m, k2 := t.monthAt(k); k2 > k && !m.hijri {
			q := *p
			q.m, q.nth = m.month, n
			if y, h, k3 := t.yearAt(k2); y > 0 && !h {
				q.y, k2 = y, k3
			} else {
				k2 = t.modAt(k2, &q)
			}
			*p = q
			return k2, "nth weekday of a month"
		}
		if kk := t.key(k); kk == "الشهر" || kk == "هذا" && t.key(k+1) == "الشهر" {
			if kk == "هذا" {
				k++
			}
			q := *p
			q.hasUnit, q.unit, q.nth = true, "M", n
			k2 := t.modAt(k+1, &q)
			q.unitOff, q.dir, q.cur = q.dir, 0, false
			if k2 == k+1 && kk != "هذا" {
				return j, rule
			}
			*p = q
			return k2, "nth weekday of a month"
		}
	}
	// every week: يوم الاثنين من كل أسبوع
	if t.key(j) == "من" && t.key(j+1) == "كل" && unitWords[t.key(j+2)] == "W" {
		p.typ, p.value = "SET", fmt.Sprintf("XXXX-WXX-%d", p.wd)
		return j + 3, "weekday of every week"
	}
	// the week: الاثنين من الأسبوع الماضي
	if t.key(j) == "من" && periodWords[t.key(j+1)] == "W" {
		var q partial
		if k2 := t.modAt(j+2, &q); k2 > j+2 {
			p.hasWeek, p.weekOff = true, q.dir
			return k2, "weekday of a week"
		}
	}
	// the day number: الخميس 21، ليلة السبت 2
	if d := t.num(j); d >= 1 && d <= 31 && len(t.keys[j]) <= 2 && (t.dayEnds(j+1) || t.key(j+1) == "من" && t.weekdayDayFrom(j+2)) {
		p.d = d
		return j + 1, rule + " + day"
	}
	// الأحد في السابع عشر، الأحد في الـ17
	if t.key(j) == "في" || t.key(j) == "," {
		k := j + 1
		if t.key(k) == "ال" {
			if d := t.num(k + 1); d >= 1 && d <= 31 && t.dayEnds(k+2) {
				p.d = d
				return k + 2, rule + " + day"
			}
		} else if v, n := t.number(k, "ordinal"); n > 0 && t.key(j) == "في" && t.dayEnds(k+n) {
			p.d = v
			return k + n, rule + " + day"
		}
	}
	return j, rule
}

// compound reads a second quantity joined by و after n units ending at j
// (عام وثلاثة أشهر، ساعة ونصف، سنتين ونصف) and returns the sum in the finer
// unit.
func (t *tagger) compound(n int, unit string, j int) (int, string, int) {
	k := t.key(j)
	if k == "ونصف" || k == "و" && t.key(j+1) == "نصف" {
		next := j + 1
		if k == "و" {
			next++
		}
		switch unit {
		case "Y":
			return n*12 + 6, "M", next
		case "H":
			return n*60 + 30, "MIN", next
		case "D":
			return n*24 + 12, "H", next
		case "M":
			return n*30 + 15, "D", next // a month and a half: 45 days
		}
		return n, unit, j
	}
	var n2, j2 int
	switch {
	case k == "و":
		n2, _, j2 = t.countAt(j + 1)
	case strings.HasPrefix(k, "و"):
		n2, _, j2 = t.countAt(j)
	}
	if u2, ok := dualUnits[text.StripConj(k)]; ok && strings.HasPrefix(k, "و") {
		n2, j2 = 2, j+1
		return t.combine(n, unit, n2, u2, j, j2)
	}
	if n2 == 0 {
		return n, unit, j
	}
	u2, ok := unitWords[t.key(j2)]
	if !ok {
		return n, unit, j
	}
	return t.combine(n, unit, n2, u2, j, j2+1)
}

// combine adds n2 u2 to n u when u2 is the next finer unit.
func (t *tagger) combine(n int, u string, n2 int, u2 string, j, next int) (int, string, int) {
	switch u + u2 {
	case "YM":
		return n*12 + n2, "M", next
	case "MD":
		return n*30 + n2, "D", next
	case "WD":
		return n*7 + n2, "D", next
	case "HMIN":
		return n*60 + n2, "MIN", next
	}
	return n, u, j
}

// mixedDuration writes n units that came from a compound (عام وثلاثة أشهر
// = 15 M) in the larger unit too: P1Y3M, PT1H30M.
func mixedDuration(n int, unit string) string {
	switch {
	case unit == "M" && n >= 12:
		v := fmt.Sprintf("P%dY", n/12)
		if n%12 != 0 {
			v += fmt.Sprintf("%dM", n%12)
		}
		return v
	case unit == "MIN" && n >= 60:
		v := fmt.Sprintf("PT%dH", n/60)
		if n%60 != 0 {
			v += fmt.Sprintf("%dM", n%60)
		}
		return v
	case unit == "H" && n >= 24:
		v := fmt.Sprintf("P%dD", n/24)
		if n%24 != 0 {
			v += fmt.Sprintf("T%dH", n%24)
		}
		return v
	}
	return durationValue(strconv.Itoa(n), unit)
}

// fractionUnits: ربع قرن، نصف ساعة، نصف قرن، ربع ساعة — durations.
var fractionUnits = map[string]map[string]string{
	"ربع": {"قرن": "P25Y", "ساعه": "PT15M", "ساعة": "PT15M", "قرنا": "P25Y"},
	"نصف": {"قرن": "P50Y", "قرنا": "P50Y", "ساعه": "PT30M", "ساعة": "PT30M", "ساعا": "PT30M", "شهر": "P15D", "يوم": "PT12H", "عام": "P6M", "سنه": "P6M", "العام": "", "الشهر": ""},
}

// matchFraction: ربع قرن، نصف ساعة، قرن (100 years), قرنين.
func (t *tagger) matchFraction(i int) *match {
	k := t.skey(i)
	if us, ok := fractionUnits[k]; ok {
		if v := us[t.key(i+1)]; v != "" {
			return &match{start: i, end: i + 2, p: partial{typ: "DURATION", value: v, conf: 0.75}, rule: "fraction of a unit"}
		}
	}
	return nil
}

// timesWords: مرة، مرتين، مرات (after a count) — how often.
var timesWords = set("مرة مره مرتين مرتان مرات")

// matchTimes: مرتين في الأسبوع، مرة في الشهر، ثلاث مرات في العام — a SET
// of the unit (how many times is not part of the value).
func (t *tagger) matchTimes(i int) *match {
	j := i
	if !timesWords[t.skey(j)] {
		if !t.isNum(j) && !t.numberWordAt(j) {
			return nil
		}
		if _, _, j2 := t.countAt(j); j2 > j && timesWords[t.key(j2)] {
			j = j2
		} else {
			return nil
		}
	}
	j++
	if t.key(j) != "في" && t.key(j) != "كل" {
		return nil
	}
	u, ok := periodWords[t.key(j+1)]
	if !ok && t.key(j) == "كل" {
		u, ok = unitWords[t.key(j+1)]
	}
	if !ok || u == "MIN" {
		return nil
	}
	v := "P1" + u
	if u == "H" {
		v = "PT1H"
	}
	if t.key(j) == "كل" {
		return nil // مرة كل ثلاث سنوات: the set is كل ثلاث سنوات
	}
	return &match{start: i, end: j + 2, p: partial{typ: "SET", value: v, conf: 0.8}, rule: "times a period"}
}

// scheduleLead: words after which a weekday is a day of every week in a
// schedule (عدا الجمعة، باستثناء السبت، أيام الخميس).
var scheduleLead = set("عدا ماعدا باستثناء سوى خلا أيام ايام")

// matchScheduleDay: عدا الجمعة والسبت، أيام الخميس — weekdays of a
// schedule, a SET each (coordinated ones are their own expressions).
func (t *tagger) matchScheduleDay(i int) *match {
	k := t.skey(i)
	if !scheduleLead[k] {
		return nil
	}
	j := i + 1
	wd := t.lex.weekday(t.key(j))
	if wd == 0 {
		return nil
	}
	m := &match{start: j, end: j + 1, p: partial{typ: "SET", value: fmt.Sprintf("XXXX-WXX-%d", wd), conf: 0.8}, rule: "weekday of a schedule"}
	for k := j + 1; ; k++ {
		kk := t.key(k)
		if kk == "," || kk == "و" {
			continue
		}
		if !strings.HasPrefix(kk, "و") {
			break
		}
		wd2 := t.lex.weekday(kk)
		if wd2 == 0 {
			break
		}
		m.also = append(m.also, match{start: k, end: k + 1, p: partial{typ: "SET", value: fmt.Sprintf("XXXX-WXX-%d", wd2), conf: 0.8}, rule: "weekday of a schedule"})
	}
	return m
}

// weekdayDayFrom: after "الأحد 30 من", what follows is no month, no
// period and no age (الأحد 30 من الرئاسة), so 30 was the day.
func (t *tagger) weekdayDayFrom(j int) bool {
	if _, n := t.lex.month(t.keys, j); n > 0 {
		return false
	}
	switch k := t.key(j); {
	case k == "الشهر" || k == "كل" || k == "هذا" || strings.HasPrefix(k, "عمر") || k == "العمر":
		return false
	}
	return true
}
