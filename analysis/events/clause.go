package events

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/lexicon"
	"github.com/rasad/rasad/text"
)

// Participants and place are read from the trigger's own clause: a window
// of words around it inside the sentence's segment, cut where the next
// speech verb opens another clause. The window keeps the work per trigger
// bounded, whatever the length of the text.
const (
	windowBefore = 25
	windowAfter  = 35
)

var (
	roleOnce    sync.Once
	roleMatcher *lexicon.Matcher
	adjCode     map[string]string    // nationality adjective key -> ISO code
	countryCode map[string]string    // country canonical -> ISO code
	countryName map[string]string    // country canonical -> its Arabic name
	countryKeys map[string]bool      // canonicals of the places lexicons' countries (not their cities: دعوة is a city)
	statePairs  map[string][2]string // a dual naming two states (الكوريتان) -> their canonicals

	cancelCues = keys("إلغاء", "الغاء", "ألغى", "الغى", "ألغت", "الغت", "يلغي", "تلغي", "ألغيت", "إلغائه", "إلغائها", "بإلغاء", "وإلغاء")
	bothSides  = keys("الجانبان", "الجانبين", "الطرفان", "الطرفين", "للجانبين", "للطرفين", "بالجانبين")
	// a pronoun after "أن" makes the speaker the one who acts: أكد أنه اجتمع
	speakerPronouns = keys("انه", "انها", "إنه", "إنها", "بانه", "بانها", "انهما", "انهم")
	statePreps      = keys("في", "فى", "الى", "إلى", "بمدينة", "مدينة", "داخل", "عاصمة")
	bareCall        = keys("اتصال", "الاتصال", "اتصالا", "اتصالات")
)

func loadRoles() { roleOnce.Do(loadRolesOnce) }

func loadRolesOnce() {
	roleMatcher = lexicon.NewMatcher(lexicon.MustLoad("roles.tsv"))
	statePairs = map[string][2]string{}
	for _, e := range lexicon.MustLoad("state_pairs.tsv") {
		if len(e.Words) == 1 {
			statePairs[e.Words[0]] = [2]string{e.Field(0), e.Field(1)}
		}
	}
	countryKeys = map[string]bool{}
	for _, f := range []string{"places.tsv", "places_data.tsv", "places_odbl.tsv"} {
		for _, e := range lexicon.MustLoad(f) {
			if e.Field(1) == "country" {
				countryKeys[e.Field(0)] = true
			}
		}
	}
	adjCode, countryCode, countryName = map[string]string{}, map[string]string{}, map[string]string{}
	for _, e := range lexicon.MustLoad("places.tsv") {
		switch e.Field(1) {
		case "adj":
			if len(e.Words) == 1 {
				adjCode[e.Words[0]] = e.Field(2)
			}
		case "country":
			countryCode[e.Field(0)] = e.Field(2)
			if countryName[e.Field(0)] == "" {
				countryName[e.Field(0)] = e.Surface // the first, most common form
			}
		}
	}
}

// clauseWindow is the byte span the trigger's participants are read from.
// A verb opens its clause: what stands before it up to a comma belongs to
// another one (وبعد أن أنهى جولة انتهت في طوكيو، التقى …).
func clauseWindow(in Input, words []word, seg rasad.Span, i, n int, verb bool) rasad.Span {
	lo, hi := i, i+n-1
	for b := i - 1; b >= 0 && b >= i-windowBefore; b-- {
		t := in.Tokens[words[b].tok]
		if t.Start < seg.Start {
			break
		}
		if verb && strings.ContainsAny(in.Text[t.End:in.Tokens[words[b+1].tok].Start], "،,؛;") {
			break
		}
		lo = b
	}
	for a := i + n; a < len(words) && a < i+n+windowAfter; a++ {
		t := in.Tokens[words[a].tok]
		if t.End > seg.End {
			break
		}
		if a > i+n+1 && speechVerbs[text.StripConj(t.Key)] {
			break // وقال …: another clause
		}
		hi = a
	}
	return rasad.Span{Start: in.Tokens[words[lo].tok].Start, End: in.Tokens[words[hi].tok].End}
}

