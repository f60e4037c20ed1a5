package entities

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis"
	"github.com/rasad/rasad/text"
)

// word is one word token of the document with what the lexicons say of it.
type word struct {
	tok      int // index in the token list
	key      string
	start    int
	end      int
	seg      int  // segment: hard punctuation starts a new one
	commaBef bool // a comma (،) stands right before it
	vars     variants
	infos    [3]*keyInfo // the lexicons' knowledge of each reading in vars
	flags    uint64      // the union of the readings' flags
	kflags   uint64      // infos[0].flags (0 without it): the own key's, read without following the pointer
	ktokens  int32       // infos[0].tokens
}

// kf is the lexicon flags of w's own key (its first reading).
func (w *word) kf() uint64 { return w.kflags }

// is reports whether w's own key is in the word set of flag f (see
// lexicons.has): no lookup, buildWords read it.
func (w *word) is(f uint64) bool { return w.kf()&f != 0 }

// vf is the lexicon flags of w's reading j.
func (w *word) vf(j int) uint64 {
	if ki := w.infos[j]; ki != nil {
		return ki.flags
	}
	return 0
}

// tokens is nameTokens of w's own key.
func (w *word) tokens() int { return int(w.ktokens) }

// hit is a lexicon phrase found at a word position.
type hit struct {
	e     *gazEntry
	n     int    // words covered
	strip int    // clitic runes stripped from the first word's surface
	kind  string // e.kind, read in lookup's loop (where the entries' cache misses overlap) for people's
}

type recognizer struct {
	lx        *lexicons
	common    map[string]bool
	bare      map[string]bool   // words of the article without the article
	bareDone  bool              // bare is made (it may come empty from findBufs)
	bareScans int               // isBare's passes over the words before it makes bare
	surnameOf map[string]string // folded surname spelling -> full key, of the people found so far
	src       string
	toks      []text.Token
	words     []word
	hits      []*hit // per word: the longest lexicon phrase starting there
	hitSlab   []hit  // the hits' storage (see lookup)
	known     map[string]knownName
	out       []rasad.Mention
	used      []bool // words already inside a mention
	buf       []byte
	sportCues int      // sport cue words in the text, counted on first use (-1 before)
	sfs       []sfMemo // surnameForm of r.out's mentions, by index (see surnameFormOf)
}

// knownName is a person's name learned from a full mention, by the
// skeleton of its last token (the surname).
type knownName struct {
	key     string // NameKey of the full name
	role    string
	sector  string
	country string
}

// Known is a set of people's names learned from a collection: surname
// skeleton -> full-name key. A surname that names two people is dropped.
type Known map[string]string

// Options tune recognition.
type Options struct {
	// Known names learned from other articles, so that a bare surname
	// (أردوغان) is found where its full name is not in the article.
	Known Known
	// Common are words the collection also writes with the article
	// (أفضل/الأفضل، قدم/القدم): common nouns and adjectives, which a
	// person's name never continues with. See CommonWords.
	Common map[string]bool
}

// CommonWords collects, from the tokens of a collection, the words that
// the collection writes with the article ال (with or without a clitic
// before it) at least a quarter as often as without: common nouns and
// adjectives (أفضل/الأفضل، قدم/القدم), which a person's name never
// continues with. Surnames (ميركل، ماكرون، عباس) take the article rarely or
// never. It adds the imperfect verbs the collection writes with both
// prefixes ي and ت (يأمر/تأمر).
func CommonWords(docs ...[]text.Token) map[string]bool {
	return CommonWordsOf(nil, docs)
}

// CommonWordsOf is CommonWords with the texts of the documents (srcs[i] is
// the text of docs[i]), which adds the words the collection writes with
// tanween (هدفاً، فوراً): indefinite nouns and adverbs, never names.
func CommonWordsOf(srcs []string, docs [][]text.Token) map[string]bool {
	c := NewCommonCounter()
	for d, toks := range docs {
		src := ""
		if d < len(srcs) {
			src = srcs[d]
		}
		c.Add(src, toks)
	}
	return c.Words()
}

// CommonCounter gathers what CommonWordsOf reads, one document at a time,
// so that a collection need not be held in memory to learn its common
// words.
type CommonCounter struct {
	withAl, bare map[string]int
	tanween      map[string]int // occurrences: counts add up (Counts)
}

