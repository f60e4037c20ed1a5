package events

import (
	"sort"
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

var (
	// responseWords open what an act answers (ردا على، في إطار الرد على،
	// على خلفية): what they tell happened before the act.
	responseWords = keys("ردا", "رداً", "الرد", "خلفية", "ورداً", "وردا")
	// causeWords open a cause (جراء، بسبب): it happened before what it
	// caused, unless that is a toll (قتل … جراء غارة: the same day).
	causeWords = keys("جراء", "بسبب", "نتيجة")
	// accusedWords open the act one is accused of (بالوقوف وراء الهجوم …
	// يوم 4 مارس، بالضلوع في): a date after them is that act's.
	accusedWords = keys("وراء", "بالضلوع", "بالتورط", "بالمسؤولية", "بتدبير", "بتنفيذ")
	// casualtyVerbs tell a toll as a verb.
	casualtyVerbs = keys("قتل", "قتلوا", "قتلت", "أصيب", "أصيبوا", "أصيبت", "لقي", "لقيت", "لقوا", "سقط", "سقطوا", "جرح", "جرحوا", "استشهد", "استشهدوا")
)

// causeZones are the date zones of a trigger and a cause or a response
// phrase: a noun trigger inside one (أمرت الثلاثاء بطرد دبلوماسيين جراء
// هجوم …) takes no date from before the phrase's word, and a trigger
// before a response phrase (قررت طرد دبلوماسيين ردا على تسميم … في الرابع
// من مارس) no date from inside it.
func causeZones(in Input, keysOf []string, words []word, i, n int, seg rasad.Span, noun bool) []rasad.Span {
	var zones []rasad.Span
	if noun {
		for b := i - 1; b >= 0 && b >= i-4 && words[b].sent == words[i].sent; b-- {
			t := in.Tokens[words[b].tok]
			if t.Start < seg.Start {
				break
			}
			k := text.StripConj(keysOf[b])
			if responseWords[k] || responseWords[keysOf[b]] || causeWords[k] && !tollBefore(in, keysOf, words, b, seg) {
				zones = append(zones, rasad.Span{Start: seg.Start, End: t.Start})
				break
			}
		}
	}
	for a := i + n; a < len(words) && a < i+n+windowAfter && words[a].sent == words[i].sent; a++ {
		t := in.Tokens[words[a].tok]
		if t.Start >= seg.End {
			break
		}
		if k := text.StripConj(keysOf[a]); responseWords[k] || responseWords[keysOf[a]] || accusedWords[k] || accusedWords[keysOf[a]] {
			zones = append(zones, rasad.Span{Start: t.Start, End: seg.End})
			break
		}
	}
	return zones
}

// tollBefore: a toll (مقتل، قتل، أصيب) stands in the segment before word b.
func tollBefore(in Input, keysOf []string, words []word, b int, seg rasad.Span) bool {
	for a := b - 1; a >= 0 && words[a].sent == words[b].sent; a-- {
		if in.Tokens[words[a].tok].Start < seg.Start {
			break
		}
		k := text.StripConj(keysOf[a])
		if tollNouns[k] || casualtyVerbs[k] || tollNouns[keysOf[a]] || casualtyVerbs[keysOf[a]] {
			return true
		}
	}
	return false
}

// consequentZone: a verb with the clitic ف after a comma (…، فاتهمت
// بريطانيا روسيا) tells what followed the clause before it, whose date is
// that clause's: the zone runs from the segment's start to the verb.
func consequentZone(in Input, words []word, i, strip int, seg rasad.Span) []rasad.Span {
	t := in.Tokens[words[i].tok]
	if strip == 0 || !strings.HasPrefix(in.Text[t.Start:], "ف") || words[i].tok == 0 {
		return nil
	}
	p := in.Tokens[words[i].tok-1]
	if p.Kind != text.Punct || !strings.ContainsAny(in.Text[p.Start:p.End], "،,") {
		return nil
	}
	return []rasad.Span{{Start: seg.Start, End: t.Start}}
}

// placePreps open where or whence: an adjective after one (اجتماع في
// العاصمة الروسية، زيارة إلى المدن التركية) describes the place, not the
// sides. (مع، بين and لل- lead to the sides: لقاء مع الوفد الروسي.)
var placePreps = keys("في", "على", "إلى", "الى", "من", "عن", "داخل", "قرب")

// prepBetween: a place preposition, or a noun under the clitic بال-,
// stands between the trigger (ending at from) and the word at to.
func prepBetween(in Input, from, to int) bool {
	j := sort.Search(len(in.Tokens), func(i int) bool { return in.Tokens[i].Start >= from })
	for ; j < len(in.Tokens) && in.Tokens[j].Start < to; j++ {
		t := in.Tokens[j]
		if t.Kind == text.Punct {
			continue
		}
		k := text.StripConj(t.Key)
		if placePreps[k] || placePreps[t.Key] || strings.HasPrefix(k, "بال") {
			return true
		}
	}
	return false
}

// sayingNouns report speech as a noun: «نقلت الوكالة عن الكرملين قوله،
// الجمعة، إن …».
var sayingNouns = keys("قوله", "قولها", "قولهم", "تأكيده", "تأكيدها")

// sayingZones: the span from a saying noun to the إن/أن that opens what
// was said, before the trigger, holds the time of saying, not of what is
// told. (Only the date: who is named around it may still take part —
// «عن باخ قوله لكيم خلال اجتماع، إن …».)
func sayingZones(in Input, keysOf []string, words []word, i int, seg rasad.Span) []rasad.Span {
	for b := i - 1; b >= 0 && b >= i-30 && words[b].sent == words[i].sent; b-- {
		t := in.Tokens[words[b].tok]
		if t.Start < seg.Start {
			break
		}
		if !sayingNouns[text.StripConj(keysOf[b])] && !sayingNouns[keysOf[b]] {
			continue
		}
		for a := b + 1; a < i && a <= b+6; a++ {
			if k := keysOf[a]; k == "ان" || k == "انه" || k == "انها" {
				return []rasad.Span{{Start: t.End, End: in.Tokens[words[a].tok].Start}}
			}
		}
		return nil
	}
	return nil
}

// allegianceWords tell whose side something is on: موالية للكرملين،
// التابعة لحماس، المقربة من الحكومة.
var allegianceWords = keys("موال", "موالية", "الموالية", "الموالي", "موالين", "الموالين", "موالون", "الموالون",
	"تابعة", "التابعة", "تابع", "التابع", "مقربة", "المقربة", "مقرب", "المقرب", "المقربين", "مؤيدة", "المؤيدة", "مؤيد", "المؤيد")

// allegiance: the mention follows an allegiance adjective (with ل- or
// من between): it tells whose side a thing is on, it takes no part.
func allegiance(in Input, m rasad.Mention) bool {
	toks := in.ix.toks
	j := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
	if j >= len(toks) {
		return false
	}
	b := j - 1
	if toks[j].Start == m.Start && b >= 0 && (toks[b].Key == "ل" || toks[b].Key == "من") {
		b-- // a separate ل or من
	}
	for b >= 0 && toks[b].Kind == text.Punct {
		b--
	}
	return b >= 0 && allegianceWords[toks[b].Key]
}

// protestWords open what a protest is against (احتجاجا على).
var protestWords = keys("احتجاجا", "احتجاجاً", "تنديدا", "تنديداً")

// sideWindow cuts the participants' window at the first word after the
// trigger that opens what the event is about (لبحث تسميم X، حول انفجار
// استهدف Y), the act one is accused of (وراء تسميم X), or what it answers or
// protests (ردا على، احتجاجا على): who is named there is the topic.
func sideWindow(in Input, words []word, keysOf []string, win rasad.Span, i, n int) rasad.Span {
	if k := keysOf[i]; topicWords[k] && (strings.HasPrefix(k, "ل") || strings.HasPrefix(k, "ب")) {
		// the trigger is itself a topic word (اجتماع … لبحث قضية X): who
		// follows it is what is discussed
		return rasad.Span{Start: win.Start, End: max(win.Start, in.Tokens[words[i].tok].Start)}
	}
	for a := i + n; a < len(words); a++ {
		t := in.Tokens[words[a].tok]
		if t.Start >= win.End {
			break
		}
		k := text.StripConj(keysOf[a])
		if topicWords[keysOf[a]] || topicWords[k] || accusedWords[keysOf[a]] || accusedWords[k] ||
			responseWords[keysOf[a]] || responseWords[k] || protestWords[k] {
			return rasad.Span{Start: win.Start, End: max(win.Start, t.Start)}
		}
	}
	return win
}
