package entities

// The lexicon's organizations and places in a text (orgsAndPlaces), and
// the contexts that decide them: a nisba after a noun, a title, a word
// read as a noun, a city after في, a place's context.

import (
	"strings"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// orgsAndPlaces emits the lexicon's organizations and places, ministries,
// and landmarks (بحيرة ليمان).
func (r *recognizer) orgsAndPlaces() {
	nato := false
	for i := 0; i < len(r.words); i++ {
		if r.used[i] {
			continue
		}
		if n, canonical, country, strip := r.ministryAt(i); n > 0 {
			start := r.surfaceStart(r.words[i], strip)
			r.emit(rasad.Mention{Span: rasad.Span{Start: start, End: r.words[i+n-1].end}, Type: "ORG", Key: canonical,
				Canonical: canonical, Country: country, Rule: "ministry + nationality", Confidence: 0.85}, i, i+n)
			i += n - 1
			continue
		}
		if n, strip := r.publicBodyAt(i); n > 0 {
			r.emitPatternOrg(i, n, strip, "public body: head + scope + purpose")
			i += n - 1
			continue
		}
		if n, strip := r.federationAt(i); n > 0 {
			r.emitPatternOrg(i, n, strip, "federation: الاتحاد + nationality (+ sport)")
			i += n - 1
			continue
		}
		h := r.hits[i]
		if (h == nil || h.e.kind == "ROLE") && r.institution(i) {
			continue
		}
		if h == nil && r.words[i].flags&fLandmark != 0 && r.lx.landmarks[text.StripConj(r.words[i].key)] && i+1 < len(r.words) && r.words[i+1].seg == r.words[i].seg && !r.used[i+1] {
			// بحيرة ليمان، نهر النيل، جبل طارق، بحيرة تشاد
			next := r.hits[i+1]
			ok, _ := r.nameWord(i+1, false)
			nk := r.words[i+1].key
			if ok && (r.lx.isCommon(nk) || imperfectShaped(nk) && r.lx.tokensOf(nk) == 0 && !r.lx.has(nk, fGiven) || strings.HasSuffix(nk, "ي") && utf8.RuneCountInString(nk) >= 4 && r.lx.tokensOf(nk) == 0) {
				ok = false // نهر موسمي، سهل تحيط به: an adjective or a verb, no name
			}
			if r.words[i].key == "شبه" && nk != "جزيره" && nk != "جزيرة" {
				ok, next = false, nil // شبه مستقلة: "semi-", not a peninsula
			}
			if (ok && !strings.HasPrefix(nk, "ال")) || (next != nil && next.e.kind == "LOC" && next.strip == 0) {
				n := 2
				if next != nil && next.e.kind == "LOC" {
					n = 1 + next.n
				}
				start := r.surfaceStart(r.words[i], len([]rune(r.words[i].key))-len([]rune(text.StripConj(r.words[i].key))))
				end := r.words[i+n-1].end
				r.emit(rasad.Mention{Span: rasad.Span{Start: start, End: end}, Type: "LOC",
					Key: text.Key(r.src[start:end]), Rule: "landmark word + name", Confidence: 0.7}, i, i+n)
				i += n - 1
				continue
			}
		}
		if h == nil {
			continue
		}
		if h.e.kind != "ORG" && h.e.kind != "LOC" {
			if h.e.kind == "MISC" && !r.anyUsed(i, i+h.n) {
				// دوري أبطال أوروبا: a competition, no mention; its words are
				// taken so that no later pass reads أوروبا as a place
				for j := i; j < i+h.n; j++ {
					r.used[j] = true
				}
			}
			if last := i + h.n - 1; h.e.kind == "ROLE" && h.n > 1 && !r.used[last] && r.institution(last) {
				i = last // رئيس حزب مصر القوية: the role ends with the institution's head
				continue
			}
			i += h.n - 1 // وزير الخارجية: the role's words are no ministry
			continue
		}
		if r.anyUsed(i, i+h.n) {
			continue // a phrase over words already in a mention would overlap it
		}
		if h.e.sub == "club" && h.n > 1 && clubHeadNoun(r.words[i].key) && i+1 < len(r.hits) {
			if nx := r.hits[i+1]; nx != nil && (nx.e.kind == "ORG" || nx.e.kind == "LOC") && 1+nx.n > h.n {
				continue // نادي باريس سان جيرمان: the longer name after نادي, not the club نادي باريس
			}
		}
		if r.readAsNoun(i, h) {
			continue // مسقط رأسه، القاعدة العسكرية: the common noun, not the name
		}
		if h.e.kind == "LOC" && r.titleOf(i, h) {
			// صحيفة «الشرق الأوسط»، جريدة القدس: a newspaper named after a place
			m := r.lexMention(i, h)
			m.Type, m.Rule, m.Confidence = "ORG", "place name as a title ("+h.e.ref+")", 0.75
			m.Key, m.Canonical, m.Country = "title "+m.Key, "", ""
			r.emit(m, i, i+h.n)
			i += h.n - 1
			continue
		}
		if h.e.kind == "LOC" && h.e.sub != "country" && !h.e.ambiguous && !r.clubAmbiguous(i, h) && r.clubOf(i, h) && r.sportContext(i) && !r.placeOfCountry(i, h) && !r.cityAfterIn(i, h) {
			// برشلونة، ريال مدريد in a match report: the club
			m := r.lexMention(i, h)
			m.Type, m.Rule, m.Confidence = "ORG", "club named after its place, in a sport context ("+h.e.ref+")", 0.75
			m.Key, m.Canonical = "club "+m.Key, ""
			r.emit(m, i, i+h.n)
			i += h.n - 1
			continue
		}
		if h.e.kind == "ORG" && h.e.sub == "club" && h.e.gen && h.strip > 0 && r.lx.allCommon(h.e.words) {
			continue // بالتعاون مع: a common word with a clitic, not the club التعاون
		}
		if h.e.kind == "ORG" && h.e.sub == "club" && h.n == 1 && strings.HasPrefix(h.e.ref, "clubs.tsv") && (!r.sportContext(i) && !r.sportText() || r.afterHeadNoun(i)) {
			continue // بشكتاش، لايبزيغ outside sport, مدينة دورتموند: the district, the city
		}
		if h.e.kind == "ORG" && h.e.sub == "club" && r.genAmbiguous(i, h) && !r.sportContext(i) {
			continue // الأهلي، النصر outside sport: words
		}
		if h.e.kind == "ORG" && h.e.sub == "club" && h.e.gen && h.n == 1 && h.strip == 0 && r.genAmbiguous(i, h) && r.afterHeadNoun(i) {
			continue // قسم الشرطة، منطقة الشمال، مجلس التعاون: the genitive of a head noun, not the club
		}
		if h.e.ambiguous && !r.placeContext(i, h) {
			continue
		}
		if r.nisbaAfterNoun(i, h) {
			continue // الجماهير السعودية، المصانع السعودية: the adjective, not the country
		}
		if amb := h.e.kind == "LOC" && r.genAmbiguous(i, h); amb && (h.strip > 0 || !r.strictPlaceContext(i)) {
			continue
		}
		if from := r.descriptorName(i, h); from > i {
			// وكالة رويترز، حركة طالبان: the name without its head noun
			m := r.lexMention(i, h)
			m.Start = r.words[from].start
			r.emit(m, i, i+h.n)
			i += h.n - 1
			continue
		}
		m := r.lexMention(i, h)
		if h.e.canonical == "NATO" {
			nato = true
		}
		r.emit(m, i, i+h.n)
		i += h.n - 1
	}
	if !nato {
		return
	}
	// الحلف alone, in an article about NATO, is NATO
	for i, w := range r.words {
		if r.used[i] {
			continue
		}
		for _, v := range w.vars.all() {
			if v.key == "الحلف" && (i+1 >= len(r.words) || r.words[i+1].seg != w.seg || r.hits[i+1] == nil || r.hits[i+1].e.kind != "ADJ") {
				start := r.surfaceStart(w, v.strip)
				r.emit(rasad.Mention{Span: rasad.Span{Start: start, End: w.end}, Type: "ORG", Key: "NATO", Canonical: "NATO",
					Rule: "الحلف in an article that names NATO", Confidence: 0.7}, i, i+1)
				break
			}
		}
	}
}

// nisbaAfterNoun reports a country of one word with the article that is
// also the feminine of its nationality adjective (السعودية beside سعودية)
// right after a definite noun of the same clause: there it agrees with
// the noun (الجماهير السعودية) and names no country.
func (r *recognizer) nisbaAfterNoun(i int, h *hit) bool {
	if h.e.kind != "LOC" || h.e.sub != "country" || h.n != 1 || h.strip != 0 || i == 0 {
		return false
	}
	if !r.lx.nisbaCountry(h.e.words[0]) {
		return false
	}
	p := r.words[i-1]
	return p.seg == r.words[i].seg && strings.HasPrefix(p.key, "ال") && !r.lx.has(p.key, fNotName) && r.hits[i-1] == nil && !r.used[i-1]
}

// mediaHeads name an outlet: the place name after them is its title.
var mediaHeads = keySet("صحيفة جريدة مجلة قناة صحيفتا لصحيفة لجريدة لمجلة لقناة بصحيفة بجريدة بمجلة وصحيفة وجريدة ومجلة")

// titleOf reports a place phrase at word i that names an outlet: right after
// a media head (صحيفة القدس، قناة «الشرق»), or quoted whole after a clitic
// ل of telling (قال لـ«الشرق الأوسط»).
func (r *recognizer) titleOf(i int, h *hit) bool {
	if h.strip > 0 || i == 0 || r.words[i-1].seg != r.words[i].seg {
		return false
	}
	if mediaHeads[r.words[i-1].key] && r.hits[i-1] == nil {
		return true
	}
	end := i + h.n
	if !r.quoteBefore(i) || end >= len(r.words) || !r.quoteBefore(end) {
		return false
	}
	gap := r.src[r.words[i-1].end:r.words[i].start]
	k := r.words[i-1].key
	return k == "ل" || k == "لـ" || strings.HasSuffix(k, "ل") && strings.Contains(gap, "ـ")
}

// imperfectShaped reports a word shaped like an imperfect verb (تنساب،
// يحيط): ي or ت and three to five more letters.
func imperfectShaped(k string) bool {
	n := utf8.RuneCountInString(k)
	return n >= 4 && n <= 6 && (strings.HasPrefix(k, "ي") || strings.HasPrefix(k, "ت"))
}

// nisbaCountry reports a country's one-word name with the article that is
// also the feminine of its nationality adjective (السعودية، سعودية).
func (l *lexicons) nisbaCountry(k string) bool {
	stem, ok := strings.CutPrefix(k, "ال")
	if !ok {
		return false
	}
	c, adj := l.single[k], l.single[stem]
	return c != nil && c.kind == "LOC" && c.sub == "country" && adj != nil && adj.kind == "ADJ" && adj.country == c.country
}

// descriptorHeads are common nouns that stand before an organization's own
// name in apposition (وكالة رويترز، حركة طالبان، صحيفة الأهرام، شركة نوكيا،
// نادي الزمالك): the name is what follows. Broadcasters (قناة، شبكة) are
// left out: «قناة العربية» is the channel's name as written. Heads that
// begin a name of their own (حزب، منظمة، جامعة، اتحاد، مجلس) are not here.
var descriptorHeads = keySet("وكالة حركة صحيفة جريدة مجلة شركة مؤسسة نادي فريق")

// descriptorName returns the word where the name starts inside the lexicon
// organization h at word i when its first word is a descriptor head and
// the rest is a name: an organization of the lexicons by itself (حماس،
// فرانس برس), or words without the article that are no function words
// (حركة أمل). It returns i when the head belongs to the name (وكالة
// المخابرات المركزية، وكالة أنباء الشرق الأوسط).
func (r *recognizer) descriptorName(i int, h *hit) int {
	if h.e.kind != "ORG" || h.n < 2 || !descriptorHeads[h.e.words[0]] {
		return i
	}
	if in := r.hits[i+1]; in != nil && in.n == h.n-1 && in.strip == 0 && in.e.kind == "ORG" {
		return i + 1
	}
	for j := i + 1; j < i+h.n; j++ {
		k := r.words[j].key
		if strings.HasPrefix(k, "ال") || r.lx.has(k, fNotName) || institutionNouns[k] || k == "انباء" {
			return i
		}
	}
	return i + 1
}

// genAmbiguous reports a generated lexicon entry of one word that is
// also a common word, a person's name or a word with the article (الخليج،
// المدينة): a candidate that needs context (see placeContext).
func (r *recognizer) genAmbiguous(i int, h *hit) bool {
	if !h.e.gen || h.n > 1 || h.e.sub == "country" || h.e.sub == "macro-region" {
		return false
	}
	k := h.e.words[0]
	stem, al := strings.CutPrefix(k, "ال")
	for j := 1; j < r.words[i].vars.n; j++ { // (the readings without clitics; their entries answer)
		if r.words[i].vf(j)&(fNotName|fJoiner) != 0 {
			return true // بانه: ب + أنه; لأبي: ل + أبي (not common words: ليفربول is no ل + يفربول)
		}
	}
	if w := r.words[i].key; utf8.RuneCountInString(w) >= 5 && strings.HasSuffix(w, "ات") {
		return true // فترات (not ف + ترات): a plural
	}
	if w := r.words[i].key; h.strip > 0 && strings.ContainsAny(w[:min(len(w), h.strip*len("و"))], "فك") {
		return true // فنانة، كسبها، كريمة: a word of its own far more often than ف or ك + a small place
	}
	f, tokens := r.lx.flagsTokens(k) // (famous, given, notName, nameTokens in one lookup)
	famous := f&fFamous != 0
	return al || famous && tokens >= 3 || strings.HasPrefix(h.e.ref, "places_odbl") && h.e.pop < 300000 || r.common[k] || r.common[stem] || f&fGiven != 0 ||
		f&fNotName != 0 || tokens > 0 || utf8.RuneCountInString(k) < 4 || r.indefinite(k)
}

// genitiveHeads are head nouns whose genitive is a common word, never a
// club called by that word: قسم الشرطة، منطقة الشمال، مجلس التعاون.
var genitiveHeads = keySet("قسم مركز جهاز دائرة مديرية هيئة لجنة مجلس وزارة سلاح شرطة")

// afterHeadNoun reports a word right after a place's head noun, an
// institution's head noun (but a club's: نادي، فريق) or a genitive head.
func (r *recognizer) afterHeadNoun(i int) bool {
	if i == 0 || r.words[i-1].seg != r.words[i].seg {
		return false
	}
	k := text.StripConj(r.words[i-1].key)
	if k == "نادي" || k == "فريق" {
		return false
	}
	return placeHeads[k] || institutionHeads[k] || genitiveHeads[k]
}

// readAsNoun reports a one-word name that is also a common noun, read as
// the noun in its noun phrase: مسقط رأس (one's birthplace, not Muscat);
// القاعدة after a demonstrative or before a feminine adjective with the
// article (هذه القاعدة، القاعدة العسكرية، القاعدة الذهبية: a base or a
// rule, not al-Qaeda, whose name takes no feminine adjective).
func (r *recognizer) readAsNoun(i int, h *hit) bool {
	if h.n != 1 {
		return false
	}
	var next string
	if i+1 < len(r.words) && r.words[i+1].seg == r.words[i].seg {
		next = r.words[i+1].key
	}
	switch h.e.canonical {
	case "مسقط":
		return strings.HasPrefix(next, "راس")
	case "Al-Qaeda":
		if i > 0 && r.words[i-1].seg == r.words[i].seg {
			switch r.words[i-1].key {
			case "هذه", "تلك", "هذي":
				return true
			}
		}
		return strings.HasPrefix(next, "ال") && strings.HasSuffix(next, "يه")
	}
	return false
}

// cityAfterIn reports a city named after a place's head noun (مدينة
// برشلونة، بمدينة تورينو), or a major city (places.tsv: capitals and large
// cities) after the preposition في or with the clitic ب (في روما، بالرياض):
// where the match was played or one lives, the town and not its club. A
// team-mate (زميله في برشلونة) names the club.
func (r *recognizer) cityAfterIn(i int, h *hit) bool {
	if r.afterHeadNoun(i) || r.strictPlaceContext(i) {
		return true
	}
	if !strings.HasPrefix(h.e.ref, "places.tsv") {
		return false
	}
	if h.strip > 0 {
		// the clitics written before the name (بال of بالرياض, و of وبرشلونة)
		k := r.words[i].key
		return strings.Contains(k[:max(len(k)-len(h.e.words[0]), 0)], "ب")
	}
	if i == 0 || r.words[i-1].seg != r.words[i].seg {
		return false
	}
	if k := r.words[i-1].key; k != "في" && k != "وفي" {
		return false
	}
	if i >= 2 && r.words[i-2].seg == r.words[i].seg {
		k := text.StripConj(r.words[i-2].key)
		if strings.HasPrefix(k, "زميل") || strings.HasPrefix(k, "زملاء") || strings.HasPrefix(k, "زملا") {
			return false
		}
	}
	return true
}

// placeHeads introduce a place's name: مدينة، بلدة …
var placeHeads = keySet("مدينة بلدة قرية ولاية محافظة إقليم منطقة عاصمة العاصمة مدينتي بمدينة وبلدة ومدينة لمدينة مدن ومدينتي بلدات وقرية")

// strictPlaceContext: the word before i is a place's head noun.
func (r *recognizer) strictPlaceContext(i int) bool {
	return i > 0 && r.words[i-1].seg == r.words[i].seg && placeHeads[r.words[i-1].key]
}

// placeContext: an ambiguous place name (مالي، عمان) after a preposition
// of place or in a list of places.
func (r *recognizer) placeContext(i int, h *hit) bool {
	if h.strip > 0 {
		k := r.words[i].key
		return strings.HasPrefix(k, "ب") || strings.HasPrefix(k, "ل")
	}
	if i == 0 {
		return false
	}
	switch r.words[i-1].key {
	case "في", "الي", "من", "عاصمه", "العاصمه", "مدينه", "زار", "زيارة", "زياره":
		return true
	}
	return false
}
