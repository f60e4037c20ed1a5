package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// personSpans mends the spans of person names that run over a word that is
// not part of the name, whichever rule or the tagger found them. Two names
// joined by و are two persons (كروس ومودريتش، نانسي وأحلام); what follows
// و that is no name (وزملاؤه، والإنجليزي) ends the name, and a word after و
// that the name lists know better than the rest of it (ويليامز، والاس)
// stays a name word. A
// particle or a verb before the name is not part of it (أن ترامب، غرد
// ترامب), nor a particle or an imperfect verb after it (كيم يرد، كيم
// بأنه). A one-word remnant takes the key of the full name the article
// gives it; one that is no name is dropped. A well-known person's full
// name from the lexicon stays whole. ms is sorted; so is the result.
func personSpans(lx *lexicons, common map[string]bool, src string, ms []rasad.Mention) []rasad.Mention {
	personClitics(lx, src, ms)
	multi := false
	for i := range ms {
		if ms[i].Type == "PERSON" && strings.IndexByte(ms[i].Text, ' ') > 0 {
			multi = true
			break
		}
	}
	if !multi {
		return ms
	}
	names := &fullNames{lx: lx, ms: ms}
	var out []rasad.Mention
	changed := false
	for i, m := range ms {
		if m.Type != "PERSON" || strings.IndexByte(m.Text, ' ') <= 0 || strings.ContainsAny(m.Text, "\n\t") || strings.HasPrefix(m.Rule, "lexicon ") {
			// (a well-known person's full name from the lexicon stays whole)
			if changed {
				out = append(out, m)
			}
			continue
		}
		fixed, mended := mendPerson(lx, common, src, m, names)
		if !mended {
			if changed {
				out = append(out, m)
			}
			continue
		}
		if !changed {
			out = append(make([]rasad.Mention, 0, len(ms)+2), ms[:i]...)
			changed = true
		}
		out = append(out, fixed...)
	}
	if !changed {
		return ms
	}
	sortMentions(out)
	return out
}

// fullNames indexes the article's full names, made when first asked: each
// word of a person's name of two words or more -> the names' keys, and
// the last words apart.
type fullNames struct {
	lx            *lexicons
	ms            []rasad.Mention
	built         bool
	byWord, lasts map[string][]string
}

func (f *fullNames) parts() map[string][]string {
	if f.built {
		return f.byWord
	}
	f.built = true
	f.byWord, f.lasts = map[string][]string{}, map[string][]string{}
	for _, m := range f.ms {
		if m.Type != "PERSON" || strings.IndexByte(m.Text, ' ') <= 0 {
			continue
		}
		ws := strings.Fields(m.Text)
		joined := false
		for _, w := range ws[1:] {
			if k := text.Key(w); strings.HasPrefix(k, "و") && f.lx.tokensOf(k) <= f.lx.tokensOf(k[len("و"):]) {
				joined = true // two names joined by و (كيم وترامب): no full name
			}
		}
		if joined {
			continue
		}
		for i, w := range ws {
			k := text.StripConj(text.Key(w))
			if utf8.RuneCountInString(k) < 3 || f.lx.has(k, fJoiner) {
				continue
			}
			addPart(f.byWord, k, m.Key)
			if i == len(ws)-1 {
				addPart(f.lasts, k, m.Key)
			}
		}
	}
	return f.byWord
}

func (f *fullNames) lastWords() map[string][]string {
	f.parts()
	return f.lasts
}

// addPart adds full to k's names. Three are as many as onlyOther needs
// (with three, any name has two others), so the list stays that short and
// a text with many names sharing a word is read in linear time.
func addPart(m map[string][]string, k, full string) {
	if len(m[k]) >= 3 {
		return
	}
	for _, f := range m[k] {
		if f == full {
			return
		}
	}
	m[k] = append(m[k], full)
}

// onlyOther returns the one key of fulls that is not self, or "".
func onlyOther(fulls []string, self string) string {
	out := ""
	for _, f := range fulls {
		if f == self {
			continue
		}
		if out != "" {
			return ""
		}
		out = f
	}
	return out
}

// spanWord is one word of a mention: byte offsets and key.
type spanWord struct {
	start, end int
	key        string
}

// nameParticlesBefore are particles a tagger takes into the name before
// it: أن، بأن، لأن، إن، كأن.
var nameParticlesBefore = keySet("أن إن بأن لأن كأن وأن فإن وإن ولأن أنّ")

// particleAfter are a particle, with a pronoun or not, that a tagger takes
// into the name before it (كيم بأنه، ترامب لأنها، وتابع سمير بأن).
var particleAfter = keySet("بأنه بأنها بأنهم بأنهما لأنه لأنها لأنهم كأنه كأنها وأنه وأنها بأن لأن")

