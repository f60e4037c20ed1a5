package entities

import (
	"strconv"
	"strings"
	"testing"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/text"
)

// A national team named by its country stays a place (LOC) where it plays,
// as in the annotated dev set: only clubs named after a city become ORG.
func TestNationalTeamsStayPlaces(t *testing.T) {
	checkHas(t, []string{
		"فازت ⟦LOC:مصر⟧ على ⟦LOC:تونس⟧ 2-1 في المباراة الودية التي أقيمت في ⟦LOC:القاهرة⟧ مساء الأحد، وسجل مهاجم المنتخب هدفين في الشوط الثاني.",
		"وخسرت ⟦LOC:إنجلترا⟧ أمام ⟦LOC:إيطاليا⟧ 0-1 في مباراة ودية لكرة القدم، وغاب عن المنتخب لاعب الوسط الموقوف وحارس المرمى.",
	}, false)
}

// A club named after its city, in a list of clubs read with confidence,
// is the club (تأهلت فرق برشلونة ويوفنتوس وروما).
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
		"وخسر الفريق أمام ⟦ORG:إشبيلية⟧ 1-2 في الدوري الإسباني لكرة القدم، وقال مدرب ⟦ORG:إشبيلية⟧ إن اللاعبين قدموا مباراة كبيرة في الشوط الثاني. وأقيمت المباراة في ⟦LOC:مدريد⟧ أمام مدرجات ممتلئة.",
		"وكان المهاجم قد انضم إلى ⟦ORG:نابولي⟧ قبل موسمين، وسجل هدفين في المباراة الأخيرة للفريق، وقال مدرب المنتخب إن اللاعب في أفضل حالاته. وزار اللاعب مدينة ⟦LOC:نابولي⟧ للمرة الأولى طفلا.",
	}, false)
}

// A team is the subject of its points or its win (رفع ليون رصيده) and
// the one a goal is scored for (الهدف الأول لروما).
func TestTeamSubjectAndGoalFor(t *testing.T) {
	checkHas(t, []string{
		"ورفع ⟦ORG:نابولي⟧ رصيده إلى 60 نقطة في صدارة الدوري الإيطالي لكرة القدم، بعدما سجل مهاجمه الهدف الثاني ل⟦ORG:نابولي⟧ في الشوط الثاني من المباراة.",
	}, false)
}

// A player of one name in apposition after his nationality (البرازيلي
// مالكوم لاعب …) is a person, and so is the same name again alone; the
// adjective of a noun (المنتخب الأردني نظيره) names nobody.
func TestPlayerAfterNationality(t *testing.T) {
	checkHas(t, []string{
		"وأهدر البرازيلي ⟦PERSON:روبرتو⟧ مهاجم الفريق ركلة جزاء في الشوط الأول من المباراة، قبل أن يسجل ⟦PERSON:روبرتو⟧ هدف الفوز في الدقيقة 80 ويقود فريقه إلى صدارة الدوري.",
	}, false)
	checkHas(t, []string{
		"وواجه المنتخب الأردني نظيره العماني في مباراة ودية لكرة القدم، وسجل اللاعبون هدفين في الشوط الثاني أمام جماهير المنتخب.",
	}, true)
}

// sportRepeat is a made-up sport text of about size bytes: one player
// named after his nationality and again alone in every sentence.
func sportRepeat(size int) string {
	const s = "وسجل البرازيلي روبرتو، ثم مرر روبرتو الكرة. "
	return strings.Repeat(s, size/len(s)+1)
}

// TestPlayersRepeatedName: every repeat of a player's name is read, once.
func TestPlayersRepeatedName(t *testing.T) {
	src := sportRepeat(4000)
	lx := load()
	toks := text.Tokenize(src)
	got := players(lx, map[string]bool{}, src, toks, nil)
	want := 2 * strings.Count(src, "البرازيلي")
	if len(got) != want {
		t.Fatalf("players: %d mentions, want %d", len(got), want)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Start < got[i-1].End {
			t.Fatalf("overlapping mentions %v %v", got[i-1], got[i])
		}
	}
}

// BenchmarkPlayersRepeats times players over 80 KB and 320 KB of repeats of
// one name: ns/op must grow about 4x (linear), not 16x.
func BenchmarkPlayersRepeats(b *testing.B) {
	lx := load()
	for _, size := range []int{80 << 10, 320 << 10} {
		src := sportRepeat(size)
		toks := text.Tokenize(src)
		b.Run(strconv.Itoa(size>>10)+"KB", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				players(lx, map[string]bool{}, src, toks, nil)
			}
		})
	}
}

// matchNear walks a bounded number of tokens: a match word two commas away
// is near, one past a long run of commas is not (and the run is not walked
// to its end for every name).
func TestMatchNearBounded(t *testing.T) {
	lx := load()
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"نابولي ، ، المباراة", true},
		{"نابولي" + strings.Repeat(" ،", 5000) + " المباراة", false},
		{"نابولي يزور المتحف", false},
	} {
		toks := text.Tokenize(c.src)
		m := rasad.Mention{Span: rasad.Span{Start: 0, End: len("نابولي")}, Text: "نابولي", Type: "LOC"}
		if got := matchNear(lx, c.src, toks, &m); got != c.want {
			t.Errorf("matchNear(%.40q…) = %v, want %v", c.src, got, c.want)
		}
	}
}

// A name's word shared by many full names keeps at most three of them:
// enough for onlyOther, and linear in the text.
func TestAddPartBounded(t *testing.T) {
	m := map[string][]string{}
	for i := 0; i < 1000; i++ {
		addPart(m, "محمد", "محمد "+strconv.Itoa(i))
	}
	addPart(m, "محمد", "محمد 0")
	if len(m["محمد"]) != 3 || onlyOther(m["محمد"], "محمد 0") != "" {
		t.Fatalf("addPart kept %d names", len(m["محمد"]))
	}
}
