package watch

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/story"
)

// EntrySource gives a watch's current timeline entries.
type EntrySource func(ctx context.Context, w rasad.Watch) ([]story.Entry, error)

// TouchFunc tells whether the given new or changed articles can change a
// watch's entries (when unsure, true).
type TouchFunc func(ctx context.Context, w rasad.Watch, ids []string) (bool, error)

// Notify announces new and changed timeline entries of every watch: it
// records them in the store (each entry once; a correction as an update),
// writes each watch's Atom feed, and POSTs the queued notifications to
// the watches' webhooks, signed, retrying with backoff.
type Notify struct {
	Store   rasad.WatchStore
	Entries EntrySource
	// Touches, when set, lets AnnounceArticles skip the watches that the
	// articles of a round cannot change.
	Touches TouchFunc
	// Delta, when set, gives a round's changed entries of the watches it
	// follows (Live: query and entity watches), instead of Touches and
	// Entries.
	Delta DeltaSource
	// AtomDir, when set, receives WATCH-ID.atom per watch.
	AtomDir string
	Client  *Client
	// MaxAttempts bounds webhook deliveries of one notification (default 8).
	MaxAttempts int
	// AtomEntries is the number of latest entries an Atom feed keeps
	// (default 200).
	AtomEntries int
	// Log, when set, is told about delivery failures.
	Log func(string)
}

// SignatureHeader carries "sha256=" and the hex HMAC-SHA256 of the body
// under the watch's secret.
const SignatureHeader = "X-Rasad-Signature"

// Sign returns the signature header's value for body.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// EntryKey identifies an entry across updates: its type and its first
// report (the earliest source and its quote). A later report that moves
// the date or adds participants keeps the key.
func EntryKey(e story.Entry) string {
	if len(e.Sources) == 0 {
		return hashOf(e.Type, e.Date, e.Summary)
	}
	first := e.Sources[0]
	for _, s := range e.Sources[1:] {
		if s.Published < first.Published || s.Published == first.Published && s.Article < first.Article {
			first = s
		}
	}
	return hashOf(e.Type, first.Article, first.Quote)
}

// EntryDigest covers what a correction changes: date, precision, status,
// place and participants (new sources alone are not a correction).
func EntryDigest(e story.Entry) string {
	parts := []string{e.Date, e.Precision, e.Status, e.Type, e.Mode}
	if e.Place != nil {
		parts = append(parts, "place:"+e.Place.Key)
	}
	var ps []string
	for _, p := range e.Participants {
		ps = append(ps, p.Type+":"+p.Key)
	}
	sort.Strings(ps)
	return hashOf(append(parts, ps...)...)
}

// Message is the JSON body POSTed to a webhook.
type Message struct {
	Watch    string          `json:"watch"`
	Kind     string          `json:"kind"` // new, update
	Revision int             `json:"revision"`
	EntryKey string          `json:"entry_key"`
	Created  time.Time       `json:"created"`
	Entry    json.RawMessage `json:"entry"`
}

// Body returns the webhook body of a notification (the same bytes on every
// retry, so the signature is stable too).
func Body(n rasad.Notification) []byte {
	b, _ := json.Marshal(Message{Watch: n.WatchID, Kind: n.Kind, Revision: n.Revision, EntryKey: n.EntryKey, Created: n.Created.UTC(), Entry: n.Payload})
	return b
}

// Notify announces (Announce) and delivers (Deliver) at now.
func (n *Notify) Notify(ctx context.Context, now time.Time) error {
	if err := n.Announce(ctx, now); err != nil {
		return err
	}
	return n.Deliver(ctx, now)
}

// Deliver sends the notifications due at now to the watches' webhooks
// (those of watches without one count as sent: the Atom feed has them).
func (n *Notify) Deliver(ctx context.Context, now time.Time) error {
	ws, err := n.Store.Watches(ctx)
	if err != nil {
		return err
	}
	hooks := map[string]rasad.Watch{}
	for _, w := range ws {
		hooks[w.ID] = w
	}
	return n.deliver(ctx, now, hooks)
}

