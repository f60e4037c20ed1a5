package story

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/internal/par"
	"github.com/rasad/rasad/text"
)

// Engine assigns articles to stories incrementally, with its state in a
// rasad.StoryStore: document frequencies of terms, the stories of the
// active window with their centroids, and the signatures of the copy
// window. Memory is bounded by those windows, not by the store.
//
// An article is weighed against the document frequencies of the articles
// assigned before it (and itself), so its vector never changes later: the
// same articles added in the same order give the same stories, whether
// they come one at a time, in batches, or all at once (Rebuild). Within a
// call, articles are taken in publication order. An article published
// before stories it would have joined left the window (a late arrival
// older than Window) starts a story of its own.
type Engine struct {
	opts  Options
	store rasad.StoryStore

	loaded   bool
	reset    bool // the next step clears the stored state first
	meta     rasad.StoryMeta
	clusters map[string]*icluster
	index    map[string]map[string]bool // term -> active stories with it
	sigs     []wsig                     // copy window, processing order
	buckets  map[uint64][]int           // band key -> indexes into sigs
}

type icluster struct {
	rasad.StoryCluster
	dirty bool
	sim   float64 // similarity of the article being added
}

type wsig struct {
	id   string
	when time.Time
	sig  Signature
}

// NewEngine returns an engine over store.
func NewEngine(store rasad.StoryStore, opts Options) *Engine {
	opts.defaults()
	return &Engine{opts: opts, store: store}
}

// load reads the state of the active windows.
func (e *Engine) load(ctx context.Context) error {
	meta, err := e.store.StoryMeta(ctx)
	if err != nil {
		return err
	}
	e.meta, e.clusters, e.index, e.sigs, e.buckets = meta, map[string]*icluster{}, map[string]map[string]bool{}, nil, map[uint64][]int{}
	var since, sigSince time.Time
	if !meta.Latest.IsZero() {
		since, sigSince = meta.Latest.Add(-e.opts.Window), meta.Latest.Add(-e.opts.CopyWindow)
	}
	cs, err := e.store.StoryClusters(ctx, since, true)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if c.Centroid == nil {
			continue // left the window
		}
		if c.Entities == nil {
			c.Entities = map[string]int{}
		}
		if c.Names == nil {
			c.Names = map[string]string{}
		}
		if c.Outlets == nil {
			c.Outlets = map[string]int{}
		}
		ic := &icluster{StoryCluster: c}
		e.clusters[c.ID] = ic
		for t := range c.Centroid {
			e.indexAdd(t, c.ID)
		}
	}
	gs, err := e.store.StorySigs(ctx, sigSince)
	if err != nil {
		return err
	}
	for _, g := range gs {
		sig, err := decodeSig(g.Sig)
		if err != nil {
			return fmt.Errorf("signature of %s: %w", g.ArticleID, err)
		}
		e.sigs = append(e.sigs, wsig{g.ArticleID, g.Published, sig})
	}
	e.rebucket()
	e.loaded = true
	return nil
}

func (e *Engine) indexAdd(t, id string) {
	m := e.index[t]
	if m == nil {
		m = map[string]bool{}
		e.index[t] = m
	}
	m[id] = true
}

func (e *Engine) indexDel(t, id string) {
	if m := e.index[t]; m != nil {
		delete(m, id)
		if len(m) == 0 {
			delete(e.index, t)
		}
	}
}

// rebucket rebuilds the LSH buckets from the window's signatures in
// processing order: a bucket holds its most recent maxBucket members,
// as when they were added one by one.
func (e *Engine) rebucket() {
	e.buckets = map[uint64][]int{}
	for i := range e.sigs {
		if !e.sigs[i].sig.Usable {
			continue
		}
		for b := 0; b < bands; b++ {
			k := bandKey(&e.sigs[i].sig, b)
			list := e.buckets[k]
			if len(list) >= maxBucket {
				list = list[len(list)-maxBucket+1:]
			}
			e.buckets[k] = append(list, i)
		}
	}
}

