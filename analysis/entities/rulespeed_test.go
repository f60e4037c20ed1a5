package entities

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/text"
)

// flagSets are the word sets that keyInfo's flags stand for (see
// lexicons.has and word.is).
func flagSets(lx *lexicons) map[uint64]map[string]bool {
	return map[uint64]map[string]bool{
		fGiven: lx.given, fKunya: kunyaStarts, fInstHead: institutionHeads, fBodyHead: bodyHeads,
		fNotName: lx.notName, fMonth: lx.months, fJoiner: lx.nameJoiner, fTaMarbuta: lx.givenTaMarbuta,
		fCommonLex: lx.commonWords, fOrdinal: lx.ordinals, fAlSurname: lx.alSurnames, fForeign: lx.foreign,
		fArabic: lx.arabic, fFederation: {"الاتحاد": true}, fFacility: facilityNouns,
		fChainHead: chainHeadSet(), fOutletHead: outletHeads, fCorpSuffix: corporateSuffixes,
	}
}

// chainHeadSet is chainHeads and definiteChainHeads, which fChainHead
// stands for.
func chainHeadSet() map[string]bool {
	m := map[string]bool{}
	for _, s := range []map[string]bool{chainHeads, definiteChainHeads} {
		for k := range s {
			m[k] = true
		}
	}
	return m
}

// flagKeys are the keys to check the flags with: every key of every set
// and of info, the words and clitic readings of sentences of our own, of
// the corpus (when present) and random strings of Arabic letters.
func flagKeys(t *testing.T) []string {
	lx := load()
	var keys []string
	for _, m := range flagSets(lx) {
		for k := range m {
			keys = append(keys, k)
		}
	}
	for k := range lx.info {
		keys = append(keys, k)
	}
	for k := range lx.nameTokens {
		keys = append(keys, k)
	}
	srcs := []string{
		"قال وزير الخارجية كريم منصور للصحفيين في باريس وبالقاهرة إن الأمم المتحدة ستجتمع في مارس",
		"وأعلن الاتحاد المحلي لكرة السلة ضم اللاعب ماركو بيلوني بن سالم أبو الريش من فريق الساحل",
		"xyz 2024 ، ؟ فللمدينة وكالجبل وعلي على آن",
	}
	if docs, ok := testcorpus.LoadIfPresent(t, 300); ok {
		for _, d := range docs {
			srcs = append(srcs, d.Text)
		}
	}
	for _, src := range srcs {
		for _, tk := range text.Tokenize(src) {
			vs := cliticVariants(tk.Key)
			for _, v := range vs.all() {
				keys = append(keys, v.key)
			}
		}
	}
	rng := rand.New(rand.NewSource(11))
	letters := []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأإآؤئ ")
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.Intn(8) {
			b.WriteRune(letters[rng.Intn(len(letters))])
		}
		keys = append(keys, b.String())
	}
	return keys
}

