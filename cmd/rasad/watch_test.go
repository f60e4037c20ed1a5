package main

import (
	"database/sql"
	"fmt"
	"html"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/sqldump"
)

// testOutlets serves feeds of invented articles (our own sentences): feed
// k lists n items; every third item carries only a summary and links to
// its page, which answers after a short delay.
func testOutlets(t *testing.T, feeds, n int) *httptest.Server {
	t.Helper()
	base := time.Date(2019, 6, 2, 7, 0, 0, 0, time.UTC)
	people := []string{"سمير الخطيب", "ليلى منصور", "كريم الشامي", "نادية العلي", "فادي حداد", "هالة يوسف"}
	cities := []string{"عمان", "بيروت", "تونس", "الرباط", "الدوحة", "مسقط"}
	body := func(k, i int) (string, string) {
		p1, p2, c := people[(k+i)%6], people[(k+2*i+1)%6], cities[(i/2+k)%6]
		if p1 == p2 {
			p2 = people[(k+i+3)%6]
		}
		title := fmt.Sprintf("لقاء في %s بين %s و%s (%d-%d)", c, p1, p2, k, i)
		text := fmt.Sprintf("التقى الوزير %s نظيره %s في %s يوم الأحد لبحث التعاون في مجال النقل رقم %d-%d.\nوقال المتحدث إن الجانبين اتفقا على عقد جولة ثانية في %s الشهر المقبل.\n", p1, p2, c, k, i, cities[(i+k+1)%6])
		return title, text
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/page/", func(w http.ResponseWriter, r *http.Request) {
		var k, i int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/page/"), "%d/%d", &k, &i)
		title, text := body(k, i)
		time.Sleep(5 * time.Millisecond)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>%s</title></head><body><article><h1>%s</h1>", html.EscapeString(title), html.EscapeString(title))
		for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
			fmt.Fprintf(w, "<p>%s</p>", html.EscapeString(l))
		}
		fmt.Fprint(w, "</article></body></html>")
	})
	var srv *httptest.Server
	mux.HandleFunc("/feed/", func(w http.ResponseWriter, r *http.Request) {
		var k int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/feed/"), "%d", &k)
		var b strings.Builder
		fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>منفذ %d</title>`, k)
		for i := 0; i < n; i++ {
			title, text := body(k, i)
			link := fmt.Sprintf("%s/page/%d/%d", srv.URL, k, i)
			fmt.Fprintf(&b, "<item><guid>f%d-%d</guid><link>%s</link><title>%s</title><pubDate>%s</pubDate>", k, i, link, html.EscapeString(title), base.Add(time.Duration(i)*time.Minute).Format(time.RFC1123Z))
			if i%3 == 0 {
				b.WriteString("<description>ملخص قصير.</description>")
			} else {
				fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>", strings.ReplaceAll(text, "\n", "<br/>"))
			}
			b.WriteString("</item>")
		}
		b.WriteString("</channel></rss>")
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(b.String()))
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func writeFeeds(t *testing.T, srv *httptest.Server, feeds int) string {
	path := filepath.Join(t.TempDir(), "feeds.txt")
	for k := 0; k < feeds; k++ {
		if code, _, errs := runCLI(t, "feeds", "--feeds", path, "add", fmt.Sprintf("%s/feed/%d", srv.URL, k), "--every", "1m", "--outlet", fmt.Sprintf("منفذ رقم %d", k)); code != 0 {
			t.Fatalf("feeds add: %s", errs)
		}
	}
	return path
}

func TestFeedsCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feeds.txt")
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, _ := runCLI(t, "feeds", "--feeds", path, "add", "ftp://x"); code != exitUsage {
		t.Errorf("ftp URL: exit %d", code)
	}
	runCLI(t, "feeds", "--feeds", path, "add", "http://127.0.0.1:1/a.xml", "--every", "5m", "--outlet", "الجريدة الأولى")
	runCLI(t, "feeds", "--feeds", path, "add", "http://127.0.0.1:1/b.xml")
	// adding a listed URL again keeps the options it is not given
	runCLI(t, "feeds", "--feeds", path, "add", "http://127.0.0.1:1/a.xml")
	code, out, errs := runCLI(t, "feeds", "--feeds", path, "--db", db, "list")
	if code != 0 || !strings.Contains(out, "a.xml\tevery 5m0s\toutlet الجريدة الأولى\tnot polled yet") || !strings.Contains(out, "b.xml\tevery 15m0s") {
		t.Fatalf("list: %d %q %q", code, out, errs)
	}
	if code, _, _ := runCLI(t, "feeds", "--feeds", path, "remove", "http://127.0.0.1:1/a.xml"); code != 0 {
		t.Fatal("remove")
	}
	if code, _, _ := runCLI(t, "feeds", "--feeds", path, "remove", "http://127.0.0.1:1/a.xml"); code != exitNotFound {
		t.Errorf("remove twice: exit %d", code)
	}
	b, _ := os.ReadFile(path)
	if strings.Contains(string(b), "a.xml") || !strings.Contains(string(b), "b.xml") {
		t.Errorf("file after remove:\n%s", b)
	}
	os.WriteFile(path, []byte("http://127.0.0.1:1/a.xml every=soon\n"), 0o644)
	if code, _, errs := runCLI(t, "feeds", "--feeds", path, "list"); code == 0 || !strings.Contains(errs, "line 1") {
		t.Errorf("bad file: %d %s", code, errs)
	}
}

func TestWatchOnceAndNotify(t *testing.T) {
	srv := testOutlets(t, 2, 6)
	feeds := writeFeeds(t, srv, 2)
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	code, id, errs := runCLI(t, "watch", "--db", db, "--notify", "query:التعاون", "--id", "coop")
	if code != 0 || strings.TrimSpace(id) != "coop" {
		t.Fatalf("notify: %d %s %s", code, id, errs)
	}
	if code, _, _ := runCLI(t, "watch", "--db", db, "--notify", "query:x", "--webhook", "http://127.0.0.1:1/"); code != exitUsage {
		t.Errorf("webhook without secret: exit %d", code)
	}
	code, _, errs = runCLI(t, "watch", "--db", db, "--feeds", feeds, "--once", "--atom-dir", dir, "--host-gap", "0")
	if code != 0 || !strings.Contains(errs, "stored 12") {
		t.Fatalf("watch --once: %d %s", code, errs)
	}
	code, _, errs = runCLI(t, "watch", "--db", db, "--feeds", feeds, "--once", "--atom-dir", dir, "--host-gap", "0")
	if code != 0 || !strings.Contains(errs, "new items 0") || !strings.Contains(errs, "stored 0") {
		t.Fatalf("second --once: %d %s", code, errs)
	}
	atom, err := os.ReadFile(filepath.Join(dir, "coop.atom"))
	if err != nil || !strings.Contains(string(atom), "<entry>") {
		t.Fatalf("atom: %v\n%s", err, atom)
	}
	code, out, _ := runCLI(t, "watch", "--db", db, "--watches")
	if code != 0 || !strings.Contains(out, "coop\tquery:التعاون\tatom only\tsent ") {
		t.Errorf("watches: %q", out)
	}
	code, out, _ = runCLI(t, "feeds", "--feeds", feeds, "--db", db, "list")
	if code != 0 || !strings.Contains(out, "items 6") {
		t.Errorf("feeds list after polling: %q", out)
	}
}

// storeDump is everything a watcher run leaves in a store, times left out.
func storeDump(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return sqldump.Rows(t, db,
		`SELECT id, title, text, coalesce(published,''), published_from FROM articles ORDER BY id`,
		`SELECT article_id, ext_id, source, url, format, coalesce(published,'') FROM reports ORDER BY article_id, ext_id, url`,
		`SELECT article_id, version, timexes, mentions, events FROM analyses ORDER BY article_id`,
		`SELECT feed, item_key, version, state, article_id, last_error FROM fetch_queue ORDER BY feed, item_key`,
		`SELECT url, etag, items, failures FROM feed_state ORDER BY url`,
		`SELECT watch_id, entry_key, digest, revision FROM watch_entries ORDER BY watch_id, entry_key`,
		`SELECT watch_id, entry_key, kind, revision, state FROM outbox ORDER BY watch_id, entry_key, revision`,
		`SELECT article_id, story_id FROM story_members ORDER BY article_id`,
		`SELECT id, seq, first, last, rep, rep_sim, title, ss, centroid, size, info FROM story_clusters ORDER BY id`,
		`SELECT a, b, kind, similarity FROM copies ORDER BY a, b`,
		`SELECT term, df FROM story_df ORDER BY term`,
	)
}

// TestWatchKilledResumes kills a watcher (a child process, SIGKILL) at
// random points of its work and checks that a restart ends in the same
// store as an uninterrupted run: no item lost, none twice, the same
// analyses and announcements.
func TestWatchKilledResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	srv := testOutlets(t, 3, 40)
	feeds := writeFeeds(t, srv, 3)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	prepare := func(db string) {
		if code, _, errs := runCLI(t, "watch", "--db", db, "--notify", "query:النقل", "--id", "transport"); code != 0 {
			t.Fatal(errs)
		}
	}
	ref := filepath.Join(t.TempDir(), "ref.db")
	prepare(ref)
	start := time.Now()
	if code, _, errs := runCLI(t, "watch", "--db", ref, "--feeds", feeds, "--once", "--quiet", "--host-gap", "0", "--batch", "16"); code != 0 {
		t.Fatal(errs)
	}
	full := time.Since(start)
	want := storeDump(t, ref)
	if !strings.Contains(want, "done") || strings.Contains(want, "pending") {
		t.Fatalf("reference run incomplete:\n%.2000s", want)
	}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	for round := 0; round < 3; round++ {
		db := filepath.Join(t.TempDir(), fmt.Sprintf("k%d.db", round))
		prepare(db)
		kills := 0
		var progress []string
		for k := 0; k < 3; k++ {
			cmd := exec.Command(exe, "watch", "--db", db, "--feeds", feeds, "--quiet", "--host-gap", "0", "--batch", "16")
			cmd.Env = append(os.Environ(), "RASAD_TEST_AS_MAIN=1")
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// kill once the child has queued the items and done a random
			// share of them, a random moment later (mid-batch, mid-fetch)
			target := rng.Intn(120)
			deadline := time.Now().Add(30 * time.Second)
			for time.Now().Before(deadline) {
				if done, pending := taskCounts(t, db); done+pending > 0 && done >= target {
					break
				}
				time.Sleep(2 * time.Millisecond)
			}
			delay := time.Duration(rng.Int63n(int64(full/4) + 1))
			time.Sleep(delay)
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			kills++
			done, pending := taskCounts(t, db)
			progress = append(progress, fmt.Sprintf("≥%d+%s:%d/%d", target, delay.Round(time.Millisecond), done, pending))
		}
		if code, _, errs := runCLI(t, "watch", "--db", db, "--feeds", feeds, "--once", "--quiet", "--host-gap", "0", "--batch", "16"); code != 0 {
			t.Fatal(errs)
		}
		t.Logf("round %d: killed after (delay:tasks done/pending) %v", round, progress)
		if got := storeDump(t, db); got != want {
			t.Fatalf("round %d: store after %d kills and a restart differs from an uninterrupted run:\n%s", round, kills, firstDiff(want, got))
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\nwant %.600s\ngot  %.600s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d vs %d lines", len(al), len(bl))
}

func taskCounts(t *testing.T, path string) (done, pending int) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.QueryRow(`SELECT count(*) FROM fetch_queue WHERE state = 'done'`).Scan(&done)
	db.QueryRow(`SELECT count(*) FROM fetch_queue WHERE state = 'pending'`).Scan(&pending)
	return done, pending
}

// TestWatchOnceAllFeedsFail: a --once round in which every feed fails
// exits 1 (a round with one working feed exits 0), for cron.
func TestWatchOnceAllFeedsFail(t *testing.T) {
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusInternalServerError)
	}))
	defer bad.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	feeds := filepath.Join(dir, "feeds.txt")
	os.WriteFile(feeds, []byte(bad.URL+"/a.xml\n"+bad.URL+"/b.xml\n"), 0o644)
	code, _, errs := runCLI(t, "watch", "--db", db, "--feeds", feeds, "--once", "--quiet", "--host-gap", "0")
	if code != exitFailure || !strings.Contains(errs, "every feed polled failed (2 of 2)") {
		t.Errorf("all feeds failing: exit %d, %s", code, errs)
	}
	srv := testOutlets(t, 1, 2)
	good := writeFeeds(t, srv, 1)
	gb, _ := os.ReadFile(good)
	os.WriteFile(feeds, append(gb, []byte(bad.URL+"/c.xml\n")...), 0o644)
	if code, _, errs := runCLI(t, "watch", "--db", db, "--feeds", feeds, "--once", "--quiet", "--host-gap", "0"); code != 0 {
		t.Errorf("one feed working: exit %d, %s", code, errs)
	}
}
