package dates

// Tense of a clause, which decides the direction of underspecified dates.

import (
	"strings"
	"unicode/utf8"

	"github.com/rasad/rasad/text"
)

// clauseDirection reads the tense of the clause around a match: the cue
// nearest to it (a future marker, or an event verb in the past) decides;
// speech verbs (قال، أكد) count only when nothing else does, since what
// they report may be planned. 0 when the clause says nothing.
func (t *tagger) clauseDirection(m match) int {
	weak, weakDist, weakOwn := 0, 1<<30, false
	// aside: a relative clause opened with و right after the date and
	// naming no year (الجمعة والتي شهدت …): its tense is the date's only
	// when the date's own clause and sentence say nothing
	aside := -1
	t.clauseOf(0)
	t.sentOf(0)
	if t.deliveryMonth(m.start) {
		return 1 // للتسليم في أبريل: a futures contract's month, still ahead
	}
	if t.postponedTo(m.start) {
		return 1 // أرجئت الجلسة إلى الخميس: moved to a day still ahead
	}
	if t.skey(m.start-1) == "منذ" || t.skey(m.start-2) == "منذ" && t.toks[m.start-1].Kind == text.Word {
		return -1 // منذ الحادي عشر من سبتمبر: since a day gone by
	}

	for si, scope := range [][]int{t.clause, t.sent} {
		c := scope[m.start]
		best, bestDist, future := 0, 1<<30, false
		// crossed: a complementizer lies between the date and the word
		// looked at (أشارت إلى أنه قد يستهل … السبت): the verb before it
		// is the matrix's, not the date's
		crossed := false
		planPast := false
		neutral := 1 << 30  // distance of the nearest future in the past (كان سيبلغ)
		definite := 1 << 30 // distance of the nearest unambiguous past (لم تتمكن، بعد أن)
		look := func(i, dist int) {
			if t.inMatch != nil && t.inMatch[i] {
				return
			}
			if t.clause[i] != t.clause[m.start] && t.relClause[t.clause[i]] {
				return // a parenthetical relative clause (، الذي تبلغ ثروته …،) tells its own tense
			}
			if t.keys[i] == "قد" && i+1 < len(t.keys) && imperfect(t.keys[i+1]) && !pastCues[t.keys[i+1]] {
				return // قد يلتقي: "may meet", not the past (the verb after it tells)
			}
			if i > 0 && t.keys[i-1] == "قد" && mayVerb(t.keys[i]) && !pastCues[t.keys[i]] && !epistemic[t.keys[i]] && !kana[t.key(i-2)] {
				if dist < bestDist {
					best, bestDist = 1, dist // قد يستهل مشواره السبت: a possibility still ahead
				}
				return
			}
			d, strong := t.cueAt(i)
			if d < 0 && strong && t.yearNear(i, m, dist) {
				return // قتل فيه ستة في 1976: a past told of its own year, not this date's
			}
			if d > 0 && i > 0 && (kana[t.keys[i-1]] || i > 1 && t.keys[i-1] == "من" && kana[t.keys[i-2]]) {
				// a future seen from the past. A plan (كانت مقررة الأحد، كان
				// من المفترض أن يخضع … الجمعة) is mostly one that did not
				// happen: its day is gone by. A سـ-verb (كان سيبلغ الـ45 في
				// أبريل) may fall either side of now: the nearest date.
				if listedPlan(t.keys[i]) {
					d, strong, planPast = -1, true, true
					if dist < definite {
						definite = dist
					}
				} else {
					d = 0
					if dist < neutral {
						neutral = dist
					}
				}
			}
			if d < 0 && kana[t.keys[i]] && i+1 < len(t.keys) {
				if d2, _ := t.cueAt(i + 1); d2 > 0 {
					d = 0
				}
			}
			if t.shortQuote[i] {
				d = 0 // "وول ستريت جورنال"، "الوحش القادم من الشرق": a quoted name or title
			}
			if t.inQuote[i] != t.inQuote[m.start] {
				d = 0 // a quoted speaker's tense is not the narrator's
			}
			if d == 0 && i > 0 && (t.keys[i-1] == "لم" || t.keys[i-1] == "ولم" || t.keys[i-1] == "لما") && imperfect(t.keys[i]) && t.inQuote[i] == t.inQuote[m.start] {
				d, strong = -1, true // لم تتمكن: لم + imperfect is the past
				if dist < definite {
					definite = dist
				}
			}
			if d > 0 && t.shortFutureOutOfPlace(i) {
				d = 0 // سيتي in مانشستر سيتي: a four-letter سـ word counts where a verb stands
			}
			if d == 0 && t.firstPerson(i) {
				d, strong = 1, true // سأزور، وسأعود: a first-person future
			}
			switch {
			case d == 0:
			case strong && d > 0:
				future = true
				fallthrough
			case strong:
				if dist < bestDist {
					best, bestDist = d, dist
				}
			case dist < weakDist:
				weak, weakDist = d, dist
				weakOwn = si == 0 && !crossed && d < 0 // a speech verb of the clause, not اعتبارا
			}
		}
		for i := m.start - 1; i >= 0 && scope[i] == c && m.start-i <= cueWindow; i-- {
			if bestDist > m.start-i && (t.keys[i] == "ان" && (t.skey(i-1) == "بعد" || t.skey(i-1) == "منذ" || t.skey(i-1) == "عقب") || t.skey(i) == "بعدما") {
				best, bestDist = -1, m.start-i // بعد أن سحق … يوم الخميس: what came before
				if m.start-i < definite {
					definite = m.start - i
				}
			}
			look(i, m.start-i)
			if complementizers[t.keys[i]] {
				crossed = true
			}
			if contrast[t.keys[i]] {
				break // «… استقر …، لكنه لا يزال يفاضل … بعد ثلاثة أشهر»: the contrast tells its own tense
			}
			// a clause that opens with an imperfect verb (تنطلق البطولة في 12
			// سبتمبر، يغلق الباب يوم 30) speaks of what is coming; nearer
			// cues still decide, and it does not outweigh a past verb as a
			// future marker does
			opening := i == 0 || scope[i-1] != c || clausePunct[t.keys[i-1]]
			// right before the date only a ي-verb counts (يستأنف 7/4): a ت-word
			// there is as likely a name (تيلرسون الأربعاء)
			near := m.start-i <= 2 && strings.HasPrefix(t.skey(i), "ي")
			// after التي/أن a verb heads its own clause, but only in the
			// date's clause: a relative clause set off by commas is aside
			rel := i > 0 && relBefore[t.keys[i-1]] && t.clause[i] == t.clause[m.start]
			if t.clause[i] != t.clause[m.start] && t.relClause[t.clause[i]] {
				continue
			}
			if d := m.start - i; d < bestDist && (near || opening || rel) && t.openingImperfect(i) {
				best, bestDist = 1, d
			} else if d < bestDist && (opening || rel) && t.openingPast(i) {
				best, bestDist = -1, d // منذ أن كشفت صحيفة … في مارس
			}
		}
		crossed = false
		for i := m.end; i < len(t.keys) && scope[i] == c && i-m.end < cueWindow; i++ {
			// a complement (أعلن الاثنين أنه سيزور) or a relative clause
			// after the date's own words tells the tense of another event
			if complementizers[t.keys[i]] || i > m.end && relBefore[t.keys[i]] || contrast[t.keys[i]] {
				break
			}
			// a relative clause opened after the date with و (والذي قتل
			// فيه، والتي شهدت), or one that names a year of its own (الذي
			// انهار فيه السد عام 1979), tells of its own event
			if k := t.skey(i); relOpeners[k] && (i > m.end || k != t.keys[i] || t.yearNear(i+1, m, cueWindow)) {
				if i == m.end && k != t.keys[i] && !t.yearNear(i+1, m, cueWindow) {
					aside = i
				}
				break
			}
			look(i, i-m.end+1)
		}
		// a speech verb of the date's own clause (حسبما أعلن الاثنين) is its
		// verb when nothing stronger is there
		if si == 0 && best == 0 && !future && t.beforeScheduled(m.start) {
			return 1 // قبل اجتماع الرئيسين الثلاثاء: an event still ahead when told
		}
		if best == 0 && !future && weak != 0 && weakOwn {
			return weak
		}
		if neutral < bestDist && neutral < definite {
			return 0
		}
		if planPast && definite < 1<<30 && best > 0 {
			return -1 // كان من المفترض أن يخضع … الجمعة: the imperfect is the plan's
		}
		// لم + imperfect and بعد أن are past however they are spelled: nearest,
		// they decide
		if definite <= bestDist && definite < 1<<30 {
			return -1
		}
		// a future marker (المقرر، المتوقع، سـ) outweighs a past one in the
		// same scope: past verbs are spelled like verbal nouns (عقد = held /
		// holding), future markers are not
		if future {
			return 1
		}
		if best != 0 {
			return best
		}
	}
	if weak == 0 && aside >= 0 {
		return t.asideDirection(aside)
	}
	return weak
}