// roleReferences resolves a role named without a name (ولي العهد السعودي،
// الرئيس المصري) to the person of the article with that role and country.
func roleReferences(in Input, keysOf []string, words []word, win rasad.Span, named []rasad.Mention, zones []rasad.Span) []rasad.Participant {
	loadRoles()
	var out []rasad.Participant
	first := sort.Search(len(words), func(j int) bool { return in.Tokens[words[j].tok].Start >= win.Start })
	for w := first; w < len(words); w++ {
		t := in.Tokens[words[w].tok]
		if t.End > win.End {
			break
		}
		e, n := roleMatcher.MatchAt(keysOf, w)
		if n == 0 {
			// under a clitic: بولي العهد، والرئيس
			k := keysOf[w]
			for _, p := range []string{"و", "ب", "ل", "وب", "ول"} {
				if strings.HasPrefix(k, p) && len(k) > len(p)+2 {
					keysOf[w] = k[len(p):]
					e, n = roleMatcher.MatchAt(keysOf, w)
					keysOf[w] = k
					if n > 0 {
						break
					}
				}
			}
		}
		if n == 0 || w+n > len(words) {
			continue
		}
		if inZones(zones, rasad.Span{Start: t.Start, End: in.Tokens[words[w+n-1].tok].End}) {
			w += n - 1
			continue // the speaker's role: he tells of the event
		}
		role := e.Field(0)
		surface := e.Surface
		code := ""
		if w+n < len(words) {
			code = adjCode[text.StripConj(keysOf[w+n])]
		}
		if code == "" {
			// the role alone: the article's only person with it
			if p, ok := onlyWithRole(in, role, surface); ok && !covered(named, in.Text, in.Tokens[words[w].tok].Start, in.Tokens[words[w+n-1].tok].End) {
				out = append(out, p)
			}
			w += n - 1
			continue
		}
		// a name right after the role is a mention of its own
		if p, ok := personFor(in, role, surface, code); ok && !covered(named, in.Text, in.Tokens[words[w].tok].Start, in.Tokens[words[w+n].tok].End) {
			out = append(out, p)
		}
		w += n
	}
	return out
}

// covered: the role phrase [start, end) is part of a name the recognizer
// found, or a name follows it with at most one word (a title, a comma)
// between: الرئيس الكيني، جوزيف موانغي.
func covered(ms []rasad.Mention, src string, start, end int) bool {
	for _, m := range ms {
		if m.Start < end && m.End > start {
			return true
		}
		if m.Start >= end && m.Start-end < 60 && len(strings.Fields(strings.Trim(src[end:m.Start], " ،,"))) <= 1 {
			return true
		}
	}
	return false
}

// personFor is the person of the article most often named with a role and
// country.
func personFor(in Input, role, surface, code string) (rasad.Participant, bool) {
	return in.ix.memo("person|"+role+"|"+surface+"|"+code, func() (rasad.Participant, bool) { return personForAll(in, role, surface, code) })
}

func personForAll(in Input, role, surface, code string) (rasad.Participant, bool) {
	count := map[string]int{}
	name := map[string]string{}
	for _, m := range in.ix.ms {
		if m.Type == "PERSON" && hasRole(in, m, role, surface) && m.Country == code {
			count[m.Key]++
			if len(m.Text) > len(name[m.Key]) {
				name[m.Key] = m.Text
			}
		}
	}
	best, bestN := "", 0
	for k, c := range count {
		if c > bestN || c == bestN && k < best {
			best, bestN = k, c
		}
	}
	if best == "" {
		// no one of that country: the only person with the role whose
		// country the recognizer did not tell
		if p, ok := onlyWithRole(in, role, surface); ok {
			for _, m := range in.ix.ms {
				if m.Key == p.Key && m.Country != "" && m.Country != code {
					return rasad.Participant{}, false
				}
			}
			return p, true
		}
		return rasad.Participant{}, false
	}
	return rasad.Participant{Type: "PERSON", Key: best, Name: name[best]}, true
}

// sideLookBack bounds how many earlier events الجانبان may reach back to
// (so that a text of many events is read in linear time).
const sideLookBack = 64

// twoSides resolves الجانبان/الطرفان: the sides of the latest event of the
// sentence or the one before that names two, else the two people when the
// article names exactly two.
func twoSides(x *index, prev []rasad.EventMention, sentStart, prevStart int) []rasad.Participant {
	for j := len(prev) - 1; j >= 0 && prev[j].Sentence.Start >= prevStart; j-- {
		var sides []rasad.Participant
		for _, p := range prev[j].Participants {
			if p.Type != "LOC" {
				sides = append(sides, p)
			}
		}
		if len(sides) >= 2 {
			return sides
		}
	}
	// the states of the latest event that names two: each by the person
	// of that state the article names most, else the states themselves
	loadRoles()
	for j := len(prev) - 1; j >= 0 && j >= len(prev)-sideLookBack; j-- {
		var states []rasad.Participant
		for _, p := range prev[j].Participants {
			if p.Type == "LOC" && countryCode[p.Key] != "" {
				states = append(states, p)
			}
		}
		if len(states) != 2 || states[0].Key == states[1].Key {
			continue
		}
		var people []rasad.Participant
		for _, st := range states {
			if p, ok := x.topOfCountry(countryCode[st.Key]); ok {
				people = append(people, p)
			}
		}
		if len(people) == 2 {
			return people
		}
		return states
	}
	return x.twoPeople()
}

