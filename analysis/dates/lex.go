// Package dates is Rasad's Arabic temporal tagger: it finds dates, times,
// durations and sets in news text, normalizes them to TIMEX3 values, and
// anchors relative ones ("أمس الخميس", "الأسبوع الماضي", "10 يناير الجاري") to
// the document date, which it can also infer when the article has none.
//
// It works on tokens with byte offsets (package text), so every expression
// keeps its exact span in the original text, and every value names the rule
// that produced it.
package dates

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rasad/rasad/lexicon"
	"github.com/rasad/rasad/text"
)

type monthInfo struct {
	month     int
	hijri     bool
	ambiguous bool
	words     []string
}

type lexicons struct {
	// triggers are the word keys a rule can start at (numbers always can):
	// scanning tries the rules only there
	triggers map[string]bool
	// triggerFilter holds the triggers: a key it rules out is none
	triggerFilter text.KeyFilter
	months        map[string][]monthInfo // by first word key
	weekdays      map[string]int
	// namedDays: event noun, month, day → the year of a day that names an
	// event (هجمات 11 سبتمبر)
	namedDays map[[3]string]int
	// pluralWeekdays are weekdays in the plural (الآحاد): every such day
	pluralWeekdays map[string]int
	numbers        map[string][]numInfo // by first word key
	// givenNames are never verbs: ستيفن is not سـ + a verb
	givenNames map[string]bool
	// futureLikeNames are name tokens in سـ (ستونمان): no سـ + verb
	futureLikeNames map[string]bool
	// nameTokens are name tokens in ف/و (فيليب، وليام)
	nameTokens map[string]bool
	nameLead   map[string]bool      // given names and one-word titles
	holidays   map[string][]holiday // by first word key
	// holidayStarts are the keys a holiday expression can start at (its
	// first word, with a clitic, or أول/ثاني… أيام)
	holidayStarts map[string]bool
}

type numInfo struct {
	value int
	kind  string
	words []string
}

var (
	lexOnce sync.Once
	lex     lexicons
)

