package events

import (
	"strings"
	"testing"

	"github.com/rasad/rasad"
)

func names(e rasad.EventMention) string {
	var ps []string
	for _, p := range e.Participants {
		ps = append(ps, p.Type+":"+p.Name)
	}
	return strings.Join(ps, ", ")
}

func hasName(e rasad.EventMention, name string) bool {
	for _, p := range e.Participants {
		if p.Name == name || strings.Contains(p.Name, name) {
			return true
		}
	}
	return false
}

func firstOf(ems []rasad.EventMention, typ string) (rasad.EventMention, bool) {
	for _, e := range ems {
		if e.Type == typ {
			return e, true
		}
	}
	return rasad.EventMention{}, false
}

// A pronoun suffix on a trigger: اجتماعه، لقائهما، محادثاتهما، وقعته; and a
// bare اتصال with someone named.
func TestTriggerSuffixes(t *testing.T) {
	for _, c := range []struct{ src, trigger string }{
		{"وقال وزير الخارجية الهولندي هانس فيلدر بعد اجتماعه مع نظيره البلجيكي مارك دوبوا الثلاثاء إن الحوار مفيد.", "اجتماعه"},
		{"وناقش الرئيس الكيني جوزيف موانغي والرئيس الأوغندي ديفيد أوكيلو خلال لقائهما الأحد ملف المياه.", "لقائهما"},
		{"وتناولت محادثاتهما في نيروبي الأحد ملف الحدود بحسب الرئيس الكيني جوزيف موانغي.", "محادثاتهما"},
		{"وأجرى رئيس الوزراء الكندي مارك تيرنر اتصالا الأربعاء مع الرئيس المكسيكي خوان ريفيرا.", "اتصالا"},
	} {
		ems := find(t, c.src, "2019-04-10")
		e, ok := firstOf(ems, "CONSULT")
		if !ok || !strings.Contains(e.Text, c.trigger) {
			t.Errorf("%s: want a CONSULT at %q, got %+v", c.src, c.trigger, ems)
		}
	}
	// وزارة is not زار + a pronoun
	for _, e := range find(t, "وأصدرت وزارة الخارجية الكندية بيانا الأربعاء.", "2019-04-10") {
		if e.Type == "CONSULT" {
			t.Errorf("وزارة read as a visit: %+v", e)
		}
	}
	// اتصال alone, without anyone, is not a call
	for _, e := range find(t, "وانقطع الاتصال بشبكة الهاتف في المدينة الأربعاء.", "2019-04-10") {
		if e.Type == "CONSULT" {
			t.Errorf("a bare اتصال without a participant: %+v", e)
		}
	}
}

// إلغاء القمة is a cancellation, not a meeting that happened.
func TestCancelled(t *testing.T) {
	ems := find(t, "وأعلن الرئيس الكيني جوزيف موانغي الخميس إلغاء القمة مع الرئيس الأوغندي ديفيد أوكيلو.", "2019-04-12")
	e, ok := firstOf(ems, "CONSULT")
	if !ok || e.Status != "cancelled" {
		t.Fatalf("want a cancelled meeting, got %+v", ems)
	}
}

// A role named without a name is the article's person with that role and
// country; الجانبان are the two sides named before; in «أكد الوزير أنه
// اجتمع» the speaker is the one who met.
func TestParticipantReferences(t *testing.T) {
	src := "التقى الرئيس الكيني جوزيف موانغي الرئيس الأوغندي ديفيد أوكيلو الأحد في نيروبي. " +
		"وعقد الجانبان جلسة ثانية الاثنين في نيروبي. " +
		"واستقبل الرئيس الكيني الثلاثاء وفدا تجاريا في مومباسا."
	ems := find(t, src, "2019-04-17")
	var second, third rasad.EventMention
	for _, e := range ems {
		switch e.Date {
		case "2019-04-15":
			second = e
		case "2019-04-16":
			third = e
		}
	}
	if !hasName(second, "موانغي") || !hasName(second, "أوكيلو") {
		t.Errorf("الجانبان: %s", names(second))
	}
	if !hasName(third, "موانغي") {
		t.Errorf("the role without a name: %s", names(third))
	}
	ems = find(t, "وأكد وزير الخارجية الكندي بول لوران، الثلاثاء، أنه اجتمع مع نظيره المكسيكي كارلوس فيغا في أوتاوا.", "2019-04-17")
	e, ok := firstOf(ems, "CONSULT")
	if !ok || !hasName(e, "بول لوران") {
		t.Errorf("the speaker who met: %+v", ems)
	}
}