// speakerActs: in «أكد الوزير، الثلاثاء، أنه اجتمع …» the pronoun makes
// the speaker the one who met. It returns the speaker zone that ends with
// such a pronoun right before the trigger.
func speakerActs(in Input, zones []rasad.Span, keysOf []string, words []word, i int, suffixed bool) (rasad.Span, bool) {
	for b := i - 1; b >= 0 && b >= i-3; b-- {
		k := text.StripConj(keysOf[b])
		if !speakerPronouns[k] && !(suffixed && (k == "ان" || k == "بان")) {
			continue
		}
		at := in.Tokens[words[b].tok].Start
		for _, z := range zones {
			if z.End == at || z.End <= at && at-z.End < 3 {
				return z, true
			}
		}
	}
	return rasad.Span{}, false
}

// cancelled: إلغاء القمة، ألغى الزيارة — the trigger's happening is called
// off.
func cancelled(keysOf []string, words []word, i int) bool {
	for b := i - 1; b >= 0 && b >= i-3 && words[b].sent == words[i].sent; b-- {
		if cancelCues[keysOf[b]] || cancelCues[text.StripConj(keysOf[b])] {
			return true
		}
	}
	return false
}

// reportedSpeech reports whether offset at is inside a quotation that is
// someone's words (opened after a speech verb or a colon); a quotation
// marking a phrase, a headline or a reported fact is not.
func reportedSpeech(in Input, sent text.Span, at int) bool {
	open, depth, quote := -1, 0, false
	for i, r := range in.Text[sent.Start:at] {
		switch r {
		case '«', '“':
			if depth == 0 {
				open = sent.Start + i
			}
			depth++
		case '»', '”':
			if depth > 0 {
				depth--
			}
		case '"':
			quote = !quote
			if quote {
				open = sent.Start + i
			}
		}
	}
	if depth == 0 && !quote {
		return false
	}
	// what stands before the opening quote
	before := strings.TrimSpace(in.Text[max(sent.Start, open-60):open])
	if strings.HasSuffix(before, ":") {
		return true
	}
	ws := strings.Fields(before)
	for j := len(ws) - 1; j >= 0 && j >= len(ws)-3; j-- {
		k := text.StripConj(text.Key(strings.Trim(ws[j], "،,.")))
		if speechVerbs[k] || k == "قائلا" || k == "وقال" || k == "بقوله" {
			return true
		}
	}
	// a long quotation is someone's words; a few quoted words are a phrase
	rest := in.Text[at:min(len(in.Text), sent.End)]
	end := strings.IndexAny(rest, "»\"”")
	if end < 0 {
		end = len(rest)
	}
	return len(strings.Fields(in.Text[open:at]))+len(strings.Fields(rest[:end])) > 12
}

// actingStates are the countries of the clause that act in it: not the
// place it happens in or goes to (في روسيا، إلى روسيا، بروسيا).
func actingStates(in Input, keysOf []string, words []word, win rasad.Span, zones []rasad.Span, visit bool) []rasad.Participant {
	var out []rasad.Participant
	for _, m := range in.Mentions {
		if m.Type != "LOC" || !isCountryName(m.Key) || m.Start < win.Start || m.End > win.End || inZones(zones, m.Span) {
			continue
		}
		// the word index of the mention
		w := sort.Search(len(words), func(j int) bool { return in.Tokens[words[j].tok].End > m.Start })
		if w >= len(words) {
			continue
		}
		prev := ""
		if w > 0 {
			prev = keysOf[w-1]
		}
		if p := text.StripConj(prev); statePreps[p] && !(visit && (p == "الي" || p == "إلى")) || strings.HasPrefix(keysOf[w], "ب") || strings.HasPrefix(keysOf[w], "وب") {
			continue // في روسيا، بروسيا: where, not who (but a visit's host: زيارة إلى مصر)
		}
		if onBorder(keysOf, words, w) {
			continue // قرب الحدود بين قطاع غزة وإسرائيل: where, not who
		}
		out = append(out, rasad.Participant{Type: "LOC", Key: m.Key, Name: m.Text})
	}
	// a dual of two states (اتفقت الكوريتان، بين الكوريتين) names both sides
	first := sort.Search(len(words), func(j int) bool { return in.Tokens[words[j].tok].Start >= win.Start })
	for w := first; w < len(words); w++ {
		t := in.Tokens[words[w].tok]
		if t.End > win.End {
			break
		}
		pair, ok := statePairs[keysOf[w]]
		if !ok {
			pair, ok = statePairs[text.StripConj(keysOf[w])]
		}
		if !ok || inZones(zones, rasad.Span{Start: t.Start, End: t.End}) {
			continue
		}
		for _, c := range pair {
			out = append(out, rasad.Participant{Type: "LOC", Key: c, Name: countryName[c]})
		}
	}
	return out
}

