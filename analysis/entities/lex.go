// Package entities finds people, organizations and places in Arabic news
// with lexicons of general knowledge (places, organizations, roles, given
// names) and patterns (role + name, given name + surname, coordinated
// duals, apposition), and groups their many spellings into clusters with a
// transliteration-aware key. Every mention keeps its byte span and the rule
// that found it.
package entities

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rasad/rasad/lexicon"
	"github.com/rasad/rasad/text"
)

type gazEntry struct {
	kind      string // ROLE ORG LOC ADJ
	canonical string
	sub       string // places: country|city|adj; orgs: kind; roles: sector
	country   string // ISO code for places and adjectives
	ambiguous bool
	gen       bool // from a generated lexicon (../shared/data): a candidate, gated by context
	pop       int  // population, where the lexicon gives it
	words     []string
	ref       string
	// made once at load (buildInfo) for the rules that read them per mention
	lexRule  string // "lexicon " + ref
	roleRule string // "role + name (" + ref + ")"
	club     bool   // clubNames[strings.Join(words, " ")]
}

type lexicons struct {
	byFirst    map[string][]gazEntry  // longest first
	byTwo      map[string][]*gazEntry // phrases of two words or more by "w0\x00w1", longest first
	single     map[string]*gazEntry   // one-word phrases (the first listed)
	info       map[string]*keyInfo    // what the lexicons say of a word key, in one lookup
	given      map[string]bool
	givenExact map[string]bool // names whose key is also a function word, by exact spelling
	foreign    map[string]bool // foreign given names (جان، أيف): a third word may follow them
	// givenTaMarbuta are names written with ة (نادية): the same letters
	// with ه are a noun and a pronoun (ناديه: his club)
	givenTaMarbuta map[string]bool
	arabic         map[string]bool // Arabic given names
	notName        map[string]bool
	fields         map[string]string // ministry fields: الخارجية -> foreign
	landmarks      map[string]bool   // بحيرة، نهر، جبل …
	countryOf      map[string]string // ISO -> English name
	maxPhrase      int
	nameJoiner     map[string]bool   // بن، أبو، عبد …
	nameTokens     map[string]int    // person-name tokens -> Wikidata names holding them
	alSurnames     map[string]bool   // family names with the article of well-known people (الأسد)
	famous         map[string]string // family names of well-known people, found alone (أينشتاين) -> full name ("" if several)
	ordinals       map[string]bool   // الأول، الثاني …: regnal numbers, never a name alone
	months         map[string]bool   // month names (مارس، رمضان)
	clubNames      map[string]bool   // word keys of clubs' names (برشلونة of نادي برشلونة، ريال مدريد)
	groups         map[string]bool   // plurals of peoples without the article (أكراد: groups.tsv; فلسطينيون: places.tsv)
	// commonWords are the common words of common_words.tsv (بيان، مركز،
	// مالية): a generated row or a name token spelled like one is no name
	commonWords map[string]bool
	// competitions are byFirst's competition names only, in its order
	// (inCompetition looks at every model mention's words)
	competitions map[string][]*gazEntry
	// infoBits has bit infoBit(k) of every key k of info: most words of a
	// text are not in info, and the bit (a table that stays in the
	// processor's caches) says so without a lookup in the map
	infoBits []uint64
	// infoSlots holds the keys of info up to slotKeyMax bytes with their
	// keyInfo, for infoOf (see infoSlot)
	infoSlots []infoSlot
	// pairBits has bit pairBit(w0, w1) of every key of byTwo: most pairs a
	// text's words make start no phrase, and the bit says so without the
	// lookup (keyInfo.next, one word per first word, is full for the words
	// that start hundreds of phrases)
	pairBits []uint64
}

const infoBitsLog = 19 // 2^19 bits (64 KB) for ~38,000 keys

// infoBit is the word and bit of key k in infoBits (most keys are
// shorter than sixteen bytes; a collision only costs a lookup).
func infoBit(k string) (word, bit uint64) {
	h := keyHash(k) >> (64 - infoBitsLog)
	return h >> 6, 1 << (h & 63)
}

// nextBit is the bit of key k in keyInfo.next.
func nextBit(k string) uint64 { return 1 << (keyHash(k) & 63) }

// keyHash: see text.KeyHash.
func keyHash(k string) uint64 { return text.KeyHash(k) }