// has, word.is and tokensOf answer what the maps they replace answer.
func TestFlagsSameAsSets(t *testing.T) {
	lx := load()
	sets := flagSets(lx)
	for _, k := range flagKeys(t) {
		for f, m := range sets {
			if got, want := lx.has(k, f), m[k]; got != want {
				t.Fatalf("has(%q, %b) = %v, set says %v", k, f, got, want)
			}
		}
		if got, want := lx.tokensOf(k), lx.nameTokens[k]; got != want {
			t.Fatalf("tokensOf(%q) = %d, want %d", k, got, want)
		}
		_, famous := lx.famous[k]
		if got := lx.has(k, fFamous); got != famous {
			t.Fatalf("has(%q, fFamous) = %v, famous %v", k, got, famous)
		}
		if got, want := lx.isCommon(k), isCommonRef(lx, k); got != want {
			t.Fatalf("isCommon(%q) = %v, want %v", k, got, want)
		}
		if got, want := lx.alSurname(k), alSurnameRef(lx, k); got != want {
			t.Fatalf("alSurname(%q) = %v, want %v", k, got, want)
		}
		if ki := lx.infoOf(k); (ki != nil && ki.single != nil || lx.single[k] != nil) && (ki == nil || ki.single != lx.single[k]) {
			t.Fatalf("infoOf(%q).single is not single[%q]", k, k)
		}
		if got, want := facilityWord(k), facilityWordRef(k); got != want {
			t.Fatalf("facilityWord(%q) = %v, want %v", k, got, want)
		}
		if got, want := lx.arabicGiven(k), lx.arabic[k] && !lx.foreign[k]; got != want {
			t.Fatalf("arabicGiven(%q) = %v, want %v", k, got, want)
		}
		r := &recognizer{lx: lx}
		_, famous = lx.famous[k]
		if got, want := r.knownAsName(k), lx.nameTokens[k] > 0 || famous || lx.alSurnames[k]; got != want {
			t.Fatalf("knownAsName(%q) = %v, want %v", k, got, want)
		}
	}
	// a word's own entry, and the givenExact gate: the key of every exact
	// spelling carries the flag
	for s := range lx.givenExact {
		ws := buildWords(nil, s, text.Tokenize(s))
		if len(ws) != 1 || !ws[0].is(fGivenExact) {
			t.Fatalf("givenExact %q: words %d, no flag", s, len(ws))
		}
	}
	for _, e := range lx.byFirst {
		for _, g := range e {
			if g.lexRule != "lexicon "+g.ref || g.roleRule != "role + name ("+g.ref+")" || g.club != lx.clubNames[strings.Join(g.words, " ")] {
				t.Fatalf("entry %v: rules or club flag not made", g.words)
			}
		}
	}
}

func facilityWordRef(k string) bool {
	if facilityNouns[k] {
		return true
	}
	k = text.StripConj(k)
	if facilityNouns[k] {
		return true
	}
	for _, p := range [...]string{"ب", "ل", "ك"} {
		if rest, ok := strings.CutPrefix(k, p); ok && facilityNouns[rest] {
			return true
		}
	}
	return false
}

func isCommonRef(l *lexicons, k string) bool {
	if l.commonWords[k] {
		return true
	}
	k = text.StripConj(k)
	if l.commonWords[k] {
		return true
	}
	for _, p := range [...]string{"ال", "بال", "لل", "كال"} {
		if rest, ok := strings.CutPrefix(k, p); ok {
			return l.commonWords[rest]
		}
	}
	return false
}

func alSurnameRef(l *lexicons, k string) bool {
	if l.ordinals[k] || l.notName[k] {
		return false
	}
	if l.alSurnames[k] || l.nameTokens[k] > 0 {
		return true
	}
	return strings.HasSuffix(k, "ي") && utf8.RuneCountInString(k) >= 6 && !strings.HasSuffix(k, "يي")
}

// randomText mixes Arabic letters, spaces of several kinds, Latin and
// invalid bytes.
func randomText(rng *rand.Rand, n int) string {
	parts := []string{"ا", "ب", "ي", "ش", "ز", "ة", "غ", " ", "  ", "\u00a0", "\u2003", "\t", "\n", "a", "\xff", "\xd8", "\xe2\x80", "ال", "x"}
	var b strings.Builder
	for range rng.Intn(n + 1) {
		b.WriteString(parts[rng.Intn(len(parts))])
	}
	return b.String()
}

// lastField is the last of strings.Fields.
func TestLastFieldSameAsReference(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for range 200000 {
		s := randomText(rng, 12)
		fs := strings.Fields(s)
		last, more := lastField(s)
		var want string
		if len(fs) > 0 {
			want = fs[len(fs)-1]
		}
		if last != want || more != (len(fs) >= 2) {
			t.Fatalf("lastField(%q) = %q, %v; Fields %q", s, last, more, fs)
		}
	}
}

