package dates

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/testcorpus"
)

// phenomenaFloor is how many lines of the phenomena file already pass: a
// ratchet, raised with each fix, so no change loses one.
const phenomenaFloor = 77

// phenomenon is one line of ../shared/gold/dates-phenomena.jsonl.
type phenomenon struct {
	ID, Class, Published, Text string
	Expect                     []struct{ Text, Type, Value string }
}

// goldValue splits a phenomena value ("17 (mod END)", "2024-04-10 (1
// Shawwal 1445, tabular)") into the TIMEX3 value and the mod it asks for.
func goldValue(v string) (value, mod string) {
	value = v
	if i := strings.Index(v, " ("); i > 0 {
		value = v[:i]
		note := strings.TrimSuffix(v[i+2:], ")")
		if strings.HasPrefix(note, "mod ") {
			mod = strings.TrimPrefix(note, "mod ")
		}
	}
	return value, mod
}

// TestPhenomena: every expected expression of the phenomena file is found
// with its exact extent, type and TIMEX3 value; a line that expects nothing
// (a precision case) must yield nothing.
func TestPhenomena(t *testing.T) {
	f, err := os.Open(testcorpus.Path(t, "gold/dates-phenomena.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	pass, total := 0, 0
	var failures []string
	for sc.Scan() {
		var ph phenomenon
		if err := json.Unmarshal(sc.Bytes(), &ph); err != nil {
			t.Fatal(err)
		}
		total++
		pub, err := time.Parse("2006-01-02", ph.Published[:10])
		if err != nil {
			t.Fatal(err)
		}
		got := Tag(ph.Text, Anchor{Date: pub, Kind: "published"})
		ok := true
		var why []string
		for _, e := range ph.Expect {
			value, mod := goldValue(e.Value)
			hit := false
			for _, g := range got {
				if g.Text == e.Text && g.Type == e.Type && g.Value == value && (mod == "" || g.Mod == mod) {
					hit = true
				}
			}
			if !hit {
				ok = false
				why = append(why, e.Text+" "+e.Type+" "+e.Value)
			}
		}
		if len(ph.Expect) == 0 && len(got) > 0 {
			ok = false
			why = append(why, "expected nothing")
		}
		if ok {
			pass++
			continue
		}
		var gs []string
		for _, g := range got {
			gs = append(gs, g.Text+"="+g.Type+":"+g.Value+" "+g.Mod+" ["+g.Rule+"]")
		}
		failures = append(failures, fmt.Sprintf("%s: missing %s; got %s", ph.ID, strings.Join(why, "; "), strings.Join(gs, " | ")))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("phenomena: %d of %d pass", pass, total)
	if pass < phenomenaFloor {
		t.Errorf("phenomena: %d pass, fewer than the %d already reached:\n%s", pass, phenomenaFloor, strings.Join(failures, "\n"))
	} else {
		for _, f := range failures {
			t.Log(f)
		}
	}
}
