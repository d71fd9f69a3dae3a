package app_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vaultview/internal/vaultgen"
)

// TestEndToEnd_FindAnythingByKeyboard is the "find anything" promise, keyboard only, on the
// real binary over a generated vault: Ctrl+O and a few letters of a title, Enter opens it;
// Ctrl+Shift+F and a remembered phrase, Enter opens the note that has it; Alt+Left returns.
// Each step is checked by the window title, which names the note shown.
func TestEndToEnd_FindAnythingByKeyboard(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the real app")
	}
	needDisplay(t, "xdotool", "import")
	dir := t.TempDir()
	o := vaultgen.DefaultOptions()
	o.Notes = 2000
	if _, err := vaultgen.Write(dir, o); err != nil {
		t.Fatal(err)
	}
	notes := map[string]string{
		"Start Here.md":                        "# Start Here\n\nThe first page.\n",
		"research/Quarry Lighthouse Keeper.md": "# Quarry Lighthouse Keeper\n\nKeepers logged each storm.\n",
		"research/Tidal Ledgers.md":            "# Tidal Ledgers\n\nMany pages of tables.\n\nThe harbour master kept a ledger of unusual tides for forty years.\n",
	}
	for p, body := range notes {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin := buildBinary(t)
	cmd := exec.Command(bin, dir, "Start Here")
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir(), "HOME="+t.TempDir())
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		_ = cmd.Process.Kill()
		<-exited
	}()

	// waitTitle waits for the window to be titled after a note and returns its X id.
	waitTitle := func(note string) string {
		t.Helper()
		title := note + " — Vaultview"
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		type result struct {
			out []byte
			err error
		}
		found := make(chan result, 1)
		go func() {
			out, err := exec.CommandContext(ctx, "xdotool", "search", "--sync", "--name", "^"+title+"$").Output()
			found <- result{out, err}
		}()
		select {
		case r := <-found:
			if r.err != nil {
				shot(t, "e2e-find-failed.png")
				t.Fatalf("no window titled %q (%v)\nstderr:\n%s", title, r.err, stderr.String())
			}
			return strings.Fields(string(r.out))[0]
		case err := <-exited:
			t.Fatalf("vaultview exited: %v\nstderr:\n%s", err, stderr.String())
		}
		return ""
	}
	xdo := func(args ...string) {
		t.Helper()
		if out, err := exec.Command("xdotool", args...).CombinedOutput(); err != nil {
			t.Fatalf("xdotool %v: %v\n%s", args, err, out)
		}
	}

	win := waitTitle("Start Here")
	xdo("windowfocus", "--sync", win)

	xdo("key", "--window", win, "ctrl+o")
	xdo("type", "--delay", "60", "quarlight")
	xdo("key", "Return")
	waitTitle("Quarry Lighthouse Keeper")

	xdo("key", "ctrl+shift+f")
	xdo("type", "--delay", "60", `"ledger of unusual tides"`)
	xdo("key", "Return")
	waitTitle("Tidal Ledgers")
	shot(t, "e2e-find-search.png")

	xdo("key", "alt+Left")
	waitTitle("Quarry Lighthouse Keeper")
	xdo("key", "alt+Left")
	waitTitle("Start Here")
}

// shot keeps a screenshot for people to look at (git-ignored).
func shot(t *testing.T, name string) {
	shots := filepath.Join("..", "shots")
	if err := os.MkdirAll(shots, 0o755); err == nil {
		_ = exec.Command("import", "-window", "root", filepath.Join(shots, name)).Run()
	}
}
