package ingest

import (
	"context"
	"io"
)

// ReadFrom reads the articles of one stream (an HTTP request body, say) as
// Read reads a file: the kind is detected from the content, then from name;
// gzip is detected by its magic bytes. name is the origin reported for the
// records ("request:3" for a JSON line).
func ReadFrom(ctx context.Context, name string, r io.Reader, opts Options, emit func(Item) error) error {
	return readStream(ctx, name, r, opts, emit)
}