// NewCommonCounter makes an empty CommonCounter.
func NewCommonCounter() *CommonCounter {
	return &CommonCounter{withAl: map[string]int{}, bare: map[string]int{}, tanween: map[string]int{}}
}

// Add counts one document: its tokens and, when src is not empty, its text.
func (c *CommonCounter) Add(src string, toks []text.Token) {
	withAl, bare, tanween := c.withAl, c.bare, c.tanween
	for _, t := range toks {
		if t.Kind != text.Word || len(t.Key) < 6 {
			continue
		}
		if hasTanween(src, t) {
			tanween[text.StripConj(t.Key)]++
		}
		if k, al := commonKey(t.Key); al {
			withAl[k]++
		} else {
			bare[k]++
		}
	}
}

// hasTanween reports that t, a word of src, is written with tanween (never
// when src is empty: see CommonCounter.Add).
func hasTanween(src string, t text.Token) bool {
	return src != "" && strings.ContainsRune(src[t.Start:t.End], '\u064B')
}

// commonKey is the key under which CommonCounter counts a word key k (of
// 6 bytes or more): without the article and with al set when k has it
// (after a clitic: والكتاب, للكتاب), without a conjunction otherwise.
func commonKey(k string) (key string, al bool) {
	for _, p := range []string{"وال", "فال", "بال", "كال"} {
		if strings.HasPrefix(k, p) {
			k = k[len(p)-len("ال"):]
			break
		}
	}
	if strings.HasPrefix(k, "لل") {
		k = "ا" + k[len("ل"):]
	}
	if strings.HasPrefix(k, "ال") {
		return k[len("ال"):], true
	}
	return text.StripConj(k), false
}

// Words returns the common words of the documents counted so far.
func (c *CommonCounter) Words() map[string]bool {
	withAl, bare, tanween := c.withAl, c.bare, c.tanween
	out := map[string]bool{}
	for k, n := range withAl {
		if n*4 >= bare[k] {
			out[k] = true
		}
	}
	for k, n := range tanween {
		if n > 0 {
			out[k] = true
		}
	}
	// imperfect verbs: the collection conjugates the word, with both
	// third-person prefixes (يأمر/تأمر) and more forms (نأمر، سيأمر،
	// يأمرون), which a name never has. Names that happen to share two
	// forms (يلين/تلين، يونغ/تونغ، ياتوم/تاتوم) are rarer than that.
	for k, n := range bare {
		rest, ok := strings.CutPrefix(k, "ي")
		if !ok || utf8.RuneCountInString(rest) < 3 || bare["ت"+rest] == 0 {
			continue
		}
		forms := 2
		for _, f := range [...]string{"ن" + rest, "سي" + rest, "ست" + rest, "لي" + rest, "لت" + rest, k + "ون", k + "ان"} {
			if bare[f] > 0 {
				forms++
			}
		}
		if forms >= 4 || forms == 3 && min(n, bare["ت"+rest]) >= 3 {
			out[k] = true
			out["ت"+rest] = true
		}
		// the perfect of the same verb (سافر beside يسافر/تسافر/سافرت/سافروا)
		if past := rest; utf8.RuneCountInString(past) >= 3 && bare[past] > 0 && bare[past+"ت"] > 0 && (bare[past+"وا"] > 0 || bare[past+"ا"] > 0) && forms >= 3 {
			out[past] = true
		}
	}
	return out
}

