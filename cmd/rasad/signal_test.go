package main

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeSignalInput writes n short articles of our own making with one
// long article (about big bytes, one paragraph repeated) in the middle.
func writeSignalInput(t *testing.T, path string, n, big int) {
	var b bytes.Buffer
	para := "اجتمع وزير الخارجية المصري مع نظيره الأردني في عمان يوم الأحد 9 يونيو 2019 لبحث المحادثات، وقال المتحدث إن الجانبين اتفقا على عقد لقاء جديد الشهر المقبل في القاهرة. "
	for i := 0; i < n; i++ {
		if i == n/2 {
			body := strings.Repeat(para+"\\n", big/len(para))
			fmt.Fprintf(&b, `{"id":"big","title":"خبر طويل","text":"%s","published":"2019-06-10"}`+"\n", body)
		}
		fmt.Fprintf(&b, `{"id":"s%d","title":"عنوان %d","text":"نص المقال رقم %d عن المحادثات بين الوفدين في العاصمة يوم %d يونيو.\nوقال المتحدث إن الجولة %d انتهت.","published":"2019-06-10"}`+"\n", i, i, i, i%28+1, i)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// startCLI runs the test binary as rasad in a child process.
func startCLI(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "RASAD_TEST_AS_MAIN=1")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &errb
}

// interrupt sends sig and returns how long the process took to exit and
// its exit code.
func interrupt(t *testing.T, cmd *exec.Cmd, sig syscall.Signal) (time.Duration, int) {
	t0 := time.Now()
	if err := cmd.Process.Signal(sig); err != nil {
		t.Logf("signal: %v", err)
	}
	err := cmd.Wait()
	el := time.Since(t0)
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	}
	return el, code
}

func integrityOK(t *testing.T, db string) {
	t.Helper()
	sqldb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sqldb.Close()
	var ok string
	if err := sqldb.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check: %q %v", ok, err)
	}
}

// TestSignalsStopLongCommands: SIGINT or SIGTERM stops ingest, analyze,
// stories and timeline within about a second — also inside the analysis
// of a 2 MB article — with exit code 130 and a consistent store; the
// same ingest run again completes, analysing only what is left.
func TestSignalsStopLongCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	const n = 1500
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	writeSignalInput(t, in, n, 1<<20)
	db := filepath.Join(dir, "s.db")
	const limit = 2 * time.Second

	// ingest: interrupted once some batches are in (the long article's
	// batch is being analysed around then)
	cmd, errb := startCLI(t, "ingest", "--quiet", "--db", db, in)
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) && countArticles(t, db) < 256 {
		time.Sleep(20 * time.Millisecond)
	}
	el, code := interrupt(t, cmd, syscall.SIGINT)
	mid := countArticles(t, db)
	t.Logf("ingest: SIGINT at %d articles, exit %d after %v: %s", mid, code, el, strings.TrimSpace(errb.String()))
	if el > limit || code != exitInterrupted {
		t.Errorf("ingest: exit %d after %v, want %d within %v", code, el, exitInterrupted, limit)
	}
	if !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("ingest: no word of the interruption: %s", errb.String())
	}
	integrityOK(t, db)
	if mid == 0 || mid > n {
		t.Fatalf("%d articles stored before the signal", mid)
	}

	// the rerun completes and analyses only the articles not stored yet
	code, out, errs := runCLI(t, "ingest", "--quiet", "--db", db, in)
	if code != 0 || countArticles(t, db) != n+1 {
		t.Fatalf("rerun: exit %d, %d articles: %s %s", code, countArticles(t, db), out, errs)
	}
	m := regexp.MustCompile(`analysed (\d+) · skipped (\d+) already stored`).FindStringSubmatch(errs)
	if m == nil {
		t.Fatalf("rerun summary: %s", errs)
	}
	analysed, _ := strconv.Atoi(m[1])
	skipped, _ := strconv.Atoi(m[2])
	if skipped != mid || analysed != n+1-mid {
		t.Errorf("rerun analysed %d and skipped %d, want %d and %d", analysed, skipped, n+1-mid, mid)
	}

	// the other long commands, interrupted after they started working
	for _, c := range []struct {
		args []string
		sig  syscall.Signal
	}{
		{[]string{"analyze", "--db", db}, syscall.SIGINT},
		{[]string{"stories", "--db", db}, syscall.SIGTERM},
		{[]string{"timeline", "--db", db}, syscall.SIGINT},
	} {
		cmd, errb := startCLI(t, c.args...)
		waitBusy(t, cmd.Process.Pid, 600*time.Millisecond)
		el, code := interrupt(t, cmd, c.sig)
		t.Logf("%s: %v, exit %d after %v", c.args[0], c.sig, code, el)
		if code == 0 {
			t.Logf("%s finished before the signal", c.args[0])
			continue
		}
		if el > limit || code != exitInterrupted {
			t.Errorf("%s: exit %d after %v, want %d within %v: %s", c.args[0], code, el, exitInterrupted, limit, errb.String())
		}
		integrityOK(t, db)
	}
	if got := countArticles(t, db); got != n+1 {
		t.Errorf("%d articles after the interruptions, want %d", got, n+1)
	}
}

// waitBusy waits until process pid has used cpu of CPU time (so it is past
// its start-up and at work), for at most a minute.
func waitBusy(t *testing.T, pid int, cpu time.Duration) {
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			time.Sleep(10 * time.Millisecond) // not Linux: a fixed wait
			if time.Since(deadline.Add(-time.Minute)) > 2*time.Second {
				return
			}
			continue
		}
		// fields after the command name: state is the 3rd, utime the 14th, stime the 15th
		f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
		if len(f) > 12 {
			ut, _ := strconv.Atoi(f[11])
			st, _ := strconv.Atoi(f[12])
			if time.Duration(ut+st)*10*time.Millisecond >= cpu { // USER_HZ = 100
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
}
