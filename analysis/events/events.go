// Package events finds event mentions in Arabic news: a trigger from the
// triggers lexicon typed with PLOVER, its participants (people,
// organizations, states) and place from the entity stage, its date from the
// temporal stage, and its status — all read from the same clause, or from
// an explicit link (آنذاك، تلك المحادثات) to the sentence before.
package events

import (
	"sort"
	"strings"
	"sync"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/lexicon"
	"github.com/rasad/rasad/text"
)

type trigger struct {
	typ, mode, form string
	ref             string
}

var (
	once    sync.Once
	matcher *lexicon.Matcher
	// firstWords holds the first word of every trigger: a word it rules
	// out starts none, and matchAt skips the matcher's lookup
	firstWords text.KeyFilter
	triggers   map[entryRef]trigger // by lexicon ref
	adjOf      map[string]string    // nationality adjective key -> country name
)

func load() {
	once.Do(func() {
		es := lexicon.MustLoad("triggers.tsv")
		matcher = lexicon.NewMatcher(es)
		for _, e := range es {
			firstWords.Add(e.Words[0])
		}
		triggers = map[entryRef]trigger{}
		for _, e := range es {
			triggers[refOf(e)] = trigger{typ: e.Field(0), mode: e.Field(1), form: e.Field(2), ref: e.Ref()}
		}
		adjOf = map[string]string{}
		for _, e := range lexicon.MustLoad("places.tsv") {
			if e.Field(1) == "adj" && len(e.Words) == 1 {
				adjOf[e.Words[0]] = e.Field(0)
			}
		}
		for _, w := range []string{"أطلسي", "الأطلسي", "أطلسية", "الأطلسية"} {
			adjOf[text.Key(w)] = "NATO"
		}
	})
}

var (
	contrastWords  = keys("في حين", "فيما", "بينما")
	relatives      = keys("التي", "الذي", "اللذين", "اللذان", "اللتين", "اللتان", "الذين", "اللاتي", "اللواتي")
	anaphorCues    = keys("آنذاك", "تلك", "ذلك", "حينها", "حينذاك", "وقتها")
	demonstratives = keys("تلك", "ذلك")
	vagueCues      = keys("مؤخرا", "مؤخراً", "سابقا", "سابقاً", "مسبقا", "قبلا")
	duringPreps    = keys("خلال", "في", "أثناء", "اثناء")
	timeNouns      = keys("الوقت", "اليوم", "الحين", "الأسبوع", "الشهر", "العام", "الفترة", "المناسبة", "الليلة", "المساء", "الصباح", "التاريخ", "الموعد")
	speechVerbs    = keys("قال", "قالت", "أعلن", "أعلنت", "أوضح", "أوضحت", "أكد", "أكدت", "أضاف", "أضافت", "ذكر", "ذكرت", "صرح", "صرحت", "أفاد", "أفادت", "كتب", "كتبت", "أشار", "أشارت", "اعتبر", "اعتبرت")
	wishCues       = keys("رغبته", "رغبتها", "رغبتهم", "رغبة", "يسعى", "تسعى", "يسعون", "يريد", "تريد", "يريدون", "يأمل", "تأمل", "يأملون",
		"يرغب", "ترغب", "اتفق", "اتفقا", "اتفقت", "اتفقوا", "وافق", "وافقت", "وافقا", "مستعد", "مستعدة", "مستعدون", "استعداده", "استعدادها", "استعدادهم", "دعا", "دعت", "يدعو", "تدعو", "طالب", "طالبت",
		"يطالب", "تطالب", "اقترح", "اقترحت", "عرض", "عرضت",
		// an invitation to meet, accepted or not, is not the meeting (قبل
		// الدعوة للقاء، سيقبل دعوته إلى قمة)
		"الدعوة", "دعوة", "دعوته", "دعوتها", "قبول", "سيقبل", "ستقبل")
	plannedCues  = keys("خطط", "سيعقدان", "ستعقدان", "سيجريان", "ستجريان", "سيجري", "ستجري", "يستعد", "تستعد", "يستعدون", "تستعدان", "يستعدان", "المقرر", "المرتقب", "المرتقبة", "مرتقب", "مرتقبة", "سيعقد", "ستعقد", "يعتزم", "تعتزم", "المزمع", "تعدان", "يعدان", "التحضير", "الإعداد", "اقتراب", "موعد")
	announceKey  = strings.Join(lexicon.WordKeys("الإعلان"), " ")
	aboutKey     = strings.Join(lexicon.WordKeys("عن"), " ")
	negationCues = keys("لا", "لم", "لن", "ليس", "دون", "عدم")
	frontPreps   = keys("في", "وفي", "خلال", "وخلال", "عبر", "وعبر", "أثناء", "وأثناء")
)

func keys(ws ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[strings.Join(lexicon.WordKeys(w), " ")] = true
	}
	return m
}

// Input is what the extractor reads of one article.
type Input struct {
	Text      string
	Tokens    []text.Token
	Timexes   []rasad.Timex
	Mentions  []rasad.Mention
	Published string // the article's date (YYYY-MM-DD), "" when unknown
	// Dateline is the span of the article's dateline, whose date is the
	// publication's, not an event's.
	Dateline *rasad.Span

	ix *index // set by Find
}

type word struct {
	tok  int
	key  string
	sent int
}