// asideDirection: the nearest strong cue of the relative clause opened at
// i (والتي شهدت), within its clause and the cue window.
func (t *tagger) asideDirection(i int) int {
	for k := i + 1; k < len(t.keys) && t.clause[k] == t.clause[i] && k-i <= cueWindow; k++ {
		if complementizers[t.keys[k]] || contrast[t.keys[k]] || t.inQuote[k] != t.inQuote[i] {
			return 0
		}
		if d, strong := t.cueAt(k); strong && d != 0 {
			return d
		}
	}
	return 0
}

// mayVerb: an imperfect in ي/ت after قد (قد يلتقي، قد تستضيف).
// A ت-word is one only when longer than a Form V/VI past (تحدى، توقعوا).
func mayVerb(k string) bool {
	r, _ := utf8.DecodeRuneInString(k)
	n := utf8.RuneCountInString(k)
	switch {
	case formVPast[k] || strings.HasSuffix(k, "وا") || n < 4:
		return false
	case r == 'ي':
		return true
	case r == 'ت':
		return n >= 5 && !strings.HasSuffix(k, "ت")
	}
	return false
}

// kana before قد makes a past perfect (وكان قد التقاه).
var kana = set("كان كانت وكان وكانت فكان كانوا وكانوا")

// epistemic verbs after قد speak of what may have been (قد يكون تم).
var epistemic = set("يكون تكون يكونوا")

