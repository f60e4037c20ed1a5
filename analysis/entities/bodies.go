package entities

import (
	"strings"
	"unicode/utf8"

	"github.com/rasad/rasad/text"
)

// Spelled-out bodies named by a head noun in the construct state and a
// chain of words after it: وكالة الأمن القومي الأميركية، لجنة المساءلة
// والعدالة، الحرس الوطني التونسي، جهاز قطر للاستثمار، مركز الملك فلان
// للإغاثة. The chain is read word by word with stopping rules, not from a
// list: it takes words with the article (a genitive and its adjectives),
// و + a word with the article, a purpose in لل with the adjectives after it,
// and ends after a nationality adjective; a verb, a preposition, a word
// without the article, a title or a generic adjective (السابق، الجديد)
// stops it. A place or a person right after the head (جهاز قطر، مركز الملك
// فلان) is part of the name only when a purpose or an adjective follows,
// and then no separate place or person is read inside it.

// chainHeads head a body's name in the construct state (with a clitic or
// not). مديرية is left out: in Yemen it is a district (مديرية حيس). The
// heads of institutionAt (شركة، حزب، جامعة …) and the ministries
// have rules of their own.
var chainHeads = keySet("وكالة لجنة هيئة مجلس جهاز مركز صندوق محكمة مكتب سلطة مفوضية")

// chainTopicHeads are named for two topics as often as for one: لجنة
// المساءلة والعدالة, هيئة النزاهة والشفافية. After other heads a
// coordination is as often two bodies (مجلس النواب والحكومة).
var chainTopicHeads = keySet("لجنة هيئة وكالة مفوضية")

// definiteChainHeads are heads with the article that name a body with a
// nisba adjective after them: الحرس الوطني، الحرس الثوري الإيراني.
var definiteChainHeads = keySet("الحرس")

// chainStops never continue a body's name although they have the article:
// relative pronouns and words of time or degree.
var chainStops = keySet("الذي التي الذين اللذين اللتين اللاتي اليوم الأمس الآن الماضي الماضية المقبل المقبلة القادم القادمة الحالي الحالية السابق السابقة الجديد الجديدة المذكور المذكورة المختص المختصة المعنية المعني المكلفة المكلف التابع التابعة الرسمي الرسمية الحكومي الحكومية المتعلق المتعلقة الخاص الخاصة المسؤول المسؤولة الشمالي الشمالية الجنوبي الجنوبية الشرقي الشرقية الغربي الغربية الرامي الرامية الهادف الهادفة")

// chainFacilityHeads head buildings as well as bodies; facilityGenitives
// make them a building (مركز التجارة العالمي) or a place of trade.
var (
	chainFacilityHeads = keySet("مركز")
	facilityGenitives  = keySet("التجارة التسوق المؤتمرات المعارض المدينة الشرطة")
)

// chainWideHeads name a body with a construct noun only with an adjective
// or a purpose after it (صندوق تنمية الموارد البشرية); alone the words are
// a part of another body (مجلس إدارة البنك، مركز أبحاث الجامعة) or a
// device (جهاز كشف الكذب).
var chainWideHeads = keySet("مجلس مركز صندوق مكتب جهاز")

// chainNotConstruct never stand in the construct state inside a body's
// name: an office, a meeting, a decision of a body.
var chainNotConstruct = keySet("إدارة رئاسة أعضاء عضو اجتماع اجتماعات جلسة جلسات قرار قرارات بيان مقر مقار أمانة رئيس نائب مدير موظفي موظفو عناصر أفراد قادة قائد مسؤولي مسؤول تقرير تقارير حكم أحكام")

