package ingest

import "golang.org/x/text/encoding/charmap"

func encodeWindows1256(s string) ([]byte, error) {
	return charmap.Windows1256.NewEncoder().Bytes([]byte(s))
}
