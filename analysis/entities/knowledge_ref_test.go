package entities

import (
	"math/rand"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/text"
)

// addTextRef is Counts.AddText as it was before the counts by number
// (textCounts): the reference of the tests and benchmarks.
func addTextRef(c *Counts, src string, toks []text.Token) {
	c.flush()
	if c.words == nil {
		c.common.Add(src, toks)
	} else {
		one := NewCommonCounter()
		one.Add(src, toks)
		c.addWords(c.common.withAl, one.withAl, false)
		c.addWords(c.common.bare, one.bare, true)
		c.addWords(c.common.tanween, one.tanween, false)
	}
	seen := map[string]bool{}
	var buf []byte
	for _, t := range toks {
		if t.Kind != text.Word {
			continue
		}
		vs := cliticVariants(t.Key)
		for _, v := range vs.all() {
			buf = foldRunes(buf[:0], v.key)
			if !seen[string(buf)] {
				s := string(buf)
				seen[s] = true
				c.addForm(c.docs, s, 1)
			}
		}
	}
}

// BenchmarkCountsAddTextVsRef times the counting of a batch's words as
// collection.Begin counts them (two parts of 128 articles each, added up,
// the Counts reused batch after batch) with AddText and with the reference
// (addTextRef), one after the other on the same articles, in CPU µs per
// article.
//
//	go test ./analysis/entities -run '^$' -bench CountsAddTextVsRef -benchtime 3x
func BenchmarkCountsAddTextVsRef(b *testing.B) {
	in, _ := corpusInputs(b, 3000)
	ways := []struct {
		name string
		add  func(c *Counts, src string, toks []text.Token)
	}{{"ref", addTextRef}, {"new", (*Counts).AddText}}
	cpu := make([]time.Duration, len(ways))
	parts := [][2]*Counts{{NewCounts(), NewCounts()}, {NewCounts(), NewCounts()}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for w, way := range ways {
			c0 := testcorpus.CPUTime()
			for lo := 0; lo < len(in); lo += 256 {
				p := parts[w]
				for j, d := range in[lo:min(len(in), lo+256)] {
					way.add(p[j%2], d.Text, d.Tokens)
				}
				p[0].Absorb(p[1])
				p[0].Len() // the counts in the maps
				p[0].Reset()
			}
			cpu[w] += testcorpus.CPUTime() - c0
		}
	}
	for w, way := range ways {
		b.ReportMetric(float64(cpu[w])/1e3/float64(len(in)*b.N), way.name+"-cpu-µs/art")
	}
}

// AddText counting by number gives the counts of the reference
// (addTextRef): over documents of our own, in batches counted in parts
// (one counting on after the other gave its new keys to the shared
// numbering, the two parts at once on goroutines), absorbed and Reset
// between batches, with the shared numbering large, small and empty; into
// Counts whose common words were asked before (each addition then marks
// the words it changes); with tanween and without the texts; and over
// ant-dev articles when present.
func TestAddTextSameAsRef(t *testing.T) {
	defer func(m int) { maxTextKeys = m; resetSharedNumbers() }(maxTextKeys)
	r := rand.New(rand.NewSource(11))
	var srcs []string
	var toks [][]text.Token
	for i := 0; i < 600; i++ {
		src, _ := randomDoc(r)
		if i%7 == 0 {
			src += " وترامب ترامب للترامب فترامب والعربية للمعلمين"
		}
		srcs, toks = append(srcs, src), append(toks, text.Tokenize(src))
	}
	if docs := testcorpus.Load(t, 600); len(docs) > 0 {
		for _, d := range docs {
			srcs, toks = append(srcs, d.Text), append(toks, text.Tokenize(d.Text))
		}
	}
	srcOf := func(i int) string {
		if i%5 == 0 {
			return "" // no tanween read
		}
		return srcs[i]
	}
	for _, max := range []int{1 << 16, 300, 0} {
		maxTextKeys = max
		resetSharedNumbers()
		for _, asked := range []bool{false, true} {
			got, want := NewCounts(), NewCounts()
			parts := [2]*Counts{NewCounts(), NewCounts()}
			for lo, b := 0, 0; lo < len(srcs); lo, b = lo+60, b+1 {
				hi := min(len(srcs), lo+60)
				if b%2 == 0 {
					// part 1 gives its keys to the shared numbering while
					// part 0 has its own, then part 0 counts on
					for i := lo; i < lo+20 && i < hi; i++ {
						parts[0].AddText(srcOf(i), toks[i])
					}
					for i := lo + 20; i < lo+40 && i < hi; i++ {
						parts[1].AddText(srcOf(i), toks[i])
					}
					parts[0].Absorb(parts[1])
					for i := lo + 40; i < hi; i++ {
						parts[0].AddText(srcOf(i), toks[i])
					}
				} else {
					var wg sync.WaitGroup
					for p := range parts {
						wg.Add(1)
						go func() {
							defer wg.Done()
							for i := lo + p; i < hi; i += 2 {
								parts[p].AddText(srcOf(i), toks[i])
							}
						}()
					}
					wg.Wait()
					parts[0].Absorb(parts[1])
				}
				for i := lo; i < hi; i++ {
					addTextRef(want, srcOf(i), toks[i])
					if asked && i%3 == 0 {
						// straight into Counts whose words were asked
						got.AddText(srcOf(i), toks[i])
						addTextRef(want, srcOf(i), toks[i])
					}
				}
				got.Add(parts[0])
				parts[0].Reset()
				if asked {
					if g, w := got.Words(), want.Words(); !reflect.DeepEqual(g, w) {
						t.Fatalf("max %d: common words differ after %d documents", max, lo)
					}
				}
			}
			if g, w := got.Tallies(), want.Tallies(); !reflect.DeepEqual(g, w) || len(g) < 1000 {
				t.Fatalf("max %d, asked %v: %d tallies, want %d (the same)", max, asked, len(g), len(w))
			}
			if g, w := got.Words(), want.Words(); !reflect.DeepEqual(g, w) {
				t.Fatalf("max %d, asked %v: common words differ", max, asked)
			}
		}
		if n := len(sharedNumbers.n.infos); n > max || max > 0 && n == 0 {
			t.Fatalf("max %d: %d keys shared", max, n)
		}
	}
}

// resetSharedNumbers empties the shared numbering (tests).
func resetSharedNumbers() {
	sharedNumbers.Lock()
	defer sharedNumbers.Unlock()
	sharedNumbers.n = newNumbering()
}