// scheduledNouns name events that are set for a day (قبل اجتماع … الثلاثاء).
var scheduledNouns = set("اجتماع الاجتماع لقاء اللقاء مباراه المباراه مواجهه المواجهه قمه القمه زياره الزياره جلسه الجلسه انتخابات الانتخابات مؤتمر المؤتمر محادثات المحادثات التصويت تصويت الاقتراع اقتراع موعد")

// nounStem drops a possessive suffix from a noun (مواجهتهما → مواجهه،
// لقائه → لقاء).
func nounStem(k string) string {
	for _, suf := range []string{"هما", "هم", "ها", "ه"} {
		if strings.HasSuffix(k, suf) && utf8.RuneCountInString(k) > utf8.RuneCountInString(suf)+3 {
			b := strings.TrimSuffix(k, suf)
			if strings.HasSuffix(b, "ت") {
				b = strings.TrimSuffix(b, "ت") + "ه"
			} else if strings.HasSuffix(b, "ئ") {
				b = strings.TrimSuffix(b, "ئ") + "ء"
			}
			return b
		}
	}
	return k
}

// beforeScheduled: قبل + a scheduled event noun opens the date's sentence
// within a few words (وقبل المواجهة بين الفريقين يوم الأحد).
func (t *tagger) beforeScheduled(i int) bool {
	for k := i - 2; k >= 0 && i-k <= 12 && t.sent[k] == t.sent[i]; k-- {
		if t.skey(k) == "قبل" && (scheduledNouns[t.key(k+1)] || scheduledNouns[nounStem(t.key(k+1))]) {
			return true
		}
	}
	return false
}

