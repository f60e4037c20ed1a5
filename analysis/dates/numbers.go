package dates

// Numbers written in words: compound cardinals (خمسة وسبعين، ألف وتسعمائة
// وخمسة وأربعين، ألفين وثلاثة وعشرين), read as one value.

import (
	"strings"

	"github.com/rasad/rasad/text"
)

// number word classes, by magnitude: a compound lists them from the
// largest down (thousands, hundreds, then units and tens in either order of
// "خمسة وسبعين").
const (
	magUnit = iota + 1
	magTen
	magHundred
	magThousand
)

var (
	tensWords     = map[string]int{}
	hundredsWords = map[string]int{}
	thousandWords = map[string]int{}
)

func init() {
	for w, v := range map[string]int{"عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "اربعون": 40,
		"خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70, "ثمانين": 80, "ثمانون": 80,
		"تسعين": 90, "تسعون": 90} {
		tensWords[text.Key(w)] = v
	}
	hundredsWords[text.Key("مئة")] = 100
	hundredsWords[text.Key("مائة")] = 100
	hundredsWords[text.Key("مئه")] = 100
	for _, w := range []string{"مئتين", "مائتين", "مئتان", "مائتان", "مئتا", "مائتا"} {
		hundredsWords[text.Key(w)] = 200
	}
	for stem, v := range map[string]int{"ثلاث": 3, "أربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "ثماني": 8, "تسع": 9} {
		for _, h := range []string{"مئة", "مائة"} {
			hundredsWords[text.Key(stem+h)] = v * 100
		}
	}
	for w, v := range map[string]int{"ألف": 1000, "ألفا": 1000, "ألفين": 2000, "ألفان": 2000, "ألفي": 2000} {
		thousandWords[text.Key(w)] = v
	}
}

// numberWordAt: the word at j (without a conjunction) can start a number
// in words — a cheap test before numberWords.
func (t *tagger) numberWordAt(j int) bool {
	k := t.skey(j)
	return t.lex.numbers[k] != nil || t.lex.numbers[t.key(j)] != nil || tensWords[k] != 0 || hundredsWords[k] != 0 || thousandWords[k] != 0
}

// numberComponent reads one component of a compound number at j (without
// its conjunction): its value, magnitude class and length in tokens.
func (t *tagger) numberComponent(j int) (int, int, int) {
	k := t.key(j)
	if v, ok := thousandWords[k]; ok {
		return v, magThousand, 1
	}
	if v, ok := hundredsWords[k]; ok {
		return v, magHundred, 1
	}
	if v, ok := tensWords[k]; ok {
		return v, magTen, 1
	}
	if v, n := t.number(j, "cardinal"); n > 0 && v < 20 && !vagueCount[k] {
		// a unit or teen, possibly followed by آلاف or مائة: ثلاثة آلاف، ثلاث مائة
		switch nk := t.key(j + n); {
		case (nk == "الاف" || nk == "الف") && v >= 3:
			return v * 1000, magThousand, n + 1
		case hundredsWords[nk] == 100 && v >= 3 && v <= 9:
			return v * 100, magHundred, n + 1
		}
		return v, magUnit, n
	}
	return 0, 0, 0
}

var vagueCount = set("بضعة بضع عدة")

// numberWords reads a cardinal in words at j, compound or not, and returns
// its value and the index after it (0, j when there is none). Components
// after the first carry the conjunction و, attached or apart.
func (t *tagger) numberWords(j int) (int, int) {
	v, mag, n := t.numberComponent(j)
	if n == 0 {
		return 0, j
	}
	total, last, next := v, mag, j+n
	unitThenTen := mag == magUnit && v < 10
	for {
		k := t.key(next)
		var cv, cm, cn int
		switch {
		case k == "و":
			cv, cm, cn = t.numberComponent(next + 1)
			cn++
		case strings.HasPrefix(k, "و") && len(k) > len("و"):
			// وتسعمائة، وخمسة: the component with its conjunction
			save := t.keys[next]
			t.keys[next] = k[len("و"):]
			cv, cm, cn = t.numberComponent(next)
			t.keys[next] = save
		}
		if cn == 0 {
			break
		}
		switch {
		case cm < last && !(last == magTen && cm == magUnit):
		case unitThenTen && cm == magTen && last == magUnit:
		default:
			cn = 0
		}
		if cn == 0 {
			break
		}
		unitThenTen = cm == magUnit && cv < 10
		total += cv
		last = cm
		next += cn
	}
	return total, next
}
