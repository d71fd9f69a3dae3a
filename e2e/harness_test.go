package e2e

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"vaultview/internal/vaultgen"
)

// The binary under test and the fake desktop opener, made once per test run by TestMain.
var (
	binary  string // the real vaultview (underTest)
	fakeBin string // a folder holding a fake xdg-open, put first on the app's PATH
	skipWhy string // why the suite cannot run here ("" when it can)
)

// TestMain builds the binary once for every test of the package: a cold cgo build takes
// minutes, a warm one seconds.
func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	flag.Parse()
	dir, err := os.MkdirTemp("", "vaultview-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	skipWhy = missingTools()
	if skipWhy == "" && !testing.Short() {
		if binary, err = underTest(dir); err != nil {
			fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
			return 1
		}
		fakeBin = filepath.Join(dir, "bin")
		if err := writeFakeOpener(fakeBin); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	return m.Run()
}

// underTest is the vaultview the suite drives: the program named by $VAULTVIEW_E2E_BINARY
// (CI gives the one in the Linux package, so that what is tested is what users install, and
// it is built once), or else one built from this checkout into dir as the package is: with
// the toolkit's fyne.Do threading model (FyneApp.toml's [Migrations], which `fyne package`
// turns into this tag), not the locking one a plain `go build` gets.
func underTest(dir string) (string, error) {
	if b := os.Getenv("VAULTVIEW_E2E_BINARY"); b != "" {
		abs, err := filepath.Abs(b)
		if err != nil {
			return "", err
		}
		if fi, err := os.Stat(abs); err != nil || fi.IsDir() || fi.Mode()&0o111 == 0 {
			return "", fmt.Errorf("VAULTVIEW_E2E_BINARY=%s is not a program (%v)", b, err)
		}
		return abs, nil
	}
	binary := filepath.Join(dir, "vaultview")
	cmd := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", binary, ".")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build: %v\n%s", err, out)
	}
	return binary, nil
}

// missingTools says what the suite lacks on this machine: it drives X11 with xdotool, reads
// the clipboard with xclip, takes screenshots with ImageMagick and reads them with tesseract.
func missingTools() string {
	if runtime.GOOS != "linux" {
		return "the end-to-end suite drives X11"
	}
	if os.Getenv("DISPLAY") == "" {
		return "an X display (run under scripts/headless.sh, as make test does)"
	}
	for _, tool := range []string{"xdotool", "xclip", "import", "convert", "tesseract"} {
		if _, err := exec.LookPath(tool); err != nil {
			return tool + " (scripts/install-deps.sh --test installs it)"
		}
	}
	return ""
}

// writeFakeOpener writes an xdg-open that records the address it is asked to open, one a
// line, in the file named by $VAULTVIEW_E2E_OPENED, and opens nothing.
func writeFakeOpener(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	script := "#!/bin/sh\nprintf '%s\\n' \"$1\" >> \"$VAULTVIEW_E2E_OPENED\"\n"
	return os.WriteFile(filepath.Join(dir, "xdg-open"), []byte(script), 0o755)
}

// need skips a test in -short mode, and skips (or, in CI, fails) it when the machine lacks
// what the suite needs.
func need(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts the real app")
	}
	if skipWhy == "" {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("CI must run the end-to-end suite, but it needs %s", skipWhy)
	}
	t.Skipf("needs %s", skipWhy)
}

// ---- vaults ------------------------------------------------------------------------------