// Find returns the entity mentions of src (tokens made by text.Tokenize).
func Find(src string, toks []text.Token, opts Options) (found []rasad.Mention) {
	r := &recognizer{lx: load(), src: src, toks: toks, known: map[string]knownName{}, common: opts.Common, sportCues: -1}
	if r.common == nil {
		r.common = CommonWordsOf([]string{src}, [][]text.Token{toks})
	}
	// the tagger, got first: its word cache indexes the words for
	// buildWords too; withModel below is this text's, with that tagger
	box := findTagger()
	if box != nil {
		defer putBox(box)
	}
	withModel := func(src string, toks []text.Token, rules []rasad.Mention, common map[string]bool) []rasad.Mention {
		return withModelOf(box, src, toks, rules, common)
	}
	wp := wordsPool.Get().(*[]word)
	defer putWords(wp, r)
	r.words = buildWordsWith(box, (*wp)[:0], src, toks)
	fb := findBufsPool.Get().(*findBufs)
	defer fb.put(r)
	r.used = fb.usedFor(len(r.words))
	r.hits = fb.hitsFor(len(r.words))
	r.hitSlab = fb.slab[:0]
	r.bare = fb.bare
	r.sfs = fb.sfs[:0]
	r.out = fb.out[:0]
	defer func() { found = fb.result(found) }() // (runs before fb.put)
	r.surnameOf = fb.surnameOf
	if r.surnameOf == nil {
		r.surnameOf = map[string]string{}
	}
	for i := range r.words {
		r.hits[i] = r.lookup(i)
	}
	r.namedBodies() // وكالة الأمن القومي، جهاز قطر للاستثمار: before the people and places inside (bodies.go)
	r.people()
	r.familyOfAl()
	r.orgsAndPlaces()
	r.clubShortForms()
	r.surnames(opts.Known)
	r.famousSurnames()
	r.agedNames()
	r.resolveSingles(opts.Known)
	r.out = withModel(src, toks, r.out, r.common) // ner hook: the statistical tagger's names (model.go)
	sortMentions(r.out)
	r.out = dropFacilityNames(src, toks, r.out) // ميناء حمد: a facility (facilities.go)
	r.out = joinAdjacentPeople(src, r.out)
	r.out = trimLamTails(r.lx, r.common, src, r.out) // حمدان بن محمد للهجن: the name ends before للهجن (precision.go)
	r.out = r.articleWide(r.out)                     // كوتينيو the person, not a town; ميلان the club throughout (precision.go)
	return r.out
}

// clubHeadNoun reports نادي or فريق, with a conjunction or a preposition
// written with it or not (لنادي، وفريق، بنادي).
func clubHeadNoun(k string) bool {
	k = text.StripConj(k)
	if k == "نادي" || k == "فريق" {
		return true
	}
	if rest, ok := strings.CutPrefix(k, "ل"); ok {
		k = rest
	} else if rest, ok := strings.CutPrefix(k, "ب"); ok {
		k = rest
	}
	return k == "نادي" || k == "فريق"
}

// joinAdjacentPeople makes one name of two one-word person mentions that
// only a space parts (رايان + غيغز, found by two rules): a list of people has
// a conjunction or a comma between them, and a given name second starts a
// new name (قال حسن محمد …: two readings). ms is sorted.
func joinAdjacentPeople(src string, ms []rasad.Mention) []rasad.Mention {
	lx := load()
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && m.Type == "PERSON" && out[n-1].Type == "PERSON" && out[n-1].End < m.Start && src[out[n-1].End:m.Start] == " " &&
			!strings.Contains(out[n-1].Text, " ") && !strings.Contains(m.Text, " ") && joinable(lx, out[n-1], m) && !givenBefore(lx, src, out[n-1].Start) {
			p := &out[n-1]
			p.End = m.End
			p.Text = src[p.Start:p.End]
			p.Key = NameKey(p.Text)
			p.Canonical = ""
			p.Rule = "adjacent names joined (" + p.Rule + "; " + m.Rule + ")"
			p.Confidence = min(p.Confidence, m.Confidence)
			continue
		}
		out = append(out, m)
	}
	return out
}

// Extend adds to ms (found by Find without Known) the bare surnames of the
// people in known, and resolves one-word names to their full keys: the
// cheap second pass of a collection run.
func Extend(src string, toks []text.Token, ms []rasad.Mention, known Known) []rasad.Mention {
	return ExtendPrepared(src, toks, ms, known.Prepare())
}

// PreparedKnown is Known with what its surname pass reads of the whole
// set (whether any surname starts with the article), found once for a
// collection instead of once per article.
type PreparedKnown struct {
	known   Known
	article bool // does any surname start with the article?
}

// Prepare indexes k for ExtendPrepared; k must not change afterwards.
func (k Known) Prepare() *PreparedKnown {
	p := &PreparedKnown{known: k}
	for sf := range k {
		if strings.HasPrefix(sf, "ال") {
			p.article = true
			break
		}
	}
	return p
}

