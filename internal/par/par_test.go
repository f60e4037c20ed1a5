package par

import (
	"sync/atomic"
	"testing"
)

func TestDo(t *testing.T) {
	out := make([]int, 1000)
	var calls atomic.Int64
	Do(len(out), func(i int) {
		calls.Add(1)
		out[i] = i * i
	})
	if calls.Load() != 1000 {
		t.Fatalf("%d calls", calls.Load())
	}
	for i, v := range out {
		if v != i*i {
			t.Fatalf("out[%d] = %d", i, v)
		}
	}
	Do(0, func(int) { t.Fatal("called for n = 0") })
}
