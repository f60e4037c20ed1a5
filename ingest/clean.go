package ingest

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/internal/par"
	"github.com/rasad/rasad/lexicon"
	"github.com/rasad/rasad/text"
)

// Cleaning is conservative and reversible: it marks spans of Text as
// residue (rasad.Removal with the rule that fired) and never edits Text.
// Rules are patterns of residue, not lists of particular lines:
//
//   - label:          a whole line that is a UI label (residue.tsv)
//   - continued:      a whole line that is a "continued" marker: (تستمر) (يتبع)
//   - rating:         rating and comment prompts
//   - newsletter:     sign-up, subscription and app prompts (a call to act
//     together with a channel: اشترك + النشرة, لاستلام + اشعارات)
//   - reading-time:   "قراءة 3 دقائق", "وقت القراءة: 5 دقائق"
//   - timestamp:      a line of only weekday, day, month, year, time words
//   - base64:         a line carrying a base64 token and little else
//   - repeated-title: the title again after its first line
//   - kicker:         headlines stacked above the real title in a page
//     header (a line before the title line, above a timestamp/reading-time)
//
// It also finds the dateline and agency credits and keeps them as metadata.

var (
	residueOnce    sync.Once
	residueMatcher *lexicon.Matcher
	agencyMatcher  *lexicon.Matcher
)

func loadCleanLexicons() {
	residueOnce.Do(func() {
		residueMatcher = lexicon.NewMatcher(lexicon.MustLoad("residue.tsv"))
		agencyMatcher = lexicon.NewMatcher(lexicon.MustLoad("agencies.tsv"))
	})
}

type lineInfo struct {
	span  text.Span
	words []string // word and number keys
	toks  []text.Token
	kind  string // residue kind, "" when content
	rule  string
}

// cleanBufs are cleanTokens' lines, tokens and words, kept between texts
// in cleanPool; release clears what a text used (so the pool keeps no
// text alive, and a long text does not make every later one clear its
// length) and puts them back (TestPooledPrepareSameAsFresh).
type cleanBufs struct {
	lines []lineInfo
	toks  []text.Token
	words []string
	body  []text.Token // PrepareTokens' body tokens
}

var cleanPool = sync.Pool{New: func() any { return new(cleanBufs) }}

func getCleanBufs() *cleanBufs {
	if !poolClean {
		return new(cleanBufs)
	}
	return cleanPool.Get().(*cleanBufs)
}

// poolClean is false only in the test that compares with and without the
// pool.
var poolClean = true

func (b *cleanBufs) linesFor(n int) []lineInfo {
	if cap(b.lines) < n {
		b.lines = make([]lineInfo, n)
	}
	b.lines = b.lines[:n]
	return b.lines
}

func (b *cleanBufs) toksFor(n int) []text.Token {
	if cap(b.toks) < n {
		b.toks = make([]text.Token, 0, n)
	}
	return b.toks[:0]
}

func (b *cleanBufs) wordsFor(n int) []string {
	if cap(b.words) < n {
		b.words = make([]string, 0, n)
	}
	return b.words[:0]
}

func (b *cleanBufs) bodyFor(n int) []text.Token {
	if cap(b.body) < n {
		b.body = make([]text.Token, 0, n)
	}
	return b.body[:0]
}

func (b *cleanBufs) release() {
	clear(b.lines)
	clear(b.toks)
	clear(b.words)
	clear(b.body)
	b.lines, b.toks, b.words, b.body = b.lines[:0], b.toks[:0], b.words[:0], b.body[:0]
	if poolClean {
		cleanPool.Put(b)
	}
}

// Clean fills a's Removed, TitleSpan, Title (when the input had none),
// Dateline and Credits. It may be called again: it starts from scratch.
func Clean(a *rasad.Article) {
	cleanTokens(a, text.Tokenize(a.Text))
}

