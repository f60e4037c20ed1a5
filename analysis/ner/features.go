package ner

import (
	"cmp"
	"maps"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rasad/rasad/lexicon"
	"github.com/rasad/rasad/text"
)

// A feature is a template (what is looked at: the word's key, the next
// word's clitic-stripped form, a lexicon category …) and a value. Both are
// hashed into 32 bits; the model stores the weights of the hashes it kept.
// Explain rebuilds the names of the features of a token from the same
// slots, so what the model says of a mention is what it used.

// template ids; their names are the feature names' prefixes.
const (
	tBias = iota
	tKey
	tStrip
	tStem
	tClitic
	tPre1
	tPre2
	tPre3
	tSuf1
	tSuf2
	tSuf3
	tShape
	tKeyM1
	tKeyM2
	tKeyP1
	tKeyP2
	tStripM1
	tStripP1
	tShapeM1
	tShapeP1
	tBiM1
	tBiP1
	tLex
	tLexM1
	tLexP1
	tLexM2
	tLexP2
	tSentStart
	tSentShape
	tHint
	tHintM1
	tHintP1
	tCliticM1
	tCliticP1
	tStemM1
	tStemP1
	tSuf2M1
	tSuf2P1
	nTemplates
)

var templateNames = [nTemplates]string{
	"bias", "w", "w.strip", "w.stem", "w.clitics", "w.pre1", "w.pre2", "w.pre3", "w.suf1", "w.suf2", "w.suf3", "w.shape",
	"w-1", "w-2", "w+1", "w+2", "w-1.strip", "w+1.strip", "w-1.shape", "w+1.shape", "w-1|w", "w|w+1",
	"lex", "w-1.lex", "w+1.lex", "w-2.lex", "w+2.lex", "sentence-start", "sentence-start|shape",
	"rules", "w-1.rules", "w+1.rules",
	"w-1.clitics", "w+1.clitics", "w-1.stem", "w+1.stem", "w-1.suf2", "w+1.suf2",
}

// slot ids: the per-token values that templates look at.
const (
	sKey = iota
	sStrip
	sStem
	sClitic
	sPre1
	sPre2
	sPre3
	sSuf1
	sSuf2
	sSuf3
	sShape
	nSlots
)

// tokInfo is what the features of one token are made of.
type tokInfo struct {
	val [nSlots]string
	h   [nSlots]uint64
	tokMarks
}

// tokMarks is the part of a token's features that depends on its
// neighbours. The fast path keeps only these per token (40 bytes, where a
// whole tokInfo is ~300: writing those per token was memory traffic).
type tokMarks struct {
	lexB  uint64 // bit c: a phrase of lexicon category c starts here
	lexI  uint64 // bit c: a phrase of lexicon category c continues here
	hint  string // what the rules say of the token ("PERS:B:lexicon", "")
	start bool   // first token of a sentence
}

// Hint is a name another recognizer (Rasad's rules) found: a feature of
// the tokens it covers. Sure marks a lexicon match.
type Hint struct {
	Start, End int
	Type       string // PERS, LOC or ORG
	Sure       bool
}

// markHints sets the hint of the tokens the hints cover (hints sorted by start).
func markHints(toks []text.Token, ti []tokMarks, hints []Hint) {
	j := 0
	for _, h := range hints {
		for j < len(toks) && toks[j].End <= h.Start {
			j++
		}
		// the hint's two values (B and I), made once per hint
		var names [2]string
		for k := j; k < len(toks) && toks[k].Start < h.End; k++ {
			if ti[k].hint != "" {
				continue
			}
			bi := 1
			if k == j {
				bi = 0
			}
			if names[bi] == "" {
				sure := ":pattern"
				if h.Sure {
					sure = ":lexicon"
				}
				names[bi] = hintName(h.Type, [2]string{":B", ":I"}[bi], sure)
			}
			ti[k].hint = names[bi]
		}
	}
}

// hintNames holds the hint values of the three types (Types order), by
// :B/:I and :pattern/:lexicon, made once.
var hintNames = func() (out [3][2][2]string) {
	for t, ty := range Types {
		for b, bi := range []string{":B", ":I"} {
			for s, sure := range []string{":pattern", ":lexicon"} {
				out[t][b][s] = ty + bi + sure
			}
		}
	}
	return out
}()

