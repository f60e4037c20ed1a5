package entities

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// Sport: a national team named by its country (فازت مصر على تونس 2-1،
// منتخب مصر، مباراة البرازيل وهولندا) stays a place (LOC), as in the
// annotated dev set (ANERcorp). A city that is also a club's name is the
// club (ORG) where it plays (فاز نابولي على …، مدرب مرسيليا) and in a list of
// clubs (تأهلت فرق برشلونة ويوفنتوس وروما); as a venue (في نابولي) it stays
// a place.

// teamVerbs are the verbs of a match whose subject or object right after
// them is a team (فازت مصر، تلتقي فرنسا).
var teamVerbs = keySet(`فاز فازت يفوز تفوز تعادل تعادلت يتعادل تتعادل خسر خسرت يخسر تخسر تغلب تغلبت يتغلب تتغلب هزم هزمت يهزم تهزم
واجه واجهت يواجه تواجه لاقى لاقت يلاقي تلاقي التقى التقت يلتقي تلتقي لعب لعبت يلعب تلعب سحق سحقت اكتسح اكتسحت أقصى أقصت
تأهل تأهلت يتأهل تتأهل ودع ودعت أسقط أسقطت أطاح أطاحت تجاوز تجاوزت`)

// teamHeads are the nouns whose genitive is a team (منتخب مصر، لاعبو
// البرازيل، مباراة ألمانيا، مدرب إسبانيا).
var teamHeads = keySet(`منتخب لمنتخب بمنتخب منتخبي منتخبا لاعبو لاعبي لاعبا لاعب لاعبات مدرب لمدرب مدربا حارس حارسا مهاجم مهاجما
مدافع مدافعو نجم أيقونة هداف قائد جماهير جمهور شباك مرمى تشكيلة صفوف قميص نجوم مباراة مباراتي لمباراة بمباراة لقاء مواجهة ومواجهة لمواجهة
فوز بفوز خسارة هزيمة تعادل`)

// teamBefore are the words right before a team's name in a match frame
// (ضد السعودية، أمام تونس).
var teamBefore = keySet(`ضد أمام`)

// winWords before على, and drawWords before مع, make their object a team
// (فازت مصر على تونس، تعادلت مع المغرب).
var winWords = keySet(`فاز فازت يفوز تفوز فوز فوزا فوزه فوزها بفوز بفوزه بفوزها الفوز تغلب تغلبت يتغلب تتغلب تفوق تفوقت انتصار انتصارا انتصاره`)
var drawWords = keySet(`تعادل تعادلت يتعادل تتعادل التعادل تعادلا تعادله تعادلها`)

// matchWords are the strong words of a match report: a text about sport
// has two of them at least besides its sport cues (a politics text has
// فاز and الجولة too).
var matchWords = keySet(`منتخب المنتخب منتخبات مباراة المباراة مباراتين مباريات المباريات ودية الودية الشوط مونديال المونديال كرة لكرة
لاعب لاعبي لاعبو اللاعب اللاعبين مدرب المدرب نهائيات التصفيات المرمى`)

// notTeamBefore are the words that keep a city that is a club's name a
// place in a sport text, besides the place cues: the competition it hosts
// (أولمبياد روما، دورة ألعاب), its ground and streets, its people. (Countries never
// become clubs: isClubCity leaves them out, so no state's words here.)
var notTeamBefore = keySet(`مونديال لمونديال بمونديال كأس بطولة دوري نهائيات أولمبياد دورة ألعاب
أرض سماء شوارع مدن بالعاصمة بمدينة لمدينة ضواحي سكان استضافت تستضيف يستضيف استضاف تسمى صافرة`)

// sportReadings reads the teams of a sport text: clubs named after their
// city where they play, and in a list of clubs. A national team named by
// its country stays a place (LOC), as in the annotated dev set (ANERcorp).
// ms is sorted; the result is too.
//
// cues is Find's count of sport cues at five or more (recognizer.sportText,
// from the word records: no lookup here for other texts); Extend's pass
// has no such count and leaves the readings Find made as they are.
func sportReadings(lx *lexicons, common map[string]bool, cues bool, src string, toks []text.Token, ms []rasad.Mention) []rasad.Mention {
	if !cues || !sportTokens(lx, toks) {
		return ms
	}
	if common != nil {
		ms = players(lx, common, src, toks, ms)
	}
	cityClubs(lx, src, toks, ms)
	clubsInLists(lx, src, ms)
	return ms
}