// cleanTokens is Clean with the tokens of a.Text made once (tokens never
// cross a line break, so each line's tokens are a run of them).
func cleanTokens(a *rasad.Article, all []text.Token) {
	loadCleanLexicons()
	a.Removed, a.TitleSpan, a.Dateline, a.Credits = nil, nil, nil, nil
	src := a.Text
	spans := text.Lines(src)
	// the lines, and their tokens and words, in slices kept between texts
	// (nothing of them outlives this call: what a holds is made anew)
	b := getCleanBufs()
	defer b.release()
	lines := b.linesFor(len(spans))
	header := true
	next := 0
	// the lines' tokens and words share one array each (capped slices:
	// an append to one line's reallocates), not two allocations a line
	tokBuf := b.toksFor(len(all))
	wordBuf := b.wordsFor(len(all))
	for i, sp := range spans {
		li := &lines[i]
		li.span = sp
		// the line's tokens, with offsets into the line
		for next < len(all) && all[next].Start < sp.Start {
			next++
		}
		first := next
		for next < len(all) && all[next].End <= sp.End {
			next++
		}
		t0 := len(tokBuf)
		for _, t := range all[first:next] {
			t.Start -= sp.Start
			t.End -= sp.Start
			tokBuf = append(tokBuf, t)
		}
		li.toks = tokBuf[t0:len(tokBuf):len(tokBuf)]
		w0 := len(wordBuf)
		for _, t := range li.toks {
			if t.Kind != text.Punct {
				wordBuf = append(wordBuf, t.Key)
			}
		}
		if len(wordBuf) > w0 {
			li.words = wordBuf[w0:len(wordBuf):len(wordBuf)]
		}
		if len(li.words) == 0 && len(li.toks) == 0 {
			continue
		}
		// the page header ends at the first sentence-like line
		li.kind, li.rule = classifyLine(src[sp.Start:sp.End], li, header)
		if li.kind == "" && (len(li.words) >= 20 || endsSentence(li)) {
			header = false
		}
	}
	b.toks, b.words = tokBuf, wordBuf

	// title: given, or the first content line of the header
	titleLine := -1
	var titleKey string // the given title's words, once
	if a.Title != "" {
		titleKey = strings.Join(lexicon.WordKeys(a.Title), " ")
		tk := titleKey
		for i := range lines {
			if len(lines[i].words) > 0 && joinedEquals(lines[i].words, tk) {
				titleLine = i
				break
			}
			if i > 12 {
				break
			}
		}
	} else {
		titleLine = inferTitle(lines)
		if titleLine >= 0 {
			a.Title = strings.TrimSpace(src[lines[titleLine].span.Start:lines[titleLine].span.End])
		}
	}
	if titleLine >= 0 {
		sp := lines[titleLine].span
		a.TitleSpan = &rasad.Span{Start: sp.Start, End: sp.End}
		lines[titleLine].kind, lines[titleLine].rule = "", ""
		tk := strings.Join(lines[titleLine].words, " ")
		for i := titleLine + 1; i < len(lines); i++ {
			if lines[i].kind == "" && len(lines[i].words) > 0 && joinedEquals(lines[i].words, tk) {
				lines[i].kind, lines[i].rule = "repeated-title", "line equal to the title"
			}
		}
	} else if a.Title != "" {
		// the title is not in the text: a copy of it in the text's first
		// lines is still a repeated title
		tk := titleKey
		for i := 0; i < len(lines) && i < 8; i++ {
			if lines[i].kind == "" && len(lines[i].words) > 0 && joinedEquals(lines[i].words, tk) {
				lines[i].kind, lines[i].rule = "repeated-title", "line equal to the title"
			}
		}
	}

	for _, li := range lines {
		if li.kind != "" {
			a.Removed = append(a.Removed, rasad.Removal{
				Span: rasad.Span{Start: li.span.Start, End: li.span.End}, Kind: li.kind, Rule: li.rule,
			})
		}
	}
	sort.Slice(a.Removed, func(i, j int) bool { return a.Removed[i].Start < a.Removed[j].Start })
	findDatelineAndCredits(a, lines)
}

