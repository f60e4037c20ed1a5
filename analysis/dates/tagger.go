package dates

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// Anchor is the document date that relative expressions are resolved
// against, and where it came from: "published", "dateline" or "inferred".
// A zero Date means no anchor: relative expressions are still found but get
// no calendar value.
type Anchor struct {
	Date time.Time
	Kind string
}

// Valid reports whether the anchor has a date.
func (a Anchor) Valid() bool { return !a.Date.IsZero() }

// civil returns the calendar date of t in its own zone, as UTC midnight.
func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// AnchorAt makes an anchor from a publication time, keeping its calendar
// date in the zone it was given in.
func AnchorAt(t time.Time, kind string) Anchor {
	return Anchor{Date: civil(t), Kind: kind}
}

// partial is what a rule recognised before resolution.
type partial struct {
	typ   string // DATE TIME DURATION SET
	y     int    // absolute year, 0 unknown
	m     int    // month 1-12, 0 unknown
	d     int    // day 1-31, 0 unknown
	hijri bool
	wd    int // ISO weekday 1-7 named in the expression, 0 none

	dayOff     int  // relative day from the anchor (اليوم 0, أمس -1)
	hasDayOff  bool // dayOff is set
	unit       string
	unitOff    int  // relative period (الأسبوع الماضي: W -1)
	hasUnit    bool // unit/unitOff set
	cur        bool // الجاري/الحالي after a month: the anchor's own month
	dir        int  // explicit direction from a modifier: -1 past, +1 future
	part       string
	hh, mm     int
	hasTime    bool
	mod        string
	half       int    // 1-2: the half of the year, like quarter
	quarter    int    // 1-4: the quarter of the year (y, or unitOff years from the anchor)
	season     string // SU WI SP FA, unitOff years from the anchor
	value      string // preset value (durations, sets, vague)
	end        *partial
	holiday    *holiday // a named day dated by its rule
	hijriSpan  bool     // a Hijri month without a year, as its range of days
	day        *partial // the day a clock time is on (الساعة السادسة من مساء غد)
	weekend    bool     // the weekend of the week unitOff from the anchor's
	monthRange bool     // m..end.m (and days) as a range of months or dates
	anaphoric  bool     // dayOff counts from the last date told, not the anchor
	nth        int      // the weekday's rank in its month, -1 the last
	prevOf     bool     // السابق/السابقة: the period before the one just told, if one was
	weekRank   int      // the week of a month or year (الأسبوع الأول من), -1 the last
	inner      *match   // the month or year that weekRank counts in
	onYear     int      // في مثل هذا اليوم من عام 1948: the anchor's day in that year
	compared   bool     // a year compared with (مقارنة مع 2016): not the year a story is about
	after      bool     // بعد + a quantity: in a past clause, counted from the date just told
	hasWeek    bool     // the weekday of a week weekOff from the anchor's
	weekOff    int
	beforeLast bool // الثلاثاء قبل الماضي: the weekday a week before the last one
	conf       float64
}

type match struct {
	start, end int // token indexes [start, end)
	p          partial
	rule       string
	// also are expressions found with this one that stand apart from it
	// (the second year of عامي 2021 و2022)
	also []match
	// skip is how many bytes of the first token are a clitic, not the
	// expression (بعيد الفطر)
	skip int
}

// tagger holds the per-document token view.
type tagger struct {
	lex    *lexicons
	bufs   *taggerBufs // where the per-token slices come from
	src    string
	toks   []text.Token
	keys   []string
	cues   []int8 // tense cue per token, made on first use (see cueAt)
	mods   []int8 // rangeModOf per token, made on first use (0: not yet)
	nums   []int8 // whether a token can start a number word (see number)
	clause []int  // clause index per token
	// shortQuote marks tokens inside quotes of at most four words (a name
	// or a title, not speech)
	shortQuote []bool
	// inQuote marks tokens inside quotation marks: a quoted speaker's
	// tense is not the narrator's
	inQuote []bool
	// relClause marks clauses that open with a relative pronoun (، الذي …),
	// by clause index
	relClause []bool
	sent      []int // sentence index per token
	dms       []time.Time
	// publication-date inference: days and day-months named in the text,
	// and each match's clause direction and duration, computed once (not
	// once per candidate day and match)
	refDays  map[int]bool
	dmDays   map[int]bool
	dirMemo  map[[2]int]int
	daysMemo map[string]int
	// inMatch marks tokens inside a temporal expression: their words
	// (الماضي in الأسبوع الماضي) say nothing about another expression's tense
	inMatch []bool
	// lastDay is the last day-precision date resolved, in text order (what
	// اليوم التالي counts from)
	lastDay time.Time
	// lastYear is the year of the last absolute date told, and the sentence
	// it was told in (what العام السابق counts from)
	lastYear, lastYearSent int
	// toldYear is the same for any date with a year, relative ones too
	// (what «وبعد عام» in a past story counts from)
	toldYear, toldYearSent int
}

