package entities

// Surnames: a family name used alone, after the article names the person
// in full or the collection does (surnamesPrepared, resolveSingles), and
// the learners that collect those surnames (Learn, Learner, KnownCounter).

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// surnameAlone reports whether the one word at j, after a role or in a
// coordination, can be a name on its own: a given name, or a word that
// looks like a surname — long enough, not a word the text also writes with
// the article or as an indefinite noun, no pronoun suffix (بارتكابها).
func (r *recognizer) surnameAlone(j int) bool {
	k := r.words[j].key
	if r.words[j].is(fGiven) {
		return true
	}
	if utf8.RuneCountInString(k) >= 5 && (strings.HasSuffix(k, "ها") || strings.HasSuffix(k, "هم") || strings.HasSuffix(k, "هما")) {
		return false
	}
	for _, v := range r.words[j].vars.all() {
		if utf8.RuneCountInString(v.key) < 4 || r.common[v.key] || v.strip == 0 && r.indefinite(v.key) {
			return false // لنادي: ل + a common noun
		}
	}
	return true
}

// surnames finds bare surnames of people named in full in this article or
// in Known (learned from the collection).
func (r *recognizer) surnames(known Known) { r.surnamesPrepared(known, nil) }

// surnamesPrepared is surnames with the index of known made once for a
// collection (kp: Known.Prepare; nil makes it here).
func (r *recognizer) surnamesPrepared(known Known, kp *PreparedKnown) {
	local := map[string]string{}
	ambiguous := map[string]bool{}
	for mi, m := range r.out {
		sf := r.surnameFormOf(mi)
		if sf == "" {
			continue
		}
		if prev, ok := local[sf]; ok && prev != m.Key {
			ambiguous[sf] = true
		}
		local[sf] = m.Key
	}
	if len(ambiguous) > 0 {
		r.resolveAmbiguous(local, ambiguous)
	}
	r.singleNames(local)
	if len(local) == 0 && len(known) == 0 {
		return
	}
	if kp == nil {
		kp = known.Prepare()
	}
	article := kp.article // does any surname start with the article?
	for sf := range local {
		if strings.HasPrefix(sf, "ال") {
			article = true
		}
	}
	var buf []byte
	for i := range r.words {
		w := &r.words[i]
		if r.used[i] || r.toks[w.tok].Kind != text.Word {
			continue
		}
		for _, v := range w.vars.all() {
			if len(v.key) < 8 || (!article && strings.HasPrefix(v.key, "ال")) {
				continue
			}
			// a bare surname must be spelled as it was in a full name (letters
			// folded, vowels kept): the skeleton that merges spellings of full
			// names would merge السيسي with السياسي here. Asked first: few
			// words name anyone, and the tests below are pure, so their order
			// changes nothing (a folded spelling that names someone has the
			// first and last letters of a surname: no index of those needed)
			buf = appendFold(buf[:0], v.key)
			full, ok := local[string(buf)]
			rule := "surname of a person named in this article"
			if !ok || ambiguous[string(buf)] {
				full, ok = known[string(buf)]
				rule = "surname of a person named in the collection"
			}
			if !ok || full == "" {
				continue
			}
			if r.lx.given[v.key] || r.lx.notName[v.key] || r.blocksName(i) || r.lx.byFirst[v.key] != nil && (local[string(buf)] == "" || r.hitAt(i) == nil) || hamzaInside(r.src[w.start:w.end]) {
				continue // a lexicon word, unless a one-word place or club that a person of this article is named by (زيدان)
			}
			if rule == "surname of a person named in the collection" && (!r.knownAsName(v.key) || strings.HasPrefix(v.key, "ال")) {
				continue // learned elsewhere from a misread (… مؤتمرا): the name lists must know the word
			}
			start := r.surfaceStart(*w, v.strip)
			r.emit(rasad.Mention{Span: rasad.Span{Start: start, End: w.end}, Type: "PERSON", Key: full, Rule: rule, Confidence: 0.75}, i, i+1)
			break
		}
	}
}

// singleNames adds to local the one-word names that a pattern of the
// article found with confidence (هاينكس before an age in brackets, a
// role + one name): the same word alone elsewhere names that person too.
func (r *recognizer) singleNames(local map[string]string) {
	for _, m := range r.out {
		if m.Type != "PERSON" || m.Confidence < 0.7 || strings.Contains(m.Key, " ") || strings.HasPrefix(m.Rule, "model") || strings.HasPrefix(m.Rule, "surname") || strings.Contains(m.Text, " ") {
			continue
		}
		k := text.Key(m.Text)
		if utf8.RuneCountInString(k) < 5 || strings.HasPrefix(k, "ال") || strings.HasPrefix(k, "ل") || futureVerb(k) || r.common[k] || r.indefinite(k) {
			continue // a clitic or the future prefix (لحقوق، سيعين), a common noun (مناقشة): a misread the article would repeat
		}
		sf := string(appendFold(nil, k))
		if _, ok := local[sf]; !ok {
			local[sf] = m.Key
		}
	}
}

