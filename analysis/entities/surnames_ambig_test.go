package entities

import (
	"testing"

	"github.com/rasad/rasad/text"
)

// A surname that a misread full name also ends with (a verb taken in, two
// names run together) still names the person named in full.
func TestSurnameAloneDespiteMisreadFullName(t *testing.T) {
	src := "التقى الرئيس الأمريكي دونالد ترامب الزعيم الصيني شي جين بينغ في بكين. " +
		"وقال شي ترامب إن المحادثات مثمرة. وأضاف أن خطاب ترامب كان واضحا، ثم أرسل رسالة لترامب."
	n := 0
	for _, m := range Find(src, text.Tokenize(src), Options{}) {
		if m.Type == "PERSON" && (m.Text == "ترامب" || m.Text == "لترامب") {
			if m.Key != "دنلد ترمب" {
				t.Errorf("%q keyed %q, want the full name's key", m.Text, m.Key)
			}
			n++
		}
	}
	if n < 2 {
		t.Errorf("found %d bare surnames, want 2 (خطاب ترامب، لترامب)", n)
	}
}

// A one-word name that a pattern found (a role + one name) names the
// person again where the word stands alone.
func TestSingleNameFoundAgain(t *testing.T) {
	src := "قال الرئيس الأوكراني بوروشنكوف إن بلاده مستعدة للحوار. وكان بوروشنكوف قد زار العاصمة الشهر الماضي."
	n := 0
	for _, m := range Find(src, text.Tokenize(src), Options{}) {
		if m.Type == "PERSON" && m.Text == "بوروشنكوف" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("found بوروشنكوف %d times, want 2", n)
	}
}