func loadLex() *lexicons {
	lexOnce.Do(func() {
		lex.months = map[string][]monthInfo{}
		for _, e := range lexicon.MustLoad("months.tsv") {
			n, _ := strconv.Atoi(e.Field(0))
			mi := monthInfo{month: n, hijri: e.Field(1) == "h", ambiguous: e.Field(2) == "ambiguous", words: e.Words}
			lex.months[e.Words[0]] = append(lex.months[e.Words[0]], mi)
		}
		for k, ms := range lex.months { // longest first
			for i := 1; i < len(ms); i++ {
				for j := i; j > 0 && len(ms[j].words) > len(ms[j-1].words); j-- {
					ms[j], ms[j-1] = ms[j-1], ms[j]
				}
			}
			lex.months[k] = ms
		}
		lex.weekdays = map[string]int{}
		for _, e := range lexicon.MustLoad("weekdays.tsv") {
			n, _ := strconv.Atoi(e.Field(0))
			lex.weekdays[e.Words[0]] = n
		}
		lex.namedDays = map[[3]string]int{}
		for _, e := range lexicon.MustLoad("named_days.tsv") {
			y, _ := strconv.Atoi(e.Field(0))
			if len(e.Words) != 3 || y == 0 {
				panic(e.Ref() + ": want «noun day month<TAB>year»")
			}
			// keyed by noun, month, day
			lex.namedDays[[3]string{e.Words[0], e.Words[2], e.Words[1]}] = y
		}
		lex.pluralWeekdays = map[string]int{}
		for _, e := range lexicon.MustLoad("weekday_plurals.tsv") {
			n, _ := strconv.Atoi(e.Field(0))
			lex.pluralWeekdays[e.Words[0]] = n
		}
		lex.numbers = map[string][]numInfo{}
		for _, e := range lexicon.MustLoad("numbers.tsv") {
			n, _ := strconv.Atoi(e.Field(0))
			lex.numbers[e.Words[0]] = append(lex.numbers[e.Words[0]], numInfo{value: n, kind: e.Field(1), words: e.Words})
		}
		lex.givenNames = map[string]bool{}
		for _, e := range lexicon.MustLoad("given_names.tsv") {
			lex.givenNames[e.Words[0]] = true
		}
		// person-name tokens read as سـ + verb otherwise (ستونمان، ستيوارت)
		lex.futureLikeNames = map[string]bool{}
		lex.nameTokens = map[string]bool{}
		for _, e := range lexicon.MustLoad("name_tokens.tsv") {
			k := e.Words[0]
			if len(e.Words) != 1 {
				continue
			}
			if strings.HasPrefix(k, "س") {
				lex.futureLikeNames[k] = true
			}
			if strings.HasPrefix(k, "ف") || strings.HasPrefix(k, "و") {
				lex.nameTokens[k] = true // read only where ف/و might be a conjunction
			}
		}
		// what a name follows: given names and one-word titles (المدرب
		// يوركمان، بيتر تيرنر), so that a foreign surname in ي/ت is not
		// read as an imperfect verb
		lex.nameLead = map[string]bool{}
		for _, f := range []string{"given_names.tsv", "given_names_data.tsv", "roles.tsv"} {
			es, err := lexicon.Load(f)
			if err != nil {
				continue
			}
			for _, e := range es {
				if len(e.Words) == 1 {
					lex.nameLead[e.Words[0]] = true
				}
			}
		}
		loadHolidays(&lex)
		lex.triggers = map[string]bool{}
		lex.holidayStarts = map[string]bool{}
		for k := range lex.holidays {
			lex.triggers[k], lex.holidayStarts[k] = true, true
			for _, p := range []string{"و", "ب", "ل", "ف"} {
				lex.triggers[p+k], lex.holidayStarts[p+k] = true, true
			}
		}
		for k := range dayOrdinals {
			lex.triggers[k], lex.triggers["و"+k] = true, true
			lex.holidayStarts[k], lex.holidayStarts["و"+k] = true, true
		}
		add := func(keys ...string) {
			for _, k := range keys {
				lex.triggers[text.Key(k)] = true
			}
		}
		for k := range lex.months {
			add(k, "و"+k, "ف"+k, "ب"+k, "ل"+k)
		}
		for k := range lex.weekdays {
			add(k, "و"+k, "ف"+k, "ب"+k)
		}
		for _, mods := range []map[string]bool{startMods, midMods, endMods} {
			for k := range mods {
				add(k, "و"+k, "ف"+k, "ب"+k, "ل"+k)
			}
		}
		for k := range lex.pluralWeekdays {
			add(k, "و"+k, "ف"+k, "ب"+k)
		}
		for k := range lex.numbers {
			add(k, "و"+k)
		}
		for _, m := range []map[string]bool{todayW, yesterdayW, tomorrowW, startMods, midMods, endMods} {
			for k := range m {
				add(k, "و"+k, "ف"+k, "ب"+k, "ل"+k)
			}
		}
		for _, m := range []map[string]string{partWords, periodWords, vagueWords, setWords, dualUnits} {
			for k := range m {
				add(k, "و"+k, "ف"+k, "ب"+k, "ل"+k)
			}
		}
		add("بعد", "اول", "الليلة", "يوم", "الموافق", "يومي", "بين", "ال", "وال", "شهر", "الشهر", "هذا", "هذه", "عام", "العام", "العقد", "سنة", "السنة", "للعام", "لعام", "بعام", "بالعام", "كعام", "للسنة", "لسنة", "بسنة",
			"الأيام", "الأسابيع", "الأشهر", "الشهور", "السنوات", "الأعوام", "منذ", "خلال", "لمدة", "طيلة", "طوال", "مدة", "قبل", "غضون",
			"على", "في", "الساعة", "ساعة", "كل", "ومنذ", "وخلال", "وقبل", "وبعد", "وفي", "والساعة", "وكل", "والأيام", "الربع", "والربع",
			"هذا", "وهذا", "صيف", "الصيف", "شتاء", "الشتاء", "ربيع", "الربيع", "خريف", "الخريف", "وصيف", "والصيف", "وشتاء", "والشتاء",
			"والربيع", "والخريف", "السنوات", "الأشهر", "الأسابيع")
		for _, m := range []map[string]bool{yearDuals} {
			for k := range m {
				add(k, "و"+k, "ف"+k, "ب"+k, "ل"+k)
			}
		}
		for _, m := range []map[string]int{thousandWords} {
			for k := range m {
				add(k, "و"+k)
			}
		}
		add("للقرن", "بالقرن", "النصف", "والنصف", "من", "ومن", "أسبوع", "اسبوع", "ساعة", "دقيقة", "يوما", "القرن", "والقرن", "ربع", "نصف", "وربع", "ونصف", "ذلك", "وذلك", "نفس", "وفي", "بالأمس", "والأمس", "الأمس", "وبالأمس", "مرة", "مرتين", "ومرة", "كل", "أيام", "عدا", "باستثناء", "باستثناء", "سوى")
		for k := range decadeWords {
			add(k, "و"+k, "ف"+k)
		}
		for k := range lex.triggers {
			lex.triggerFilter.Add(k)
		}
		for k, ns := range lex.numbers {
			for i := 1; i < len(ns); i++ {
				for j := i; j > 0 && len(ns[j].words) > len(ns[j-1].words); j-- {
					ns[j], ns[j-1] = ns[j-1], ns[j]
				}
			}
			lex.numbers[k] = ns
		}
	})
	return &lex
}

