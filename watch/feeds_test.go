package watch

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseFeeds(t *testing.T) {
	in := "# comment\n\nhttp://127.0.0.1/a.xml every=10m outlet=جريدة المثال اليومية\n  https://127.0.0.1/b.atom  \n"
	fs, err := ParseFeeds(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Feed{{URL: "http://127.0.0.1/a.xml", Interval: 10 * time.Minute, Outlet: "جريدة المثال اليومية"}, {URL: "https://127.0.0.1/b.atom"}}
	if !reflect.DeepEqual(fs, want) {
		t.Fatalf("%+v", fs)
	}
	for _, bad := range []string{
		"ftp://x/feed", "http://", "notaurl", "http://127.0.0.1/a every=5", "http://127.0.0.1/a every=1s",
		"http://127.0.0.1/a sometimes=1m", "http://127.0.0.1/a outlet=", "http://127.0.0.1/a\nhttp://127.0.0.1/a",
		"http://127.0.0.1/" + strings.Repeat("x", 5000),
	} {
		if _, err := ParseFeeds(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "line") {
			t.Errorf("%.40q: %v", bad, err)
		}
	}
	path := filepath.Join(t.TempDir(), "feeds.txt")
	if err := SaveFeeds(path, want); err != nil {
		t.Fatal(err)
	}
	back, err := LoadFeeds(path)
	if err != nil || !reflect.DeepEqual(back, want) {
		t.Errorf("round trip: %+v %v", back, err)
	}
	if fs, err := LoadFeeds(filepath.Join(t.TempDir(), "none")); err != nil || fs != nil {
		t.Errorf("missing file: %v %v", fs, err)
	}
	fs2 := AddFeed(want, Feed{URL: "http://127.0.0.1/a.xml"})
	if len(fs2) != 2 || fs2[0].Outlet != "" {
		t.Errorf("add replaces: %+v", fs2)
	}
	if _, ok := RemoveFeed(fs2, "http://127.0.0.1/zzz"); ok {
		t.Errorf("removed an absent feed")
	}
}

// FuzzParseFeeds: any input parses or fails with a line number, never
// panics; what parses formats and parses back to the same feeds.
func FuzzParseFeeds(f *testing.F) {
	f.Add("http://127.0.0.1/a.xml every=10m outlet=منفذ\n# x\n")
	f.Add("https://h/b every=1h\nhttp://h/c outlet=a b c\n")
	f.Add("\ufeffhttp://h/x\r\n")
	f.Fuzz(func(t *testing.T, in string) {
		fs, err := ParseFeeds(strings.NewReader(in))
		if err != nil {
			if !strings.Contains(err.Error(), "line ") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		var b bytes.Buffer
		if err := FormatFeeds(&b, fs); err != nil {
			t.Fatal(err)
		}
		back, err := ParseFeeds(&b)
		if err != nil {
			t.Fatalf("formatted feeds do not parse: %v\n%s", err, b.String())
		}
		if len(back) != len(fs) {
			t.Fatalf("%d feeds, %d after round trip", len(fs), len(back))
		}
		byURL := map[string]Feed{}
		for _, f := range fs {
			byURL[f.URL] = f
		}
		for _, f := range back {
			if byURL[f.URL] != f {
				t.Fatalf("round trip changed %+v into %+v", byURL[f.URL], f)
			}
		}
	})
}
