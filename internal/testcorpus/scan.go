package testcorpus

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// QualityTests lists the tests and benchmarks under root (a module
// directory) that read ../shared through this package, as "dir.TestName",
// sorted. A test counts when it calls testcorpus.Path or Load, or a
// function of its package that does (seeds(t) → testcorpus.Path).
//
// It exists because `go test ./...` shows nothing of a passing package's
// output, so a skipped quality test is silent there; the skipped command
// prints the list as one line (see the README).
func QualityTests(root string) ([]string, error) {
	byDir := map[string][]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, "_test.go") {
			byDir[filepath.Dir(p)] = append(byDir[filepath.Dir(p)], p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []string
	for dir, files := range byDir {
		names, err := qualityTestsIn(files)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(root, dir)
		for _, n := range names {
			out = append(out, filepath.ToSlash(rel)+"."+n)
		}
	}
	sort.Strings(out)
	return out, nil
}

// readers are the functions of testcorpus that read ../shared (and skip
// without it); CPUTime, which benchmarks and timing tests use, does not.
var readers = map[string]bool{"Path": true, "Load": true}

// qualityTestsIn finds, in one package's test files, the Test, Benchmark
// and Fuzz functions that reach testcorpus, directly or through the
// package's own functions.
func qualityTestsIn(files []string) ([]string, error) {
	fset := token.NewFileSet()
	calls := map[string]map[string]bool{} // function → package functions it calls
	direct := map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		file, err := parser.ParseFile(fset, f, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		alias := ""
		for _, imp := range file.Imports {
			if strings.HasSuffix(strings.Trim(imp.Path.Value, `"`), "/internal/testcorpus") {
				alias = "testcorpus"
				if imp.Name != nil {
					alias = imp.Name.Name
				}
			}
		}
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil || fn.Recv != nil {
				continue
			}
			name := fn.Name.Name
			if calls[name] == nil {
				calls[name] = map[string]bool{}
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.SelectorExpr:
					if id, ok := x.X.(*ast.Ident); ok && alias != "" && id.Name == alias && readers[x.Sel.Name] {
						direct[name] = true
					}
				case *ast.Ident:
					calls[name][x.Name] = true
				}
				return true
			})
		}
	}
	// propagate through the package's own functions
	needs := map[string]bool{}
	for f := range direct {
		needs[f] = true
	}
	for changed := true; changed; {
		changed = false
		for f, cs := range calls {
			if needs[f] {
				continue
			}
			for c := range cs {
				if needs[c] && c != f {
					needs[f], changed = true, true
					break
				}
			}
		}
	}
	var out []string
	for f := range needs {
		if strings.HasPrefix(f, "Test") && f != "TestMain" || strings.HasPrefix(f, "Benchmark") || strings.HasPrefix(f, "Fuzz") {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out, nil
}

// SharedDir returns the module root above dir, ../shared beside it, and
// whether that exists; root is "" when no go.mod is found.
func SharedDir(dir string) (root, shared string, ok bool) {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", "", false
		}
		dir = parent
	}
	shared = filepath.Join(dir, "..", "shared")
	_, err := os.Stat(shared)
	return dir, shared, err == nil
}