// set is the word set of a rule, as normalization keys.
var set = text.KeySet

var (
	pastMods    = set("الماضي الماضية المنصرم المنصرمة الفائت الفائتة السابق السابقة المنقضي المنقضية المنقضيه المنصرمه الماضيه الفائته السابقه")
	futureMods  = set("المقبل المقبلة القادم القادمة التالي التالية")
	currentMods = set("الجاري الجارية الحالي الحالية")
	eraWords    = set("م ء ميلادي ميلادية للميلاد")
	hijriEra    = set("ه هـ هجري هجرية للهجرة")
	// words that make a bare year or ambiguous month a date
	dateLead  = set("في فى منذ حتى خلال مطلع مطالع بداية بدايه أوائل اوائل أواخر اواخر أواسط منتصف نهاية نهايه آخر اخر عام العام سنة السنة شهر بحلول قبل بعد لغاية وحتى ومنذ وفي")
	startMods = set("مطلع مطالع بداية بدايات أوائل اول أول مستهل")
	midMods   = set("منتصف أواسط اواسط")
	endMods   = set("نهاية نهايات أواخر اواخر آخر ختام")

	// day words
	todayW     = set("اليوم")
	yesterdayW = set("أمس امس البارحة الأمس بالأمس البارحة بالبارحة")
	tomorrowW  = set("غدا غداً الغد")
	partWords  = keyed(map[string]string{
		"صباح": "MO", "صباحا": "MO", "فجر": "MO", "فجرا": "MO", "ظهر": "MI", "ظهرا": "MI",
		"عصر": "AF", "عصرا": "AF", "مساء": "EV", "مساءا": "EV", "ليله": "NI", "ليل": "NI", "ليلا": "NI",
	})

	// unit words for durations and offsets: key -> unit (D W M Y H MIN), and
	// the dual forms meaning two of them
	unitWords = keyed(map[string]string{
		"يوم": "D", "يوما": "D", "أيام": "D", "ايام": "D",
		"أسبوع": "W", "اسبوع": "W", "أسبوعا": "W", "اسبوعا": "W", "أسابيع": "W", "اسابيع": "W",
		"شهر": "M", "شهرا": "M", "أشهر": "M", "اشهر": "M", "شهور": "M",
		"عام": "Y", "عاما": "Y", "أعوام": "Y", "اعوام": "Y", "سنة": "Y", "سنه": "Y", "سنوات": "Y", "سنين": "Y",
		"ساعة": "H", "ساعه": "H", "ساعات": "H",
		"دقيقة": "MIN", "دقيقه": "MIN", "دقائق": "MIN",
	})
	dualUnits = keyed(map[string]string{
		"يومين": "D", "يومان": "D", "أسبوعين": "W", "اسبوعين": "W", "أسبوعان": "W", "شهرين": "M", "شهران": "M",
		"عامين": "Y", "عامان": "Y", "سنتين": "Y", "سنتان": "Y", "ساعتين": "H", "ساعتان": "H", "دقيقتين": "MIN",
	})
	periodWords = keyed(map[string]string{ // الأسبوع الماضي ...
		"الأسبوع": "W", "الاسبوع": "W", "الشهر": "M", "العام": "Y", "السنة": "Y", "السنه": "Y",
		"العقد": "E",
	})
	vagueWords = keyed(map[string]string{
		"حاليا": "PRESENT_REF", "الآن": "PRESENT_REF", "الان": "PRESENT_REF", "راهنا": "PRESENT_REF",
		"قريبا": "FUTURE_REF", "مؤخرا": "PAST_REF",
	})
	setWords = keyed(map[string]string{
		"يوميا": "P1D", "أسبوعيا": "P1W", "اسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y",
	})

	// clause tense cues
	futurePrefixes = []string{"سي", "ست", "سن", "سا"}
	futureCues     = set("يفترض ويفترض تفترض المفترض المنتظر أمامنا امامنا أمامهم امامهم أمامه امامه أمامها امامها اعتزامه اعتزامها عزمه عزمها استعدادا تحضيرا سوف المقرر المرتقب المرتقبة المزمع المزمعة مزمع مزمعة مقررة المقررة المتوقعة بحلول المتوقع يعتزم تعتزم يعتزمان ينتظر تنتظر يرتقب مقرر مرتقب مرتقبة اقتراب موعد لاحق")
	pastCues       = set(`قال قالت أعلن أعلنت أكد أكدت التقى التقت اجتمع اجتمعت عقد عقدت عقدا جرى جرت جمع جمعت جمعت شهد شهدت
وقع وقعت أجرى أجرت اجريا بحث بحثت بحثا زار زارت وصل وصلت نشر نشرت نشرتا كان كانت كانا أصدر أصدرت أفاد أفادت ذكر ذكرت
أوضح أوضحت أضاف أضافت صرح صرحت انطلقت انطلق انتهى انتهت اختتم اختتمت استمر استمرت بدأ بدأت أعرب أعربت دعا دعت
رفض رفضت طالب طالبت حذر حذرت اتهم اتهمت اتفق اتفقا اتفقت أبلغ أبلغت وصف وصفت تلقى تلقت قد آنذاك سبق سابق
فاز فازت خسر خسرت تغلب تغلبت تعادل تعادلت سجل سجلت قتل قتلت أصيب أصيبت اعتقل اعتقلت أعلنا توفي توفيت`)
)

