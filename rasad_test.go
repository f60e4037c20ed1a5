package rasad

import "testing"

func TestBodyAndMasked(t *testing.T) {
	a := &Article{Text: "عادي\nنص أول.\nشارك\nنص ثان."}
	a.Removed = []Removal{{Span: Span{0, len("عادي")}, Kind: "label"}, {Span: Span{len("عادي\nنص أول.\n"), len("عادي\nنص أول.\nشارك")}, Kind: "label"}}
	if got := a.Body(); got != "نص أول.\nنص ثان." {
		t.Errorf("Body = %q", got)
	}
	m := a.Masked()
	if len(m) != len(a.Text) || m[len("عادي\n"):len("عادي\nنص أول.")] != "نص أول." {
		t.Errorf("Masked = %q", m)
	}
	a.Removed = append(a.Removed, Removal{Span: Span{5, 999}}) // out of range: ignored
	_ = a.Body()
	_ = a.Masked()
}

func TestHitIDs(t *testing.T) {
	if got := HitIDs([]Hit{{ID: "b"}, {ID: "a"}}); len(got) != 2 || got[0] != "b" || got[1] != "a" {
		t.Errorf("HitIDs: %v", got)
	}
	if got := HitIDs(nil); len(got) != 0 {
		t.Errorf("HitIDs(nil): %v", got)
	}
}
