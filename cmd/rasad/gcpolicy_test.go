package main

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestGCPercentFor(t *testing.T) {
	for _, c := range []struct {
		budget, live uint64
		want         int
	}{
		{300 << 20, 150 << 20, 100}, // twice the live heap is the budget
		{300 << 20, 200 << 20, 100}, // the default beyond it
		{300 << 20, 100 << 20, 200},
		{300 << 20, 60 << 20, 400},
		{300 << 20, 1 << 20, 1000}, // capped
		{300 << 20, 0, 1000},
	} {
		if got := gcPercentFor(c.budget, c.live); got != c.want {
			t.Errorf("gcPercentFor(%d, %d) = %d, want %d", c.budget, c.live, got, c.want)
		}
	}
}

// TestGCBudgetRestores checks that the tuner sets a percentage after
// collections and that stop restores the one before.
func TestGCBudgetRestores(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	prev := debug.SetGCPercent(77)
	defer debug.SetGCPercent(prev)
	stop := gcBudget(1 << 30)
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	// a 1 GiB budget over a heap of a few MB: well above the default
	if p := debug.SetGCPercent(100); p <= 100 {
		t.Errorf("percent during the budget = %d, want > 100", p)
	}
	stop()
	if p := debug.SetGCPercent(77); p != 77 {
		t.Errorf("percent after stop = %d, want 77", p)
	}
}