// inferTitle picks the title line of a text without one: the first content
// line, unless the page header stacks several headlines above a timestamp or
// reading-time line, in which case the last of them is the title and the
// ones above are kickers (related headlines, section names).
func inferTitle(lines []lineInfo) int {
	var heads []int
	for i := range lines {
		li := &lines[i]
		if len(li.words) == 0 && li.kind == "" {
			continue
		}
		if li.kind == "reading-time" || li.kind == "timestamp" {
			break
		}
		if li.kind != "" {
			continue
		}
		if !headlineLike(li) {
			break
		}
		heads = append(heads, i)
		if len(heads) > 3 {
			break
		}
	}
	first := firstContent(lines)
	if first < 0 || lastContent(lines) == first {
		return -1 // a one-paragraph text has no title line
	}
	if len(heads) < 2 || len(heads) > 3 {
		return first
	}
	// the header must end in a timestamp or reading-time line
	last := heads[len(heads)-1]
	for j := last + 1; j < len(lines); j++ {
		if len(lines[j].words) == 0 && lines[j].kind == "" {
			continue
		}
		if lines[j].kind == "reading-time" || lines[j].kind == "timestamp" {
			for _, h := range heads[:len(heads)-1] {
				lines[h].kind, lines[h].rule = "kicker", "headline above the title in a page header"
			}
			return last
		}
		break
	}
	return first
}

func lastContent(lines []lineInfo) int {
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i].kind == "" && len(lines[i].words) > 0 {
			return i
		}
	}
	return -1
}

func firstContent(lines []lineInfo) int {
	for i := range lines {
		if lines[i].kind == "" && len(lines[i].words) > 0 {
			return i
		}
	}
	return -1
}

// headlineLike: short, and not ending like a sentence.
func headlineLike(li *lineInfo) bool {
	if len(li.words) < 2 || len(li.words) > 20 {
		return false
	}
	last := li.toks[len(li.toks)-1]
	return !(last.Kind == text.Punct && (last.Key == "." || last.Key == ":"))
}

var timestampWords = wordSet(`
الاحد الاثنين الإثنين الثلاثاء الاربعاء الأربعاء الخميس الجمعه الجمعة السبت
يناير فبراير مارس ابريل أبريل إبريل مايو ماي يونيو يونيه يوليو يوليه يوليوز اغسطس أغسطس غشت سبتمبر شتنبر اكتوبر أكتوبر نوفمبر نونبر ديسمبر دجنبر
جانفي فيفري جوان جويليه جويلية اوت أوت
كانون الثاني شباط اذار آذار نيسان ايار أيار حزيران تموز اب آب ايلول أيلول تشرين الاول الأول
ص م صباحا صباحاً مساء مساءً مساءا ظهرا ظهراً فجرا عصرا الساعه الساعة
بتوقيت توقيت غرينتش جرينتش مكه مكة القاهره القاهرة ابوظبي أبوظبي الامارات الإمارات السعودية
نشر تم النشر نشر في تاريخ آخر اخر تحديث محدث المحدث حدث في اخر-تحديث
gmt utc am pm ago
`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[text.Key(w)] = true
	}
	return m
}

var (
	readingWords   = wordSet("قراءة قراءه القراءة للقراءة وقت مدة دقيقة دقيقه دقائق دقيقتان دقيقتين د min read minutes minute")
	ratingWords    = wordSet("تقييم تقييمات قيم قيّم التقييم المقال المقالات الخبر حسابك بتقييم لتقييم")
	ratingPrompt   = wordSet("تقييم قيم تقييمات لتقييم بتقييم قيّم")
	ratingObject   = wordSet("المقال المقالات الخبر المقاله الموضوع حسابك")
	newsletterAct  = wordSet("اشترك اشتركوا للاشتراك لاستلام لتلقي استلم تابعونا تابعوا تابع حمل حمّل نزل سجل سجّل انضم انضموا فعل فعّل")
	newsletterWhat = wordSet("النشرة نشرتنا النشره البريدية البريديه الإخبارية اشعارات إشعارات الاشعارات الإشعارات تطبيق التطبيق بريدك البريد الالكتروني الإلكتروني عروض قناتنا صفحتنا حسابنا يوتيوب تلغرام تيليجرام واتساب فيسبوك تويتر انستغرام إنستغرام newsletter")
)