// known reports a key that starts a lexicon phrase or is a given name
// (len(byFirst[k]) > 0 || given[k]), from its keyInfo: one bit test for
// most words.
func (l *lexicons) known(k string) bool {
	ki := l.infoOf(k)
	return ki != nil && (ki.single != nil || ki.multi || ki.flags&fGiven != 0)
}

// infoOf is info[k], nil for a key the lexicons say nothing of.
func (l *lexicons) infoOf(k string) *keyInfo {
	h := keyHash(k)
	if hb := h >> (64 - infoBitsLog); l.infoBits[hb>>6]&(1<<(hb&63)) == 0 {
		return nil
	}
	if len(k) == 0 || len(k) > slotKeyMax {
		return l.info[k]
	}
	mask := uint64(len(l.infoSlots) - 1)
	for i := slotOf(h, mask); ; i = (i + 1) & mask {
		s := &l.infoSlots[i]
		if s.klen == 0 {
			return nil
		}
		if int(s.klen) == len(k) && string(s.key[:len(k)]) == k {
			return &s.ki
		}
	}
}

// pairMay reports whether byTwo may hold a phrase starting with the
// words a, b (false: it holds none).
func (l *lexicons) pairMay(a, b string) bool {
	w, bit := pairBit(a, b)
	return l.pairBits[w]&bit != 0
}

// flagsOf is the flags of key k (0 for a key the lexicons say nothing of):
// set membership by one bit test for most words, one lookup for the rest.
func (l *lexicons) flagsOf(k string) uint64 {
	if ki := l.infoOf(k); ki != nil {
		return ki.flags
	}
	return 0
}

// flagsTokens is flagsOf(k) and tokensOf(k) by one infoOf.
func (l *lexicons) flagsTokens(k string) (uint64, int) {
	if ki := l.infoOf(k); ki != nil {
		return ki.flags, int(ki.tokens)
	}
	return 0, 0
}

// tokensOf is nameTokens[k] by infoOf.
func (l *lexicons) tokensOf(k string) int {
	if ki := l.infoOf(k); ki != nil {
		return int(ki.tokens)
	}
	return 0
}

// isCommon reports a word key that is a common word of common_words.tsv,
// read with or without a conjunction and the article (البيان، والمركز).
func (l *lexicons) isCommon(k string) bool {
	if l.infoBits != nil {
		// (after load: by the flags; load itself asks before buildInfo)
		if l.has(k, fCommonLex) {
			return true
		}
		k = text.StripConj(k)
		if l.has(k, fCommonLex) {
			return true
		}
		for _, p := range [...]string{"ال", "بال", "لل", "كال"} {
			if rest, ok := strings.CutPrefix(k, p); ok {
				return l.has(rest, fCommonLex)
			}
		}
		return false
	}
	if l.commonWords[k] {
		return true
	}
	k = text.StripConj(k)
	if l.commonWords[k] {
		return true
	}
	for _, p := range [...]string{"ال", "بال", "لل", "كال"} {
		if rest, ok := strings.CutPrefix(k, p); ok {
			return l.commonWords[rest]
		}
	}
	return false
}

// allCommon reports a phrase made only of common words (عقوبة الإعدام).
func (l *lexicons) allCommon(words []string) bool {
	for _, w := range words {
		if !l.isCommon(w) {
			return false
		}
	}
	return len(words) > 0
}

var (
	lexOnce sync.Once
	lex     lexicons
)

