// Package par runs loops on every core.
package par

import (
	"runtime"
	"sync"
)

// Do runs f(i) for every i in [0, n) on up to GOMAXPROCS goroutines and
// returns when all are done. f must be safe to run concurrently for
// different i.
func Do(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n, 1))
	next := make(chan int, n)
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	wg.Wait()
}
