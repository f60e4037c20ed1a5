// Package story groups a stream of articles into stories and finds the
// copies among them (wire copies, re-posts, updated versions), so that a
// timeline counts independent sources honestly.
//
// Both run in one pass over articles in publication order with memory
// bounded by a time window: near-duplicates by MinHash signatures with LSH
// buckets, stories by incremental clustering on TF-IDF stems and shared
// entities with an inverted index over the active stories only.
package story

import (
	"encoding/binary"
	"hash/fnv"
	"sort"
	"time"

	"github.com/rasad/rasad/text"
)

// Doc is what the story stage needs of an article.
type Doc struct {
	ID        string
	Outlet    string
	Published time.Time // zero: undated (clustered at the end, after the dated)
	Title     string
	Body      string            // residue masked; the title line may be included
	Entities  []string          // entity keys (features of the story vector)
	Names     map[string]string // display names of entity keys
	// Tokens of Body, when the caller has them (else made here).
	Tokens []text.Token
}

const (
	numHashes = 64
	bands     = 32
	rows      = numHashes / bands
	shingle   = 4 // words per shingle
)

// hash coefficients, fixed so that signatures are the same on every run
var coefA, coefB [numHashes]uint64

func init() {
	x := uint64(0x9E3779B97F4A7C15)
	next := func() uint64 { // splitmix64
		x += 0x9E3779B97F4A7C15
		z := x
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
		z = (z ^ (z >> 27)) * 0x94D049BB133111EB
		return z ^ (z >> 31)
	}
	for i := range coefA {
		coefA[i] = next() | 1
		coefB[i] = next()
	}
}

// Signature is a MinHash signature of a text's word shingles.
type Signature struct {
	Min    [numHashes]uint64
	Words  int
	Usable bool // enough words for a meaningful signature
}

// Sign computes the MinHash signature of a text's word keys (four-word
// shingles of normalization keys, so diacritics, hamza spelling and
// punctuation do not matter).
func Sign(toks []text.Token) Signature {
	var s Signature
	for i := range s.Min {
		s.Min[i] = ^uint64(0)
	}
	var words []string
	for _, t := range toks {
		if t.Kind != text.Punct {
			words = append(words, t.Key)
		}
	}
	s.Words = len(words)
	if len(words) < shingle {
		return s
	}
	s.Usable = len(words) >= 12
	h := fnv.New64a()
	for i := 0; i+shingle <= len(words); i++ {
		h.Reset()
		for _, w := range words[i : i+shingle] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for k := 0; k < numHashes; k++ {
			v := coefA[k]*x + coefB[k]
			if v < s.Min[k] {
				s.Min[k] = v
			}
		}
	}
	return s
}

// Similarity estimates the Jaccard similarity of two signatures.
func Similarity(a, b *Signature) float64 {
	same := 0
	for i := range a.Min {
		if a.Min[i] == b.Min[i] {
			same++
		}
	}
	return float64(same) / numHashes
}

// Copy kinds.
const (
	KindCopy   = "copy"    // the same text (wire copy, re-post), Jaccard ≥ 0.8
	KindUpdate = "rewrite" // the same report edited, updated or extended, 0.5 ≤ Jaccard < 0.8
)

// Pair is a detected near-duplicate pair; A was published first.
type Pair struct {
	A, B       string
	Kind       string
	Similarity float64
}

// copyFinder finds near-duplicates among the articles of a time window.
type copyFinder struct {
	window  time.Duration
	buckets map[uint64][]int // band hash -> docs
	sigs    []Signature
	when    []time.Time
	ids     []string
	alive   int // docs before this index have left the window
	pairs   []Pair
}

func newCopyFinder(window time.Duration) *copyFinder {
	return &copyFinder{window: window, buckets: map[uint64][]int{}}
}

