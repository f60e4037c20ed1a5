package entities

import (
	"strings"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/lexicon"
	"github.com/rasad/rasad/text"
)

// facilityNouns head the names of facilities: ports, stations, airports,
// bridges, streets, squares, stadiums, hospitals, bases, mosques. The
// name that follows one (ميناء حمد، محطة بارسونز غرين، مطار رفيق
// الحريري، شارع سعد زغلول) is the facility's, not a person's, even when
// it is a person's name; facilities are no entity of ours. (طريق is left
// out: عن طريق فلان is "through" a person; so is قاعدة: قاعدة ترامب
// السياسية is his base of voters.)
var facilityNouns = keySet(strings.Join(lexicon.Surfaces("facility_nouns.tsv", "entities", "both"), " "))

// facilityWord reports a word key that is a facility noun, after a
// conjunction or a preposition written with it (ومطار، بميناء، لمحطة).
func facilityWord(k string) bool {
	lx := load() // (facilityNouns by the fFacility flag: one bit test for most words)
	if lx.has(k, fFacility) {
		return true
	}
	k = text.StripConj(k)
	if lx.has(k, fFacility) {
		return true
	}
	for _, p := range [...]string{"ب", "ل", "ك"} {
		if rest, ok := strings.CutPrefix(k, p); ok && lx.has(rest, fFacility) {
			return true
		}
	}
	return false
}

// madinaKey is the key of مدينة (made once: dropFacilityNames asks per word).
var madinaKey = text.Key("مدينة")

// dropFacilityNames removes the person mentions that name a facility: one
// right after a facility noun (a space between them, no punctuation), or
// after a facility noun and at most two titles or مدينة (ستاد الأمير
// فلان، ملعب مدينة الملك فلان), or one whose first word is a facility
// noun (مدير ميناء خليفة read as role + name). ms is sorted; the result
// takes its place.
func dropFacilityNames(src string, toks []text.Token, ms []rasad.Mention) []rasad.Mention {
	lx := load()
	title := func(j int) bool {
		k := toks[j].Key
		var e *gazEntry // lx.single[k], by infoOf
		if ki := lx.infoOf(k); ki != nil {
			e = ki.single
		}
		return e != nil && e.kind == "ROLE" || k == madinaKey
	}
	out := ms[:0]
	for _, m := range ms {
		if m.Type == "PERSON" && facilityBefore(src, toks, m, 2, title) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// dropFacilitySurnames removes the person mentions of added (Extend's
// collection surnames) that stand at most two words after a facility
// noun (مطار بن غوريون, ملعب سانتياغو برنابيو: Find dropped the whole
// name, and its last word came back alone), unless one of those words
// is in a mention of found, which ends the facility's name (مطار
// الخرطوم محمد مهدي). added is sorted; the result takes its place.
func dropFacilitySurnames(src string, toks []text.Token, found, added []rasad.Mention) []rasad.Mention {
	ix := newSpanIndex(found)
	free := func(j int) bool {
		return !ix.any(rasad.Mention{Span: rasad.Span{Start: toks[j].Start, End: toks[j].End}})
	}
	out := added[:0]
	for _, m := range added {
		if m.Type == "PERSON" && facilityBefore(src, toks, m, 2, free) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// facilityBefore reports a facility noun as the first word of m or
// right before it, or at most reach words before it with only spaces
// and words that pass (the indexes of toks) between.
func facilityBefore(src string, toks []text.Token, m rasad.Mention, reach int, pass func(j int) bool) bool {
	// the token holding the mention's start
	i := tokenFrom(toks, m.Start)
	if i >= len(toks) {
		return false
	}
	if toks[i].Kind == text.Word && toks[i].Start >= m.Start && facilityWord(toks[i].Key) {
		return true
	}
	if toks[i].Start < m.Start {
		return false // the mention starts after a clitic: the word is its own
	}
	for j, end := i-1, m.Start; j >= 0 && j >= i-1-reach; j-- {
		if toks[j].Kind != text.Word || strings.TrimSpace(src[toks[j].End:end]) != "" {
			return false
		}
		if facilityWord(toks[j].Key) {
			return true
		}
		if !pass(j) {
			return false
		}
		end = toks[j].Start
	}
	return false
}
