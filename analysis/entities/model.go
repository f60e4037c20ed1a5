package entities

// The statistical tagger (analysis/ner) beside the rules: Find calls
// withModel on the rules' mentions (the one hook in entities.go), which
// adds the model's names under a combination policy. Everything about the
// model in this package is in this file.

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/ner"
	"github.com/rasad/rasad/text"
)

// ModelPolicy says how the model's mentions join the rules'.
type ModelPolicy int32

const (
	// ModelOff: the rules alone.
	ModelOff ModelPolicy = iota
	// ModelFill: every rule mention stays; a model mention is added
	// where it overlaps none.
	ModelFill
	// ModelFirst: every model mention stays; a rule mention is added
	// where it overlaps none.
	ModelFirst
	// ModelLexicon: the rules' lexicon and ministry mentions stay (the
	// lexicon is sure of them); model mentions are added where they
	// overlap none of those; then the rules' pattern mentions where they
	// overlap nothing kept.
	ModelLexicon
	// ModelLonger: on an overlap the longer span wins (the rules' on a tie).
	ModelLonger
	// ModelOnly: the model alone (for evaluation).
	ModelOnly
	// ModelPlusLexicon: every model mention stays; the rules' lexicon and
	// ministry mentions are added where they overlap none; the rules'
	// patterns are left out.
	ModelPlusLexicon
	// ModelGated: ModelLonger with two exceptions learned by
	// cross-validation: a mention of a weakAlone rule that overlaps no
	// model mention is dropped, and one of a yieldsToModel rule loses to
	// any model mention it overlaps.
	ModelGated
)

var policyNames = [...]string{"off", "fill", "model-first", "lexicon-first", "longer", "model-only", "model+lexicon", "gated"}

// weakAlone are the rules (prefixes of Rule) whose mentions are kept only
// where the model found a name too. Chosen by 5-fold cross-validation on
// ANERcorp's training part (rasad train ner --cv 5): the precision of
// their mentions that overlapped no model mention was under the ~0.37 at
// which an added mention raises F1 (given name alone 0.26, name tokens
// 0.17). Other rules as weak there stay, for the seeds and the cases the
// model has not seen (the ministry pattern 0.00: ANERcorp marks such
// ministries otherwise; landmark word + name 0.07; institution head +
// name 0.22; role + name 0.00-0.33; places_odbl.tsv 0.32).
var weakAlone = []string{
	"given name alone",
	"name tokens",
}

// yieldsToModel are the rules whose mentions lose to an overlapping model
// mention whatever their lengths: where the two disagreed in
// cross-validation the model was right far more often (places_data.tsv 41
// against 9 and 17 against 3, places_odbl.tsv 8 against 0); the curated
// places.tsv and regions.tsv (whose longer names, أميركا الجنوبية, the
// model cuts) and the organization lexicons keep the longer span's rule.
var yieldsToModel = []string{
	"lexicon places_data.tsv",
	"lexicon places_odbl.tsv",
}

func hasRule(m rasad.Mention, rules []string) bool {
	for _, r := range rules {
		if strings.HasPrefix(m.Rule, r) {
			return true
		}
	}
	return false
}

func (p ModelPolicy) String() string {
	if int(p) < len(policyNames) {
		return policyNames[p]
	}
	return "unknown"
}

// ParseModelPolicy reads a policy name.
func ParseModelPolicy(s string) (ModelPolicy, bool) {
	for i, n := range policyNames {
		if n == s {
			return ModelPolicy(i), true
		}
	}
	return 0, false
}

// DefaultModelPolicy was chosen by 5-fold cross-validation over ANERcorp's
// training part (rasad train ner --cv 5): gated F1 0.745 against longer
// 0.735, rules alone 0.713 (model-first 0.749 and model-only 0.738 lose
// the seeds' ministries and lakes: rasad eval entities).
const DefaultModelPolicy = ModelGated

var modelPolicy atomic.Int32