// mendPerson returns m's mentions once mended (m itself when nothing is to
// mend).
func mendPerson(lx *lexicons, common map[string]bool, src string, m rasad.Mention, names *fullNames) ([]rasad.Mention, bool) {
	var buf [8]spanWord
	ws := buf[:0]
	off := m.Start
	for off <= m.End {
		e := strings.IndexByte(src[off:m.End], ' ')
		if e < 0 {
			e = m.End - off
		}
		if e > 0 {
			ws = append(ws, spanWord{off, off + e, ""})
		}
		off += e + 1
	}
	if len(ws) < 2 {
		return nil, false
	}
	spanKeys(src, m, ws)
	nameish := func(k string) bool {
		if utf8.RuneCountInString(k) < 3 {
			return false
		}
		if lx.has(k, fGiven) || lx.tokensOf(k) > 0 || lx.has(k, fFamous) {
			return true
		}
		return onlyOther(names.parts()[k], m.Key) != ""
	}
	// a particle or a verb before the name
	first := 0
	verbAfter := false // a perfect verb ended the span (عمر ناهز)
	headNoun := false  // the word before was a common word (فريق ليستر، ولاية جاليسكو)
	if k0 := ws[0].key; len(ws) >= 2 && !lx.has(k0, fGiven) && !lx.has(text.StripConj(k0), fGiven) {
		c0 := text.StripConj(k0)
		particle := nameParticlesBefore[k0] || nameParticlesBefore[c0]
		verb := lx.tokensOf(k0) == 0 && lx.tokensOf(c0) == 0 && (common[k0] || common[c0] || lx.isCommon(k0)) && !hasArticle(k0)
		if (particle || verb) && !nameParticles[k0] && nameish(ws[1].key) { // (فان بيرسي: a particle of the name)
			first, headNoun = 1, !particle
		}
	}
	// a particle or an imperfect verb after the name
	last := len(ws)
	kl := ws[last-1].key
	particle := particleAfter[kl] && (utf8.RuneCountInString(kl) > 3 || strings.ContainsRune(src[ws[last-1].start:ws[last-1].end], 'أ')) // (لو بان: a name)
	imperfect := (strings.HasPrefix(kl, "ي") || strings.HasPrefix(kl, "ت")) && common[kl] && !lx.has(kl, fGiven)
	perfect := !imperfect && utf8.RuneCountInString(kl) >= 3 && !strings.HasSuffix(kl, "ه") && common["ي"+kl] && common["ت"+kl] && !lx.has(kl, fGiven) && lx.tokensOf(kl) == 0 &&
		!lx.has(ws[last-2].key, fJoiner) && !lx.has(ws[last-2].key, fKunya)
	if last-first >= 2 && (particle || (imperfect || perfect) && !nameish(kl)) {
		// (perfect: a verb the collection conjugates, عن عمر ناهز: the
		// lone word before it is a name only when the article names that
		// person in full)
		verbAfter = perfect && !particle
		last--
	}
	// groups split at و
	var gbuf [4][2]int
	groups := gbuf[:0] // word ranges [a, b)
	a := first
	for j := first + 1; j < last; j++ {
		k := ws[j].key
		rest, ok := strings.CutPrefix(k, "و")
		if !ok || utf8.RuneCountInString(rest) < 3 || lx.has(k, fGiven) {
			continue
		}
		if lx.tokensOf(k) > lx.tokensOf(rest) && !lx.has(rest, fGiven) {
			continue // ويليامز، والاس: the name lists know the whole word
		}
		pronoun := !nameish(rest) && utf8.RuneCountInString(rest) >= 4 && (strings.HasSuffix(rest, "ه") || strings.HasSuffix(rest, "ها") || strings.HasSuffix(rest, "هم") || strings.HasSuffix(rest, "ئه") || strings.HasSuffix(rest, "ؤه"))
		article, noun := strings.HasPrefix(rest, "ال"), pronoun
		if article && !nameish(rest) && !lx.alSurname(rest) {
			// والإنجليزي، والأدميون: a nationality or a noun ends the name;
			// an unknown word may be a name of its own (والكين)
			stem := rest[len("ال"):]
			noun = lx.adjective(rest) || lx.isCommon(rest) || common[stem] ||
				strings.HasSuffix(stem, "ون") || strings.HasSuffix(stem, "ين") || strings.HasSuffix(stem, "ات")
			if !noun {
				continue
			}
		} else if article && lx.adjective(rest) {
			noun = true // والمصري: a nationality, not the family name
		}
		if !nameish(rest) && !article && !pronoun {
			continue
		}
		groups = append(groups, [2]int{a, j})
		if noun {
			a = -1 // وزملاؤه، والإنجليزي: the rest is no name
			break
		}
		a = j
	}
	if a >= 0 {
		groups = append(groups, [2]int{a, last})
	}
	if len(groups) == 1 && groups[0] == [2]int{0, len(ws)} {
		return nil, false
	}
	var out []rasad.Mention
	for gi, g := range groups {
		start, end := ws[g[0]].start, ws[g[1]-1].end
		if gi > 0 || g[0] > 0 {
			// a name after و starts after it (the first keeps a clitic: it
			// is the tagger's span)
			if gi > 0 && strings.HasPrefix(ws[g[0]].key, "و") && strings.HasPrefix(src[start:], "و") {
				start += len("و")
				for start < end {
					// (وَخالد: the name starts on its letter, not on و's vowel or a tatweel)
					r, size := utf8.DecodeRuneInString(src[start:end])
					if !unicode.Is(unicode.Mn, r) && r != '\u0640' {
						break
					}
					start += size
				}
			}
		}
		n := rasad.Mention{Span: rasad.Span{Start: start, End: end}, Type: "PERSON", Text: src[start:end],
			Rule: m.Rule + "; span mended", Confidence: m.Confidence, Role: m.Role, Sector: m.Sector, Country: m.Country}
		if gi > 0 {
			n.Role, n.Sector, n.Country = "", "", ""
		}
		if g[1]-g[0] == 1 {
			k := text.StripConj(ws[g[0]].key)
			if full := onlyOther(names.lastWords()[k], m.Key); full != "" {
				n.Key = full
			} else if full := onlyOther(names.parts()[k], m.Key); full != "" {
				n.Key = full
			} else if !nameish(k) || headNoun || verbAfter && m.Role == "" || hasArticle(k) || !lx.has(k, fGiven) && lx.single[k] != nil && (lx.single[k].kind == "LOC" || lx.single[k].kind == "ORG") {
				// after a common word a lone word is a person only when the
				// article names that person in full: فريق ليستر is a club,
				// صواريخ كروز a missile; لأن العنصر no name; بأن موسكو a place
				continue // no name left
			} else {
				n.Key = NameKey(src[start:end])
			}
		} else {
			n.Key = NameKey(src[start:end])
		}
		out = append(out, n)
	}
	return out, true
}

