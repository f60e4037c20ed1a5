package dates

import "time"

// HijriToGregorian converts a date of the tabular Islamic calendar (the
// arithmetic civil calendar, epoch 16 July 622 Julian) to the Gregorian
// calendar. Official calendars (Umm al-Qura, sighting) can differ from it
// by a day or two; news that gives both dates (الموافق) is read for both.
func HijriToGregorian(y, m, d int) time.Time {
	jd := (11*y+3)/30 + 354*y + 30*m - (m-1)/2 + d + 1948440 - 385
	return julianDayToTime(jd)
}

// julianDayToTime converts a Julian Day Number to a Gregorian date (UTC).
func julianDayToTime(jd int) time.Time {
	l := jd + 68569
	n := 4 * l / 146097
	l -= (146097*n + 3) / 4
	i := 4000 * (l + 1) / 1461001
	l = l - 1461*i/4 + 31
	j := 80 * l / 2447
	d := l - 2447*j/80
	l = j / 11
	m := j + 2 - 12*l
	y := 100*(n-49) + i + l
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}