// ExtendPrepared is Extend with the index of known made once (see
// Known.Prepare): the same output.
func ExtendPrepared(src string, toks []text.Token, ms []rasad.Mention, kp *PreparedKnown) []rasad.Mention {
	known := kp.known
	if len(known) == 0 {
		return ms
	}
	r := &recognizer{lx: load(), src: src, toks: toks, known: map[string]knownName{}}
	wp := wordsPool.Get().(*[]word)
	defer putWords(wp, r)
	r.words = extendWords((*wp)[:0], toks)
	r.used = make([]bool, len(r.words))
	r.out = append([]rasad.Mention(nil), ms...)
	// words inside the mentions already found are taken
	j := 0
	for i, w := range r.words {
		for j < len(ms) && ms[j].End <= w.start {
			j++
		}
		for k := j; k < len(ms) && ms[k].Start < w.end; k++ {
			if ms[k].End > w.start {
				r.used[i] = true
				break
			}
		}
	}
	r.surnamesPrepared(known, kp)
	// مطار بن غوريون: no collection surname after a facility noun either
	added := r.out[len(ms):]
	sortMentions(added)
	r.out = append(r.out[:len(ms)], dropFacilitySurnames(src, toks, ms, added)...)
	r.resolveSingles(known)
	sortMentions(r.out)
	return r.articleWide(joinAdjacentPeople(src, r.out)) // (a collection surname after a given name found alone; بوتن over a town; one club per name)
}

// extendWords appends to ws (empty) the words of toks as buildWords does,
// with only what ExtendPrepared reads of them (token, key, offsets, clitic
// readings): the lexicons' knowledge of each reading is Find's alone.
func extendWords(ws []word, toks []text.Token) []word {
	ws = slices.Grow(ws, len(toks))
	for i, t := range toks {
		if t.Kind == text.Punct {
			continue
		}
		ws = append(ws, word{tok: i, key: t.Key, start: t.Start, end: t.End, vars: cliticVariants(t.Key)})
	}
	return ws
}

// Analyzer finds an article's entities; its result is []rasad.Mention.
var Analyzer = &analysis.Analyzer{
	Name: "entities",
	Run: func(d *analysis.Doc) (any, error) {
		return Find(d.Text, d.Tokens, Options{}), nil
	},
}

// wordsPool keeps the word lists of Find and Extend (a large share of
// their allocation) for the next text.
var wordsPool = sync.Pool{New: func() any { return new([]word) }}

// findBufs are Find's per-word buffers, kept for the next text (none of
// them leaves Find).
type findBufs struct {
	used []bool
	hits []*hit
	slab []hit
	bare map[string]bool // empty
	sfs  []sfMemo
	// out is the list Find builds its mentions in; what it returns is a
	// copy of the right size (the list grew by doubling, text after text)
	out []rasad.Mention
	// surnameOf is recognizer.surnameOf, empty (a cleared map keeps its
	// room, and no string of the last text)
	surnameOf map[string]string
}

var findBufsPool = sync.Pool{New: func() any { return new(findBufs) }}

// usedFor returns n words' used flags, all false.
func (fb *findBufs) usedFor(n int) []bool {
	if cap(fb.used) < n {
		fb.used = make([]bool, n)
	}
	u := fb.used[:n]
	clear(u)
	return u
}

// hitsFor returns n words' hits, all nil.
func (fb *findBufs) hitsFor(n int) []*hit {
	if cap(fb.hits) < n {
		fb.hits = make([]*hit, n)
	}
	h := fb.hits[:n]
	clear(h)
	return h
}

// result is Find's answer: a copy of found, which is in Find's working
// list (nil when empty, as a text without names gave before). The list is
// kept for the next text, cleared (no string of this text stays in the
// pool): its mentions, then those that steps which shorten the list left
// after its end, up to the first empty place (every mention has a type;
// the list was cleared that far after the last text, or never written).
func (fb *findBufs) result(found []rasad.Mention) []rasad.Mention {
	var res []rasad.Mention
	if len(found) > 0 {
		res = make([]rasad.Mention, len(found))
		copy(res, found)
	}
	if cap(found) > maxPooledOut {
		fb.out = nil // (a huge text's list is not kept)
		return res
	}
	all := found[:cap(found)]
	n := len(found)
	for n < len(all) && all[n].Type != "" {
		n++
	}
	clear(all[:n])
	fb.out = found[:0]
	return res
}

// maxPooledOut bounds the mentions of the list findBufs keeps.
const maxPooledOut = 1 << 14