// constructNoun reports a word that may be a noun in the construct state:
// no article, no clitic pronoun ending, three letters or more.
func constructNoun(k string) bool {
	if r, _ := utf8.DecodeRuneInString(k); !text.IsArabicLetter(r) {
		return false // (وكالة AFP الخبر: a Latin name is no construct noun)
	}
	if strings.HasPrefix(k, "ال") || strings.HasPrefix(k, "ل") || utf8.RuneCountInString(k) < 3 {
		return false // (لجنة لحماية المستهلك: a committee to fight it, a description)
	}
	return !strings.HasSuffix(k, "ها") && !strings.HasSuffix(k, "هم") && !strings.HasSuffix(k, "كم")
}

// bodyGenitives are heads of bodies with the article: after another head
// they begin a body of their own (مكتب المعهد الدنماركي …، رئيس اللجنة …).
// الاتحاد and الحزب are left out: مجلس الاتحاد الروسي، لجنة الحزب التنفيذية.
var bodyGenitives = keySet("المجلس الهيئة اللجنة الوكالة المركز الجهاز الصندوق المكتب المحكمة المنظمة الجمعية الشركة البنك الجامعة المؤسسة الحكومة الوزارة الحرس")

// peoplePlural reports a participle's plural of people in the nominative
// (المتهمون، المحامون): coordinated after a body's name it is the verb's
// second subject. The genitive in ين stays in the name (هيئة شؤون …
// والمعتقلين), and so do broken plurals in ون (والشؤون، والفنون).
func peoplePlural(k string) bool {
	return strings.HasPrefix(k, "الم") && strings.HasSuffix(k, "ون") && utf8.RuneCountInString(k) >= 7
}

// outletGenitives are outlets' heads with the article: after a construct
// noun (هيئة تحرير الصحيفة) they name the outlet's staff, no body.
var outletGenitives = keySet("الصحيفة الجريدة المجلة القناة الإذاعة التلفزيون الشبكة المنصة")

// chainTitles are the titles of a royal or a cleric a body is named after
// (مركز الملك فلان للإغاثة); an office's title (رئيس الوزراء) names the
// office's holder, not the body.
var chainTitles = keySet("الملك الأمير الشيخ السلطان الإمام الملكة الأميرة")

// headEnding reports a key whose last letter is one a chain head ends
// with (ه س ز ق ب), by its last byte.
func headEnding(k string) bool {
	if len(k) < 6 {
		return false
	}
	switch k[len(k)-1] {
	case 0x87, 0xB3, 0xB2, 0x82, 0xA8:
		return true
	}
	return false
}

// nisbaKey reports a word with the article shaped like a nisba adjective
// (القومي، الوطنية).
func nisbaKey(k string) bool {
	return strings.HasPrefix(k, "ال") && (strings.HasSuffix(k, "ي") || strings.HasSuffix(k, "يه")) && utf8.RuneCountInString(k) >= 5
}