// The place is the one of the event's own clause, not of an earlier one.
func TestPlaceOwnClause(t *testing.T) {
	src := "وبعد أن أنهى جولة طويلة شملت عواصم عديدة وانتهت في طوكيو قبل أسبوعين وأجرى خلالها لقاءات مع قادة كثيرين من آسيا وأوروبا، التقى الرئيس الكيني جوزيف موانغي الأحد الرئيس الأوغندي ديفيد أوكيلو."
	for _, e := range find(t, src, "2019-04-15") {
		if e.Date == "2019-04-14" && e.PlaceName != "" {
			t.Errorf("place %q from another clause", e.PlaceName)
		}
	}
}

// An event told inside quotation marks as a fact (a quoted phrase) is
// kept; a quotation of someone's words is not a report of it.
func TestQuotedFacts(t *testing.T) {
	ems := find(t, "وشهدت نيروبي الأحد \"لقاء تاريخيا\" بين الرئيس الكيني جوزيف موانغي والرئيس الأوغندي ديفيد أوكيلو.", "2019-04-15")
	if _, ok := firstOf(ems, "CONSULT"); !ok {
		t.Errorf("a quoted phrase reporting a meeting was dropped")
	}
	ems = find(t, "وقال الرئيس الكيني جوزيف موانغي: \"سألتقي الرئيس الأوغندي ديفيد أوكيلو إذا قبل شروطنا كلها دون استثناء في أي وقت يريده\".", "2019-04-15")
	if _, ok := firstOf(ems, "CONSULT"); ok {
		t.Errorf("someone's words read as a report: %+v", ems)
	}
}

// A signing whose object follows the signers, the date and the place.
func TestSigningObjectAfterSides(t *testing.T) {
	ems := find(t, "وقع وزير التجارة الكيني بيتر كاماو ونظيره الأوغندي سام موسوكي، الخميس، في كمبالا اتفاقا للتبادل التجاري.", "2019-04-19")
	if e, ok := firstOf(ems, "AGREE"); !ok || e.Date != "2019-04-18" {
		t.Errorf("signing: %+v", ems)
	}
}

// A place after a topic word is what the event is about, not where it is.
func TestPlaceNotTopic(t *testing.T) {
	for _, c := range []struct{ src, place string }{
		{"وعقد مجلس الأمن الدولي جلسة طارئة الخميس لبحث الوضع في حلب.", ""},
		{"وعقد مجلس الأمن الدولي جلسة طارئة الخميس في نيويورك لبحث الوضع في حلب.", "نيويورك"},
	} {
		e, ok := firstOf(find(t, c.src, "2019-04-12"), "CONSULT")
		if !ok || e.PlaceName != c.place {
			t.Errorf("%s: place %q, want %q", c.src, e.PlaceName, c.place)
		}
	}
}

// A role without a nationality, under a clitic (بولي العهد), is the
// article's only person with that role.
func TestRoleAloneReference(t *testing.T) {
	src := "وصل ولي العهد الكيني الأمير جوما أوديرا إلى كمبالا. واستقبل الرئيس الأوغندي ديفيد أوكيلو الثلاثاء بولي العهد في القصر."
	for _, e := range find(t, src, "2019-04-17") {
		if e.Date == "2019-04-16" {
			if !hasName(e, "أوكيلو") || !hasName(e, "أوديرا") {
				t.Errorf("participants %s", names(e))
			}
			return
		}
	}
	t.Errorf("no event on the 16th: %+v", find(t, src, "2019-04-17"))
}

// «قال X، الثلاثاء، إن لقاءه مع Y كان مثمرا»: the statement's day does not
// date the meeting, and the pronoun makes the speaker one who met.
func TestSpeakerClause(t *testing.T) {
	e, ok := firstOf(find(t, "وقال الرئيس الكيني جوزيف موانغي، الثلاثاء، إن لقاءه مع الرئيس الأوغندي ديفيد أوكيلو كان مثمرا.", "2019-05-22"), "CONSULT")
	if !ok || e.Date != "" || !hasName(e, "موانغي") || !hasName(e, "أوكيلو") {
		t.Errorf("got %+v (%s)", e, names(e))
	}
}