func load() *lexicons {
	lexOnce.Do(func() {
		lex.byFirst = map[string][]gazEntry{}
		lex.countryOf = map[string]string{}
		lex.commonWords = map[string]bool{}
		for _, e := range lexicon.MustLoad("common_words.tsv") {
			if len(e.Words) == 1 {
				lex.commonWords[e.Words[0]] = true
			}
		}
		add := func(e gazEntry) {
			lex.byFirst[e.words[0]] = append(lex.byFirst[e.words[0]], e)
			if len(e.words) > lex.maxPhrase {
				lex.maxPhrase = len(e.words)
			}
		}
		lex.groups = map[string]bool{}
		for _, e := range lexicon.MustLoad("groups.tsv") {
			if len(e.Words) == 1 {
				lex.groups[e.Words[0]] = true
			}
		}
		for _, e := range lexicon.MustLoad("places.tsv") {
			kind := "LOC"
			if e.Field(1) == "adj" {
				kind = "ADJ"
				// a sound plural (الفلسطينيون، الإيرانيين) names the people
				if w := e.Words; len(w) == 1 && (strings.HasSuffix(w[0], "يون") || strings.HasSuffix(w[0], "يين")) {
					lex.groups[strings.TrimPrefix(w[0], "ال")] = true
				}
			}
			if e.Field(1) == "country" {
				lex.countryOf[e.Field(2)] = e.Field(0)
			}
			add(gazEntry{kind: kind, canonical: e.Field(0), sub: e.Field(1), country: e.Field(2), ambiguous: e.Field(3) == "ambiguous", words: e.Words, ref: e.Ref()})
		}
		for _, e := range lexicon.MustLoad("regions.tsv") {
			add(gazEntry{kind: "LOC", canonical: e.Field(0), sub: e.Field(1), country: e.Field(2), words: e.Words, ref: e.Ref()})
		}
		for _, e := range lexicon.MustLoad("orgs.tsv") {
			add(gazEntry{kind: "ORG", canonical: e.Field(0), sub: e.Field(1), country: e.Field(2), words: e.Words, ref: e.Ref()})
		}
		// the generated lexicons (go run ./internal/lexbuild), after the
		// curated ones: at equal length a curated entry wins
		for _, f := range []string{"places_data.tsv", "places_odbl.tsv"} {
			for _, e := range lexicon.MustLoad(f) {
				if lex.allCommon(e.Words) {
					continue // بيان، مالية، عقوبة الإعدام: words, not places (common_words.tsv)
				}
				pop, _ := strconv.Atoi(e.Field(3))
				add(gazEntry{kind: "LOC", canonical: e.Field(0), sub: e.Field(1), country: e.Field(2), gen: true, pop: pop, words: e.Words, ref: e.Ref()})
			}
		}
		for _, e := range lexicon.MustLoad("competitions_data.tsv") {
			add(gazEntry{kind: "MISC", canonical: e.Field(0), sub: "competition", gen: true, words: e.Words, ref: e.Ref()})
		}
		for _, e := range lexicon.MustLoad("competitions.tsv") {
			add(gazEntry{kind: "MISC", canonical: e.Field(0), sub: "competition", words: e.Words, ref: e.Ref()})
		}
		lex.clubNames = map[string]bool{}
		// clubs.tsv (curated clubs and their short forms) is read like the
		// generated rows: a candidate that an ambiguous form needs sport for
		for _, e := range slices.Concat(lexicon.MustLoad("orgs_data.tsv"), lexicon.MustLoad("clubs.tsv")) {
			add(gazEntry{kind: "ORG", canonical: e.Field(0), sub: e.Field(1), country: e.Field(2), gen: true, words: e.Words, ref: e.Ref()})
			if e.Field(1) != "club" {
				continue
			}
			lex.clubNames[strings.Join(e.Words, " ")] = true
			if v := shortVowelForm(e.Words); v != nil {
				// باريس سان جرمان beside جيرمان: the same club
				lex.clubNames[strings.Join(v, " ")] = true
				add(gazEntry{kind: "ORG", canonical: e.Field(0), sub: "club", country: e.Field(2), gen: true, words: v, ref: e.Ref()})
			}
			if last := e.Words[len(e.Words)-1]; len(e.Words) == 2 && (last == "سيتي" || last == "يونايتد") && utf8.RuneCountInString(e.Words[0]) >= 4 {
				// سوانزي سيتي، ليدز يونايتد: the club is called by its town
				lex.clubNames[e.Words[0]] = true
				add(gazEntry{kind: "ORG", canonical: e.Field(0), sub: "club", country: e.Field(2), gen: true, words: e.Words[:1], ref: e.Ref()})
			}
			if len(e.Words) > 1 && (e.Words[0] == "نادي" || e.Words[0] == "فريق") {
				// نادي الزمالك: the club is called الزمالك
				alias := e.Words[1:]
				lex.clubNames[strings.Join(alias, " ")] = true
				add(gazEntry{kind: "ORG", canonical: e.Field(0), sub: "club", country: e.Field(2), gen: true, words: alias, ref: e.Ref()})
			}
		}
		lex.alSurnames = map[string]bool{}
		lex.famous = map[string]string{}
		lex.ordinals = keySet(ordinalWords)
		lex.months = map[string]bool{}
		for _, e := range lexicon.MustLoad("persons_data.tsv") {
			add(gazEntry{kind: "PERSON", canonical: e.Field(0), gen: true, words: e.Words, ref: e.Ref()})
			last := e.Words[len(e.Words)-1]
			if strings.HasPrefix(last, "ال") {
				lex.alSurnames[last] = true
			} else if !lex.ordinals[last] && !lex.nameJoiner[e.Words[len(e.Words)-2]] && !lex.isCommon(last) {
				// (a family name that is a common word, فوري، جناح, is not found alone)
				if prev, ok := lex.famous[last]; ok && prev != e.Surface {
					lex.famous[last] = ""
				} else {
					lex.famous[last] = e.Surface
				}
			}
		}
		for _, e := range lexicon.MustLoad("roles.tsv") {
			add(gazEntry{kind: "ROLE", canonical: e.Field(0), sub: e.Field(1), words: e.Words, ref: e.Ref()})
		}
		for k, es := range lex.byFirst {
			for i := 1; i < len(es); i++ {
				for j := i; j > 0 && len(es[j].words) > len(es[j-1].words); j-- {
					es[j], es[j-1] = es[j-1], es[j]
				}
			}
			lex.byFirst[k] = es
		}
		lex.byTwo = map[string][]*gazEntry{}
		lex.single = map[string]*gazEntry{}
		for k, es := range lex.byFirst {
			for j := range es {
				e := &es[j]
				if len(e.words) == 1 {
					if lex.single[k] == nil {
						lex.single[k] = e
					}
					continue
				}
				two := e.words[0] + "\x00" + e.words[1]
				lex.byTwo[two] = append(lex.byTwo[two], e) // byFirst is longest first already
			}
		}
		lex.notName = keySet(notNameWords)
		// number words (صفر، ثلاثة) are never names
		for _, e := range lexicon.MustLoad("numbers.tsv") {
			if len(e.Words) == 1 && !strings.HasPrefix(e.Field(1), "ordinal") {
				lex.notName[e.Words[0]] = true // ordinals are regnal numbers (محمد الخامس)
			}
		}
		defer lex.buildInfo()
		lex.given = map[string]bool{}
		lex.givenExact = map[string]bool{}
		lex.foreign = map[string]bool{}
		lex.givenTaMarbuta = map[string]bool{}
		lex.arabic = map[string]bool{}
		for _, e := range lexicon.MustLoad("given_names.tsv") {
			if lex.notName[e.Words[0]] {
				// علي/على، آن/أن: the key collides with a function word, so
				// only the name's exact spelling counts
				lex.givenExact[e.Surface] = true
				continue
			}
			lex.given[e.Words[0]] = true
			if strings.HasSuffix(e.Surface, "ة") {
				lex.givenTaMarbuta[e.Words[0]] = true
			}
			if e.Field(0) == "foreign" {
				lex.foreign[e.Words[0]] = true
			} else {
				lex.arabic[e.Words[0]] = true
			}
		}
		for _, e := range lexicon.MustLoad("given_names_data.tsv") {
			if len(e.Words) != 1 || lex.notName[e.Words[0]] || lex.given[e.Words[0]] || notGiven[e.Words[0]] {
				continue
			}
			lex.given[e.Words[0]] = true
			if strings.HasSuffix(e.Surface, "ة") {
				lex.givenTaMarbuta[e.Words[0]] = true
			}
		}
		// months (مارس، تموز) are never a name alone
		for _, e := range lexicon.MustLoad("months.tsv") {
			if len(e.Words) == 1 {
				lex.months[e.Words[0]] = true
			}
		}
		lex.nameTokens = map[string]int{}
		for _, e := range lexicon.MustLoad("name_tokens.tsv") {
			if len(e.Words) == 1 && !lex.isCommon(e.Words[0]) {
				n, _ := strconv.Atoi(e.Field(0))
				lex.nameTokens[e.Words[0]] += n + 1
			}
		}
		lex.fields = map[string]string{}
		for k, v := range ministryFields {
			lex.fields[text.Key(k)] = v
		}
		lex.landmarks = keySet("بحيرة نهر جبل جبال جزيرة جزر خليج مضيق بحر صحراء وادي سهل هضبة شبه")
		lex.nameJoiner = keySet("بن ابن بنت أبو ابو أبي عبد آل ولد")
	})
	return &lex
}