// An infoSlot fills one cache line.
func TestInfoSlotSize(t *testing.T) {
	if n := unsafe.Sizeof(infoSlot{}); n != 64 {
		t.Fatalf("infoSlot is %d bytes, want 64", n)
	}
}

// infoOf (bit table, then infoSlots or the map) gives info's entry for
// every key: the lexicons', the corpus', random ones.
func TestInfoSlotsSameAsMap(t *testing.T) {
	lx := load()
	n := 0
	for _, k := range flagKeys(t) {
		if got, want := lx.infoOf(k), lx.info[k]; got != want {
			t.Fatalf("infoOf(%q) = %p, info %p", k, got, want)
		}
		if len(k) > slotKeyMax && lx.info[k] != nil {
			n++
		}
	}
	if n == 0 {
		t.Fatal("no key longer than a slot checked")
	}
}

// The keys spread over infoSlots: probes stay short.
func TestInfoSlotsProbes(t *testing.T) {
	lx := load()
	mask := uint64(len(lx.infoSlots) - 1)
	total, worst, n := 0, 0, 0
	for k := range lx.info {
		if len(k) == 0 || len(k) > slotKeyMax {
			continue
		}
		p := 1
		for i := slotOf(keyHash(k), mask); string(lx.infoSlots[i].key[:lx.infoSlots[i].klen]) != k; i = (i + 1) & mask {
			p++
		}
		total += p
		worst = max(worst, p)
		n++
	}
	if avg := float64(total) / float64(n); avg > 2.5 || testing.Verbose() {
		t.Logf("%.2f probes per key on average (worst %d)", avg, worst)
	}
	if avg := float64(total) / float64(n); avg > 2.5 {
		t.Fatalf("%.2f probes per key on average (worst %d)", avg, worst)
	}
}

// pairMay holds for every pair that starts a phrase, and for few others.
func TestPairMay(t *testing.T) {
	lx := load()
	for two := range lx.byTwo {
		a, b, _ := strings.Cut(two, "\x00")
		if !lx.pairMay(a, b) {
			t.Fatalf("pairMay(%q, %q) = false, byTwo has it", a, b)
		}
	}
	keys := flagKeys(t)
	rng := rand.New(rand.NewSource(5))
	yes, n := 0, 20000
	for range n {
		a, b := keys[rng.Intn(len(keys))], keys[rng.Intn(len(keys))]
		if lx.pairMay(a, b) && lx.byTwo[a+"\x00"+b] == nil {
			yes++
		}
	}
	if yes > n/10 {
		t.Fatalf("pairMay true for %d of %d random pairs that start no phrase", yes, n)
	}
}

// isBare answers what the map of the text's readings without the article
// answers, by its passes over the words and by the map after them.
func TestIsBareSameAsMap(t *testing.T) {
	srcs := []string{"قال الوزير إن وزير الخارجية والوزير السابق بالوزير التقيا في الرياض ورياض"}
	if docs, ok := testcorpus.LoadIfPresent(t, 100); ok {
		for _, d := range docs {
			srcs = append(srcs, d.Text)
		}
	}
	for _, src := range srcs {
		toks := text.Tokenize(src)
		r := &recognizer{lx: load(), src: src, toks: toks}
		r.words = buildWords(nil, src, toks)
		ref := map[string]bool{}
		var queries []string
		for _, w := range r.words {
			for _, v := range w.vars.all() {
				if !strings.HasPrefix(v.key, "ال") {
					ref[v.key] = true
				}
				queries = append(queries, v.key, strings.TrimPrefix(v.key, "ال"), v.key+"ه")
			}
		}
		for qi, q := range queries {
			if got := r.isBare(q); got != ref[q] {
				t.Fatalf("query %d: isBare(%q) = %v, want %v", qi, q, got, ref[q])
			}
		}
		if len(queries) > bareScanMax && !r.bareDone {
			t.Fatal("the map was never made")
		}
	}
}
