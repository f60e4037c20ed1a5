// Package rasad holds Rasad's domain types and the contracts between its
// parts: articles as ingested and cleaned, the store that keeps them, and the
// error codes that the edges (CLI, HTTP) map to exit codes and statuses.
//
// The root package imports nothing from the repository. Implementations live
// in their own packages (ingest, sqlite, ...), and only cmd/rasad wires them.
package rasad

import (
	"context"
	"errors"
	"time"
)

// Article is one news text as Rasad keeps it. Text is stored exactly as it
// was extracted from the input; cleaning never edits it but lists the lines
// it sets aside in Removed, so every offset anywhere in Rasad indexes Text.
type Article struct {
	// ID identifies the content: a hash of the normalization key of the
	// cleaned body (title lines excluded), so the same text from two inputs
	// has the same ID. See ContentID in package ingest.
	ID string `json:"id"`

	Title    string `json:"title"`
	Text     string `json:"text"`
	Abstract string `json:"abstract,omitempty"`
	Author   string `json:"author,omitempty"`
	Language string `json:"language,omitempty"`

	// Published is the publication time when known; PublishedFrom says where
	// it came from ("input", "html", "feed", "warc", "flag", "dateline",
	// "inferred") and PublishedConfidence how sure that is (1 for metadata).
	Published           *time.Time `json:"published,omitempty"`
	PublishedFrom       string     `json:"published_from,omitempty"`
	PublishedConfidence float64    `json:"published_confidence,omitempty"`
	// PublishedEvidence says why an inferred date was chosen.
	PublishedEvidence string `json:"published_evidence,omitempty"`

	// Removed are the spans of Text that cleaning set aside as scraping
	// residue, each with the rule that fired. Nothing is deleted.
	Removed []Removal `json:"removed,omitempty"`
	// TitleSpan is where the title stands in Text, when it does.
	TitleSpan *Span `json:"title_span,omitempty"`
	// Dateline and Credits are metadata recognised in Text: the dateline
	// ("( ... / تاس - 7 آذار 2020ء)", "القاهرة - رويترز -") and
	// agency credits ("(وكالات)", "(ا ف ب)", "ووفق نوفوستي").
	Dateline *Dateline `json:"dateline,omitempty"`
	Credits  []Credit  `json:"credits,omitempty"`

	// Reports are the inputs this text was read from: one for an original,
	// several when outlets or feeds carried the same text.
	Reports []Report `json:"reports"`

	// Versions lists, oldest first, every text read under this article's URL
	// when the page was updated (see Store.Put); empty when there is one.
	Versions []Version `json:"versions,omitempty"`

	// Warnings are problems met while reading that did not stop the article
	// (invalid UTF-8 repaired, an impossible date dropped, ...).
	Warnings []string `json:"warnings,omitempty"`

	// Analysis is what the analysis pipeline found, when it ran before
	// storing; Store.Put keeps it with a new article.
	Analysis *Analysis `json:"-"`

	// SearchKeys are the title's and body's search stems, computed where
	// the article is prepared so that storing it is cheap; a store
	// computes them when they are empty.
	SearchKeys *SearchKeys `json:"-"`

	// Raw is the input exactly as read (HTML page, JSON line, file bytes).
	// It is kept for audit and re-extraction and not returned by search.
	Raw []byte `json:"-"`
}

// Version is one text read under a URL that was later (or earlier)
// updated: version N of the URL's texts, stored as article ID.
type Version struct {
	URL string `json:"url"`
	N   int    `json:"n"`
	ID  string `json:"id"`
}

// Span is a half-open byte range [Start, End) of an article's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Removal is a span of Text that cleaning set aside.
type Removal struct {
	Span
	// Kind is the family of residue: "label", "reading-time", "timestamp",
	// "rating", "newsletter", "base64", "continued", "repeated-title",
	// "kicker".
	Kind string `json:"kind"`
	// Rule names the pattern that fired.
	Rule string `json:"rule"`
}

