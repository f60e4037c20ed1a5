package story

import (
	"fmt"
	"time"
)

// arMonths are the Gregorian months as Arabic news writes them, paired.
var arMonths = []string{"", "يناير/كانون الثاني", "فبراير/شباط", "مارس/آذار", "أبريل/نيسان", "مايو/أيار", "يونيو/حزيران",
	"يوليو/تموز", "أغسطس/آب", "سبتمبر/أيلول", "أكتوبر/تشرين الأول", "نوفمبر/تشرين الثاني", "ديسمبر/كانون الأول"}

// ArabicDate writes a timeline date (a day or a month; anything else as
// it is) as an Arabic reader reads it: 12 مارس/آذار 2024.
func ArabicDate(d, precision string) string {
	switch precision {
	case "day":
		if t, err := time.Parse("2006-01-02", d); err == nil {
			return fmt.Sprintf("%d %s %d", t.Day(), arMonths[t.Month()], t.Year())
		}
	case "month":
		if t, err := time.Parse("2006-01", d); err == nil {
			return fmt.Sprintf("%s %d", arMonths[t.Month()], t.Year())
		}
	}
	return d
}

// ArabicRange writes a range of days: 20–21 يوليو/تموز 2025.
func ArabicRange(from, until string) string {
	f, err1 := time.Parse("2006-01-02", from)
	u, err2 := time.Parse("2006-01-02", until)
	if err1 != nil || err2 != nil {
		return from + "–" + until
	}
	if f.Year() == u.Year() && f.Month() == u.Month() {
		return fmt.Sprintf("%d–%d %s %d", f.Day(), u.Day(), arMonths[f.Month()], f.Year())
	}
	return ArabicDate(from, "day") + " – " + ArabicDate(until, "day")
}