func bandKey(s *Signature, b int) uint64 {
	h := fnv.New64a()
	var buf [8]byte
	buf[0] = byte(b)
	h.Write(buf[:1])
	for _, v := range s.Min[b*rows : (b+1)*rows] {
		binary.LittleEndian.PutUint64(buf[:], v)
		h.Write(buf[:])
	}
	return h.Sum64()
}

// add compares a document with the window's and records its pairs.
func (f *copyFinder) add(id string, when time.Time, sig Signature) {
	idx := len(f.sigs)
	f.sigs = append(f.sigs, sig)
	f.when = append(f.when, when)
	f.ids = append(f.ids, id)
	// leave the window: drop old docs from the buckets lazily (below)
	for f.alive < idx && !when.IsZero() && !f.when[f.alive].IsZero() && when.Sub(f.when[f.alive]) > f.window {
		f.sigs[f.alive] = Signature{} // release
		f.alive++
	}
	if idx%1000 == 999 {
		f.sweep()
	}
	if !sig.Usable {
		return
	}
	in := func(j int) bool { return j >= f.alive }
	doc := func(j int) (string, *Signature) { return f.ids[j], &f.sigs[j] }
	f.pairs = append(f.pairs, matchBands(f.buckets, idx, id, &sig, in, doc)...)
}

// matchBands finds the near-duplicates of the document idx (id, signature
// sig) among the earlier ones that share an LSH bucket with it and are still
// in the window (in), and records idx in each of its buckets. doc gives an
// earlier document's ID and signature. It returns the closest few pairs (at
// most maxPairsPerDoc), closest first. Bucket lists are filtered into new
// slices, never in place.
func matchBands(buckets map[uint64][]int, idx int, id string, sig *Signature, in func(j int) bool, doc func(j int) (string, *Signature)) []Pair {
	seen := map[int]bool{}
	var found []Pair
	for b := 0; b < bands; b++ {
		k := bandKey(sig, b)
		list := buckets[k]
		kept := list[:0:0]
		for _, j := range list {
			if in(j) {
				kept = append(kept, j) // still in the window
			}
		}
		// compare with the most recent members of a crowded bucket only:
		// a feed of near-identical items must not make this quadratic
		from := max(0, len(kept)-maxBucketCompare)
		for _, j := range kept[from:] {
			if seen[j] {
				continue
			}
			seen[j] = true
			other, osig := doc(j)
			sim := Similarity(sig, osig)
			switch {
			case sim >= 0.8:
				found = append(found, Pair{A: other, B: id, Kind: KindCopy, Similarity: sim})
			case sim >= 0.5:
				found = append(found, Pair{A: other, B: id, Kind: KindUpdate, Similarity: sim})
			}
		}
		if len(kept) >= maxBucket {
			kept = kept[len(kept)-maxBucket+1:]
		}
		buckets[k] = append(kept, idx)
	}
	// keep the closest few pairs of a document
	sort.Slice(found, func(a, b int) bool {
		if found[a].Similarity != found[b].Similarity {
			return found[a].Similarity > found[b].Similarity
		}
		return found[a].A < found[b].A
	})
	if len(found) > maxPairsPerDoc {
		found = found[:maxPairsPerDoc]
	}
	return found
}

const (
	maxBucketCompare = 50
	maxBucket        = 200
	maxPairsPerDoc   = 10
)

// sweep drops the documents that left the window from every bucket, so
// memory stays bounded by the window.
func (f *copyFinder) sweep() {
	for k, list := range f.buckets {
		kept := list[:0]
		for _, j := range list {
			if j >= f.alive {
				kept = append(kept, j)
			}
		}
		if len(kept) == 0 {
			delete(f.buckets, k)
		} else {
			f.buckets[k] = kept
		}
	}
}

// sortPairs orders pairs deterministically.
func sortPairs(ps []Pair) {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].A != ps[j].A {
			return ps[i].A < ps[j].A
		}
		return ps[i].B < ps[j].B
	})
}