// A date without a year takes the plausible year (a planned June in May is
// this June), and a weekday before an announcement is the past one.
func TestYearAndDirection(t *testing.T) {
	e, ok := firstOf(find(t, "وقال البيت الأبيض إن القمة بين الرئيس الكيني جوزيف موانغي والرئيس الأوغندي ديفيد أوكيلو ستعقد في 12 يونيو، كما كان مقررا.", "2019-05-20"), "CONSULT")
	if !ok || e.Date != "2019-06-12" || e.Status != "planned" {
		t.Errorf("planned June: %+v", e)
	}
	e, ok = firstOf(find(t, "وأعلن الرئيس الكيني جوزيف موانغي الخميس إلغاء القمة مع الرئيس الأوغندي ديفيد أوكيلو.", "2019-05-20"), "CONSULT")
	if !ok || e.Date != "2019-05-16" || e.Status != "cancelled" {
		t.Errorf("the past Thursday, cancelled: %+v", e)
	}
}

// A date after another event noun is that event's: the denial of the
// attack of 4 March did not happen on 4 March.
func TestDateOfTheLaterEvent(t *testing.T) {
	for _, e := range find(t, "ونفت الحكومة الكينية مسؤوليتها عن هجوم 4 مارس على معسكر الحدود.", "2019-03-20") {
		if e.Type == "REJECT" && e.Date == "2019-03-04" {
			t.Errorf("the denial took the attack's date: %+v", e)
		}
		if e.Type == "ASSAULT" && e.Date != "2019-03-04" {
			t.Errorf("the attack lost its date: %+v", e)
		}
	}
}

// «ولي العهد الكيني» resolves to the article's crown prince when the
// recognizer did not tell his country.
func TestRoleWithCountryFallback(t *testing.T) {
	src := "أعلن القصر أن ولي العهد الأمير جوما أوديرا سيزور كمبالا. والتقى ولي العهد الكيني الثلاثاء الرئيس الأوغندي ديفيد أوكيلو في كمبالا."
	for _, e := range find(t, src, "2019-04-17") {
		if e.Date == "2019-04-16" && e.Type == "CONSULT" {
			if !hasName(e, "أوديرا") || !hasName(e, "أوكيلو") {
				t.Errorf("participants %s", names(e))
			}
			return
		}
	}
	t.Errorf("no meeting on the 16th")
}

// The speaker of «قال X لنظيره Y في اتصال هاتفي الخميس، إنه …» took part in
// the call, and so did whom he spoke to; what he said (after إنه) did not,
// and a hyphenated name's «-إن» does not open what is said. In «وفي مكالمة
// هاتفية الخميس، أكد X وY أن …» the speakers are the call's sides.
func TestSpeechParties(t *testing.T) {
	for _, c := range []struct {
		src       string
		want, not []string
	}{
		{"قال رئيس الوزراء الكندي، مارك تيرنر، لنظيره المكسيكي، خوان ريفيرا، في اتصال هاتفي الخميس، إنه يعتزم إرسال وفد إلى كوبا استجابة لدعوة من الرئيس الكوبي ميغيل دياز.",
			[]string{"مارك تيرنر", "خوان ريفيرا"}, []string{"ميغيل دياز", "دعوة"}},
		{"قال رئيس الفلبين، بونغ سون-إن، لنظيره الياباني، هيرو تاناكا، في اتصال هاتفي الخميس، إنه يعتزم زيارة الرئيس الصيني لي وانغ.",
			[]string{"بونغ سون", "هيرو تاناكا"}, []string{"لي وانغ"}},
		{"وفي مكالمة هاتفية الخميس، أكد المستشار النمساوي كارل هوبر والرئيس البرازيلي جواو سيلفا أن على الرئيس الفنزويلي ماريو لوبيز الرحيل.",
			[]string{"كارل هوبر", "جواو سيلفا"}, []string{"ماريو لوبيز"}},
	} {
		e, ok := firstOf(find(t, c.src, "2019-05-02"), "CONSULT")
		if !ok || e.Mode != "phone" || e.Date != "2019-05-02" {
			t.Errorf("%s: want a call on 2019-05-02, got %+v", c.src, e)
			continue
		}
		for _, n := range c.want {
			if !hasName(e, n) {
				t.Errorf("%s: want %s among %s", c.src, n, names(e))
			}
		}
		for _, n := range c.not {
			if hasName(e, n) {
				t.Errorf("%s: %s is what was said, not a side: %s", c.src, n, names(e))
			}
		}
	}
	// a speaker who only speaks about a call stays out of it
	e, ok := firstOf(find(t, "وقال المتحدث باسم الحكومة الكندية بيتر لانغ الجمعة إن اتصالا هاتفيا جرى بين الرئيس المكسيكي خوان ريفيرا ونظيره الكوبي ميغيل دياز.", "2019-05-03"), "CONSULT")
	if !ok || hasName(e, "بيتر لانغ") || !hasName(e, "خوان ريفيرا") {
		t.Errorf("the spokesman is not a side of the call: %+v", e)
	}
}

