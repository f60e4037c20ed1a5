package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun builds the lexicons from a tiny data folder of our own: ODbL-only
// places go to their own file, open-source ones to places_data.tsv
// without any dr5hn value; CC BY-SA org rows and competitions are left
// out; the g-sound variant is added; the output is deterministic.
func TestRun(t *testing.T) {
	data, out := t.TempDir(), t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(data, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("places-ar.tsv", "# arabic\tlatin\tkind\tcountry_code\tpopulation\tsource\n"+
		"هونغ كونغ\thong kong\tcountry\tHK\t\tarwikicats-geo\n"+
		"بلدة صغيرة\tSmall Town\tcity\tXX\t20000\tdr5hn-city\n"+
		"مدينة كبيرة\tBig City\tcity\tXX\t900000\tdr5hn-city\n"+
		"العالم\tWorld\tmacro-region\t\t\tcldr\n")
	write("orgs-ar.tsv", "# arabic\tlatin\tkind\tcountry_code\tsource\n"+
		"نادي المثال\texample club\tclub\t\tarwikicats-clubs\n"+
		"كأس المثال\texample cup\tcompetition\t\tarwikicats\n"+
		"منظمة المثال\texample org\tintl\t\tsupraverden:Q1\n")
	write("people-names-ar.tsv", "# arabic\tlatin\tsource_id\n"+
		"سامي مثال\tsami mithal\tarwikicats-person\n"+
		"مثال\tmithal\twd-token:n=3\n"+
		"نادر\tnadir\twd-token:n=1\n")
	write("given-names-ar.tsv", "# arabic\tlatin\tpeople_count\twd_token_count\tsource\nسامي\tsami\t3\t10\tx\n")
	if err := run(data, out); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	free, odbl := read("places_data.tsv"), read("places_odbl.tsv")
	if !strings.Contains(free, "هونج كونج\tHong Kong") || strings.Contains(free, "Small Town") || strings.Contains(free, "Big City") || strings.Contains(free, "العالم\t") {
		t.Errorf("places_data.tsv:\n%s", free)
	}
	if !strings.Contains(odbl, "ODbL") || !strings.Contains(odbl, "مدينة كبيرة") || strings.Contains(odbl, "بلدة صغيرة") {
		t.Errorf("places_odbl.tsv:\n%s", odbl)
	}
	orgs := read("orgs_data.tsv")
	if !strings.Contains(orgs, "نادي المثال") || strings.Contains(orgs, "كأس") || strings.Contains(orgs, "منظمة المثال") {
		t.Errorf("orgs_data.tsv:\n%s", orgs)
	}
	if p := read("persons_data.tsv"); !strings.Contains(p, "سامي مثال") {
		t.Errorf("persons_data.tsv:\n%s", p)
	}
	if tok := read("name_tokens.tsv"); !strings.Contains(tok, "مثال\t3") || strings.Contains(tok, "نادر") {
		t.Errorf("name_tokens.tsv:\n%s", tok)
	}
	first := read("places_data.tsv") + read("orgs_data.tsv")
	if err := run(data, out); err != nil {
		t.Fatal(err)
	}
	if read("places_data.tsv")+read("orgs_data.tsv") != first {
		t.Error("a second run changed the output")
	}
	if err := run(filepath.Join(data, "missing"), out); err == nil {
		t.Error("no error for a missing data folder")
	}
}

// TestExcluded: the people of a gold file (names of our own here) are left
// out, by full name and by family name; given names are not.
func TestExcluded(t *testing.T) {
	dir := t.TempDir()
	gold := dir + "/gold.json"
	if err := os.WriteFile(gold, []byte(`{"entities": {"PERSON": {"Sami Example": ["سامي مثالي", "مثالي"]}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	defer func() { excluded = map[string]bool{} }()
	if err := loadExcluded(gold); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"سامي مثالي": true, "مثالي": true, "كريم مثالي": true, "سامي": false, "سامي نادر": false} {
		if got := isExcluded(name); got != want {
			t.Errorf("isExcluded(%q) = %v, want %v", name, got, want)
		}
	}
	if err := loadExcluded(dir + "/none.json"); err != nil {
		t.Errorf("a missing gold file is no error: %v", err)
	}
}
