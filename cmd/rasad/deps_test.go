package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBinaryLeavesOutHeavyPackages keeps go-dateparser (whose language
// tables took 0.45 s and 60 MB at every start) and go-htmldate, which pulls
// it in, out of the binary. The peer comparison lives in eval's tests.
func TestBinaryLeavesOutHeavyPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, heavy := range []string{"github.com/markusmobius/go-dateparser", "github.com/markusmobius/go-htmldate", "github.com/markusmobius/go-trafilatura"} {
			if strings.HasPrefix(pkg, heavy) {
				t.Errorf("the binary imports %s", pkg)
			}
		}
	}
}