// «انتقدت النمسا الأربعاء البيان بشأن المحادثة الهاتفية»: the date is the
// criticism's; the call it is about keeps no date from it. Its sides, named
// «الرئيس X ونظيره Y», are «الرئيسان» of the next sentence, whose own day
// dates the call; a body's resolution (بقرار مجلس الأمن) is not the body.
func TestAboutAndCounterparts(t *testing.T) {
	src := "انتقدت النمسا الأربعاء، البيان بشأن المحادثة الهاتفية التي جرت بين الرئيس النمساوي كارل هوبر ونظيره البرازيلي جواو سيلفا. " +
		"وكان الرئيسان بحثا الاثنين في اتصال هاتفي العلاقات بين البلدين ورحبا بقرار مجلس الأمن الدولي الأخير."
	var calls int
	for _, e := range find(t, src, "2019-05-02") {
		if e.Type != "CONSULT" {
			continue
		}
		switch {
		case strings.Contains(e.Text, "المحادثة"):
			if e.Date != "" {
				t.Errorf("the criticism's day dated the call: %+v", e)
			}
		case strings.Contains(e.Text, "اتصال"):
			calls++
			if e.Date != "2019-04-29" || !hasName(e, "كارل هوبر") || !hasName(e, "جواو سيلفا") || hasName(e, "مجلس الأمن") {
				t.Errorf("want the presidents' call of 2019-04-29 without the Council, got %s %s", e.Date, names(e))
			}
		}
	}
	if calls != 1 {
		t.Errorf("want one call, got %d", calls)
	}
}

// «اتفق X وY على …، وذلك في اتصال هاتفي»: the call's sides are the clause's.
func TestThatCall(t *testing.T) {
	src := "واتفق المستشار النمساوي، كارل هوبر، والرئيس البرازيلي، جواو سيلفا، الخميس على ضرورة تطبيق قرار مجلس الأمن الدولي الداعي إلى هدنة في ليبيا على الفور، وذلك في اتصال هاتفي."
	for _, e := range find(t, src, "2019-05-03") {
		if e.Type == "CONSULT" && e.Mode == "phone" {
			if !hasName(e, "كارل هوبر") || !hasName(e, "جواو سيلفا") || hasName(e, "مجلس الأمن") {
				t.Errorf("want Huber and Silva, got %s", names(e))
			}
			return
		}
	}
	t.Errorf("no call found")
}

// A city of the gazetteers whose name is also a word (دعوة) is not a state
// taking part: only the lexicons' countries act.
func TestCityIsNoActingState(t *testing.T) {
	e, ok := firstOf(find(t, "والتقى الرئيس الكيني جوزيف موانغي الأحد الرئيس الأوغندي ديفيد أوكيلو تلبية لدعوة منه.", "2019-04-16"), "CONSULT")
	if !ok || hasName(e, "دعوة") || !hasName(e, "ديفيد أوكيلو") {
		t.Errorf("want Mwangi and Okello without دعوة, got %+v", e)
	}
}

// «تحدث X مع نظيره Y الجمعة» is talks between them; تحدث without مع, or
// with no one named on the other side, is someone speaking.
func TestTalkWith(t *testing.T) {
	e, ok := firstOf(find(t, "وتحدث الرئيس النمساوي كارل هوبر مع نظيره البرازيلي جواو سيلفا الجمعة بشأن التجارة.", "2019-05-04"), "CONSULT")
	if !ok || e.Mode != "talks" || e.Date != "2019-05-03" || !hasName(e, "كارل هوبر") || !hasName(e, "جواو سيلفا") {
		t.Errorf("want talks of Huber and Silva on 2019-05-03, got %+v", e)
	}
	for _, src := range []string{"وتحدث الرئيس النمساوي كارل هوبر الجمعة عن التجارة.", "وتحدث الرئيس النمساوي كارل هوبر مع الصحفيين الجمعة."} {
		if e, ok := firstOf(find(t, src, "2019-05-04"), "CONSULT"); ok {
			t.Errorf("%s: not talks between two sides: %+v", src, e)
		}
	}
}

