package story

import (
	"sort"
	"strings"

	"github.com/rasad/rasad"
	"github.com/rasad/rasad/analysis/entities"
	"github.com/rasad/rasad/text"
)

// NamesOf gives participants their display data from entity clusters.
// Person keys that are spellings of one name within the collection (see
// personAliases) are shown under one key.
func NamesOf(cs []entities.Cluster) Names {
	return namesOf(cs, personAliases(cs))
}

func namesOf(cs []entities.Cluster, canon map[string]string) Names {
	out := Names{}
	for _, c := range cs {
		key := normKey(c.Key)
		if c.Type == "PERSON" && canon[key] != "" {
			key = canon[key]
		}
		k := c.Type + ":" + key
		p := Participant{Type: c.Type, Key: key, Name: c.Name, Aliases: c.Aliases, Role: firstOr(c.Roles), Country: c.Country, articles: len(c.Articles)}
		if q, ok := out[k]; ok {
			// a hashtag and the plain name, or two spellings of one
			// person: one entity, shown as the one more articles use
			if q.articles >= p.articles {
				p, q = q, p
			}
			absorb(&p, q)
		}
		out[k] = p
	}
	for k, p := range out {
		if p.Type == "PERSON" {
			p.Aliases = append(p.Aliases, withoutRegnal(append([]string{p.Name}, p.Aliases...))...)
		}
		p.Aliases = dedupStrings(p.Aliases)
		out[k] = p
	}
	// an alias key finds its person's data, and Timeline reads the key
	for alias, key := range canon {
		if p, ok := out["PERSON:"+key]; ok {
			out["PERSON:"+alias] = p
		}
	}
	return out
}

// regnalOrdinals end the name of a monarch or a patriarch (تواضروس الثاني،
// إليزابيث الثانية), who is as often named without them.
var regnalOrdinals = map[string]bool{"الأول": true, "الاول": true, "الأولى": true, "الثاني": true, "الثانية": true, "الثالث": true, "الثالثة": true,
	"الرابع": true, "الرابعة": true, "الخامس": true, "السادس": true, "السابع": true, "الثامن": true, "التاسع": true, "العاشر": true, "عشر": true}

// withoutRegnal returns the names that end with a regnal ordinal, without it.
func withoutRegnal(names []string) []string {
	var out []string
	for _, n := range names {
		ws := strings.Fields(n)
		if len(ws) >= 2 && regnalOrdinals[ws[len(ws)-1]] {
			if ws[len(ws)-1] == "عشر" && len(ws) >= 3 {
				ws = ws[:len(ws)-1] // السادس عشر
			}
			out = append(out, strings.Join(ws[:len(ws)-1], " "))
		}
	}
	return out
}

// canonical gives a participant the key its name is shown under in the
// collection (one key for the spellings of one person).
func (n Names) canonical(p rasad.Participant) rasad.Participant {
	if p.Type != "PERSON" {
		return p
	}
	if q, ok := n[partKey(p)]; ok && q.Key != normKey(p.Key) {
		p.Key = q.Key
	}
	return p
}