// put returns r's buffers to the pool; r must not be used after.
func (fb *findBufs) put(r *recognizer) {
	fb.used, fb.hits, fb.slab = r.used[:0], r.hits[:0], r.hitSlab[:0]
	if r.bare != nil {
		clear(r.bare) // (a cleared map keeps its room, and no string of this text)
		fb.bare = r.bare
	}
	if r.surnameOf != nil && len(r.surnameOf) <= maxPooledOut {
		clear(r.surnameOf)
		fb.surnameOf = r.surnameOf
	} else {
		fb.surnameOf = nil // (a huge text's map is not kept)
	}
	r.surnameOf = nil
	clear(r.sfs) // (no string of this text stays in the pool)
	fb.sfs = r.sfs[:0]
	r.used, r.hits, r.hitSlab, r.bare, r.sfs = nil, nil, nil, nil, nil
	findBufsPool.Put(fb)
}

// putWords returns r's word list to the pool; r must not be used after.
func putWords(wp *[]word, r *recognizer) {
	*wp = r.words[:0]
	r.words = nil
	wordsPool.Put(wp)
}

// buildWords appends the words of toks to ws (empty).
func buildWords(ws []word, src string, toks []text.Token) []word {
	return buildWordsWith(nil, ws, src, toks)
}

// buildWordsWith is buildWords; with a tagger (box not nil), the
// lexicons' entries of a word form seen before come from what the box
// keeps by its place in the tagger's word cache.
func buildWordsWith(box *taggerBox, ws []word, src string, toks []text.Token) []word {
	lx := load()
	ws = slices.Grow(ws, len(toks)) // sized once: growing it was 80% of Find's allocation
	seg := 0
	comma := false
	prevEnd := 0
	for i, t := range toks {
		for j := prevEnd; j < t.Start; j++ { // (mostly one space: no call)
			if src[j] == '\n' {
				seg++
				break
			}
		}
		prevEnd = t.End
		if t.Kind == text.Punct {
			if t.Key == "." && i > 0 && i+1 < len(toks) && toks[i-1].End == t.Start && toks[i+1].Start == t.End {
				continue // سي.إن.إن، أ.ف.ب: dots inside an abbreviation
			}
			switch t.Key {
			case ",":
				comma = true
				seg++
			case ".", "!", "?", ";", ":", "(", ")", "[", "]":
				seg++
			}
			continue
		}
		ws = append(ws, word{tok: i, key: t.Key, start: t.Start, end: t.End, seg: seg, commaBef: comma, vars: cliticVariants(t.Key)})
		comma = false
	}
	if box != nil && box.fill(lx, ws, src, toks) {
		return ws
	}
	// the lexicons' entries, in a loop of their own: its lookups do not
	// wait on each other, so the processor overlaps their cache misses
	for i := range ws {
		ws[i].lookUp(lx)
	}
	return ws
}

// lookup finds the longest lexicon phrase at word i, reading the first
// word with or without its clitics.
func (r *recognizer) lookup(i int) *hit {
	var best hit // (best.e == nil: none yet)
	w := &r.words[i]
	twoOK := i+1 < len(r.words) && r.words[i+1].seg == w.seg
	for vi, v := range w.vars.all() {
		ki := w.infos[vi]
		if ki == nil {
			continue
		}
		if twoOK && ki.multi && ki.next&nextBit(r.words[i+1].key) != 0 && r.lx.pairMay(v.key, r.words[i+1].key) {
			// phrases of two words or more, by their first two words
			r.buf = append(append(append(r.buf[:0], v.key...), 0), r.words[i+1].key...)
			for _, e := range r.lx.byTwo[string(r.buf)] {
				n := len(e.words)
				if best.e != nil && n <= best.n {
					break
				}
				if i+n > len(r.words) || r.words[i+n-1].seg != w.seg {
					continue
				}
				ok := true
				for j := 2; j < n; j++ {
					if r.words[i+j].key != e.words[j] {
						ok = false
						break
					}
				}
				if ok {
					best = hit{e: e, n: n, strip: v.strip}
					break
				}
			}
		}
		if best.e == nil && ki.single != nil {
			best = hit{e: ki.single, n: 1, strip: v.strip}
		}
	}
	if best.e == nil {
		return nil
	}
	// one slab of hits for the text instead of one allocation each (a hit
	// never changes once made)
	if len(r.hitSlab) == cap(r.hitSlab) {
		r.hitSlab = make([]hit, 0, max(64, len(r.words)-i))
	}
	best.kind = best.e.kind
	r.hitSlab = append(r.hitSlab, best)
	return &r.hitSlab[len(r.hitSlab)-1]
}