func allIn(words []string, set map[string]bool) bool {
	for _, w := range words {
		if !set[w] {
			return false
		}
	}
	return true
}

func anyIn(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

func hasNumber(li *lineInfo) bool {
	for _, t := range li.toks {
		if t.Kind == text.Number {
			return true
		}
	}
	return false
}

// classifyLine returns the residue kind and rule of one line, or "".
func classifyLine(line string, li *lineInfo, header bool) (kind, rule string) {
	words := li.words
	if len(words) == 0 {
		// punctuation only: separators like "***" or "---" are kept
		return "", ""
	}
	if len(words) <= 4 {
		if e, ok := residueMatcher.Lookup(words); ok {
			return e.Field(0), "whole line is a " + e.Field(0) + " (" + e.Ref() + ")"
		}
	}
	if len(words) <= 6 && hasNumber(li) && anyIn(words, readingWords) && allIn(nonNumbers(li), readingWords) {
		return "reading-time", "reading-time line"
	}
	if len(words) <= 14 && hasNumber(li) && allIn(nonNumbers(li), timestampWords) && onlyTimeShapes(li) {
		// a clock time or a publication label makes it a page timestamp; a
		// bare date ("2009", "- فبراير 2002") is a chronology heading and stays
		switch {
		case hasClock(li):
			return "timestamp", "line of date and time words only, with a clock time"
		case anyIn(words, pubLabels):
			return "timestamp", "publication/update label with a date"
		case header && fullDate(li):
			return "timestamp", "full date alone on a line in the page header"
		}
	}
	if len(words) <= 14 && anyIn(words, ratingPrompt) && anyIn(words, ratingObject) {
		return "rating", "rating prompt"
	}
	if len(words) <= 16 && anyIn(words, newsletterAct) && anyIn(words, newsletterWhat) && !endsSentence(li) {
		return "newsletter", "sign-up or subscription prompt"
	}
	if atMostFields(line, 8) {
		if b64 := base64Token(line); b64 != "" {
			return "base64", "base64 fragment " + truncate(b64, 24)
		}
	}
	return "", ""
}

var (
	pubLabels  = wordSet("نشر النشر تحديث التحديث محدث تاريخ المحدث آخر اخر")
	monthWords = wordSet(`يناير فبراير مارس ابريل أبريل إبريل مايو ماي يونيو يونيه يوليو يوليه يوليوز اغسطس أغسطس غشت سبتمبر شتنبر اكتوبر أكتوبر نوفمبر نونبر ديسمبر دجنبر
جانفي فيفري جوان جويلية أوت كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول تشرين`)
)

// hasClock reports a clock time: number ":" number.
func hasClock(li *lineInfo) bool {
	t := li.toks
	for i := 0; i+2 < len(t); i++ {
		if t[i].Kind == text.Number && t[i+1].Key == ":" && t[i+2].Kind == text.Number && t[i+2].End-t[i+2].Start == 2 {
			return true
		}
	}
	return false
}

// fullDate reports a day, a month name and a year on the line.
func fullDate(li *lineInfo) bool {
	nums, month := 0, false
	for _, t := range li.toks {
		if t.Kind == text.Number {
			nums++
		}
		if t.Kind == text.Word && monthWords[t.Key] {
			month = true
		}
	}
	return (month && nums >= 2) || nums >= 3
}

func endsSentence(li *lineInfo) bool {
	last := li.toks[len(li.toks)-1]
	return last.Kind == text.Punct && last.Key == "."
}

func nonNumbers(li *lineInfo) []string {
	var out []string
	for _, t := range li.toks {
		if t.Kind == text.Word {
			out = append(out, t.Key)
		}
	}
	return out
}

// onlyTimeShapes: the punctuation of a timestamp line is : / - , | and
// brackets, nothing that makes a sentence.
func onlyTimeShapes(li *lineInfo) bool {
	for _, t := range li.toks {
		if t.Kind != text.Punct {
			continue
		}
		switch t.Key {
		case ":", "/", "-", ",", "|", "(", ")", "[", "]", "+", "•", "·":
		default:
			return false
		}
	}
	return true
}

// atMostFields reports whether len(strings.Fields(s)) <= n, without
// splitting s (every line is asked: the slices were 3% of ingest).
func atMostFields(s string, n int) bool {
	count, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			in = true
			if count++; count > n {
				return false
			}
		}
	}
	return true
}

