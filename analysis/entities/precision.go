package entities

import (
	"strings"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// trimLamTails cuts from a person's name of two words or more a last word
// written with the preposition ل that a name cannot end with: ل + the
// article (للهجن: "of the camels"), or ل + an imperfect verb (لينفرد:
// "to go clear", the verb of the next clause) or a common word (لصالح). A
// name word that starts with ل (لافروف، ليفي، لاغارد) is a name token or a
// given name of the lexicons and stays. ms is sorted; a mention of one
// word left is kept (the rule that found it read two).
func trimLamTails(lx *lexicons, common map[string]bool, src string, ms []rasad.Mention) []rasad.Mention {
	for i := range ms {
		m := &ms[i]
		if m.Type != "PERSON" {
			continue
		}
		sp := strings.LastIndexByte(m.Text, ' ')
		if sp <= 0 {
			continue
		}
		last := m.Text[sp+1:]
		k := text.Key(last)
		if !lamTail(lx, common, k, nextWord(src, m.End)) {
			continue
		}
		head := strings.TrimRight(m.Text[:sp], " ")
		m.End = m.Start + len(head)
		m.Text = src[m.Start:m.End]
		m.Key = NameKey(m.Text)
		m.Canonical = ""
		m.Rule += "; last word cut: ل + a word no name ends with"
	}
	return ms
}

// lamTail reports a word key k that is ل + the article, or ل + an
// imperfect verb or a common word that the next word continues (لبرنامج
// "في المرمى"، ليراوغ المدافع): a name ends before a comma, a relative
// pronoun or a conjunction (رودريغو لاسمر، الذي …), where such a word is the
// name's own.
func lamTail(lx *lexicons, common map[string]bool, k, next string) bool {
	rest, ok := strings.CutPrefix(k, "ل")
	if !ok || utf8.RuneCountInString(rest) < 3 {
		return false
	}
	if _, famous := lx.famous[k]; famous || lx.given[k] || lx.nameTokens[k] > 0 || lx.alSurnames[k] {
		return false
	}
	if strings.HasPrefix(rest, "ل") {
		return true // للهجن: ل + ال
	}
	if next == "" || strings.HasPrefix(next, "و") || next == "الذي" || next == "التي" || next == "الذين" {
		return false
	}
	// an imperfect verb of four or five letters (ينفرد، يؤكد); a longer
	// word after لي is a foreign name (ليفرمور)
	verb := imperfectShaped(rest) && utf8.RuneCountInString(rest) <= 5 && !strings.HasPrefix(rest, "يي")
	return verb || lx.commonWords[rest] || !strings.HasPrefix(rest, "و") && (common[rest] || lx.notName[rest])
}

// nextWord returns the key of the word right after byte end when only a
// space parts them, or "" (a comma, a full stop, a quote, the end).
func nextWord(src string, end int) string {
	if end >= len(src) || src[end] != ' ' {
		return ""
	}
	rest := src[end+1:]
	stop := strings.IndexAny(rest, " \n\t،,.:؛;!؟?\"«»()")
	if stop < 0 {
		stop = len(rest)
	}
	if stop == 0 {
		return ""
	}
	return text.Key(rest[:stop])
}

// surnamesOverPlaces retypes as a person a one-word place or organization
// that only a generated lexicon (places_data, places_odbl, orgs_data) or the
// tagger found, and that is the family name of a person the article names
// in full (فيليبي كوتينيو … كوتينيو): the person again, not a town of the
// same spelling. Curated names (places.tsv: واشنطن) and clubs stay. ms is
// sorted.
func surnamesOverPlaces(lx *lexicons, src string, ms []rasad.Mention) []rasad.Mention {
	var full map[string]string // last word key -> full name key
	for _, m := range ms {
		if m.Type != "PERSON" {
			continue
		}
		sp := strings.LastIndexByte(m.Text, ' ')
		if sp <= 0 {
			continue
		}
		last := text.Key(m.Text[sp+1:])
		if utf8.RuneCountInString(last) < 4 || lx.clubNames[last] {
			continue // (a name running on over a club's: مدافع تشيلسي)
		}
		if full == nil {
			full = map[string]string{}
		}
		if k, ok := full[last]; ok && k != m.Key {
			full[last] = "" // two people of that family name
			continue
		}
		full[last] = m.Key
	}
	if len(full) == 0 {
		return ms
	}
	for i := range ms {
		m := &ms[i]
		if m.Type == "PERSON" || strings.Contains(m.Text, " ") || !generatedRule(m.Rule) || strings.Contains(m.Rule, "club") {
			continue
		}
		k, ok := full[text.Key(m.Text)]
		if !ok || k == "" || m.Start == 0 || src[m.Start-1] != ' ' || placeBefore[prevWordKey(src, m.Start)] {
			continue // بسالزبورغ، في جاليسكو، ولاية …: a clitic or a place's context
		}
		m.Type, m.Key, m.Canonical, m.Country = "PERSON", k, "", ""
		m.Rule = "family name of a person named in the text, over a generated " + m.Rule
	}
	return ms
}

// placeBefore are words before a place's name: prepositions of place and
// head nouns (في جاليسكو، ولاية …، غربي …).
var placeBefore = keySet("في من إلى الى على عبر نحو ولاية مدينة ضاحية منطقة محافظة إقليم عاصمة العاصمة غربي شرقي شمالي جنوبي غرب شرق شمال جنوب حكومة سكان")

// generatedRule reports a mention found by a generated lexicon or the
// tagger, not by a curated list or a pattern.
func generatedRule(rule string) bool {
	return strings.HasPrefix(rule, "model:") || strings.Contains(rule, "places_data.tsv") ||
		strings.Contains(rule, "places_odbl.tsv") || strings.Contains(rule, "orgs_data.tsv")
}

// prevWordKey returns the key of the word right before byte start when only
// a space parts them, without a conjunction written with it, or "".
func prevWordKey(src string, start int) string {
	if start <= 0 || src[start-1] != ' ' {
		return ""
	}
	head := src[:start-1]
	from := strings.LastIndexAny(head, " \n\t،,.:؛;!؟?\"«»()") + 1
	if from >= len(head) {
		return ""
	}
	k := text.Key(head[from:])
	if placeBefore[k] {
		return k
	}
	return text.StripConj(k)
}
