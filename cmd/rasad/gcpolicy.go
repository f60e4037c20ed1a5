package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// ingestHeapBudget is the heap an ingest may grow to before the garbage
// collector runs (see gcBudget): most of an ingest's garbage collection
// time is spent marking the same long-lived data (the lexicons, the
// tagger's model, the collection knowledge) over and over, and letting
// the heap grow to this budget cuts the collections of an ant-dev ingest
// from 22 to 7 (peak RSS 378-393 MB, 356-388 MB with the default). The
// heap stays at most this budget or twice the live data, whichever is
// larger, so memory remains bounded by the working window (a few
// batches) plus the knowledge, as with the default policy.
const ingestHeapBudget = 280 << 20

// gcBudget lets the heap grow to budget bytes (or twice the live heap,
// the default policy, when that is larger) until the returned function is
// called, which restores the default. After every collection it sets the
// GC percentage from the live heap: budget/live - 1, at least 100 (the
// default). It does nothing when GOGC or GOMEMLIMIT is set in the
// environment: the user's choice wins.
func gcBudget(budget uint64) (stop func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" || budget == 0 {
		return func() {}
	}
	t := &gcTuner{budget: budget, prev: debug.SetGCPercent(100)}
	t.tune()
	t.arm()
	return func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		t.stopped = true
		debug.SetGCPercent(t.prev)
	}
}

type gcTuner struct {
	budget  uint64
	prev    int
	mu      sync.Mutex
	stopped bool
	sample  [1]metrics.Sample
}

// arm attaches a cleanup to a fresh unreachable object: it runs after the
// next collection, tunes, and arms again.
func (t *gcTuner) arm() {
	s := new([64]byte) // not a tiny allocation, so it is freed on its own
	runtime.AddCleanup(s, func(t *gcTuner) {
		t.mu.Lock()
		stopped := t.stopped
		t.mu.Unlock()
		if !stopped {
			t.tune()
			t.arm()
		}
	}, t)
}

// tune sets the GC percentage from the live heap of the last collection.
func (t *gcTuner) tune() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return
	}
	t.sample[0].Name = "/gc/heap/live:bytes"
	metrics.Read(t.sample[:])
	var live uint64
	if t.sample[0].Value.Kind() == metrics.KindUint64 {
		live = t.sample[0].Value.Uint64()
	}
	debug.SetGCPercent(gcPercentFor(t.budget, live))
}

// gcPercentFor is the GC percentage that puts the next collection at
// budget bytes of heap for live bytes of live data: at least 100 (the
// default, twice the live heap), at most 1000.
func gcPercentFor(budget, live uint64) int {
	if live == 0 {
		live = 4 << 20 // the runtime's minimum heap
	}
	if budget <= 2*live {
		return 100
	}
	return int(min(1000, budget*100/live-100))
}