// Dateline is the place/agency/date header that opens many wire reports.
type Dateline struct {
	Span
	Place  string `json:"place,omitempty"`
	Agency string `json:"agency,omitempty"`
	// Date is the dateline's date as written, if any; the temporal tagger
	// resolves it.
	Date string `json:"date,omitempty"`
	Rule string `json:"rule"`
}

// Credit names a news agency that the text credits.
type Credit struct {
	Span
	Agency string `json:"agency"`
	Rule   string `json:"rule"`
}

// Report is one place an article's text was read from.
type Report struct {
	// ExtID is the input's own identifier (a JSONL id, a feed GUID), or the
	// file path (with :line or #record) when the input has none.
	ExtID  string `json:"ext_id"`
	Source string `json:"source,omitempty"` // outlet
	URL    string `json:"url,omitempty"`
	// Format is the reader that produced it: txt, jsonl, html, feed, warc.
	Format     string     `json:"format"`
	Origin     string     `json:"origin"` // file:line or file#record
	Published  *time.Time `json:"published,omitempty"`
	IngestedAt time.Time  `json:"ingested_at"`
}

// Body returns Text with removed spans left out, lines kept in order. It is
// for display; analyzers use Masked so offsets stay valid.
func (a *Article) Body() string {
	if len(a.Removed) == 0 {
		return a.Text
	}
	out := make([]byte, 0, len(a.Text))
	prev := 0
	for _, r := range a.Removed {
		if r.Start < prev || r.End > len(a.Text) {
			continue
		}
		out = append(out, a.Text[prev:r.Start]...)
		prev = r.End
		// drop the line break that ended the removed line
		if prev < len(a.Text) && a.Text[prev] == '\n' {
			prev++
		}
	}
	out = append(out, a.Text[prev:]...)
	return string(out)
}