// Find returns the event mentions of one article.
func Find(in Input) []rasad.EventMention {
	load()
	in.ix = newIndex(in)
	sents := text.Sentences(in.Text)
	// the word list and its keys live in slices kept between texts
	b := new(findBufs)
	if poolFind {
		b = findPool.Get().(*findBufs)
		defer b.release()
	}
	words := b.wordsFor(len(in.Tokens))
	si := 0
	for i, t := range in.Tokens {
		for si < len(sents) && sents[si].End <= t.Start {
			si++
		}
		if t.Kind == text.Punct {
			continue
		}
		words = append(words, word{tok: i, key: t.Key, sent: si})
	}
	b.words = words
	keysOf := b.keysFor(len(words))
	for i, w := range words {
		keysOf[i] = w.key
	}
	presidents := coordinatedPair(in.Mentions, "president")
	if presidents == nil {
		presidents = topByRole(in.Text, in.Mentions, "president", 2)
	}
	ministers := topByRole(in.Text, in.Mentions, "foreign minister", 2)

	var out []rasad.EventMention
	lastDated := map[int]rasad.Timex{} // sentence -> its single day-level date
	for s := range sents {
		sp := rasad.Span{Start: sents[s].Start, End: sents[s].End}
		if d, ok := singleDay(pick(in.Timexes, in.ix.txAt, sp), sents[s]); ok {
			lastDated[s] = d
		}
	}
	for i := 0; i < len(words); i++ {
		e, n, strip := matchAt(keysOf, i, in.Text[in.Tokens[words[i].tok].Start:in.Tokens[words[i].tok].End])
		var tr trigger
		if n > 0 {
			tr = triggers[refOf(e)]
		} else if g := gappedProposal(keysOf, words, i); g > 0 {
			// نشرت روسيا يوم 17 ديسمبر مشروعي اتفاقيتين: a proposal made
			// public, with the object a few words after the verb
			tr, n, strip = trigger{typ: "REQUEST", mode: "proposal", form: "past", ref: "publish/submit verb + draft/proposal noun"}, 1, g-1
		}
		if n == 0 || (i+n-1 < len(words) && words[i+n-1].sent != words[i].sent) {
			continue
		}
		if !hasObject(tr, keysOf, words, i+n) {
			i += n - 1
			continue // وقعت في المجموعة: fell, not signed; مؤتمر صحفي عقد: a press conference
		}
		w0, wl := in.Tokens[words[i].tok], in.Tokens[words[i+n-1].tok]
		sent := sents[words[i].sent]
		start := w0.Start + strip
		em := rasad.EventMention{
			Trigger: rasad.Span{Start: start, End: wl.End}, Text: in.Text[start:wl.End],
			Type: tr.typ, Mode: tr.mode, Rule: "trigger " + tr.ref,
			Sentence: rasad.Span{Start: sent.Start, End: sent.End},
		}
		// the rules below read the sentence (at most reach bytes either
		// side of the trigger) through an index: linear in the text
		rw := window(sent, w0.Start, wl.End)
		nin := in.within(rw)
		rws := text.Span{Start: rw.Start, End: rw.End}
		seg := segment(nin, rws, w0.Start)
		// fin: the whole text's tokens (rules that index them by word) with
		// the window's dates and mentions
		fin := in
		fin.Timexes, fin.Mentions = nin.Timexes, nin.Mentions
		// a relative clause (الانتهاكات التي تتهم المعارضة النظام بها): who
		// acts in it is named after the relative pronoun, not before it
		for b := i - 1; b >= 0 && b >= i-2 && words[b].sent == words[i].sent; b-- {
			if t := in.Tokens[words[b].tok]; (relatives[t.Key] || relatives[text.StripConj(t.Key)]) && t.Start > seg.Start {
				seg.Start = t.Start
				break
			}
		}
		if reportedSpeech(nin, rws, w0.Start) {
			i += n - 1
			continue // someone's words, often hypothetical, not reported as done
		}
		zones := speakerZones(nin, seg, w0.Start)
		if in.Dateline != nil {
			zones = append(zones, *in.Dateline)
		}
		zones = append(zones, relativeZones(fin, words, keysOf, i, n, seg, tr.form != "noun")...)
		// the date: the nearest one in the clause; or, for an explicit link
		// (آنذاك، تلك), the latest date before; or the previous sentence's
		// single day for a CONSULT report that continues it
		dzones := append(zones, laterEventZone(fin, keysOf, words, i, n, seg)...)
		if tr.form == "noun" {
			dzones = append(dzones, aboutZone(fin, keysOf, words, i, seg)...)
		}
		dzones = append(dzones, causeZones(fin, keysOf, words, i, n, seg, tr.form == "noun")...)
		dzones = append(dzones, sayingZones(fin, keysOf, words, i, seg)...)
		// «…، بحسب ما قال مسؤول في بروكسل الجمعة»: the saying's date
		dzones = append(dzones, attributionZones(fin, keysOf, words, rasad.Span{Start: wl.End, End: seg.End})...)
		if tr.form == "past" {
			dzones = append(dzones, consequentZone(fin, words, i, strip, seg)...)
		}
		if tx, ok := nearestDate(nin.Timexes, seg, w0.Start, dzones); ok {
			em.Date, em.DateRule = tx.Value, "date in the clause: "+tx.Text
		} else if hasCue(nin, rws, vagueCues) {
			em.DateRule = "no day: a vague time (مؤخرا، في وقت سابق)"
		} else if tx, ok := in.ix.latestDateBefore(sent.Start); ok && hasAnaphor(nin, rws) {
			em.Date, em.DateRule = tx.Value, "linked (آنذاك/تلك) to the date before: "+tx.Text
		} else if prev, ok := lastDated[words[i].sent-1]; ok && tr.typ == "CONSULT" && !hasAnyDate(nin.Timexes, rws) {
			em.Date, em.DateRule = prev.Value, "date of the previous sentence: "+prev.Text
		}
		// people from the sentence's segment around the trigger (bounded), the
		// place from the trigger's own clause
		win := clauseWindow(fin, words, seg, i, n, false)
		if thatCall(keysOf, words, i) {
			win.Start = seg.Start // «اتفق X وY على …، وذلك في اتصال هاتفي»: the clause's own sides
		}
		pzones := zones
		if z, _ := speechParties(nin, seg, w0.Start, wl.End); z.End > z.Start {
			// the speaker (and whom he spoke to) took part; what he said did not
			pzones = nil
			for _, o := range zones {
				if o != z {
					pzones = append(pzones, o)
				}
			}
			win.Start, win.End = min(win.Start, z.Start), z.End
		}
		// the body announcing a toll, the one kept out by a negation
		pzones = append(pzones, announcerZone(fin, keysOf, words, i, seg)...)
		pzones = append(pzones, absentZone(fin, keysOf, words, i, seg)...)
		if !afterMeeting(keysOf, words, i) || thatCall(keysOf, words, i) {
			// «وفق ما أعلن X، السبت، بعد لقاء مع Y»: the one credited met
			pzones = append(pzones, attributionZones(fin, keysOf, words, win)...)
		}
		em.Participants, _, _ = participants(nin, sideWindow(fin, words, keysOf, win, i, n), w0.Start, wl.End, presidents, ministers, pzones)
		_, em.Place, em.PlaceName = participants(nin, placeWindow(fin, words, keysOf, clauseWindow(fin, words, seg, i, n, tr.form != "noun"), i, n), w0.Start, wl.End, nil, nil, zones)
		em.Participants = addParticipants(em.Participants, roleReferences(fin, keysOf, words, win, nin.Mentions, pzones)...)
		em.Participants = addParticipants(em.Participants, actingStates(fin, keysOf, words, placeWindow(fin, words, keysOf, win, i, n), pzones, tr.mode == "visit")...)
		if tr.form != "noun" && !hasStrong(em.Participants) {
			em.Participants = addParticipants(em.Participants, subjectStates(fin, keysOf, words, i, n, seg)...)
		}
		// a pronoun suffix on the trigger (قال إن لقاءه …) points back to the speaker
		stripped := text.StripConj(keysOf[i])
		suffixed := n == 1 && len(e.Words) == 1 && stripped != e.Words[0] && !strings.HasSuffix(e.Words[0], "ه") &&
			(strings.HasSuffix(stripped, "ه") || strings.HasSuffix(stripped, "ها") || strings.HasSuffix(stripped, "هما"))
		if z, ok := speakerActs(fin, zones, keysOf, words, i, suffixed); ok {
			for _, m := range nin.Mentions {
				if m.Type == "PERSON" && m.Start >= z.Start && m.End <= z.End {
					em.Participants = addParticipants(em.Participants, rasad.Participant{Type: "PERSON", Key: m.Key, Name: m.Text})
				}
			}
			em.Participants = addParticipants(em.Participants, roleReferences(fin, keysOf, words, z, nin.Mentions, nil)...)
		}
		if hasCue(nin, text.Span{Start: win.Start, End: win.End}, bothSides) {
			prevStart := sent.Start
			if s := words[i].sent; s > 0 {
				prevStart = sents[s-1].Start
			}
			em.Participants = addParticipants(em.Participants, twoSides(in.ix, out, sent.Start, prevStart)...)
		}
		if talkVerbs[text.StripConj(keysOf[i])] && strongCount(em.Participants) < 2 {
			i += n - 1
			continue // تحدث مع الصحفيين: not a talk between two sides
		}
		if bareCall[text.StripConj(keysOf[i])] && n == 1 && !hasStrong(em.Participants) {
			i += n - 1
			continue // اتصال alone is a call only with someone to call
		}
		clitic := in.Text[w0.Start : w0.Start+strip]
		if tr.form == "past" && after(em.Date, in.Published) && i > 0 && !objectPreps[keysOf[i-1]] &&
			!strings.Contains(clitic, "ل") && !strings.Contains(clitic, "ب") {
			// اتفقا على لقاء في يوليو: a verb in the past does not happen on
			// the later date of what it is about (after على/إلى/لـ a past
			// form is a verbal noun: دعت إلى عقد اجتماع الأحد المقبل)
			em.Date, em.DateRule = "", "a later date belongs to the object of a past verb"
		}
		em.Status = status(nin, tr, seg, w0.Start, em.Date)
		if cancelled(keysOf, words, i) {
			em.Status = "cancelled"
		}
		if len(em.Participants) == 0 && em.Place == "" {
			i += n - 1
			continue // nobody and nowhere: not an event Rasad can report
		}
		out = append(out, em)
		i += n - 1
	}
	return out
}