// futureVerb reports the future prefix on an imperfect verb (سيعين،
// ستقدم، سنعمل، سأزور).
func futureVerb(k string) bool {
	return strings.HasPrefix(k, "سي") || strings.HasPrefix(k, "ست") || strings.HasPrefix(k, "سن") || strings.HasPrefix(k, "سا") || strings.HasPrefix(k, "سأ")
}

// resolveAmbiguous settles a surname that two full names of the article
// end with when only one of them, found by a rule (not a doubtful model
// reading, which a common word after a name can be), starts with a
// lexicon given name that no other full name starts with: دونالد ترامب against a verb taken in (غرد
// ترامب) or two names run together (كيم ترامب, كيم being كيم جونغ أون).
func (r *recognizer) resolveAmbiguous(local map[string]string, ambiguous map[string]bool) {
	firstKeys := map[string]map[string]bool{} // first word -> full-name keys
	type cand struct {
		first, key string
		conf       float64
	}
	cands := map[string][]cand{}
	for mi, m := range r.out {
		sf := r.surnameFormOf(mi)
		if sf == "" {
			continue
		}
		first, _, _ := strings.Cut(text.Key(m.Text), " ")
		if firstKeys[first] == nil {
			firstKeys[first] = map[string]bool{}
		}
		firstKeys[first][m.Key] = true
		if ambiguous[sf] {
			cands[sf] = append(cands[sf], cand{first, m.Key, m.Confidence})
		}
	}
	for sf, cs := range cands {
		keep := ""
		for _, c := range cs {
			if c.conf < 0.5 || !r.lx.given[c.first] || len(firstKeys[c.first]) != 1 || keep == c.key {
				continue
			}
			if keep != "" {
				keep = "" // two full names still: left ambiguous
				break
			}
			keep = c.key
		}
		if keep != "" {
			local[sf] = keep
			delete(ambiguous, sf)
		}
	}
}

// surnameFormOf is surnameForm(r.out[i]), remembered per index of r.out
// (emit, surnames and resolveSingles each ask it of every mention) and
// made again when the mention there is another one.
func (r *recognizer) surnameFormOf(i int) string {
	m := &r.out[i]
	if m.Type != "PERSON" || !strings.Contains(m.Key, " ") {
		return "" // (surnameForm's own first test)
	}
	if i < len(r.sfs) && r.sfs[i].done && r.sfs[i].text == m.Text && r.sfs[i].key == m.Key {
		return r.sfs[i].sf
	}
	sf := surnameForm(*m)
	r.rememberSurnameForm(i, *m, sf)
	return sf
}

// rememberSurnameForm records sf as the surname form of m at index i of
// r.out.
func (r *recognizer) rememberSurnameForm(i int, m rasad.Mention, sf string) {
	for len(r.sfs) <= i {
		r.sfs = append(r.sfs, sfMemo{})
	}
	r.sfs[i] = sfMemo{done: true, text: m.Text, key: m.Key, sf: sf}
}

// sfMemo is a remembered surnameForm (see surnameFormOf).
type sfMemo struct {
	done      bool
	text, key string
	sf        string
}

// surnameForm is the folded spelling of the last word of a full-name
// person mention ("" for other mentions).
func surnameForm(m rasad.Mention) string {
	if m.Type != "PERSON" || !strings.Contains(m.Key, " ") {
		return ""
	}
	last, more := lastField(text.Key(m.Text)) // (strings.Fields' last, without the slice)
	if !more {
		return ""
	}
	// the article is read on the written word: the key folds أ to ا, so
	// ألتماير would look like an article surname
	surf := m.Text[strings.LastIndexAny(m.Text, " ")+1:]
	article := strings.HasPrefix(surf, "ال")
	if lx := load(); last == "الله" || last == "الدين" || lx.has(last, fOrdinal) || lx.has(last, fMonth) || lx.has(last, fJoiner) || article && !lx.alSurname(last) {
		return "" // الحسن الثاني is not "الثاني" alone; المتحف after a name is a misread
	}
	var buf [64]byte
	return string(appendFold(buf[:0], last))
}

// lastField returns the last of strings.Fields(s) and whether another
// field comes before it ("" and false for no field).
func lastField(s string) (last string, more bool) {
	end := len(s)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	start := end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= size
	}
	for _, r := range s[:start] {
		if !unicode.IsSpace(r) {
			return s[start:end], true
		}
	}
	return s[start:end], false
}

