package events

import (
	"strings"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// Who is named in a clause but takes no side in its event: the body that
// announces a toll, the one a negation keeps out of a meeting.

var (
	// tollNouns are what an announcement of casualties or figures
	// announces: مقتل، إصابة، ارتفاع الحصيلة، عدد.
	tollNouns = keys("مقتل", "مصرع", "استشهاد", "وفاة", "إصابة", "اصابة", "إصابات", "جرح", "حصيلة", "الحصيلة", "ارتفاع", "سقوط", "عدد", "أعداد", "قتلى", "فقدان", "نجاة")
	// partakeWords name taking part (المشاركة في، حضور); after a
	// negation the one named with them is kept out.
	partakeWords = keys("المشاركة", "مشاركة", "بالمشاركة", "للمشاركة", "حضور", "الحضور", "يشارك", "تشارك", "يحضر", "تحضر", "المشاركه", "مشاركته", "مشاركتها")
	// absenceNegations negate taking part: عدم تمكن X من المشاركة، لم
	// تشارك X، دون حضور X، تعذر.
	absenceNegations = keys("عدم", "لم", "لن", "دون", "بدون", "تعذر", "يتعذر", "رفض", "رفضت", "امتنع", "امتنعت", "امتناع")
	// absenceWords are absence by themselves: غياب X عن الاجتماع.
	absenceWords = keys("غياب", "تغيب", "يتغيب", "تتغيب", "بغياب")
)

// announcerZone: in «أعلنت وزارة الصحة، الثلاثاء، مقتل شابين في غارة …» the
// body between the announcing verb and the toll it announces is the source
// of the report, not a side of the event the toll comes from. The zone
// runs from the verb to the toll noun; both stand before the trigger, in
// its sentence, within twelve words.
func announcerZone(in Input, keysOf []string, words []word, i int, seg rasad.Span) []rasad.Span {
	toll := -1
	for b := i - 1; b >= 0 && b >= i-12 && words[b].sent == words[i].sent; b-- {
		t := in.Tokens[words[b].tok]
		if t.Start < seg.Start {
			break
		}
		k := text.StripConj(keysOf[b])
		if toll < 0 && (tollNouns[k] || tollNouns[keysOf[b]]) {
			toll = b
			continue
		}
		if toll >= 0 && (speechVerbs[k] || speechVerbs[keysOf[b]]) {
			return []rasad.Span{{Start: t.End, End: in.Tokens[words[toll].tok].Start}}
		}
	}
	return nil
}

// absentZone: in «عدم تمكن تركيا من المشاركة في اجتماع الأربعاء» or «غياب
// الوفد عن الاجتماع» the one named is kept out of the event: the zone runs
// from the negation (or the absence word) to the trigger. The negation
// must come within eight words before the trigger, and, unless it is an
// absence word, a word of taking part between them.
func absentZone(in Input, keysOf []string, words []word, i int, seg rasad.Span) []rasad.Span {
	partake := false
	for b := i - 1; b >= 0 && b >= i-8 && words[b].sent == words[i].sent; b-- {
		t := in.Tokens[words[b].tok]
		if t.Start < seg.Start {
			break
		}
		k := text.StripConj(keysOf[b])
		if partakeWords[k] || partakeWords[keysOf[b]] {
			partake = true
			continue
		}
		if absenceWords[k] || absenceWords[keysOf[b]] || partake && (absenceNegations[k] || absenceNegations[keysOf[b]]) {
			return []rasad.Span{{Start: t.Start, End: in.Tokens[words[i].tok].Start}}
		}
	}
	return nil
}

// placeHeads name a city before its name (مدينة، العاصمة): a name the
// lexicons do not know is a place after them only when the head itself
// follows a preposition of place (في مدينة X، إلى العاصمة X), not when the
// head is an object (بإقامة مدينة خيام: a tent city, not a city called so).
var placeHeads = keys("مدينة", "العاصمة", "عاصمة")

// headedUnknownPlace: the mention, which no lexicon knows, follows a
// place head that no preposition introduces.
func headedUnknownPlace(in Input, m rasad.Mention, head int) bool {
	if m.Canonical != "" || strings.HasPrefix(m.Rule, "lexicon") {
		return false
	}
	toks := in.ix.toks
	for k := head - 1; k >= 0; k-- {
		if toks[k].Kind == text.Punct {
			continue
		}
		switch toks[k].Key {
		case "في", "فى", "الي", "من", "وفي", "الى", "ومن", "والي", "نحو", "داخل", "قرب", "بالقرب":
			return false
		}
		return true
	}
	return true
}
