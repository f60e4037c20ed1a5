package pipeline

import (
	"sync"

	"github.com/rasad/rasad/analysis/dates"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/analysis/events"
	"github.com/rasad/rasad/text"
)

// warmText is a sentence of our own that goes through every analyser.
const warmText = "قال رئيس الوزراء محمد علي في القاهرة يوم الاثنين 5 مارس 2018 إن الحكومة وقعت اتفاقا مع شركة النفط الوطنية."

var (
	warmOnce sync.Once
	warming  sync.WaitGroup // the warm-up goroutines (tests wait for them)
)

// warmAnalysers loads the analysers' lexicons and the tagger's model once
// per process, each on a goroutine of its own, when an ingest starts:
// otherwise they load when the first batch reaches them, one after the
// other (entities, then events) while the batch's other articles wait
// for them, and a core idles for part of a second. What they load does
// not depend on the text read here, and the results are dropped.
func warmAnalysers() {
	warmOnce.Do(func() {
		for _, f := range []func(){
			func() { dates.TagTokens(warmText, text.Tokenize(warmText), dates.Anchor{}) },
			func() { entities.Find(warmText, text.Tokenize(warmText), entities.Options{}) },
			func() { events.Find(events.Input{Text: warmText, Tokens: text.Tokenize(warmText)}) },
		} {
			warming.Add(1)
			go func() {
				defer warming.Done()
				f()
			}()
		}
	})
}
