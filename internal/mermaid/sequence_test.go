package mermaid

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func seqSummary(s *Sequence) string {
	var b strings.Builder
	for _, p := range s.Participants {
		fmt.Fprintf(&b, "%s=%q ", p.ID, p.Label)
	}
	b.WriteString("|")
	for _, st := range s.Steps {
		from, to := s.Participants[st.From].ID, s.Participants[st.To].ID
		if st.Kind == Note {
			fmt.Fprintf(&b, " note %s %s..%s %q;", st.Side, from, to, st.Text)
			continue
		}
		fmt.Fprintf(&b, " %s>%s dotted=%v head=%v cross=%v %q;", from, to, st.Dotted, st.Head, st.Cross, st.Text)
	}
	return b.String()
}

func TestParseSequence(t *testing.T) {
	src := `sequenceDiagram
    autonumber
    participant A as Alice
    actor B as Bob
    A->>B: Hello Bob
    B-->>A: Hi Alice
    loop Every minute
        A->B: ping
    end
    A-x C: lost
    C--)A: later
    A->>+A: think
    Note right of B: a remark
    Note over A,B: both`
	s, err := ParseSequence(src)
	if err != nil {
		t.Fatal(err)
	}
	want := `A="Alice" B="Bob" C="C" | A>B dotted=false head=true cross=false "Hello Bob"; B>A dotted=true head=true cross=false "Hi Alice"; A>B dotted=false head=false cross=false "ping"; A>C dotted=false head=false cross=true "lost"; C>A dotted=true head=true cross=false "later"; A>A dotted=false head=true cross=false "think"; note right of B..B "a remark"; note over A..B "both";`
	if got := seqSummary(s); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if !s.Numbered || !s.Participants[1].Actor {
		t.Error("autonumber or actor lost")
	}
}

func TestParseSequence_Errors(t *testing.T) {
	for src, line := range map[string]int{
		"":                                    1,
		"flowchart TD\nA-->B":                 1,
		"sequenceDiagram\nA->>B hello":        2,
		"sequenceDiagram\nA->>B: x\nA B: no":  3,
		"sequenceDiagram\nNote near A: x":     2,
		"sequenceDiagram\n->>B: nobody sends": 2,
	} {
		_, err := ParseSequence(src)
		var e *Error
		if !errors.As(err, &e) || e.Line != line {
			t.Errorf("%q: err = %v, want one on line %d", src, err, line)
		}
	}
}

// TestSequenceLayout: columns left to right, far enough apart for the texts between them;
// steps top to bottom below the boxes; notes inside the diagram.
func TestSequenceLayout(t *testing.T) {
	s, err := ParseSequence("sequenceDiagram\nA->>B: a rather long message text\nB->>C: x\nC->>C: to itself\nNote left of A: on the left\nNote over B,C: over two\nC-->>A: back")
	if err != nil {
		t.Fatal(err)
	}
	l := s.Layout(measure)
	for i := 1; i < len(l.Columns); i++ {
		if l.Columns[i] <= l.Columns[i-1] {
			t.Fatalf("columns out of order: %v", l.Columns)
		}
	}
	w, _ := measure("a rather long message text")
	if l.Columns[1]-l.Columns[0] < w {
		t.Errorf("A and B are %g apart, less than their message's %g", l.Columns[1]-l.Columns[0], w)
	}
	last := l.Boxes[0].Y + l.Boxes[0].H/2
	for k, y := range l.Rows {
		if y <= last {
			t.Errorf("step %d at %g, not below the one before (%g)", k, y, last)
		}
		last = y
	}
	for k, nb := range l.Notes {
		if nb.W == 0 {
			continue
		}
		if nb.X-nb.W/2 < -1e-9 || nb.X+nb.W/2 > l.W+1e-9 {
			t.Errorf("note %d %+v outside the diagram (width %g)", k, nb, l.W)
		}
	}
	if l.BottomY <= last || l.H < l.BottomY {
		t.Errorf("bottom boxes at %g, height %g, last step %g", l.BottomY, l.H, last)
	}
}