// derivedPast: a past verb of the derived forms whose shape no noun or
// imperfect has: انفعل (Form VII, انسحب), افتعل (Form VIII, اعتقل — not
// after ال), استفعل (Form X, استهدف), with ت, تا, وا or نا after them.
// Their verbal nouns are longer (انسحاب، اعتقال، استهداف).
func derivedPast(k string) bool {
	if !strings.HasPrefix(k, "ا") {
		return false // every shape below opens in ا (and no suffix is all of k)
	}
	for _, suf := range []string{"تا", "نا", "ت", ""} { // not وا: استعدوا is as often an imperative
		if suf != "" && !strings.HasSuffix(k, suf) {
			continue
		}
		rs := []rune(strings.TrimSuffix(k, suf))
		switch {
		case len(rs) == 5 && rs[0] == 'ا' && rs[1] == 'ن' && rs[3] != 'ا' && rs[2] != 'ا' && rs[4] != 'ه' && rs[4] != 'ي':
			return true
		case len(rs) == 4 && rs[0] == 'ا' && rs[1] == 'ن' && rs[2] != 'ا' && rs[3] != 'ا' && rs[3] != 'ه' && rs[3] != 'ي' && rs[3] != 'ت':
			return true // انضم، انشق (Form VII of a doubled root)
		case len(rs) == 5 && rs[0] == 'ا' && rs[1] != 'ل' && rs[2] == 'ت' && rs[3] != 'ا' && rs[4] != 'ه' && rs[4] != 'ي':
			return true
		case len(rs) == 6 && strings.HasPrefix(string(rs), "است") && rs[4] != 'ا' && rs[5] != 'ه' && rs[5] != 'ي':
			return true
		}
	}
	return false
}

// pluralPast: a past in the plural of Form I or III (قتلوا، هاجموا): فعلوا
// of five letters or فاعلوا of six, not opening in ي/ت/ن/ا/م (imperfects,
// imperatives and participles) or a preposition.
func pluralPast(k string) bool {
	if !strings.HasSuffix(k, "وا") {
		return false
	}
	rs := []rune(k)
	switch rs[0] {
	case 'ي', 'ت', 'ن', 'ا', 'م', 'ل', 'ب', 'ف', 'ك':
		return false
	}
	return len(rs) == 5 || len(rs) == 6 && rs[1] == 'ا'
}

// deliveryMonth: a month right after تسليم (للتسليم في أبريل، عقود تسليم
// مايو) is a delivery month of a futures contract.
func (t *tagger) deliveryMonth(i int) bool {
	for k := i - 1; k >= 0 && i-k <= 2; k-- {
		switch t.skey(k) {
		case "تسليم", "للتسليم", "التسليم", "لتسليم":
			return true
		}
	}
	return false
}

// contrast words open a clause of their own.
var contrast = set("لكن لكنه لكنها لكنهم ولكن ولكنه ولكنها ولكنهم")

// listedPlan: a future cue of the lists (المقرر، يفترض), not a سـ-verb.
func listedPlan(k string) bool {
	k2 := text.StripConj(k)
	return futureCues[k] || futureCues[k2]
}

// startingFrom words (اعتبارا من، ابتداء من) lean to a day ahead, weakly.
var startingFrom = set("اعتبارا ابتداء ابتداءا بدءا اعتبارا")

// complementizers open a clause whose verb is not the date's.
var complementizers = set("ان انه انها انهم بان بانه بانها لان")

// postponeWords move an event to a later day (أرجئت الجلسة إلى الخميس).
var postponeWords = set("ارجئ ارجئت ارجا ارجات ارجئت ارجي ارجيت تاجل تاجلت اجل اجلت تاجيل ارجاء يؤجل تؤجل ارجاؤها تاجيلها")

// postponedTo: the date follows إلى/حتى in a clause that tells of a
// postponement.
func (t *tagger) postponedTo(i int) bool {
	switch t.key(i - 1) {
	case "الي", "حتي", "لغايه":
	default:
		return false
	}
	for k := i - 2; k >= 0 && i-k <= 12 && t.clause[k] == t.clause[i]; k-- {
		if postponeWords[t.skey(k)] {
			return true
		}
	}
	return false
}