// objectNouns are what a verb of signing or holding must have within a
// few words after it to be that event: وقع اتفاقا، عقد اجتماعا.
var objectNouns = map[string]map[string]bool{
	"sign": keys("اتفاق", "اتفاقا", "الاتفاق", "اتفاقية", "الاتفاقية", "اتفاقيات", "الاتفاقيات", "اتفاقيتين", "مذكرة", "مذكرات",
		"معاهدة", "المعاهدة", "عقد", "عقدا", "العقد", "عقود", "عقودا", "صفقة", "الصفقة", "صفقات", "بروتوكول", "إعلان", "الإعلان",
		"وثيقة", "الوثيقة", "ميثاق", "على", "مرسوما", "المرسوم", "قانونا", "القانون", "أمرا", "امرا"),
	"hold": keys("اجتماع", "اجتماعا", "الاجتماع", "اجتماعات", "لقاء", "لقاءات", "اللقاء", "محادثات", "المحادثات", "مباحثات",
		"المباحثات", "قمة", "القمة", "جلسة", "الجلسة", "جلسات", "جولة", "الجولة", "مشاورات", "المشاورات", "مفاوضات", "المفاوضات",
		"مؤتمرا", "مؤتمر", "المؤتمر", "اتصالا", "منتدى", "حوارا", "الحوار"),
}