var keySet = text.KeySet

// shortVowelForm is the spelling of a foreign name of two words or more
// without the ي that writes a short vowel after a word's first consonant
// (سان جيرمان -> سان جرمان، باير ليفركوزن -> باير لفركوزن): news write
// such names both ways. Only words of five letters or more, not starting
// with an alif (أياكس: the ي is a consonant there) nor with ي before a
// long vowel (بيانكو); nil when no word changes.
func shortVowelForm(words []string) []string {
	if len(words) < 2 {
		return nil
	}
	var out []string
	for i, w := range words {
		r := []rune(w)
		if len(r) < 5 || r[1] != 'ي' || strings.ContainsRune("اأإآو", r[0]) || r[2] == 'ا' || r[2] == 'و' || r[2] == 'ي' {
			continue
		}
		if out == nil {
			out = slices.Clone(words)
		}
		out[i] = string(r[:1]) + string(r[2:])
	}
	return out
}

var ministryFields = map[string]string{
	"الخارجية": "foreign", "الدفاع": "defence", "الداخلية": "interior", "المالية": "finance", "الطاقة": "energy",
	"الاقتصاد": "economy", "العدل": "justice", "الصحة": "health", "التعليم": "education", "الزراعة": "agriculture",
	"النفط": "oil", "الإعلام": "information", "التجارة": "trade", "النقل": "transport", "الثقافة": "culture",
}