// keyed returns m with its keys replaced by their normalization keys.
func keyed(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[text.Key(k)] = v
	}
	return out
}

func (l *lexicons) month(keys []string, i int) (monthInfo, int) {
	if i >= len(keys) {
		return monthInfo{}, 0
	}
	k := keys[i]
	cands := l.months[k]
	if len(cands) == 0 {
		// a clitic: وديسمبر، بيناير، لشهر
		for _, p := range []string{"و", "ف", "ب", "ل"} {
			// not a two-letter name inside a word: باب is no ب + آب
			if strings.HasPrefix(k, p) && len(l.months[k[len(p):]]) > 0 && utf8.RuneCountInString(k[len(p):]) >= 3 {
				// only the words after the first are compared below, so
				// keys need no copy (a copy per clitic month made tagging
				// quadratic in a text full of them)
				cands = l.months[k[len(p):]]
				break
			}
		}
	}
	for _, m := range cands {
		if i+len(m.words) > len(keys) {
			continue
		}
		ok := true
		for j, w := range m.words[1:] {
			if keys[i+1+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return m, len(m.words)
		}
	}
	return monthInfo{}, 0
}

// weekday returns the ISO weekday a word names (الأربعاء، والخميس), or 0.
// Forms without the article (أحد، جمعة) name a day only after يوم or كل;
// callers that have those use bareWeekday.
func (l *lexicons) weekday(k string) int {
	if n, ok := l.weekdays[k]; ok && strings.HasPrefix(k, "ال") {
		return n
	}
	for _, p := range []string{"و", "ف", "ب"} {
		if strings.HasPrefix(k, p) {
			if n, ok := l.weekdays[k[len(p):]]; ok && strings.HasPrefix(k[len(p):], "ال") {
				return n
			}
		}
	}
	return 0
}

// bareWeekday also accepts the forms without the article (يوم أحد).
func (l *lexicons) bareWeekday(k string) int {
	if n, ok := l.weekdays[k]; ok {
		return n
	}
	return l.weekday(k)
}

func (l *lexicons) number(keys []string, i int, kinds ...string) (int, int) {
	if i >= len(keys) {
		return 0, 0
	}
	cands := l.numbers[keys[i]]
	if cands == nil {
		cands = l.numbers[text.StripConj(keys[i])] // وخمس عشرة
	}
	for _, n := range cands {
		if len(kinds) > 0 && !contains(kinds, n.kind) {
			continue
		}
		if i+len(n.words) > len(keys) {
			continue
		}
		ok := true
		for j, w := range n.words[1:] {
			if keys[i+1+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return n.value, len(n.words)
		}
	}
	return 0, 0
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// number is lexicons.number over the tagger's keys, for one kind. Whether
// a token can start a number word at all (most cannot) is worked out once
// per token.
func (t *tagger) number(i int, kind string) (int, int) {
	if i >= 0 && i < len(t.keys) {
		if t.nums == nil {
			t.nums = t.bufs.int8s(2, len(t.keys))
		}
		if t.nums[i] == 0 {
			t.nums[i] = 1
			if k := t.keys[i]; t.lex.numbers[k] != nil || t.lex.numbers[text.StripConj(k)] != nil {
				t.nums[i] = 2
			}
		}
		if t.nums[i] == 1 {
			return 0, 0 // no candidates: lexicons.number finds none
		}
	}
	return t.lex.number(t.keys, i, kind)
}