// sportTokens reports a text about sport: five sport cue words and two
// match words or more.
func sportTokens(lx *lexicons, toks []text.Token) bool {
	cues, strong := 0, 0
	for _, t := range toks {
		if t.Kind != text.Word {
			continue
		}
		k := t.Key
		f := lx.flagsOf(k)
		if f&fSport == 0 && (strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف")) {
			k = text.StripConj(k)
			f = lx.flagsOf(k)
		}
		if f&fSport != 0 {
			cues++
		}
		if matchWords[k] {
			strong++
		}
		if cues >= 5 && strong >= 2 {
			return true
		}
	}
	return false
}

// homeNations are the countries of the United Kingdom, which play as
// national teams of their own (إنجلترا، اسكتلندا، ويلز).
var homeNations = keySet(`إنجلترا انجلترا إنكلترا انكلترا اسكتلندا إسكتلندا اسكوتلندا ويلز`)

// isCountry reports a mention of a country by its name (not a city).
func isCountry(lx *lexicons, m *rasad.Mention) bool {
	if m.Type != "LOC" {
		return false
	}
	if m.Country != "" && m.Canonical != "" && lx.countryOf[m.Country] == m.Canonical {
		return true
	}
	return !strings.Contains(m.Text, " ") && homeNations[text.StripConj(text.Key(m.Text))]
}

// tokenAt returns the index of the token that starts at or covers byte
// start, or -1.
func tokenAt(toks []text.Token, start int) int {
	i := tokenFrom(toks, start)
	if i < len(toks) && toks[i].Start <= start {
		return i
	}
	return -1
}

// tokenFrom returns the index of the first token that ends after byte off
// (the one that holds it, or the next), or len(toks).
func tokenFrom(toks []text.Token, off int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].End > off })
}

// wordBefore returns the key of the word token before
// token i, skipping nothing but a space, and its index, or "", -1 when
// punctuation or the start of the text comes first.
func wordBefore(toks []text.Token, i int) (string, int) {
	if i <= 0 || toks[i-1].Kind != text.Word {
		return "", -1
	}
	return toks[i-1].Key, i - 1
}

// inSet reports k, or k without a conjunction written with it, in set
// (فازت is no و/ف + ازت, وفازت is).
func inSet(set map[string]bool, k string) bool {
	return set[k] || set[text.StripConj(k)]
}

// teamCue reports a local cue of a team at the country mention m whose
// first token is ti: a match verb or a team's head noun right before it,
// ضد or أمام, على after a win and مع after a draw, or a score right after.
func teamCue(lx *lexicons, src string, toks []text.Token, m *rasad.Mention, ti int) bool {
	if r, _ := utf8.DecodeLastRuneInString(src[toks[ti].Start:m.Start]); m.Start > toks[ti].Start && r != 'و' && r != 'ف' {
		// a preposition written with the name (لروسيا، بمصر): ل after a
		// goal or a match word (الهدف الأول لروما، التسجيل لمصر), or a score
		if r == 'ل' {
			for b, n := ti-1, 0; b >= 0 && n < 2 && toks[b].Kind == text.Word; b, n = b-1, n+1 {
				if inSet(goalWords, toks[b].Key) {
					return true
				}
			}
		}
	} else {
		k, j := wordBefore(toks, ti)
		switch {
		case inSet(teamHeads, k):
			return true
		case inSet(teamVerbs, k) || inSet(teamBefore, k):
			return matchNear(lx, src, toks, m) // تخسر اليابان حصتها، يتحد العالم أمام: no match
		case k == "على" || k == "مع":
			set := winWords
			if k == "مع" {
				set = drawWords
			}
			for b := j - 1; b >= 0 && b >= j-4; b-- {
				if toks[b].Kind != text.Word {
					break
				}
				if inSet(set, toks[b].Key) {
					return matchNear(lx, src, toks, m)
				}
			}
		}
	}
	if i := tokenAt(toks, m.End-1) + 1; i > 0 && i < len(toks) && toks[i].Kind == text.Word && inSet(teamAfter, toks[i].Key) && matchNear(lx, src, toks, m) {
		return true // ورفع ليون رصيده، حقق مصر فوزه
	}
	return scoreAfter(src, toks, m.End)
}