// base64Token returns a token of the line that is base64 of at least 16
// characters with both cases and a digit or padding, and that decodes.
func base64Token(line string) string {
	for _, f := range strings.Fields(line) {
		if len(f) < 16 || len(f)%4 != 0 {
			continue
		}
		upper, lower, digit, other := false, false, false, false
		for i := 0; i < len(f); i++ {
			c := f[i]
			switch {
			case c >= 'A' && c <= 'Z':
				upper = true
			case c >= 'a' && c <= 'z':
				lower = true
			case c >= '0' && c <= '9', c == '=', c == '+', c == '/':
				digit = true
			default:
				other = true
			}
		}
		if other || !upper || !lower || !digit {
			continue
		}
		if _, err := base64.StdEncoding.DecodeString(f); err == nil {
			return f
		}
	}
	return ""
}

// findDatelineAndCredits recognises the dateline at the start of the first
// content lines and the agency credits anywhere in the text.
func findDatelineAndCredits(a *rasad.Article, lines []lineInfo) {
	src := a.Text
	seenContent := 0
	for i := range lines {
		li := &lines[i]
		if li.kind != "" || len(li.words) == 0 {
			continue
		}
		if a.TitleSpan != nil && li.span.Start == a.TitleSpan.Start {
			continue
		}
		seenContent++
		if a.Dateline == nil && seenContent <= 3 {
			if d := matchDateline(src, li); d != nil {
				a.Dateline = d
			}
		}
		for _, c := range matchCredits(src, li) {
			if a.Dateline != nil && c.Start >= a.Dateline.Start && c.End <= a.Dateline.End {
				continue // the dateline already names this agency
			}
			a.Credits = append(a.Credits, c)
		}
	}
}