func encodeSig(s Signature) []byte {
	b := make([]byte, numHashes*8+1)
	for i, v := range s.Min {
		binary.LittleEndian.PutUint64(b[i*8:], v)
	}
	if s.Usable {
		b[numHashes*8] = 1
	}
	return b
}

func decodeSig(b []byte) (Signature, error) {
	var s Signature
	if len(b) != numHashes*8+1 {
		return s, fmt.Errorf("%d bytes", len(b))
	}
	for i := range s.Min {
		s.Min[i] = binary.LittleEndian.Uint64(b[i*8:])
	}
	s.Usable = b[numHashes*8] == 1
	return s, nil
}

// tw is a term and its weight; vectors are kept sorted by term so that
// every sum runs in the same order (floating-point results do not depend
// on map order).
type tw struct {
	t string
	w float64
}

type prepDoc struct {
	tc  map[string]float64
	sig Signature
}

// Add assigns docs (articles not assigned before) to stories, finds their
// copies, and saves the step in one transaction. When another process
// saved a step meanwhile, the state is read again and the step redone.
func (e *Engine) Add(ctx context.Context, docs []Doc) error {
	if len(docs) == 0 {
		return nil
	}
	order := publicationOrder(docs)
	prep := make([]prepDoc, len(docs))
	par.Do(len(docs), func(k int) {
		d := &docs[k]
		toks := d.Tokens
		if toks == nil {
			toks = text.Tokenize(d.Body)
		}
		prep[k] = prepDoc{tc: termCounts(d, toks), sig: Sign(toks)}
	})
	for attempt := 0; ; attempt++ {
		err := e.add(ctx, docs, order, prep)
		if err == nil {
			return nil
		}
		e.loaded = false // the in-memory state may be half-updated
		if !errors.Is(err, rasad.ErrConflict) || attempt >= 3 {
			return err
		}
	}
}