// talkVerbs are CONSULT triggers that mean "spoke" and need مع (with
// someone) a few words after them, and someone named on both sides.
var (
	talkVerbs = keys("تحدث", "تحدثت", "تحدثا", "تحادث", "تحادثت", "تحادثا")
	withWords = keys("مع")
)

// holdVerbs are the CONSULT triggers that mean "held" and need an object.
var holdVerbs = keys("عقد", "عقدت", "عقدا", "يعقد", "تعقد", "يعقدان", "سيعقد", "ستعقد")

// hasObject: a signing verb needs an agreement after it, a holding verb a
// meeting — and a press conference (مؤتمر صحفي) is not a meeting between
// parties. Other triggers need nothing.
func hasObject(tr trigger, keysOf []string, words []word, j int) bool {
	var objs map[string]bool
	switch {
	case tr.mode == "sign" && tr.form != "noun":
		objs = objectNouns["sign"]
	case tr.typ == "CONSULT" && j > 0 && holdVerbs[text.StripConj(keysOf[j-1])]:
		objs = objectNouns["hold"]
	case tr.typ == "CONSULT" && j > 0 && talkVerbs[text.StripConj(keysOf[j-1])]:
		objs = withWords // تحدث مع: spoke with someone, not about something
	default:
		return true
	}
	if b := j - 2; b >= 1 && (strings.HasPrefix(keysOf[b], "صحفي") || strings.HasPrefix(keysOf[b], "الصحفي")) {
		return false // مؤتمر صحفي عقد
	}
	if b := j - 2; b >= 0 && keysOf[b] == "علي" && tr.mode == "sign" {
		return false // على وقع التصفيق: to the sound of
	}
	// a signing's object may follow its subjects, date and place: وقع
	// الوزير ونظيره، الثلاثاء، في المدينة اتفاقا
	reach := 6
	if tr.mode == "sign" {
		reach = 16
	}
	for k := j; k < len(words) && k < j+reach && words[k].sent == words[j-1].sent; k++ {
		key := text.StripConj(keysOf[k])
		if key == "ان" || key == "انه" || key == "انها" {
			break // what is said is not the object
		}
		if key == "علي" && tr.mode == "sign" && k > j+2 {
			continue // على far from the verb (وقع في المدينة، حيث عثر، الأحد، على …): not its object
		}
		if objs[key] {
			next := ""
			if k+1 < len(keysOf) {
				next = keysOf[k+1]
			}
			if strings.HasPrefix(next, "صحفي") || strings.HasPrefix(next, "الصحفي") {
				return false
			}
			return true
		}
	}
	// the object may come before a passive or relative "held": مؤتمر صحفي عقد
	for k := j - 2; k >= 0 && k >= j-4 && words[k].sent == words[j-1].sent; k-- {
		if key := text.StripConj(keysOf[k]); objs[key] && key != "علي" {
			return !strings.HasPrefix(keysOf[k+1], "صحفي") && !strings.HasPrefix(keysOf[k+1], "الصحفي")
		}
	}
	return false
}

var (
	publishVerbs = keys("نشرت", "نشر", "قدمت", "قدم", "طرحت", "طرح", "سلمت", "سلم")
	draftNouns   = keys("مشروع", "مشروعي", "مشروعا", "مسودة", "مسودتي", "مقترح", "مقترحا", "مقترحات", "اقتراح", "اقتراحا")
)

// gappedProposal matches a publish/submit verb (with a conjunction or not)
// whose object, a draft or proposal, follows within six words in the same
// sentence. It returns 1 + the clitic bytes stripped, or 0.
func gappedProposal(keysOf []string, words []word, i int) int {
	k, strip := keysOf[i], 0
	if !publishVerbs[k] {
		if (strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف")) && publishVerbs[k[len("و"):]] {
			strip = len("و")
		} else {
			return 0
		}
	}
	for j := i + 1; j < len(words) && j <= i+6 && words[j].sent == words[i].sent; j++ {
		if draftNouns[keysOf[j]] {
			return 1 + strip
		}
	}
	return 0
}

// findBufs are Find's word list and keys, kept between texts in
// findPool: each Find takes them, and release clears them (so the pool
// keeps no text alive) and puts them back (TestPooledFindSameAsFresh).
type findBufs struct {
	words []word
	keys  []string
}

var findPool = sync.Pool{New: func() any { return new(findBufs) }}

// poolFind is false only in the test that compares Find with and without
// the pool.
var poolFind = true

// wordsFor returns the word list, empty, with room for n words.
func (b *findBufs) wordsFor(n int) []word {
	if cap(b.words) < n {
		b.words = make([]word, 0, n)
	}
	return b.words[:0]
}

// keysFor returns the keys slice at length n.
func (b *findBufs) keysFor(n int) []string {
	if cap(b.keys) < n {
		b.keys = make([]string, n)
	}
	b.keys = b.keys[:n]
	return b.keys
}

func (b *findBufs) release() {
	// only what this text used: the rest is clear already (clearing the
	// whole of a slice grown by one long text would cost every text after
	// it as much)
	clear(b.words)
	clear(b.keys)
	findPool.Put(b)
}