// notGiven are given names of the generated list that are mostly other
// words in news: بيت (house), لي (for me).
var notGiven = keySet("بيت لي أم ام")

// ordinalWords are regnal numbers: part of a name (الحسن الثاني), never a
// name alone.
const ordinalWords = `الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الحادي الأولى الثانية الثالثة الرابعة الخامسة الكبير الصغير الأكبر الأصغر الابن الأب`

// notNameWords can never be part of a person's name: function words,
// pronouns, time words and the verbs that follow names in news.
const notNameWords = `في فى من على علي إلى الى عن مع حول بين بعد قبل منذ خلال حتى عند لدى أن ان إن انه أنه إنه التي الذي الذين اللذين اللتين هذا هذه ذلك تلك هؤلاء هو هي هم هما نحن أنا
كما قد لقد كان كانت يكون تكون أو او ثم لكن بل غير كل بعض أي اي فيما بينما حيث ضمن دون نحو لها له لهم عليه عليها إليه اليه فيه فيها منه منها به بها عبر وفق وفقا بشأن لدى إزاء تجاه ضد
اليوم أمس امس غدا الآن حاليا مساء صباح يوم الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت عام العام شهر
على علي ان أن آن نقلا بحسب حسب هناك هنا ربما يبدو يمكن أمام خلف داخل خارج جراء بسبب عقب رغم مقابل قال قالت يقول تقول أعلن أعلنت يعلن أكد أكدت يؤكد تؤكد أضاف أضافت أوضح أوضحت أشار أشارت ذكر ذكرت أفاد أفادت صرح صرحت اعتبر اعتبرت رأى رأت يرى ترى
التقى التقت يلتقي تلتقي بحث بحثت يبحث تبحث أجرى أجرت يجري تجري دعا دعت يدعو تدعو طالب طالبت يطالب تطالب رفض رفضت يرفض ترفض حذر حذرت يحذر تحذر
اتهم اتهمت يتهم تتهم وصل وصلت يصل تصل زار زارت يزور تزور استقبل استقبلت عقد عقدت يعقد تعقد وقع وقعت اجتمع اجتمعت أعرب أعربت يعرب تعرب أبلغ أبلغت
سيلتقي سيعقد ستعقد سيزور ستزور سيجري ستجري يترأس كتب كتبت نفى نفت ينفي تنفي شدد شددت يشدد لفت لفتت تابع تابعت حث حثت يحث استبعد استبعدت
وصف وصفت يصف وحده نفسه ذاته أيضا ايضا جدا فقط ما لا لم لن ليس ليست إذا اذا لو كي حين عندما بينهم بينهما إثر اثر لاحقا سابقا مرارا
وزارة الوزارة الحكومة البرلمان الجيش الشرطة الدولة الدول البلاد بلاده بلادها الشعب الرئاسة الإدارة إدارة السلطات المسؤولين المسؤول مسؤولون مسؤولين
الذى اللذان الأمريكي الروسي بشكل خاص عام قبيل بعيد لدى إبان ابان أثناء اثناء طوال خلالها بعدها قبلها
إحدى احدى أحد أهم تم عضو عضوا إلا الا عما لأنني لانني ماذا لماذا بعدما عندئذ حينما كلما
علينا عليهم لنا لكم منهم عنهم معه معها معهم مما كنا سيكون ستكون`