// openingImperfect: the word at i is an imperfect verb (يفتتح، وتنطلق)
// that is not a reporting or modal verb (يذكر أن، يقول، يمكن).
func (t *tagger) openingImperfect(i int) bool {
	k := text.StripConj(t.keys[i])
	if utf8.RuneCountInString(k) < 4 || notOpening[k] || futureNouns[k] || t.lex.givenNames[k] {
		return false
	}
	if k != t.keys[i] && t.lex.nameTokens[t.keys[i]] {
		return false // فيليب، وليام: a name, not ف/و + an imperfect
	}
	r, _ := utf8.DecodeRuneInString(k)
	if r != 'ي' && r != 'ت' {
		return false
	}
	if i > 0 && t.lex.nameLead[text.StripConj(t.keys[i-1])] {
		return false // a surname after a given name or a title (ريكس تيلرسون، المدرب يوركمان)
	}
	if r == 'ت' {
		// تعرض، تلقى، تراجع، تعرضت are past verbs too: a ت-word must be
		// longer than a past form can be, not end in ت, not be تفاعل
		rs := []rune(k)
		if len(rs) < 4 || formVPast[k] || rs[len(rs)-1] == 'ت' || len(rs) == 5 && rs[2] == 'ا' {
			return false
		}
		if len(rs) == 5 && rs[3] == 'ي' || len(rs) == 5 && rs[3] == 'ا' {
			return false // توقيف، تسليم، تطبيق (تفعيل) and تفعال are verbal nouns
		}
	}
	if _, n := t.lex.month(t.keys, i); n > 0 {
		return false
	}
	return !strings.HasSuffix(k, "ه") && !strings.HasPrefix(k, "تم")
}

var notOpening = set(`يعني تعني يتمثل تتمثل يمثل تمثل يشكل تشكل يتضمن تتضمن يضم تضم يعكس تعكس يكمن تكمن يتعلق تتعلق يذكر يشار تجدر يقول تقول يقولون يرى ترى يعتقد تعتقد يضيف تضيف يوضح توضح يؤكد تؤكد يشير تشير يبدو تبدو يعد تعد
يعتبر تعتبر يمكن يجب ينبغي يأتي تأتي يعود تعود يعيش تعيش يعاني تعاني يواجه تواجه يتهم تتهم يحمل تحمل يملك تملك يوجد توجد تونس تركيا تايلاند تنزانيا تايوان تشاد تشيلي
تيار تقرير تاريخ تحقيق تعليق توقيع تقديم تطوير تنظيم تحديث تعديل تصريح تصريحات تشكيل تنفيذ تمويل ترشيح تسجيل تراجع تدهور تصاعد تقدم يوم يونيو يوليو يناير`)

// imperfect reports a verb in the imperfect (يلتقي، تعقد، نرى، أرى).
func imperfect(k string) bool {
	r, _ := utf8.DecodeRuneInString(k)
	return utf8.RuneCountInString(k) >= 3 && (r == 'ي' || r == 'ت' || r == 'ن' || r == 'ا')
}

// cueWindow bounds how far (in tokens) a tense cue is looked for, which
// keeps tagging linear in the length of the text.
const cueWindow = 40

var speechVerbs = set("قال قالت أعلن أعلنت أكد أكدت أوضح أوضحت أضاف أضافت صرح صرحت ذكر ذكرت أفاد أفادت أشار أشارت كشف كشفت")

var futureNouns = set(`سياسه سياسي سياسيه سياسات سيارة سيارات سيطرة سيطره سيادة سياده سيناريو سيناريوهات سيدة سيده سياق سياحة سياحه سيول سيف سينما
ستار ستة سته ستين ستون سابق سابقا سابقه سابقة ساعه ساعة ساعات سائق ساحه ساحة ساحل سادس ساده سالم سامي سامر ساره سياق سيره سيرة سيدي سيول سيارة
سنوي سنويه سنويا سناء سنان ستاد ستوري سيسي ساسه ساهم ساهمت سابع سابعا ساري سارية سائر سائره سائل سائله سائلة سامية سامي سيرين سيما سيناتور ستالين ستراتيجي ستوديو سنة سنه سنوات سنوي سنويا سنوية سنين سنتين سنغافورة سناتور سنتيمتر سيبيريا سيول ستوكهولم سيناء سيئول سيبراني`)