// Tag finds the temporal expressions of src and resolves them against
// anchor. src is the text to read (residue masked with spaces, so offsets
// index the stored text).
func Tag(src string, anchor Anchor) []rasad.Timex {
	return TagTokens(src, text.Tokenize(src), anchor)
}

// TagTokens is Tag over tokens already made by text.Tokenize(src), as the
// analysis pipeline shares them between analyzers.
func TagTokens(src string, toks []text.Token, anchor Anchor) []rasad.Timex {
	b := bufPool.Get().(*taggerBufs)
	t := newTaggerBufs(src, toks, b)
	ms := t.scan()
	out := t.resolveAll(ms, anchor)
	clear(b.keys) // the pool keeps no text alive
	clear(ms)
	b.matches = ms[:0]
	bufPool.Put(b)
	return out
}

// taggerBufs are the per-token slices of a tagger, kept between texts
// (TagTokens takes them from bufPool and puts them back): each is handed
// out once per tagger, cleared, and grown when a text needs more.
type taggerBufs struct {
	keys    []string
	matches []match   // scan's matches (cleared after the text)
	int     [2][]int  // clause, sent
	bool    [4][]bool // relClause, shortQuote, inQuote, inMatch
	int8    [3][]int8 // cues, mods, nums
}

var bufPool = sync.Pool{New: func() any { return new(taggerBufs) }}

func (b *taggerBufs) strings(n int) []string {
	b.keys = reuse(b.keys, n)
	return b.keys
}

func (b *taggerBufs) ints(i, n int) []int {
	b.int[i] = reuse(b.int[i], n)
	return b.int[i]
}

func (b *taggerBufs) bools(i, n int) []bool {
	b.bool[i] = reuse(b.bool[i], n)
	return b.bool[i]
}

func (b *taggerBufs) int8s(i, n int) []int8 {
	b.int8[i] = reuse(b.int8[i], n)
	return b.int8[i]
}

// reuse returns s cleared at length n, or a new slice when s is shorter.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func newTagger(src string) *tagger { return newTaggerTokens(src, text.Tokenize(src)) }

func newTaggerTokens(src string, toks []text.Token) *tagger {
	return newTaggerBufs(src, toks, new(taggerBufs))
}

func newTaggerBufs(src string, toks []text.Token, b *taggerBufs) *tagger {
	t := &tagger{lex: loadLex(), src: src, toks: toks, bufs: b}
	t.keys = t.bufs.strings(len(t.toks))
	for i, tok := range t.toks {
		t.keys[i] = tok.Key
	}
	return t
}

// clauseOf and sentOf index tokens by clause and sentence (the scopes
// in which tense cues are read), computed on first use in one pass over the
// tokens: a clause ends at , ; : and sentence ends, a sentence at . ! ? ؟ ؛
// and line breaks.
func (t *tagger) clauseOf(i int) int {
	if t.clause == nil {
		t.scopes()
	}
	return t.clause[i]
}

func (t *tagger) sentOf(i int) int {
	if t.sent == nil {
		t.scopes()
	}
	return t.sent[i]
}

func (t *tagger) scopes() {
	t.clause = t.bufs.ints(0, len(t.toks))
	t.sent = t.bufs.ints(1, len(t.toks))
	// a clause index grows at most twice per token (a line break before
	// it, a punctuation mark at it)
	t.relClause = t.bufs.bools(0, 2*len(t.toks)+2)
	t.shortQuote = t.bufs.bools(1, len(t.toks))
	open := -1
	t.inQuote = t.bufs.bools(2, len(t.toks))
	quoted := false
	c, s := 0, 0
	prevEnd := 0
	for i, tok := range t.toks {
		if strings.IndexByte(t.src[prevEnd:tok.Start], '\n') >= 0 && (i == 0 || !sentEnd(t.keys[i-1])) {
			c++
			s++
		}
		if (i == 0 || t.clause[i-1] != c) && relPronouns[tok.Key] {
			t.relClause[c] = true
		}
		t.clause[i], t.sent[i] = c, s
		if i > 0 && sentEnd(t.keys[i-1]) && strings.IndexByte(t.src[prevEnd:tok.Start], '\n') >= 0 {
			quoted = false // a paragraph closes an unclosed quote
		}
		if isQuote(tok.Key) && tok.Key != "'" && tok.Key != "‘" && tok.Key != "’" {
			switch tok.Key {
			case "«", "“":
				quoted = true
			case "»", "”":
				quoted = false
			default:
				quoted = !quoted
			}
		} else {
			t.inQuote[i] = quoted
		}
		if isQuote(tok.Key) {
			if open >= 0 && i-open <= 5 && s == t.sent[open] {
				for k := open + 1; k < i; k++ {
					t.shortQuote[k] = true
				}
				open = -1
			} else {
				open = i
			}
		}
		if tok.Kind == text.Punct {
			switch tok.Key {
			case ".", "!", "?", ";":
				c++
				s++
			case ",", ":":
				c++
			}
		}
		prevEnd = tok.End
	}
}