// hintName is ty+bi+sure, without allocating for the usual types.
func hintName(ty, bi, sure string) string {
	t := -1
	switch ty {
	case "PERS":
		t = 0
	case "LOC":
		t = 1
	case "ORG":
		t = 2
	}
	b, s := -1, -1
	switch bi {
	case ":B":
		b = 0
	case ":I":
		b = 1
	}
	switch sure {
	case ":pattern":
		s = 0
	case ":lexicon":
		s = 1
	}
	if t < 0 || b < 0 || s < 0 {
		return ty + bi + sure
	}
	return hintNames[t][b][s]
}

const fnvOffset, fnvPrime = 14695981039346656037, 1099511628211

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix is splitmix64's finalizer over a template and a value hash.
func mix(t int, v uint64) uint32 {
	x := v ^ (uint64(t+1) * 0x9E3779B97F4A7C15)
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	h := uint32(x)
	if h == 0 {
		h = 1 // 0 marks an empty slot of the table
	}
	return h
}

func mix2(t int, a, b uint64) uint32 { return mix(t, a*31+b^0x5bd1e995) }

// stripClitics removes a conjunction (و ف), then the article with or
// without a preposition (ال بال كال لل وال), from a key, and returns the
// rest and the clitics it removed ("و+ال"). A bare ب ل ك is kept: too many
// names start with those letters (بلير، لندن، كابول); the lexicon features
// try that reading instead.
func stripClitics(k string) (rest, clitics string) {
	n := utf8.RuneCountInString(k)
	rest = k
	if n >= 4 && (strings.HasPrefix(rest, "و") || strings.HasPrefix(rest, "ف")) {
		r := rest[len("و"):]
		if strings.HasPrefix(r, "ال") || strings.HasPrefix(r, "لل") || strings.HasPrefix(r, "بال") || strings.HasPrefix(r, "كال") || n >= 5 {
			clitics = rest[:len("و")] + "+"
			rest = r
			n--
		}
	}
	switch {
	case n >= 5 && (strings.HasPrefix(rest, "بال") || strings.HasPrefix(rest, "كال")):
		clitics += rest[:len("ب")] + "+ال"
		rest = rest[len("بال"):]
	case n >= 4 && strings.HasPrefix(rest, "لل"):
		clitics += "ل+ال"
		rest = rest[len("لل"):]
	case n >= 4 && strings.HasPrefix(rest, "ال"):
		clitics += "ال"
		rest = rest[len("ال"):]
	}
	return rest, clitics
}

