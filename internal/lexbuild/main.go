// Command lexbuild builds the entity lexicons generated from the shared
// gazetteers (../shared/data, see its README for provenance and licences):
//
//	go run ./internal/lexbuild [-data ../shared/data] [-out lexicon/data]
//
// It writes, each file with a provenance and licence header:
//
//   - places_data.tsv: places from CLDR (Unicode licence) and ArWikiCats
//     (MIT) rows, with kind and country; no dr5hn value is used.
//   - places_odbl.tsv: places only dr5hn gives (ODbL 1.0, with its
//     attribution), cities of 50,000 people or more, with population.
//   - orgs_data.tsv: organizations from ArWikiCats (MIT): clubs,
//     universities, international bodies, companies, parties, armed
//     forces, media; competitions are left out (not organizations), and
//     so are the CC BY-SA supraverden rows.
//   - competitions_data.tsv: leagues and cups (ArWikiCats, MIT), read so
//     that the place in a competition's name is not taken for a place.
//   - persons_data.tsv: full names of people (two words or more) from
//     ArWikiCats person titles (MIT): a general list of well-known people.
//   - given_names_data.tsv: given names from ArWikiCats person titles (MIT).
//   - name_tokens.tsv: person-name tokens from Wikidata labels (CC0, via
//     NETransliteration-COLING2018) and google/transliteration
//     (Apache-2.0), with how many Wikidata names hold each.
//
// The output is sorted and deterministic: rerunning it on the same data
// changes nothing.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/rasad/rasad/lexicon"
	"github.com/rasad/rasad/text"
)

func main() {
	data := flag.String("data", "../shared/data", "the shared gazetteers")
	out := flag.String("out", "lexicon/data", "where the lexicons go")
	gold := flag.String("exclude-gold", "../shared/gold/seeds.json", "people of this gold file are left out of the generated lexicons (a lexicon holds general knowledge, never a test's answers); \"\" for none")
	flag.Parse()
	if err := loadExcluded(*gold); err != nil {
		fmt.Fprintln(os.Stderr, "lexbuild:", err)
		os.Exit(1)
	}
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "lexbuild:", err)
		os.Exit(1)
	}
}

func run(data, out string) error {
	for _, step := range []func(string, string) error{places, orgs, persons, givenNames, nameTokens} {
		if err := step(data, out); err != nil {
			return err
		}
	}
	return nil
}

// readTSV reads a shared data file: the header line (starting with #) is
// skipped; every row must have at least min columns.
func readTSV(path string, min int) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < min {
			return nil, fmt.Errorf("%s:%d: %d columns, want %d", path, n, len(cols), min)
		}
		rows = append(rows, cols)
	}
	return rows, sc.Err()
}

