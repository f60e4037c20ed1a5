package entities

import (
	"strings"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// institutionHeads head a spelled-out institution's name: اتحاد …، جمعية
// …، شركة …، حزب …، جامعة … (construct state, no article).
// Generic heads (مجلس، هيئة، لجنة، مؤتمر) are left out: مجلس الوزراء،
// هيئة الدفاع are descriptions as often as names; so are the media heads
// (صحيفة، قناة), whose name alone is the organization.
var institutionHeads = keySet("اتحاد جمعية شركة حزب جامعة نادي منظمة مؤسسة معهد بنك مصرف رابطة نقابة منتدى ائتلاف")

// adjectiveHeads head an institution only with a word with the article and
// a nisba adjective after it: حركة التغيير الديمقراطي، حركة المقاومة
// الإسلامية (حركة الطائرات is traffic).
var adjectiveHeads = keySet("حركة تيار جماعة جبهة")

// nameOnlyHeads are left out of the mention when a known name follows:
// شركة نوكيا، نادي ريال مدريد name نوكيا and ريال مدريد.
var nameOnlyHeads = keySet("شركة نادي")

// definiteHeads head an institution with the article when a nisba
// adjective follows: البنك التجاري، الحزب الديمقراطي، الاتحاد الوطني.
var definiteHeads = keySet("البنك المصرف الحزب الجبهة الجمعية الجامعة الشركة")

// genericAdjectives follow a definite head without naming anything: الحزب
// الحاكم، المجلس الأعلى are names only with more words.
var genericAdjectives = keySet("الحاكم الجديد الجديدة الأول الأولى الثاني الثانية الأعلى العليا الكبير الكبرى الرئيسي الرئيسية السابق السابقة الحالي الحالية المذكور المذكورة نفسه نفسها الوحيد الوحيدة الأخرى الآخر الدولي الدولية المحلي المحلية العام العامة")

// scopeAdjectives end an institution's name after its first name word:
// منظمة الشفافية الدولية، جمعية الهلال الأحمر الدولية.
var scopeAdjectives = keySet("الدولي الدولية العالمي العالمية العربي العربية الوطني الوطنية")

// institutionAt reads a spelled-out institution at word i: a head noun
// (institutionHeads, with a clitic or not) and its name: a known place
// or organization, words with the article (حزب الليكود، جبهة التحرير
// الوطني، معهد ماساتشوستس للتكنولوجيا), or one or two foreign name words
// (شركة فولكس فاغن); or a definite head with a nisba adjective (البنك
// التجاري). It returns the words covered and the head's clitic strip.
func (r *recognizer) institutionAt(i int) (n, strip int) {
	w := &r.words[i]
	if w.flags&fInstitution == 0 {
		return 0, 0
	}
	if adjectiveHeads[w.key] || w.vars.n > 1 && adjectiveHeads[w.vars.v[w.vars.n-1].key] {
		if j := i + 1; j < len(r.words) && r.words[j].seg == w.seg && r.quoteBefore(j) && r.toks[r.words[j].tok].Kind == text.Word {
			// جماعة «فيلق الرحمن»، حركة "أحرار الشام": the quoted words are the name
			k := j + 1
			for k < len(r.words) && r.words[k].seg == w.seg && k-j < 4 && !r.quoteBefore(k) {
				k++
			}
			if k < len(r.words) && r.quoteBefore(k) && !r.anyUsed(j, k) {
				return -(k - j), j
			}
		}
		return r.adjectiveInstitution(i)
	}
	hv, ok := w.vars.find(func(k string) bool { return institutionHeads[k] || definiteHeads[k] })
	if !ok {
		return 0, 0
	}
	head, strip := hv.key, hv.strip
	seg := w.seg
	j := i + 1
	in := func(j int) bool { return j < len(r.words) && r.words[j].seg == seg && !r.used[j] }
	if in(j) && r.quoteBefore(j) && !definiteHeads[head] {
		// شركة «آلمو»، جامعة «نورث كارولاينا»: the quoted words are the name
		k := j + 1
		for in(k) && k-j < 5 && !r.quoteBefore(k) {
			k++
		}
		if k < len(r.words) && r.quoteBefore(k) || !in(k) {
			return -(k - j), j // the quotes set the name apart from its head
		}
		return 0, 0
	}
	if definiteHeads[head] {
		// البنك التجاري الدولي: nisba adjectives, not the generic ones
		for in(j) && j-i <= 3 {
			k := r.words[j].key
			if !strings.HasPrefix(k, "ال") || genericAdjectives[k] || r.lx.has(k, fNotName) || !(strings.HasSuffix(k, "ي") || strings.HasSuffix(k, "يه")) {
				break
			}
			if r.isNationality(j) {
				break // الحزب الأمريكي: a party of a country; البنك المركزي الألماني: the name ends before the nationality
			}
			j++
		}
		if j == i+1 {
			return 0, 0
		}
		if in(j) && strings.HasPrefix(r.words[j].key, "لل") && utf8.RuneCountInString(r.words[j].key) >= 5 && !r.quoteBefore(j) {
			j++ // البنك الأفريقي للتنمية: the purpose ends the name
		}
		return j - i, strip
	}
	names := 0
	if in(j) && nameOnlyHeads[head] && r.hits[j] != nil && r.hits[j].e.kind == "ORG" {
		return 0, 0 // the lexicon names it
	}
	for in(j) && j-i <= 4 {
		if h := r.hits[j]; h != nil && h.strip == 0 && (h.e.kind == "LOC" || h.e.kind == "ORG") && !(names > 0 && h.e.gen && !strings.HasPrefix(r.words[j].key, "ال")) { // (اتحاد كرة القدم على: a generated place without the article after the name is a word)
			j += h.n
			names++
			continue
		}
		k := r.words[j].key
		if r.lx.has(k, fNotName) || r.lx.has(k, fMonth) || r.toks[r.words[j].tok].Kind != text.Word {
			break
		}
		if names > 0 && scopeAdjectives[k] {
			j++ // منظمة الشفافية الدولية: the scope ends the name
			break
		}
		if names > 0 && r.isNationality(j) {
			break // حزب المحافظين البريطاني: the nationality is not part of the name
		}
		if names > 0 && (r.hits[j] != nil && r.hits[j].e.kind == "ROLE" || academicTitles[k] || tafiil(strings.TrimPrefix(k, "ال"))) {
			break // جامعة صنعاء الدكتور …، جامعة صنعاء التغيير: a title or a verbal noun after the name
		}
		if strings.HasPrefix(k, "ال") && utf8.RuneCountInString(k) >= 4 && !genericAdjectives[k] {
			j++
			names++
			continue
		}
		if strings.HasPrefix(k, "لل") && names > 0 && utf8.RuneCountInString(k) >= 5 {
			j++ // معهد … للتكنولوجيا، الاتحاد … لكرة القدم
			continue
		}
		if names == 0 && (r.lx.tokensOf(k) > 0 || r.lx.famous[k] != "") && !r.common[k] && !strings.HasPrefix(k, "و") {
			// شركة نوكيا، شركة فولكس فاغن
			from := j
			j++
			names++
			for in(j) && j-i <= 3 && r.words[j].tokens() > 0 && !r.common[r.words[j].key] && !strings.HasPrefix(r.words[j].key, "ال") {
				j++
			}
			if nameOnlyHeads[head] {
				return -(j - from), from // the name without its head (see institution)
			}
			break
		}
		break
	}
	if names == 0 {
		return 0, 0
	}
	// trailing لل-words without a following name are not part of it
	for j > i+1 && strings.HasPrefix(r.words[j-1].key, "لل") && r.hits[j-1] == nil {
		j--
	}
	if descriptorHeads[head] && j > i+1 {
		return -(j - i - 1), i + 1 // شركة الخطوط الجوية: the name without its head (see descriptorHeads)
	}
	return j - i, strip
}

// quoteBefore reports a quotation mark between word j and the word before
// it (« » " “ ”).
func (r *recognizer) quoteBefore(j int) bool {
	if j == 0 || j >= len(r.words) {
		return false
	}
	return strings.ContainsAny(r.src[r.words[j-1].end:r.words[j].start], "«»\"“”")
}

// institutions emits the spelled-out institutions not in the lexicons.
func (r *recognizer) institution(i int) bool {
	if r.hits[i] != nil && r.hits[i].e.kind != "ROLE" {
		return false
	}
	n, strip := r.institutionAt(i)
	if n < 0 {
		// شركة نوكيا: the name alone, words [strip, strip-n)
		from, to := strip, strip-n
		start, end := r.words[from].start, r.words[to-1].end
		r.emit(rasad.Mention{Span: rasad.Span{Start: start, End: end}, Type: "ORG", Key: text.Key(r.src[start:end]),
			Rule: "name after " + r.words[i].key, Confidence: 0.7}, from, to)
		return true
	}
	if n < 2 {
		return false
	}
	start := r.surfaceStart(r.words[i], strip)
	end := r.words[i+n-1].end
	r.emit(rasad.Mention{Span: rasad.Span{Start: start, End: end}, Type: "ORG", Key: text.Key(r.src[start:end]),
		Rule: "institution head + name", Confidence: 0.7}, i, i+n)
	return true
}

// sportCues are the words of a sport report: a club named after its city
// (برشلونة، ليفربول) is the club in their company.
var sportCues = keySet(`فريق فريقه الفريق نادي النادي مباراة المباراة مباراته مباراتها لقاء اللقاء الدوري دوري كأس بطولة البطولة
هدف هدفا هدفين أهداف الأهداف مدرب المدرب مدربه لاعب اللاعب لاعبي لاعبو لاعبا فاز يفوز فوز الفوز تغلب خسر خسارة تعادل التعادل
هزم هزيمة الملعب ملعب الموسم مهاجم المهاجم حارس الحارس منتخب المنتخب تأهل نهائي النهائي الشوط ضربة جزاء الدقيقة تعاقد انتقال صفقة
المتصدر الصدارة نقطة نقاط بنقطة الجولة المرحلة ذهاب إياب الفائز ضيفه مضيفه جماهير الجماهير
القدم كرة لكرة الممتاز بتغلبه فوزه بفوزه خسارته تعادله المركز الترتيب الهبوط مهاجمه حارسه المرمى
اللاعبين لاعبين الانضمام انضمام صفوف الفني ألقاب لقب اللقب المهاجمون المهاجمين تشكيلة ناد`)

// sportContext reports a sport cue within eight words of word i, in the
// same sentence.
func (r *recognizer) sportContext(i int) bool {
	for j := max(i-8, 0); j < len(r.words) && j <= i+8; j++ {
		if j != i && r.words[j].flags&fSport != 0 {
			return true
		}
	}
	return false
}

// sportText reports a text about sport: five sport cue words or more in
// all (a match report names its clubs far from the cues, too).
func (r *recognizer) sportText() bool {
	if r.sportCues < 0 {
		r.sportCues = 0
		for _, w := range r.words {
			if w.flags&fSport != 0 {
				r.sportCues++
			}
		}
	}
	return r.sportCues >= 5
}

// placeOfCountry reports a place followed by a comma and a country (دبي،
// الإمارات العربية المتحدة): a dateline or an address, the town and never its
// club.
func (r *recognizer) placeOfCountry(i int, h *hit) bool {
	j := i + h.n
	if j >= len(r.words) || !r.words[j].commaBef {
		return false
	}
	c := r.hits[j]
	return c != nil && c.e.kind == "LOC" && c.e.sub == "country"
}

// clubOf reports whether the place phrase at word i names a club too
// (a club of the lexicon is called by it: نادي برشلونة, ليفربول).
func (r *recognizer) clubOf(i int, h *hit) bool {
	return h.e.club // clubNames[strings.Join(h.e.words, " ")], read at load
}

// clubAmbiguous reports a one-word place that is also a common word, a
// function word read with a clitic (كان، فان) or a given name: never a
// club by the sport context alone.
func (r *recognizer) clubAmbiguous(i int, h *hit) bool {
	if h.n > 1 {
		return false
	}
	k := h.e.words[0]
	if r.lx.flagsOf(k)&(fFamous|fNotName|fGiven) != 0 || r.common[k] || utf8.RuneCountInString(k) < 3 {
		return true // شيراك is a town and a president, not a club
	}
	for j := 1; j < r.words[i].vars.n; j++ { // (the readings without clitics; their entries answer)
		if r.words[i].vf(j)&fNotName != 0 {
			return true // فان: ف + إن
		}
	}
	return false
}

// adjectiveInstitution reads حركة/تيار/جماعة/جبهة + a word with the article
// + nisba adjectives at i.
func (r *recognizer) adjectiveInstitution(i int) (n, strip int) {
	w := &r.words[i]
	strip = w.vars.v[w.vars.n-1].strip
	if adjectiveHeads[w.key] {
		strip = 0
	}
	j := i + 1
	if j >= len(r.words) || r.words[j].seg != w.seg || r.used[j] || !strings.HasPrefix(r.words[j].key, "ال") || r.words[j].is(fNotName) {
		return 0, 0
	}
	j++
	adj := 0
	for j < len(r.words) && r.words[j].seg == w.seg && !r.used[j] && j-i <= 4 {
		k := r.words[j].key
		if !strings.HasPrefix(k, "ال") || !(strings.HasSuffix(k, "ي") || strings.HasSuffix(k, "يه")) || genericAdjectives[k] || r.lx.has(k, fNotName) || r.isNationality(j) {
			break // التي، الذي; a nationality is the institution's country, not its name
		}
		j++
		adj++
	}
	if adj == 0 {
		return 0, 0
	}
	return j - i, strip
}

// isNationality reports a nationality adjective at word j (البريطاني،
// الإماراتية).
func (r *recognizer) isNationality(j int) bool {
	h := r.hitAt(j)
	return h != nil && h.e.kind == "ADJ" && h.strip == 0
}

// clubSuffixes end English clubs' names and are their short forms once the
// club is named in full: سيتي for مانشستر سيتي, يونايتد for نيوكاسل يونايتد.
var clubSuffixes = keySet("سيتي يونايتد")

// clubShortForms finds سيتي and يونايتد alone (with a clitic or not) in an
// article that names exactly one club ending in that word: the club.
func (r *recognizer) clubShortForms() {
	var clubs map[string]string // suffix -> club key ("" when two clubs share it)
	for _, m := range r.out {
		if m.Type != "ORG" || !strings.Contains(m.Text, " ") {
			continue
		}
		last := text.Key(m.Text[strings.LastIndexByte(m.Text, ' ')+1:])
		if !clubSuffixes[last] {
			continue
		}
		if clubs == nil {
			clubs = map[string]string{}
		}
		if prev, ok := clubs[last]; ok && prev != m.Key {
			clubs[last] = ""
		} else {
			clubs[last] = m.Key
		}
	}
	if len(clubs) == 0 {
		return
	}
	for i, w := range r.words {
		if r.used[i] || r.toks[w.tok].Kind != text.Word || i > 0 && r.words[i-1].seg == w.seg && !r.used[i-1] && r.hits[i-1] != nil && r.hits[i-1].e.kind == "LOC" {
			continue // (a place before it: a club of that town this lexicon lacks)
		}
		for _, v := range w.vars.all() {
			key, ok := clubs[v.key]
			if !ok || key == "" {
				continue
			}
			start := r.surfaceStart(w, v.strip)
			r.emit(rasad.Mention{Span: rasad.Span{Start: start, End: w.end}, Type: "ORG", Key: key,
				Rule: "short form of a club named in this article", Confidence: 0.7}, i, i+1)
			break
		}
	}
}

// sportNouns follow لكرة in a federation's name (لكرة القدم); sportWords
// are the other sports a federation is named for (للتنس، لألعاب القوى).
var (
	sportNouns = keySet("القدم السلة اليد الطائرة")
	sportWords = keySet("للتنس للسباحة للملاكمة للجودو للمصارعة للفروسية للدراجات للرماية للكاراتيه للتايكوندو للجمباز للرياضات للسيارات")
)

// federationAt reads a sport federation at word i: الاتحاد + a nationality
// (+ لكرة القدم, للتنس, لألعاب القوى …): الاتحاد الإسباني لكرة القدم. Without
// the sport the words name a federation only in a sport context (the
// nationality may be a continent's: الاتحاد الأوروبي alone is the Union,
// which the lexicon reads). It returns the words covered and the strip of
// the clitic before الاتحاد.
func (r *recognizer) federationAt(i int) (n, strip int) {
	w := &r.words[i]
	if w.flags&fFederation == 0 {
		return 0, 0 // (no reading of the word is الاتحاد: the cheap test)
	}
	hv, ok := w.vars.find(func(k string) bool { return k == "الاتحاد" })
	strip = hv.strip
	j := i + 1
	in := func(j int) bool { return j < len(r.words) && r.words[j].seg == w.seg && !r.used[j] }
	if !ok || !in(j) || !r.isNationality(j) || strings.HasSuffix(r.words[j].key, "ه") {
		return 0, 0 // الاتحاد الإماراتية: the newspaper (the adjective agrees with صحيفة)
	}
	j++
	switch {
	case in(j+1) && r.words[j].key == "لكره":
		if !sportNouns[r.words[j+1].key] {
			return 0, 0
		}
		j += 2
	case in(j+1) && r.words[j].key == "لالعاب" && r.words[j+1].key == "القوي":
		j += 2
	case in(j) && sportWords[r.words[j].key]:
		j++
	default:
		if !r.sportContext(i) {
			return 0, 0
		}
	}
	if h := r.hits[i]; h != nil && h.n >= j-i {
		return 0, 0 // the lexicon names it (الاتحاد الأوروبي لكرة القدم)
	}
	return j - i, strip
}

// bodyHeads head a public body's name with the article; bodyScopes follow
// them before the purpose: الهيئة العامة للرياضة، المؤسسة الوطنية للنفط،
// الهيئة الاتحادية للرقابة النووية.
var (
	bodyHeads  = keySet("الهيئة المؤسسة المجلس اللجنة الوكالة المديرية الصندوق الجهاز المركز المعهد")
	bodyScopes = keySet("العامة العام الوطنية الوطني العليا الأعلى الاتحادية الاتحادي الملكية الملكي الدولية الدولي العربية العربي الأوروبية الأوروبي الإسلامية الإسلامي")
)

// publicBodyAt reads a public body at word i: a definite head (bodyHeads),
// one or two scope or nationality adjectives, and a purpose in لل (with up
// to two nisba adjectives after it). Without the purpose the words are a
// description (المجلس الوطني). It returns the words covered and the head's
// clitic strip.
func (r *recognizer) publicBodyAt(i int) (n, strip int) {
	w := &r.words[i]
	if w.flags&fBodyHead == 0 {
		return 0, 0 // (no reading of the word is a head: the cheap test)
	}
	hv, ok := w.vars.find(func(k string) bool { return bodyHeads[k] })
	if !ok {
		return 0, 0
	}
	strip = hv.strip
	in := func(j int) bool { return j < len(r.words) && r.words[j].seg == w.seg && !r.used[j] }
	j := i + 1
	for in(j) && j-i <= 2 && (bodyScopes[r.words[j].key] || r.isNationality(j) || r.lx.nisbaCountry(r.words[j].key)) {
		j++
	}
	if j == i+1 || !in(j) {
		return 0, 0
	}
	k := r.words[j].key
	if !strings.HasPrefix(k, "لل") || utf8.RuneCountInString(k) < 5 {
		return 0, 0
	}
	j++
	for m := 0; m < 2 && in(j); m++ {
		k := r.words[j].key
		if !strings.HasPrefix(k, "ال") || !(strings.HasSuffix(k, "ي") || strings.HasSuffix(k, "يه")) || genericAdjectives[k] || r.lx.has(k, fNotName) || r.isNationality(j) || r.lx.nisbaCountry(k) {
			break // (الهيئة العامة للرياضة السعودية: the country is no part of the name; إلى)
		}
		j++
	}
	if h := r.hits[i]; h != nil && h.n >= j-i {
		return 0, 0 // the lexicon names it
	}
	return j - i, strip
}

// academicTitles stand before a name (الدكتور سامي), never in an
// institution's name.
var academicTitles = keySet("الدكتور الدكتورة البروفيسور البروفيسورة الأستاذ الأستاذة المهندس المهندسة")

// tafiil reports a verbal noun of the form تفعيل (تغيير، تطوير).
func tafiil(k string) bool {
	rs := []rune(k)
	return len(rs) == 5 && rs[0] == 'ت' && rs[3] == 'ي'
}