// cue classifies one word: -1 past, +1 future, with whether it is a strong cue.
func cue(k0 string) (int, bool) {
	// the word as it is first (فاز، فجر), then without a conjunction (وفاز)
	k := text.StripConj(k0)
	if c, ok := cueWords[k0]; ok {
		return c.dir, c.strong
	}
	if c, ok := cueWords[k]; ok {
		return c.dir, c.strong
	}
	if derivedPast(k) || pluralPast(k) {
		return -1, true // انسحب، اعتقلت، استهدف: a derived-form past
	}
	// سـ + imperfect verb: سيلتقي، ستعقد، سنرى; not a given name (ستيفن)
	// (a plural in ات, a noun in ة, or a word in ا — no indicative verb ends
	// so — is no سـ + verb: سندات، سيارة، سيلفا). The prefix is looked at
	// first: most words have none, and the lookups after it cost more.
	if hasFuturePrefix(k) && utf8.RuneCountInString(k) >= 4 && !futureNouns[k] && !futureNouns[k0] && !loadLex().givenNames[k] && !loadLex().givenNames[k0] && !loadLex().futureLikeNames[k] &&
		!strings.HasSuffix(k, "ات") && !strings.HasSuffix(k, "ه") && !strings.HasSuffix(k, "ا") {
		return 1, true
	}
	return 0, false
}