// onBorder: the state at word w is one end of a border named just before
// it (الحدود مع لبنان، الحدود بين غزة وإسرائيل، الحدود الإسرائيلية).
func onBorder(keysOf []string, words []word, w int) bool {
	for b := w - 1; b >= 0 && b >= w-6 && words[b].sent == words[w].sent; b-- {
		k := text.StripConj(keysOf[b])
		if strings.HasPrefix(k, "حدود") || strings.HasPrefix(k, "الحدود") || strings.HasPrefix(k, "بالحدود") || strings.HasPrefix(k, "للحدود") {
			return true
		}
	}
	return false
}

// appendSuffixStems appends to out the trigger forms under a pronoun
// suffix: اجتماعه، لقائهما، محادثاتهما، وقعته (matchAt passes an array on
// its stack: no allocation per word).
func appendSuffixStems(out []string, k string) []string {
	// every suffix ends in ا, م or ه (two bytes each): most words end in
	// none of them
	if n := len(k); n < 2 || k[n-2:] != "ا" && k[n-2:] != "م" && k[n-2:] != "ه" {
		return out
	}
	for _, suf := range []string{"هما", "كما", "هم", "ها", "ه"} {
		if !strings.HasSuffix(k, suf) {
			continue
		}
		st := k[:len(k)-len(suf)]
		if utf8.RuneCountInString(st) < 3 {
			continue
		}
		out = append(out, st)
		if strings.HasSuffix(st, "ئ") || strings.HasSuffix(st, "ؤ") {
			out = append(out, st[:len(st)-len("ئ")]+"ء")
		}
		if strings.HasSuffix(st, "ت") && !strings.HasSuffix(st, "ات") {
			out = append(out, st[:len(st)-len("ت")]+"ة") // محادثته → محادثة
		}
	}
	return out
}

// relativeZones are the relative clauses closed before the trigger (رد
// المجلس على الإحاطة التي قدمها المبعوث أمام مجلس الأمن أمس، ورفض …): who
// acts and when in them belongs to what they describe, not to the trigger.
// A relative clause runs from its pronoun to the next comma.
//
// After a verb, a relative clause describes its object (طالبت اللجنة
// بتقديم الاتفاق الذي وقعته الحكومة مع الأردن): its people are not the
// verb's either; after a noun trigger it often names them (الزيارة التي
// يقوم بها الرئيس), so it stays.
func relativeZones(in Input, words []word, keysOf []string, i, n int, seg rasad.Span, verb bool) []rasad.Span {
	var zones []rasad.Span
	if verb {
		for a := i + n; a < len(words) && a < i+n+windowAfter; a++ {
			t := in.Tokens[words[a].tok]
			if t.End > seg.End {
				break
			}
			if !relatives[keysOf[a]] {
				continue
			}
			end := seg.End
			for c := a + 1; c < len(words) && in.Tokens[words[c].tok].End <= seg.End; c++ {
				if strings.ContainsAny(in.Text[in.Tokens[words[c-1].tok].End:in.Tokens[words[c].tok].Start], "،,؛;") {
					end = in.Tokens[words[c-1].tok].End
					break
				}
			}
			zones = append(zones, rasad.Span{Start: t.Start, End: end})
			break
		}
	}
	for b := i - 1; b >= 0 && b >= i-windowBefore; b-- {
		t := in.Tokens[words[b].tok]
		if t.Start < seg.Start {
			break
		}
		if !relatives[keysOf[b]] {
			continue
		}
		for c := b + 1; c <= i; c++ {
			if strings.ContainsAny(in.Text[in.Tokens[words[c-1].tok].End:in.Tokens[words[c].tok].Start], "،,؛;") {
				zones = append(zones, rasad.Span{Start: t.Start, End: in.Tokens[words[c-1].tok].End})
				break
			}
		}
	}
	return zones
}

