package mermaid

import (
	"fmt"
	"strings"
)

// Sequence is a parsed sequence diagram: its participants, left to right, and its steps,
// top to bottom.
type Sequence struct {
	Participants []Participant
	Steps        []Step
	// Numbered says the messages are numbered (autonumber).
	Numbered bool
}

// Participant is a lifeline.
type Participant struct {
	ID, Label string
	Actor     bool // drawn as a person in Mermaid; here a box like the others
}

// StepKind tells a message from a note.
type StepKind int

// The steps.
const (
	Message StepKind = iota
	Note
)

// Step is a message from one participant to another (or itself), or a note beside or over
// participants (From to To, left to right).
type Step struct {
	Kind     StepKind
	From, To int
	Text     string
	// Dotted is a reply's line (-->>); Head is an arrowhead's, Cross a cross's end (-x).
	Dotted, Head, Cross bool
	// Side is where a note is: "left of", "right of" or "over".
	Side string
}

// maxSteps bounds a diagram, as maxNodes does a chart.
const maxSteps = 2000

// ParseSequence reads a sequenceDiagram block. Blocks (loop, alt, else, opt, par, and,
// critical, break, rect, end), activations and boxes are skipped: their messages are drawn.
func ParseSequence(src string) (*Sequence, error) {
	s := &Sequence{}
	ids := map[string]int{}
	participant := func(id string) int {
		id = strings.TrimSpace(id)
		if i, ok := ids[id]; ok {
			return i
		}
		ids[id] = len(s.Participants)
		s.Participants = append(s.Participants, Participant{ID: id, Label: id})
		return ids[id]
	}
	header := true
	for n, raw := range strings.Split(src, "\n") {
		line := raw
		if i := strings.Index(line, "%%"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		fail := func(format string, args ...any) (*Sequence, error) {
			return nil, &Error{Line: n + 1, Msg: fmt.Sprintf(format, args...)}
		}
		if header {
			header = false
			if line != "sequenceDiagram" {
				return fail("%q is not a sequence diagram", line)
			}
			continue
		}
		word, rest, _ := strings.Cut(line, " ")
		switch word {
		case "loop", "alt", "else", "opt", "par", "and", "critical", "option", "break", "rect", "end",
			"activate", "deactivate", "box", "title", "links", "link", "create", "destroy":
			continue
		case "autonumber":
			s.Numbered = true
			continue
		case "participant", "actor":
			id, label, as := strings.Cut(rest, " as ")
			i := participant(id)
			if as {
				s.Participants[i].Label = strings.TrimSpace(label)
			}
			s.Participants[i].Actor = word == "actor"
			continue
		case "Note", "note":
			where, text, ok := strings.Cut(rest, ":")
			if !ok {
				return fail("a note wants its text after a colon")
			}
			where = strings.TrimSpace(where)
			st := Step{Kind: Note, Text: strings.TrimSpace(text)}
			for _, side := range []string{"left of", "right of", "over"} {
				if who, found := strings.CutPrefix(where, side+" "); found {
					st.Side = side
					a, b, two := strings.Cut(who, ",")
					st.From = participant(a)
					st.To = st.From
					if two {
						st.To = participant(b)
					}
					break
				}
			}
			if st.Side == "" {
				return fail("a note is left of, right of or over a participant, not %q", where)
			}
			s.Steps = append(s.Steps, st)
		default:
			st, err := message(line, participant)
			if err != nil {
				return fail("%v", err)
			}
			s.Steps = append(s.Steps, st)
		}
		if len(s.Steps) > maxSteps || len(s.Participants) > maxNodes {
			return fail("more than %d steps", maxSteps)
		}
	}
	if header {
		return nil, &Error{Line: 1, Msg: "empty diagram"}
	}
	return s, nil
}

// arrows are the message lines, longest first: the one found first in a line is its arrow.
var arrows = []struct {
	text               string
	dotted, head, cros bool
}{
	{"-->>", true, true, false}, {"->>", false, true, false},
	{"--x", true, false, true}, {"-x", false, false, true},
	{"--)", true, true, false}, {"-)", false, true, false},
	{"-->", true, false, false}, {"->", false, false, false},
}

// message reads `From->>To: text` (an activation + or - before To is skipped).
func message(line string, participant func(string) int) (Step, error) {
	head, text, ok := strings.Cut(line, ":")
	if !ok {
		return Step{}, fmt.Errorf("%q is no message (From->>To: text)", line)
	}
	at, which := -1, -1
	for k, a := range arrows {
		if i := strings.Index(head, a.text); i > 0 && (at < 0 || i < at || i == at && len(a.text) > len(arrows[which].text)) {
			at, which = i, k
		}
	}
	if at < 0 {
		return Step{}, fmt.Errorf("%q has no arrow", head)
	}
	a := arrows[which]
	from := strings.TrimSpace(head[:at])
	to := strings.TrimLeft(strings.TrimSpace(head[at+len(a.text):]), "+-")
	if from == "" || to == "" {
		return Step{}, fmt.Errorf("%q wants a participant at each end", head)
	}
	return Step{Kind: Message, From: participant(from), To: participant(strings.TrimSpace(to)), Text: strings.TrimSpace(text),
		Dotted: a.dotted, Head: a.head, Cross: a.cros}, nil
}

// SequenceLayout is where a sequence diagram's parts go, in the units measure gives sizes in.
type SequenceLayout struct {
	// Columns are the participants' lifelines' x; Boxes their header boxes (top row; the
	// same again at the bottom, at BottomY).
	Columns []float64
	Boxes   []Box
	BottomY float64
	// Rows are the steps' y: a message's line, a note's centre; Notes the notes' boxes (zero
	// for a message).
	Rows  []float64
	Notes []Box
	W, H  float64
}

// Gaps of a sequence diagram, in units of the line height.
const (
	seqColumnGap = 2.0
	seqRow       = 2.0 // a message: its text above its line
	seqSelf      = 3.0 // a message to oneself loops down
)

// Layout places the participants side by side, each column wide enough for its box and for
// the messages and notes between it and its neighbour, and the steps one below another.
func (s *Sequence) Layout(measure func(label string) (w, h float64)) *SequenceLayout {
	n := len(s.Participants)
	l := &SequenceLayout{Columns: make([]float64, n), Boxes: make([]Box, n), Rows: make([]float64, len(s.Steps)), Notes: make([]Box, len(s.Steps))}
	if n == 0 {
		return l
	}
	boxH := 0.0
	width := make([]float64, n)
	for i, p := range s.Participants {
		w, h := measure(p.Label)
		width[i] = w + 2
		boxH = max(boxH, h+1)
	}
	// gap[i] is the room between columns i and i+1 that messages and notes need.
	gap := make([]float64, max(n-1, 0))
	for i := range gap {
		gap[i] = seqColumnGap
	}
	for _, st := range s.Steps {
		w, _ := measure(st.Text)
		lo, hi := min(st.From, st.To), max(st.From, st.To)
		switch {
		case st.Kind == Message && lo != hi:
			// Spread the text over the gaps it spans.
			if need := (w + 2) / float64(hi-lo); need > 0 {
				for k := lo; k < hi; k++ {
					gap[k] = max(gap[k], need)
				}
			}
		case st.Kind == Note && st.Side == "right of" && lo < n-1:
			gap[lo] = max(gap[lo], w+2)
		case st.Kind == Note && st.Side == "left of" && lo > 0:
			gap[lo-1] = max(gap[lo-1], w+2)
		case lo == hi && lo < n-1:
			gap[lo] = max(gap[lo], w/2+2)
		}
	}
	x := 0.0
	for _, st := range s.Steps { // a note left of the first participant needs room before it
		if st.Kind == Note && st.Side == "left of" && min(st.From, st.To) == 0 {
			w, _ := measure(st.Text)
			x = max(x, w+2-width[0]/2)
		}
	}
	for i := range n {
		if i > 0 {
			x += width[i-1]/2 + gap[i-1] + width[i]/2
		} else {
			x += width[0] / 2
		}
		l.Columns[i] = x
		l.Boxes[i] = Box{X: x, Y: boxH / 2, W: width[i], H: boxH}
	}
	right := x + width[n-1]/2
	y := boxH + 1
	for k, st := range s.Steps {
		w, h := measure(st.Text)
		switch {
		case st.Kind == Note:
			a, b := l.Columns[min(st.From, st.To)], l.Columns[max(st.From, st.To)]
			nb := Box{W: w + 1, H: h + 0.6}
			switch st.Side {
			case "right of":
				nb.X = a + 0.5 + nb.W/2
			case "left of":
				nb.X = a - 0.5 - nb.W/2
			default:
				nb.W = max(nb.W, b-a+2)
				nb.X = (a + b) / 2
			}
			nb.Y = y + nb.H/2
			l.Notes[k] = nb
			l.Rows[k] = nb.Y
			right = max(right, nb.X+nb.W/2)
			y += nb.H + 0.8
		case st.From == st.To:
			l.Rows[k] = y + h
			right = max(right, l.Columns[st.From]+w+2)
			y += h + seqSelf
		default:
			l.Rows[k] = y + h
			y += h + seqRow - 1
		}
	}
	l.BottomY = y + 0.5 + boxH/2
	l.W, l.H = right, y+0.5+boxH
	return l
}