// bodyChainAt reads a spelled-out body at word i (see chainHeads). It
// returns the words covered (0: none) and the head's clitic strip.
func (r *recognizer) bodyChainAt(i int) (n, strip int) {
	w := &r.words[i]
	if r.toks[w.tok].Kind != text.Word || r.used[i] {
		return 0, 0
	}
	if w.flags&fChainHead == 0 || !headEnding(w.key) {
		return 0, 0 // (no reading of the word is a head: the cheap test; the heads end in ه س ز ق ب)
	}
	hv, ok := w.vars.find(func(k string) bool { return chainHeads[k] || definiteChainHeads[k] })
	if !ok {
		return 0, 0
	}
	head, strip := hv.key, hv.strip
	if definiteChainHeads[head] && i > 0 && r.words[i-1].seg == w.seg && r.words[i-1].flags&fMinistry != 0 {
		return 0, 0 // وزارة الحرس الوطني: the ministry's (ministryAt)
	}
	if h := r.hits[i]; h != nil && h.e.kind != "ROLE" && h.n > 1 {
		return 0, 0 // the lexicon names it (مجلس الأمن الدولي): its rule reads it
	}
	seg := w.seg
	in := func(j int) bool {
		return j < len(r.words) && r.words[j].seg == seg && !r.used[j] && r.toks[r.words[j].tok].Kind == text.Word && !r.quoteBefore(j)
	}
	j := i + 1
	if !in(j) {
		return 0, 0
	}
	definite := definiteChainHeads[head]
	var (
		gen, adj, coord, purpose, nat int
		inner, royal                  bool
	)
	// a place or a person right after an indefinite head: جهاز قطر، مركز
	// الملك فلان
	if !definite {
		if h := r.hits[j]; h != nil && h.strip == 0 {
			switch h.e.kind {
			case "ORG":
				return 0, 0 // وكالة رويترز: the lexicon's name (descriptorName)
			case "LOC":
				j += h.n
				inner = true
			case "ROLE":
				if !chainTitles[r.words[j].key] {
					return 0, 0
				}
				k := j + h.n
				for in(k) && k-j-h.n < 3 && !strings.HasPrefix(r.words[k].key, "لل") && (r.words[k].is(fGiven) || r.words[k].tokens() > 0) && !r.common[r.words[k].key] {
					k++
				}
				if k == j+h.n {
					return 0, 0 // a title without a name
				}
				j = k
				inner = true
				royal = true
			}
		}
	}
	// a noun in the construct state before the genitive: وكالة حماية البيئة،
	// هيئة كبار العلماء، جهاز أمن الدولة
	indef := false
	if !definite && !inner && in(j+1) && r.hits[j] == nil && constructNoun(r.words[j].key) && !r.words[j].is(fNotName) && !r.words[j].is(fGiven) &&
		!r.words[j].is(fMonth) && !chainNotConstruct[r.words[j].key] && strings.HasPrefix(r.words[j+1].key, "ال") {
		j++
		indef = true
	}
	for in(j) && j-i <= 7 {
		k := r.words[j].key
		if r.isNationality(j) && strings.HasPrefix(k, "ال") || r.lx.nisbaCountry(k) {
			if gen+adj+purpose == 0 && !definite {
				break // وكالة الأميركية: no name before the nationality
			}
			j++
			nat++
			break // the nationality ends the name
		}
		if h := r.hits[j]; h != nil && (h.e.kind == "ROLE" || h.e.kind == "PERSON") {
			break
		}
		if chainStops[k] || genericAdjectives[k] || academicTitles[k] || r.words[j].is(fNotName) || r.words[j].is(fMonth) {
			break
		}
		if strings.HasPrefix(k, "لل") && utf8.RuneCountInString(k) >= 5 {
			if purpose > 0 || gen == 0 && !inner && !definite {
				break // a second purpose is the clause's
			}
			j++
			purpose++
			continue
		}
		if strings.HasPrefix(k, "وال") && utf8.RuneCountInString(k) >= 6 && gen+purpose > 0 && !chainStops[k[len("و"):]] {
			if h := r.hits[j]; h != nil && h.e.kind != "ROLE" && h.e.kind != "ADJ" {
				break // مركز … والبنتاغون: a second name
			}
			if rest := k[len("و"):]; bodyGenitives[rest] || peoplePlural(rest) {
				break // لجنة … والحكومة، هيئة … والمتهمون: a second body or people, the verb's second subject
			}
			if adj > 0 && in(j+1) && strings.HasPrefix(r.words[j+1].key, "ال") {
				break // مجلس … الإقليمي والمنظمة الدولية: a second phrase with its own adjective
			}
			j++
			coord++
			continue
		}
		if !strings.HasPrefix(k, "ال") || utf8.RuneCountInString(k) < 4 {
			break // a verb, a preposition, a word without the article
		}
		if definite && !(nisbaKey(k) && strings.HasSuffix(k, "ي")) {
			break // الحرس الحدود: no body; الحرس البلدي التحية: a new phrase (الحرس takes masculine adjectives)
		}
		if gen == 0 && !inner && facilityGenitives[k] && chainFacilityHeads[head] {
			break // مركز التجارة العالمي، مركز التسوق: a building
		}
		if nisbaKey(k) && (gen > 0 || inner || definite || purpose > 0) {
			adj++
		} else if purpose > 0 {
			break // the purpose takes adjectives and و only: وزع مركز … للإغاثة السلال
		} else if gen > 0 && adj > 0 {
			break // a genitive after an adjective starts a new phrase
		} else if inner {
			break
		} else if gen > 0 {
			break // منحت لجنة الخبراء الحكومة مهلة: the verb's object after its subject
		} else if bodyGenitives[k] || indef && outletGenitives[k] {
			return 0, 0 // مكتب المعهد الدنماركي للتنمية: the genitive is a body of its own
		} else {
			gen++
		}
		j++
	}
	// accept: a name with more than one word after the head
	switch {
	case indef && gen == 0:
		return 0, 0
	case indef && chainWideHeads[head] && adj+purpose+nat == 0:
		return 0, 0 // مجلس إدارة الشركة: the board of a company
	case indef:
	case royal && purpose == 0:
		return 0, 0 // مكتب الملك فلان: the king's office, no name
	case inner && (purpose > 0 || adj > 0):
	case definite && (adj > 0 || nat > 0):
	case gen > 0 && (adj > 0 || purpose > 0 || nat > 0):
	case gen > 0 && coord > 0 && chainTopicHeads[head]:
	default:
		return 0, 0
	}
	if h := r.hits[i]; h != nil && h.e.kind != "ROLE" && h.n >= j-i {
		return 0, 0
	}
	return j - i, strip
}