// subjectStates: a verb whose subject is a body the recognizer does not
// name, described by a nationality (رد مجلس النواب الليبي … ورفض), has that
// state as its acting side. The subject is read in the few words after the
// verb, or, for a verb joined by و to the clause's first verb, after that
// first verb.
func subjectStates(in Input, keysOf []string, words []word, i, n int, seg rasad.Span) []rasad.Participant {
	load()
	read := func(from int) []rasad.Participant {
		for a := from; a < len(words) && a < from+6; a++ {
			t := in.Tokens[words[a].tok]
			if t.End > seg.End || a > from && strings.ContainsAny(in.Text[in.Tokens[words[a-1].tok].End:t.Start], "،,؛;") {
				break
			}
			if c, ok := adjOf[text.StripConj(keysOf[a])]; ok && c != "NATO" {
				loadRoles()
				name := countryName[c]
				if name == "" {
					name = in.Text[t.Start:t.End]
				}
				return []rasad.Participant{{Type: "LOC", Key: c, Name: name}}
			}
		}
		return nil
	}
	if ps := read(i + n); ps != nil {
		return ps
	}
	if !strings.HasPrefix(keysOf[i], "و") {
		return nil
	}
	// the clause's first word, when it is the verb the trigger is joined to
	first := sort.Search(len(words), func(j int) bool { return in.Tokens[words[j].tok].Start >= seg.Start })
	if first >= i {
		return nil
	}
	return read(first + 1)
}

// topicWords open what an event is about (لبحث الوضع في الغوطة، حول
// الأزمة في أوكرانيا): a place after them is not where it happens.
var topicWords = keys("حول", "بشأن", "بخصوص", "لبحث", "لمناقشة", "ببحث", "بمناقشة", "تناول", "تناولت", "ناقش", "ناقشا", "بحثا", "لبحثه")

// placeWindow cuts the clause at the first topic word after the trigger.
func placeWindow(in Input, words []word, keysOf []string, win rasad.Span, i, n int) rasad.Span {
	for a := i + n; a < len(words); a++ {
		t := in.Tokens[words[a].tok]
		if t.Start >= win.End {
			break
		}
		if topicWords[keysOf[a]] || topicWords[text.StripConj(keysOf[a])] {
			return rasad.Span{Start: win.Start, End: max(win.Start, in.Tokens[words[a].tok].Start)}
		}
	}
	return win
}

// onlyWithRole is the one person of the article named with a role, when
// there is exactly one.
func onlyWithRole(in Input, role, surface string) (rasad.Participant, bool) {
	return in.ix.memo("only|"+role+"|"+surface, func() (rasad.Participant, bool) { return onlyWithRoleAll(in, role, surface) })
}

func onlyWithRoleAll(in Input, role, surface string) (rasad.Participant, bool) {
	var p rasad.Participant
	for _, m := range in.ix.ms {
		if m.Type != "PERSON" || !hasRole(in, m, role, surface) {
			continue
		}
		if p.Key != "" && p.Key != m.Key {
			return rasad.Participant{}, false
		}
		if len(m.Text) > len(p.Name) {
			p = rasad.Participant{Type: "PERSON", Key: m.Key, Name: m.Text}
		}
	}
	return p, p.Key != ""
}

// laterEventZone: a date after another event noun belongs to that event
// (نفت موسكو مسؤوليتها عن هجوم 4 مارس: the attack's date, not the
// denial's). It returns the span from the next noun trigger after this
// one to the segment's end, or nothing.
func laterEventZone(in Input, keysOf []string, words []word, i, n int, seg rasad.Span) []rasad.Span {
	for a := i + n; a < len(words) && a < i+n+windowAfter; a++ {
		t := in.Tokens[words[a].tok]
		if t.Start >= seg.End {
			break
		}
		e, m, _ := matchAt(keysOf, a, in.Text[t.Start:t.End])
		if m > 0 && e.Field(2) == "noun" {
			if tr := triggers[refOf(e)]; tr.typ != "" {
				return []rasad.Span{{Start: t.Start, End: seg.End}}
			}
		}
	}
	return nil
}