// goalWords before ل + a team (الهدف الأول لروما، التسجيل لمصر).
var goalWords = keySet(`هدف الهدف هدفا هدفين أهداف الأهداف التسجيل التقدم التعادل الفوز فوز ركلة ضربة`)

// teamAfter are the words right after a team that is the subject: its
// points, its win, its lead (رفع ليون رصيده).
var teamAfter = keySet(`رصيده رصيدها فوزه فوزها بفوزه بفوزها تقدمه تقدمها صدارته صدارتها انتصاره انتصارها انتصاراته انتصاراتها سلسلة
لقبه لقبها هدفه هدفها مبارياته مبارياتها مباراته مباراتها تعادله تعادلها خسارته خسارتها هزيمته هزيمتها`)

// scoreAfter reports a score (2-1، 3-صفر) right after byte end, or after
// بنتيجة.
func scoreAfter(src string, toks []text.Token, end int) bool {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= end })
	if i < len(toks) && toks[i].Kind == text.Word && toks[i].Key == "بنتيجه" {
		i++
	}
	if i+2 >= len(toks) {
		return false
	}
	a, dash, b := toks[i], toks[i+1], toks[i+2]
	return scoreSide(a) && dash.Kind == text.Punct && src[dash.Start:dash.End] == "-" && scoreSide(b) &&
		dash.Start == a.End && b.Start == dash.End
}

func scoreSide(t text.Token) bool {
	return t.Kind == text.Number || t.Kind == text.Word && t.Key == "صفر"
}

// cityClubs types as clubs (ORG) the cities that are a club's name too,
// read with a local cue of a team (فاز نابولي على …، مدرب مرسيليا، انضم إلى
// برشلونة), the cities joined to them by و or a comma, and then the other
// occurrences of the same cities that no place cue, competition or state
// word precedes. ms is changed in place.
func cityClubs(lx *lexicons, src string, toks []text.Token, ms []rasad.Mention) {
	team := make([]bool, len(ms))
	teams := map[string]bool{}
	for i := range ms {
		m := &ms[i]
		if !isClubCity(lx, m) {
			continue
		}
		ti := tokenAt(toks, m.Start)
		if ti < 0 {
			continue
		}
		if teamCue(lx, src, toks, m, ti) || transferCue(toks, ti, m) {
			team[i] = true
		} else if i > 0 && team[i-1] && isClubCity(lx, &ms[i-1]) && joined(src[ms[i-1].End:m.Start]) {
			team[i] = true // ضد نابولي وروما
		}
		if team[i] {
			teams[m.Key] = true
		}
	}
	if len(teams) == 0 {
		return
	}
	for i := range ms {
		m := &ms[i]
		if !team[i] {
			if !isClubCity(lx, m) || !teams[m.Key] || placeCue(src, m.Start) || notTeamBefore[prevWordKey(src, m.Start)] || placeWordBefore(toks, m) || !matchNear(lx, src, toks, m) {
				continue
			}
		}
		m.Type, m.Key, m.Canonical = "ORG", "club "+m.Key, ""
		m.Sector, m.Role = "club", ""
		if team[i] {
			m.Rule = "club named after its place, in a match (" + m.Rule + ")"
		} else {
			m.Rule = "club named after its place, of this sport text (" + m.Rule + ")"
			m.Confidence = 0.7
		}
	}
}

// isClubCity reports a place of one word that is also a club's name
// (not a country, not a common word).
func isClubCity(lx *lexicons, m *rasad.Mention) bool {
	if m.Type != "LOC" || strings.Contains(m.Text, " ") || isCountry(lx, m) {
		return false
	}
	k := text.StripConj(text.Key(m.Text))
	return utf8.RuneCountInString(k) >= 3 && lx.clubNames[k] && lx.flagsOf(k)&(fCommonLex|fNotName) == 0
}

// placeWordBefore reports a place cue in the word token right before the
// mention m, read over any spacing (في  باريس) and with a clitic (كمدينة،
// بمدينة).
func placeWordBefore(toks []text.Token, m *rasad.Mention) bool {
	ti := tokenAt(toks, m.Start)
	if ti < 0 {
		return false
	}
	k, _ := wordBefore(toks, ti)
	k = text.StripConj(k)
	return placeBefore[k] || notTeamBefore[k] || strings.HasSuffix(k, "مدينه") || strings.HasSuffix(k, "مدينة")
}