// runePrefix and runeSuffix return the first and last n runes of s, or ""
// when s is shorter.
func runePrefix(s string, n int) string {
	i := 0
	for ; n > 0; n-- {
		if i >= len(s) {
			return ""
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

func runeSuffix(s string, n int) string {
	i := len(s)
	for ; n > 0; n-- {
		if i <= 0 {
			return ""
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// punctShape holds "P" + c for the ASCII punctuation c, allocated once.
var punctShape = func() (out [utf8.RuneSelf]string) {
	for c := range out {
		out[c] = "P" + string(rune(c))
	}
	return out
}()

var lengthShape = [...]string{"W0", "W1", "W2", "W3", "W4", "W4", "W6", "W6", "W6", "W9"}

// shape is a token's kind and form: W<length bucket>, L<length bucket>
// for Latin words, N for numbers, P<char> for punctuation.
func shape(t text.Token, src string) string {
	switch t.Kind {
	case text.Number:
		return "N"
	case text.Punct:
		if len(t.Key) == 1 && t.Key[0] < utf8.RuneSelf {
			return punctShape[t.Key[0]]
		}
		return "P" + t.Key
	}
	n := utf8.RuneCountInString(t.Key)
	if n >= len(lengthShape) {
		n = len(lengthShape) - 1
	}
	if t.Key[0] < utf8.RuneSelf {
		if c := src[t.Start]; 'A' <= c && c <= 'Z' {
			return "C" + lengthShape[n][1:] // a capitalized Latin word
		}
		return "L" + lengthShape[n][1:]
	}
	return lengthShape[n]
}

// infos computes the slots of every token, and marks.
func infos(src string, toks []text.Token, lx *lexIndex, hints []Hint, buf []tokInfo) []tokInfo {
	buf = buf[:0]
	for _, t := range toks {
		var ti tokInfo
		setSlots(&ti, src, t)
		buf = append(buf, ti)
	}
	marks(src, toks, lx, hints, buf, func(i int) []lexEntry { return lx.candidates(toks[i].Key) })
	return buf
}

// setSlots computes the values a token's own features look at.
func setSlots(ti *tokInfo, src string, t text.Token) {
	k := t.Key
	ti.val[sKey] = k
	ti.val[sShape] = shape(t, src)
	if t.Kind == text.Word {
		rest, cl := stripClitics(k)
		ti.val[sStrip] = rest
		ti.val[sStem] = text.Stem(k)
		ti.val[sClitic] = cl
		ti.val[sPre1], ti.val[sPre2], ti.val[sPre3] = runePrefix(rest, 1), runePrefix(rest, 2), runePrefix(rest, 3)
		ti.val[sSuf1], ti.val[sSuf2], ti.val[sSuf3] = runeSuffix(k, 1), runeSuffix(k, 2), runeSuffix(k, 3)
	} else {
		ti.val[sStrip] = ti.val[sShape]
		ti.val[sStem] = ti.val[sShape]
	}
	for s := range ti.val {
		ti.h[s] = hashString(ti.val[s])
	}
}

// stripSlot is setSlots' value of the slot sStrip.
func stripSlot(src string, t text.Token) string {
	if t.Kind == text.Word {
		rest, _ := stripClitics(t.Key)
		return rest
	}
	return shape(t, src)
}

// marks sets what depends on a token's neighbours: sentence start,
// lexicon phrases, hints. buf[i] belongs to toks[i]; its slots are left.
func marks(src string, toks []text.Token, lx *lexIndex, hints []Hint, buf []tokInfo, cands func(i int) []lexEntry) {
	mk := make([]tokMarks, len(toks))
	startsAndHints(src, toks, hints, mk)
	lx.mark(toks, mk, cands)
	for i := range buf {
		buf[i].tokMarks = mk[i]
	}
}

// startsAndHints clears the marks of buf and sets its sentence starts and
// hints.
func startsAndHints(src string, toks []text.Token, hints []Hint, buf []tokMarks) {
	buf = buf[:len(toks)]
	for i := range toks {
		start := true
		if i > 0 {
			p, t := &toks[i-1], &toks[i]
			// after . ? ! or a line break (most gaps are one space)
			start = p.Kind == text.Punct && len(p.Key) == 1 && (p.Key[0] == '.' || p.Key[0] == '?' || p.Key[0] == '!')
			if !start && t.Start > p.End && !(t.Start == p.End+1 && src[p.End] == ' ') {
				start = strings.IndexByte(src[p.End:t.Start], '\n') >= 0
			}
		}
		buf[i] = tokMarks{start: start}
	}
	if len(hints) > 0 {
		markHints(toks, buf, hints)
	}
}

// useBigrams adds the pairs (w-1|w, w|w+1) of clitic-stripped forms.
const useBigrams = false

var (
	hashBOS = hashString("<s>")
	hashEOS = hashString("</s>")
)

// features appends the feature hashes of token i to dst; withNames, it
// also appends their names (for Explain: slow, allocating).
func features(dst []uint32, names []string, ti []tokInfo, i int, withNames bool) ([]uint32, []string) {
	w := &ti[i]
	slot := func(j, s int) (uint64, string) {
		switch {
		case j < 0:
			return hashBOS, "<s>"
		case j >= len(ti):
			return hashEOS, "</s>"
		}
		return ti[j].h[s], ti[j].val[s]
	}
	name := func(t int, v string) {
		names = append(names, templateNames[t]+"="+v)
	}
	dst = append(dst, mix(tBias, 0))
	if withNames {
		name(tBias, "")
	}
	for s, t := range [...]int{sKey: tKey, sStrip: tStrip, sStem: tStem, sClitic: tClitic, sPre1: tPre1, sPre2: tPre2, sPre3: tPre3,
		sSuf1: tSuf1, sSuf2: tSuf2, sSuf3: tSuf3, sShape: tShape} {
		if w.val[s] == "" && s != sClitic {
			continue
		}
		dst = append(dst, mix(t, w.h[s]))
		if withNames {
			name(t, w.val[s])
		}
	}
	for _, c := range [...]struct{ t, off, s int }{{tKeyM1, -1, sKey}, {tKeyM2, -2, sKey}, {tKeyP1, 1, sKey}, {tKeyP2, 2, sKey},
		{tStripM1, -1, sStrip}, {tStripP1, 1, sStrip}, {tShapeM1, -1, sShape}, {tShapeP1, 1, sShape},
		{tCliticM1, -1, sClitic}, {tCliticP1, 1, sClitic}, {tStemM1, -1, sStem}, {tStemP1, 1, sStem}, {tSuf2M1, -1, sSuf2}, {tSuf2P1, 1, sSuf2}} {
		h, v := slot(i+c.off, c.s)
		dst = append(dst, mix(c.t, h))
		if withNames {
			name(c.t, v)
		}
	}
	if useBigrams {
		hm, vm := slot(i-1, sStrip)
		hp, vp := slot(i+1, sStrip)
		dst = append(dst, mix2(tBiM1, hm, w.h[sStrip]), mix2(tBiP1, w.h[sStrip], hp))
		if withNames {
			name(tBiM1, vm+"|"+w.val[sStrip])
			name(tBiP1, w.val[sStrip]+"|"+vp)
		}
	}
	for _, c := range [...]struct{ t, off int }{{tLex, 0}, {tLexM1, -1}, {tLexP1, 1}, {tLexM2, -2}, {tLexP2, 2}} {
		j := i + c.off
		if j < 0 || j >= len(ti) || ti[j].lexB|ti[j].lexI == 0 {
			continue
		}
		l := loadLex()
		for bi, m := range [2]uint64{ti[j].lexB, ti[j].lexI} {
			for ; m != 0; m &= m - 1 {
				b := 2*trailingZeros(m) + bi
				dst = append(dst, mix(c.t, l.bitHash[b]))
				if withNames {
					name(c.t, lexBitName(b))
				}
			}
		}
	}
	for _, c := range [...]struct{ t, off int }{{tHint, 0}, {tHintM1, -1}, {tHintP1, 1}} {
		if j := i + c.off; j >= 0 && j < len(ti) && ti[j].hint != "" {
			dst = append(dst, mix(c.t, hashString(ti[j].hint)))
			if withNames {
				name(c.t, ti[j].hint)
			}
		}
	}
	if w.start {
		dst = append(dst, mix(tSentStart, 0), mix(tSentShape, w.h[sShape]))
		if withNames {
			name(tSentStart, "")
			name(tSentShape, w.val[sShape])
		}
	}
	return dst, names
}

func trailingZeros(m uint64) int { return bits.TrailingZeros64(m) }

// lexicon categories: one per file and kind column, so that entries added
// to a lexicon later carry the weights of their category. A feature is
// hashed from the category's name, so files added or missing shift
// nothing. A file the lexicon package does not have is skipped.
var lexSources = []struct {
	file string
	col  int  // the column that names the kind, -1 for one category
	freq bool // the column is a count, bucketed (1, 2–9, 10–99, 100+)
}{
	{"given_names.tsv", 0, false},
	{"given_names_data.tsv", -1, false},
	{"name_tokens.tsv", 0, true},
	{"persons_data.tsv", -1, false},
	{"roles.tsv", -1, false},
	{"places.tsv", 1, false},
	{"places_data.tsv", 1, false},
	{"places_odbl.tsv", 1, false},
	{"orgs.tsv", 1, false},
	{"orgs_data.tsv", 1, false},
	{"agencies.tsv", -1, false},
	{"months.tsv", -1, false},
	{"weekdays.tsv", -1, false},
	{"numbers.tsv", 1, false},
	{"triggers.tsv", -1, false},
}

// maxCats bounds the categories (a bit each in tokInfo.lexB and lexI).
const maxCats = 64

type lexEntry struct {
	words []string
	cat   int
}

type lexIndex struct {
	byFirst map[string][]lexEntry // longest first
	cats    []string
	bitHash [2 * maxCats]uint64 // hash of category:B and category:I
	// the same phrases for the fast path (markFast): by first word, the
	// categories of the one-word phrases and the range of multi holding
	// the longer ones
	first map[string]firstEntry
	// firstSlots holds first's keys of up to firstKeyMax bytes, found by
	// firstIdx (firstOf)
	firstSlots []firstSlot
	firstIdx   []firstIdx
	firstShift uint8 // 64 - log2(len(firstIdx))
	multi      []lexEntry
	// multiH[j] is hashString(multi[j].words[1]); each first word's range
	// is sorted by it (then by the word), so that markFast searches
	// integers in one array where it compared strings through pointers
	multiH []uint64
}

// firstSlot is one key of lexIndex.first with its entry, in one cache
// line (see firstOf).
type firstSlot struct {
	fe   firstEntry
	klen uint8
	key  [firstKeyMax]byte
}

// firstKeyMax is the longest key a firstSlot holds (first keeps the
// longer ones).
const firstKeyMax = 39

// firstIdx is a place of lexIndex.firstIdx: the top 32 bits of a key's
// firstHash and its index in firstSlots + 1 (0: an empty place). The
// index is small (8 bytes a key, 512 KB in all) and stays in the
// processor's caches, so a key that is not there (most words) costs no
// memory access; one that is costs the line of its firstSlot.
type firstIdx struct {
	tag uint32
	at  uint32
}

// buildFirstSlots copies the keys of l.first of up to firstKeyMax bytes
// into l.firstSlots, indexed by l.firstIdx (open addressing by
// firstHash, linear probing, at most two thirds full).
func (l *lexIndex) buildFirstSlots() {
	size := 1024
	for size < len(l.first)*3/2 {
		size <<= 1
	}
	l.firstIdx = make([]firstIdx, size)
	l.firstShift = uint8(64 - bits.TrailingZeros(uint(size)))
	mask := uint64(size - 1)
	l.firstSlots = make([]firstSlot, 0, len(l.first))
	for _, k := range slices.Sorted(maps.Keys(l.first)) { // (the same table every run)
		if len(k) == 0 || len(k) > firstKeyMax {
			continue
		}
		h := firstHash(k)
		i := l.firstPos(h)
		for l.firstIdx[i].at != 0 {
			i = (i + 1) & mask
		}
		sl := firstSlot{fe: l.first[k], klen: uint8(len(k))}
		copy(sl.key[:], k)
		l.firstSlots = append(l.firstSlots, sl)
		l.firstIdx[i] = firstIdx{tag: uint32(h >> 32), at: uint32(len(l.firstSlots))}
	}
}

// firstOf is the entry of key k in l.first, nil without one: by
// firstIdx and firstSlots, where the map read its control word, its
// slot and the key's bytes, each in a line of its own.
func (l *lexIndex) firstOf(k string) *firstEntry {
	if len(k) == 0 || len(k) > firstKeyMax {
		if fe, ok := l.first[k]; ok {
			return &fe
		}
		return nil
	}
	h := firstHash(k)
	tag := uint32(h >> 32)
	mask := uint64(len(l.firstIdx) - 1)
	for i := l.firstPos(h); ; i = (i + 1) & mask {
		x := l.firstIdx[i]
		if x.at == 0 {
			return nil
		}
		if x.tag == tag {
			if sl := &l.firstSlots[x.at-1]; int(sl.klen) == len(k) && string(sl.key[:len(k)]) == k {
				return &sl.fe
			}
		}
	}
}

// firstPos is the first place in firstIdx of a key of firstHash h: its
// bits mixed once more, the top ones.
func (l *lexIndex) firstPos(h uint64) uint64 {
	return h * 0xBF58476D1CE4E5B9 >> l.firstShift
}

// firstHash: see text.KeyHash.
func firstHash(k string) uint64 { return text.KeyHash(k) }

type firstEntry struct {
	single uint64
	lo, hi int32
	// next has the bit keyBit(w) of every second word w of multi[lo:hi]:
	// markFast skips the search where the next word's bit is not set
	next uint64
}

// keyShift is the position of a word key's bit in a firstEntry's next
// mask; keyBit is that bit.
func keyShift(k string) uint8 { return uint8(hashString(k) * 0x9E3779B97F4A7C15 >> 58) }

func keyBit(k string) uint64 { return 1 << keyShift(k) }

// maxReadings is the most readings (readings) a word has.
const maxReadings = 3

var (
	lexOnce sync.Once
	lexIdx  *lexIndex
)

func lexBitName(b int) string {
	l := loadLex()
	name := "?"
	if b/2 < len(l.cats) {
		name = l.cats[b/2]
	}
	if b%2 == 0 {
		return name + ":B"
	}
	return name + ":I"
}

func freqBucket(s string) string {
	switch n := len(s); {
	case s == "1" || s == "":
		return "1"
	case n == 1:
		return "2-9"
	case n == 2:
		return "10-99"
	}
	return "100+"
}

// loadLex indexes the lexicons once. A missing file counts as empty (the
// lexicon package's tests keep the embedded ones valid).
func loadLex() *lexIndex {
	lexOnce.Do(func() {
		l := &lexIndex{byFirst: map[string][]lexEntry{}}
		catOf := map[string]int{}
		for _, src := range lexSources {
			es, err := lexicon.Load(src.file)
			if err != nil {
				continue
			}
			for _, e := range es {
				name := strings.TrimSuffix(src.file, ".tsv")
				switch {
				case src.freq:
					name += "/" + freqBucket(e.Field(src.col))
				case src.col >= 0:
					name += "/" + e.Field(src.col)
				}
				c, ok := catOf[name]
				if !ok {
					if len(l.cats) >= maxCats {
						continue
					}
					c = len(l.cats)
					catOf[name] = c
					l.cats = append(l.cats, name)
					l.bitHash[2*c] = hashString(name + ":B")
					l.bitHash[2*c+1] = hashString(name + ":I")
				}
				l.byFirst[e.Words[0]] = append(l.byFirst[e.Words[0]], lexEntry{words: e.Words, cat: c})
			}
		}
		for k, es := range l.byFirst {
			for i := 1; i < len(es); i++ {
				for j := i; j > 0 && len(es[j].words) > len(es[j-1].words); j-- {
					es[j], es[j-1] = es[j-1], es[j]
				}
			}
			l.byFirst[k] = es
		}
		l.first = make(map[string]firstEntry, len(l.byFirst))
		for _, k := range slices.Sorted(maps.Keys(l.byFirst)) {
			fe := firstEntry{lo: int32(len(l.multi))}
			for _, e := range l.byFirst[k] {
				if len(e.words) == 1 {
					fe.single |= 1 << uint(e.cat)
				} else {
					l.multi = append(l.multi, e)
				}
			}
			fe.hi = int32(len(l.multi))
			for _, e := range l.multi[fe.lo:fe.hi] {
				fe.next |= keyBit(e.words[1])
			}
			// by second word, so that markFast finds those that may match
			// by binary search (some first words start thousands)
			slices.SortStableFunc(l.multi[fe.lo:fe.hi], func(a, b lexEntry) int {
				return cmp.Or(cmp.Compare(hashString(a.words[1]), hashString(b.words[1])), strings.Compare(a.words[1], b.words[1]))
			})
			for _, e := range l.multi[fe.lo:fe.hi] {
				l.multiH = append(l.multiH, hashString(e.words[1]))
			}
			l.first[k] = fe
		}
		l.buildFirstSlots()
		lexIdx = l
	})
	return lexIdx
}

// readings are a word's key and its readings without a conjunction, a
// preposition or both (وبباريس: باريس); لل reads as ال.
func readings(k string, out *[maxReadings]string) []string {
	rs := out[:0]
	rs = append(rs, k)
	if len(k) < 6 {
		return rs
	}
	rest := k
	if strings.HasPrefix(rest, "و") || strings.HasPrefix(rest, "ف") {
		rest = rest[len("و"):]
		rs = append(rs, rest)
	}
	if len(rest) >= 6 {
		switch {
		case strings.HasPrefix(rest, "لل"):
			rs = append(rs, "ا"+rest[len("ل"):])
		case strings.HasPrefix(rest, "ب") || strings.HasPrefix(rest, "ل") || strings.HasPrefix(rest, "ك"):
			rs = append(rs, rest[len("ب"):])
		}
	}
	return rs
}

// mark sets the lexicon bits of the tokens: for each token, the longest
// phrase that starts there (under any reading of its first word), with
// every category of that length; its first token gets the B bit, the
// others the I bit.
func (l *lexIndex) mark(toks []text.Token, ti []tokMarks, cands func(i int) []lexEntry) {
	for i, t := range toks {
		if t.Kind == text.Punct {
			continue
		}
		best := 0
		var cats uint64
		for _, e := range cands(i) {
			best, cats = longest(toks, i, e, best, cats)
		}
		setLexBits(ti, i, best, cats)
	}
}

// candidates are the lexicon phrases that may start at a word with key k
// (under any of its readings).
func (l *lexIndex) candidates(k string) []lexEntry {
	var rb [maxReadings]string
	var out []lexEntry
	for _, r := range readings(k, &rb) {
		out = append(out, l.byFirst[r]...)
	}
	return out
}

// firstInfo sets the lexicon fields of wv for a word with key k: what
// candidates(k) holds, split into one-word phrases and longer ones.
func (l *lexIndex) firstInfo(k string, wv *wordAux) {
	var rb [maxReadings]string
	for _, r := range readings(k, &rb) {
		fe := l.firstOf(r)
		if fe == nil {
			continue
		}
		wv.single |= fe.single
		wv.next |= fe.next
		if fe.hi > fe.lo {
			wv.multi[wv.nMulti] = [2]int32{fe.lo, fe.hi}
			wv.nMulti++
		}
	}
}

// longest folds phrase e, tried at token i, into the longest phrase found
// so far (best words long, of the categories cats).
func longest(toks []text.Token, i int, e lexEntry, best int, cats uint64) (int, uint64) {
	n := len(e.words)
	if n < best || i+n > len(toks) {
		return best, cats
	}
	for j := 1; j < n; j++ {
		if toks[i+j].Key != e.words[j] {
			return best, cats
		}
	}
	if n > best {
		best, cats = n, 0
	}
	return best, cats | 1<<uint(e.cat)
}

// setLexBits gives token i the B bit and the next best-1 tokens the I bit
// of every category in cats.
func setLexBits(ti []tokMarks, i, best int, cats uint64) {
	for ; cats != 0; cats &= cats - 1 {
		c := trailingZeros(cats)
		ti[i].lexB |= 1 << uint(c)
		for j := 1; j < best; j++ {
			ti[i+j].lexI |= 1 << uint(c)
		}
	}
}

// markFast is mark over the words' cached lexicon fields: the longest
// phrase and the union of its categories do not depend on the order in
// which the candidates are tried, so one-word phrases are one bit mask.
func (l *lexIndex) markFast(toks []text.Token, ti []tokMarks, tg *Tagger) {
	words := tg.words
	for i := range toks {
		if toks[i].Kind == text.Punct || words[i].flags&hasLex == 0 {
			continue
		}
		w := tg.aux(tg.idx[i])
		best := 0
		var cats uint64
		if w.single != 0 {
			best, cats = 1, w.single
		}
		nMulti := w.nMulti
		if i+1 >= len(toks) || w.next&(1<<words[i+1].keyShift) == 0 {
			nMulti = 0 // no room for a longer phrase, or none has the next word second
		}
		if nMulti > 0 {
			// the phrases whose second word is the next word's key: a run
			// of its hash in each range (longest's result does not depend
			// on the order in which they are tried)
			next := toks[i+1].Key
			nh := hashString(next)
			for _, r := range w.multi[:nMulti] {
				hs := l.multiH[r[0]:r[1]]
				k := 0
				if len(hs) > 8 { // binary search pays past a few
					k, _ = slices.BinarySearch(hs, nh)
				}
				for ; k < len(hs) && hs[k] <= nh; k++ {
					if hs[k] == nh && l.multi[int(r[0])+k].words[1] == next {
						best, cats = longest(toks, i, l.multi[int(r[0])+k], best, cats)
					}
				}
			}
		}
		setLexBits(ti, i, best, cats)
	}
}