// Announce compares every watch's entries with what it announced and
// queues what is new or corrected (and rewrites its Atom feed).
func (n *Notify) Announce(ctx context.Context, now time.Time) error {
	return n.AnnounceArticles(ctx, now, nil)
}

// AnnounceArticles is Announce after a round that stored the articles ids
// (new ones, or new reports of known ones): with Touches set, a watch they
// cannot change is not recomputed. ids nil announces every watch.
func (n *Notify) AnnounceArticles(ctx context.Context, now time.Time, ids []string) error {
	ws, err := n.Store.Watches(ctx)
	if err != nil {
		return err
	}
	for _, w := range ws {
		if ids != nil && n.Delta != nil {
			entries, ok, err := n.Delta.Delta(ctx, w, ids)
			if err != nil {
				n.Delta.Forget(w.ID)
				return fmt.Errorf("watch %s: %w", w.ID, err)
			}
			if ok {
				if err := n.announce(ctx, w, entries, now); err != nil {
					n.Delta.Forget(w.ID) // announced in full next time
					return err
				}
				continue
			}
		}
		if ids != nil && n.Touches != nil {
			touched, err := n.Touches(ctx, w, ids)
			if err != nil {
				return fmt.Errorf("watch %s: %w", w.ID, err)
			}
			if !touched {
				continue
			}
		}
		entries, err := n.Entries(ctx, w)
		if err != nil {
			if errors.Is(err, rasad.ErrNotFound) {
				entries = nil // a story that is not (yet) there
			} else {
				return fmt.Errorf("watch %s: %w", w.ID, err)
			}
		}
		if err := n.announce(ctx, w, entries, now); err != nil {
			if n.Delta != nil {
				n.Delta.Forget(w.ID)
			}
			return err
		}
	}
	return nil
}

// announce records a watch's entries (each key once, the first) and
// rewrites its Atom feed when something was queued.
func (n *Notify) announce(ctx context.Context, w rasad.Watch, entries []story.Entry, now time.Time) error {
	ann := make([]rasad.AnnouncedEntry, 0, len(entries))
	seen := map[string]bool{}
	for _, e := range entries {
		k := EntryKey(e)
		if seen[k] {
			continue
		}
		seen[k] = true
		p, err := json.Marshal(e)
		if err != nil {
			return err
		}
		ann = append(ann, rasad.AnnouncedEntry{Key: k, Digest: EntryDigest(e), Payload: p})
	}
	sort.Slice(ann, func(i, j int) bool { return ann[i].Key < ann[j].Key })
	queued, err := n.Store.Announce(ctx, w.ID, ann, now)
	if err != nil {
		return err
	}
	if n.AtomDir != "" {
		if _, err := os.Stat(n.atomPath(w.ID)); len(queued) > 0 || err != nil {
			if err := n.writeAtom(ctx, w, now); err != nil {
				return err
			}
		}
	}
	return nil
}

func (n *Notify) deliver(ctx context.Context, now time.Time, hooks map[string]rasad.Watch) error {
	maxAttempts := n.MaxAttempts
	if maxAttempts <= 0 {
		maxAttempts = 8
	}
	client := n.Client
	if client == nil {
		client = NewClient(Limits{}, nil)
	}
	for {
		pend, err := n.Store.PendingNotifications(ctx, now, 100)
		if err != nil {
			return err
		}
		if len(pend) == 0 {
			return nil
		}
		for _, note := range pend {
			w := hooks[note.WatchID]
			note.Attempts++
			if w.Webhook == "" {
				note.State = rasad.NoteSent // published in the Atom feed only
			} else {
				body := Body(note)
				err := client.Post(ctx, w.Webhook, body, map[string]string{
					SignatureHeader:    Sign(w.Secret, body),
					"X-Rasad-Event":    note.Kind,
					"X-Rasad-Delivery": strconv.FormatInt(note.ID, 10),
				})
				if ctx.Err() != nil {
					return ctx.Err()
				}
				switch {
				case err == nil:
					note.State, note.Error = rasad.NoteSent, ""
				case note.Attempts >= maxAttempts:
					note.State, note.Error = rasad.NoteFailed, shortErr(err)
				default:
					var se *StatusError
					retry := time.Duration(0)
					if errors.As(err, &se) {
						retry = se.RetryAfter
					}
					d := 30 * time.Second << min(note.Attempts-1, 10)
					note.NextTry, note.Error = now.Add(max(d, retry)), shortErr(err)
				}
				if err != nil && n.Log != nil {
					n.Log(fmt.Sprintf("webhook %s: notification %d attempt %d: %v", w.Webhook, note.ID, note.Attempts, err))
				}
			}
			if err := n.Store.SetNotification(ctx, note); err != nil {
				return err
			}
		}
	}
}

