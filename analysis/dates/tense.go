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
	weak, weakDist := 0, 1<<30
	t.clauseOf(0)
	t.sentOf(0)
	for _, scope := range [][]int{t.clause, t.sent} {
		c := scope[m.start]
		best, bestDist, future := 0, 1<<30, false
		look := func(i, dist int) {
			if t.inMatch != nil && t.inMatch[i] {
				return
			}
			if t.keys[i] == "قد" && i+1 < len(t.keys) && imperfect(t.keys[i+1]) && !pastCues[t.keys[i+1]] {
				return // قد يلتقي: "may meet", not the past
			}
			d, strong := cue(t.keys[i])
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
			}
		}
		for i := m.start - 1; i >= 0 && scope[i] == c && m.start-i <= cueWindow; i-- {
			look(i, m.start-i)
		}
		for i := m.end; i < len(t.keys) && scope[i] == c && i-m.end < cueWindow; i++ {
			look(i, i-m.end+1)
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
	return weak
}

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
ستار ستة سته ستين ستون ستراتيجي ستوديو سنة سنه سنوات سنوي سنويا سنوية سنين سنتين سنغافورة سناتور سنتيمتر سيبيريا سيول ستوكهولم سيناء سيئول سيبراني`)

// cue classifies one word: -1 past, +1 future, with whether it is a strong cue.
func cue(k0 string) (int, bool) {
	// the word as it is first (فاز، فجر), then without a conjunction (وفاز)
	for _, k := range [2]string{k0, text.StripConj(k0)} {
		switch {
		case futureCues[k] || futureMods[k] || k == "غدا" || k == "خطط" || k == "تخطط" || k == "يخطط":
			return 1, true
		case speechVerbs[k]:
			return -1, false
		case pastCues[k] || pastMods[k] || yesterdayW[k]:
			return -1, true
		}
	}
	k := text.StripConj(k0)
	// سـ + imperfect verb: سيلتقي، ستعقد، سنرى; not a given name (ستيفن)
	if utf8.RuneCountInString(k) >= 5 && !futureNouns[k] && !futureNouns[k0] && !loadLex().givenNames[k] && !loadLex().givenNames[k0] {
		for _, p := range futurePrefixes[:3] {
			if strings.HasPrefix(k, p) {
				return 1, true
			}
		}
	}
	return 0, false
}