// «الكوريتان» names both Koreas as the sides; an agency credited after
// «بحسب ما ذكرته» tells the event and is no side of it; «وذلك عقب إجراء
// مباحثات» takes the sides of its sentence's clause.
func TestStatePairsAndCredits(t *testing.T) {
	src := "اتفقت الكوريتان على عقد اجتماع ثان في 20 يونيو المقبل، بحسب ما ذكرته وكالة «يونهاب» للأنباء الخميس، وذلك عقب إجراء مباحثات في قرية حدودية."
	var talks bool
	for _, e := range find(t, src, "2019-05-03") {
		if e.Type != "CONSULT" {
			continue
		}
		if hasName(e, "يونهاب") {
			t.Errorf("the credited agency is a side: %s", names(e))
		}
		if !hasName(e, "كوريا الشمالية") || !hasName(e, "كوريا الجنوبية") {
			t.Errorf("%s: want both Koreas, got %s", e.Text, names(e))
		}
		talks = talks || e.Mode == "talks" && e.Status == "happened"
	}
	if !talks {
		t.Errorf("the talks held were not found")
	}
}

// «ذلك الرقم» is no link to the time told before (a number, not a time),
// and a sentence that says «مؤخرا» does not take the day of the sentence
// before; «تلك المحادثات» is a link. A «وذلك خلال اجتماع … بين X وY» names its own sides,
// not the clause's.
func TestDemonstrativeLinks(t *testing.T) {
	src := "وقال مصدر اليوم الثلاثاء إن الرسوم ستشمل الأجهزة. وحثت الحكومة الكندية المستشار الاقتصادي للرئيس المكسيكي خوان ريفيرا والذي زار أوتاوا مؤخرا، على خفض ذلك الرقم."
	for _, e := range find(t, src, "2019-05-07") {
		if e.Date != "" {
			t.Errorf("%s: dated through «ذلك الرقم»: %s (%s)", e.Text, e.Date, e.DateRule)
		}
	}
	src = "التقى الرئيس الكيني جوزيف موانغي الرئيس الأوغندي ديفيد أوكيلو الأحد. وتناولت تلك المحادثات مع الرئيس الأوغندي ديفيد أوكيلو ملف المياه."
	var linked bool
	for _, e := range find(t, src, "2019-04-16") {
		linked = linked || strings.Contains(e.Text, "المحادثات") && e.Date == "2019-04-14"
	}
	if !linked {
		t.Errorf("«تلك المحادثات» not linked to the day before")
	}
	src = "وتنتظر الحكومة الكندية السبت توضيحات بشأن الرسوم التي فرضها الرئيس المكسيكي خوان ريفيرا، وذلك خلال اجتماع في أوتاوا بين وزير التجارة الكندي بيتر لانغ والمبعوث الأمريكي جون ميلر."
	for _, e := range find(t, src, "2019-05-11") {
		if e.Type == "CONSULT" && hasName(e, "خوان ريفيرا") {
			t.Errorf("the meeting «بين X وY» took the clause's subject: %s", names(e))
		}
	}
}

// States after a topic word (لبحث الوضع على الحدود بين بوليفيا وبيرو) or
// at the ends of a border (قرب الحدود بين …) are where or what, not who
// acts; a name inside a date (ليل السبت) is no participant.
func TestStatesOfTopicsAndBorders(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"وعقد مجلس الأمن الدولي مساء الجمعة جلسة طارئة بطلب من تشيلي لبحث الوضع على الحدود بين بوليفيا وبيرو.", "مجلس الأمن"},
		{"وتظاهر آلاف الطلاب الجمعة في احتجاج قرب الحدود بين بوليفيا وبيرو بحضور وزير الداخلية البيروفي كارلوس منديز.", "كارلوس منديز"},
	} {
		for _, e := range find(t, c.src, "2019-05-11") {
			if hasState(e, "بوليفيا") || hasState(e, "بيرو") {
				t.Errorf("%s: a state of the topic or the border acts: %s", c.src, names(e))
			}
		}
	}
	for _, e := range find(t, "وشنت مقاتلات تشيلية ليل السبت الأحد غارة على هدف عسكري لحركة حماس.", "2019-05-12") {
		if hasName(e, "ليل") {
			t.Errorf("a word of the date is a participant: %s", names(e))
		}
	}
}