func (n *Notify) atomPath(id string) string {
	return filepath.Join(n.AtomDir, safeName(id)+".atom")
}

func safeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published"`
	Category  []atomCat  `xml:"category"`
	Links     []atomLink `xml:"link"`
	Content   atomText   `xml:"content"`
}

type atomCat struct {
	Term string `xml:"term,attr"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// AtomFeed renders what a watch announced as an Atom feed, latest update
// first: one entry per timeline entry, its id stable across updates so
// feed readers show a correction as the same item changed.
func AtomFeed(w rasad.Watch, anns []rasad.AnnouncedEntry, now time.Time, limit int) ([]byte, error) {
	f := atomFeed{ID: "urn:rasad:watch:" + w.ID, Title: "Rasad: " + w.Kind + " " + w.Target, Author: atomPerson{"Rasad"}}
	updated := w.Created
	for i, a := range anns {
		if limit > 0 && i >= limit {
			break
		}
		var e story.Entry
		if err := json.Unmarshal(a.Payload, &e); err != nil {
			return nil, fmt.Errorf("entry %s: %w", a.Key, err)
		}
		if a.Updated.After(updated) {
			updated = a.Updated
		}
		title := e.Date + " — " + e.Summary
		if a.Revision > 1 {
			title += " (تحديث)"
		}
		var body strings.Builder
		fmt.Fprintf(&body, "%s %s (%s)\n", e.Type, e.Status, e.Date)
		if e.Place != nil {
			fmt.Fprintf(&body, "المكان: %s\n", e.Place.Name)
		}
		var who []string
		for _, p := range e.Participants {
			who = append(who, p.Name)
		}
		if len(who) > 0 {
			fmt.Fprintf(&body, "المشاركون: %s\n", strings.Join(who, "، "))
		}
		ae := atomEntry{ID: "urn:rasad:entry:" + w.ID + ":" + a.Key, Title: title, Updated: a.Updated.UTC().Format(time.RFC3339),
			Published: a.First.UTC().Format(time.RFC3339), Category: []atomCat{{e.Type}}}
		for _, s := range e.Sources {
			fmt.Fprintf(&body, "- %s %s: «%s»\n", s.Outlet, s.Published, s.Quote)
			if s.URL != "" {
				ae.Links = append(ae.Links, atomLink{Href: s.URL, Rel: "related"})
			}
		}
		ae.Content = atomText{Type: "text", Body: body.String()}
		f.Entries = append(f.Entries, ae)
	}
	if updated.IsZero() {
		updated = now
	}
	f.Updated = updated.UTC().Format(time.RFC3339)
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}

func (n *Notify) writeAtom(ctx context.Context, w rasad.Watch, now time.Time) error {
	anns, err := n.Store.Announced(ctx, w.ID)
	if err != nil {
		return err
	}
	limit := n.AtomEntries
	if limit <= 0 {
		limit = 200
	}
	b, err := AtomFeed(w, anns, now, limit)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(n.AtomDir, 0o755); err != nil {
		return err
	}
	path := n.atomPath(w.ID)
	tmp, err := os.CreateTemp(n.AtomDir, ".atom-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