func init() { modelPolicy.Store(int32(DefaultModelPolicy)) }

// SetModelPolicy sets how Find uses the model (ModelOff: rules alone) and
// returns the previous policy.
func SetModelPolicy(p ModelPolicy) ModelPolicy { return ModelPolicy(modelPolicy.Swap(int32(p))) }

// taggers keeps idle taggers with their word caches; unlike a sync.Pool
// it is not emptied by the garbage collector, so the caches stay warm.
var taggers = make(chan *taggerBox, 64)

// getBox returns an idle tagger, or a new one (nil without a model).
func getBox() *taggerBox {
	select {
	case b := <-taggers:
		return b
	default:
	}
	m, err := ner.Default()
	if err != nil {
		return nil
	}
	return &taggerBox{t: ner.NewTagger(m)}
}

func putBox(b *taggerBox) {
	select {
	case taggers <- b:
	default:
	}
}

// getTagger and putTagger are getBox and putBox for a tagger alone.
func getTagger() *ner.Tagger {
	if b := getBox(); b != nil {
		return b.t
	}
	return nil
}

func putTagger(t *ner.Tagger) { putBox(&taggerBox{t: t}) }

// findTagger is the tagger of a Find (nil when the policy is ModelOff or
// there is no model): buildWords indexes the text's words with it, and
// withModel tags with it.
func findTagger() *taggerBox {
	if ModelPolicy(modelPolicy.Load()) == ModelOff {
		return nil
	}
	return getBox()
}

// withModel is Find's hook: the rules' mentions combined with the model's
// under the current policy.
func withModel(src string, toks []text.Token, rules []rasad.Mention, common map[string]bool) []rasad.Mention {
	return withModelOf(nil, src, toks, rules, common)
}

// withModelOf is withModel with tagger b (nil: one of the pool's).
func withModelOf(b *taggerBox, src string, toks []text.Token, rules []rasad.Mention, common map[string]bool) []rasad.Mention {
	p := ModelPolicy(modelPolicy.Load())
	if p == ModelOff {
		return rules
	}
	if b == nil {
		if b = getBox(); b == nil {
			return rules // no model: the rules alone
		}
		defer putBox(b)
	}
	t := b.t
	mp := modelBufs.Get().(*[]rasad.Mention)
	var out []rasad.Mention
	if p == ModelGated || p == ModelLonger {
		// the model's mentions without their keys: filterModel and
		// combine read none, and most of them yield to the rules; the
		// kept ones get theirs after (keyModel)
		model := tagModel((*mp)[:0], t, src, toks, rules, common, false)
		// the rules' list is Find's own and read once, in order, before
		// anything is written over it: the result may take its place
		out = keyModel(combine(rules[:0], rules, model, p))
		*mp = model
	} else {
		*mp = tagModel((*mp)[:0], t, src, toks, rules, common, true)
		out = Combine(src, toks, rules, *mp, p)
	}
	model := *mp
	clear(model) // the pool keeps no strings alive
	*mp = model[:0]
	modelBufs.Put(mp)
	return out
}

// modelBufs keeps the lists of the model's mentions between texts.
var modelBufs = sync.Pool{New: func() any { return new([]rasad.Mention) }}

// TagModel runs the tagger, with the rules' mentions as hints when its
// model was trained with them, and returns its mentions.
func TagModel(t *ner.Tagger, src string, toks []text.Token, rules []rasad.Mention, common map[string]bool) []rasad.Mention {
	return tagModel(nil, t, src, toks, rules, common, true)
}

