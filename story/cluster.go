package story

import (
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rasad/rasad/internal/par"
	"github.com/rasad/rasad/text"
)

// Options tune clustering.
type Options struct {
	// Window: a story accepts a new article while its latest article is at
	// most this old (diplomatic stories pause for weeks). Default 21 days.
	Window time.Duration
	// Threshold is the cosine similarity an article needs to join a story.
	Threshold float64
	// CopyWindow bounds how far apart two copies can be. Default 7 days.
	CopyWindow time.Duration
}

func (o *Options) defaults() {
	if o.Window == 0 {
		o.Window = 21 * 24 * time.Hour
	}
	if o.Threshold == 0 {
		o.Threshold = 0.35
	}
	if o.CopyWindow == 0 {
		o.CopyWindow = 7 * 24 * time.Hour
	}
}

// Story is a group of articles telling one story.
type Story struct {
	ID        string      `json:"id"`
	Title     string      `json:"title"`
	FirstSeen time.Time   `json:"first_seen"`
	LastSeen  time.Time   `json:"last_seen"`
	Articles  []string    `json:"articles"`
	Outlets   []string    `json:"outlets"`
	Entities  []string    `json:"entities"`
	Copies    [][2]string `json:"copies"`
	// Independent is the number of independent reports: copies count once.
	Independent int `json:"independent_sources"`
}

// Result is the output of a clustering run.
type Result struct {
	Stories []Story
	Pairs   []Pair
	// StoryOf maps an article ID to its story ID.
	StoryOf map[string]string
}

type vec map[string]float64

const (
	prepChunk      = 256
	maxCandidates  = 8
	candidateTerms = 15
	articleTerms   = 60
	storyTerms     = 150
	entityWeight   = 3.0
	titleWeight    = 2.0
)

type cluster struct {
	id       string
	centroid vec
	members  []int
	first    time.Time
	last     time.Time
	alive    bool
	merged   int // index of the cluster this one merged into, or -1
	rep      int // member whose headline represents the story
	repSim   float64
	ss       float64 // sum of squares of the centroid, kept up to date
}

// Build clusters docs into stories in publication order (undated last,
// ties by ID) and finds their copies. It is deterministic: the same docs
// give the same stories, whatever order they are passed in.
func Build(docs []Doc, opts Options) Result {
	opts.defaults()
	order := publicationOrder(docs)
	// document frequencies over the collection (a first linear pass, on
	// every core; the vectors are made again in the second, chunk by chunk,
	// so only the vocabulary stays)
	df := map[string]int{}
	for lo := 0; lo < len(docs); lo += prepChunk {
		hi := min(len(docs), lo+prepChunk)
		sets := make([][]string, hi-lo)
		par.Do(hi-lo, func(k int) {
			tc := termCounts(&docs[lo+k], nil)
			ts := make([]string, 0, len(tc))
			for t := range tc {
				ts = append(ts, t)
			}
			sets[k] = ts
		})
		for _, ts := range sets {
			for _, t := range ts {
				df[t]++
			}
		}
	}
	n := float64(len(docs))
	type prepared struct {
		sig Signature
		v   vec
	}
	prep := make([]prepared, prepChunk)

	copies := newCopyFinder(opts.CopyWindow)
	var clusters []*cluster
	index := map[string]map[int]bool{} // term -> active clusters whose centroid has it
	storyOf := make([]int, len(docs))
	processed := 0
	for oi, i := range order {
		if oi%prepChunk == 0 {
			// signatures and vectors of the next chunk, on every core
			chunk := order[oi:min(len(order), oi+prepChunk)]
			par.Do(len(chunk), func(k int) {
				d := &docs[chunk[k]]
				toks := d.Tokens
				if toks == nil {
					toks = text.Tokenize(d.Body)
				}
				prep[k] = prepared{sig: Sign(toks), v: weigh(termCounts(d, toks), df, n)}
			})
		}
		d := &docs[i]
		p := &prep[oi%prepChunk]
		copies.add(d.ID, d.Published, p.sig)
		// evict clusters that left the window
		if processed%200 == 0 && !d.Published.IsZero() {
			for ci, c := range clusters {
				if c.alive && !c.last.IsZero() && d.Published.Sub(c.last) > opts.Window {
					c.alive = false
					for t := range c.centroid {
						delete(index[t], ci)
						if len(index[t]) == 0 {
							delete(index, t)
						}
					}
					c.centroid = nil // memory bounded by the window
				}
			}
		}
		processed++
		v := p.v
		p.v = nil
		// candidates: a partial dot product over the article's strongest
		// terms through the index; the best few get the full one
		partial := map[int]float64{}
		for _, t := range topTerms(v, candidateTerms) {
			w := v[t]
			for ci := range index[t] {
				partial[ci] += w * clusters[ci].centroid[t]
			}
		}
		dots := make(map[int]float64, maxCandidates)
		for _, ci := range topClusters(partial, clusters, maxCandidates) {
			c := clusters[ci]
			dot := 0.0
			for t, w := range v {
				dot += w * c.centroid[t]
			}
			dots[ci] = dot
		}
		best, bestSim := -1, 0.0
		var also []int
		for ci, dot := range dots {
			c := clusters[ci]
			if !c.last.IsZero() && !d.Published.IsZero() && d.Published.Sub(c.last) > opts.Window {
				continue
			}
			sim := dot / math.Sqrt(c.ss)
			if sim >= opts.Threshold {
				also = append(also, ci)
			}
			if sim > bestSim || sim == bestSim && ci < best {
				best, bestSim = ci, sim
			}
		}
		if best < 0 || bestSim < opts.Threshold {
			c := &cluster{id: "s-" + shortID(d.ID), centroid: vec{}, first: d.Published, last: d.Published, alive: true, merged: -1}
			clusters = append(clusters, c)
			best = len(clusters) - 1
		}
		c := clusters[best]
		c.members = append(c.members, i)
		if d.Published.After(c.last) {
			c.last = d.Published
		}
		if bestSim > c.repSim || len(c.members) == 1 {
			c.rep, c.repSim = i, bestSim // the most central headline so far
		}
		storyOf[i] = best
		addTo(c, v, best, index)
		// stories the article joins equally well converge: merge them
		sort.Ints(also)
		for _, ci := range also {
			if ci == best || !clusters[ci].alive {
				continue
			}
			o := clusters[ci]
			if cosine(o.centroid, c.centroid) >= opts.Threshold {
				merge(clusters, best, ci, index, storyOf)
			}
		}
	}
	sortPairs(copies.pairs)
	return assemble(docs, clusters, storyOf, copies.pairs)
}