// appendFold appends k with the letters transliterations confuse folded.
func appendFold(buf []byte, k string) []byte {
	// (by bytes while they are ASCII or a letter of U+0600–067F, which
	// foldLetter keeps in that range; the rune loop from the first other)
	for i := 0; i < len(k); {
		c := k[i]
		if c < utf8.RuneSelf {
			buf = append(buf, c)
			i++
			continue
		}
		if (c == 0xD8 || c == 0xD9) && i+1 < len(k) && k[i+1]&0xC0 == 0x80 {
			f := foldLetter(rune(c&0x1F)<<6 | rune(k[i+1]&0x3F))
			buf = append(buf, byte(0xC0|f>>6), byte(0x80|f&0x3F))
			i += 2
			continue
		}
		for _, r := range k[i:] {
			buf = utf8.AppendRune(buf, foldLetter(r))
		}
		break
	}
	return buf
}

// resolveSingles gives a one-word person mention found by a pattern
// (الرئيس ماكرون) the key of the full name it is the surname of.
func (r *recognizer) resolveSingles(known Known) {
	full := map[string]string{}
	for mi, m := range r.out {
		if sf := r.surnameFormOf(mi); sf != "" {
			full[sf] = m.Key
		}
	}
	for i := range r.out {
		m := &r.out[i]
		if m.Type != "PERSON" || strings.Contains(m.Key, " ") {
			continue
		}
		sf := string(appendFold(nil, text.Key(m.Text)))
		if k, ok := full[sf]; ok {
			m.Key = k
		} else if k, ok := known[sf]; ok && k != "" {
			m.Key = k
		}
	}
}

// hamzaInside reports a hamza on alef inside a word (ترأس، يسأل), which
// Arabic verbs and nouns have and transliterated surnames almost never do
// (الأسد: after the article, is allowed).
func hamzaInside(surface string) bool {
	i := 0
	for _, r := range surface {
		if i >= 2 && (r == 'أ' || r == 'إ') && !strings.HasSuffix(surface[:strings.IndexRune(surface, r)], "ال") {
			return true
		}
		i++
	}
	return false
}

// Learn collects the surnames of the people named in full in mentions,
// for Options.Known: a surname shared by two different full names is left
// out. Prefer a Learner for a collection: it also drops surnames that the
// collection mostly uses as ordinary words.
func Learn(known Known, ms []rasad.Mention) {
	for _, m := range ms {
		sf := surnameForm(m)
		if sf == "" {
			continue
		}
		if prev, ok := known[sf]; ok && prev != m.Key {
			known[sf] = "" // ambiguous
			continue
		}
		known[sf] = m.Key
	}
}

// NewLearner makes an empty Learner.
func NewLearner() *Learner { return &Learner{known: Known{}, fullDocs: map[string]int{}} }

// Add learns from one article's mentions.
func (l *Learner) Add(ms []rasad.Mention) {
	Learn(l.known, ms)
	seen := map[string]bool{}
	for _, m := range ms {
		if sf := surnameForm(m); sf != "" && !seen[sf] {
			seen[sf] = true
			l.fullDocs[sf]++
		}
	}
}

// Known returns the surnames worth looking for alone: a form that stands
// alone in many more articles than name the person in full is an
// ordinary word that a wrong full name ended with (… ترامب لا يمكن).
func (l *Learner) Known(docs ...[]text.Token) Known {
	k := l.Counter()
	for _, toks := range docs {
		k.Add(toks)
	}
	return k.Known()
}

// KnownCounter counts, one document at a time, the articles in which the
// surnames a Learner learned stand alone (see Learner.Known).
type KnownCounter struct {
	l        *Learner
	bareDocs map[string]int
	buf      []byte
}

// Counter makes a KnownCounter of what l learned so far (learn first).
func (l *Learner) Counter() *KnownCounter {
	return &KnownCounter{l: l, bareDocs: map[string]int{}}
}

// Add counts one document's tokens.
func (k *KnownCounter) Add(toks []text.Token) {
	seen := map[string]bool{}
	for _, t := range toks {
		if t.Kind != text.Word {
			continue
		}
		vs := cliticVariants(t.Key)
		for _, v := range vs.all() {
			k.buf = appendFold(k.buf[:0], v.key)
			if _, ok := k.l.known[string(k.buf)]; ok && !seen[string(k.buf)] {
				seen[string(k.buf)] = true
				k.bareDocs[string(k.buf)]++
			}
		}
	}
}

// Known returns the surnames worth looking for alone.
func (k *KnownCounter) Known() Known {
	l, bareDocs := k.l, k.bareDocs
	out := Known{}
	for sf, full := range l.known {
		if full == "" {
			continue
		}
		if bare := bareDocs[sf] - l.fullDocs[sf]; bare > 3*l.fullDocs[sf]+3 {
			continue
		}
		out[sf] = full
	}
	return out
}