// hasFuturePrefix: k starts with one of the first three futurePrefixes
// (سي ست سن).
func hasFuturePrefix(k string) bool {
	for _, p := range futurePrefixes[:3] {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// cueClass is what a listed word tells of its clause's tense.
type cueClass struct {
	dir    int
	strong bool
}

// cueWords holds, for every word of the cue lists, the class of the first
// list it is in, in the order cue reads them: future cues and modifiers
// (and غدا، خطط، تخطط، يخطط) strong future, speech verbs weak past,
// startingFrom (اعتبارا من الثلاثاء: from a day on, mostly ahead) weak
// future, past cues and modifiers and yesterday's words strong past. One
// lookup where cue made up to seven (TestCueWordsSameAsLists).
var cueWords = func() map[string]cueClass {
	m := map[string]cueClass{}
	add := func(c cueClass, sets ...map[string]bool) {
		for _, set := range sets {
			for k := range set {
				if _, ok := m[k]; !ok {
					m[k] = c
				}
			}
		}
	}
	add(cueClass{1, true}, futureCues, futureMods, map[string]bool{"غدا": true, "خطط": true, "تخطط": true, "يخطط": true})
	add(cueClass{-1, false}, speechVerbs)
	add(cueClass{1, false}, startingFrom)
	add(cueClass{-1, true}, pastCues, pastMods, yesterdayW)
	return m
}()

// firstPerson: سأ + a verb (سأزور، وسأعود), told by the hamza the key folds.
func (t *tagger) firstPerson(i int) bool {
	w := t.src[t.toks[i].Start:t.toks[i].End]
	for _, p := range []string{"سأ", "وسأ", "فسأ"} {
		if strings.HasPrefix(w, p) && utf8.RuneCountInString(w) >= len([]rune(p))+2 {
			return true
		}
	}
	return false
}

// clausePunct ends a clause before a verb (not a quote or a bracket).
var clausePunct = map[string]bool{",": true, ".": true, ":": true, ";": true, "!": true, "?": true, "-": true}

// formVPast are past verbs spelled like an imperfect in ت (تفعّل).
var formVPast = set(`تعرض تلقى تلقي تقدم تمكن توجه تحول تسلم تولى تولي ترأس تراس تزوج تحدث توفي تعهد تبنى تبني تسبب تعرف تحقق تجاوز تواصل تابع
تمسك تدخل تكفل توقف تأخر تاخر تغير تقرر تعذر تبين تضمن تألق تالق تأهل تاهل توج تسلل تصدر تصدى تصدي تعادل تفوق تخطى تخطي تمثل تعطل تضرر تراجع تظاهر تجمع تدهور تسلم تعاقد`)

// relBefore: words after which a verb heads its own clause (التي
// يستضيفها، أن يصل).
var relBefore = set("التي الذي اللذين اللتين الذين ان أن لن")

// openingPast: a clause that opens with a past verb of a common shape
// (ساهم، شارك، أصدر، قدمت، فاز): فاعل, أفعل, or a feminine past in ت.
func (t *tagger) openingPast(i int) bool {
	k := text.StripConj(t.keys[i])
	if strings.HasPrefix(k, "ال") || notOpening[k] || functionWords[k] || t.lex.givenNames[k] {
		return false
	}
	if _, n := t.lex.month(t.keys, i); n > 0 || t.lex.weekday(k) > 0 {
		return false
	}
	rs := []rune(k)
	switch {
	case len(rs) == 4 && rs[1] == 'ا' && rs[0] != 'ي' && rs[0] != 'ت' && rs[0] != 'م':
		return true // فاعل: ساهم، شارك، طالب
	case len(rs) == 4 && rs[0] == 'ا' && rs[1] != 'ل':
		return true // أفعل: أصدر، أعلن
	case len(rs) == 3 && rs[0] == 'ا' && !notPast3[k]:
		return true // أقر، أكد، أعد
	case len(rs) >= 4 && len(rs) <= 6 && rs[len(rs)-1] == 'ت' && rs[0] != 'ي' && (rs[0] != 'ن' || len(rs) <= 5) && !pastNounsT[k]:
		return true // قدمت، شاركت، انسحبت
	}
	return false
}

var notPast3 = set("اذا اذن او ان اي الا اما اين امس الي اول اخر انه انا اخ اب ام ابن اهل امر اسم اثر")

var pastNounsT = set("بيروت الكويت تابوت ملكوت جبروت طاغوت صوت بيت وقت سكوت ثبوت حانوت ياقوت عنكبوت")

// shortFutureOutOfPlace: a four-letter word read as سـ + verb (سيصل، ستصل)
// that stands where no verb does — not at a clause start, not after و/ف,
// إنه/أن/لن or a colon — is more likely a name (سيتي، سيول).
func (t *tagger) shortFutureOutOfPlace(i int) bool {
	k := t.keys[i]
	if utf8.RuneCountInString(k) != 4 || !strings.HasPrefix(k, "س") {
		return false
	}
	if i == 0 || t.toks[i-1].Kind == text.Punct || verbIntro[t.keys[i-1]] || strings.HasPrefix(t.keys[i-1], "ال") {
		return false // after a defined subject (الوفد سيصل) a verb stands
	}
	return true
}

var verbIntro = set("انه انها انهم انهما ان أن إن لن قد ثم حيث بينما عندما كما الذي التي الذين")

// cueAt is cue for token i, computed once per token: clauseDirection
// reads the same words for every expression near them.
func (t *tagger) cueAt(i int) (int, bool) {
	if t.cues == nil {
		t.cues = t.bufs.int8s(0, len(t.keys))
	}
	c := t.cues[i]
	if c == 0 {
		d, strong := cue(t.keys[i])
		c = int8(d+2) * 2 // 2, 4, 6 for -1, 0, 1
		if strong {
			c++
		}
		t.cues[i] = c
	}
	return int(c/2) - 2, c%2 == 1
}

// yearNear: an explicit year (four digits, 1900-2099) in token i's clause,
// within yearReach tokens after i and nearer to i than limit, not past the
// date m when i is before it: the verb at i is dated by that year, not by
// m (انتخب في 2000 … في انتخابات 18 مارس، والذي قتل فيه في 1976). A year
// before a verb that precedes the date (بدءا من 2017 بدأت … من فبراير)
// frames the date too and does not count.
func (t *tagger) yearNear(i int, m match, limit int) bool {
	if i < 0 || i >= len(t.toks) {
		return false
	}
	for k := i; k <= i+yearReach && k-i < limit && k < len(t.toks); k++ {
		if i < m.start && k >= m.start || t.clause[k] != t.clause[i] {
			break
		}
		if explicitYear(t.keys[k]) {
			return true
		}
	}
	return false
}

// relOpeners open a relative clause (والذي قتل فيه، التي شهدت).
var relOpeners = set("الذي التي الذين اللذين اللتين")

// yearReach bounds how far from a verb its own year is looked for.
const yearReach = 6

// explicitYear: a key of four ASCII digits from 1900 to 2099.
func explicitYear(k string) bool {
	if len(k) != 4 || k[0] != '1' && k[0] != '2' {
		return false
	}
	for j := 0; j < 4; j++ {
		if k[j] < '0' || k[j] > '9' {
			return false
		}
	}
	return k[:2] == "19" || k[:2] == "20"
}
