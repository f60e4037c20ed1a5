package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/collection"
	"github.com/rasad/rasad/analysis/dates"
	"github.com/rasad/rasad/ingest"
)

// IngestSummary is what POST /api/v1/articles answers: the counts rasad
// ingest prints, the rejected records with their reasons, and what became
// of each article read.
type IngestSummary struct {
	Read       int             `json:"read"`
	New        int             `json:"new"`
	Reports    int             `json:"reports"`
	Duplicates int             `json:"duplicates"`
	Rejected   int             `json:"rejected"`
	Warnings   int             `json:"warnings"`
	Rejections []ingestProblem `json:"rejections"`
	Articles   []ingestResult  `json:"articles"`
}

type ingestProblem struct {
	Origin string `json:"origin"`
	Reason string `json:"reason"`
}

type ingestResult struct {
	Origin string `json:"origin"`
	ID     string `json:"id"`
	Status string `json:"status"` // new, new-report, duplicate
}

const ingestBatch = 256

// POST /api/v1/articles: JSON (one object or an array of them) or JSON
// Lines, read by rasad ingest's JSONL reader, prepared, dated and analysed
// as rasad ingest does, stored a batch per transaction.
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Token == "" {
		writeError(w, r, http.StatusForbidden, "writes_disabled", "writes are off: start rasad serve with RASAD_TOKEN set to allow them")
		return
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="rasad"`)
		writeError(w, r, http.StatusUnauthorized, "unauthorized", "send Authorization: Bearer TOKEN")
		return
	}
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || (ct != "application/json" && ct != "application/x-ndjson" && ct != "application/jsonl" && ct != "application/x-jsonlines") {
		writeError(w, r, http.StatusUnsupportedMediaType, "unsupported_media_type", "send application/json or application/x-ndjson (JSON Lines)")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, r, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("the body is larger than %d MiB", MaxBodyBytes>>20))
			return
		}
		writeError(w, r, http.StatusBadRequest, "invalid", "reading the body: "+err.Error())
		return
	}
	lines, err := jsonLines(body)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	// one ingest at a time: memory stays bounded by one body
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	sum, err := Ingest(r.Context(), s.cfg.Store, func(emit func(ingest.Item) error) error {
		return ingest.ReadFrom(r.Context(), "request", bytes.NewReader(lines), ingest.Options{}, emit)
	})
	if err != nil {
		// batches already stored are kept; say what happened
		s.log.Error("ingest failed", "err", err, "stored", sum.New+sum.Reports)
		s.apiFail(w, r, fmt.Errorf("ingest stopped after %d stored: %w", sum.New+sum.Reports, err))
		return
	}
	if sum.New+sum.Reports > 0 {
		s.idx.invalidate()
	}
	status := http.StatusOK
	if sum.New > 0 {
		status = http.StatusCreated
	}
	if sum.Rejected > 0 && sum.Rejected == sum.Read {
		status = http.StatusBadRequest // nothing in the body was an article
	}
	s.log.Info("ingest", "read", sum.Read, "new", sum.New, "reports", sum.Reports, "rejected", sum.Rejected)
	writeJSON(w, r, status, sum)
}

// Ingest runs rasad ingest's path over the items read: batches of 256
// prepared (cleaning, content IDs), dated (inferred dates for those without
// one), analysed and stored, one transaction per batch. read calls emit for
// every item. The summary counts what was stored; on an error, the batches
// already stored are kept and the summary says how many.
func Ingest(ctx context.Context, store rasad.Store, read func(emit func(ingest.Item) error) error) (*IngestSummary, error) {
	sum := &IngestSummary{Rejections: []ingestProblem{}, Articles: []ingestResult{}}
	var pending []ingest.Item
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		ingest.PrepareAll(pending)
		var arts []*rasad.Article
		var origins []string
		for _, it := range pending {
			if it.Err != nil {
				sum.Rejected++
				sum.Rejections = append(sum.Rejections, ingestProblem{Origin: it.Origin, Reason: strings.TrimPrefix(it.Err.Error(), ingest.ErrRejected.Error()+": ")})
				continue
			}
			sum.Warnings += len(it.Article.Warnings)
			arts = append(arts, it.Article)
			origins = append(origins, it.Origin)
		}
		pending = pending[:0]
		if len(arts) == 0 {
			return nil
		}
		inferDates(arts)
		collection.Analyze(arts)
		res, err := store.Put(ctx, arts)
		if err != nil {
			return err
		}
		for i, pr := range res {
			switch pr.Status {
			case rasad.New:
				sum.New++
			case rasad.NewReport:
				sum.Reports++
			case rasad.Duplicate:
				sum.Duplicates++
			}
			sum.Articles = append(sum.Articles, ingestResult{Origin: origins[i], ID: pr.ID, Status: pr.Status.String()})
		}
		return nil
	}
	err := read(func(it ingest.Item) error {
		sum.Read++
		pending = append(pending, it)
		if len(pending) >= ingestBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return sum, err
}

// jsonLines turns a body into JSON Lines: a JSON array becomes one line
// per element, one (possibly indented) object one line, and JSON Lines
// stay as they are. Anything else is refused before anything is stored.
func jsonLines(body []byte) ([]byte, error) {
	trimmed := bytes.TrimLeft(body, " \t\r\n\ufeff")
	trimmed = bytes.TrimPrefix(trimmed, []byte("\xef\xbb\xbf"))
	if len(trimmed) == 0 {
		return nil, badRequest{"empty body"}
	}
	switch trimmed[0] {
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(trimmed, &items); err != nil {
			return nil, badRequest{"malformed JSON array: " + err.Error()}
		}
		var out bytes.Buffer
		for i, it := range items {
			if t := bytes.TrimSpace(it); len(t) == 0 || t[0] != '{' {
				return nil, badRequest{fmt.Sprintf("element %d of the array is not an object", i)}
			}
			if err := json.Compact(&out, it); err != nil {
				return nil, badRequest{fmt.Sprintf("element %d: %v", i, err)}
			}
			out.WriteByte('\n')
		}
		if len(items) == 0 {
			return nil, badRequest{"empty array"}
		}
		return out.Bytes(), nil
	case '{':
		// one object spread over several lines: make it one line
		if bytes.Count(trimmed, []byte("\n")) > 0 && json.Valid(trimmed) {
			var out bytes.Buffer
			if err := json.Compact(&out, trimmed); err == nil {
				out.WriteByte('\n')
				return out.Bytes(), nil
			}
		}
		return trimmed, nil // JSON Lines: the reader reports bad lines by number
	}
	return nil, badRequest{"the body is not JSON (want an object, an array of objects, or JSON Lines)"}
}

// inferDates gives articles without a publication date one inferred from
// the batch, as rasad ingest does.
func inferDates(arts []*rasad.Article) {
	missing := false
	for _, a := range arts {
		if a.Published == nil {
			missing = true
		}
	}
	if !missing {
		return
	}
	for i, inf := range dates.InferCollection(arts) {
		a := arts[i]
		if a.Published != nil || inf.Date.IsZero() {
			continue
		}
		d := inf.Date
		a.Published, a.PublishedFrom, a.PublishedConfidence, a.PublishedEvidence = &d, inf.Kind, inf.Confidence, inf.Evidence
	}
}
