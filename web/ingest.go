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
	"github.com/rasad/rasad/ingest"
	"github.com/rasad/rasad/pipeline"
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

// Ingest runs rasad ingest's path (the pipeline package: batches of 256
// prepared, dated, analysed and stored, one transaction per batch) over the
// items read. read calls emit for every item. The summary counts what was
// stored; on an error, the batches already stored are kept and the summary
// says how many.
func Ingest(ctx context.Context, store rasad.Store, read func(emit func(ingest.Item) error) error) (*IngestSummary, error) {
	sum := &IngestSummary{Rejections: []ingestProblem{}, Articles: []ingestResult{}}
	p := pipeline.New(store, pipeline.Options{
		Rejected: func(origin, reason string) {
			sum.Rejections = append(sum.Rejections, ingestProblem{Origin: origin, Reason: strings.TrimPrefix(reason, ingest.ErrRejected.Error()+": ")})
		},
		Stored: func(arts []*rasad.Article, res []rasad.PutResult) {
			for i, pr := range res {
				origin := arts[i].ID
				if len(arts[i].Reports) > 0 {
					origin = arts[i].Reports[0].Origin
				}
				sum.Articles = append(sum.Articles, ingestResult{Origin: origin, ID: pr.ID, Status: pr.Status.String()})
			}
		},
	})
	ps, err := p.Ingest(ctx, func(_ context.Context, emit func(ingest.Item) error) error { return read(emit) })
	sum.Read, sum.New, sum.Reports, sum.Duplicates, sum.Rejected, sum.Warnings = ps.Read, ps.New, ps.NewReports, ps.Duplicates, ps.Rejected, ps.Warnings
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