// maxNameTokens bounds a name's words (joiners such as بن and أبو aside).
const maxNameTokens = 3

// maxNameWords bounds a name's words, joiners included (حمد بن جاسم بن
// جبر آل ثاني).
const maxNameWords = 8

// variant is a reading of a word with its clitics removed.
type variant struct {
	key   string
	strip int // runes of clitics removed from the front of the surface
}

// variants holds up to three readings of a word without allocating.
type variants struct {
	v [3]variant
	n int
}

func (vs *variants) all() []variant { return vs.v[:vs.n] }

// find returns the first reading whose key ok accepts (a head word read
// through its clitics: والاتحاد → الاتحاد), or false.
func (vs *variants) find(ok func(key string) bool) (variant, bool) {
	for _, v := range vs.all() {
		if ok(v.key) {
			return v, true
		}
	}
	return variant{}, false
}

func (vs *variants) add(v variant) {
	if vs.n < len(vs.v) {
		vs.v[vs.n] = v
		vs.n++
	}
}

// cliticVariants returns k and its readings without a conjunction (و ف),
// a preposition (ب ل ك) or both; لل also reads as ل + ال.
func cliticVariants(k string) variants {
	var out variants
	out.add(variant{k, 0})
	if len(k) < 6 { // fewer than three Arabic letters
		return out
	}
	rest, strip := k, 0
	if strings.HasPrefix(rest, "و") || strings.HasPrefix(rest, "ف") {
		rest, strip = rest[len("و"):], 1
		out.add(variant{rest, strip})
	}
	if len(rest) >= 6 {
		switch {
		case strings.HasPrefix(rest, "لل"):
			out.add(variant{"ا" + rest[len("ل"):], strip + 1})
		case strings.HasPrefix(rest, "ب") || strings.HasPrefix(rest, "ل") || strings.HasPrefix(rest, "ك"):
			out.add(variant{rest[len("ب"):], strip + 1})
		}
	}
	return out
}

// NameKey is the transliteration-aware matching key of a person's name:
// the normalization key with ج/غ/ق folded, ط to ت, ص to س, ظ/ذ to ز, ث to
// ت, the long vowels ا و ي dropped inside words (kept first and last), and
// a final ش or ز of a long word read as س, so سيرغي/سيرجي شويغو,
// أنطونيو/أنتونيو غوتيريس/غوتيريش, دميتري/ديمتري ميدفيديف agree.
func NameKey(name string) string {
	nb := nameKeyBufs.Get().(*nameKeyBuf)
	defer nameKeyBufs.Put(nb)
	nb.toks = text.AppendTokens(nb.toks[:0], name)
	words := nb.words[:0]
	for _, t := range nb.toks {
		if t.Kind == text.Word { // hashtags and quotes inside a name are not part of it
			words = append(words, t.Key)
		}
	}
	buf := nb.buf[:0]
	for i := 0; i < len(words); i++ {
		w := words[i]
		if (w == "عبد" || w == "ابو") && i+1 < len(words) {
			// عبد الفتاح / عبدالفتاح, أبو ريدا / أبوريدا
			w += words[i+1]
			i++
		}
		if len(buf) > 0 {
			buf = append(buf, ' ')
		}
		buf = appendSkeleton(buf, w)
	}
	key := string(buf)
	clear(nb.toks)
	clear(words)
	nb.words, nb.buf = words[:0], buf[:0]
	return key
}

// nameKeyBuf holds NameKey's buffers between calls (it runs for every
// person mention).
type nameKeyBuf struct {
	toks  []text.Token
	words []string
	buf   []byte
}

var nameKeyBufs = sync.Pool{New: func() any { return new(nameKeyBuf) }}

// foldLetter folds the letters that transliterations confuse.
func foldLetter(r rune) rune {
	switch r {
	case 'غ', 'ق':
		return 'ج'
	case 'ط', 'ث':
		return 'ت'
	case 'ص':
		return 'س'
	case 'ظ', 'ذ':
		return 'ز'
	case 'ة':
		return 'ه'
	}
	return r
}

func skeleton(w string) string { return string(appendSkeleton(nil, w)) }

