package ingest

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// A page in windows-1256 that names no charset (neither header nor meta)
// is read as Arabic, not as windows-1252 mojibake.
func TestParsePageWindows1256WithoutCharset(t *testing.T) {
	page := "<html><head><title>لقاء الوزيرين</title></head><body><article><h1>لقاء الوزيرين</h1>" +
		"<p>التقى وزير الزراعة نظيره في مسقط صباح الأحد لبحث خطة الري المشتركة بين البلدين.</p>" +
		"<p>وقال المتحدث إن الجانبين اتفقا على متابعة المحادثات في الشهر المقبل.</p></article></body></html>"
	enc, err := charmap.Windows1256.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParsePage("test", enc, "", "http://127.0.0.1/p", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "خطة الري المشتركة") {
		t.Errorf("text %q", a.Text)
	}
	if !strings.Contains(strings.Join(a.Warnings, " "), "windows-1256") {
		t.Errorf("warnings %v", a.Warnings)
	}
	// a Latin page without a charset keeps the sniffer's answer
	latin, _ := charmap.Windows1252.NewEncoder().Bytes([]byte("<html><body><p>Café crème à la carte, déjà vu, naïve résumé; the menu lists many dishes for the evening.</p></body></html>"))
	b, err := ParsePage("test", latin, "", "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.Text, "Café crème") {
		t.Errorf("latin text %q", b.Text)
	}
}