// namedBodies emits the spelled-out bodies of bodyChainAt (and the Latin
// abbreviations of latinBodies) before the
// people and places are read, so that a place or a person inside a
// body's name (جهاز قطر للاستثمار) is no mention of its own.
func (r *recognizer) namedBodies() {
	for i := 0; i < len(r.words); i++ {
		if n, strip := r.bodyChainAt(i); n > 1 {
			r.emitPatternOrg(i, n, strip, "body: head noun + name chain")
			i += n - 1
		}
	}
	r.latinBodies()
	r.foreignCompanies()
	r.outlets()
}

// latinNotOrgs are upper-case Latin abbreviations that name no body: units,
// currencies, technologies, titles, media types and common English words
// written in capitals.
var latinNotOrgs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`TV CEO CFO COO CTO GDP USB HD HDR SD SSD HDD LED LCD OLED AMOLED LTE GPS PDF AI VR AR XR IT IP ID
		SMS MMS VIP SOS DNA RNA HIV AIDS UV NFC RAM ROM CPU GPU OS PC USD EUR GBP JPY CNY SAR AED KWD QAR OK FM AM PM BC AD CD DVD
		KM KG MB GB TB MP MW GW KW ICO IPO ETF ATM API APP APPS WIFI IOT SIM ICU ER MVP VAR FAQ PR HR QR URL WWW HTML HTTP GSM CDMA
		THE AND OF FOR IN ON TO BY AT A AN NEW NO YES MR MRS DR PHD MBA BBQ DIY VS ETC PS TBA USS HMS PKC RPG IED LNG LPG CNG EV SUV
		MRI CT ECG IQ BMI PMI CPI PPP FDI VAT ISBN ABS ESP RGB PIN OTP SSL VPN DNS LAN WAN CCTV RFID IMEI MAC LOL OMG BREAKING LIVE
		NEWS VIDEO PHOTO HOT TOP BEST PRO MAX PLUS MINI LITE ULTRA EDGE NOTE`) {
		m[w] = true
	}
	return m
}()

