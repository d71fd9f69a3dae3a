package app_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"
)

// needDisplay skips a test that opens real windows when there is no X display, except in CI
// where `make test` provides one (xvfb-run): there a missing display or tool is a failure.
func needDisplay(t *testing.T, tools ...string) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("end-to-end window tests drive X11")
	}
	missing := ""
	if os.Getenv("DISPLAY") == "" {
		missing = "an X display (run under xvfb-run, as make test does)"
	}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			missing = tool
		}
	}
	if missing == "" {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("CI must run the end-to-end test, but %s is missing", missing)
	}
	t.Skipf("needs %s", missing)
}

// lockedBuffer collects a running program's output; the test may read it while the
// program still writes (when a step fails).
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// buildBinary builds the real vaultview binary once per test run.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "vaultview")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// TestEndToEnd_SampleVaultWindow starts the real binary with no arguments (the sample vault)
// on the X display and waits for the window titled after the sample's welcome note: the
// window opened, the vault loaded in the background and the first note is shown.
func TestEndToEnd_SampleVaultWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the real app")
	}
	needDisplay(t, "xdotool", "import")
	bin := buildBinary(t)

	cmd := exec.Command(bin)
	// A private preferences folder: the test must not reopen someone's last vault.
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

	const title = "Welcome to Vaultview — Vaultview"
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	found := make(chan error, 1)
	go func() {
		// --sync waits until such a window exists; the context bounds the wait.
		found <- exec.CommandContext(ctx, "xdotool", "search", "--sync", "--name", "^"+title+"$").Run()
	}()
	select {
	case err := <-found:
		if err != nil {
			t.Fatalf("no window titled %q within the deadline (%v)\nstderr:\n%s", title, err, stderr.String())
		}
	case err := <-exited:
		t.Fatalf("vaultview exited before showing its window: %v\nstderr:\n%s", err, stderr.String())
	}

	// Keep a screenshot for people to look at (git-ignored).
	shots := filepath.Join("..", "shots")
	if err := os.MkdirAll(shots, 0o755); err == nil {
		_ = exec.Command("import", "-window", "root", filepath.Join(shots, "e2e-sample.png")).Run()
	}
}