// writeFile writes rows (already in order of preference) under the
// header: of the rows whose surfaces share a normalization key, the first
// is kept; the rest are sorted.
func writeFile(path string, header []string, rows []string) error {
	seen := map[string]bool{}
	kept := rows[:0]
	for _, r := range rows {
		surface, _, _ := strings.Cut(r, "\t")
		k := strings.Join(lexicon.WordKeys(surface), " ")
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		kept = append(kept, r)
	}
	rows = kept
	sort.Strings(rows)
	var b strings.Builder
	for i, h := range header {
		if i == 0 {
			h = "Source: " + h
		}
		b.WriteString("# " + h + "\n")
	}
	for _, r := range rows {
		b.WriteString(r + "\n")
	}
	fmt.Fprintf(os.Stderr, "%s: %d rows\n", path, len(rows))
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// titleCase capitalizes the first letter of every word of a Latin name.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// gVariants adds the Egyptian spelling of the g sound (ج for غ) of a
// foreign name whose Latin has a g: هونغ كونغ, هونج كونج.
func gVariants(ar, latin string) []string {
	out := []string{ar}
	if strings.ContainsRune(ar, 'غ') && strings.ContainsAny(strings.ToLower(latin), "g") {
		out = append(out, strings.ReplaceAll(ar, "غ", "ج"))
	}
	return out
}

var kindRank = map[string]int{"country": 0, "macro-region": 1, "sea": 2, "river": 2, "region": 3, "city": 4}

func places(data, out string) error {
	rows, err := readTSV(filepath.Join(data, "places-ar.tsv"), 6)
	if err != nil {
		return err
	}
	// preferred rows first: more source families, then the broader kind,
	// then the more populous (populations only order dr5hn's own rows)
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if na, nb := strings.Count(a[5], "|"), strings.Count(b[5], "|"); na != nb {
			return na > nb
		}
		if kindRank[a[2]] != kindRank[b[2]] {
			return kindRank[a[2]] < kindRank[b[2]]
		}
		pa, _ := strconv.Atoi(a[4])
		pb, _ := strconv.Atoi(b[4])
		return pa > pb
	})
	// a region named like its capital city shares the city's population
	// (كابول the province and the city), so that the one row kept is
	// judged by it
	maxPop := map[string]int{}
	for _, c := range rows {
		if p, _ := strconv.Atoi(c[4]); p > maxPop[c[0]+"\x00"+c[3]] {
			maxPop[c[0]+"\x00"+c[3]] = p
		}
	}
	var free, odbl []string
	for _, c := range rows {
		ar, latin, kind, cc, pop, src := c[0], c[1], c[2], c[3], c[4], c[5]
		if _, ok := kindRank[kind]; !ok || strings.EqualFold(latin, "world") {
			continue // العالم is the world, not a place's name
		}
		openSrc := false // a source other than dr5hn gives this Arabic name
		for _, s := range strings.Split(src, "|") {
			if !strings.HasPrefix(s, "dr5hn") {
				openSrc = true
			}
		}
		for _, v := range gVariants(ar, latin) {
			if openSrc {
				free = append(free, strings.Join([]string{v, titleCase(latin), kind, cc}, "\t"))
				continue
			}
			p, _ := strconv.Atoi(pop)
			if kind == "city" && p < 50000 {
				continue
			}
			if mp := maxPop[ar+"\x00"+cc]; mp > p {
				pop = strconv.Itoa(mp)
			}
			odbl = append(odbl, strings.Join([]string{v, titleCase(latin), kind, cc, pop}, "\t"))
		}
	}
	if err := writeFile(filepath.Join(out, "places_data.tsv"), []string{
		"Generated by `go run ./internal/lexbuild` from ../shared/data/places-ar.tsv: the rows with a CLDR or ArWikiCats source.",
		"Sources: CLDR 32 territory names (Unicode License, via golang.org/x/text, BSD-3-Clause);",
		"ArWikiCats (github.com/ArWikiCats/ArWikiCats @ d55a83f7), MIT. No dr5hn (ODbL) value is used here.",
		"A single-word place is a candidate: the recognizer asks for context where the word is also a common word.",
		"Columns: surface<TAB>canonical (Latin)<TAB>kind (country|macro-region|region|city|sea|river)<TAB>country (ISO 3166-1)",
	}, free); err != nil {
		return err
	}
	return writeFile(filepath.Join(out, "places_odbl.tsv"), []string{
		"Generated by `go run ./internal/lexbuild` from ../shared/data/places-ar.tsv: places only dr5hn gives",
		"(cities of 50,000 people or more, first-level regions, countries).",
		"LICENCE: this file is a database under the Open Database License (ODbL) 1.0, https://opendatacommons.org/licenses/odbl/1-0/",
		"Attribution: countries-states-cities-database by dr5hn, ODbL 1.0 (github.com/dr5hn/countries-states-cities-database",
		"@ 7fda0afd; populations via dr5hn/countrystatecity-npm @ 4e2ebd27). The Arabic names are partly machine translations.",
		"Columns: surface<TAB>canonical (Latin)<TAB>kind<TAB>country (ISO 3166-1)<TAB>population",
	}, odbl)
}

var orgKinds = map[string]string{"club": "club", "national-team": "club", "sports-body": "sport", "university": "university",
	"intl": "intl", "company": "company", "military": "military", "party": "party", "media": "outlet"}

// genericHeads are institution words that are no name on their own.
var genericHeads = map[string]bool{"جامعة": true, "نادي": true, "اتحاد": true, "شركة": true, "منظمة": true, "حزب": true, "مجلس": true, "جمعية": true}

func orgs(data, out string) error {
	rows, err := readTSV(filepath.Join(data, "orgs-ar.tsv"), 5)
	if err != nil {
		return err
	}
	var res, comps []string
	for _, c := range rows {
		ar, latin, kind, cc, src := c[0], c[1], c[2], c[3], c[4]
		if kind == "competition" && !strings.HasPrefix(src, "supraverden") && len(strings.Fields(ar)) > 1 {
			comps = append(comps, ar+"\t"+titleCase(latin))
			continue
		}
		k, ok := orgKinds[kind]
		if !ok || strings.HasPrefix(src, "supraverden") || genericHeads[ar] || strings.HasSuffix(latin, "-of") {
			continue // a bare head word (جامعة) is no organization's name
		}
		for _, v := range gVariants(ar, latin) {
			res = append(res, strings.Join([]string{v, titleCase(latin), k, cc}, "\t"))
		}
	}
	if err := writeFile(filepath.Join(out, "competitions_data.tsv"), []string{
		"Generated by `go run ./internal/lexbuild` from ../shared/data/orgs-ar.tsv: competitions (leagues and cups) of two words or more.",
		"Source: ArWikiCats (github.com/ArWikiCats/ArWikiCats @ d55a83f7), MIT. A competition is neither a place nor an",
		"organization: the recognizer reads it so that أوروبا of دوري أبطال أوروبا is not a place.",
		"Columns: surface<TAB>canonical (Latin)",
	}, comps); err != nil {
		return err
	}
	return writeFile(filepath.Join(out, "orgs_data.tsv"), []string{
		"Generated by `go run ./internal/lexbuild` from ../shared/data/orgs-ar.tsv (competitions and the CC BY-SA supraverden rows left out).",
		"Source: ArWikiCats (github.com/ArWikiCats/ArWikiCats @ d55a83f7), MIT: Arabic Wikipedia titles of clubs, universities,",
		"international bodies, companies, parties, armed forces and media.",
		"Columns: surface<TAB>canonical (Latin)<TAB>kind (club|sport|university|intl|company|military|party|outlet)<TAB>country (ISO, when known)",
	}, res)
}

