package dates

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/text"
)

// refCue is cue as it was before cueWords: each list looked up in turn,
// for the word and then without its conjunction. Kept as the identity
// reference.
func refCue(k0 string) (int, bool) {
	for _, k := range [2]string{k0, text.StripConj(k0)} {
		switch {
		case futureCues[k] || futureMods[k] || k == "غدا" || k == "خطط" || k == "تخطط" || k == "يخطط":
			return 1, true
		case speechVerbs[k]:
			return -1, false
		case startingFrom[k]:
			return 1, false
		case pastCues[k] || pastMods[k] || yesterdayW[k]:
			return -1, true
		}
	}
	k := text.StripConj(k0)
	if refDerivedPast(k) || pluralPast(k) {
		return -1, true
	}
	if utf8.RuneCountInString(k) >= 4 && !futureNouns[k] && !futureNouns[k0] && !loadLex().givenNames[k] && !loadLex().givenNames[k0] && !loadLex().futureLikeNames[k] &&
		!strings.HasSuffix(k, "ات") && !strings.HasSuffix(k, "ه") && !strings.HasSuffix(k, "ا") {
		for _, p := range futurePrefixes[:3] {
			if strings.HasPrefix(k, p) {
				return 1, true
			}
		}
	}
	return 0, false
}

// refDerivedPast is derivedPast without its first test (a key not opening
// in ا).
func refDerivedPast(k string) bool {
	for _, suf := range []string{"تا", "نا", "ت", ""} {
		if suf != "" && !strings.HasSuffix(k, suf) {
			continue
		}
		rs := []rune(strings.TrimSuffix(k, suf))
		switch {
		case len(rs) == 5 && rs[0] == 'ا' && rs[1] == 'ن' && rs[3] != 'ا' && rs[2] != 'ا' && rs[4] != 'ه' && rs[4] != 'ي':
			return true
		case len(rs) == 4 && rs[0] == 'ا' && rs[1] == 'ن' && rs[2] != 'ا' && rs[3] != 'ا' && rs[3] != 'ه' && rs[3] != 'ي' && rs[3] != 'ت':
			return true
		case len(rs) == 5 && rs[0] == 'ا' && rs[1] != 'ل' && rs[2] == 'ت' && rs[3] != 'ا' && rs[4] != 'ه' && rs[4] != 'ي':
			return true
		case len(rs) == 6 && strings.HasPrefix(string(rs), "است") && rs[4] != 'ا' && rs[5] != 'ه' && rs[5] != 'ي':
			return true
		}
	}
	return false
}

// cue and derivedPast answer as their references for every word of the
// cue lists, names and future nouns, with و/ف/س in front and pronoun or
// plural endings after, for our own words, and for every word of ant-dev
// when present.
func TestCueWordsSameAsLists(t *testing.T) {
	var words []string
	for _, m := range []map[string]bool{futureCues, futureMods, speechVerbs, startingFrom, pastCues, pastMods, yesterdayW, futureNouns, loadLex().givenNames, loadLex().futureLikeNames} {
		for k := range m {
			words = append(words, k)
		}
	}
	words = append(words, "غدا", "خطط", "تخطط", "يخطط", "انسحب", "انضم", "اعتقل", "استهدف", "استهدفت", "قتلوا", "هاجموا", "سيلتقي", "ستعقد", "سنري", "سندات", "", "و", "ف", "وا", "ا", "است", "ان", "تا")
	for _, w := range append([]string(nil), words...) {
		for _, p := range []string{"و", "ف", "س", "وس", "ا"} {
			words = append(words, p+w)
		}
		for _, s := range []string{"ت", "تا", "نا", "وا", "ه", "ات"} {
			words = append(words, w+s)
		}
	}
	if docs, ok := testcorpus.LoadIfPresent(t, 2000); ok {
		for _, d := range docs {
			for _, tok := range text.Tokenize(d.Text) {
				words = append(words, tok.Key)
			}
		}
	}
	for _, w := range words {
		d, s := cue(w)
		rd, rs := refCue(w)
		if d != rd || s != rs {
			t.Fatalf("cue(%q) = %d %v, reference %d %v", w, d, s, rd, rs)
		}
		if derivedPast(w) != refDerivedPast(w) {
			t.Fatalf("derivedPast(%q) = %v, reference %v", w, derivedPast(w), refDerivedPast(w))
		}
	}
}

// refRangeMod is rangeMod as it was before rangeModOf was kept per token
// (TestRangeModSameAsReference).
func (t *tagger) refRangeMod(j int, p *partial) int {
	k := t.key(j)
	if !startMods[k] && !midMods[k] && !endMods[k] {
		k = t.skey(j) // ومطلع العام، وأواخر الشهر
	}
	if !startMods[k] && !midMods[k] && !endMods[k] && (strings.HasPrefix(k, "ب") || strings.HasPrefix(k, "ل")) {
		k = k[len("ب"):] // بنهاية اليوم، لنهاية العام (ب and ل are two bytes alike)
	}
	switch {
	case startMods[k]:
		p.mod = "START"
	case midMods[k]:
		p.mod = "MID"
	case endMods[k]:
		p.mod = "END"
	default:
		return j
	}
	return j + 1
}

// rangeMod, kept per token, answers as its reference at every token of
// our own sentences and of ant-dev when present, asked twice (the second
// answer comes from the memo).
func TestRangeModSameAsReference(t *testing.T) {
	texts := []string{"في مطلع العام ومطلع الشهر وأواخر الأسبوع بنهاية اليوم لنهاية العام ولمنتصف السنة بآخر يوم",
		"أوائل وأواسط ونهايات مستهل ختام بختام لختام"}
	if docs, ok := testcorpus.LoadIfPresent(t, 500); ok {
		for _, d := range docs {
			texts = append(texts, d.Text)
		}
	}
	for _, s := range texts {
		tg := newTagger(s)
		for round := 0; round < 2; round++ {
			for j := -1; j <= len(tg.toks); j++ {
				var p, rp partial
				p.mod, rp.mod = "X", "X"
				got, want := tg.rangeMod(j, &p), tg.refRangeMod(j, &rp)
				if got != want || p.mod != rp.mod {
					t.Fatalf("%q token %d: rangeMod %d %q, reference %d %q", s, j, got, p.mod, want, rp.mod)
				}
			}
		}
	}
}

// TagTokens, whose per-token slices come from a pool and serve text after
// text, tags as a tagger with slices of its own, on our own sentences
// (long, short, long: slices grown, then reused at a shorter length) and
// on ant-dev texts when present.
func TestPooledTaggerSameAsFresh(t *testing.T) {
	long := strings.Repeat("قال الوزير أمس الخميس إن الاجتماع المقبل سيعقد في مطلع مارس، والذي أعلن عنه في 12 يناير الماضي. ", 40)
	texts := []string{long, "وصل الرئيس اليوم.", long + "سيزور الوفد القاهرة غدا.", "في 2019", ""}
	if docs, ok := testcorpus.LoadIfPresent(t, 1000); ok {
		for _, d := range docs {
			texts = append(texts, d.Text)
		}
	}
	anchor := AnchorAt(time.Date(2018, 2, 14, 0, 0, 0, 0, time.UTC), "published")
	for _, s := range texts {
		toks := text.Tokenize(s)
		fresh := newTaggerTokens(s, toks)
		want := fresh.resolveAll(fresh.scan(), anchor)
		if got := TagTokens(s, toks, anchor); !reflect.DeepEqual(got, want) {
			t.Fatalf("%.80q: pooled %v, fresh %v", s, got, want)
		}
	}
}