// appendSkeleton appends the skeleton of w to buf (see NameKey).
func appendSkeleton(buf []byte, w string) []byte {
	n := utf8.RuneCountInString(w)
	i := 0
	var last rune = -1
	for _, r := range w {
		r = foldLetter(r)
		if i == n-1 && n >= 5 && (r == 'ش' || r == 'ز') {
			r = 'س' // a final -s written ش or ز: غوتيريش/غوتيريس، غونزاليز/غونزاليس
		}
		if i > 0 && i < n-1 && (r == 'ا' || r == 'و' || r == 'ي') {
			i++
			continue
		}
		i++
		if r == last {
			continue // doubled letters: ستولتنبرغ written with a doubled letter
		}
		last = r
		buf = utf8.AppendRune(buf, r)
	}
	return buf
}

func (l *lexicons) arabicGiven(k string) bool {
	f := l.flagsOf(k)
	return f&fArabic != 0 && f&fForeign == 0
}

// RoleLabel returns the Arabic form of a role name (president -> الرئيس),
// or the role itself when the lexicon has none.
func RoleLabel(role string) string {
	if l, ok := roleLabels()[role]; ok {
		return l
	}
	return role
}

// roleLabels reads roles.tsv alone: a timeline labels roles without
// loading every lexicon (a fifth of a --query timeline's time).
var roleLabels = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for _, e := range lexicon.MustLoad("roles.tsv") {
		if _, ok := out[e.Field(0)]; !ok {
			out[e.Field(0)] = strings.TrimSuffix(e.Surface, " باسم")
		}
	}
	return out
})

// keyInfo is what the lexicons know of one word key: the one-word phrase
// it is, whether a longer phrase starts with it, and flags from the small
// word sets, so that a word costs one map lookup per reading.
type keyInfo struct {
	single *gazEntry
	flags  uint64
	tokens int32 // nameTokens[k]
	multi  bool
	// next has nextBit(w) of the second word w of every longer phrase
	// starting with the key: a phrase can start here only if the next
	// word's bit is set
	next uint64
}

const (
	fGiven uint64 = 1 << iota
	fInstitution
	fSport
	fFamous
	fLandmark
	fTok10       // a name token of ten Wikidata names or more (tokenName's first word)
	fMinistry    // وزارة or a ministry's field word
	fCompetition // starts a competition's name (competitions)
	// membership of the word sets that the rules ask of most words, so
	// that a word's own entry (word.infos) answers without a lookup
	fKunya      // kunyaStarts
	fInstHead   // institutionHeads
	fBodyHead   // bodyHeads
	fGivenExact // the key of a givenExact spelling (the spelling itself is checked after)
	fNotName    // notName
	fMonth      // months
	fJoiner     // nameJoiner
	fTaMarbuta  // givenTaMarbuta
	fCommonLex  // commonWords (common_words.tsv)
	fOrdinal    // ordinals
	fAlSurname  // alSurnames
	fForeign    // foreign
	fArabic     // arabic
	fFederation // الاتحاد (federationAt's head)
	fFacility   // facilityNouns
	fChainHead  // chainHeads and definiteChainHeads (bodyChainAt's heads)
	fOutletHead // outletHeads
	fCorpSuffix // corporateSuffixes
)