// excluded are the name keys of the people of the seeds' gold (full names
// and their family names), left out of persons_data.tsv and
// name_tokens.tsv: the project's rule is that no seed person is in its
// code or data. Given names stay (a general list).
var excluded = map[string]bool{}

func loadExcluded(path string) error {
	if path == "" {
		return nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var g struct {
		Entities struct {
			Person map[string][]string `json:"PERSON"`
		} `json:"entities"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, forms := range g.Entities.Person {
		for _, f := range forms {
			ws := strings.Fields(f)
			if len(ws) == 0 {
				continue
			}
			excluded[text.Key(f)] = true
			excluded[text.Key(ws[len(ws)-1])] = true
		}
	}
	return nil
}

// isExcluded: a name, or its last word, is a seed person's.
func isExcluded(name string) bool {
	ws := strings.Fields(name)
	return len(ws) > 0 && (excluded[text.Key(name)] || excluded[text.Key(ws[len(ws)-1])])
}

func persons(data, out string) error {
	rows, err := readTSV(filepath.Join(data, "people-names-ar.tsv"), 3)
	if err != nil {
		return err
	}
	var res []string
	for _, c := range rows {
		ar, latin, src := c[0], c[1], c[2]
		if !strings.Contains(src, "arwikicats-person") || len(strings.Fields(ar)) < 2 || isExcluded(ar) {
			continue
		}
		res = append(res, ar+"\t"+titleCase(latin))
	}
	return writeFile(filepath.Join(out, "persons_data.tsv"), []string{
		"Generated by `go run ./internal/lexbuild` from ../shared/data/people-names-ar.tsv: the full names (two words or more)",
		"of the arwikicats-person rows, a general list of well-known people (Arabic Wikipedia titles).",
		"Source: ArWikiCats (github.com/ArWikiCats/ArWikiCats @ d55a83f7), MIT.",
		"Columns: surface<TAB>Latin name",
	}, res)
}

func givenNames(data, out string) error {
	rows, err := readTSV(filepath.Join(data, "given-names-ar.tsv"), 5)
	if err != nil {
		return err
	}
	var res []string
	for _, c := range rows {
		n, _ := strconv.Atoi(c[2])
		if n < 2 || len(strings.Fields(c[0])) != 1 {
			continue
		}
		res = append(res, c[0]+"\t"+c[1])
	}
	return writeFile(filepath.Join(out, "given_names_data.tsv"), []string{
		"Generated by `go run ./internal/lexbuild` from ../shared/data/given-names-ar.tsv: first words of at least two",
		"people's names in ArWikiCats person titles (github.com/ArWikiCats/ArWikiCats @ d55a83f7), MIT.",
		"Columns: surface<TAB>Latin",
	}, res)
}

func nameTokens(data, out string) error {
	rows, err := readTSV(filepath.Join(data, "people-names-ar.tsv"), 3)
	if err != nil {
		return err
	}
	type acc struct {
		n      int
		google bool
	}
	by := map[string]*acc{}
	for _, c := range rows {
		ar, src := c[0], c[2]
		if strings.Contains(ar, " ") || isExcluded(ar) {
			continue
		}
		a := by[ar]
		if a == nil {
			a = &acc{}
			by[ar] = a
		}
		for _, s := range strings.Split(src, "|") {
			if v, ok := strings.CutPrefix(s, "wd-token:n="); ok {
				n, _ := strconv.Atoi(v)
				a.n += n
			}
			if s == "google-translit" {
				a.google = true
			}
		}
	}
	var res []string
	for ar, a := range by {
		if a.n < 2 && !a.google {
			continue // one Wikidata name only: misaligned pairs are common there
		}
		g := ""
		if a.google {
			g = "google"
		}
		res = append(res, fmt.Sprintf("%s\t%d\t%s", ar, a.n, g))
	}
	// in a fixed order: which of two spellings with one key writeFile keeps
	// must not depend on map iteration
	sort.Strings(res)
	return writeFile(filepath.Join(out, "name_tokens.tsv"), []string{
		"Generated by `go run ./internal/lexbuild` from ../shared/data/people-names-ar.tsv: single person-name tokens",
		"(given names and surnames) seen in two Wikidata names or more, or in google/transliteration.",
		"Sources: Wikidata labels via steveash/NETransliteration-COLING2018 @ 5d5f59e5 (CC0 1.0);",
		"google/transliteration @ b2265a64 ar2en.txt (Apache-2.0, Copyright Google Inc.).",
		"Columns: surface<TAB>Wikidata names holding the token<TAB>google (when google/transliteration has it)",
	}, res)
}
