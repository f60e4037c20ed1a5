package dates

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// Cross-article alignment: a relative expression ("انطلقت اليوم في جنيف
// المحادثات…", "يبحث مسؤولون روس…، الأربعاء، في موسكو") often reports what
// another article of the collection dates in full ("فى 10 يناير الجاري
// انطلقت في جنيف، المحادثات…"). When the two sentences share enough content
// words, the dated one tells the undated article's date: the day the
// expression names, minus its offset from the publication date.

// minShared is how many distinct content stems two sentences must share,
// and minOverlap the share of the shorter sentence's stems, to align.
const (
	minShared  = 4
	minOverlap = 0.4
)

type datedSentence struct {
	doc   int
	day   time.Time
	stems map[string]bool
	text  string
}

// contentStems returns the stems of the content words of s: words of three
// letters or more that are not function words.
func contentStems(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range text.Tokenize(s) {
		if t.Kind != text.Word || utf8.RuneCountInString(t.Key) < 3 || functionWords[t.Key] {
			continue
		}
		st := text.Stem(t.Key)
		if utf8.RuneCountInString(st) >= 2 && !functionWords[st] {
			out[st] = true
		}
	}
	return out
}

var functionWords = set(`في فى من على علي الى إلى عن مع حول بين بعد قبل منذ خلال حتى عند لدى أن ان إن انه أنه التي الذي الذين اللذين هذا هذه ذلك تلك هو هي هم كما وقد قد لقد كان كانت يكون تكون
ومن وفي وعلى أو او ثم لكن بل غير كل بعض أي اي فيما بينما حيث ضمن دون نحو لدي لها له لهم عليه عليها إليه اليه فيه فيها منه منها به بها اليوم أمس امس الأربعاء الخميس الجمعة السبت الأحد الاثنين الثلاثاء
قال قالت وقال وقالت أضاف وأضاف أكد وأكد أعلن وأعلن ايضا أيضا`)

// sentenceOf returns the span of the sentence of src that holds offset off.
func sentenceOf(sents []text.Span, off int) text.Span {
	for _, s := range sents {
		if s.Start <= off && off < s.End {
			return s
		}
	}
	return text.Span{Start: off, End: off}
}

// datedSentences lists, for an article with an anchor, every sentence that
// holds a day-precision date, with that date.
func datedSentences(doc int, src string, anchor Anchor) []datedSentence {
	var out []datedSentence
	sents := text.Sentences(src)
	for _, tx := range Tag(src, anchor) {
		if tx.Type != "DATE" || len(tx.Value) < 10 || tx.Value[4] != '-' || len(tx.Value) > 10 && tx.Value[10] != 'T' && tx.Value[10] != '/' {
			continue
		}
		d, err := time.Parse("2006-01-02", tx.Value[:10])
		if err != nil {
			continue
		}
		sp := sentenceOf(sents, tx.Start)
		out = append(out, datedSentence{doc: doc, day: d, stems: contentStems(src[sp.Start:sp.End]), text: src[sp.Start:sp.End]})
	}
	return out
}

// align looks for the date of article a (undated) among the dated sentences
// of the others. It returns the publication date its best alignment
// implies, and the evidence.
func align(a *rasad.Article, dated []datedSentence) (time.Time, string, bool) {
	src := TextFor(a)
	t := newTagger(src)
	sents := text.Sentences(src)
	var best time.Time
	bestShared, evidence := 0, ""
	for _, m := range t.scan() {
		p := m.p
		if !(p.hasDayOff || (p.wd != 0 && p.m == 0)) {
			continue
		}
		s, _ := t.span(m.start, m.end)
		sp := sentenceOf(sents, s)
		mine := contentStems(src[sp.Start:sp.End])
		for _, ds := range dated {
			shared := 0
			for st := range mine {
				if ds.stems[st] {
					shared++
				}
			}
			smaller := min(len(mine), len(ds.stems))
			if shared < minShared || smaller == 0 || float64(shared)/float64(smaller) < minOverlap || shared <= bestShared {
				continue
			}
			var P time.Time
			switch {
			case p.hasDayOff:
				if p.wd != 0 && isoWeekday(ds.day) != p.wd {
					continue
				}
				P = ds.day.AddDate(0, 0, -p.dayOff)
			default: // a bare weekday: that day, reported the same day
				if isoWeekday(ds.day) != p.wd {
					continue
				}
				P = ds.day
			}
			best, bestShared = P, shared
			evidence = fmt.Sprintf("%q matches a sentence dated %s in another article (%d shared words)",
				t.src[s:s+min(len(t.src)-s, len(src[s:m.endByte(t)]))], ds.day.Format("2006-01-02"), shared)
		}
	}
	return best, evidence, bestShared > 0
}

func (m match) endByte(t *tagger) int { return t.toks[m.end-1].End }