// Masked returns Text with every removed span overwritten by spaces of the
// same byte length, so analyzers skip residue while every offset they
// report still indexes Text.
func (a *Article) Masked() string {
	if len(a.Removed) == 0 {
		return a.Text
	}
	b := []byte(a.Text)
	for _, r := range a.Removed {
		if r.Start < 0 || r.End > len(b) || r.Start > r.End {
			continue
		}
		for i := r.Start; i < r.End; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// Timex is a temporal expression found in an article, TIMEX3-style.
type Timex struct {
	Span
	Text string `json:"text"`
	// Type is DATE, TIME, DURATION or SET.
	Type string `json:"type"`
	// Value is the TIMEX3 value: 2019-11-15, 2019-11, 2019, 2019-W46,
	// 2019-11-14TEV, 2019-11-15T15:45, 2019-12-03/2019-12-04 (a range),
	// P11D, PRESENT_REF, PAST_REF, FUTURE_REF, XXXX-WXX-5.
	Value string `json:"value"`
	// Mod qualifies the value: START, MID, END, APPROX.
	Mod string `json:"mod,omitempty"`
	// Anchor is what a relative value was computed from: "published",
	// "dateline", "inferred" (the document date), "text" (another
	// expression of the text), or "none" (absolute, or vague).
	Anchor string `json:"anchor"`
	// Rule names the pattern that fired; Confidence is its reliability.
	Rule       string  `json:"rule"`
	Confidence float64 `json:"confidence"`
}

// Mention is a name of a person, organization or place in an article.
type Mention struct {
	Span
	Text string `json:"text"`
	// Type is PERSON, ORG or LOC.
	Type string `json:"type"`
	// Key is the matching key of the name (transliteration-folded for
	// people); mentions with the same key name the same entity.
	Key string `json:"key"`
	// Canonical is the lexicon's name for a known entity ("NATO", "Geneva").
	Canonical string `json:"canonical,omitempty"`
	// Role, Sector and Country are what the text says about a person (or
	// the country of an organization or place): "deputy foreign minister",
	// "government", "RU".
	Role    string `json:"role,omitempty"`
	Sector  string `json:"sector,omitempty"`
	Country string `json:"country,omitempty"`
	// Rule names the pattern or lexicon entry that fired.
	Rule       string  `json:"rule"`
	Confidence float64 `json:"confidence"`
}

// CopyPair says that article B is a copy ("copy") or an updated version
// ("update") of article A, published before it.
type CopyPair struct {
	A          string  `json:"a"`
	B          string  `json:"b"`
	Kind       string  `json:"kind"`
	Similarity float64 `json:"similarity"`
}

// SearchKeys are the stems a full-text index holds for an article.
type SearchKeys struct{ Title, Body string }

// Analysis is what the analysis pipeline found in one article.
type Analysis struct {
	// Version names the analysis rules' generation; rasad analyze
	// recomputes older ones.
	Version  int            `json:"version"`
	Timexes  []Timex        `json:"timexes"`
	Mentions []Mention      `json:"mentions"`
	Events   []EventMention `json:"events,omitempty"`
}

// EventMention is one report of an event in one article: a trigger typed
// with PLOVER, its participants, place and date, all from the same clause
// or an explicit link, and the sentence that reports it.
type EventMention struct {
	Trigger Span   `json:"trigger"`
	Text    string `json:"text"` // the trigger as written
	// Type is a PLOVER type (CONSULT, AGREE, REQUEST …), Mode its kind
	// (meeting, phone, video, talks, visit; demand, proposal …).
	Type string `json:"type"`
	Mode string `json:"mode,omitempty"`
	// Status: happened, ongoing, planned, negated.
	Status string `json:"status"`
	// Date is a TIMEX3 value (2019-11-15, 2019-11, 2019-W45, a range), ""
	// when nothing dates this clause; DateRule says how it was chosen.
	Date     string `json:"date,omitempty"`
	DateRule string `json:"date_rule,omitempty"`
	// Participants are entity mentions (PERSON, ORG, and LOC acting as a
	// state) by key; Place is a LOC key.
	Participants []Participant `json:"participants,omitempty"`
	Place        string        `json:"place,omitempty"`
	PlaceName    string        `json:"place_name,omitempty"`
	Sentence     Span          `json:"sentence"`
	Rule         string        `json:"rule"`
}

// EventTypes are the PLOVER event types Rasad finds, which a timeline's
// type filter takes (on the command line and in the HTTP API alike).
var EventTypes = []string{"ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
	"MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN"}

// Participant is an entity taking part in an event.
type Participant struct {
	Type string `json:"type"`
	Key  string `json:"key"`
	Name string `json:"name"`
}

// PutResult says what storing one article did.
type PutResult struct {
	ID string
	// Status is New (text stored), NewReport (text known, another report
	// of it recorded) or Duplicate (nothing new).
	Status PutStatus
	// Previous is set for a New text read under a URL that already had
	// one: the ID of the text it updates; Version is its number (2, 3 …).
	Previous string
	Version  int
}

// PutStatus is the outcome of storing one article.
type PutStatus int

const (
	New PutStatus = iota + 1
	NewReport
	Duplicate
)

func (s PutStatus) String() string {
	switch s {
	case New:
		return "new"
	case NewReport:
		return "new-report"
	case Duplicate:
		return "duplicate"
	}
	return "unknown"
}

// SearchQuery is a full-text query.
type SearchQuery struct {
	Text  string
	Limit int
	// Offset skips the first Offset hits (pagination).
	Offset int
	// Source keeps articles that an outlet reported; From and To keep
	// articles published on or after / on or before a day (YYYY-MM-DD, the
	// publication's local date). Empty means no filter.
	Source   string
	From, To string
	// IDsOnly asks for the ranked IDs alone: no title, text or snippet
	// (a timeline of 500 hits needs no snippets).
	IDsOnly bool
}

// Hit is one search result. Snippet is cut from the original Text; Marks are
// the byte spans of Text that matched, inside the snippet.
type Hit struct {
	ID        string     `json:"id"`
	ExtID     string     `json:"ext_id,omitempty"`
	Title     string     `json:"title"`
	Source    string     `json:"source,omitempty"`
	URL       string     `json:"url,omitempty"`
	Published *time.Time `json:"published,omitempty"`
	Score     float64    `json:"score"`
	Snippet   string     `json:"snippet"`
	// SnippetSpan is where the snippet stands in Text.
	SnippetSpan Span   `json:"snippet_span"`
	Marks       []Span `json:"marks,omitempty"`
}

// HitIDs are the article IDs of hits, in their order.
func HitIDs(hits []Hit) []string {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	return ids
}

// Store keeps articles. Implementations: sqlite (default), later postgres.
// storetest holds the contract suite every implementation must pass.
type Store interface {
	// Put stores a batch of articles in one transaction: all or none. An
	// article whose ID is known is not stored again; its reports that are
	// new (by ExtID, URL and Source) are added. Put never modifies a stored
	// article's text. A new text under a URL that a stored article was read
	// from is an updated version of it: it is stored as an article of its
	// own and recorded as the URL's next version (PutResult.Previous,
	// Article.Versions).
	Put(ctx context.Context, batch []*Article) ([]PutResult, error)

	// Get returns an article with all its reports and versions. ref is an
	// ID, a unique prefix of one (at least 6 characters), or a report's
	// ExtID or URL (for the versions of one URL, the latest). It returns
	// an error wrapping ErrNotFound, or an *AmbiguousError (which wraps
	// ErrAmbiguous) naming the candidates.
	Get(ctx context.Context, ref string) (*Article, error)

	// Articles returns the given articles (IDs, not refs) with all their
	// reports and without Raw, in the order asked; unknown IDs are left out.
	Articles(ctx context.Context, ids []string) ([]*Article, error)

	// Search runs an Arabic-aware full-text query (normalized, stemmed)
	// and returns hits ranked best first, with snippets from the original
	// text. An empty query is ErrInvalid.
	Search(ctx context.Context, q SearchQuery) ([]Hit, error)

	// Count returns the number of stored articles and reports.
	Count(ctx context.Context) (articles, reports int, err error)

	// IDs returns the IDs of the stored articles in publication order
	// (undated last, then by ID).
	IDs(ctx context.Context) ([]string, error)

	// SetAnalysis replaces the stored analysis of the articles given by ID,
	// in one transaction. An unknown ID is ErrNotFound.
	SetAnalysis(ctx context.Context, analyses map[string]*Analysis) error

	// Analyses returns the stored analyses of the given articles (those
	// that have one).
	Analyses(ctx context.Context, ids []string) (map[string]*Analysis, error)

	// Scan calls fn for every stored article in publication order (undated
	// last), with its first report only and without Raw. fn must not call
	// the store.
	Scan(ctx context.Context, fn func(*Article) error) error

	// SetStories replaces the story of every article and the copy
	// relations, in one transaction.
	SetStories(ctx context.Context, storyOf map[string]string, copies []CopyPair) error

	// Stories returns the stored story of every article and the copies.
	Stories(ctx context.Context) (storyOf map[string]string, copies []CopyPair, err error)

	// WatchStore keeps feed state, the fetch queue, watches and the
	// notification outbox (watch.go).
	WatchStore
	// StoryStore keeps incremental story assignment (storystate.go).
	StoryStore
	// TimelineStore keeps every story's timeline entries (timelinestate.go).
	TimelineStore

	// Close releases the store.
	Close() error
}

// AmbiguousError is the error of a reference that matches several
// articles: it names them (at most ten) and wraps ErrAmbiguous.
type AmbiguousError struct {
	Ref        string
	Candidates []Candidate
	// More is set when more articles match than Candidates holds.
	More bool
}

// Candidate is one article an ambiguous reference may mean.
type Candidate struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

func (e *AmbiguousError) Error() string {
	s := "article \"" + e.Ref + "\" matches several:"
	for _, c := range e.Candidates {
		s += "\n  " + c.ID + "  " + c.Title
	}
	if e.More {
		s += "\n  …"
	}
	return s
}

func (e *AmbiguousError) Unwrap() error { return ErrAmbiguous }

// Domain errors. Wrap them with context (fmt.Errorf("...: %w", ErrX)); the
// CLI maps them to exit codes.
var (
	ErrNotFound  = errors.New("not found")
	ErrAmbiguous = errors.New("ambiguous reference")
	ErrInvalid   = errors.New("invalid input")
)