// transferVerbs before من or إلى make the club a player moves between
// (انتقل إلى ليون، قادما من موناكو).
var transferVerbs = keySet(`انضم انضمامه انضمام ينضم انتقل انتقاله ينتقل انتقال قادما رحيله رحل عودته`)

var fromTo = keySet(`إلى الى من`)

// transferCue reports من or إلى after a verb of a transfer right before
// the mention m at token ti (انتقل إلى ليون).
func transferCue(toks []text.Token, ti int, m *rasad.Mention) bool {
	if m.Start > toks[ti].Start {
		return false
	}
	k, j := wordBefore(toks, ti)
	if !fromTo[k] {
		return false
	}
	b, _ := wordBefore(toks, j)
	return inSet(transferVerbs, b)
}

// matchNear reports a sport cue or a match word within six words of the
// mention m in its sentence.
func matchNear(lx *lexicons, src string, toks []text.Token, m *rasad.Mention) bool {
	ti := tokenAt(toks, m.Start)
	if ti < 0 {
		return false
	}
	cue := func(t text.Token) bool {
		for _, k := range [2]string{t.Key, text.StripConj(t.Key)} {
			if lx.flagsOf(k)&fSport != 0 || matchWords[k] || teamVerbs[k] || teamHeads[k] || teamAfter[k] || winWords[k] || drawWords[k] || matchMore[k] {
				return true
			}
		}
		return false
	}
	for dir := -1; dir <= 1; dir += 2 {
		// six words, and at most 24 tokens in all: a run of punctuation
		// (، ، ، …) is not walked to its end for every name
		for j, n, steps := ti+dir, 0, 0; j >= 0 && j < len(toks) && n < 6 && steps < 24; j, steps = j+dir, steps+1 {
			t := toks[j]
			if a, b := min(j, j-dir), max(j, j-dir); strings.IndexByte(src[toks[a].End:toks[b].Start], '\n') >= 0 {
				break // a new paragraph
			}
			if t.Kind == text.Punct {
				if sentenceEnd(src[t.Start:t.End]) {
					break
				}
				continue
			}
			if t.Start >= m.Start && t.End <= m.End {
				continue
			}
			n++
			if t.Kind == text.Word && cue(t) {
				return true
			}
		}
	}
	return false
}

// matchMore are more words of a match near a team (مشوارها المونديالي،
// منافسات المجموعة، لمواجهتها).
var matchMore = keySet(`المجموعة مجموعة المونديالي مونديالها مونديالية مواجهة لمواجهة مواجهتها لمواجهتها المواجهة وديا ودية وديتين الودية`)

// sentenceEnd reports punctuation that ends a sentence.
func sentenceEnd(p string) bool {
	return strings.ContainsAny(p, ".!?؟\n")
}

// joined reports the text between two names of a list: و, a comma, or
// both.
func joined(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || s == "و" || s == "،" || s == "," || s == "، و" || s == ", و" || s == "أو"
}

// clubsInLists reads as the club a city that is also a club's name, in a
// list whose other names (joined by و or a comma) are clubs read with
// confidence (برشلونة ويوفنتوس وروما).
func clubsInLists(lx *lexicons, src string, ms []rasad.Mention) {
	for pass := 0; pass < 2; pass++ {
		for i := range ms {
			m := &ms[i]
			if m.Type != "LOC" || isCountry(lx, m) || !lx.clubNames[text.StripConj(text.Key(m.Text))] || placeCue(src, m.Start) {
				continue
			}
			prev := i > 0 && clubLike(&ms[i-1]) && joined(src[ms[i-1].End:m.Start])
			next := i+1 < len(ms) && clubLike(&ms[i+1]) && joined(src[m.End:ms[i+1].Start])
			if !prev && !next {
				continue
			}
			m.Type, m.Key, m.Canonical = "ORG", "club "+m.Key, ""
			m.Rule = "club named after its place, in a list of clubs (" + m.Rule + ")"
			m.Confidence = 0.75
		}
	}
}

// clubLike reports a club's mention read with confidence.
func clubLike(m *rasad.Mention) bool {
	return m.Type == "ORG" && (confidentClub(m) || strings.HasPrefix(m.Key, "club ") || strings.HasPrefix(m.Rule, "club named after"))
}