func dedupStrings(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// personAliases maps a person key to the key of the same person spelled
// another way in the collection: a key of two or more words that begins
// another key (مون جاي and مون جاي إن: a cut name), or a key of the same
// length and first word whose other words have the same consonants (جاي
// and جيه: vowels transliterated two ways). The target is the key more
// articles use (then the longer, then the smaller). Keys are grouped by
// their first word, so the pass is linear in the keys times the (few)
// keys sharing a first word.
func personAliases(cs []entities.Cluster) map[string]string {
	type pk struct {
		key   string
		words []string
		n     int
	}
	arts := map[string]int{}
	for _, c := range cs {
		if c.Type == "PERSON" {
			arts[normKey(c.Key)] += len(c.Articles)
		}
	}
	byFirst := map[string][]pk{}
	for k, n := range arts {
		ws := nameWords(k)
		if len(ws) == 0 {
			continue
		}
		byFirst[ws[0]] = append(byFirst[ws[0]], pk{k, ws, n})
	}
	parent := forest{}
	find := parent.root
	better := func(a, b pk) bool { // a is the better display key
		if a.n != b.n {
			return a.n > b.n
		}
		if len(a.words) != len(b.words) {
			return len(a.words) > len(b.words)
		}
		return a.key < b.key
	}
	firsts := make([]string, 0, len(byFirst))
	for f := range byFirst {
		firsts = append(firsts, f)
	}
	sort.Strings(firsts)
	for _, f := range firsts {
		g := byFirst[f]
		if len(g) < 2 || len(g) > 64 {
			continue // a common first name (محمد) shared by many people
		}
		sort.Slice(g, func(i, j int) bool { return better(g[i], g[j]) })
		// a key joins every key it is a variant of, unless it begins two
		// names that differ (كيم جونغ of كيم جونغ أون and كيم جونغ نام)
		for i := range g {
			var targets []int
			for j := range g {
				if j != i && variantOf(g[i].words, g[j].words) {
					targets = append(targets, j)
				}
			}
			ambiguous := false
			for x := 0; x < len(targets) && !ambiguous; x++ {
				for y := x + 1; y < len(targets); y++ {
					tx, ty := g[targets[x]].words, g[targets[y]].words
					if len(tx) > len(g[i].words) && len(ty) > len(g[i].words) && !variantOf(tx, ty) && !variantOf(ty, tx) && !equalWords(tx, ty) {
						ambiguous = true
						break
					}
				}
			}
			if ambiguous {
				continue
			}
			for _, t := range targets {
				a, b := find(g[i].key), find(g[t].key)
				if a != b {
					parent[a] = b
				}
			}
		}
	}
	out := map[string]string{}
	for k := range parent {
		if r := find(k); r != k {
			out[k] = r
		}
	}
	// the display key of a group is its best member
	groups := map[string][]string{}
	for k, r := range out {
		groups[r] = append(groups[r], k)
	}
	for r, ks := range groups {
		best := pk{r, nameWords(r), arts[r]}
		for _, k := range ks {
			if c := (pk{k, nameWords(k), arts[k]}); better(c, best) {
				best = c
			}
		}
		for _, k := range append(ks, r) {
			if k != best.key {
				out[k] = best.key
			} else {
				delete(out, k)
			}
		}
	}
	return out
}

// variantOf: a (two words or more) is b cut short, or b with its other
// words spelled with other vowels.
// nameWords are the words of a name's key, a hyphen splitting words (كيم
// جونغ-أون).
//
// A first word with the article before a name of two words or more is an
// adjective the recognizer took in (الجنوبي of الرئيس الكوري الجنوبي مون
// …): the name is read without it.
func nameWords(k string) []string {
	ws := strings.Fields(strings.ReplaceAll(text.Key(k), "-", " "))
	if len(ws) >= 3 && strings.HasPrefix(ws[0], "ال") {
		ws = ws[1:]
	}
	return ws
}

// juniors are words after a full name that make it another person.
var juniors = map[string]bool{"جونيور": true, "الابن": true, "الاب": true, "الثاني": true, "الاول": true}

func equalWords(a, b []string) bool { return strings.Join(a, " ") == strings.Join(b, " ") }

func variantOf(a, b []string) bool {
	if len(a) < 2 || a[0] != b[0] {
		return false
	}
	if len(a) < len(b) {
		for i := range a {
			if a[i] != b[i] {
				return false
			}
		}
		return !juniors[b[len(a)]]
	}
	if len(a) != len(b) {
		return false
	}
	for i := 1; i < len(a); i++ {
		if a[i] == b[i] {
			continue
		}
		ca, cb := consonants(a[i]), consonants(b[i])
		if ca == "" || ca != cb {
			return false
		}
	}
	return true
}

// consonants drops the letters Arabic uses to write foreign vowels (ا و ي
// ى ه ة and hamza carriers) and hyphens.
func consonants(w string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'ا', 'أ', 'إ', 'آ', 'و', 'ي', 'ى', 'ه', 'ة', 'ء', 'ئ', 'ؤ', '-':
			return -1
		}
		return r
	}, w)
}

func firstOr(ss []string) string {
	if len(ss) > 0 {
		return ss[0]
	}
	return ""
}

// resolveSurnames gives a person named by one word in an article (كيم،
// الرئيس مون) the key of the one full name of that article whose first or
// last word it is; when two full names share it (two people of one
// family), it stays as it is. It returns events with new participant
// slices where a key changed; the article's own slices are not touched.
func resolveSurnames(ms []rasad.Mention, evs []rasad.EventMention) []rasad.EventMention {
	full := map[string]string{} // a word of a name -> the full key ("" when two)
	for _, m := range ms {
		if m.Type != "PERSON" {
			continue
		}
		ws := strings.Fields(m.Key)
		if len(ws) < 2 {
			continue
		}
		for _, w := range []string{ws[0], ws[len(ws)-1]} {
			if k, ok := full[w]; ok && k != m.Key {
				full[w] = ""
			} else if !ok {
				full[w] = m.Key
			}
		}
	}
	if len(full) == 0 {
		return evs
	}
	var out []rasad.EventMention
	for i, em := range evs {
		var ps []rasad.Participant
		for j, p := range em.Participants {
			if p.Type != "PERSON" || strings.Contains(strings.TrimSpace(p.Key), " ") {
				continue
			}
			if k := full[strings.TrimSpace(p.Key)]; k != "" {
				if ps == nil {
					ps = append([]rasad.Participant(nil), em.Participants...)
				}
				ps[j].Key = k
			}
		}
		if ps == nil {
			continue
		}
		if out == nil {
			out = append([]rasad.EventMention(nil), evs...)
		}
		out[i].Participants = ps
	}
	if out == nil {
		return evs
	}
	return out
}

// absorb makes q's name, aliases, articles, and the role and country p
// lacks, p's.
func absorb(p *Participant, q Participant) {
	p.Aliases = append(append(p.Aliases, q.Name), q.Aliases...)
	p.articles += q.articles
	if p.Role == "" {
		p.Role = q.Role
	}
	if p.Country == "" {
		p.Country = q.Country
	}
}
