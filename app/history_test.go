package app

import "testing"

func TestHistory_BackForward(t *testing.T) {
	var h History
	if h.CanBack() || h.CanForward() {
		t.Fatal("a new history can go nowhere")
	}
	h.Visit(Place{Path: "a.md"})
	h.SetScroll(120)
	h.Visit(Place{Path: "b.md"})
	h.Visit(Place{Unresolved: "Not yet"})
	if p, _ := h.Back(); p.Path != "b.md" {
		t.Fatalf("back = %+v", p)
	}
	if p, _ := h.Back(); p.Path != "a.md" || p.Scroll != 120 {
		t.Fatalf("back = %+v, want a.md at its scroll", p)
	}
	if _, ok := h.Back(); ok {
		t.Fatal("back past the start")
	}
	if p, _ := h.Forward(); p.Path != "b.md" {
		t.Fatalf("forward = %+v", p)
	}
	h.Visit(Place{Path: "c.md"}) // a new visit drops the forward list
	if h.CanForward() {
		t.Fatal("forward list survived a new visit")
	}
	if p, _ := h.Back(); p.Path != "b.md" {
		t.Fatalf("back = %+v", p)
	}
}

func TestHistory_RevisitKeepsOneEntry(t *testing.T) {
	var h History
	h.Visit(Place{Path: "a.md"})
	h.Visit(Place{Path: "a.md", Scroll: 50})
	if h.CanBack() {
		t.Fatal("re-showing a note added a history entry")
	}
	if p, _ := h.Current(); p.Scroll != 50 {
		t.Fatalf("current = %+v", p)
	}
}

func TestHistory_RetargetAndBound(t *testing.T) {
	var h History
	for i := range maxHistory + 10 {
		h.Visit(Place{Path: string(rune('a'+i%26)) + ".md", Scroll: float32(i)})
	}
	if len(h.back) != maxHistory {
		t.Fatalf("back list %d long, want %d", len(h.back), maxHistory)
	}
	h.Retarget("a.md", "renamed/a.md")
	for _, p := range h.back {
		if p.Path == "a.md" {
			t.Fatal("Retarget missed an entry")
		}
	}
}