// matchAt matches a trigger at word i (raw is the word as written): the
// word itself, under a conjunction or preposition, or under a pronoun
// suffix.
func matchAt(keysOf []string, i int, raw string) (lexicon.Entry, int, int) {
	e, n := triggerAt(keysOf, i)
	if n > 0 {
		return e, n, 0
	}
	k := keysOf[i]
	// the clitics و ف ل ب ول وب فل that k starts with, in that order (at
	// most one of one letter, then one of two)
	var clitics [3]string
	nc := 0
	if len(k) >= 2 {
		switch k[:2] {
		case "و", "ف", "ل", "ب":
			clitics[nc] = k[:2]
			nc++
		}
	}
	if len(k) >= 4 {
		switch k[:4] {
		case "ول", "وب", "فل":
			clitics[nc] = k[:4]
			nc++
		}
	}
	for _, p := range clitics[:nc] {
		if len(k)-len(p) >= 4 {
			saved := keysOf[i]
			keysOf[i] = k[len(p):]
			e, n = triggerAt(keysOf, i)
			keysOf[i] = saved
			if n > 0 {
				return e, n, len(p)
			}
		}
	}
	// a pronoun suffix on a noun or a past verb: اجتماعه، لقائهما، وقعته
	// (not a final ة, which the key writes ه: وزارة is not زار + ه)
	if strings.HasSuffix(raw, "ة") {
		return lexicon.Entry{}, 0, 0
	}
	var buf [8]string
	for c := -1; c < nc; c++ {
		p := "" // no clitic first, then each of them
		if c >= 0 {
			p = clitics[c]
		}
		for _, st := range appendSuffixStems(buf[:0], k[len(p):]) {
			saved := keysOf[i]
			keysOf[i] = st
			e, n = triggerAt(keysOf, i)
			keysOf[i] = saved
			if n == 1 && (e.Field(2) == "noun" || e.Field(2) == "past") {
				return e, n, len(p)
			}
		}
	}
	return lexicon.Entry{}, 0, 0
}

// entryRef names a lexicon entry by file and line, as its Ref does,
// without formatting a string per match.
type entryRef struct {
	file string
	line int
}

func refOf(e lexicon.Entry) entryRef { return entryRef{e.File, e.Line} }

// triggerAt is matcher.MatchAt(keysOf, i), without the lookup when no
// trigger starts with keysOf[i].
func triggerAt(keysOf []string, i int) (lexicon.Entry, int) {
	if !firstWords.MayHave(keysOf[i]) {
		return lexicon.Entry{}, 0
	}
	return matcher.MatchAt(keysOf, i)
}

// segment is the part of the sentence that dates and participants are read
// from: a sentence splits at contrast conjunctions (في حين، فيما، بينما),
// which often start a report of another time.
func segment(in Input, sent text.Span, at int) rasad.Span {
	seg := rasad.Span{Start: sent.Start, End: sent.End}
	for _, t := range in.Tokens {
		if t.Start < sent.Start || t.End > sent.End {
			continue
		}
		k := t.Key
		if contrastWords[k] || k == "في" && strings.HasPrefix(in.Text[t.End:min(len(in.Text), t.End+12)], " حين") {
			if t.Start <= at && t.Start > seg.Start {
				seg.Start = t.Start
			} else if t.Start > at && t.Start < seg.End {
				seg.End = t.Start
			}
		}
	}
	return seg
}

func calendarDate(tx rasad.Timex) bool {
	return (tx.Type == "DATE" || tx.Type == "TIME") && tx.Value != "" && tx.Value[0] >= '0' && tx.Value[0] <= '9'
}

// nearestDate is the calendar date in the segment closest to the trigger,
// outside the speaker's words (the date of "أعلنت … اليوم الثلاثاء أن"
// dates the statement, not what it announces).
func nearestDate(txs []rasad.Timex, seg rasad.Span, at int, zones []rasad.Span) (rasad.Timex, bool) {
	best, bestDist := rasad.Timex{}, -1
	for _, tx := range txs {
		if !calendarDate(tx) || tx.Start < seg.Start || tx.End > seg.End || inZones(zones, tx.Span) {
			continue
		}
		d := tx.Start - at
		if d < 0 {
			d = at - tx.End
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = tx, d
		}
	}
	return best, bestDist >= 0
}

func hasAnyDate(txs []rasad.Timex, s text.Span) bool {
	for _, tx := range txs {
		if calendarDate(tx) && tx.Start >= s.Start && tx.End <= s.End {
			return true
		}
	}
	return false
}

