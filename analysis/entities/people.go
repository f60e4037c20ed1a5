package entities

import (
	"strings"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// famousSurnames finds the family names of well-known people used alone
// (أينشتاين، برلسكوني): a word of four letters or more that is the last
// word of a full name in persons_data.tsv, not an Arabic given name (صالح،
// عباس are names of many), not a word the collection writes with the
// article or as an indefinite noun, not a lexicon phrase.
func (r *recognizer) famousSurnames() {
	for i := range r.words {
		w := &r.words[i]
		if r.used[i] || w.flags&fFamous == 0 || r.toks[w.tok].Kind != text.Word {
			continue
		}
		for j, v := range w.vars.all() {
			if w.vf(j)&fFamous == 0 {
				continue // (not in famous: the cheap test)
			}
			full, ok := r.lx.famous[v.key]
			if !ok || utf8.RuneCountInString(v.key) < 3 || utf8.RuneCountInString(v.key) == 3 && (r.lx.tokensOf(v.key) < 20 || strings.ContainsRune("يتنا", []rune(v.key)[0])) || strings.HasPrefix(v.key, "ال") || r.lx.has(v.key, fMonth) || r.lx.has(v.key, fGiven) || r.lx.has(v.key, fNotName) || r.common[v.key] ||
				r.indefinite(v.key) || r.blocksName(i) || r.lx.byFirst[v.key] != nil ||
				r.verbLike(v.key, true) && r.lx.tokensOf(v.key) < 20 || hamzaInside(r.src[w.start:w.end]) {
				continue
			}
			if v.strip > 0 && r.words[i].tokens() > 0 {
				continue // the whole word is a name of its own
			}
			if v.strip > 0 && strings.HasPrefix(r.words[i].key, "ك") {
				continue // كثيرون: ك (as) is not read before a family name alone
			}
			start := r.surfaceStart(*w, v.strip)
			key := NameKey(r.src[start:w.end])
			if full != "" {
				key = NameKey(full)
			}
			r.emit(rasad.Mention{Span: rasad.Span{Start: start, End: w.end}, Type: "PERSON", Key: key,
				Rule: "family name of a well-known person (persons_data.tsv)", Confidence: 0.6}, i, i+1)
			break
		}
	}
}

// nameWord reports whether word i can be part of a person's name. first
// says it would be the first word (which may carry a conjunction).
func (r *recognizer) nameWord(i int, first bool) (ok bool, strip int) {
	if i >= len(r.words) || r.used[i] || first && r.insidePhrase(i) {
		return false, 0
	}
	w := &r.words[i]
	if r.toks[w.tok].Kind != text.Word {
		return false, 0
	}
	k := w.key
	surface := r.src[w.start:w.end]
	if w.is(fTaMarbuta) && strings.HasSuffix(surface, "ه") {
		return false, 0 // ناديه: his club, not نادية
	}
	if w.is(fGiven) || w.is(fGivenExact) && r.lx.givenExact[surface] || r.abdJoined(k) {
		return true, 0
	}
	if first {
		for _, v := range w.vars.all()[1:] {
			if v.strip == 1 && (strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف")) && r.lx.has(v.key, fGiven) && utf8.RuneCountInString(v.key) >= 3 {
				return true, 1
			}
		}
	}
	if utf8.RuneCountInString(k) < 2 || w.is(fNotName) || r.blocksName(i) {
		return false, 0
	}
	// the article is a bare alef: أليكس، ألونسو، إلياس start with a hamza
	article := strings.HasPrefix(surface, "ال")
	if first && article {
		return false, 0
	}
	if !first && article && !r.alContinues(i, k) {
		return false, 0 // سمير المتحف: a noun with the article after a name, not a family name
	}
	// a word in -ا after a given name may be a surname (جون سينا، مجدي
	// مهنا); elsewhere, and whatever precedes it if the collection writes it
	// with tanween (see CommonWordsOf), it is an indefinite noun
	afterGiven := i > 0 && r.words[i-1].is(fGiven) ||
		i > 1 && (r.words[i-2].key == "عبد" || r.words[i-2].key == "ابو") // عبد الباسط سيدا
	for _, v := range w.vars.all() {
		if r.common[v.key] || v.strip == 0 && !afterGiven && r.indefinite(v.key) {
			return false, 0 // الأفضل، القدم، لكرة، اجتماعا: a common noun
		}
	}
	// a name token that looks like a clitic + word (بالاك، وليامز، وقاص)
	// is a name when the name lists know it better than the rest of it
	nameLike := w.tokens() >= 2 && w.tokens() > r.lx.tokensOf(k[len("و"):]) && !r.lx.has(k[len("و"):], fGiven)
	for _, p := range []string{"بال", "لل", "وال", "فال", "كال"} {
		if strings.HasPrefix(k, p) && !nameLike {
			return false, 0 // بالفعل، للنادي: a preposition and the article
		}
	}
	if strings.HasPrefix(surface, "بأ") || strings.HasPrefix(surface, "لأ") || strings.HasPrefix(surface, "بإ") || strings.HasPrefix(surface, "لإ") {
		return false, 0 // بأنه، لأنه
	}
	if strings.HasPrefix(k, "و") && !nameLike {
		return false, 0 // ونائب، وذكر: a conjunction starts a new phrase (given names are taken above)
	}
	if !first && utf8.RuneCountInString(k) >= 4 && (strings.HasSuffix(surface, "ه") || strings.HasSuffix(k, "ها") || strings.HasSuffix(k, "هم")) {
		return false, 0 // فعله، اسمه: a noun with a pronoun
	}
	if first && utf8.RuneCountInString(k) >= 6 && (strings.HasSuffix(k, "اتها") || strings.HasSuffix(k, "اتهم") || strings.HasSuffix(k, "اته")) {
		return false, 0 // بتصريحاتها: a plural noun with a pronoun
	}
	if utf8.RuneCountInString(k) == 4 && strings.HasPrefix(surface, "أ") {
		return false, 0 // أفضل، أصغر، أكثر: the elative, not a name
	}
	if !first && utf8.RuneCountInString(k) >= 5 && strings.HasSuffix(k, "وا") {
		return false, 0 // حاولوا، قالوا: a plural verb
	}
	if !first && utf8.RuneCountInString(k) >= 5 && (strings.HasPrefix(k, "سي") || strings.HasPrefix(k, "ست") || strings.HasPrefix(k, "سن")) {
		return false, 0 // سيرأسان، ستلتقي: a future verb after the name
	}
	if rest := text.StripConj(k); rest != k && (r.lx.has(rest, fNotName) || r.lx.byFirst[rest] != nil) {
		return false, 0
	}
	return true, 0
}

// knownAsName reports whether the name lists know k as a name: a Wikidata
// or transliteration name token, a well-known person's family name.
func (r *recognizer) knownAsName(k string) bool {
	ki := r.lx.infoOf(k) // (famous: fFamous)
	return ki != nil && (ki.tokens > 0 || ki.flags&(fFamous|fAlSurname) != 0)
}

// nounShaped reports a word shaped like a common noun: a verbal noun
// تفعيل (ترسيم، تأكيد), an abstract noun in -ية (إمكانية), a plural in -ات
// or a plural construct in -ي after م (مهندسي), a preposition + word
// (بقليل).
func nounShaped(k string) bool {
	n := utf8.RuneCountInString(k)
	switch {
	case n == 5 && strings.HasPrefix(k, "ت") && []rune(k)[3] == 'ي':
		return true // تفعيل
	case n >= 5 && (strings.HasSuffix(k, "يه") || strings.HasSuffix(k, "ات")):
		return true
	case n >= 5 && strings.HasPrefix(k, "م") && strings.HasSuffix(k, "ي"):
		return true
	case n >= 5 && (strings.HasPrefix(k, "بق") || strings.HasPrefix(k, "بال") || strings.HasPrefix(k, "لل")):
		return true
	case n >= 6 && strings.HasPrefix(k, "ل"):
		return nounShaped(strings.TrimPrefix(k, "ل")) // لتخفيف، لتعزيز: a purpose, not a name
	case n >= 6 && strings.HasPrefix(k, "ب"):
		// بتشكيل، باستمرار، باتخاذ: what is asked or ordered (افتعال only
		// after the preposition: انتصار is a given name too)
		rest := strings.TrimPrefix(k, "ب")
		return nounShaped(rest) || n == 7 && strings.HasPrefix(rest, "ا") && []rune(rest)[2] == 'ت' && []rune(rest)[4] == 'ا'
	case n == 7 && strings.HasPrefix(k, "است") && []rune(k)[5] == 'ا':
		return true // استفعال: استخدام، استمرار
	case n == 5 && strings.HasPrefix(k, "ا") && []rune(k)[3] == 'ا':
		return true // إفعال: إجراء، إعلان
	}
	return false
}

// verbLike reports a word shaped like a verb: an imperfect (ي/ت + three
// to five letters, asked for after two name words: ليز تراس is a name) or
// a feminine perfect (-ت). Names of that shape are in the name lexicons
// (checked before).
func (r *recognizer) verbLike(k string, imperfect bool) bool {
	n := utf8.RuneCountInString(k)
	if imperfect && n >= 4 && n <= 6 && (strings.HasPrefix(k, "ي") || strings.HasPrefix(k, "ت")) {
		return true
	}
	return imperfect && n >= 4 && strings.HasSuffix(k, "ت")
}

// indefinite reports an accusative noun with tanween alef (اجتماعا،
// اتصالا، بيانا): a word of four letters or more ending in ا whose stem
// the collection writes with the article. Names ending in ا (ماريا،
// كوريا، أوباما) are not common nouns.
func (r *recognizer) indefinite(k string) bool {
	stem, ok := strings.CutSuffix(k, "ا")
	return ok && utf8.RuneCountInString(stem) >= 3 && r.common[stem]
}

// nameAt reads a person's name starting at word i: one to four name words
// within a segment. It returns the number of words and the clitic strip of
// the first one.
func (r *recognizer) nameAt(i int) (n, strip int) {
	ok, strip := r.nameWord(i, true)
	if !ok {
		return 0, 0
	}
	n = 1
	for words := 1; words < maxNameTokens && n < maxNameWords && i+n < len(r.words) && r.words[i+n].seg == r.words[i].seg; words++ {
		k := r.words[i+n].key
		if r.words[i+n].is(fJoiner) && i+n+1 < len(r.words) && r.words[i+n+1].seg == r.words[i].seg {
			// بن راشد، آل مكتوم, and a kunya inside a nasab: بن أبي طالب
			// (the joined names do not count against the limit)
			j := i + n + 1
			if r.words[j].is(fJoiner) && j+1 < len(r.words) && r.words[j+1].seg == r.words[i].seg {
				if r.afterJoiner(j + 1) {
					n += 3
					words--
					continue
				}
			}
			if r.afterJoiner(j) {
				n += 2
				words--
				continue
			}
		}
		if r.words[i+n].is(fJoiner) {
			break // آل، بن with no name after them
		}
		if k == "الله" || k == "الدين" {
			n++ // نصر الله، رامي الحمد الله، صلاح الدين
			continue
		}
		compound := n >= 2 && (r.words[i+n-2].key == "عبد" || r.words[i+n-2].key == "ابو" || r.words[i+n-2].key == "ابي")
		if n >= 2 && r.words[i+n-2].key == "ال" {
			break // آل ثاني: the family ends the name
		}
		ok2, _ := r.nameWord(i+n, false)
		if ok2 && !r.words[i+n].is(fGiven) && r.lx.isCommon(k) && !hasArticle(k) {
			ok2 = false // … عبد الغني هدف: a common word (common_words.tsv) ends the name
		}
		if ok2 && r.words[i+n].tokens() == 0 && !r.words[i+n].is(fGiven) && r.verbLike(k, n >= 2) {
			ok2 = false // مدحت صالح يغني، مون تلقت: a verb after the name
		}
		if ok2 && strings.HasSuffix(r.src[r.words[i+n].start:r.words[i+n].end], "ة") && !r.knownAsName(k) && !r.words[i+n].is(fGiven) && !strings.HasPrefix(k, "ال") {
			ok2 = false // بوش حالة: a feminine noun after a name
		}
		if ok2 && n >= 2 && r.words[i+n-2].is(fJoiner) && !compound && !r.knownAsName(k) && !(strings.HasPrefix(k, "ال") && r.alSurname(k)) {
			ok2 = false // after بن X, a further word must be a known name or a family name
		}
		if ok2 && n >= 2 && !r.words[i+n-1].is(fGiven) && !(r.knownAsName(k) && !r.common[k] && !strings.HasPrefix(k, "ال")) && !r.words[i+n-2].is(fJoiner) {
			// a third word only after a compound given name (جان أيف
			// ماكرون، رجب طيب أردوغان) or when the name lists know it
			// (محمود أحمدي نجاد): after a surname comes the sentence
			break
		}
		if !ok2 {
			// a family name with the article: عادل الجبير، سامر الخطيب
			if strings.HasPrefix(k, "ال") && !r.words[i+n].is(fNotName) && r.hits[i+n] == nil && n >= 1 && r.words[i].is(fGiven) && !r.isBare(k[len("ال"):]) && r.alSurname(k) {
				if !strings.HasSuffix(k, "ه") {
					n++ // a family name: never written without its article here, not a feminine noun
				}
			}
			break
		}
		n++
	}
	return n, strip
}

// alSurname reports whether a word with the article can be a family
// name: a nisba (الزرقاوي، السيستاني), or the family name of a well-known
// person or a Wikidata name token (الأسد، الخطيب); not an ordinal
// (الثاني) nor a word of the collection that a name never is.
func (r *recognizer) alSurname(k string) bool { return r.lx.alSurname(k) }

// alContinues reports whether the word k with the article at i continues
// a name: after عبد or أبو (عبد الكريم، أبو الحسن) any; الدين and الله
// after any name word (صلاح الدين، نصر الله); a regnal number (محمد
// الخامس); a family name (alSurname); or a word the article never writes
// bare that is not shaped like a common noun: no participle or place noun
// in م- (المتحف، المؤرخ), no plural (الورود، المفتشين).
func (r *recognizer) alContinues(i int, k string) bool {
	if i > 0 {
		switch r.words[i-1].key {
		case "عبد", "ابو", "ابي", "ام", "ابن", "بن", "ذو", "ذي":
			return true
		}
	}
	if k == "الدين" || k == "الله" || r.lx.has(k, fOrdinal) || r.alSurname(k) {
		return true
	}
	stem := k[len("ال"):]
	if r.isBare(stem) || r.lx.has(k, fNotName) || utf8.RuneCountInString(stem) < 3 {
		return false
	}
	if strings.HasPrefix(stem, "م") || strings.HasSuffix(stem, "ات") || strings.HasSuffix(stem, "ين") || strings.HasSuffix(stem, "ون") {
		return false
	}
	// فعول plurals (الورود، الحدود) and verbal nouns in -ال (الانزال)
	if n := utf8.RuneCountInString(stem); n == 4 && []rune(stem)[2] == 'و' || strings.HasPrefix(stem, "ان") || strings.HasPrefix(stem, "است") {
		return false
	}
	return true
}

func (l *lexicons) alSurname(k string) bool {
	if ki := l.infoOf(k); ki != nil {
		if ki.flags&(fOrdinal|fNotName) != 0 {
			return false
		}
		if ki.flags&fAlSurname != 0 || ki.tokens > 0 {
			return true
		}
	}
	// a nisba: ال + at least three letters + ي, not a nationality (a
	// lexicon hit) nor a plural (-يين)
	return strings.HasSuffix(k, "ي") && utf8.RuneCountInString(k) >= 6 && !strings.HasSuffix(k, "يي")
}

// afterJoiner reports whether word j, after بن، آل، أبو, is a name: any
// word but a function word, a lexicon phrase or a verb (آل ثاني، بن
// خليفة، أبو الغيط are names whatever else the words mean).
func (r *recognizer) afterJoiner(j int) bool {
	if j >= len(r.words) || r.used[j] || r.toks[r.words[j].tok].Kind != text.Word {
		return false
	}
	k := r.words[j].key
	if r.words[j].is(fNotName) || r.words[j].is(fJoiner) || r.blocksName(j) || utf8.RuneCountInString(k) < 2 || r.words[j].is(fMonth) {
		return false
	}
	if ok, _ := r.nameWord(j, false); ok {
		return true
	}
	return !strings.HasPrefix(k, "و") && !r.verbLike(k, true) && (r.knownAsName(k) || strings.HasPrefix(k, "ال") || r.common[k])
}

// shortMinistries are the fields news name a ministry by without وزارة.
var shortMinistries = map[string]bool{"foreign": true, "defence": true, "interior": true}

// roleModifiers may follow a role before the name: السابق، الجديد …
var roleModifiers = keySet("السابق السابقة الحالي الحالية الجديد الجديدة الأول الأولى الثاني الثانية المكلف المكلفة المنتخب المنتخبة الراحل الراحلة الأسبق العام العامة الرسمي الرسمية الخاص الخاصة")

// ministryAt reads "وزارة الخارجية [الروسية]" or "الخارجية الروسية" at i:
// words covered, canonical name, country, clitic strip.
func (r *recognizer) ministryAt(i int) (n int, canonical, country string, strip int) {
	if i >= len(r.words) || r.words[i].flags&fMinistry == 0 {
		return 0, "", "", 0
	}
	j := i
	hasWord := false
	for _, v := range r.words[i].vars.all() {
		if v.key == "وزاره" {
			hasWord, strip, j = true, v.strip, i+1
			break
		}
	}
	if j >= len(r.words) || r.words[j].seg != r.words[i].seg {
		return 0, "", "", 0
	}
	field := ""
	fk := r.words[j].key
	if pk := r.words[max(i-1, 0)].key; !hasWord && i > 0 && (institutionNouns[pk] || institutionNouns[text.StripConj(pk)]) {
		return 0, "", "", 0 // وكالة الإعلام الروسية، وسائل الإعلام الروسية: not the ministry
	}
	if !hasWord {
		for _, v := range r.words[j].vars.all() {
			if f, ok := r.lx.fields[v.key]; ok && shortMinistries[f] {
				// الخارجية الروسية is the ministry; الاقتصاد الإسرائيلي
				// is the economy
				field, strip = f, v.strip
				break
			}
		}
	} else {
		field = r.lx.fields[fk]
		if field == "" && strings.HasPrefix(fk, "ال") && !r.lx.has(fk, fNotName) && r.hitAt(j) == nil && utf8.RuneCountInString(fk) >= 4 {
			// وزارة الإسكان، وزارة العمل والتنمية الاجتماعية: any field
			// with the article, and the fields coordinated with it
			field = fk
			for j+2 < len(r.words) && r.words[j+1].seg == r.words[i].seg && strings.HasPrefix(r.words[j+1].key, "وال") && j-i < 5 {
				field += " " + r.words[j+1].key
				j++
			}
			if j+1 < len(r.words) && r.words[j+1].seg == r.words[i].seg && strings.HasPrefix(r.words[j+1].key, "ال") && strings.HasSuffix(r.words[j+1].key, "يه") && r.hitAt(j+1) == nil {
				field += " " + r.words[j+1].key // … والتنمية الاجتماعية
				j++
			}
		}
	}
	if field == "" {
		return 0, "", "", 0
	}
	j++
	if h := r.hitAt(j); j < len(r.words) && r.words[j].seg == r.words[i].seg && h != nil && h.strip == 0 &&
		(h.e.kind == "ADJ" || hasWord && h.e.kind == "LOC" && h.e.sub == "country" && strings.HasSuffix(r.words[j].key, "يه") && strings.HasPrefix(r.words[j].key, "ال")) {
		// وزارة المالية السعودية: the feminine country name is the adjective
		country = h.e.country
		j += h.n
	} else if !hasWord {
		return 0, "", "", 0 // "الخارجية" alone is an adjective or a field, not a ministry
	}
	canonical = field + " ministry"
	if country != "" {
		canonical += " (" + country + ")"
	}
	return j - i, canonical, country, strip
}

// blocksName reports whether the lexicon phrase at word i keeps it out of
// a person's name: any curated entry, and a generated one of two words or
// more or naming a country; a single generated city, region or club name
// (عباس، صالح are places too) does not.
func (r *recognizer) blocksName(i int) bool {
	h := r.hitAt(i)
	if h == nil {
		return false
	}
	if !h.e.gen || h.e.kind == "PERSON" {
		return h.e.kind != "PERSON"
	}
	return h.n > 1 || h.e.sub == "country" || h.e.sub == "macro-region"
}

// mayStartName is the cheap test before nameWord: a given name, with a
// conjunction or not, or a name that collides with a function word.
func (r *recognizer) mayStartName(i int) bool {
	w := &r.words[i]
	return w.flags&fGiven != 0 || w.is(fGivenExact) && r.lx.givenExact[r.src[w.start:w.end]] || r.abdJoined(w.key)
}

// kunyaStarts begin a name by a kunya or a nasab: أبو الغيط، ابن خلدون.
var kunyaStarts = keySet("أبو ابو أبي ابي ابن")

// notKunya follow ابن/أبو as kinship, age or common nouns: ابن عمه، ابن
// عشر سنين، ابن رجل.
var notKunya = keySet("عم عمه عمها عمي خال خاله خالها أخ أخي أخيه أخيها أخت أخته عشر عشرة ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان ثمانية تسع تسعة رجل امرأة سنة عام البلد الوطن المدينة الشهيد")

// kunyaAt reads أبو/ابن + a name at i (أبو الغيط، ابن خلدون، أبو عبد
// الله): the words after it are read as after a joiner.
func (r *recognizer) kunyaAt(i int) int {
	if !r.words[i].is(fKunya) || i+1 >= len(r.words) || r.words[i+1].seg != r.words[i].seg || !r.afterJoiner(i+1) {
		return 0
	}
	if r.hits[i] != nil || r.hits[i+1] != nil || r.words[i+1].is(fJoiner) && r.words[i+1].key != "عبد" || notKunya[r.words[i+1].key] {
		return 0 // أبو ظبي is a place; ابن عمه a cousin
	}
	if r.words[i+1].key == "عبد" {
		if i+2 < len(r.words) && r.words[i+2].seg == r.words[i].seg && r.afterJoiner(i+2) {
			if n, _ := r.nameAt(i + 1); n >= 2 {
				return 1 + n
			}
			return 3
		}
		return 0
	}
	if n, _ := r.nameAt(i + 1); n >= 2 && !strings.HasPrefix(r.words[i+1].key, "ال") {
		return 1 + n
	}
	return 2
}

// tokenName reads a name whose given name the given-name lists lack
// (كوفي أنان، جلعاد شاليط): two or three words that the Wikidata name
// tokens know, the first one well (ten names or more), none of them a
// common word of the collection, a function word, a lexicon phrase, a
// word with the article or a verb form.
func (r *recognizer) tokenName(i int) int { return r.tokenNameMin(i, 10) }

// tokenNameMin is tokenName with the first word in min names or more.
func (r *recognizer) tokenNameMin(i, first int) int {
	if first >= 10 && r.words[i].kflags&fTok10 == 0 {
		return 0 // the cheap test: not a frequent name token
	}
	ok := func(j int, min int) bool {
		if j >= len(r.words) || r.used[j] || r.words[j].seg != r.words[i].seg || r.toks[r.words[j].tok].Kind != text.Word {
			return false
		}
		k := r.words[j].key
		return r.words[j].tokens() >= min && utf8.RuneCountInString(k) >= 3 && !r.common[k] && !r.words[j].is(fNotName) && !r.words[j].is(fMonth) &&
			r.hits[j] == nil && !strings.HasPrefix(k, "ال") && !strings.HasPrefix(k, "و") && !r.verbLike(k, true) && !r.indefinite(k)
	}
	if !ok(i, first) || !ok(i+1, 2) || r.words[i].is(fJoiner) || r.words[i+1].is(fJoiner) {
		return 0
	}
	if ok(i+2, 2) && r.words[i+1].tokens() >= 10 {
		return 3
	}
	return 2
}

// abdJoined reports a compound given name written as one word: عبدالمنعم،
// عبدالرحمن (عبد + at least three letters).
func (r *recognizer) abdJoined(k string) bool {
	rest, ok := strings.CutPrefix(k, "عبد")
	return ok && utf8.RuneCountInString(rest) >= 3 && !r.common[k]
}

// people finds persons: role chains, given name + surname, coordination.
func (r *recognizer) people() {
	for i := 0; i < len(r.words); i++ {
		if r.used[i] {
			continue
		}
		if i > 0 && r.words[i-1].seg == r.words[i].seg && r.words[i-1].is(fInstHead) {
			continue // معهد ماكس بلانك: the institution's name (see institutionAt)
		}
		if h := r.hits[i]; h != nil && h.kind == "PERSON" {
			// a well-known person's full name (persons_data.tsv)
			m := r.person(i, h.n, h.strip, h.e.lexRule, 0.9)
			r.apposition(&m, i+h.n)
			r.emit(m, i, i+h.n)
			i += h.n - 1
			continue
		}
		if h := r.hits[i]; h != nil && h.kind == "ROLE" {
			if end := r.roleChain(i); end > i {
				i = end - 1
				continue
			}
		}
		if h := r.hits[i]; h != nil && h.kind == "ADJ" && h.strip == 0 && strings.HasPrefix(r.words[i].key, "ال") {
			// الكرواتي [الشاب] بورنا تشوريتش: a nationality, then a foreign
			// name the name tokens know
			j := i + h.n
			if j < len(r.words) && (r.words[j].key == "الشاب" || r.words[j].key == "الشابه") {
				j++
			}
			if j < len(r.words) && r.words[j].seg == r.words[i].seg && !r.mayStartName(j) {
				if n := r.tokenNameMin(j, 2); n >= 2 {
					m := r.person(j, n, 0, "nationality + name tokens", 0.6)
					m.Country = h.e.country
					r.emit(m, j, j+n)
					i = j + n - 1
					continue
				}
			}
		}
		if n := r.kunyaAt(i); n >= 2 {
			m := r.person(i, n, 0, "kunya or nasab + name", 0.7)
			r.apposition(&m, i+n)
			r.emit(m, i, i+n)
			i += n - 1
			continue
		}
		if h := r.hits[i]; h != nil && h.n > 1 && (h.kind == "ORG" || h.kind == "LOC") {
			continue // فرانس برس: a known organization, not a person named فرانس
		}
		if !r.mayStartName(i) {
			if n := r.tokenName(i); n >= 2 {
				m := r.person(i, n, 0, "name tokens (name_tokens.tsv)", 0.6)
				r.apposition(&m, i+n)
				r.emit(m, i, i+n)
				i += n - 1
			}
			continue
		}
		if ok, strip := r.nameWord(i, true); ok && (r.words[i].is(fGiven) || strip > 0 || r.abdJoined(r.words[i].key) || r.words[i].is(fGivenExact) && r.lx.givenExact[r.src[r.words[i].start:r.words[i].end]] && i+1 < len(r.words) && r.words[i+1].is(fJoiner)) {
			// a given name that is the surname of someone named already (محمد
			// صلاح … صلاح): that person again
			if full, ok := r.surnameOf[string(appendFold(nil, r.words[i].vars.all()[min(strip, r.words[i].vars.n-1)].key))]; ok {
				start := r.surfaceStart(r.words[i], strip)
				r.emit(rasad.Mention{Span: rasad.Span{Start: start, End: r.words[i].end}, Type: "PERSON", Key: full,
					Rule: "surname of a person named in this article", Confidence: 0.75}, i, i+1)
				continue
			}
			if n, strip := r.nameAt(i); n >= 2 {
				m := r.person(i, n, strip, "given name + name", 0.8)
				r.apposition(&m, i+n)
				r.emit(m, i, i+n)
				i += n - 1
			} else if n == 1 && r.givenAlone(i, strip) {
				r.emit(r.person(i, 1, strip, "given name alone", 0.6), i, i+1)
			}
		}
	}
}

// person builds a PERSON mention over words [i, i+n).
func (r *recognizer) person(i, n, strip int, rule string, conf float64) rasad.Mention {
	start := r.surfaceStart(r.words[i], strip)
	end := r.words[i+n-1].end
	m := rasad.Mention{Span: rasad.Span{Start: start, End: end}, Type: "PERSON", Rule: rule, Confidence: conf}
	m.Key = NameKey(r.src[start:end])
	return m
}

// apposition attaches a role that follows a name after a comma:
// "جواد ظريف، وزير الخارجية الإيراني".
func (r *recognizer) apposition(m *rasad.Mention, j int) {
	if j >= len(r.words) || !r.words[j].commaBef || r.hits[j] == nil || r.hits[j].e.kind != "ROLE" || m.Role != "" {
		return
	}
	h := r.hits[j]
	m.Role, m.Sector = h.e.canonical, h.e.sub
	k := j + h.n
	for k < len(r.words) && r.words[k].seg == r.words[j].seg {
		if hk := r.hits[k]; hk != nil && (hk.e.kind == "ADJ" || hk.e.kind == "LOC" && hk.e.sub == "country") {
			if m.Country == "" {
				m.Country = hk.e.country
			}
			k += hk.n
			continue
		}
		k++
	}
}

// roleChain reads ROLE [ADJ|COUNTRY|ORG|ministry|في CITY|modifier]* [،] NAME
// and the persons coordinated after it. It returns the word after the
// last one used, or i when no person was found.
func (r *recognizer) roleChain(i int) int {
	if i > 0 && r.words[i-1].seg == r.words[i].seg && strings.HasPrefix(r.src[r.words[i-1].start:r.words[i-1].end], "آل") {
		return i // آل الشيخ: a family name, not the role الشيخ
	}
	h := r.hits[i]
	role, sector := h.e.canonical, h.e.sub
	var countries []string
	org := ""
	var inner []rasad.Mention // organizations and places named inside the chain
	j := i + h.n
	seg := r.words[i].seg
	for j < len(r.words) && r.words[j].seg == seg {
		hj := r.hits[j]
		switch {
		case hj != nil && hj.e.kind == "ADJ":
			countries = append(countries, hj.e.country)
			j += hj.n
			continue
		case hj != nil && hj.e.kind == "LOC" && hj.e.sub == "country" && hj.strip == 0:
			countries = append(countries, hj.e.country)
			inner = append(inner, r.lexMention(j, hj))
			j += hj.n
			continue
		case hj != nil && hj.e.kind == "ORG":
			org = hj.e.canonical
			if hj.e.country != "" {
				countries = append(countries, hj.e.country)
			}
			inner = append(inner, r.lexMention(j, hj))
			j += hj.n
			continue
		case hj != nil && hj.e.kind == "ROLE" && hj.strip == 0 && j == i+h.n:
			// a role of a role: رئيس + إدارة …; take the longer description
			role, sector = hj.e.canonical, hj.e.sub
			j += hj.n
			continue
		}
		if n, canonical, c, strip := r.ministryAt(j); n > 0 {
			if c != "" {
				countries = append(countries, c)
			}
			start := r.surfaceStart(r.words[j], strip)
			inner = append(inner, rasad.Mention{Span: rasad.Span{Start: start, End: r.words[j+n-1].end}, Type: "ORG", Key: canonical,
				Canonical: canonical, Country: c, Rule: "ministry + nationality", Confidence: 0.85})
			j += n
			continue
		}
		k := r.words[j].key
		if (k == "في" || k == "لدي") && j+1 < len(r.words) && r.hits[j+1] != nil && r.hits[j+1].e.kind == "LOC" {
			inner = append(inner, r.lexMention(j+1, r.hits[j+1]))
			j += 1 + r.hits[j+1].n
			continue
		}
		if roleModifiers[k] {
			j++
			continue
		}
		break
	}
	if j >= len(r.words) {
		return i
	}
	// the name: right after the chain, or after a comma (apposition)
	if r.words[j].seg != seg && !(r.words[j].commaBef && r.words[j].seg == seg+1) {
		return i
	}
	n, strip := r.nameAt(j)
	if n == 0 {
		return i
	}
	if r.words[j].seg != seg && !r.words[j].is(fGiven) && n < 2 {
		return i
	}
	if n >= 2 && accusativePair(r.words[j].key, r.words[j+1].key) && !r.words[j].is(fGiven) && !r.knownAsName(r.words[j].key) {
		return i // أبدى الرئيس عزما أكيدا، اتصالا هاتفيا: a noun and its adjective, both accusative
	}
	if k0 := r.words[j].vars.v[min(strip, r.words[j].vars.n-1)].key; n == 1 && j == i+h.n && strip == 0 && !strings.HasPrefix(r.words[i].key, "ال") &&
		!r.lx.has(k0, fGiven) && !r.knownAsName(k0) {
		// رئيس كوكاكولا، وزير الصحة أوامر: an indefinite role in construct
		// heads the one unknown word after it (a company), not a person
		return i
	}
	if k0 := r.words[j].vars.v[min(strip, r.words[j].vars.n-1)].key; !r.lx.has(k0, fGiven) && !r.knownAsName(k0) &&
		(institutionNouns[k0] || institutionHeads[k0] || descriptorHeads[k0] || r.lx.isCommon(k0) || r.verbLike(k0, true) && !r.lx.has(k0, fForeign)) {
		// رئيس مجلس إدارة، نائب رئيس رابطة الدوري: an institution's head noun;
		// لاعب يسجل أهدافا: a verb; a common word (common_words.tsv)
		return i
	}
	if k1 := r.words[j].vars.v[min(strip, r.words[j].vars.n-1)].key; !r.knownAsName(k1) && !r.lx.has(k1, fGiven) && nounShaped(r.words[j].key) ||
		n == 1 && (!r.surnameAlone(j) || r.hits[j] != nil && r.hits[j].e.kind == "LOC" || !r.knownAsName(k1) && sector == "sport") {
		// الرئيس ترسيم، الرئيس إمكانية: one word after a role that the
		// name lists do not know and that is shaped like a noun is no name
		// after a sport role (اللاعب مصاب) one word is a name only if the name lists know it
		return i
	}
	m := r.person(j, n, strip, h.e.roleRule, 0.9)
	m.Role, m.Sector = role, sector
	if len(countries) > 0 {
		m.Country = countries[0]
	}
	_ = org
	for _, im := range inner {
		im.Text = r.src[im.Start:im.End]
		r.out = append(r.out, im)
	}
	r.emit(m, i, j+n)
	end := j + n
	// coordination: "، والفرنسي جان إيف لودريان"، "وكندا ستيفان ديون"، "وجواد ظريف"
	for ci := 1; end < len(r.words) && ci < 6; ci++ {
		k := end
		country := ""
		if hk := r.hits[k]; hk != nil && hk.strip > 0 && (hk.e.kind == "ADJ" || hk.e.kind == "LOC" && hk.e.sub == "country") {
			country = hk.e.country
			k += hk.n
		} else if hk != nil {
			break
		} else if !strings.HasPrefix(r.words[k].key, "و") {
			break
		}
		if k >= len(r.words) {
			break
		}
		n2, strip2 := r.nameAt(k)
		if n2 == 0 || (country == "" && strip2 == 0) || n2 == 1 && !r.surnameAlone(k) {
			break // "وروسيا بارتكابها": a country, then not a name
		}
		if country == "" && ci < len(countries) {
			country = countries[ci]
		}
		m2 := r.person(k, n2, strip2, "coordinated with a role + name", 0.85)
		m2.Role, m2.Sector, m2.Country = role, sector, country
		r.emit(m2, end, k+n2)
		end = k + n2
	}
	return end
}

// accusativePair reports two words that end in the accusative alef, the
// second shaped as an adjective (عزما أكيدا، اتصالا هاتفيا): a noun and its
// adjective, not a given name and a surname.
func accusativePair(a, b string) bool {
	if utf8.RuneCountInString(a) < 4 || !strings.HasSuffix(a, "ا") || strings.HasSuffix(a, "يا") {
		return false // (ماريا، صوفيا end in يا)
	}
	// the adjective: a nisba (هاتفيا، رسميا) or فعيلا (أكيدا، كبيرا);
	// names in ا (جوما أوديرا) have neither shape
	rs := []rune(b)
	return len(rs) >= 5 && strings.HasSuffix(b, "يا") || len(rs) == 5 && rs[2] == 'ي' && rs[4] == 'ا'
}

// nameParticles join a foreign name's words (دي بياجيو، فان دايك).
var nameParticles = keySet("دي دا دو فان فون دل ديل")

// ageWords follow the number of an age in brackets: (34 عاما).
var ageWords = keySet("عاما عام سنة سنوات عمره")

// agedNames finds the name before an age in brackets that no other rule
// found: «وقالت ليندا فورسبرغ (34 عاما)». The word before the bracket is
// name-shaped: no article (but an article surname or a given name), no
// lexicon place, organization, role or nationality, no common word, verb,
// verbal noun, accusative adjective (عراقيا) or noun with a pronoun
// (وابنته). Up to two known name words before it join the name (not a
// verb before its subject: وانضم ليفاندوفسكي).
func (r *recognizer) agedNames() {
	for i := range r.words {
		t := r.words[i].tok
		if r.used[i] || t+4 >= len(r.toks) || r.toks[t+1].Key != "(" || r.toks[t+2].Kind != text.Number || !ageWords[r.toks[t+3].Key] || r.toks[t+4].Key != ")" {
			continue
		}
		ok, strip := r.agedNameWord(i, false)
		if !ok {
			continue
		}
		first := i
		for j := i - 1; strip == 0 && j >= 0 && i-j < 4 && !r.used[j] && r.words[j].seg == r.words[i].seg; j-- {
			if k := r.words[j].key; r.lx.has(k, fJoiner) || nameParticles[k] {
				first = j // بني فضل، دي بياجيو
				continue
			}
			ok, s := r.agedNameWord(j, true)
			if !ok {
				break
			}
			first, strip = j, s
		}
		if k := r.words[first].key; r.lx.has(k, fJoiner) || nameParticles[k] {
			continue
		}
		if j := first - 1; strip == 0 && j >= 0 && !r.used[j] && r.words[j].seg == r.words[first].seg {
			if ok, s := r.agedNameWord(j, false); ok && s == 0 {
				continue // جيماماني ساهو: an unknown word before may be a given name or a verb; no cut name
			}
		}
		start := r.surfaceStart(r.words[first], strip)
		end := r.words[i].end
		r.emit(rasad.Mention{Span: rasad.Span{Start: start, End: end}, Type: "PERSON", Key: NameKey(r.src[start:end]),
			Rule: "name before an age in brackets", Confidence: 0.7}, first, i+1)
	}
}

// agedNameWord reports whether word j can be a word of a name before an
// age (known: a given name or a name token only), and the clitic strip of
// the reading that is.
func (r *recognizer) agedNameWord(j int, known bool) (bool, int) {
	w := &r.words[j]
	if r.toks[w.tok].Kind != text.Word || r.hits[j] != nil && r.hits[j].e.kind != "PERSON" {
		return false, 0
	}
	for _, v := range w.vars.all() {
		k := v.key
		name := r.lx.has(k, fGiven) || r.lx.tokensOf(k) > 0
		if known && !name || utf8.RuneCountInString(k) < 3 || r.lx.has(k, fNotName) || r.lx.isCommon(k) || r.common[k] && !name || nationality(r.lx, k) || r.indefinite(k) ||
			strings.HasPrefix(k, "ال") && !r.lx.has(k, fGiven) && !r.lx.alSurname(k) || nounShaped(k) && !name || r.verbLike(k, true) && !name ||
			!name && utf8.RuneCountInString(k) >= 5 && (strings.HasSuffix(k, "يا") || strings.HasSuffix(k, "ه")) ||
			!name && utf8.RuneCountInString(k) >= 4 && (strings.HasSuffix(k, "ها") || strings.HasSuffix(k, "هما") || strings.HasSuffix(k, "هم")) ||
			!name && (strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف") || v.strip == 0 && (strings.HasPrefix(k, "ل") || strings.HasPrefix(k, "ب")) && w.vars.n > 1) {
			continue // (a conjunction read into an unknown word: والوالدة)
		}
		if v.strip > 0 && !(strings.HasPrefix(w.key, "و") || strings.HasPrefix(w.key, "ف") || strings.HasPrefix(w.key, "ل")) {
			continue
		}
		return true, v.strip
	}
	return false, 0
}

// familyOfAl finds «X آل Y» that no other rule read: a given name, or a
// word that is also a nationality (تركي آل الشيخ), before the family word
// آل and the family's name. آل after such a word names a family, never
// the article.
func (r *recognizer) familyOfAl() {
	for i := 0; i+2 < len(r.words); i++ {
		if r.used[i] || r.used[i+1] || r.used[i+2] || r.words[i+1].seg != r.words[i].seg || r.words[i+2].seg != r.words[i].seg {
			continue
		}
		if r.src[r.words[i+1].start:r.words[i+1].end] != "آل" || r.toks[r.words[i+2].tok].Kind != text.Word {
			continue
		}
		w := r.words[i]
		strip := -1
		for _, v := range w.vars.all() {
			if r.lx.has(v.key, fGiven) || nationality(r.lx, v.key) && !hasArticle(v.key) {
				strip = v.strip
				break
			}
		}
		if strip < 0 || r.words[i+2].is(fNotName) {
			continue
		}
		start := r.surfaceStart(w, strip)
		end := r.words[i+2].end
		r.emit(rasad.Mention{Span: rasad.Span{Start: start, End: end}, Type: "PERSON", Key: NameKey(r.src[start:end]),
			Rule: "name + آل + family", Confidence: 0.75}, i, i+3)
		i += 2
	}
}