// latinContextNouns before an abbreviation make it a product, a model, a
// technology or a gene, not a body: طراز F، تقنية LTE، مؤشر MSCI، جين BRCA.
var latinContextNouns = keySet(`طراز نوع تقنية بتقنية تقنيات شاشة بشاشة شاشات مؤشر بمؤشر معرض بمعرض مؤتمر هاتف هاتفا هواتف جين الجين
	بجودة جودة ملف ملفات ذاكرة بطاقة صاروخ صواريخ مقاتلة مقاتلات طائرة طائرات سيارة سيارات برنامج بروتوكول معيار بمعايير نظام
	بنظام خاصية ميزة منصة تطبيق لعبة مهرجان مشروع بمشروع شبكات بروتين البروتين مرض معرض فيروس دواء عقار رقم الرحلة رحلة موديل إصدار نسخة شريحة معالج معالجات`)

// latinBodies emits upper-case Latin abbreviations of two to six letters
// standing alone in Arabic text (شركة "BP"، موقع BGR، وكالة UPI، منظمة
// "OPCW"): companies, outlets and bodies known by their initials. Not a
// body: a word of latinNotOrgs, one joined to a digit, a hyphen or another
// Latin word (RS-28، S9، IHS Markit: a model or a longer name other rules
// read), one after a product's or a technology's noun (latinContextNouns).
func (r *recognizer) latinBodies() {
	for i := range r.words {
		w := &r.words[i]
		if r.used[i] || r.hits[i] != nil || !upperLatin(r.src[w.start:w.end]) || latinNotOrgs[r.src[w.start:w.end]] {
			continue
		}
		if w.start > 0 && latinJoin(r.src[w.start-1]) || w.end < len(r.src) && latinJoin(r.src[w.end]) {
			continue // S9، MI6، RS-28، AR-15
		}
		if latinNear(r.src, w.start, w.end) {
			continue // IHS Markit، THE VOICE: a longer name in Latin letters
		}
		if i > 0 && w.start-r.words[i-1].end <= 4 {
			p := r.words[i-1].key // (a bracket or a quote between them: نوع (ATR))
			if latinContextNouns[p] || latinContextNouns[text.StripConj(p)] {
				continue
			}
		}
		if i+1 < len(r.words) && r.toks[r.words[i+1].tok].Kind == text.Number && r.words[i+1].start-w.end <= 1 {
			continue // MWC 2018، EP 3704: an event, a flight
		}
		r.emitPatternOrg(i, 1, 0, "upper-case Latin abbreviation")
	}
}

// upperLatin reports two to six upper-case Latin letters (& inside: S&P).
func upperLatin(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if !(c >= 'A' && c <= 'Z' || c == '&' && k > 0 && k < len(s)-1) {
			return false
		}
	}
	return true
}

// latinJoin reports a byte that joins a Latin abbreviation to a model
// name: a digit, a Latin letter, a hyphen, a dot or an underscore.
func latinJoin(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '_' || c == '.' || c == '@' || c == '/'
}

// latinNear reports a Latin letter within a space and a quote of bytes
// [start, end) on either side: a word of a longer Latin name.
func latinNear(src string, start, end int) bool {
	gap := func(c byte) bool { return c == ' ' || c == '"' || c == '\'' }
	k := start - 1
	for k >= 0 && start-k <= 3 && gap(src[k]) {
		k--
	}
	if k >= 0 && k < start-1 && latinJoin(src[k]) {
		return true
	}
	k = end
	for k < len(src) && k-end < 3 && gap(src[k]) {
		k++
	}
	return k < len(src) && k > end && latinJoin(src[k])
}

// corporateSuffixes end the Arabic transliteration of a company's foreign
// name: بروميثيان تكنولوجي غروب، شعاع كابيتال، جنرال موتورز.
var corporateSuffixes = keySet(`جروب هولدينغ هولدنغ هولدينج هولدينجز كابيتال انترناشيونال إنترناشيونال انترناشونال إنترناشونال
	انتيرناسيونال إنترناسيونال تكنولوجي تكنولوجيز سيستمز سيستيمز موتورز ايرلاينز إيرلاينز إيرويز ايرويز كوربوريشن كوربوريشين
	ليمتد فاينانس بارتنرز فنتشرز فينتشرز لابز بتروليوم فارما إنفستمنتس انفستمنتس إندستريز اندستريز كوميونيكيشنز ريتنغز أير إير لاينز`)

