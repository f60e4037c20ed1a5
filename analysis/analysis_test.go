package analysis

import (
	"reflect"
	"testing"

	"github.com/rasad/rasad"
)

func TestPipelineOrder(t *testing.T) {
	var log []string
	mk := func(name string, req ...*Analyzer) *Analyzer {
		return &Analyzer{Name: name, Requires: req, Run: func(d *Doc) (any, error) {
			for _, r := range req {
				if d.Result(r) == nil {
					t.Errorf("%s ran before %s", name, r.Name)
				}
			}
			log = append(log, name)
			return name, nil
		}}
	}
	a := mk("a")
	b := mk("b", a)
	c := mk("c", a, b)
	p, err := NewPipeline(c, b)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Names(); !reflect.DeepEqual(got, []string{"a", "b", "c"}) {
		t.Errorf("order %v", got)
	}
	d, err := p.Run(&rasad.Article{Text: "نص"})
	if err != nil || d.Result(c) != "c" || len(log) != 3 {
		t.Errorf("run: %v %v %v", err, d.Result(c), log)
	}
	x := &Analyzer{Name: "x"}
	y := &Analyzer{Name: "y", Requires: []*Analyzer{x}}
	x.Requires = []*Analyzer{y}
	if _, err := NewPipeline(y); err == nil {
		t.Errorf("cycle accepted")
	}
}

func TestTextForKeepsTimestamps(t *testing.T) {
	a := &rasad.Article{Text: "عادي\n01:20 صباحا\nنص"}
	a.Removed = []rasad.Removal{{Span: rasad.Span{Start: 0, End: len("عادي")}, Kind: "label"}, {Span: rasad.Span{Start: len("عادي\n"), End: len("عادي\n01:20 صباحا")}, Kind: "timestamp"}}
	got := TextFor(a)
	if len(got) != len(a.Text) || got[len("عادي\n"):len("عادي\n01:20 صباحا")] != "01:20 صباحا" || got[:len("عادي")] != "        " {
		t.Errorf("TextFor = %q", got)
	}
}