func sentEnd(k string) bool { return k == "." || k == "!" || k == "?" || k == ";" }

var relPronouns = set("الذي التي الذين اللذين اللتين اللواتي اللاتي")

// skey is the key of token i without a conjunction و/ف (text.StripConj).
// It is made on each call: StripConj looks at the first letter before it
// counts anything, which costs less than a slice of them per text.
func (t *tagger) skey(i int) string {
	if i < 0 || i >= len(t.keys) {
		return ""
	}
	return text.StripConj(t.keys[i])
}

func (t *tagger) key(i int) string {
	if i < 0 || i >= len(t.keys) {
		return ""
	}
	return t.keys[i]
}

func (t *tagger) isNum(i int) bool {
	return i >= 0 && i < len(t.toks) && t.toks[i].Kind == text.Number
}

func (t *tagger) num(i int) int {
	if !t.isNum(i) {
		return -1
	}
	n, err := strconv.Atoi(t.keys[i])
	if err != nil {
		return -1
	}
	return n
}

// scan walks the tokens and keeps the longest match at each position.
func (t *tagger) scan() []match {
	out := t.bufs.matches[:0]
	rules := []func(int) *match{
		t.matchWeekdayDate, t.matchDayMonth, t.matchNumeric, t.matchDayWord, t.matchMonth,
		t.matchYear, t.matchPeriod, t.matchOffset, t.matchTime, t.matchVague, t.matchSet,
		t.matchQuantity, t.matchQuarter, t.matchDecade, t.matchSeason, t.matchBareDay, t.matchFraction, t.matchCentury, t.matchHoliday,
	}
	// the commonest triggers start few rules: من a time range, في a vague
	// reference or في غضون
	fromRules := []func(int) *match{t.matchTime, t.matchRange}
	inRules := []func(int) *match{t.matchOffset, t.matchVague}
	onRules := []func(int) *match{t.matchOffset}
	leadRules := []func(int) *match{t.matchOffset, t.matchDayWord}
	thisRules := []func(int) *match{t.matchPeriod, t.matchDayWord}
	thatRules := []func(int) *match{t.matchDayWord}
	// a number starts only these
	numRules := []func(int) *match{t.matchDayMonth, t.matchNumeric, t.matchYear, t.matchTime, t.matchQuantity, t.matchSet}
	for i := 0; i < len(t.toks); {
		if t.toks[i].Kind != text.Number && !t.isTrigger(t.keys[i]) {
			i++
			continue
		}
		var best *match
		rs := rules
		switch t.keys[i] {
		case "من", "ومن":
			rs = fromRules
		case "في", "وفي", "فى":
			rs = inRules
		case "علي", "وعلي":
			rs = onRules
		case "بين", "وبين":
			rs = fromRules
		case "خلال", "منذ", "قبل", "بعد", "وخلال", "ومنذ", "وقبل", "وبعد":
			rs = leadRules
		case "هذا", "هذه", "وهذا", "وهذه":
			rs = thisRules
		case "ذلك", "وذلك", "نفس":
			rs = thatRules
		}
		if t.toks[i].Kind == text.Number {
			rs = numRules
		}
		for _, r := range rs {
			if m := r(i); m != nil && (best == nil || m.end > best.end) {
				best = m
			}
		}
		if best == nil {
			i++
			continue
		}
		out = append(out, *best)
		i = best.end
		for _, a := range best.also {
			out = append(out, a)
			i = max(i, a.end)
		}
	}
	t.inMatch = t.bufs.bools(3, len(t.toks))
	for _, m := range out {
		for k := m.start; k < m.end; k++ {
			t.inMatch[k] = true
		}
	}
	return out
}

// isTrigger reports whether a rule can start at key k (the filter rules
// out most keys without the map's lookup).
func (t *tagger) isTrigger(k string) bool {
	return t.lex.triggerFilter.MayHave(k) && t.lex.triggers[k]
}

// surface returns the source text of tokens [s, e).
func (t *tagger) span(s, e int) (int, int) {
	start := t.toks[s].Start
	// a conjunction written on the first word is not part of the
	// expression: وخمس عشرة دقيقة → خمس عشرة دقيقة
	if k := t.keys[s]; strings.HasPrefix(k, "و") && t.lex.triggers[text.StripConj(k)] && t.lex.numbers[k] == nil && t.lex.weekdays[k] == 0 && strings.HasPrefix(t.src[start:], "و") {
		start += len("و")
	}
	return start, t.toks[e-1].End
}
