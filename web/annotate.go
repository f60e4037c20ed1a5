package web

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
)

// A segment is a stretch of an article's text with the same annotations:
// the page renders it as plain text (html/template escapes it) inside a
// <mark> when it carries extractions, or a hidden residue span.
type segment struct {
	Text    string
	Classes string // "a-date a-person" …
	Tip     string // value, rule and confidence of each annotation, one per line
	Residue string // the residue kind when the segment was set aside by cleaning
}

type annot struct {
	start, end int
	class      string
	tip        string
	residue    string
}

// segments cuts text at every annotation boundary. Annotations may nest
// or overlap; each segment lists all that cover it. Spans outside the text
// or not on character boundaries are left out. Linear in the text plus
// n log n in the annotations.
func segments(a *rasad.Article, an *rasad.Analysis) []segment {
	txt := a.Text
	var as []annot
	ok := func(s, e int) bool {
		return s >= 0 && e <= len(txt) && s < e && utf8.RuneStart(txt[s]) && (e == len(txt) || utf8.RuneStart(txt[e]))
	}
	add := func(s, e int, class, tip, residue string) {
		if ok(s, e) {
			as = append(as, annot{s, e, class, tip, residue})
		}
	}
	for _, r := range a.Removed {
		add(r.Start, r.End, "", "", r.Kind)
	}
	if an != nil {
		for _, t := range an.Timexes {
			v := t.Value
			if t.Mod != "" {
				v += " (" + t.Mod + ")"
			}
			add(t.Start, t.End, "a-date", fmt.Sprintf("تاريخ %s: %s · القاعدة %s · الثقة %.2f", t.Type, v, t.Rule, t.Confidence), "")
		}
		for _, m := range an.Mentions {
			class, label := "a-place", "مكان"
			switch m.Type {
			case "PERSON":
				class, label = "a-person", "شخص"
			case "ORG":
				class, label = "a-org", "منظمة"
			}
			v := m.Text
			if m.Canonical != "" {
				v += " (" + m.Canonical + ")"
			} else if m.Key != "" && m.Key != m.Text {
				v += " (المفتاح " + m.Key + ")"
			}
			extra := ""
			if m.Role != "" {
				extra += " · الدور " + entities.RoleLabel(m.Role)
			}
			if m.Country != "" {
				extra += " · البلد " + m.Country
			}
			add(m.Start, m.End, class, fmt.Sprintf("%s: %s%s · القاعدة %s · الثقة %.2f", label, v, extra, m.Rule, m.Confidence), "")
		}
		for _, e := range an.Events {
			v := e.Type
			if e.Mode != "" {
				v += "/" + e.Mode
			}
			v += " · " + e.Status
			if e.Date != "" {
				v += " · " + e.Date
			}
			add(e.Trigger.Start, e.Trigger.End, "a-event", fmt.Sprintf("حدث: %s · القاعدة %s", v, e.Rule), "")
		}
	}
	// boundaries
	cuts := make([]int, 0, 2*len(as)+2)
	cuts = append(cuts, 0, len(txt))
	for _, x := range as {
		cuts = append(cuts, x.start, x.end)
	}
	sort.Ints(cuts)
	sort.SliceStable(as, func(i, j int) bool { return as[i].start < as[j].start })
	var out []segment
	var active []annot
	next := 0
	for i := 0; i+1 < len(cuts); i++ {
		s, e := cuts[i], cuts[i+1]
		if s == e {
			continue
		}
		// drop the annotations that ended, take in those that start here
		kept := active[:0]
		for _, x := range active {
			if x.end > s {
				kept = append(kept, x)
			}
		}
		active = kept
		for next < len(as) && as[next].start <= s {
			if as[next].end > s {
				active = append(active, as[next])
			}
			next++
		}
		seg := segment{Text: txt[s:e]}
		var classes, tips []string
		for _, x := range active {
			if x.residue != "" {
				seg.Residue = x.residue
				continue
			}
			if !contains(classes, x.class) {
				classes = append(classes, x.class)
			}
			tips = append(tips, x.tip)
		}
		sort.Strings(classes)
		seg.Classes = strings.Join(classes, " ")
		seg.Tip = strings.Join(tips, "\n")
		// merge with the previous segment when nothing differs
		if n := len(out); n > 0 && out[n-1].Classes == seg.Classes && out[n-1].Tip == seg.Tip && out[n-1].Residue == seg.Residue {
			out[n-1].Text += seg.Text
			continue
		}
		out = append(out, seg)
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// snippetSegments marks the matching words of a search hit's snippet.
func snippetSegments(h rasad.Hit) []segment {
	var out []segment
	prev := h.SnippetSpan.Start
	for _, m := range h.Marks {
		if m.Start < prev || m.End > h.SnippetSpan.End || m.Start >= m.End {
			continue
		}
		if m.Start > prev {
			out = append(out, segment{Text: h.Snippet[prev-h.SnippetSpan.Start : m.Start-h.SnippetSpan.Start]})
		}
		out = append(out, segment{Text: h.Snippet[m.Start-h.SnippetSpan.Start : m.End-h.SnippetSpan.Start], Classes: "qhit"})
		prev = m.End
	}
	if prev < h.SnippetSpan.End {
		out = append(out, segment{Text: h.Snippet[prev-h.SnippetSpan.Start:]})
	}
	return out
}
