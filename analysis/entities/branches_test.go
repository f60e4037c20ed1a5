package entities

import "testing"

// Each new rule's branch through Find, on sentences of our own: one that
// the branch reads and one it must leave.

// personSpans runs in Find: a span over a particle after the name (كريم
// بأنه) is mended to the name alone.
func TestPersonSpansInFind(t *testing.T) {
	checkHas(t, []string{
		"واتهمت النيابة الوزير ⟦PERSON:كريم⟧ بأنه أخفى الوثائق.",
		"وأضاف ⟦PERSON:سمير⟧ بأن الوفد وصل.",
	}, true)
}

// latinBodies: an upper-case Latin abbreviation alone, after a body's head
// or not, is an organization; not after a product's noun (طراز), joined to
// a digit or a hyphen, before a year, or inside a longer Latin name.
func TestLatinBodiesBranches(t *testing.T) {
	checkHas(t, []string{
		"وقالت شركة ⟦ORG:QXR⟧ إنها ستفتح مصنعا جديدا في المدينة.",
		"وقال رئيس وكالة ⟦ORG:QXR⟧ إن الوضع مستقر.",
	}, true)
	checkHas(t, []string{
		"وأطلقت الشركة سيارة من طراز QXR الجديدة.",
		"وعرضت الشركة نموذج QXR-7 الجديد.",
		"وعرضت الشركة الجهاز 7QXR الجديد.", // a digit joined before it
		"وتقام دورة QXR 2018 في الصيف.",
		"وقع الاتفاق مع QXR Holdings أمس.",
	}, true)
}

// A city that is a club's name, with one cue only: its points right after
// it (teamAfter), a goal for it (الهدف الأول لـ), a list of clubs
// (clubsInLists); the same word after a place word (كمدينة) stays a place,
// and ل after a verb of travel is no goal.
func TestCityClubBranches(t *testing.T) {
	checkHas(t, []string{
		"ورفع ⟦ORG:نابولي⟧ رصيده إلى 50 نقطة في صدارة الدوري الإيطالي لكرة القدم، وسجل لاعبو الفريق هدفين في الشوط الثاني من المباراة.",
		"وسجل المهاجم الهدف الأول ل⟦ORG:نابولي⟧ في الشوط الثاني من المباراة، وقال المدرب إن اللاعبين قدموا مباراة كبيرة في الدوري الإيطالي لكرة القدم.",
		"وتأهلت أندية ⟦ORG:يوفنتوس⟧ و⟦ORG:أرسنال⟧ و⟦ORG:نابولي⟧ إلى الدور الثاني من البطولة القارية لكرة القدم، وسجل لاعبو المنتخب هدفين في المباراة الودية أمس، وقال المدرب إن الفريق قدم مباراة كبيرة.",
		"وفاز الفريق على ⟦ORG:نابولي⟧ 2-1 في الدوري الإيطالي لكرة القدم، وسجل المهاجم هدفين في الشوط الثاني من المباراة، ثم تجول اللاعبون في عاصمة الجنوب كمدينة ⟦LOC:نابولي⟧ بعد المباراة.",
	}, true)
	checkHas(t, []string{
		"وسافر الفريق ل⟦LOC:نابولي⟧ أمس قبل المباراة، وقال المدرب إن اللاعبين قدموا مباراة كبيرة في الشوط الثاني من الدوري الإيطالي لكرة القدم.",
		"وزار المشجعون مدينتي ⟦LOC:ميلانو⟧ و⟦LOC:نابولي⟧ قبل المباراة الودية لكرة القدم، وسجل لاعبو المنتخب هدفين في الشوط الثاني، وقال المدرب إن الفريق قدم مباراة كبيرة.",
	}, true)
}
