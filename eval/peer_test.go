package eval

// The go-dateparser peer lives in test code only: its language tables
// initialise at package load (about 0.4 s and 60 MB), which no command of
// the binary should pay. TestPeerDates prints the side-by-side score.

import (
	"strings"
	"testing"
	"time"

	dateparser "github.com/markusmobius/go-dateparser"
	dpdate "github.com/markusmobius/go-dateparser/date"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/dates"
)

// PeerDates runs go-dateparser's search over the same texts, with the same
// publication dates as its current time, and turns what it finds into
// TIMEX-like values with the spans of the text it reports.
func PeerDates(docs []SeedDoc, anchors []dates.Anchor) [][]rasad.Timex {
	out := make([][]rasad.Timex, len(docs))
	for i, d := range docs {
		text := d.Article.Text
		cfg := &dateparser.Configuration{Languages: []string{"ar"}}
		if anchors[i].Valid() {
			cfg.CurrentTime = anchors[i].Date.Add(12 * time.Hour)
		}
		_, res, err := dateparser.Search(cfg, text)
		if err != nil {
			continue
		}
		cursor := 0
		for _, r := range res {
			idx := strings.Index(text[cursor:], r.Text)
			if idx < 0 {
				continue
			}
			start := cursor + idx
			cursor = start + len(r.Text)
			v := ""
			switch r.Date.Period {
			case dpdate.Year:
				v = r.Date.Time.Format("2006")
			case dpdate.Month:
				v = r.Date.Time.Format("2006-01")
			case dpdate.Day:
				v = r.Date.Time.Format("2006-01-02")
			default:
				v = r.Date.Time.Format("2006-01-02T15:04")
			}
			out[i] = append(out[i], rasad.Timex{Span: rasad.Span{Start: start, End: cursor}, Text: r.Text, Type: "DATE", Value: v, Rule: "go-dateparser"})
		}
	}
	return out
}

// TestPeerDates scores go-dateparser on the seeds beside Rasad, as the
// comparison that used to be part of rasad eval dates.
func TestPeerDates(t *testing.T) {
	docs := seeds(t)
	anchors := make([]dates.Anchor, len(docs))
	for i, d := range docs {
		anchors[i] = dates.AnchorFor(d.Article)
	}
	rs := ScoreDates("rasad", docs, RasadDates(docs, anchors))
	ps := ScoreDates("go-dateparser", docs, PeerDates(docs, anchors))
	for _, s := range []DateScore{rs, ps} {
		t.Logf("%-14s gold %d pred %d right %d P %.3f R %.3f F1 %.3f", s.System, s.Gold, s.Predicted, s.Right, s.Precision, s.Recall, s.F1)
	}
	if ps.F1 > rs.F1 {
		t.Errorf("the peer scores above Rasad: %.3f > %.3f", ps.F1, rs.F1)
	}
}