func (e *Engine) add(ctx context.Context, docs []Doc, order []int, prep []prepDoc) error {
	if e.loaded && !e.reset {
		// another process may have saved a step since
		meta, err := e.store.StoryMeta(ctx)
		if err != nil {
			return err
		}
		if meta.Version != e.meta.Version {
			e.loaded = false
		}
	}
	if !e.loaded {
		if err := e.load(ctx); err != nil {
			return err
		}
	}
	termSet := map[string]bool{}
	for _, p := range prep {
		for t := range p.tc {
			termSet[t] = true
		}
	}
	terms := make([]string, 0, len(termSet))
	for t := range termSet {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	df := map[string]int{}
	if !e.reset { // a reset step starts from no counts (the stored ones go with it)
		var err error
		if df, err = e.store.TermDF(ctx, terms); err != nil {
			return err
		}
	}
	step := rasad.StoryStep{DF: map[string]int{}, Members: map[string]string{}}
	memberOf := map[string]*icluster{}
	renamed := map[string]string{} // old ID -> new ID, for members of this step
	removed := map[string]bool{}
	for _, i := range order {
		d := &docs[i]
		p := &prep[i]
		for t := range p.tc {
			df[t]++
			step.DF[t]++
		}
		e.meta.N++
		if d.Published.After(e.meta.Latest) {
			e.meta.Latest = d.Published
		}
		v := weighSorted(p.tc, df, float64(e.meta.N))
		step.Copies = append(step.Copies, e.addSig(d.ID, d.Published, p.sig)...)
		step.Sigs = append(step.Sigs, rasad.StorySig{ArticleID: d.ID, Seq: e.meta.NextSeq, Published: d.Published, Sig: encodeSig(p.sig)})
		e.meta.NextSeq++

		c, also := e.best(d, v)
		if c == nil {
			c = &icluster{StoryCluster: rasad.StoryCluster{ID: "s-" + shortID(d.ID), Seq: e.meta.NextSeq, First: d.Published, Last: d.Published,
				Centroid: map[string]float64{}, Entities: map[string]int{}, Names: map[string]string{}, Outlets: map[string]int{}}}
			e.meta.NextSeq++
			e.clusters[c.ID] = c
			delete(removed, c.ID)
		}
		c.Size++
		if d.Published.After(c.Last) {
			c.Last = d.Published
		}
		if c.sim > c.RepSim || c.Size == 1 {
			c.Rep, c.RepSim, c.Title = d.ID, c.sim, d.Title
		}
		seen := map[string]bool{}
		for _, en := range d.Entities {
			if !seen[en] {
				seen[en] = true
				c.Entities[en]++
			}
			if n, ok := d.Names[en]; ok && (c.Names[en] == "" || len(n) > len(c.Names[en])) {
				c.Names[en] = n
			}
		}
		if d.Outlet != "" {
			c.Outlets[d.Outlet]++
		}
		e.addVec(c, v)
		c.dirty = true
		memberOf[d.ID] = c
		// stories the article joins equally well converge: merge them
		for _, o := range also {
			if o == c || e.clusters[o.ID] != o {
				continue
			}
			if cosineSorted(o.Centroid, c.Centroid) >= e.opts.Threshold {
				from, to := e.merge(c, o)
				step.Renames = append(step.Renames, [2]string{from, to})
				removed[from] = true
				delete(removed, to)
				for old, nw := range renamed {
					if nw == from {
						renamed[old] = to
					}
				}
				renamed[from] = to
			}
		}
	}
	// evict the stories that left the window (memory bounded by it)
	if !e.meta.Latest.IsZero() {
		cut := e.meta.Latest.Add(-e.opts.Window)
		for id, c := range e.clusters {
			if !c.Last.IsZero() && c.Last.Before(cut) {
				for t := range c.Centroid {
					e.indexDel(t, id)
				}
				c.Centroid = nil
				c.dirty = true
				delete(e.clusters, id)
				c.lists()
				step.Clusters = append(step.Clusters, c.StoryCluster)
				c.dirty = false
			}
		}
		e.expireSigs(e.meta.Latest.Add(-e.opts.CopyWindow))
		step.Expired = e.meta.Latest.Add(-e.opts.CopyWindow)
	}
	for id, c := range e.clusters {
		if c.dirty && c.ID == id {
			c.lists()
			step.Clusters = append(step.Clusters, c.StoryCluster)
		}
	}
	sort.Slice(step.Clusters, func(a, b int) bool { return step.Clusters[a].Seq < step.Clusters[b].Seq })
	for id := range removed {
		step.Removed = append(step.Removed, id)
	}
	sort.Strings(step.Removed)
	for a, c := range memberOf {
		id := c.ID
		for n := 0; n < 64 && renamed[id] != ""; n++ {
			id = renamed[id]
		}
		step.Members[a] = id
	}
	sort.Slice(step.Copies, func(i, j int) bool {
		if step.Copies[i].A != step.Copies[j].A {
			return step.Copies[i].A < step.Copies[j].A
		}
		return step.Copies[i].B < step.Copies[j].B
	})
	e.meta.Version++
	step.Meta = e.meta
	step.Reset = e.reset
	if err := e.store.SaveStoryStep(ctx, step); err != nil {
		return err
	}
	for _, c := range e.clusters {
		c.dirty = false
	}
	e.reset = false
	return nil
}

// Reset makes the engine start from nothing: its next step clears the
// stored stories, copies, term counts and signatures (a full rebuild
// then adds every article again, in publication order).
func (e *Engine) Reset(ctx context.Context) error {
	meta, err := e.store.StoryMeta(ctx)
	if err != nil {
		return err
	}
	e.meta = rasad.StoryMeta{Version: meta.Version}
	e.clusters, e.index, e.sigs, e.buckets = map[string]*icluster{}, map[string]map[string]bool{}, nil, map[uint64][]int{}
	e.loaded, e.reset = true, true
	return nil
}

// lists sets what listing shows: outlets and the top entities' names.
func (c *icluster) lists() {
	c.OutletList = c.OutletList[:0]
	for o := range c.Outlets {
		c.OutletList = append(c.OutletList, o)
	}
	sort.Strings(c.OutletList)
	c.TopEntities = c.TopEntities[:0]
	for _, k := range topKeys(c.Entities, 8) {
		if n := c.Names[k]; n != "" {
			k = n
		}
		c.TopEntities = append(c.TopEntities, k)
	}
}

// best finds the story an article joins (nil: none is close enough) and
// the stories it joins about as well, as Build does: candidates from the
// index over the article's strongest terms, the best few scored fully;
// stories that left the window relative to the article are never
// candidates.
func (e *Engine) best(d *Doc, v []tw) (*icluster, []*icluster) {
	inWindow := func(c *icluster) bool {
		return c.Last.IsZero() || d.Published.IsZero() || d.Published.Sub(c.Last) <= e.opts.Window
	}
	partial := map[*icluster]float64{}
	for _, x := range topSorted(v, candidateTerms) {
		for id := range e.index[x.t] {
			c := e.clusters[id]
			if c != nil && inWindow(c) {
				partial[c] += x.w * c.Centroid[x.t]
			}
		}
	}
	type sc struct {
		c     *icluster
		score float64
	}
	top := make([]sc, 0, len(partial))
	for c, p := range partial {
		top = append(top, sc{c, p / math.Sqrt(c.SS)})
	}
	sort.Slice(top, func(a, b int) bool {
		if top[a].score != top[b].score {
			return top[a].score > top[b].score
		}
		return top[a].c.Seq < top[b].c.Seq
	})
	if len(top) > maxCandidates {
		top = top[:maxCandidates]
	}
	var best *icluster
	bestSim := 0.0
	var also []*icluster
	for _, x := range top {
		c := x.c
		dot := 0.0
		for _, y := range v {
			dot += y.w * c.Centroid[y.t]
		}
		sim := dot / math.Sqrt(c.SS)
		if sim >= e.opts.Threshold {
			also = append(also, c)
		}
		if best == nil || sim > bestSim || sim == bestSim && c.Seq < best.Seq {
			best, bestSim = c, sim
		}
	}
	sort.Slice(also, func(a, b int) bool { return also[a].Seq < also[b].Seq })
	if best == nil || bestSim < e.opts.Threshold {
		return nil, nil
	}
	best.sim = bestSim
	return best, also
}

// addVec adds an article's vector to a story's centroid, keeping the
// strongest terms.
func (e *Engine) addVec(c *icluster, v []tw) {
	for _, x := range v {
		old, ok := c.Centroid[x.t]
		if !ok {
			e.indexAdd(x.t, c.ID)
		}
		c.Centroid[x.t] = old + x.w
		c.SS += (old+x.w)*(old+x.w) - old*old
	}
	if len(c.Centroid) > storyTerms*2 {
		for _, x := range weakest(c.Centroid, storyTerms) {
			c.SS -= x.w * x.w
			delete(c.Centroid, x.t)
			e.indexDel(x.t, c.ID)
		}
	}
}

// merge moves one of two stories into the other; the story keeps the ID
// of the earlier one (by first publication), and the place (Seq) of a.
// It returns the ID that went away and the one that stays.
func (e *Engine) merge(a, b *icluster) (from, to string) {
	bc := sortedVec(b.Centroid)
	for t := range b.Centroid {
		e.indexDel(t, b.ID)
	}
	delete(e.clusters, b.ID)
	e.addVec(a, bc)
	a.Size += b.Size
	for k, n := range b.Entities {
		a.Entities[k] += n
	}
	for k, n := range b.Names {
		if a.Names[k] == "" || len(n) > len(a.Names[k]) {
			a.Names[k] = n
		}
	}
	for k, n := range b.Outlets {
		a.Outlets[k] += n
	}
	if b.Last.After(a.Last) {
		a.Last = b.Last
	}
	a.dirty = true
	if !b.First.IsZero() && b.First.Before(a.First) {
		a.First = b.First
		old := a.ID
		for t := range a.Centroid {
			e.indexDel(t, old)
		}
		delete(e.clusters, old)
		a.ID = b.ID
		e.clusters[a.ID] = a
		for t := range a.Centroid {
			e.indexAdd(t, a.ID)
		}
		return old, a.ID
	}
	return b.ID, a.ID
}

// addSig compares a signature with the copy window's and adds it, as
// copyFinder.add does.
func (e *Engine) addSig(id string, when time.Time, sig Signature) []rasad.CopyPair {
	idx := len(e.sigs)
	e.sigs = append(e.sigs, wsig{id, when, sig})
	if !sig.Usable {
		return nil
	}
	in := func(j int) bool {
		w := e.sigs[j].when
		return when.IsZero() || w.IsZero() || when.Sub(w) <= e.opts.CopyWindow
	}
	doc := func(j int) (string, *Signature) { return e.sigs[j].id, &e.sigs[j].sig }
	found := matchBands(e.buckets, idx, id, &sig, in, doc)
	out := make([]rasad.CopyPair, len(found))
	for i, p := range found {
		out[i] = rasad.CopyPair{A: p.A, B: p.B, Kind: p.Kind, Similarity: p.Similarity}
	}
	return out
}

// expireSigs drops the signatures published before cut.
func (e *Engine) expireSigs(cut time.Time) {
	keep := e.sigs[:0]
	for _, s := range e.sigs {
		if s.when.IsZero() || !s.when.Before(cut) {
			keep = append(keep, s)
		}
	}
	if len(keep) != len(e.sigs) {
		e.sigs = keep
		e.rebucket()
	}
}

// weighSorted is weigh with the result sorted by term.
func weighSorted(tc map[string]float64, df map[string]int, n float64) []tw {
	return sortedVec(weigh(tc, df, n))
}

func sortedVec(v map[string]float64) []tw {
	out := make([]tw, 0, len(v))
	for t, w := range v {
		out = append(out, tw{t, w})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].t < out[j].t })
	return out
}