func hasState(e rasad.EventMention, name string) bool {
	for _, p := range e.Participants {
		if p.Type == "LOC" && p.Name == name {
			return true
		}
	}
	return false
}

// «يستعد … للكشف عن عقوبات الخميس» and «سيعقدان محادثات» tell what is to
// come.
func TestPreparingIsPlanned(t *testing.T) {
	for _, src := range []string{
		"وقال مسؤول إن الرئيس المكسيكي خوان ريفيرا يستعد الخميس للقاء الرئيس الكوبي ميغيل دياز.",
		"وذكرت الوكالة أن وزير الخارجية الكندي بيتر لانغ والرئيس المكسيكي خوان ريفيرا سيعقدان محادثات في أوتاوا.",
	} {
		e, ok := firstOf(find(t, src, "2019-05-07"), "CONSULT")
		if !ok || e.Status != "planned" {
			t.Errorf("%s: want a planned meeting, got %+v", src, e)
		}
	}
}

// A name after a facility noun (معبر، مطار) is a place, not a side.
func TestFacilityNames(t *testing.T) {
	for _, e := range find(t, "والتقى وزير الخارجية الكندي بيتر لانغ الأربعاء في مطار رفيق الحريري نظيره اللبناني جبران سعد.", "2019-05-08") {
		if hasName(e, "الحريري") {
			t.Errorf("the crossing's name is a participant: %s", names(e))
		}
	}
}

// «وفق ما أعلنت وزارة الصحة»: وفق is a credit (not و + فق), and the
// ministry that tells the attack is no side of it.
func TestCreditWithWaw(t *testing.T) {
	for _, e := range find(t, "وقصف الجيش التشيلي الجمعة مواقع لحركة حماس وفق وزارة الخارجية البوليفية.", "2019-05-10") {
		if hasName(e, "وزارة الخارجية") {
			t.Errorf("the crediting ministry is a side: %s", names(e))
		}
	}
}

// «وفق ما أعلن رئيس الاتحاد الدولي، X، السبت، بعد لقاء مع Y»: the one
// credited is the one who met.
func TestCreditedAfterMeeting(t *testing.T) {
	e, ok := firstOf(find(t, "وتعهد الرئيس الكوبي ميغيل دياز بإرسال فريق إلى البطولة، وفق ما أعلن رئيس الاتحاد الدولي لكرة القدم، بيتر لانغ، السبت، بعد لقاء نادر مع الرئيس الكوبي في هافانا.", "2019-05-11"), "CONSULT")
	if !ok || !hasName(e, "بيتر لانغ") && !hasName(e, "الاتحاد الدولي") {
		t.Errorf("want the federation's president among the sides, got %+v", e)
	}
}

// «اجتمع … بعد أيام على إعلان المنظمة أن …»: the body whose announcement
// the sentence recalls is a source, not a side of the meeting.
func TestAnnouncementNotSide(t *testing.T) {
	src := "واجتمع دبلوماسيون في الاتحاد الأفريقي، الأحد، للتباحث في مشروع القرار الكيني، بعيد أيام على إعلان منظمة الصحة العالمية أن ثلاثة أطفال أصيبوا بالتسمم في قرية جنوبية."
	e, ok := firstOf(find(t, src, "2019-06-10"), "CONSULT")
	if !ok {
		t.Fatal("no meeting found")
	}
	if hasName(e, "منظمة الصحة العالمية") || !hasName(e, "الاتحاد الأفريقي") {
		t.Errorf("want the African Union without the announcing body: %s", names(e))
	}
}

// «قالت مجموعات "أ" و"ب" و"ج" التي …، الجمعة إنها مستعدة لإجراء
// مفاوضات»: a speaker named with a list and a relative clause still owns
// the Friday; the talks keep no date from it.
func TestLongSpeakerOwnsDate(t *testing.T) {
	src := "في الأثناء قالت نقابات \"المعلمين\" و\"الأطباء\" و\"المهندسين\" التي ينتمي إلى كل منها آلاف الموظفين في المدن الساحلية الثلاث للبلاد، الجمعة إنها مستعدة لإجراء مفاوضات مباشرة مع وزارة العمل في العاصمة برعاية منظمة العمل الدولية."
	for _, e := range find(t, src, "2019-03-16") {
		if e.Type == "CONSULT" && e.Date != "" {
			t.Errorf("the saying's Friday dated the talks: %s (%s)", e.Date, e.DateRule)
		}
	}
}