// tagModel is TagModel appending to dst; without keyed, the mentions'
// Key fields stay empty (keyModel fills them).
func tagModel(dst []rasad.Mention, t *ner.Tagger, src string, toks []text.Token, rules []rasad.Mention, common map[string]bool, keyed bool) []rasad.Mention {
	var hints []ner.Hint
	var hp *[]ner.Hint
	if t.Model().Hints {
		hp = hintBufs.Get().(*[]ner.Hint)
		hints = appendHints((*hp)[:0], rules)
	}
	// (the tagger's mentions are read here, before its next text)
	out := filterModel(toks, rules, appendModelMentions(dst, src, toks, t.TagHintsReused(src, toks, hints), common, keyed))
	if hp != nil {
		clear(hints) // (no string of this text stays in the pool)
		*hp = hints[:0]
		hintBufs.Put(hp)
	}
	return out
}

// hintBufs keeps tagModel's lists of hints between texts.
var hintBufs = sync.Pool{New: func() any { return new([]ner.Hint) }}

// filterModel drops the model's mentions that the rules have reasons to
// refuse and the tagger cannot see:
//   - a name inside a competition's name (أوروبا of a cup named after
//     the continent): the rules read the competition and emit nothing;
//   - one word naming a people or a community by its plural (الأكراد،
//     الأتراك، الفلسطينيين: groups.tsv and the sound plurals of the
//     nationality adjectives), which the model reads as an organization;
//   - a person of one word that the lexicon knows as a given name, where
//     no rule mention stands: the rules take a given name alone only in
//     the contexts that make it a name (a following verb or noun, سافر،
//     المتحف, says otherwise).
func filterModel(toks []text.Token, rules, ms []rasad.Mention) []rasad.Mention {
	lx := load()
	out := ms[:0]
	// starts[k]: whether token k starts a competition's name (0: not yet
	// known, 1: no, 2: yes), for the windows of the mentions, which overlap
	var starts []int8
	if len(ms) > 0 {
		sp := startBufs.Get().(*[]int8)
		defer func() { *sp = starts[:0]; startBufs.Put(sp) }()
		starts = append((*sp)[:0], make([]int8, len(toks))...)
	}
	var byRule spanIndex // made on first use
	indexed := false
	for _, m := range ms {
		first := tokenFrom(toks, m.Start)
		last := sort.Search(len(toks), func(i int) bool { return toks[i].End >= m.End })
		if first >= len(toks) || last >= len(toks) {
			out = append(out, m)
			continue
		}
		if inCompetitionMemo(lx, toks, first, last, starts) {
			continue
		}
		if first == last && lx.groupWord(toks[first].Key) {
			continue // الأكراد، الفلسطينيون: a people, no name (groups.tsv)
		}
		if m.Type == "LOC" && first == last && first > 0 && lx.nisbaCountry(toks[first].Key) && toks[first-1].Kind == text.Word &&
			strings.HasPrefix(toks[first-1].Key, "ال") && !lx.notName[toks[first-1].Key] && len(lx.byFirst[toks[first-1].Key]) == 0 {
			continue // الجماهير السعودية: the adjective (see nisbaAfterNoun)
		}
		if m.Type == "PERSON" && first == last && lx.given[text.StripConj(toks[first].Key)] {
			// (through an index of the rules' spans: a long text has
			// thousands of each, and comparing all was quadratic)
			if !indexed {
				byRule, indexed = newSpanIndex(rules), true
			}
			if !byRule.any(m) {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// groupWord reports a word key that is the plural of a people or a
// community with the article, after a clitic or not (الأكراد، والأتراك،
// للفلسطينيين): a group, never a name of one word.
func (l *lexicons) groupWord(k string) bool {
	k = text.StripConj(k)
	for _, p := range [...]string{"ال", "بال", "لل", "كال"} {
		if rest, ok := strings.CutPrefix(k, p); ok {
			return l.groups[rest]
		}
	}
	return false
}

// startBufs keeps filterModel's buffers between texts.
var startBufs = sync.Pool{New: func() any { return new([]int8) }}

// inCompetition reports tokens first..last inside a competition's name of
// the lexicons (the phrase starting at most six tokens before).
func inCompetition(lx *lexicons, toks []text.Token, first, last int) bool {
	return inCompetitionMemo(lx, toks, first, last, nil)
}

// inCompetitionMemo is inCompetition remembering in starts (nil, or one
// per token: 0 unknown, 1 no, 2 yes) which tokens may start a
// competition's name.
func inCompetitionMemo(lx *lexicons, toks []text.Token, first, last int, starts []int8) bool {
	for k := max(0, first-6); k <= first; k++ {
		if starts != nil && starts[k] != 0 {
			if starts[k] == 1 {
				continue
			}
		} else {
			ki := lx.infoOf(toks[k].Key)
			may := ki != nil && ki.flags&fCompetition != 0
			if starts != nil {
				starts[k] = 1
				if may {
					starts[k] = 2
				}
			}
			if !may {
				continue // (most words start no competition: one bit test)
			}
		}
		for _, e := range lx.competitions[toks[k].Key] {
			if k+len(e.words)-1 < last || k+len(e.words) > len(toks) {
				continue
			}
			match := true
			for j, w := range e.words[1:] {
				if toks[k+1+j].Key != w {
					match = false
					break
				}
			}
			if match {
				return true
			}
		}
	}
	return false
}

// Hints are the rules' mentions as the tagger's hints (sorted by start).
func Hints(rules []rasad.Mention) []ner.Hint {
	return appendHints(make([]ner.Hint, 0, len(rules)), rules)
}

// appendHints is Hints appending to hs (empty).
func appendHints(hs []ner.Hint, rules []rasad.Mention) []ner.Hint {
	for _, m := range rules {
		typ := m.Type
		if typ == "PERSON" {
			typ = "PERS"
		}
		hs = append(hs, ner.Hint{Start: m.Start, End: m.End, Type: typ, Sure: lexiconSure(m)})
	}
	slices.SortStableFunc(hs, func(a, b ner.Hint) int { return cmp.Compare(a.Start, b.Start) })
	return hs
}

// ModelMentions turns the tagger's names into mentions, cleaned:
//   - a coordination of lexicon names read as one (الولايات المتحدة والناتو)
//     is split before the conjunction;
//   - a word at either end with tanween (قريباً), or one of the lexicon's
//     not-a-name words (function words, reporting verbs), is left out, and
//     so is, at either end of a person's name, a common word of the
//     collection (see CommonWords: سافر، هدفا); a person cut down to one
//     word is dropped;
//   - a clitic is left out of the span when the rest starts with the
//     article (وال، بال، لل), is a lexicon name, or stands alone elsewhere
//     in the text (وبوتين … بوتين), unless the whole word is a lexicon name
//     (وليد، واشنطن); a foreign name's first letter stays (فوربس).
func ModelMentions(src string, toks []text.Token, ms []ner.Mention, common map[string]bool) []rasad.Mention {
	return appendModelMentions(make([]rasad.Mention, 0, len(ms)), src, toks, ms, common, true)
}

// appendModelMentions is ModelMentions appending to out, with the
// mentions' keys when keyed.
func appendModelMentions(out []rasad.Mention, src string, toks []text.Token, ms []ner.Mention, common map[string]bool, keyed bool) []rasad.Mention {
	lx := load()
	known := lx.known // len(lx.byFirst[k]) > 0 || lx.given[k]
	// inText: the word stands alone elsewhere in the text (بوتين beside
	// وبوتين), so a clitic on it is a clitic, not its first letter (فوربس)
	var bare map[string]bool
	scans := 0
	inText := func(k string) bool {
		if bare == nil && scans < 4 {
			// the first few questions read the tokens (few texts ask
			// more; the map of every word cost more than the questions)
			scans++
			for _, tk := range toks {
				if tk.Kind == text.Word && tk.Key == k {
					return true
				}
			}
			return false
		}
		if bare == nil {
			bare = make(map[string]bool, len(toks)/2) // sized once: growing it was a tenth of Find's allocation
			for _, tk := range toks {
				if tk.Kind == text.Word {
					bare[tk.Key] = true
				}
			}
		}
		return bare[k]
	}
	sp := segBufs.Get().(*[]ner.Mention)
	segs := (*sp)[:0]
	defer func() { *sp = segs[:0]; segBufs.Put(sp) }() // (their types are the package's constants: no string of the text stays)
	var conjBuf [8]int
	conj := conjBuf[:0] // tokens a split left opening a segment with و
	for _, m := range ms {
		// a coordination the model read as one name (الولايات المتحدة
		// والناتو): split before a word whose conjunction stands on a
		// lexicon name
		from := m.First
		for k := m.First + 1; k <= m.Last; k++ {
			tk := toks[k]
			if tk.Kind == text.Word && (strings.HasPrefix(tk.Key, "و") || strings.HasPrefix(tk.Key, "ف")) && !known(tk.Key) && known(tk.Key[len("و"):]) ||
				m.Type == "PERS" && joinsTwoNames(lx, toks, from, k, m.Last) {
				seg := m
				seg.First, seg.Last = from, k-1
				segs = append(segs, seg)
				from = k
				conj = append(conj, k)
			}
		}
		seg := m
		seg.First = from
		segs = append(segs, seg)
	}
	for _, m := range segs {
		first, last := m.First, m.Last
		// a common word (common_words.tsv) is no part of a person's name,
		// but one with the article ends a longer name as a laqab (علي
		// الكيماوي) and is dropped only alone (الإسلام)
		single := m.First == m.Last
		notName := func(t text.Token) bool {
			return tanween(src, t) || t.Kind == text.Word && (lx.notName[t.Key] || lx.notName[text.StripConj(t.Key)]) ||
				m.Type == "PERS" && t.Kind == text.Word && (collectionCommon(lx, common, t.Key) || lx.isCommon(t.Key) && (single || !hasArticle(t.Key)))
		}
		for first <= last && (notName(toks[first]) || m.Type == "PERS" && toks[first].Kind == text.Word && nationality(lx, toks[first].Key)) {
			first++ // (a nationality adjective only starts no name: يوسف روسي، جون كندي end with one)
		}
		for last >= first && notName(toks[last]) {
			last--
		}
		// a name does not end on بن، أبو، عبد: the word cut after it was its own
		// (يوسف بن علوي though the collection writes العلوي)
		for last < m.Last && last >= first && toks[last].Kind == text.Word && lx.nameJoiner[toks[last].Key] {
			last++
		}
		if first > last || m.Type == "PERS" && first == last && last-first < m.Last-m.First {
			continue // a person's name cut down to one word: the model's evidence was the whole span
		}
		start, end := toks[first].Start, toks[last].End
		if ft := toks[first]; ft.Kind == text.Word && !known(ft.Key) {
			vs := cliticVariants(ft.Key)
			strip := 0
			for _, v := range vs.all()[1:] {
				if strings.HasPrefix(v.key, "ال") || known(v.key) || inText(v.key) {
					strip = v.strip
				}
			}
			if slices.Contains(conj, first) {
				strip = 1 // the و that joined the two names
			}
			if strip > 0 {
				start = (&recognizer{src: src}).surfaceStart(word{start: ft.Start, end: ft.End}, strip)
			}
		}
		typ := m.Type
		if typ == "PERS" {
			typ = "PERSON"
		}
		mn := rasad.Mention{Span: rasad.Span{Start: start, End: end}, Text: src[start:end], Type: typ,
			Rule: ner.Rule, Confidence: math.Round(100/(1+math.Exp(-m.Margin/4))) / 100}
		if keyed {
			setModelKey(&mn)
		}
		out = append(out, mn)
	}
	return out
}

// segBufs keeps appendModelMentions' lists of segments between texts.
var segBufs = sync.Pool{New: func() any { return new([]ner.Mention) }}

// setModelKey sets the Key of a mention of the model.
func setModelKey(m *rasad.Mention) {
	if m.Type == "PERSON" {
		m.Key = NameKey(m.Text)
	} else {
		m.Key = text.Key(m.Text)
	}
}

// keyModel sets the keys of the model's mentions in ms, made without
// them (tagModel with keyed false).
func keyModel(ms []rasad.Mention) []rasad.Mention {
	for i := range ms {
		if ms[i].Rule == ner.Rule && ms[i].Key == "" {
			setModelKey(&ms[i])
		}
	}
	return ms
}

// joinsTwoNames: the token k of a person span opens a second full name
// with و (كيم داي جونغ وهو تشي منه): two words or more on each side, and
// the و-word is neither a name of its own (وليد، وائل) nor a joiner (ولد).
// (A small rule of the timelines helper, s4-tl.)
func joinsTwoNames(lx *lexicons, toks []text.Token, from, k, last int) bool {
	tk := toks[k]
	if !strings.HasPrefix(tk.Key, "و") || len([]rune(tk.Key)) < 3 || lx.given[tk.Key] || len(lx.byFirst[tk.Key]) > 0 || lx.nameJoiner[tk.Key] {
		return false
	}
	words := func(a, b int) int {
		n := 0
		for j := a; j <= b; j++ {
			if toks[j].Kind == text.Word {
				n++
			}
		}
		return n
	}
	return words(from, k-1) >= 2 && words(k, last) >= 2
}

// collectionCommon reports a word the collection writes as a common word
// (CommonWords: سافر، هدفا) that the name lists do not know as a given name
// or a frequent name token: a collection writes حسن، سعيد، جمال with the
// article too (الحسن، السعيد), and they still are names.
func collectionCommon(lx *lexicons, common map[string]bool, k string) bool {
	s := text.StripConj(k)
	if !common[k] && !common[s] {
		return false
	}
	for _, w := range [2]string{k, s} {
		if lx.given[w] || lx.nameTokens[w] >= 20 {
			return false
		}
	}
	return true
}

// nationality reports an indefinite nationality adjective that is no
// given name (روسي، إيراني; تركي is also a name): no part of a person's name.
func nationality(lx *lexicons, k string) bool {
	k = text.StripConj(k)
	return lx.adjective(k) && !hasArticle(k) && !lx.given[k]
}

// adjective reports a one-word lexicon entry of key k that is an adjective
// of a nationality or a place (البرازيلي، الإسبانية، مصري).
func (l *lexicons) adjective(k string) bool {
	ki := l.infoOf(k)
	return ki != nil && ki.single != nil && ki.single.kind == "ADJ"
}

// hasArticle reports a word key with the article, after a clitic or not.
func hasArticle(k string) bool {
	k = text.StripConj(k)
	return strings.HasPrefix(k, "ال") || strings.HasPrefix(k, "بال") || strings.HasPrefix(k, "لل") || strings.HasPrefix(k, "كال")
}

// tanween reports a word written with tanween (ً ٌ ٍ).
func tanween(src string, t text.Token) bool {
	if t.Kind != text.Word {
		return false
	}
	// U+064B–U+064D are D9 8B–D9 8D in UTF-8, never part of another rune
	s := src[t.Start:t.End]
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xD9 && 0x8B <= s[i+1] && s[i+1] <= 0x8D {
			return true
		}
	}
	return false
}

func overlaps(a, b rasad.Mention) bool { return a.Start < b.End && b.Start < a.End }

// spanIndex finds the mentions of a list that overlap a span in time
// proportional to the longest mention, not to the list: Combine compared
// every rule mention with every model mention before, quadratic in a long
// text's length (a 4 MB article spent 17 of its 21 CPU seconds there).
type spanIndex struct {
	ms     []rasad.Mention
	order  []int32 // the indexes of ms by start (a stable order); nil when ms is sorted
	maxLen int
}

func newSpanIndex(ms []rasad.Mention) spanIndex {
	ix := spanIndex{ms: ms}
	if !slices.IsSortedFunc(ms, func(a, b rasad.Mention) int { return cmp.Compare(a.Start, b.Start) }) {
		// a sorted list is its own index; another is read through its
		// indexes in the order a stable sort would give it
		ix.order = make([]int32, len(ms))
		for i := range ix.order {
			ix.order[i] = int32(i)
		}
		slices.SortStableFunc(ix.order, func(a, b int32) int { return cmp.Compare(ms[a].Start, ms[b].Start) })
	}
	for _, m := range ix.ms {
		ix.maxLen = max(ix.maxLen, m.End-m.Start)
	}
	return ix
}

// at is the i-th mention by start.
func (ix spanIndex) at(i int) *rasad.Mention {
	if ix.order != nil {
		return &ix.ms[ix.order[i]]
	}
	return &ix.ms[i]
}

// each calls f with every mention overlapping m, until f returns false.
func (ix spanIndex) each(m rasad.Mention, f func(rasad.Mention) bool) {
	// the mentions starting before m ends, walked back while they could
	// still reach into m
	i := sort.Search(len(ix.ms), func(i int) bool { return ix.at(i).Start >= m.End })
	for i--; i >= 0 && ix.at(i).Start+ix.maxLen > m.Start; i-- {
		if x := ix.at(i); overlaps(*x, m) && !f(*x) {
			return
		}
	}
}

// any reports a mention overlapping m.
func (ix spanIndex) any(m rasad.Mention) bool {
	found := false
	ix.each(m, func(rasad.Mention) bool { found = true; return false })
	return found
}

// lexiconSure reports a rule mention that a lexicon entry or the ministry
// pattern made.
func lexiconSure(m rasad.Mention) bool {
	return strings.HasPrefix(m.Rule, "lexicon ") || m.Rule == "ministry + nationality"
}

// Combine joins the rules' and the model's mentions under policy p; the
// result is sorted by start.
func Combine(src string, toks []text.Token, rules, model []rasad.Mention, p ModelPolicy) []rasad.Mention {
	if p == ModelOff {
		return rules
	}
	return combine(make([]rasad.Mention, 0, len(rules)+len(model)), rules, model, p)
}

// combine is Combine appending to out (empty). out may share rules'
// array for ModelLonger and ModelGated only, which read each rule once,
// in order, before writing at or before its place.
func combine(out, rules, model []rasad.Mention, p ModelPolicy) []rasad.Mention {
	addFree := func(ms []rasad.Mention, keep func(rasad.Mention) bool) {
		kept := newSpanIndex(out)
		for _, m := range ms {
			if keep != nil && !keep(m) {
				continue
			}
			if !kept.any(m) {
				out = append(out, m)
			}
		}
	}
	switch p {
	case ModelOff:
		return append(out, rules...)
	case ModelOnly:
		out = append(out, model...)
	case ModelFill:
		out = append(out, rules...)
		addFree(model, nil)
	case ModelFirst:
		out = append(out, model...)
		addFree(rules, nil)
	case ModelLexicon:
		addFree(rules, lexiconSure)
		addFree(model, nil)
		addFree(rules, func(m rasad.Mention) bool { return !lexiconSure(m) })
	case ModelPlusLexicon:
		out = append(out, model...)
		addFree(rules, lexiconSure)
	case ModelLonger, ModelGated:
		byModel := newSpanIndex(model)
		for _, m := range rules {
			keep, free := true, true
			byModel.each(m, func(x rasad.Mention) bool {
				free = false
				if x.End-x.Start > m.End-m.Start || p == ModelGated && hasRule(m, yieldsToModel) {
					keep = false
					return false
				}
				return true
			})
			if free && p == ModelGated && hasRule(m, weakAlone) {
				keep = false
			}
			if keep {
				out = append(out, m)
			}
		}
		addFree(model, nil)
	}
	sortMentions(out)
	return out
}