// WriteVault writes notes (vault-relative path → content) into a new temporary folder and
// returns it.
func WriteVault(t *testing.T, notes map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, body := range notes {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// GenVault generates a vault of n notes (the generator's defaults otherwise) and adds extra
// notes to it.
func GenVault(t *testing.T, n int, extra map[string]string) string {
	t.Helper()
	dir := WriteVault(t, extra)
	o := vaultgen.DefaultOptions()
	o.Notes = n
	if _, err := vaultgen.Write(dir, o); err != nil {
		t.Fatal(err)
	}
	// The extra notes win over generated ones of the same name.
	for p, body := range extra {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Snapshot records every file of a folder with its bytes, so a test can show afterwards
// that nothing in a vault was written, added or removed.
func Snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// ---- the app -----------------------------------------------------------------------------

// App is one running vaultview process and its window.
type App struct {
	t       *testing.T
	cmd     *exec.Cmd
	exited  chan struct{}
	stderr  *lockedBuffer
	opened  string // the fake xdg-open's record
	Window  string // the X window id
	Config  string // XDG_CONFIG_HOME: where the app keeps its preferences
	shotNum int
}

// Start runs the binary with args (with -v, so its log can be shown when a step fails) and
// waits for its window. Preferences go to a private folder unless config names one (to
// start again with the preferences of an earlier run). The process is killed when the test
// ends.
func Start(t *testing.T, args ...string) *App {
	return StartWithConfig(t, t.TempDir(), args...)
}

// StartWithConfig is Start with the preferences folder given.
func StartWithConfig(t *testing.T, config string, args ...string) *App {
	t.Helper()
	need(t)
	a := &App{t: t, exited: make(chan struct{}), stderr: &lockedBuffer{}, Config: config}
	a.opened = filepath.Join(t.TempDir(), "opened.txt")
	a.cmd = exec.Command(binary, append([]string{"-v"}, args...)...)
	a.cmd.Env = append(os.Environ(),
		"XDG_CONFIG_HOME="+config,
		// The cache of parsed notes goes beside the preferences: a restart with the same
		// config reopens the vault from it, as a user's second launch does.
		"XDG_CACHE_HOME="+filepath.Join(config, "cache"),
		"HOME="+home(t),
		"PATH="+fakeBin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"VAULTVIEW_E2E_OPENED="+a.opened,
	)
	a.cmd.Stderr = a.stderr
	if err := a.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = a.cmd.Wait(); close(a.exited) }()
	t.Cleanup(a.Quit)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	var out []byte
	err := a.waitCommand(ctx, &out, "xdotool", "search", "--sync", "--onlyvisible", "--pid", strconv.Itoa(a.cmd.Process.Pid), "--name", "Vaultview")
	if err != nil {
		a.fail("no window within 90 s: %v", err)
	}
	a.Window = strings.Fields(string(out))[0]
	// The window can be found a moment before it may take the focus.
	a.Wait("the window to take the focus", func() bool {
		return exec.Command("xdotool", "windowfocus", "--sync", a.Window).Run() == nil
	})
	return a
}

// Quit ends the app (it keeps no state worth a clean exit: preferences are written as they
// change) and waits for it.
func (a *App) Quit() {
	select {
	case <-a.exited:
		return
	default:
	}
	_ = a.cmd.Process.Kill()
	<-a.exited
}

// waitCommand runs a command that waits by itself (xdotool --sync), bounded by ctx, and
// fails fast when the app exits meanwhile.
func (a *App) waitCommand(ctx context.Context, out *[]byte, name string, args ...string) error {
	done := make(chan error, 1)
	go func() {
		b, err := exec.CommandContext(ctx, name, args...).Output()
		*out = b
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-a.exited:
		a.fail("vaultview exited")
	}
	return nil
}

// fail ends the test with the app's log and a screenshot for people to look at.
func (a *App) fail(format string, args ...any) {
	a.t.Helper()
	name := strings.NewReplacer("/", "_", " ", "_").Replace(a.t.Name()) + "-failed.png"
	a.saveShot(name)
	a.t.Fatalf(format+"\nscreenshot: shots/%s\nlog:\n%s", append(args, name, failureLog(a.stderr.String()))...)
}

// failureLog is the end of the app's log, and when the app panicked, the panic's message and
// the stack of the goroutine that failed, which come before every other goroutine's stack
// and so are lost from the end of a long dump.
func failureLog(log string) string {
	i := strings.Index(log, "\npanic: ")
	if j := strings.Index(log, "\nfatal error: "); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 || len(log)-i <= 4000 {
		return tail(log, 4000)
	}
	head := log[i+1:]
	if len(head) > 3000 {
		head = head[:3000] + "…"
	}
	return head + "\n…\n" + tail(log, 3000)
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// Log is what the app wrote to standard error so far.
func (a *App) Log() string { return a.stderr.String() }

// xdo runs xdotool and fails the test when it fails.
func (a *App) xdo(args ...string) string {
	a.t.Helper()
	out, err := exec.Command("xdotool", args...).CombinedOutput()
	if err != nil {
		a.fail("xdotool %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// Key presses keys, one after another, into the focused window with real X events
// (XTEST): xdotool names such as "ctrl+t", "Return", "KP_Enter", "alt+3", "Page_Down".
func (a *App) Key(keys ...string) {
	a.t.Helper()
	a.xdo(append([]string{"key", "--clearmodifiers", "--delay", "40"}, keys...)...)
}

// Type types text with real key events.
func (a *App) Type(text string) {
	a.t.Helper()
	a.xdo("type", "--delay", "40", text)
}

// Click clicks the left button at x, y in the window.
func (a *App) Click(x, y int) {
	a.t.Helper()
	// Arrive with a motion event over the target first: a menu item acts on a click only
	// once the pointer has entered it.
	a.xdo("mousemove", "--window", a.Window, "--sync", strconv.Itoa(x+2), strconv.Itoa(y+1))
	a.xdo("mousemove", "--window", a.Window, "--sync", strconv.Itoa(x), strconv.Itoa(y), "click", "1")
}

// RightClick clicks the right button at x, y in the window.
func (a *App) RightClick(x, y int) {
	a.t.Helper()
	a.xdo("mousemove", "--window", a.Window, "--sync", strconv.Itoa(x), strconv.Itoa(y), "click", "3")
}

// Hover moves the pointer to x, y in the window.
func (a *App) Hover(x, y int) {
	a.t.Helper()
	a.xdo("mousemove", "--window", a.Window, "--sync", strconv.Itoa(x), strconv.Itoa(y))
}

// Resize gives the window a new size.
func (a *App) Resize(w, h int) {
	a.t.Helper()
	a.xdo("windowsize", "--sync", a.Window, strconv.Itoa(w), strconv.Itoa(h))
}

// Title is the window's title now.
func (a *App) Title() string {
	out, err := exec.Command("xdotool", "getwindowname", a.Window).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// WaitTitle waits until the window is titled after a note ("Note — Vaultview").
func (a *App) WaitTitle(note string) {
	a.t.Helper()
	want := note + " — Vaultview"
	a.Wait("the window titled "+strconv.Quote(want), func() bool { return a.Title() == want })
}

// Wait polls cond until it holds, for up to a minute (a busy CI machine builds and loads
// slowly), and fails the test with what was awaited.
func (a *App) Wait(what string, cond func() bool) {
	a.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		if time.Now().After(deadline) {
			a.fail("waited 60 s for %s (title now %q)", what, a.Title())
		}
		select {
		case <-a.exited:
			a.fail("vaultview exited while waiting for %s", what)
		case <-tick.C:
		}
	}
}

// Opened is every address the app asked the desktop to open, oldest first.
func (a *App) Opened() []string {
	b, _ := os.ReadFile(a.opened)
	return strings.Fields(string(b))
}

// WaitOpened waits until the app has asked the desktop to open n addresses in all, and
// returns the last.
func (a *App) WaitOpened(n int) string {
	a.t.Helper()
	a.Wait(fmt.Sprintf("%d addresses opened", n), func() bool { return len(a.Opened()) >= n })
	got := a.Opened()
	if len(got) > n {
		a.fail("%d addresses opened, want %d: %q", len(got), n, got)
	}
	return got[n-1]
}

// Clipboard is the text on the X clipboard, read with xclip as another program would.
func (a *App) Clipboard() string {
	out, err := exec.Command("xclip", "-o", "-selection", "clipboard").Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// ---- screenshots -------------------------------------------------------------------------

// Shot takes a screenshot of the window; name, when given, keeps it in shots/ (git-ignored)
// for people to look at.
func (a *App) Shot(name string) image.Image {
	a.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "import", "-window", a.Window, "png:-").Output()
	if err != nil {
		a.fail("screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		a.fail("screenshot: %v", err)
	}
	if name != "" {
		keepShot(name, out)
	}
	return img
}

func (a *App) saveShot(name string) {
	win := a.Window
	if win == "" {
		win = "root" // import with no window waits for a click on one
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "import", "-window", win, "png:-").Output(); err == nil {
		keepShot(name, out)
	}
}

func keepShot(name string, png []byte) {
	dir := filepath.Join("..", "shots")
	if os.MkdirAll(dir, 0o755) == nil {
		_ = os.WriteFile(filepath.Join(dir, name), png, 0o644)
	}
}

// Word is one word that OCR read in a screenshot, with its box in window coordinates.
type Word struct {
	Text string
	Box  image.Rectangle
	Line int // words read on one line share it
}

// Words reads the text in a region of a screenshot (the zero rectangle: the whole window)
// with tesseract. The crop is made grey by each pixel's brightest channel (so blue links on
// a dark theme stay bright), turned dark-on-light when the theme is dark, and enlarged three
// times: tesseract reads small UI text far better so.
func (a *App) Words(img image.Image, region image.Rectangle) []Word {
	a.t.Helper()
	if region.Empty() {
		region = img.Bounds()
	}
	region = region.Intersect(img.Bounds())
	var buf bytes.Buffer
	if err := png.Encode(&buf, ocrReady(img, region)); err != nil {
		a.fail("encode: %v", err)
	}
	const scale = 3
	convert := exec.Command("convert", "png:-", "-resize", fmt.Sprintf("%d%%", scale*100), "png:-")
	convert.Stdin = &buf
	big, err := convert.Output()
	if err != nil {
		a.fail("convert: %v", err)
	}
	ocr := exec.Command("tesseract", "stdin", "stdout", "--psm", "11", "tsv")
	ocr.Stdin = bytes.NewReader(big)
	ocr.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	out, err := ocr.Output()
	if err != nil {
		a.fail("tesseract: %v", err)
	}
	return parseTSV(string(out), region.Min, scale)
}

// ocrReady is the region of img in grey, dark text on a light ground.
func ocrReady(img image.Image, region image.Rectangle) *image.Gray {
	out := image.NewGray(image.Rect(0, 0, region.Dx(), region.Dy()))
	sum := 0
	for y := 0; y < region.Dy(); y++ {
		for x := 0; x < region.Dx(); x++ {
			r, g, b, _ := img.At(region.Min.X+x, region.Min.Y+y).RGBA()
			v := uint8(max(r, g, b) >> 8)
			out.Pix[y*out.Stride+x] = v
			sum += int(v)
		}
	}
	if n := region.Dx() * region.Dy(); n > 0 && sum/n < 128 {
		for i, v := range out.Pix {
			out.Pix[i] = 255 - v
		}
	}
	return out
}

// parseTSV reads tesseract's TSV: level page block par line word left top width height
// conf text.
func parseTSV(tsv string, origin image.Point, scale int) []Word {
	var words []Word
	for i, line := range strings.Split(tsv, "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 12 || f[0] != "5" || strings.TrimSpace(f[11]) == "" {
			continue
		}
		n := make([]int, 10)
		for k := range n {
			n[k], _ = strconv.Atoi(f[k])
		}
		x, y, w, h := n[6]/scale, n[7]/scale, n[8]/scale, n[9]/scale
		words = append(words, Word{
			Text: strings.TrimSpace(f[11]),
			Box:  image.Rect(x, y, x+w, y+h).Add(origin),
			Line: n[2]*1000000 + n[3]*1000 + n[4],
		})
	}
	return words
}

// fold is how OCR'd and wanted words are compared: case-insensitive, without the
// punctuation around a word (OCR often reads a bullet or a border as one).
func fold(s string) string {
	return strings.ToLower(strings.Trim(s, ".,:;!?\"'`|()[]{}<>«»“”‘’•·*—–-_"))
}

// Find looks for a phrase among OCR'd words: the phrase's words one after another on one
// line. OCR glues a word to a neighbouring icon or mark now and then, so the first word
// may end an OCR'd word and the last may start one. It returns the box around them.
func Find(words []Word, phrase string) (image.Rectangle, bool) {
	want := strings.Fields(phrase)
	if len(want) == 0 {
		return image.Rectangle{}, false
	}
	for i := range words {
		if i+len(want) > len(words) {
			break
		}
		box, ok := words[i].Box, true
		for k, w := range want {
			got := words[i+k]
			if got.Line != words[i].Line || !wordMatches(fold(got.Text), fold(w), k == 0, k == len(want)-1) {
				ok = false
				break
			}
			box = box.Union(got.Box)
		}
		if ok {
			return box, true
		}
	}
	return image.Rectangle{}, false
}

func wordMatches(got, want string, first, last bool) bool {
	switch {
	case got == want:
		return true
	case len(want) < 3:
		return false
	case first && last:
		return strings.Contains(got, want)
	case first:
		return strings.HasSuffix(got, want)
	case last:
		return strings.HasPrefix(got, want)
	}
	return false
}

// WaitText waits until a phrase can be read in a region of the window, and returns where.
func (a *App) WaitText(region image.Rectangle, phrase string) image.Rectangle {
	a.t.Helper()
	var box image.Rectangle
	var last []Word
	deadline := time.Now().Add(45 * time.Second)
	for {
		last = a.Words(a.Shot(""), region)
		if b, ok := Find(last, phrase); ok {
			box = b
			return box
		}
		if time.Now().After(deadline) {
			a.fail("waited 45 s to read %q in %v; read: %s", phrase, region, joinWords(last))
		}
		select {
		case <-a.exited:
			a.fail("vaultview exited while waiting to read %q", phrase)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// ClickText clicks the middle of a phrase once it can be read in a region of the window.
func (a *App) ClickText(region image.Rectangle, phrase string) {
	a.t.Helper()
	b := a.WaitText(region, phrase)
	a.Click((b.Min.X+b.Max.X)/2, (b.Min.Y+b.Max.Y)/2)
}

func joinWords(ws []Word) string {
	var b strings.Builder
	line := -1
	for _, w := range ws {
		if w.Line != line && line != -1 {
			b.WriteString(" / ")
		} else if line != -1 {
			b.WriteByte(' ')
		}
		line = w.Line
		b.WriteString(w.Text)
	}
	return b.String()
}

// lockedBuffer collects a running program's output; the test may read it while the
// program still writes.
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

// home is a private home folder with the cache folder Fyne expects to find there.
func home(t *testing.T) string {
	h := t.TempDir()
	_ = os.MkdirAll(filepath.Join(h, ".cache"), 0o755)
	return h
}

// Drag presses the left button at x1, y1, moves to x2, y2 and lets go, in small steps as a
// hand does (the toolkit drags on motion events with the button held).
func (a *App) Drag(x1, y1, x2, y2 int) {
	a.t.Helper()
	// Come to the start from one side, so the toolkit sees the pointer arrive over it.
	a.xdo("mousemove", "--window", a.Window, "--sync", strconv.Itoa(x1-20), strconv.Itoa(y1+20))
	a.xdo("mousemove", "--window", a.Window, "--sync", strconv.Itoa(x1), strconv.Itoa(y1))
	a.xdo("mousedown", "1")
	const steps = 8
	for i := 1; i <= steps; i++ {
		x := x1 + (x2-x1)*i/steps
		y := y1 + (y2-y1)*i/steps
		a.xdo("mousemove", "--window", a.Window, "--sync", strconv.Itoa(x), strconv.Itoa(y))
	}
	a.xdo("mouseup", "1")
}

// WaitExit waits for the app to end by itself (after Quit, say).
func (a *App) WaitExit() {
	a.t.Helper()
	select {
	case <-a.exited:
	case <-time.After(30 * time.Second):
		a.fail("the app did not exit")
	}
}
