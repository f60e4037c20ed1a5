package entities

import "testing"

// A national team named by its country stays a place (LOC) where it plays,
// as in the annotated dev set: only clubs named after a city become ORG.
func TestNationalTeamsStayPlaces(t *testing.T) {
	checkHas(t, []string{
		"فازت ⟦LOC:مصر⟧ على ⟦LOC:تونس⟧ 2-1 في المباراة الودية التي أقيمت في ⟦LOC:القاهرة⟧ مساء الأحد، وسجل مهاجم المنتخب هدفين في الشوط الثاني.",
		"وخسرت ⟦LOC:إنجلترا⟧ أمام ⟦LOC:إيطاليا⟧ 0-1 في مباراة ودية لكرة القدم، وغاب عن المنتخب لاعب الوسط المصاب وحارس المرمى.",
	}, false)
}

// A club named after its city, in a list of clubs read with confidence,
// is the club (تأهلت فرق ريال مدريد وليفربول وروما).
func TestClubsInLists(t *testing.T) {
	checkHas(t, []string{
		"وبلغت ربع النهائي في المسابقة القارية أندية ⟦ORG:ريال مدريد⟧ و⟦ORG:يوفنتوس⟧ و⟦ORG:روما⟧ بعد أسبوع حافل بالمباريات، وسجل لاعبوها أهدافا كثيرة في الدوري.",
	}, false)
}

// A city that is a club's name is the club where it plays (فاز على، مدرب،
// انضم إلى, before a score), and again near a match word in the same sport
// text; the town where the match is played stays a place.
func TestCityClubsInMatches(t *testing.T) {
	checkHas(t, []string{
		"وخسر الفريق أمام ⟦ORG:إشبيلية⟧ 1-2 في الدوري الإسباني لكرة القدم، وقال مدرب ⟦ORG:إشبيلية⟧ إن اللاعبين قدموا مباراة كبيرة في الشوط الثاني. وأقيمت المباراة في ⟦LOC:مدريد⟧ أمام جماهير غفيرة.",
		"وكان المهاجم قد انضم إلى ⟦ORG:نابولي⟧ قبل موسمين، وسجل هدفين في المباراة الأخيرة للفريق، وقال مدرب المنتخب إن اللاعب في أفضل حالاته. وزار اللاعب مدينة ⟦LOC:نابولي⟧ للمرة الأولى طفلا.",
	}, false)
}

// A team is the subject of its points or its win (رفع نابولي رصيده) and
// the one a goal is scored for (الهدف الثاني لنابولي).
func TestTeamSubjectAndGoalFor(t *testing.T) {
	checkHas(t, []string{
		"ورفع ⟦ORG:نابولي⟧ رصيده إلى 60 نقطة في صدارة الدوري الإيطالي لكرة القدم، بعدما سجل مهاجمه الهدف الثاني ل⟦ORG:نابولي⟧ في الشوط الثاني من المباراة.",
	}, false)
}

// A player of one name in apposition after his nationality (البرازيلي
// مالكوم لاعب …) is a person, and so is the same name again alone; the
// adjective of a noun (المنتخب التونسي نظيره) names nobody.
func TestPlayerAfterNationality(t *testing.T) {
	checkHas(t, []string{
		"وأهدر البرازيلي ⟦PERSON:روبرتو⟧ مهاجم الفريق ركلة جزاء في الشوط الأول من المباراة، قبل أن يسجل ⟦PERSON:روبرتو⟧ هدف الفوز في الدقيقة 80 ويقود فريقه إلى صدارة الدوري.",
	}, false)
	checkHas(t, []string{
		"وواجه المنتخب التونسي نظيره المغربي في مباراة ودية لكرة القدم، وسجل اللاعبون هدفين في الشوط الثاني أمام جماهير المنتخب.",
	}, true)
}