// matchDateline recognises, at the start of a line:
//
//	( publisher / AGENCY - DATE )      the Sputnik/Urdu Point style
//	PLACE - AGENCY -  or  PLACE (AGENCY) -  or  PLACE - AGENCY:
func matchDateline(src string, li *lineInfo) *rasad.Dateline {
	toks := li.toks
	base := li.span.Start
	if len(toks) == 0 {
		return nil
	}
	if toks[0].Key == "(" {
		// find the closing bracket within the first 40 tokens
		closeAt, slash := -1, -1
		for j := 1; j < len(toks) && j < 40; j++ {
			if toks[j].Key == ")" {
				closeAt = j
				break
			}
			if toks[j].Key == "/" && slash < 0 {
				slash = j
			}
		}
		if closeAt < 0 || slash < 0 {
			return nil
		}
		// AGENCY - DATE after the slash
		keys := wordKeysOf(toks[slash+1 : closeAt])
		for k := 0; k < len(keys); k++ {
			e, n := agencyMatcher.MatchAt(keys, k)
			if n == 0 {
				continue
			}
			d := &rasad.Dateline{
				Span:   rasad.Span{Start: base + toks[0].Start, End: base + toks[closeAt].End},
				Agency: e.Surface, Rule: "bracketed dateline ( publisher / agency - date )",
			}
			// the date: everything after the dash that follows the agency
			for j := slash + 1; j < closeAt; j++ {
				if toks[j].Key == "-" {
					d.Date = strings.TrimSpace(src[base+toks[j].End : base+toks[closeAt].Start])
					break
				}
			}
			return d
		}
		return nil
	}
	// PLACE[، COUNTRY] - AGENCY -  /  PLACE (AGENCY)--  /  (AGENCY)--
	for j := 0; j < len(toks) && j < 10; j++ {
		if toks[j].Kind != text.Punct {
			continue
		}
		if toks[j].Key == "," && j > 0 {
			continue // "دبي، الإمارات العربية المتحدة (CNN)--"
		}
		if toks[j].Key != "-" && toks[j].Key != "(" {
			return nil
		}
		keys := wordKeysOf(toks[j+1 : min(len(toks), j+6)])
		if len(keys) == 0 {
			return nil
		}
		e, n := agencyMatcher.MatchAt(keys, 0)
		if n == 0 {
			return nil
		}
		// after the agency: a dash, a closing bracket then a dash, or a colon
		k := j + 1
		for seen := 0; k < len(toks) && seen < n; k++ {
			if toks[k].Kind != text.Punct {
				seen++
			}
		}
		end := -1
		for ; k < len(toks) && k < j+n+8; k++ {
			switch toks[k].Key {
			case ")", "\"":
				if end < 0 {
					continue
				}
			case "-", ":":
				end = k
				continue // "--" is two dashes
			}
			break
		}
		if end < 0 {
			return nil
		}
		d := &rasad.Dateline{
			Span:   rasad.Span{Start: base + toks[0].Start, End: base + toks[end].End},
			Agency: e.Surface, Rule: "place - agency - dateline",
		}
		if j > 0 {
			d.Place = strings.TrimSpace(src[base+toks[0].Start : base+toks[j-1].End])
		}
		return d
	}
	return nil
}

func wordKeysOf(toks []text.Token) []string {
	var out []string
	for _, t := range toks {
		if t.Kind != text.Punct {
			out = append(out, t.Key)
		}
	}
	return out
}

var creditLead = wordSet("وفق ووفق وفقا ووفقا بحسب وبحسب حسب وحسب نقلا ونقلا عن ذكرت وذكرت افادت وأفادت أفادت نقلت ونقلت اوردت وأوردت أوردت")
var creditPrefixWords = wordSet("وكالة وكاله لوكالة لوكاله قناة قناه لقناة لقناه شبكة شبكه لشبكة لشبكه صحيفة صحيفه لصحيفة لصحيفه موقع لموقع")

// matchCredits finds "(AGENCY)" with only an agency in brackets, and
// "وفق/بحسب/نقلا عن/ذكرت [وكالة] AGENCY".
func matchCredits(src string, li *lineInfo) []rasad.Credit {
	var out []rasad.Credit
	toks := li.toks
	base := li.span.Start
	for j := 0; j < len(toks); j++ {
		t := toks[j]
		if t.Key == "(" {
			closeAt := -1
			for k := j + 1; k < len(toks) && k < j+8; k++ {
				if toks[k].Key == ")" {
					closeAt = k
					break
				}
			}
			if closeAt < 0 {
				continue
			}
			keys := wordKeysOf(toks[j+1 : closeAt])
			if e, ok := agencyMatcher.Lookup(keys); ok && e.Field(1) != "outlet" {
				out = append(out, rasad.Credit{
					Span:   rasad.Span{Start: base + t.Start, End: base + toks[closeAt].End},
					Agency: e.Surface, Rule: "agency in brackets",
				})
			}
			j = closeAt
			continue
		}
		if t.Kind == text.Word && creditLead[t.Key] {
			// up to "عن" and one prefix word, then the agency
			k := j + 1
			if k < len(toks) && toks[k].Key == "عن" {
				k++
			}
			if k < len(toks) && creditPrefixWords[toks[k].Key] {
				k++
			}
			if k >= len(toks) {
				continue
			}
			keys := wordKeysOf(toks[k:min(len(toks), k+4)])
			if len(keys) == 0 || toks[k].Kind == text.Punct {
				continue
			}
			if e, n := agencyMatcher.MatchAt(keys, 0); n > 0 {
				out = append(out, rasad.Credit{
					Span:   rasad.Span{Start: base + t.Start, End: base + toks[k+n-1].End},
					Agency: e.Surface, Rule: "attribution verb + agency",
				})
			}
		}
	}
	return out
}

