package web

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/story"
)

// index is what the pages list without reading every article again: the
// stories (built exactly as rasad stories builds them), the entities of
// the whole store, and each article's title, outlet and date. It is built
// once at start and again, in the background, when the store has changed.
type index struct {
	articles int // stored articles it was built from
	built    time.Time

	stories  []story.Story // most articles first (as rasad stories); Articles are content IDs
	storyIdx map[string]int
	people   map[string][]entityRef // story ID → its main people
	storyOf  map[string]string
	copies   []rasad.CopyPair
	copiesOf map[string][]rasad.CopyPair

	briefs  map[string]brief // content ID → brief
	display map[string]string
	outlets []string

	entities  []entities.Cluster // Articles are content IDs
	entityIdx map[string]int     // TYPE:key → position
}

// brief is what a list shows of an article.
type brief struct {
	ID        string
	Display   string
	Title     string
	Outlet    string
	Published *time.Time
}

// entityRef names an entity and links to its page.
type entityRef struct {
	Type     string `json:"type"`
	Key      string `json:"key"`
	Name     string `json:"name"`
	Articles int    `json:"articles"`
}

// buildIndex reads the store and clusters it. When save is true and the
// stored stories are not those of the current articles, they are saved, as
// rasad stories would.
func buildIndex(ctx context.Context, st rasad.Store, save bool, log *slog.Logger) (*index, error) {
	start := time.Now()
	var arts []*rasad.Article
	if err := st.Scan(ctx, func(a *rasad.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	as, err := st.Analyses(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	ix := &index{
		articles: len(arts), storyIdx: map[string]int{}, people: map[string][]entityRef{},
		copiesOf: map[string][]rasad.CopyPair{}, briefs: make(map[string]brief, len(arts)),
		display: make(map[string]string, len(arts)), entityIdx: map[string]int{},
	}
	docs := make([]story.Doc, len(arts))
	dm := make([]entities.DocMentions, 0, len(arts))
	outlets := map[string]bool{}
	for i, a := range arts {
		an := as[a.ID]
		docs[i] = story.DocOf(a, an)
		b := brief{ID: a.ID, Display: story.DisplayID(a), Title: a.Title, Published: a.Published}
		if len(a.Reports) > 0 {
			b.Outlet = a.Reports[0].Source
		}
		if b.Outlet != "" {
			outlets[b.Outlet] = true
		}
		ix.briefs[a.ID] = b
		ix.display[a.ID] = b.Display
		if an != nil {
			dm = append(dm, entities.DocMentions{Doc: a.ID, Mentions: an.Mentions})
		}
		arts[i] = nil // the texts are not needed past here
	}
	ix.outlets = slices.Sorted(maps.Keys(outlets))
	// the stored stories when they cover every article (rasad ingest
	// --stories, rasad stories and rasad timeline keep them current), else
	// a new clustering, saved when the store is writable
	stored, storedCopies, err := st.Stories(ctx)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	current := len(stored) == len(arts)
	for _, a := range ids {
		if current && stored[a] == "" {
			current = false
		}
	}
	var res story.Result
	how := "stored stories"
	if current {
		pairs := make([]story.Pair, len(storedCopies))
		for i, c := range storedCopies {
			pairs[i] = story.Pair{A: c.A, B: c.B, Kind: c.Kind, Similarity: c.Similarity}
		}
		res = story.Summarize(docs, stored, pairs)
	} else {
		how = "clustered again"
		res = story.Build(docs, story.Options{})
	}
	ix.stories, ix.storyOf = res.Stories, res.StoryOf
	for i, s := range ix.stories {
		ix.storyIdx[s.ID] = i
	}
	ix.copies = make([]rasad.CopyPair, len(res.Pairs))
	for i, p := range res.Pairs {
		c := rasad.CopyPair{A: p.A, B: p.B, Kind: p.Kind, Similarity: p.Similarity}
		ix.copies[i] = c
		ix.copiesOf[c.A] = append(ix.copiesOf[c.A], c)
		ix.copiesOf[c.B] = append(ix.copiesOf[c.B], c)
	}
	if save && !current {
		if !maps.Equal(stored, res.StoryOf) {
			if err := st.SetStories(ctx, res.StoryOf, ix.copies); err != nil {
				return nil, fmt.Errorf("index: save stories: %w", err)
			}
		}
	}
	ix.entities = entities.Clusters(dm)
	for i, c := range ix.entities {
		ix.entityIdx[c.Type+":"+c.Key] = i
	}
	// main people of each story: the people most of its articles name
	personName := map[string]string{}
	for _, c := range ix.entities {
		if c.Type == "PERSON" {
			personName[c.Key] = c.Name
		}
	}
	for _, s := range ix.stories {
		if len(s.Articles) < 2 {
			continue
		}
		count := map[string]int{}
		for _, id := range s.Articles {
			seen := map[string]bool{}
			for _, m := range mentionsOf(as[id]) {
				if m.Type == "PERSON" && !seen[m.Key] && strings.Contains(personName[m.Key], " ") {
					seen[m.Key] = true
					count[m.Key]++
				}
			}
		}
		keys := slices.Collect(maps.Keys(count))
		sort.Slice(keys, func(i, j int) bool {
			if count[keys[i]] != count[keys[j]] {
				return count[keys[i]] > count[keys[j]]
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys[:min(len(keys), 4)] {
			ix.people[s.ID] = append(ix.people[s.ID], entityRef{Type: "PERSON", Key: k, Name: personName[k], Articles: count[k]})
		}
	}
	ix.built = time.Now()
	log.Info("index built", "articles", len(ids), "from", how, "stories", len(ix.stories), "entities", len(ix.entities), "took", time.Since(start).Round(time.Millisecond))
	return ix, nil
}

func mentionsOf(an *rasad.Analysis) []rasad.Mention {
	if an == nil {
		return nil
	}
	return an.Mentions
}

func (ix *index) storyByID(id string) (story.Story, bool) {
	i, ok := ix.storyIdx[id]
	if !ok {
		return story.Story{}, false
	}
	return ix.stories[i], true
}

func (ix *index) entity(typ, key string) (entities.Cluster, bool) {
	i, ok := ix.entityIdx[typ+":"+key]
	if !ok {
		return entities.Cluster{}, false
	}
	return ix.entities[i], true
}

// indexHolder keeps the current index and rebuilds it when the store's
// article count changes (checked at most every checkEvery).
type indexHolder struct {
	store rasad.Store
	save  bool
	log   *slog.Logger

	mu         sync.Mutex
	cur        *index
	building   bool
	lastCheck  time.Time
	checkEvery time.Duration
}

func (h *indexHolder) get(ctx context.Context) *index {
	h.mu.Lock()
	defer h.mu.Unlock()
	if time.Since(h.lastCheck) >= h.checkEvery && !h.building {
		h.lastCheck = time.Now()
		if n, _, err := h.store.Count(ctx); err == nil && n != h.cur.articles {
			h.rebuildLocked()
		}
	}
	return h.cur
}

// invalidate asks for a rebuild now (after an ingest through the API).
func (h *indexHolder) invalidate() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.building {
		h.rebuildLocked()
	}
}

func (h *indexHolder) rebuildLocked() {
	h.building = true
	go func() {
		ix, err := buildIndex(context.Background(), h.store, h.save, h.log)
		h.mu.Lock()
		defer h.mu.Unlock()
		h.building = false
		h.lastCheck = time.Now()
		if err != nil {
			h.log.Error("index rebuild failed", "err", err)
			return
		}
		h.cur = ix
	}()
}

// waitIdle waits until no rebuild runs (tests).
func (h *indexHolder) waitIdle() {
	for {
		h.mu.Lock()
		b := h.building
		h.mu.Unlock()
		if !b {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// byDisplay finds an article's content ID by its display ID (tests, links).
func (ix *index) byDisplay(d string) string {
	for id, x := range ix.display {
		if x == d {
			return id
		}
	}
	return ""
}
