package entities

import "testing"

// Spelled-out bodies: a head noun and a chain of words with the article,
// ending after a nationality adjective, before a verb, a preposition, a
// word of time or a participle; a place or a royal's name inside the name
// is no mention of its own.
func TestBodyChains(t *testing.T) {
	checkHas(t, []string{
		"وحذرت ⟦ORG:وكالة الفضاء الكندية⟧ من عاصفة شمسية قد تضرب الأرض الأسبوع المقبل.",
		"وقالت ⟦ORG:هيئة النزاهة والشفافية⟧ إنها فتحت تحقيقا في العقود.",
		"وانتشر عناصر ⟦ORG:الحرس الوطني المالي⟧ في الشوارع بعد الهجوم.",
		"واستحوذ ⟦ORG:صندوق الكويت للتنمية⟧ على حصة في المصنع.",
		"ووزع ⟦ORG:مركز الملك فهد للإغاثة⟧ السلال على الأسر.",
		"وقررت ⟦ORG:لجنة الانضباط والأخلاق⟧ المكلفة بالملف تأجيل الجلسة.",
		"ونقلت وكالة ⟦ORG:AFP⟧ الخبر.", // a Latin name is no construct noun
	}, true)
	// no body: a description, an office, a device, a center of a region
	checkHas(t, []string{
		"واشترى جهاز التلفاز الجديد من المتجر.",
		"واجتمع مجلس الإدارة يوم الأحد.",
		"وتسلمت هيئة تحرير الصحيفة الرسالة.",
		"وقالت لجنة الانتخابات والحكومة إنهما اتفقتا.",
		"وأعلنت هيئة الدفاع والمتهمون مقاطعة الجلسة.",
		"ونقل مكتب الملك ⟦PERSON:فهد⟧ رسالة إلى الوزير.",
	}, true)
}

// Outlets after their head noun (a quoted name, a paper's name), Latin
// abbreviations of bodies, foreign company names with a corporate suffix,
// split places, and common words never read as small places.
func TestOutletsAbbreviationsCompanies(t *testing.T) {
	checkHas(t, []string{
		"وقال المدرب لمجلة \"⟦ORG:فيردا⟧\" إن اللاعب سيبقى.",
		"ووقعت شركة \"⟦ORG:KPMG⟧\" عقدا مع ⟦ORG:وكالة الأنباء الأردنية⟧ لمدة عام.",
		"وقالت ⟦ORG:كوانتوم ريدج كابيتال⟧ إنها باعت حصتها، وأعلنت ⟦ORG:مارفيلو سيستمز⟧ عن أجهزة جديدة.",
		"وسقطت قذائف على بلدات في ⟦LOC:ريف دمشق⟧ أمس.",
	}, false)
	checkHas(t, []string{
		"واشترى هاتفا بتقنية LTE وشاشة HD بسعر 200 USD.",
		"وكانت زوجته فنانة معروفة وامرأة كريمة.",
	}, true)
}