// emitPatternOrg emits the organization of words i to i+n-1 that a pattern
// (a public body, a federation) read, keyed by its text.
func (r *recognizer) emitPatternOrg(i, n, strip int, rule string) {
	start := r.surfaceStart(r.words[i], strip)
	end := r.words[i+n-1].end
	r.emit(rasad.Mention{Span: rasad.Span{Start: start, End: end}, Type: "ORG", Key: text.Key(r.src[start:end]),
		Rule: rule, Confidence: 0.8}, i, i+n)
}

// surfaceStart returns the byte offset after strip clitic letters of word w.
func (r *recognizer) surfaceStart(w word, strip int) int {
	off := w.start
	for strip > 0 && off < w.end {
		rn, size := utf8.DecodeRuneInString(r.src[off:])
		off += size
		if text.KeyRune(rn) >= 0 {
			strip--
		}
	}
	// skip marks that belonged to the stripped letter
	for off < w.end {
		rn, size := utf8.DecodeRuneInString(r.src[off:])
		if text.KeyRune(rn) >= 0 {
			break
		}
		off += size
	}
	return off
}

func (r *recognizer) emit(m rasad.Mention, from, to int) {
	m.Text = r.src[m.Start:m.End]
	sf := surnameForm(m)
	if sf != "" && r.surnameOf != nil {
		r.surnameOf[sf] = m.Key
	}
	if r.out == nil {
		r.out = make([]rasad.Mention, 0, max(8, len(r.words)/16)) // (room for most texts' mentions at once)
	}
	if sf != "" {
		r.rememberSurnameForm(len(r.out), m, sf)
	}
	r.out = append(r.out, m)
	for i := from; i < to && i < len(r.used); i++ {
		r.used[i] = true
	}
}

// bareScanMax bounds isBare's passes over the words of a text.
const bareScanMax = 8

// isBare reports whether the article writes k without the article
// (computed on first use: few texts need it).
func (r *recognizer) isBare(k string) bool {
	if !r.bareDone && r.bareScans < bareScanMax {
		// most texts ask a few times: a pass over the words costs less
		// than the map (and bareScanMax passes keep it linear)
		r.bareScans++
		if strings.HasPrefix(k, "ال") {
			return false // (the map holds no key with the article)
		}
		for i := range r.words {
			for _, v := range r.words[i].vars.all() {
				if v.key == k {
					return true
				}
			}
		}
		return false
	}
	if !r.bareDone {
		r.bareDone = true
		if r.bare == nil {
			r.bare = make(map[string]bool, len(r.words)/2) // sized once: growing it cost more than its content
		}
		for i := range r.words {
			for _, v := range r.words[i].vars.all() {
				if !strings.HasPrefix(v.key, "ال") {
					r.bare[v.key] = true
				}
			}
		}
	}
	return r.bare[k]
}

// institutionNouns head a phrase whose field word is not a ministry's
// short form: وكالة الإعلام، وسائل الإعلام، لجنة الخارجية.
var institutionNouns = keySet("وكالة وسائل شبكة هيئة قناة مؤسسة صحيفة مجلس لجنة مكتب مركز جهاز اتحاد نقابة دائرة مديرية قسم فرع شعبة إدارة")

// hitAt is the lexicon phrase at word i (nil in Extend, which has none).
func (r *recognizer) hitAt(i int) *hit {
	if i < len(r.hits) {
		return r.hits[i]
	}
	return nil
}

// anyUsed reports whether a word in [from, to) is already in a mention.
func (r *recognizer) anyUsed(from, to int) bool {
	for j := from; j < to && j < len(r.used); j++ {
		if r.used[j] {
			return true
		}
	}
	return false
}

// insidePhrase reports whether word i is inside (not first in) a lexicon
// organization or place of two words or more that starts before it:
// سيتي of مانشستر سيتي starts no name.
func (r *recognizer) insidePhrase(i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if h := r.hits[j]; h != nil && j+h.n > i && (h.e.kind == "ORG" || h.e.kind == "LOC" || h.e.kind == "MISC") {
			return true
		}
	}
	return false
}