// thatCall: «…، وذلك في اتصال هاتفي» — the trigger tells how the clause
// before it happened, so its sides are that clause's.
func thatCall(keysOf []string, words []word, i int) bool {
	if i < 2 || words[i-2].sent != words[i].sent {
		return false
	}
	// «وذلك خلال اجتماع في بروكسل بين X وY»: the trigger names its own sides
	for a := i + 1; a < len(words) && a <= i+5 && words[a].sent == words[i].sent; a++ {
		if keysOf[a] == "بين" {
			return false
		}
	}
	if thatWords[keysOf[i-2]] && thatPreps[keysOf[i-1]] {
		return true
	}
	// «وذلك عقب إجراء مباحثات»: a verbal noun of holding between
	return i >= 3 && words[i-3].sent == words[i].sent && thatWords[keysOf[i-3]] && thatPreps[keysOf[i-2]] && holdNouns[keysOf[i-1]]
}

var (
	thatWords = keys("وذلك", "ذلك")
	thatPreps = keys("في", "خلال", "إثر", "اثر", "عقب", "أثناء", "اثناء", "عبر", "بعد")
	holdNouns = keys("إجراء", "اجراء", "عقد")
)

// attributionWords open the credit of a report (بحسب ما ذكرته وكالة
// يونهاب، وفقا لوكالة الأنباء): who tells it, not who takes part.
var attributionWords = keys("بحسب", "حسب", "حسبما", "وفق", "وفقا", "وفقاً", "طبقا", "نقلا", "بحسبما")

// attributionZones are the spans from an attribution word to the next
// comma or full stop (at most twelve words) in the segment.
func attributionZones(in Input, keysOf []string, words []word, seg rasad.Span) []rasad.Span {
	var zones []rasad.Span
	first := sort.Search(len(words), func(j int) bool { return in.Tokens[words[j].tok].Start >= seg.Start })
	for w := first; w < len(words); w++ {
		t := in.Tokens[words[w].tok]
		if t.End > seg.End {
			break
		}
		if !attributionWords[keysOf[w]] && !attributionWords[text.StripConj(keysOf[w])] {
			continue // (وفق is not و + فق)
		}
		end := t.End
		for a := w + 1; a < len(words) && a <= w+12; a++ {
			u := in.Tokens[words[a].tok]
			if u.End > seg.End || strings.ContainsAny(in.Text[in.Tokens[words[a-1].tok].End:u.Start], "،,؛;.") {
				break
			}
			end = u.End
		}
		zones = append(zones, rasad.Span{Start: t.Start, End: end})
		w = max(w, sort.Search(len(words), func(j int) bool { return in.Tokens[words[j].tok].Start >= end })-1)
	}
	return zones
}

// afterMeeting: the trigger follows بعد/عقب/إثر/خلال (at most a verbal
// noun between): what the sentence tells was done at or after it.
func afterMeeting(keysOf []string, words []word, i int) bool {
	for b := i - 1; b >= 0 && b >= i-2 && words[b].sent == words[i].sent; b-- {
		if thatPreps[keysOf[b]] && keysOf[b] != "في" {
			return true
		}
	}
	return false
}

// aboutPreps open what a statement or an act is about.
var aboutPreps = keys("حول", "بشأن", "بخصوص", "حيال", "إزاء", "ازاء", "يخص")

// aboutZone: a noun trigger after «بشأن، حول، فيما يخص» is what another
// act is about (انتقدت تركيا الأربعاء البيان بشأن المحادثة الهاتفية): a date
// before that word is the act's, not the event's. It returns the span from
// the segment's start to the word, or nothing.
func aboutZone(in Input, keysOf []string, words []word, i int, seg rasad.Span) []rasad.Span {
	for b := i - 1; b >= 0 && b >= i-8; b-- {
		t := in.Tokens[words[b].tok]
		if t.Start < seg.Start || words[b].sent != words[i].sent {
			break
		}
		if aboutPreps[text.StripConj(keysOf[b])] {
			return []rasad.Span{{Start: seg.Start, End: t.Start}}
		}
	}
	return nil
}

// hasRole: the person was named with the role — the recognizer's role, or
// the role's words just before the name (ولي العهد السعودي الأمير محمد …,
// where the nearer title is the one the recognizer keeps).
func hasRole(in Input, m rasad.Mention, role, surface string) bool {
	if m.Role == role {
		return true
	}
	before := in.Text[max(0, m.Start-80):m.Start]
	at := strings.LastIndex(before, surface)
	// the role, then at most two words (an adjective, a title) and the name
	return surface != "" && at >= 0 && len(strings.Fields(before[at+len(surface):])) <= 2
}
