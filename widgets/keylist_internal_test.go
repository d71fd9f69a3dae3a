package widgets

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Every list that takes the keyboard acts on Return, the keypad's Enter and Space alike,
// and again on a row it acted on before (the lists act through selection).
func TestKeyList_EnterReturnAndSpaceAct(t *testing.T) {
	test.NewTempApp(t)
	for _, k := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace} {
		t.Run(string(k), func(t *testing.T) {
			l := newKeyList(func() int { return 50 },
				func() fyne.CanvasObject { return widget.NewLabel("row") },
				func(widget.ListItemID, fyne.CanvasObject) {})
			var acted []int
			l.OnSelected = func(id widget.ListItemID) { acted = append(acted, id) }
			w := test.NewTempWindow(t, l)
			w.Resize(fyne.NewSize(200, 300))
			w.Canvas().Focus(l)
			press := func(name fyne.KeyName) { w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name}) }
			press(fyne.KeyDown)
			press(k)
			press(k)
			if fmt.Sprint(acted) != "[1 1]" {
				t.Errorf("%s twice on row 1 acted on %v; want [1 1]", k, acted)
			}
		})
	}
}

func TestKeyList_PageHomeEndMoveTheHighlight(t *testing.T) {
	test.NewTempApp(t)
	l := newKeyList(func() int { return 50 },
		func() fyne.CanvasObject { return widget.NewLabel("row") },
		func(widget.ListItemID, fyne.CanvasObject) {})
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(200, 300))
	w.Canvas().Focus(l)
	page := l.pageRows()
	if page < 3 || page > 10 {
		t.Fatalf("a page of a 300 px list is %d rows", page)
	}
	for _, step := range []struct {
		key  fyne.KeyName
		want int
	}{
		{fyne.KeyPageDown, page}, {fyne.KeyPageDown, 2 * page}, {fyne.KeyPageUp, page},
		{fyne.KeyEnd, 49}, {fyne.KeyPageDown, 49}, {fyne.KeyHome, 0}, {fyne.KeyPageUp, 0},
	} {
		l.TypedKey(&fyne.KeyEvent{Name: step.key})
		if l.highlight != step.want {
			t.Fatalf("after %s the highlight is on row %d; want %d", step.key, l.highlight, step.want)
		}
	}
}

func TestKeyTree_EnterActsAndPagesWalkOpenBranches(t *testing.T) {
	test.NewTempApp(t)
	kids := map[string][]string{"": {"a", "b"}, "a": {"a1", "a2"}, "b": {"b1"}}
	tr := extendKeyTree(&keyTree{Tree: widget.Tree{
		ChildUIDs:  func(uid string) []string { return kids[uid] },
		IsBranch:   func(uid string) bool { return len(kids[uid]) > 0 },
		CreateNode: func(bool) fyne.CanvasObject { return widget.NewLabel("node") },
		UpdateNode: func(string, bool, fyne.CanvasObject) {},
	}})
	var picked []string
	tr.OnSelected = func(uid string) { picked = append(picked, uid) }
	tr.OpenBranch("a")
	w := test.NewTempWindow(t, tr)
	w.Resize(fyne.NewSize(200, 300))
	w.Canvas().Focus(tr)
	if got := fmt.Sprint(tr.visibleRows()); got != "[a a1 a2 b]" {
		t.Fatalf("visible rows %s", got)
	}
	tr.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	tr.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	tr.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	tr.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	tr.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	tr.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if got := fmt.Sprint(picked); got != "[b a1 a1]" {
		t.Errorf("End, Return, Home, Down, Enter, Enter picked %s; want [b a1 a1]", got)
	}
}