func (l *lexicons) buildInfo() {
	for _, es := range l.byFirst {
		for j := range es {
			e := &es[j]
			e.lexRule = "lexicon " + e.ref
			e.roleRule = "role + name (" + e.ref + ")"
			e.club = l.clubNames[strings.Join(e.words, " ")]
		}
	}
	l.competitions = map[string][]*gazEntry{}
	for k, es := range l.byFirst {
		for j := range es {
			if es[j].sub == "competition" {
				l.competitions[k] = append(l.competitions[k], &es[j])
			}
		}
	}
	l.info = map[string]*keyInfo{}
	get := func(k string) *keyInfo {
		ki := l.info[k]
		if ki == nil {
			ki = &keyInfo{}
			l.info[k] = ki
		}
		return ki
	}
	for k, e := range l.single {
		get(k).single = e
	}
	for k, es := range l.byFirst {
		for _, e := range es {
			if len(e.words) > 1 {
				ki := get(k)
				ki.multi = true
				ki.next |= nextBit(e.words[1])
			}
		}
	}
	for k := range l.given {
		get(k).flags |= fGiven
	}
	for _, m := range []map[string]bool{institutionHeads, definiteHeads, adjectiveHeads} {
		for k := range m {
			get(k).flags |= fInstitution
		}
	}
	for k := range sportCues {
		get(k).flags |= fSport
	}
	for k := range l.famous {
		get(k).flags |= fFamous
	}
	for k := range l.landmarks {
		get(k).flags |= fLandmark
	}
	for k, n := range l.nameTokens {
		if n >= 10 {
			get(k).flags |= fTok10
		}
	}
	for k, n := range l.nameTokens {
		get(k).tokens = int32(n)
	}
	for _, set := range []struct {
		m map[string]bool
		f uint64
	}{{kunyaStarts, fKunya}, {institutionHeads, fInstHead}, {bodyHeads, fBodyHead}, {l.notName, fNotName}, {l.months, fMonth},
		{l.nameJoiner, fJoiner}, {l.givenTaMarbuta, fTaMarbuta}, {l.commonWords, fCommonLex}, {l.ordinals, fOrdinal},
		{l.alSurnames, fAlSurname}, {l.foreign, fForeign}, {l.arabic, fArabic}, {facilityNouns, fFacility},
		{chainHeads, fChainHead}, {definiteChainHeads, fChainHead}, {outletHeads, fOutletHead}, {corporateSuffixes, fCorpSuffix}} {
		for k := range set.m {
			get(k).flags |= set.f
		}
	}
	for s := range l.givenExact {
		// the key a word spelled s has (the tokenizer's, as in buildWords)
		for _, t := range text.Tokenize(s) {
			get(t.Key).flags |= fGivenExact
		}
	}
	get("الاتحاد").flags |= fFederation
	get("وزاره").flags |= fMinistry
	for k := range l.fields {
		get(k).flags |= fMinistry
	}
	for k := range l.competitions {
		get(k).flags |= fCompetition
	}
	l.infoBits = make([]uint64, 1<<infoBitsLog/64)
	for k := range l.info {
		w, b := infoBit(k)
		l.infoBits[w] |= b
	}
	l.buildInfoSlots()
	l.pairBits = make([]uint64, 1<<pairBitsLog/64)
	for two := range l.byTwo {
		a, b, _ := strings.Cut(two, "\x00")
		w, bit := pairBit(a, b)
		l.pairBits[w] |= bit
	}
}

const pairBitsLog = 20 // 2^20 bits (128 KB)

// pairBit is the word and bit of the pair of keys a, b in pairBits.
func pairBit(a, b string) (word, bit uint64) {
	h := (keyHash(a) ^ keyHash(b)*0x9E3779B97F4A7C15) * 0xBF58476D1CE4E5B9 >> (64 - pairBitsLog)
	return h >> 6, 1 << (h & 63)
}

// infoSlot is one key of info and its keyInfo in one cache line: a lookup
// in infoSlots reads one line (two at times), where the map reads its
// control word, its slot, the key's bytes and the keyInfo, each in a line
// of its own.
type infoSlot struct {
	ki   keyInfo
	klen uint8 // 0: an empty slot
	key  [slotKeyMax]byte
}

const (
	slotKeyMax  = 31 // the longest key a slot holds (info keeps the longer ones)
	infoSlotLog = 16 // 2^16 slots for ~38,000 keys
)

// buildInfoSlots copies the keys of info of up to slotKeyMax bytes into
// infoSlots (open addressing by keyHash, linear probing) and points info
// at the copies, so that both give the same *keyInfo.
func (l *lexicons) buildInfoSlots() {
	l.infoSlots = make([]infoSlot, 1<<infoSlotLog)
	mask := uint64(len(l.infoSlots) - 1)
	keys := make([]string, 0, len(l.info))
	for k := range l.info {
		keys = append(keys, k)
	}
	slices.Sort(keys) // (the same table every run)
	for _, k := range keys {
		if len(k) == 0 || len(k) > slotKeyMax {
			continue
		}
		i := slotOf(keyHash(k), mask)
		for l.infoSlots[i].klen != 0 {
			i = (i + 1) & mask
		}
		s := &l.infoSlots[i]
		s.ki = *l.info[k]
		s.klen = uint8(len(k))
		copy(s.key[:], k)
		l.info[k] = &s.ki
	}
}

// has reports whether key k is in the word set of flag f (given, notName,
// months …: see the flags), through infoOf.
func (l *lexicons) has(k string, f uint64) bool {
	ki := l.infoOf(k)
	return ki != nil && ki.flags&f != 0
}

// slotOf is the first slot of a key of hash h: the top bits of h mixed
// once more (keyHash's low bits mix only a few of the key's bytes).
func slotOf(h, mask uint64) uint64 { return (h * 0xBF58476D1CE4E5B9 >> (64 - infoSlotLog)) & mask }