// ContentID returns the ID of an article's content: the first 16 hex digits
// of the SHA-256 of the normalization keys of its words, with the title line
// and removed residue left out. The same text ingested from a JSON line, a
// text file or a feed item gets the same ID; so does a re-post that differs
// only in diacritics, hamza spelling, digits or residue.
func ContentID(a *rasad.Article) string {
	h := sha256.New()
	masked := a.Masked()
	start := 0
	if a.TitleSpan != nil {
		masked = masked[:a.TitleSpan.Start] + strings.Repeat(" ", a.TitleSpan.End-a.TitleSpan.Start) + masked[a.TitleSpan.End:]
	}
	buf := make([]text.Token, 0, 256)
	for start < len(masked) {
		// tokenize in line-sized pieces to bound memory
		end := strings.IndexByte(masked[start:], '\n')
		if end < 0 {
			end = len(masked)
		} else {
			end += start + 1
		}
		buf = text.AppendTokens(buf[:0], masked[start:end])
		for _, t := range buf {
			if t.Kind == text.Punct {
				continue
			}
			h.Write([]byte(t.Key))
			h.Write([]byte{' '})
		}
		start = end
	}
	if !hasBody(a) {
		// headline-and-summary records: the title and abstract are the content
		h.Write([]byte("\x00title+abstract\x00" + strings.Join(lexicon.WordKeys(a.Title), " ") + "\x00" + strings.Join(lexicon.WordKeys(a.Abstract), " ")))
	}
	sum := h.Sum(nil)
	return hex.EncodeToString(sum[:8])
}

// contentIDOf is ContentID over the body's tokens (residue and title line
// left out) made once by PrepareTokens.
func contentIDOf(a *rasad.Article, body []text.Token) string {
	h := sha256.New()
	for _, t := range body {
		if t.Kind == text.Punct {
			continue
		}
		h.Write([]byte(t.Key))
		h.Write([]byte{' '})
	}
	if !hasBody(a) {
		h.Write([]byte("\x00title+abstract\x00" + strings.Join(lexicon.WordKeys(a.Title), " ") + "\x00" + strings.Join(lexicon.WordKeys(a.Abstract), " ")))
	}
	sum := h.Sum(nil)
	return hex.EncodeToString(sum[:8])
}

// Prepare cleans an article read by Read and gives it its ID. An article
// whose text is nothing but its title and residue is kept when it has an
// abstract (feeds and APIs often carry only headline and summary), and
// rejected otherwise.
func Prepare(a *rasad.Article) error {
	_, err := PrepareTokens(a)
	return err
}

// joinedEquals says whether strings.Join(words, " ") == s, without
// joining (cleaning compares every line of a text with its title).
func joinedEquals(words []string, s string) bool {
	for i, w := range words {
		if i > 0 {
			if len(s) == 0 || s[0] != ' ' {
				return false
			}
			s = s[1:]
		}
		if len(s) < len(w) || s[:len(w)] != w {
			return false
		}
		s = s[len(w):]
	}
	return len(s) == 0
}