// players adds the players of a sport text named after their nationality
// (البلجيكي ميرتنز، الإسباني كاييخون): a person-name token that is not a
// common word, right after a nationality adjective with the article, and
// the same name again alone in the text. Only on Find's pass (common is
// the text's own common words); ms is sorted, and so is the result.
func players(lx *lexicons, common map[string]bool, src string, toks []text.Token, ms []rasad.Mention) []rasad.Mention {
	covered := func(t text.Token) bool {
		i := sort.Search(len(ms), func(i int) bool { return ms[i].End > t.Start })
		return i < len(ms) && ms[i].Start < t.End
	}
	nameLike := func(t text.Token) bool {
		k := t.Key
		if t.Kind != text.Word || utf8.RuneCountInString(k) < 3 || strings.HasPrefix(k, "ال") || common[k] || wordToo(lx, common, k) {
			return false
		}
		f := lx.flagsOf(k)
		return f&(fGiven|fFamous|fTok10) != 0 && f&(fNotName|fCommonLex|fMonth|fOrdinal) == 0
	}
	var added []rasad.Mention
	names := map[string]string{} // name key -> the mention's key
	for i := 0; i+1 < len(toks); i++ {
		a, w := toks[i], toks[i+1]
		if a.Kind != text.Word || w.Start-a.End != 1 || src[a.End] != ' ' || !strings.HasPrefix(a.Key, "ال") || !strings.HasSuffix(a.Key, "ي") || !lx.adjective(a.Key) {
			continue
		}
		if i > 0 && toks[i-1].Kind == text.Word {
			// the adjective of a noun (المنتخب الأردني نظيره، بوردو الفرنسي):
			// only a player's role may stand before it (الحارس الإيطالي ماركو)
			if p := text.StripConj(toks[i-1].Key); (strings.HasPrefix(p, "ال") || lx.clubNames[p] || covered(toks[i-1])) && !playerRoles[p] {
				continue
			}
		}
		if !nameLike(w) || covered(w) {
			continue
		}
		// a name of one word, in apposition: a role or punctuation follows
		// (البرازيلي روبرتو لاعب الفريق، الأرجنتيني كارلوس مهاجم النادي); a
		// given name starts a longer name the people rules read
		if i+2 < len(toks) && toks[i+2].Kind != text.Punct && !inSet(roleAfterName, toks[i+2].Key) {
			continue
		}
		end := w.End
		t := src[w.Start:end]
		key := NameKey(t)
		added = append(added, rasad.Mention{Span: rasad.Span{Start: w.Start, End: end}, Text: t, Type: "PERSON", Key: key,
			Rule: "player after a nationality (" + a.Key + ")", Confidence: 0.7})
		if utf8.RuneCountInString(w.Key) >= 4 {
			names[w.Key] = key
		}
		i++
	}
	if len(added) == 0 {
		return ms
	}
	// the same one-word name again, alone; only the first pass's mentions
	// (sorted, one token each) can overlap a token, so a binary search over
	// them keeps this linear in the text
	first := added[:len(added):len(added)]
	for _, t := range toks {
		key, ok := names[t.Key]
		if !ok || t.Kind != text.Word || covered(t) {
			continue
		}
		j := sort.Search(len(first), func(i int) bool { return first[i].End > t.Start })
		if j == len(first) || first[j].Start >= t.End {
			added = append(added, rasad.Mention{Span: rasad.Span{Start: t.Start, End: t.End}, Text: src[t.Start:t.End], Type: "PERSON", Key: key,
				Rule: "player named after a nationality in this text, again", Confidence: 0.7})
		}
	}
	ms = append(ms, added...)
	sortMentions(ms)
	return ms
}

// playerRoles are the roles before a player's nationality (الحارس
// الإيطالي ماركو روسي).
var playerRoles = keySet(`اللاعب الحارس المهاجم المدافع الظهير النجم الهداف المدرب زميله مواطنه لاعبه مهاجمه مدافعه حارسه هدافه`)

// roleAfterName are the roles in apposition after a player's name.
var roleAfterName = keySet(`لاعب مهاجم حارس مدافع نجم قائد هداف مدرب صانع ظهير جناح`)
