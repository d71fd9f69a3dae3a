package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	nonEmpty := t.TempDir()
	if err := os.WriteFile(filepath.Join(nonEmpty, "keep.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	statsDir := t.TempDir()
	for name, text := range map[string]string{"a.md": "[[b]] and [[B]] and [[c]]\n", "sub/b.md": "word\n"} {
		os.MkdirAll(filepath.Dir(filepath.Join(statsDir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(statsDir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		args  []string
		code  int
		notes int    // .md files expected in the target afterwards, -1 to skip
		out   string // expected in stdout or stderr
	}{
		{"no directory", []string{"-notes", "20"}, 2, -1, "usage"},
		{"bad flag", []string{"-bogus", "x"}, 2, -1, "bogus"},
		{"new directory", []string{"-notes", "30", "-seed", "3", "NEW"}, 0, 30, "notes            30"},
		{"non-empty directory", []string{"-notes", "30", nonEmpty}, 1, 1, "not empty"},
		{"non-empty directory with -force", []string{"-notes", "30", "-force", nonEmpty}, 0, 31, "wrote"},
		// 7,800 bytes a note in the calibrated vault, 8,000 in round 1's.
		{"size without notes", []string{"-size-mb", "0.4", "NEW"}, 0, 51, "notes            51"},
		{"size without notes, round 1's vault", []string{"-regular", "-size-mb", "0.4", "NEW"}, 0, 50, "notes            50"},
		{"size with notes", []string{"-size-mb", "0.2", "-notes", "40", "NEW"}, 0, 40, "notes            40"},
		{"stats", []string{"--stats", statsDir}, 0, 2, "| 33.3 % / 33.3 % / 33.3 % (1 names) "},
		{"stats with one dash", []string{"-stats", statsDir}, 0, 2, "| 1 / 2 "},
		{"stats beside the reference", []string{"-stats", statsDir}, 0, 2, "| 82 / 21,273 "},
		{"stats of a missing folder", []string{"--stats", filepath.Join(statsDir, "nope")}, 1, -1, "nope"},
		{"stats and a DIR", []string{"--stats", statsDir, "x"}, 2, -1, "usage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string(nil), tt.args...)
			dir := ""
			if n := len(args); n > 0 {
				if args[n-1] == "NEW" {
					args[n-1] = filepath.Join(t.TempDir(), "vault")
				}
				dir = args[n-1]
			}
			var stdout, stderr bytes.Buffer
			if code := run(args, &stdout, &stderr); code != tt.code {
				t.Fatalf("exit code %d, want %d; stderr: %s", code, tt.code, stderr.String())
			}
			if out := stdout.String() + stderr.String(); !strings.Contains(out, tt.out) {
				t.Errorf("output %q does not contain %q", out, tt.out)
			}
			if tt.notes < 0 {
				return
			}
			n := 0
			filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
					n++
				}
				return nil
			})
			if n != tt.notes {
				t.Errorf("%d notes in %s, want %d", n, dir, tt.notes)
			}
		})
	}
}