// givenAlone reports a given name standing alone as a person (وقال علي
// إن …): not a word the collection also writes with the article or as an
// indefinite noun (أمل، سلام، كريم are words too), not a name that collides
// with a function word, followed by no lexicon phrase.
func (r *recognizer) givenAlone(i, strip int) bool {
	w := &r.words[i]
	k := w.vars.v[min(strip, w.vars.n-1)].key
	if !r.lx.has(k, fGiven) || r.lx.has(k, fJoiner) || r.common[k] || r.indefinite(k) || r.lx.has(k, fNotName) || utf8.RuneCountInString(k) < 3 {
		return false
	}
	// the name ends there: punctuation or a function word follows (a word
	// that is no name may be a surname the lexicons do not know)
	if i+1 < len(r.words) && r.words[i+1].seg == w.seg && !r.words[i+1].is(fNotName) {
		return false
	}
	if _, ok := r.lx.famous[k]; ok && r.lx.tokensOf(k) > 50 {
		return true
	}
	return r.lx.arabicGiven(k) || r.lx.tokensOf(k) >= 20
}

// lexMention is the mention of the lexicon phrase h at word i.
func (r *recognizer) lexMention(i int, h *hit) rasad.Mention {
	start := r.surfaceStart(r.words[i], h.strip)
	return rasad.Mention{Span: rasad.Span{Start: start, End: r.words[i+h.n-1].end}, Type: h.e.kind, Key: h.e.canonical,
		Canonical: h.e.canonical, Country: h.e.country, Sector: orgSector(h), Rule: h.e.lexRule, Confidence: 0.9}
}

// orgSector is an organization's kind from the lexicon (agency, outlet …).
func orgSector(h *hit) string {
	if h.e.kind == "ORG" {
		return h.e.sub
	}
	return ""
}

func sortMentions(ms []rasad.Mention) {
	// (stable: the order by start is one order; SortStableFunc allocates
	// nothing where sort.SliceStable made a swapper per call)
	if !slices.IsSortedFunc(ms, byStart) {
		slices.SortStableFunc(ms, byStart)
	}
}

func byStart(a, b rasad.Mention) int { return cmp.Compare(a.Start, b.Start) }

// Learner learns surnames over a collection, article by article.
type Learner struct {
	known    Known
	fullDocs map[string]int // articles naming the person in full, per surname form
}

// Input is one article's text for FindAll.
type Input struct {
	ID     string
	Text   string
	Tokens []text.Token
}

// joinable reports whether the one-word people a and b, a space apart, can
// be one name: b is no given name (which starts a new name), the two are
// not two well-known people, and a is no person of this article already (in «وبخ
// ترامب تيلرسون» the subject and the object of a verb stand side by side)
// nor a word (a conjunction, a common word, a nationality).
func joinable(lx *lexicons, a, b rasad.Mention) bool {
	ka, kb := text.Key(a.Text), text.Key(b.Text)
	famous := func(m rasad.Mention) bool { return strings.HasPrefix(m.Rule, "family name of a well-known person") }
	if strings.HasPrefix(kb, "و") || lx.has(kb, fGiven) || famous(a) && famous(b) || strings.Contains(a.Text, "_") || lx.isCommon(kb) {
		return false // (نادال فيدرير: two players; #محمد_بن_سلمان: a hashtag is a name of its own)
	}
	if strings.HasPrefix(kb, "ب") || strings.HasPrefix(kb, "ل") {
		if rest := kb[len("ب"):]; lx.isCommon(rest) || lx.has(rest, fNotName) || nounShaped(kb) {
			return false // داوسون بتسجيل: a verbal noun with its preposition
		}
	}
	if strings.HasPrefix(a.Rule, "surname of a person") || strings.HasPrefix(ka, "و") || strings.HasPrefix(ka, "ب") || lx.has(ka, fNotName) || lx.isCommon(ka) || nationality(lx, ka) {
		return false // (بأبو تريكة: a nickname after ب)
	}
	return !strings.HasPrefix(ka, "ال") || lx.has(ka, fGiven)
}

// givenBefore reports a given name right before offset at (رفائيل of
// «رفائيل نادال فيدرير»: نادال ends that name, and فيدرير starts another).
func givenBefore(lx *lexicons, src string, at int) bool {
	before := strings.TrimRight(src[:at], " ")
	if len(before) == len(src[:at]) {
		return false
	}
	return lx.has(text.Key(before[strings.LastIndexAny(before, " \n")+1:]), fGiven)
}

// lookUp sets w's lexicon entries of each reading, their flags, and the
// whole form's flags and phrase length.
func (w *word) lookUp(lx *lexicons) {
	for j, v := range w.vars.all() {
		if ki := lx.infoOf(v.key); ki != nil {
			w.infos[j] = ki
			w.flags |= ki.flags
		}
	}
	if ki := w.infos[0]; ki != nil {
		w.kflags, w.ktokens = ki.flags, ki.tokens
	}
}