// PrepareTokens is Prepare that tokenizes the text once for cleaning, the
// content ID and the search stems, and returns the tokens the analysis
// reads (those of analysis.TextFor(a): residue left out, page timestamps
// kept), so that it need not tokenize again.
func PrepareTokens(a *rasad.Article) ([]text.Token, error) {
	all := text.Tokenize(a.Text)
	cleanTokens(a, all)
	if !hasBody(a) && strings.TrimSpace(a.Abstract) == "" {
		return nil, reject("no text besides the title and residue")
	}
	// the body: without residue and the title line (what ContentID hashes
	// and the index holds); the analysis keeps page timestamps
	pb := getCleanBufs()
	body := pb.bodyFor(len(all))
	defer func() {
		pb.body = body // cleared by release, also after an early return
		pb.release()
	}()
	var analysed []text.Token
	if len(a.Removed) > 0 {
		analysed = make([]text.Token, 0, len(all))
	}
	ri := 0
	for _, t := range all {
		for ri < len(a.Removed) && a.Removed[ri].End <= t.Start {
			ri++
		}
		inRemoved, inMasked := false, false
		for k := ri; k < len(a.Removed) && a.Removed[k].Start < t.End; k++ {
			r := a.Removed[k]
			if !validSpan(r.Span, len(a.Text)) || r.End <= t.Start {
				continue
			}
			if t.Start < r.Start || t.End > r.End {
				return prepareSlow(a) // a span that cuts a token: masking makes other tokens
			}
			inRemoved = true
			inMasked = inMasked || r.Kind != "timestamp"
		}
		if !inMasked && len(a.Removed) > 0 {
			analysed = append(analysed, t)
		}
		if ts := a.TitleSpan; ts != nil && t.Start < ts.End && t.End > ts.Start {
			if t.Start < ts.Start || t.End > ts.End {
				return prepareSlow(a)
			}
			continue
		}
		if !inRemoved {
			body = append(body, t)
		}
	}
	if len(a.Removed) == 0 || len(analysed) == len(all) {
		analysed = all // nothing masked: share the tokens
	}
	a.ID = contentIDOf(a, body)
	a.SearchKeys = &rasad.SearchKeys{Title: text.IndexStems(a.Title), Body: text.IndexStemsTokens(body)}
	return analysed, nil
}

// prepareSlow sets the ID and search stems from the masked text, for the
// rare text whose residue spans cut tokens; the analysis tokenizes itself
// (nil tokens).
func prepareSlow(a *rasad.Article) ([]text.Token, error) {
	a.ID = ContentID(a)
	masked := a.Masked()
	if a.TitleSpan != nil {
		masked = masked[:a.TitleSpan.Start] + strings.Repeat(" ", a.TitleSpan.End-a.TitleSpan.Start) + masked[a.TitleSpan.End:]
	}
	a.SearchKeys = &rasad.SearchKeys{Title: text.IndexStems(a.Title), Body: text.IndexStems(masked)}
	return nil, nil
}

func validSpan(s rasad.Span, n int) bool { return s.Start >= 0 && s.End <= n && s.Start <= s.End }

// PrepareAll runs Prepare over the articles of items on every core,
// setting Err on the items it rejects. Order is kept.
func PrepareAll(items []Item) {
	PrepareAllTokens(items)
}

// PrepareAllTokens is PrepareAll that also returns, for each item, the
// tokens its analysis reads (PrepareTokens; nil for rejected items).
func PrepareAllTokens(items []Item) [][]text.Token {
	toks := make([][]text.Token, len(items))
	par.Do(len(items), func(i int) {
		if items[i].Err != nil || items[i].Article == nil {
			return
		}
		t, err := PrepareTokens(items[i].Article)
		if err != nil {
			items[i].Err = err
			items[i].Article = nil
			return
		}
		toks[i] = t
	})
	return toks
}

func hasBody(a *rasad.Article) bool {
	m := a.Masked()
	if a.TitleSpan != nil {
		m = m[:a.TitleSpan.Start] + m[a.TitleSpan.End:]
	}
	for _, r := range m {
		if r != utf8.RuneError && text.IsArabicLetter(r) || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') {
			return true
		}
	}
	return false
}