// singleDay returns the only day-level date of a sentence (months and
// weeks aside).
func singleDay(txs []rasad.Timex, s text.Span) (rasad.Timex, bool) {
	var found []rasad.Timex
	for _, tx := range txs {
		if calendarDate(tx) && tx.Start >= s.Start && tx.End <= s.End && len(tx.Value) >= 10 && tx.Value[4] == '-' && tx.Value[7] == '-' && !strings.Contains(tx.Value, "/") {
			found = append(found, tx)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return rasad.Timex{}, false
}

// hasAnaphor: a cue that links the sentence to the time just told
// (آنذاك، تلك المحادثات، خلال ذلك اللقاء), but not "قبل ذلك"/"بعد ذلك",
// which point before or after it.
//
// A demonstrative (تلك، ذلك) links only as the determiner of an event or a
// time (تلك المحادثات، ذلك اليوم) or as the object of خلال/في/أثناء: «لخفض
// ذلك الرقم» points at a number, not a time.
func hasAnaphor(in Input, s text.Span) bool {
	prev := ""
	for i, t := range in.Tokens {
		if t.Start < s.Start || t.End > s.End {
			continue
		}
		k := strings.TrimPrefix(t.Key, "و")
		if anaphorCues[k] && prev != "قبل" && prev != "بعد" && prev != "منذ" {
			if !demonstratives[k] {
				return true
			}
			next := ""
			if i+1 < len(in.Tokens) && in.Tokens[i+1].Kind != text.Punct && in.Tokens[i+1].End <= s.End {
				next = text.StripConj(in.Tokens[i+1].Key)
			}
			if next == "" && duringPreps[prev] || timeNouns[next] {
				return true
			}
			if _, n := matcher.MatchAt([]string{next}, 0); n > 0 && next != "" {
				return true
			}
		}
		if t.Kind != text.Punct {
			prev = k
		}
	}
	return false
}

func hasCue(in Input, s text.Span, cues map[string]bool) bool {
	for _, t := range in.Tokens {
		if t.Start >= s.Start && t.End <= s.End && (cues[t.Key] || strings.HasPrefix(t.Key, "و") && cues[t.Key[len("و"):]]) {
			return true
		}
	}
	return false
}

// objectPreps introduce a verbal noun that reads like a past verb (عقد).
var objectPreps = keys("على", "إلى", "الى", "ل", "بعد", "قبل", "من", "حول", "بشأن")

// after reports whether the TIMEX3 date value (day, month or year) lies
// wholly after the publication date YYYY-MM-DD.
func after(date, published string) bool {
	if date == "" || len(published) < 10 || strings.ContainsAny(date, "WQX") {
		return false
	}
	if i := strings.IndexByte(date, 'T'); i > 0 {
		date = date[:i]
	}
	if len(date) > 10 || len(date) < 4 {
		return false
	}
	return date > published[:len(date)]
}

// tokenEndAfter is the end offset of the n-th word token starting at or
// after offset at (the end of the text if there are fewer).
func tokenEndAfter(toks []text.Token, at, n int) int {
	end := at
	for _, t := range toks {
		if t.Start < at || t.Kind == text.Punct {
			continue
		}
		end = t.End
		if n--; n == 0 {
			break
		}
	}
	return end
}

// coordinatedPair returns the two people named together with a shared
// role (الرئيسان التركي رجب طيب أردوغان والفرنسي إيمانويل ماكرون), whom a later
// "الرئيسين" refers to.
func coordinatedPair(ms []rasad.Mention, role string) []rasad.Participant {
	for i, m := range ms {
		if m.Type != "PERSON" || m.Role != role || !strings.HasPrefix(m.Rule, "coordinated") {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if p := ms[j]; p.Type == "PERSON" && p.Role == role && p.Key != m.Key {
				return []rasad.Participant{{Type: "PERSON", Key: p.Key, Name: p.Text}, {Type: "PERSON", Key: m.Key, Name: m.Text}}
			}
		}
	}
	return nil
}

// topByRole returns the keys of the n most mentioned people with a role.
func topByRole(src string, ms []rasad.Mention, role string, n int) []rasad.Participant {
	count := map[string]int{}
	name := map[string]string{}
	last := -1 // the person named last, whose role «نظيره» takes
	for i, m := range ms {
		if m.Type != "PERSON" {
			continue
		}
		counterpart := m.Role == "counterpart" || m.Role == "" && strings.Contains(src[max(0, m.Start-30):m.Start], "نظير")
		if m.Role == role || counterpart && last >= 0 && ms[last].Role == role && m.Start-ms[last].End < 120 {
			count[m.Key]++
		}
		last = i
	}
	for _, m := range ms {
		if m.Type == "PERSON" && count[m.Key] > 0 {
			count[m.Key]++
			if len(m.Text) > len(name[m.Key]) {
				name[m.Key] = m.Text
			}
		}
	}
	ks := make([]string, 0, len(count))
	for k := range count {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if count[ks[i]] != count[ks[j]] {
			return count[ks[i]] > count[ks[j]]
		}
		return ks[i] < ks[j]
	})
	if len(ks) < n {
		return nil
	}
	out := make([]rasad.Participant, n)
	for i, k := range ks[:n] {
		out[i] = rasad.Participant{Type: "PERSON", Key: k, Name: name[k]}
	}
	return out
}

// participants collects the entities of the segment: people and
// organizations, states (countries, and nationality adjectives right
// after a noun trigger), and the place (a city or landmark after في).
func participants(in Input, seg rasad.Span, tStart, tEnd int, presidents, ministers []rasad.Participant, zones []rasad.Span) ([]rasad.Participant, string, string) {
	var out []rasad.Participant
	seen := map[string]bool{}
	add := func(p rasad.Participant) {
		if !seen[p.Type+p.Key] {
			seen[p.Type+p.Key] = true
			out = append(out, p)
		}
	}
	place, placeName, placeAfter := "", "", false
	for _, m := range in.Mentions {
		if m.Start < seg.Start || m.End > seg.End || inZones(zones, m.Span) {
			continue
		}
		if m.Sector == "agency" || m.Sector == "outlet" || m.Sector == "company" {
			continue // who reports it, not who takes part
		}
		if allegiance(in, m) {
			continue // أداة دعاية موالية للكرملين: whose side something is on, not a side
		}
		if possessed(in, m) {
			continue // قرار مجلس الأمن: the body's resolution, not the body
		}
		if inTimex(in.Timexes, m.Span) {
			continue // ليل السبت: a word of a date, not a name
		}
		switch m.Type {
		case "PERSON":
			add(rasad.Participant{Type: "PERSON", Key: m.Key, Name: m.Text})
		case "ORG":
			if m.Canonical == "Twitter" || m.Canonical == "Facebook" {
				continue
			}
			add(rasad.Participant{Type: "ORG", Key: m.Key, Name: m.Text})
			for _, sub := range composite[m.Key] {
				add(sub)
			}
		case "LOC":
			if isPlace(m) {
				if !afterPlacePrep(in, m) {
					continue
				}
				// the first place after the trigger, else the last before it
				after := m.Start >= tEnd
				if place == "" || !placeAfter {
					if after || !placeAfter {
						place, placeName, placeAfter = m.Key, m.Text, after
					}
				}
				continue
			}
			// a country takes part only as an acting side (actingStates)
		}
	}
	// plural references: الرئيسان/الرئيسين، الوزيرين/وزيرا الخارجية
	for _, t := range in.Tokens {
		if t.Start < seg.Start || t.End > seg.End {
			continue
		}
		k := strings.TrimPrefix(t.Key, "و")
		switch {
		case k == "الرئيسين" || k == "الرئيسان" || k == "للرئيسين":
			for _, p := range presidents {
				add(p)
			}
		case k == "الوزيرين" || k == "الوزيران":
			for _, p := range ministers {
				add(p)
			}
		}
		// nationality adjectives describing a noun trigger: المحادثات
		// الروسية الأمريكية، لقاء روسي أطلسي
		if t.Start >= tEnd && t.Start-tEnd < 40 && !prepBetween(in, tEnd, t.Start) {
			if c, ok := adjOf[k]; ok {
				typ := "LOC"
				if c == "NATO" {
					typ = "ORG" // لقاء روسي أطلسي: the alliance, not a state
				}
				name := in.Text[t.Start:t.End]
				loadRoles()
				if n := countryName[c]; n != "" {
					name = n // the state's name, not the adjective (الفلسطينية)
				}
				add(rasad.Participant{Type: typ, Key: c, Name: name})
			}
		}
	}
	return out, place, placeName
}

// inTimex: the span overlaps a temporal expression.
func inTimex(txs []rasad.Timex, s rasad.Span) bool {
	for _, tx := range txs {
		if tx.Start < s.End && s.Start < tx.End {
			return true
		}
	}
	return false
}

// possessedNouns are things of a body or a person that the text names
// instead of it: قرار مجلس الأمن، بيان الرئاسة، تقرير الأمين العام، إعلان
// المنظمة (its announcement: the body is a source, not a side).
var possessedNouns = keys("قرار", "القرار", "بقرار", "قرارات", "بقرارات", "لقرار", "بيان", "ببيان", "تقرير", "بتقرير", "تقارير", "ميثاق", "بميثاق",
	"إعلان", "بإعلان", "لإعلان", "تصريحات", "بتصريحات")

// possessed: the mention is the second term of a construct whose head is a
// possessed noun.
func possessed(in Input, m rasad.Mention) bool {
	toks := in.ix.toks
	j := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
	if j == 0 || j < len(toks) && toks[j].Start < m.Start {
		return false
	}
	p := toks[j-1]
	if p.Kind == text.Punct {
		return false
	}
	k := text.StripConj(p.Key)
	return possessedNouns[strings.TrimPrefix(p.Key, "و")] || facilityHeads[k] || m.Type != "LOC" && facilityHeads[strings.TrimPrefix(k, "ب")]
}

// facilityHeads name a place after them (معبر كارني، مطار بن غوريون; the
// events rows of lexicon/data/facility_nouns.tsv): the
// name is where, not who.
var facilityHeads = keys(lexicon.Surfaces("facility_nouns.tsv", "events", "both")...)

// afterPlacePrep: a place is introduced by في، إلى، من or the clitic ب.
func afterPlacePrep(in Input, m rasad.Mention) bool {
	toks := in.ix.toks
	j := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
	if j < len(toks) && toks[j].Start < m.Start {
		// the mention starts inside a token: a clitic (بجنيف، لموسكو)
		return strings.HasPrefix(toks[j].Key, "ب") || strings.HasPrefix(toks[j].Key, "وب")
	}
	prevKey, head := "", -1
	for k := j - 1; k >= 0; k-- {
		if toks[k].Kind != text.Punct {
			prevKey, head = toks[k].Key, k
			break
		}
	}
	switch prevKey {
	case "في", "فى", "الي", "من", "وفي", "بمدينه":
		return true
	case "مدينه", "العاصمه", "عاصمه":
		return !headedUnknownPlace(in, m, head) // بإقامة مدينة خيام: no city of that name
	}
	return false
}

// speakerReach bounds the tokens (words and punctuation) between a speech
// verb and the إن that opens what is said.
const speakerReach = 45

// speakerZones are the spans between a speech verb and the أن/إن that
// opens what is said: the speaker and the time of speaking.
func speakerZones(in Input, seg rasad.Span, at int) []rasad.Span {
	var zones []rasad.Span
	for i, t := range in.Tokens {
		if t.Start < seg.Start || t.End > seg.End || !speechVerbs[strings.TrimPrefix(t.Key, "و")] {
			continue
		}
		// up to speakerReach tokens: a speaker named with a list and a
		// relative clause («قالت مجموعات "أ" و"ب" و"ج" التي …، الجمعة إنها»)
		for j := i + 1; j < len(in.Tokens) && j < i+speakerReach && in.Tokens[j].End <= seg.End; j++ {
			if k := in.Tokens[j].Key; (k == "ان" || k == "انه" || k == "انها") && !hyphenated(in, j) {
				z := rasad.Span{Start: t.End, End: in.Tokens[j].Start}
				if !(at >= z.Start && at < z.End) {
					zones = append(zones, z)
				}
				break
			}
		}
	}
	return zones
}

// hyphenated: the token is joined by a hyphen to the word before it (مون
// جيه-إن: the end of a name, not the إن that opens what is said).
func hyphenated(in Input, j int) bool {
	if j < 2 {
		return false
	}
	h := in.Tokens[j-1]
	return in.Text[h.Start:h.End] == "-" && h.Start == in.Tokens[j-2].End && h.End == in.Tokens[j].Start
}

// speechParties: the people of a speaker's span take part in a call or a
// meeting the span tells of — «قال X لنظيره Y في اتصال هاتفي الخميس إن …»
// (the trigger inside the span) and «وفي مكالمة هاتفية الخميس، أكد X وY
// أن …» (the trigger in a phrase put before the speech verb). What is said
// (after أن/إن) is not part of it: the second result is where the
// participants' window ends, or 0.
func speechParties(in Input, seg rasad.Span, tStart, tEnd int) (rasad.Span, int) {
	for i, t := range in.Tokens {
		if t.Start < seg.Start || t.End > seg.End || !speechVerbs[strings.TrimPrefix(t.Key, "و")] {
			continue
		}
		for j := i + 1; j < len(in.Tokens) && j < i+25 && in.Tokens[j].End <= seg.End; j++ {
			k := in.Tokens[j].Key
			if !(k == "ان" || k == "انه" || k == "انها") || hyphenated(in, j) {
				continue
			}
			z := rasad.Span{Start: t.End, End: in.Tokens[j].Start}
			if tStart >= z.Start && tEnd <= z.End {
				return z, z.End
			}
			if t.Start >= tEnd && fronted(in, seg, tStart, tEnd, t.Start) {
				return z, 0
			}
			break
		}
	}
	return rasad.Span{}, 0
}

// fronted: the trigger opens a phrase (في، خلال، عبر) that stands before
// the speech verb at verbStart, with at most a date and commas between.
func fronted(in Input, seg rasad.Span, tStart, tEnd, verbStart int) bool {
	j := sort.Search(len(in.Tokens), func(i int) bool { return in.Tokens[i].Start >= tStart })
	b := j - 1
	for b >= 0 && in.Tokens[b].Kind == text.Punct {
		b--
	}
	if b < 0 || in.Tokens[b].Start < seg.Start || !frontPreps[in.Tokens[b].Key] {
		return false
	}
	if b > 0 && in.Tokens[b-1].Start >= seg.Start && in.Tokens[b-1].Kind != text.Punct {
		return false // the phrase must open the clause
	}
	words := 0
	for a := j; a < len(in.Tokens) && in.Tokens[a].Start < verbStart; a++ {
		if in.Tokens[a].Start >= tEnd && in.Tokens[a].Kind != text.Punct {
			words++
		}
	}
	return words <= 4
}

func inZones(zones []rasad.Span, s rasad.Span) bool {
	for _, z := range zones {
		if s.Start >= z.Start && s.End <= z.End {
			return true
		}
	}
	return false
}

func addParticipants(ps []rasad.Participant, more ...rasad.Participant) []rasad.Participant {
	for _, p := range more {
		dup := false
		for _, q := range ps {
			if q.Type == p.Type && q.Key == p.Key {
				dup = true
				break
			}
		}
		if !dup {
			ps = append(ps, p)
		}
	}
	return ps
}

func strongCount(ps []rasad.Participant) int {
	n := 0
	for _, p := range ps {
		if p.Type != "LOC" {
			n++
		}
	}
	return n
}

func hasStrong(ps []rasad.Participant) bool {
	for _, p := range ps {
		if p.Type != "LOC" {
			return true
		}
	}
	return false
}

// composite bodies take their members part with them.
var composite = map[string][]rasad.Participant{
	"NATO-Russia Council": {{Type: "LOC", Key: "Russia", Name: "روسيا"}, {Type: "ORG", Key: "NATO", Name: "الناتو"}},
}

// isPlace: a city or a landmark is where an event happens; a country
// (its canonical name is the English one) takes part in it.
func isPlace(m rasad.Mention) bool { return !isCountryName(m.Key) }

func isCountryName(k string) bool {
	loadRoles()
	return countryKeys[k]
}

// status reads whether the event happened, is planned, or is negated.
func status(in Input, tr trigger, seg rasad.Span, at int, date string) string {
	if tr.form == "future" {
		return "planned"
	}
	negated := false
	var before []string
	for _, t := range in.Tokens {
		if t.Start < seg.Start || t.End > at {
			continue
		}
		if t.Kind != text.Punct {
			before = append(before, t.Key)
		}
	}
	for i := max(0, len(before)-3); i < len(before); i++ {
		if negationCues[before[i]] || negationCues[text.StripConj(before[i])] {
			negated = true
		}
	}
	if negated {
		return "negated"
	}
	for i := max(0, len(before)-5); i < len(before); i++ {
		if wishCues[text.StripConj(before[i])] || wishCues[before[i]] {
			return "planned" // تسعى للقاء، رغبته لقاء، دعا إلى عقد: wished or asked for, not done
		}
	}
	// the announcement of a meeting (الإعلان عن اللقاء) tells it is to come
	if n := len(before); n >= 2 && text.StripConj(before[n-2]) == announceKey && before[n-1] == aboutKey {
		return "planned"
	}
	// a cue of planning counts before the trigger or just after it ("اللقاء
	// المرتقب"), not at the far end of the clause ("… وموعد الجولة المقبلة")
	if hasCue(in, text.Span{Start: seg.Start, End: min(seg.End, tokenEndAfter(in.Tokens, at, 4))}, plannedCues) {
		return "planned"
	}
	if after(date, in.Published) {
		return "planned"
	}
	if tr.form == "present" && date != "" && in.Published != "" && len(date) >= 10 && date[:10] == in.Published {
		return "ongoing"
	}
	return "happened"
}
