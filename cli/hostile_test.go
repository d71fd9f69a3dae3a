package cli_test

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"vaultview/cli"
	"vaultview/internal/hostile"
)

// problemSections are the sections of a check report that list problems (the others list
// unresolved links and ambiguous names, which are not).
var problemSections = []string{"Case clashes", "Invalid timestamps", "Bad frontmatter", "Unreadable or skipped files", "Other problems"}

// sectionHead matches the first line of a report section: "Bad frontmatter: 6".
var sectionHead = regexp.MustCompile(`^([A-Z][^:]*?)(?: \([^)]*\))?(?:, most linked first)?: \d+$`)

// reportSections splits a check report into its sections' lines, by section title.
func reportSections(out string) map[string][]string {
	sections := map[string][]string{}
	cur := ""
	for _, line := range strings.Split(out, "\n") {
		if m := sectionHead.FindStringSubmatch(line); m != nil {
			cur = m[1]
			continue
		}
		if cur != "" && strings.HasPrefix(line, "  ") {
			sections[cur] = append(sections[cur], line)
		}
	}
	return sections
}

// namesPath reports whether a line of a problem section is about the file p.
func namesPath(line, p string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, p+":") || slices.Contains(strings.Split(t, "  "), p)
}

// TestCheck_HostileVault runs `vaultview check` over the hostile vault (internal/hostile):
// it finishes, exits with "problems found", names every file it skipped or refused (with
// the line where there is one), reports nothing about the inputs it handled, counts exactly
// the notes written (a symbolic link followed to / or out of the vault would add more), and
// changes nothing in the folder.
func TestCheck_HostileVault(t *testing.T) {
	if testing.Short() {
		t.Skip("writes an 80 MB vault")
	}
	dir := t.TempDir()
	cases, err := hostile.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	before, err := hostile.Snapshot(dir)
	if err != nil {
		t.Fatal(err)
	}

	code, out, errs := run("check", "-limit", "0", dir)
	if code != cli.ExitProblems {
		t.Fatalf("exit %d, want %d (problems found)\nstderr: %s", code, cli.ExitProblems, errs)
	}
	if errs != "" {
		t.Errorf("stderr: %s", errs)
	}
	if want := fmt.Sprintf("\n  %d notes, ", hostile.Notes(cases)); !strings.Contains(out, want) {
		head, _, _ := strings.Cut(out, "\n\n")
		t.Errorf("the report does not say %q: something outside the vault was read, or a note was lost\n%s", strings.TrimSpace(want), head)
	}

	sections := reportSections(out)
	var all, problems []string
	for _, lines := range sections {
		all = append(all, lines...)
	}
	for _, s := range problemSections {
		problems = append(problems, sections[s]...)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			for _, w := range c.Warnings {
				if !slices.ContainsFunc(all, w.Matches) {
					t.Errorf("no warning %s in the report", w)
				}
			}
			if len(c.Warnings) > 0 {
				return
			}
			for _, line := range problems {
				if namesPath(line, c.Path) {
					t.Errorf("unexpected problem: %s", strings.TrimSpace(line))
				}
			}
		})
	}

	after, err := hostile.Snapshot(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range hostile.Diff(before, after) {
		t.Errorf("check changed the vault: %s", d)
	}
}

// BenchmarkCheck_Hostile times `vaultview check` over the whole hostile vault (the promise:
// at most 10 s). Run it with -benchtime 5x: each run reads 80 MB.
func BenchmarkCheck_Hostile(b *testing.B) {
	dir := b.TempDir()
	cases, err := hostile.Write(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d cases, %d notes", len(cases), hostile.Notes(cases))
	b.ResetTimer()
	for range b.N {
		if code, _ := cli.Run([]string{"check", "-limit", "0", dir}, io.Discard, io.Discard); code != cli.ExitProblems {
			b.Fatalf("exit %d", code)
		}
	}
}