// spanKeys sets the keys of m's words ws. When every word is plain (ASCII
// other than white space, and the Arabic block: text.Key folds such a word
// rune by rune, with no white space inside), the key of the whole span,
// split at its spaces, is the words' keys, in one allocation; when the
// count of its words differs (a word of diacritics only has no key) or a
// word is not plain, each word's key is made alone.
func spanKeys(src string, m rasad.Mention, ws []spanWord) {
	plain := true
	for _, w := range ws {
		for i := w.start; i < w.end; i++ {
			c := src[i]
			if c < utf8.RuneSelf && (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') || c >= utf8.RuneSelf && (c < 0x80 || c > 0xBF) && (c < 0xD8 || c > 0xDB) {
				plain = false
				break
			}
		}
	}
	if plain {
		all := text.Key(src[m.Start:m.End])
		if strings.Count(all, " ")+1 == len(ws) {
			for i := range ws {
				k, rest, _ := strings.Cut(all, " ")
				ws[i].key, all = k, rest
			}
			return
		}
	}
	for i := range ws {
		ws[i].key = text.Key(src[ws[i].start:ws[i].end])
	}
}

// personClitics gives back a person's name the first letter that a
// clitic reading took from it (كواكو read as ك + واكو, باكو as ب + اكو): the
// whole word is the name when the name lists know it and know the rest
// less (a given name, or more Wikidata names with that token). ms is
// sorted; starts only move back within the word, so it stays sorted.
func personClitics(lx *lexicons, src string, ms []rasad.Mention) {
	for i := range ms {
		m := &ms[i]
		if m.Type != "PERSON" || m.Start < len("و") || strings.HasPrefix(m.Rule, "lexicon ") {
			continue
		}
		c, size := utf8.DecodeLastRuneInString(src[:m.Start])
		if !strings.ContainsRune("وبكلف", c) || m.Start-size > 0 && !wordEdgeBefore(src, m.Start-size) {
			continue // (no clitic, or one after other letters: a word part)
		}
		end := strings.IndexByte(m.Text, ' ')
		if end < 0 {
			end = len(m.Text)
		}
		rest := text.Key(m.Text[:end])
		whole := text.Key(src[m.Start-size : m.Start+end])
		if utf8.RuneCountInString(rest) < 2 || lx.has(rest, fGiven) || lx.has(rest, fFamous) {
			continue
		}
		if lx.has(whole, fGiven) && !lx.has(whole, fNotName) || lx.tokensOf(whole) >= 3 && lx.tokensOf(whole) > 2*lx.tokensOf(rest) {
			m.Start -= size
			m.Text = src[m.Start:m.End]
			m.Key = NameKey(m.Text)
			m.Rule += "; first letter is the name's"
		}
	}
}

// wordEdgeBefore reports whether byte i of src starts a word: the text's
// start or a space, punctuation or quote before it.
func wordEdgeBefore(src string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(src[:i])
	return !unicode.IsLetter(r) && !unicode.IsMark(r)
}
