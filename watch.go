package rasad

import (
	"context"
	"time"
)

// FeedState is what the watcher remembers of one feed between polls: the
// validators for a conditional GET, when to poll next, and how the last
// polls went.
type FeedState struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	NextPoll     time.Time `json:"next_poll"`
	LastPolled   time.Time `json:"last_polled"`
	LastOK       time.Time `json:"last_ok"`
	// Failures counts consecutive failed polls (the backoff grows with it).
	Failures   int    `json:"failures"`
	LastStatus int    `json:"last_status"`
	LastError  string `json:"last_error,omitempty"`
	// Items counts the items the feed ever listed that were new or changed
	// (kept by the store: SavePoll adds to it).
	Items int `json:"items"`
}

// FetchTask is one feed item waiting to be turned into an article: its
// page fetched when the feed carries only a summary, then ingested.
type FetchTask struct {
	ID   int64  `json:"id"`
	Feed string `json:"feed"`
	// Key identifies the item in its feed (GUID, else link); Version is a
	// hash of the item as served, so an updated item is fetched again.
	Key     string `json:"key"`
	Version string `json:"version"`
	URL     string `json:"url"`
	// Item is the feed item as the watcher recorded it (JSON).
	Item      []byte    `json:"item"`
	State     string    `json:"state"` // pending, done, failed
	Attempts  int       `json:"attempts"`
	NextTry   time.Time `json:"next_try"`
	LastError string    `json:"last_error,omitempty"`
	ArticleID string    `json:"article_id,omitempty"`
}

// Fetch task states.
const (
	TaskPending = "pending"
	TaskDone    = "done"
	TaskFailed  = "failed"
)

// Watch asks to be told about new and changed timeline entries of a
// story, a query or an entity.
type Watch struct {
	ID     string `json:"id"`
	Kind   string `json:"kind"` // story, query, entity
	Target string `json:"target"`
	// Webhook, when set, receives every notification as a signed JSON POST.
	Webhook string    `json:"webhook,omitempty"`
	Secret  string    `json:"-"`
	Created time.Time `json:"created"`
}

// AnnouncedEntry is a timeline entry as a watch last announced it. Digest
// covers what a correction changes (date, status, participants, place);
// Payload is the entry as published (JSON).
type AnnouncedEntry struct {
	Key     string    `json:"key"`
	Digest  string    `json:"digest"`
	Payload []byte    `json:"payload"`
	First   time.Time `json:"first_announced"`
	Updated time.Time `json:"updated"`
	// Revision counts announcements: 1 for the first, +1 per update.
	Revision int `json:"revision"`
}

// Notification is one announcement waiting in (or sent from) the outbox.
type Notification struct {
	ID       int64     `json:"id"`
	WatchID  string    `json:"watch"`
	EntryKey string    `json:"entry_key"`
	Kind     string    `json:"kind"` // new, update
	Revision int       `json:"revision"`
	Payload  []byte    `json:"payload"`
	Created  time.Time `json:"created"`
	State    string    `json:"state"` // pending, sent, failed
	Attempts int       `json:"attempts"`
	NextTry  time.Time `json:"next_try"`
	Error    string    `json:"error,omitempty"`
}

// Notification states.
const (
	NotePending = "pending"
	NoteSent    = "sent"
	NoteFailed  = "failed"
)

// WatchStore keeps what following feeds needs across restarts: feed
// state, the fetch queue, watches, what each watch announced and the
// notification outbox. Every method that changes more than one row does it
// in one transaction, so a process killed at any point leaves a state a
// restart resumes from without losing or repeating work.
type WatchStore interface {
	// FeedStates returns the state of every feed polled so far, by URL.
	FeedStates(ctx context.Context) ([]FeedState, error)
	// SavePoll records a poll in one transaction: the feed's new state and
	// its items. An item already queued with the same Version is left
	// alone; one with another Version (the outlet updated it) is queued
	// again. It returns how many items were new or changed.
	SavePoll(ctx context.Context, st FeedState, items []FetchTask) (int, error)
	// ReadyTasks returns up to limit pending tasks due at now, oldest first.
	ReadyTasks(ctx context.Context, now time.Time, limit int) ([]FetchTask, error)
	// FinishTasks records the outcome of tasks (State, Attempts, NextTry,
	// LastError, ArticleID as set by the caller) in one transaction. A task
	// whose Version changed meanwhile is left pending.
	FinishTasks(ctx context.Context, tasks []FetchTask) error
	// QueueCounts returns the number of tasks per state.
	QueueCounts(ctx context.Context) (map[string]int, error)

	// PutWatch adds or replaces a watch; Watches lists them by ID;
	// DeleteWatch removes one with its announcements (ErrNotFound when
	// unknown).
	PutWatch(ctx context.Context, w Watch) error
	Watches(ctx context.Context) ([]Watch, error)
	DeleteWatch(ctx context.Context, id string) error
	// Announce compares entries with what the watch announced before, in
	// one transaction: an unknown key is recorded and queued as "new", a
	// known key with another Digest as "update"; the same Digest does
	// nothing. It returns the notifications it queued.
	Announce(ctx context.Context, watchID string, entries []AnnouncedEntry, now time.Time) ([]Notification, error)
	// Announced returns what a watch announced, latest update first.
	Announced(ctx context.Context, watchID string) ([]AnnouncedEntry, error)
	// PendingNotifications returns up to limit outbox rows due at now.
	PendingNotifications(ctx context.Context, now time.Time, limit int) ([]Notification, error)
	// Notifications returns every outbox row of a watch, oldest first.
	Notifications(ctx context.Context, watchID string) ([]Notification, error)
	// SetNotification records a delivery attempt (State, Attempts,
	// NextTry, Error).
	SetNotification(ctx context.Context, n Notification) error
}
