package collection

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
)

// ownCollection makes articles of our own in which people are named in
// full in some articles and by their surname alone in others (what the
// collection teaches), with words written with tanween (common words).
func ownCollection(n int) []*rasad.Article {
	people := []string{"الوزير سامر العدوان", "الرئيس كريم الشامي", "المبعوث فادي حداد", "الوزيرة ليلى منصور"}
	surnames := []string{"العدوان", "الشامي", "حداد", "منصور"}
	cities := []string{"عمان", "بيروت", "تونس", "الرباط"}
	base := time.Date(2023, 5, 1, 8, 0, 0, 0, time.UTC)
	var out []*rasad.Article
	for i := 0; i < n; i++ {
		k := i % len(people)
		var text string
		if i%3 == 0 {
			text = fmt.Sprintf("التقى %s في %s يوم الاثنين وفدا اقتصاديا، وقال إن المحادثات كانت مثمرة جداً.\n", people[k], cities[(i/2)%4])
		} else {
			text = fmt.Sprintf("وأكد %s أمس أن الاتفاق سيوقع قريباً في %s، فيما التقى %s السفير الفرنسي.\n", surnames[k], cities[(i+1)%4], surnames[(k+1)%4])
		}
		p := base.Add(time.Duration(i) * 7 * time.Hour)
		out = append(out, &rasad.Article{ID: fmt.Sprintf("a%03d", i), Title: fmt.Sprintf("خبر %d", i), Text: text, Published: &p})
	}
	return out
}

func analyses(arts []*rasad.Article) string {
	b, _ := json.Marshal(func() []*rasad.Analysis {
		out := make([]*rasad.Analysis, len(arts))
		for i, a := range arts {
			out[i] = a.Analysis
		}
		return out
	}())
	return string(b)
}

// Analysing a collection chunk by chunk (bounded memory, rasad analyze)
// gives what analysing it at once gives, whatever the chunk size.
func TestAnalyzeChunksEqualsAnalyze(t *testing.T) {
	whole := ownCollection(40)
	Analyze(whole)
	want := analyses(whole)
	learned := 0
	for _, a := range whole {
		for _, m := range a.Analysis.Mentions {
			if m.Type == "PERSON" && len([]rune(m.Text)) <= 6 {
				learned++
			}
		}
	}
	if learned == 0 {
		t.Fatalf("no surname alone found: the collection teaches nothing, the test checks little")
	}
	// the knowledge a whole-collection run returns is the sum of the
	// articles' own counts, as batch analysis gives them
	oneBatch := ownCollection(40)
	wantKnow := AnalyzeKnowing(oneBatch, nil, nil, entities.NewCounts())
	if analyses(oneBatch) != want {
		t.Errorf("AnalyzeKnowing over one batch differs from Analyze")
	}
	for _, chunk := range []int{1, 3, 7, 40, 100} {
		arts := ownCollection(40)
		var got []*rasad.Article
		reads := 0
		know, err := AnalyzeChunks(context.Background(), len(arts), chunk, func(lo, hi int) ([]*rasad.Article, error) {
			reads++
			out := make([]*rasad.Article, hi-lo)
			for i := range out {
				a := *arts[lo+i] // a fresh copy, as a store read gives
				a.Analysis = nil
				out[i] = &a
			}
			return out, nil
		}, func(done []*rasad.Article) error {
			got = append(got, done...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if s := analyses(got); s != want {
			t.Errorf("chunks of %d: analyses differ from the whole collection's", chunk)
		}
		if !reflect.DeepEqual(know.Tallies(), wantKnow) {
			t.Errorf("chunks of %d: the knowledge differs from the sum of the articles' counts", chunk)
		}
		if wantReads := 3 * ((40 + chunk - 1) / chunk); reads != wantReads {
			t.Errorf("chunks of %d: %d reads, want %d", chunk, reads, wantReads)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := AnalyzeChunks(ctx, 3, 1, func(lo, hi int) ([]*rasad.Article, error) { return ownCollection(3)[lo:hi], nil }, func([]*rasad.Article) error { return nil }); err == nil {
		t.Error("a cancelled analysis returned no error")
	}
}