func shortID(id string) string {
	if len(id) > 16 {
		return id[:16]
	}
	return id
}

func addTo(c *cluster, v vec, ci int, index map[string]map[int]bool) {
	for t, w := range v {
		if _, ok := c.centroid[t]; !ok {
			if index[t] == nil {
				index[t] = map[int]bool{}
			}
			index[t][ci] = true
		}
		old := c.centroid[t]
		c.centroid[t] = old + w
		c.ss += (old+w)*(old+w) - old*old
	}
	if len(c.centroid) > storyTerms*2 {
		trim(c, ci, index)
	}
}

// CountMin returns how many of ss have at least n articles (n = 2: the
// stories that grouped something).
func CountMin(ss []Story, n int) int {
	c := 0
	for _, s := range ss {
		if len(s.Articles) >= n {
			c++
		}
	}
	return c
}

// publicationOrder returns the indexes of docs in publication order,
// undated last, ties by ID.
func publicationOrder(docs []Doc) []int {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		da, db := &docs[order[a]], &docs[order[b]]
		if da.Published.IsZero() != db.Published.IsZero() {
			return !da.Published.IsZero()
		}
		if !da.Published.Equal(db.Published) {
			return da.Published.Before(db.Published)
		}
		return da.ID < db.ID
	})
	return order
}

// byWeight sorts terms strongest first, ties by term.
func byWeight(all []tw) {
	sort.Slice(all, func(i, j int) bool {
		if all[i].w != all[j].w {
			return all[i].w > all[j].w
		}
		return all[i].t < all[j].t
	})
}

// weakest returns the terms of a centroid beyond its keep strongest (none
// when it has no more), for the caller to drop.
func weakest(centroid map[string]float64, keep int) []tw {
	if len(centroid) <= keep {
		return nil
	}
	all := make([]tw, 0, len(centroid))
	for t, w := range centroid {
		all = append(all, tw{t, w})
	}
	byWeight(all)
	return all[keep:]
}

// trim keeps a centroid's strongest terms.
func trim(c *cluster, ci int, index map[string]map[int]bool) {
	for _, x := range weakest(c.centroid, storyTerms) {
		c.ss -= x.w * x.w
		delete(c.centroid, x.t)
		delete(index[x.t], ci)
		if len(index[x.t]) == 0 {
			delete(index, x.t)
		}
	}
}