// topSorted returns the n strongest terms of v (ties by term).
func topSorted(v []tw, n int) []tw {
	out := append([]tw(nil), v...)
	byWeight(out)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// cosineSorted is cosine with sums in term order.
func cosineSorted(a, b map[string]float64) float64 {
	av, bv := sortedVec(a), sortedVec(b)
	dot, na, nb := 0.0, 0.0, 0.0
	for _, x := range av {
		dot += x.w * b[x.t]
		na += x.w * x.w
	}
	for _, x := range bv {
		nb += x.w * x.w
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / (math.Sqrt(na) * math.Sqrt(nb))
}

// Assigned lists stored stories as Build's Result does: every story with
// its articles in publication order (order gives every article ID in
// publication order), outlets, top entities, copies and independent
// sources, largest first.
func Assigned(clusters []rasad.StoryCluster, storyOf map[string]string, copies []rasad.CopyPair, order []string) []Story {
	byID := map[string]*Story{}
	out := make([]Story, 0, len(clusters))
	for _, c := range clusters {
		s := Story{ID: c.ID, Title: c.Title, FirstSeen: c.First, LastSeen: c.Last, Copies: [][2]string{},
			Outlets: c.OutletList, Entities: c.TopEntities}
		out = append(out, s)
	}
	for i := range out {
		byID[out[i].ID] = &out[i]
	}
	for _, a := range order {
		if s := byID[storyOf[a]]; s != nil {
			s.Articles = append(s.Articles, a)
		}
	}
	group := copyGroups(copies)
	for _, p := range copies {
		sa, sb := storyOf[p.A], storyOf[p.B]
		if sa == sb && byID[sa] != nil {
			byID[sa].Copies = append(byID[sa].Copies, [2]string{p.A, p.B})
		}
	}
	for i := range out {
		groups := map[string]bool{}
		for _, a := range out[i].Articles {
			g := group[a]
			if g == "" {
				g = a // in no copy pair: a group of its own
			}
			groups[g] = true
		}
		out[i].Independent = len(groups)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Articles) != len(out[j].Articles) {
			return len(out[i].Articles) > len(out[j].Articles)
		}
		return out[i].ID < out[j].ID
	})
	return out
}
