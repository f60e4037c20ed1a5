package dates

import "testing"

// A relative clause opened after the date (والذي قتل فيه …، التي شهدت …)
// tells of its own event, often another year's: its verb does not set the
// date's tense. A year-less date a day ahead of publication, whose own
// clause gives no tense, takes the nearest year. Sentences of our own;
// anchor 2024-06-14.
func TestRelativeClauseAfterDate(t *testing.T) {
	runClasses(t, []classCase{
		{"2024-06-14", "وتحيي البلدة الذكرى في ⟦الخامس عشر من يونيو|2024-06-15⟧ والذي قتل فيه عشرات في ⟦1982|1982⟧."},
		{"2024-06-14", "ويستعد السكان لمسيرة في ⟦الخامس عشر من يونيو|2024-06-15⟧ الذي انهار فيه السد ⟦عام 1979|1979⟧."},
		{"2024-06-14", "وتنظم النقابة وقفة في ⟦16 يونيو|2024-06-16⟧ والتي اغتيل فيها الزعيم النقابي."},
		// a past verb whose clause names its own year is not this date's
		{"2024-06-14", "وموعد المهرجان في ⟦17 يونيو|2024-06-17⟧ ذكرى تأسيس الحزب الذي أعلن في ⟦1990|1990⟧."},
		{"2024-06-14", "ويخوض الرئيس الذي انتخب أول مرة في 2004 سباقا جديدا في انتخابات ⟦20 يونيو|2024-06-20⟧."},
		// the date's own past verb still decides
		{"2024-06-14", "واعتقلت الشرطة في ⟦العاشر من يونيو|2024-06-10⟧ رجلين اللذين هاجما المتجر."},
		{"2024-06-14", "وزار الوزير المدينة في ⟦8 مايو|2024-05-08⟧ الذي صادف عيد الاستقلال."},
	})
}

// على بعد + a quantity is a distance or a time still to run before an
// event (على بعد أسبوعين من نهاية الموسم), not a date counted from the
// anchor. Sentences of our own.
func TestFarFromIsNoDate(t *testing.T) {
	runClasses(t, []classCase{
		{"2024-06-14", "ويقف الفريق على بعد أسبوعين فقط من نهاية الموسم."},
		{"2024-06-14", "ورست السفينة على بعد عقدين بحريين من الساحل."},
	})
}

// A relative clause right after the date that names no year of its own
// speaks of the date itself (الجمعة الذي شهد، الاثنين الذي سيشهد). Opened
// with و, it tells the date's tense only when the date's own clause says
// nothing. Sentences of our own; anchor 2024-06-12 is a Wednesday.
func TestRelativeClauseOfTheDate(t *testing.T) {
	runClasses(t, []classCase{
		{"2024-06-12", "والموعد المنتظر هو ⟦الاثنين|2024-06-17⟧ الذي سيشهد توقيع الاتفاق."},
		{"2024-06-12", "والحدث الأبرز ⟦الجمعة|2024-06-07⟧ الذي شهد توقيع الاتفاق."},
		{"2024-06-12", "وتبقى الأنظار على ⟦الاثنين|2024-06-17⟧ والذي سيشهد توقيع الاتفاق."},
		{"2024-06-12", "والحدث الأبرز ⟦الجمعة|2024-06-07⟧ والتي شهدت توقيع الاتفاق."},
		// the date's own clause still decides over a و-relative
		{"2024-06-12", "وتنظم الجمعية حفلا ⟦الاثنين|2024-06-17⟧ والذي شهد قبل أعوام تأسيسها."},
	})
}