// topClusters returns the n clusters with the highest partial cosine
// (ties by index), by selection rather than a full sort.
func topClusters(partial map[int]float64, cs []*cluster, n int) []int {
	type sc struct {
		ci    int
		score float64
	}
	top := make([]sc, 0, n+1)
	for ci, p := range partial {
		x := sc{ci, p / math.Sqrt(cs[ci].ss)}
		pos := len(top)
		for pos > 0 && (top[pos-1].score < x.score || top[pos-1].score == x.score && top[pos-1].ci > x.ci) {
			pos--
		}
		if pos >= n {
			continue
		}
		top = append(top, sc{})
		copy(top[pos+1:], top[pos:])
		top[pos] = x
		if len(top) > n {
			top = top[:n]
		}
	}
	out := make([]int, len(top))
	for i, x := range top {
		out[i] = x.ci
	}
	return out
}

// topTerms returns the n strongest terms of v (ties by term).
func topTerms(v vec, n int) []string {
	ts := make([]string, 0, len(v))
	for t := range v {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool {
		if v[ts[i]] != v[ts[j]] {
			return v[ts[i]] > v[ts[j]]
		}
		return ts[i] < ts[j]
	})
	if len(ts) > n {
		ts = ts[:n]
	}
	return ts
}

// merge moves cluster from into cluster into.
func merge(cs []*cluster, into, from int, index map[string]map[int]bool, storyOf []int) {
	a, b := cs[into], cs[from]
	for t := range b.centroid {
		delete(index[t], from)
		if len(index[t]) == 0 {
			delete(index, t)
		}
	}
	addTo(a, b.centroid, into, index)
	a.members = append(a.members, b.members...)
	for _, m := range b.members {
		storyOf[m] = into
	}
	if b.first.Before(a.first) && !b.first.IsZero() {
		a.first = b.first
		a.id = b.id // the story keeps the ID of its earliest article
	}
	if b.last.After(a.last) {
		a.last = b.last
	}
	b.alive, b.centroid, b.members, b.merged = false, nil, nil, into
}

func norm(v vec) float64 {
	s := 0.0
	for _, w := range v {
		s += w * w
	}
	return math.Sqrt(s)
}

func cosine(a, b vec) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	dot := 0.0
	for t, w := range a {
		dot += w * b[t]
	}
	na, nb := norm(a), norm(b)
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / (na * nb)
}

// termCounts counts a document's stems (title words twice) and entities;
// body are the tokens of d.Body when the caller has them.
func termCounts(d *Doc, body []text.Token) map[string]float64 {
	out := map[string]float64{}
	addToks := func(toks []text.Token, w float64) {
		for _, t := range toks {
			if t.Kind != text.Word || utf8.RuneCountInString(t.Key) < 3 || stopwords[t.Key] {
				continue
			}
			st := text.Stem(t.Key)
			if utf8.RuneCountInString(st) < 2 || stopwords[st] {
				continue
			}
			out[st] += w
		}
	}
	addToks(text.Tokenize(d.Title), titleWeight)
	if body == nil {
		body = text.Tokenize(d.Body)
	}
	addToks(body, 1)
	for _, e := range d.Entities {
		out["E:"+e] += entityWeight
	}
	return out
}

// weigh turns counts into a unit TF-IDF vector of the strongest terms.
func weigh(tc map[string]float64, df map[string]int, n float64) vec {
	all := make([]tw, 0, len(tc))
	// a small collection says little about which words are rare: shrink
	// the IDF towards 1 until there are a few hundred documents
	shrink := math.Min(1, n/200)
	for t, c := range tc {
		idf := 1 + shrink*math.Log((n+1)/(float64(df[t])+1))
		all = append(all, tw{t, (1 + math.Log(c)) * idf})
	}
	byWeight(all)
	if len(all) > articleTerms {
		all = all[:articleTerms]
	}
	v := vec{}
	s := 0.0
	for _, x := range all {
		s += x.w * x.w
	}
	s = math.Sqrt(s)
	for _, x := range all {
		v[x.t] = x.w / s
	}
	return v
}

var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`في فى من على علي الى إلى عن مع حول بين بعد قبل منذ خلال حتى عند لدى أن ان إن انه أنه التي الذي الذين هذا هذه ذلك تلك هو هي هم كما قد لقد كان كانت يكون تكون أو او ثم لكن بل غير كل بعض أي اي فيما بينما حيث ضمن دون نحو لها له لهم عليه عليها فيه فيها منه منها به بها عبر وفق وفقا بشأن
قال قالت وقال وقالت أضاف وأضاف أكد وأكد أعلن وأعلن ايضا أيضا وقد الذى التى وفي ومن وعلى وهو وهي وأن وإن اليوم أمس الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت عام العام يوم شهر وكان وكانت إنه أنها انها لم لن لا ما ماذا كيف إذا اذا يمكن`) {
		k := text.Key(w)
		m[k] = true
		m[text.Stem(k)] = true
	}
	return m
}()
