package entities

import (
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/internal/testcorpus"
)

// BenchmarkKnowledgeBatches times the collection-knowledge work of an
// ingest over all of ant-dev, batch by batch (256 articles) as
// collection.Begin and Finish do it, without Find (each article's first
// mentions are found once beforehand): the batch's words counted in two
// parts and added up, added to the knowledge, Words, the names, the
// batch's tallies, Known, and ExtendPrepared. It reports CPU ms per
// article of each step and of all.
//
//	go test ./analysis/entities -run '^$' -bench KnowledgeBatches -benchtime 2x
func BenchmarkKnowledgeBatches(b *testing.B) {
	in, _ := corpusInputs(b, 100000)
	var srcs []string
	for _, d := range in {
		srcs = append(srcs, d.Text)
	}
	common := NewCounts()
	for _, d := range in {
		common.AddText(d.Text, d.Tokens)
	}
	words := common.Words()
	first := make([][]rasad.Mention, len(in))
	var wg sync.WaitGroup
	for p := 0; p < runtime.GOMAXPROCS(0); p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for i := p; i < len(in); i += runtime.GOMAXPROCS(0) {
				first[i] = Find(in[i].Text, in[i].Tokens, Options{Common: words})
			}
		}(p)
	}
	wg.Wait()
	const batch = 256
	steps := []string{"count", "merge", "words", "names", "tallies", "extend"}
	cpu := make([]time.Duration, len(steps))
	runtime.GC()
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		know := NewCounts()
		free := [3]*Counts{NewCounts(), NewCounts(), NewCounts()} // as collection's pool rotates them
		for lo := 0; lo < len(in); lo += batch {
			hi := min(len(in), lo+batch)
			t := testcorpus.CPUTime()
			lap := func(s int) {
				now := testcorpus.CPUTime()
				cpu[s] += now - t
				t = now
			}
			parts := [2]*Counts{free[0], free[1]}
			for i := lo; i < hi; i++ {
				parts[i%2].AddText(in[i].Text, in[i].Tokens)
			}
			bc := parts[0]
			bc.Absorb(parts[1])
			lap(0)
			wait := know.AddWordsFirst(bc)
			wait()
			lap(1)
			know.Words()
			lap(2)
			names := NewCounts()
			for i := lo; i < hi; i++ {
				names.AddNames(first[i])
			}
			know.Add(names)
			bc.Add(names)
			lap(3)
			bc.Tallies()
			lap(4)
			kp := know.Known().Prepare()
			for i := lo; i < hi; i++ {
				ExtendPrepared(in[i].Text, in[i].Tokens, first[i], kp)
			}
			lap(5)
			bc.Reset()
			free[0], free[1], free[2] = free[1], free[2], bc
		}
	}
	var all time.Duration
	for s, name := range steps {
		b.ReportMetric(float64(cpu[s])/1e6/float64(len(in)*b.N), name+"-ms/art")
		all += cpu[s]
	}
	b.ReportMetric(float64(all)/1e6/float64(len(in)*b.N), "all-ms/art")
}
