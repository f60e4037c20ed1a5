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
var placeBefore = keySet("في من إلى الى على عبر نحو ولاية إمارة مدينة ضاحية منطقة محافظة إقليم عاصمة العاصمة غربي شرقي شمالي جنوبي غرب شرق شمال جنوب حكومة سكان")

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

// articleWide runs the passes that read all of an article's mentions at
// once, the last steps of both Find and ExtendPrepared: a one-word place
// that is the family name of a person named in full is that person
// (surnamesOverPlaces), then one reading per club name (clubOnePerArticle).
func (r *recognizer) articleWide(ms []rasad.Mention) []rasad.Mention {
	ms = personSpans(r.lx, r.common, r.src, ms)                                                                                                               // أن ترامب، كيم يرد: the name alone (personspans.go)
	return sportReadings(r.lx, r.common, r.sportText(), r.src, r.toks, clubOnePerArticle(r.lx, r.common, r.src, r.toks, surnamesOverPlaces(r.lx, r.src, ms))) // teams (sport.go)
}

// clubOnePerArticle gives every occurrence of a one-word club's name in an
// article the club's reading once a confident reading is there (the club
// of the lexicon, a place's club in a sport context, نادي X, a club's short
// form): one sense per discourse. ميلان read as a place or a person, ليون
// as a person, النصر or برشلونة left out elsewhere in the match report are
// the club again. A local cue of a place keeps the place: a preposition of
// place or a head noun before it (في ميلانو، مدينة ليون) or the clitic ب.
// Two clubs of one spelling in an article leave it alone, and so do more
// other readings than club readings. ms is sorted.
func clubOnePerArticle(lx *lexicons, common map[string]bool, src string, toks []text.Token, ms []rasad.Mention) []rasad.Mention {
	var clubs map[string]*rasad.Mention // name key -> the club's reading (nil: two clubs)
	votes, sure := map[string]int{}, map[string]int{}
	for i := range ms {
		m := &ms[i]
		if m.Type != "ORG" || strings.Contains(m.Text, " ") || !confidentClub(m) {
			continue
		}
		k := text.Key(m.Text)
		if utf8.RuneCountInString(k) < 3 || wordToo(lx, common, k) {
			continue // الشرطة، الشعب، ليل: words too
		}
		if clubs == nil {
			clubs = map[string]*rasad.Mention{}
		}
		if c, ok := clubs[k]; ok && (c == nil || c.Key != m.Key) {
			clubs[k] = nil
			continue
		}
		clubs[k] = m
		votes[k]++
		sure[k]++
	}
	if len(clubs) == 0 {
		return ms
	}
	// places and other organizations of the name outvote the club (دبي the
	// city six times, its club once); a person does not (the tagger reads a
	// foreign club it does not know as a person: ميلان)
	for _, m := range ms {
		if k := text.Key(m.Text); clubs[k] != nil && m.Type != "PERSON" && !(m.Type == "ORG" && confidentClub(&m)) && !placeCue(src, m.Start) {
			votes[k]--
		}
	}
	// copies of the readings: ms grows below
	reading := make(map[string]rasad.Mention, len(clubs))
	for k, c := range clubs {
		if c != nil && votes[k] >= 0 {
			reading[k] = *c
		}
	}
	take := func(m *rasad.Mention, c rasad.Mention) {
		m.Type, m.Key, m.Canonical, m.Country, m.Sector = "ORG", c.Key, c.Canonical, c.Country, c.Sector
		m.Role = ""
		m.Confidence = 0.7
	}
	for i := range ms {
		m := &ms[i]
		if strings.Contains(m.Text, " ") || m.Type == "ORG" && confidentClub(m) {
			continue
		}
		c, ok := reading[text.Key(m.Text)]
		if !ok || m.Type == "ORG" && m.Key == c.Key || placeCue(src, m.Start) || strings.HasPrefix(m.Rule, "role") ||
			m.Type == "LOC" && sure[text.Key(m.Text)] < 2 {
			// (a city's club read once, in an article on the city: كاراكاس)
			continue
		}
		old := m.Type
		take(m, c)
		m.Rule = "the club named in this article, not a " + strings.ToLower(old) + " (" + m.Rule + ")"
	}
	// occurrences no mention covers: the club left out
	var added []rasad.Mention
	j := 0
	for _, t := range toks {
		if t.Kind != text.Word {
			continue
		}
		for j < len(ms) && ms[j].End <= t.Start {
			j++
		}
		if j < len(ms) && ms[j].Start < t.End {
			continue
		}
		k := text.Key(src[t.Start:t.End])
		start := t.Start
		c, ok := reading[k]
		if !ok {
			// with و or ل written with it (وبرشلونة، لميلان)
			for _, p := range []string{"و", "ل", "ول"} {
				if rest, cut := strings.CutPrefix(k, p); cut {
					if c, ok = reading[rest]; ok {
						w := src[t.Start:t.End]
						tail := surfaceOf(w, rest)
						r0, _ := utf8.DecodeRuneInString(c.Text)
						if r1, _ := utf8.DecodeRuneInString(tail); tail == w || r1 != r0 {
							ok = false // للأهلي: ل over the article's alif
							break
						}
						start = t.Start + len(w) - len(tail)
						break
					}
				}
			}
		}
		if !ok || start == t.Start && placeCue(src, t.Start) || strings.HasPrefix(c.Rule, "name after") || sure[text.Key(c.Text)] < 2 && strings.Contains(c.Rule, "orgs_data") {
			// (نادي الرماية names a club, رخصة الرماية a sport; ليل the
			// night, once a club of a generated list)
			continue
		}
		m := rasad.Mention{Span: rasad.Span{Start: start, End: t.End}, Text: src[start:t.End]}
		take(&m, c)
		m.Rule = "the club named in this article, again"
		added = append(added, m)
	}
	if len(added) == 0 {
		return ms
	}
	ms = append(ms, added...)
	sortMentions(ms)
	return ms
}

// surfaceOf returns the tail of the word w whose key is k (w less the
// clitics its key lost), or w.
func surfaceOf(w, k string) string {
	for i := range w {
		if text.Key(w[i:]) == k {
			return w[i:]
		}
	}
	return w
}

// confidentClub reports a club reading of a lexicon or a pattern.
func confidentClub(m *rasad.Mention) bool {
	rule := m.Rule
	return m.Sector == "club" || strings.HasPrefix(rule, "lexicon clubs.tsv") || strings.HasPrefix(rule, "club named after its place") ||
		strings.HasPrefix(rule, "short form of a club") || strings.HasPrefix(rule, "name after نادي")
}

// placeCue reports a place's local cue before byte start: a preposition of
// place or a place head noun (في، مدينة …), or the clitic ب written with
// the name (بميلان: in Milan).
func placeCue(src string, start int) bool {
	if start > 0 && src[start-1] != ' ' {
		r, _ := utf8.DecodeLastRuneInString(src[:start])
		return r == 'ب'
	}
	return placeBefore[prevWordKey(src, start)]
}

// wordToo reports a name key that is a common word too, with the article
// or without it.
func wordToo(lx *lexicons, common map[string]bool, k string) bool {
	for _, w := range []string{k, strings.TrimPrefix(k, "ال")} {
		if common[w] || lx.commonWords[w] || lx.notName[w] {
			return true
		}
	}
	return false
}