// foreignCompanies emits a company named by one to three foreign words and
// a corporate suffix (corporateSuffixes): the words before the suffix are
// neither common words, nor words with the article, nor function words.
func (r *recognizer) foreignCompanies() {
	for i := 1; i < len(r.words); i++ {
		w := &r.words[i]
		if r.used[i] || !w.is(fCorpSuffix) || r.quoteBefore(i) {
			continue
		}
		if n := i + 1; n < len(r.words) && r.words[n].seg == w.seg && strings.HasPrefix(r.words[n].key, "ال") && !r.isNationality(n) {
			continue // a noun in the construct state, not a name's last word
		}
		end := i + 1
		for end < len(r.words) && end-i < 2 && r.words[end].seg == w.seg && !r.used[end] && r.words[end].is(fCorpSuffix) {
			end++ // تكنولوجي غروب
		}
		from := i
		for from > 0 && i-from < 3 {
			p := &r.words[from-1]
			k := p.key
			if p.seg != w.seg || r.used[from-1] || r.quoteBefore(from) || strings.HasPrefix(k, "و") || p.flags&(fInstitution|fBodyHead) != 0 || r.toks[p.tok].Kind != text.Word || strings.HasPrefix(k, "ال") || r.common[k] ||
				p.is(fNotName) || p.is(fCommonLex) || p.is(fMonth) || institutionHeads[k] || chainHeads[k] || utf8.RuneCountInString(k) < 2 {
				break
			}
			if h := r.hits[from-1]; h != nil && !(h.e.kind == "LOC" && h.n == 1 && h.strip == 0) {
				break // تويوتا موتورز، جنرال موتورز: the lexicon's name (and its key) is read by its rule; إيران أير: a place in the name
			}
			from--
		}
		if from == i {
			continue
		}
		r.emitPatternOrg(from, end-from, 0, "foreign name + corporate suffix")
		i = end - 1
	}
}

// outletHeads name an outlet: the quoted words after one are its name
// (صحيفة "ميرور"، موقع "كووورة"، تلفزيون «طيف»). Unquoted words after the
// head are left to the lexicons: they are as often a common noun (بوابة
// النظام، صحيفة الاتهام) or run on into the clause (مجلة النجوم لأشهر).
var outletHeads = keySet("صحيفة جريدة مجلة قناة موقع بوابة إذاعة تلفزيون شبكة وكالة صحيفتا منصة")

// outlets emits the outlets named after an outlet head (outletHeads).
func (r *recognizer) outlets() {
	for i := 0; i+1 < len(r.words); i++ {
		w := &r.words[i]
		if r.used[i] || w.flags&fOutletHead == 0 {
			continue // (no reading of the word is an outlet head: the cheap test)
		}
		hv, ok := w.vars.find(func(k string) bool { return outletHeads[k] })
		if !ok {
			continue
		}
		j := i + 1
		in := func(j int) bool {
			return j < len(r.words) && r.words[j].seg == w.seg && !r.used[j] && r.toks[r.words[j].tok].Kind == text.Word
		}
		if !in(j) || !r.quoteBefore(j) {
			continue
		}
		// صحيفة "ميرور": the quoted words, when the quote closes within four words
		k := j + 1
		for in(k) && k-j < 4 && !r.quoteBefore(k) && !r.words[k].is(fNotName) {
			k++ // (a function word inside: the quote closes another one: قناة "الإخبارية … بأن "…)
		}
		closed := k < len(r.words) && r.quoteBefore(k)
		if !closed || r.words[j].is(fNotName) || r.lx.has(r.words[j].key, fCommonLex) {
			continue
		}
		if h := r.hits[j]; h == nil && !r.anyUsed(j, k) || h != nil && h.n < k-j {
			r.emitPatternOrg(j, k-j, 0, "quoted name after an outlet head ("+hv.key+")")
			i = k - 1
		}
	}
}
