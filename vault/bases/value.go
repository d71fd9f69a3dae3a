package bases

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Kind says what a Value holds.
type Kind uint8

const (
	KindNull Kind = iota
	KindBool
	KindNumber
	KindString
	KindDate
	KindList
	KindLink
)

// Value is what an expression evaluates to.
type Value struct {
	Kind Kind
	b    bool
	n    float64
	s    string // a string; a link's target
	t    time.Time
	l    []Value
	// dateOnly is set on a date without a time of day.
	dateOnly bool
}

// Null is the value of nothing: a property the note lacks.
var Null = Value{}

func Bool(b bool) Value        { return Value{Kind: KindBool, b: b} }
func Number(f float64) Value   { return Value{Kind: KindNumber, n: f} }
func String(s string) Value    { return Value{Kind: KindString, s: s} }
func List(l []Value) Value     { return Value{Kind: KindList, l: l} }
func Date(t time.Time) Value   { return Value{Kind: KindDate, t: t} }
func Link(target string) Value { return Value{Kind: KindLink, s: target} }

// Truthy is the value as a condition: null, false, 0, "" and [] are false.
func (v Value) Truthy() bool {
	switch v.Kind {
	case KindBool:
		return v.b
	case KindNumber:
		return v.n != 0 && !math.IsNaN(v.n)
	case KindString, KindLink:
		return v.s != ""
	case KindList:
		return len(v.l) > 0
	case KindDate:
		return !v.t.IsZero()
	}
	return false
}

// String is the value as a table cell shows it.
func (v Value) String() string {
	switch v.Kind {
	case KindBool:
		return strconv.FormatBool(v.b)
	case KindNumber:
		if v.n == math.Trunc(v.n) && math.Abs(v.n) < 1e15 {
			return strconv.FormatInt(int64(v.n), 10)
		}
		return strconv.FormatFloat(v.n, 'f', -1, 64)
	case KindString, KindLink:
		return v.s
	case KindDate:
		if v.dateOnly {
			return v.t.Format("2006-01-02")
		}
		return v.t.Format("2006-01-02 15:04")
	case KindList:
		parts := make([]string, len(v.l))
		for i, x := range v.l {
			parts[i] = x.String()
		}
		return strings.Join(parts, ", ")
	}
	return ""
}

// Number is the value as a number, and whether it is one (a numeric string counts).
func (v Value) Number() (float64, bool) {
	switch v.Kind {
	case KindNumber:
		return v.n, true
	case KindString:
		f, err := strconv.ParseFloat(strings.TrimSpace(v.s), 64)
		return f, err == nil
	case KindBool:
		if v.b {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// Items is the value as a list: a list's items, nothing for null, else the value alone.
func (v Value) Items() []Value {
	switch v.Kind {
	case KindList:
		return v.l
	case KindNull:
		return nil
	}
	return []Value{v}
}

// Equal compares two values as == does: numbers by value (a numeric string too), text
// without regard to case for links, lists item by item.
func Equal(a, b Value) bool {
	if a.Kind == KindNull || b.Kind == KindNull {
		return a.Kind == b.Kind
	}
	if x, ok := a.Number(); ok && (a.Kind == KindNumber || b.Kind == KindNumber) {
		if y, ok := b.Number(); ok {
			return x == y
		}
	}
	switch {
	case a.Kind == KindDate && b.Kind == KindDate:
		return a.t.Equal(b.t)
	case a.Kind == KindList && b.Kind == KindList:
		if len(a.l) != len(b.l) {
			return false
		}
		for i := range a.l {
			if !Equal(a.l[i], b.l[i]) {
				return false
			}
		}
		return true
	case a.Kind == KindLink || b.Kind == KindLink:
		return strings.EqualFold(linkName(a.String()), linkName(b.String()))
	case a.Kind == KindBool && b.Kind == KindBool:
		return a.b == b.b
	}
	return a.String() == b.String()
}

// linkName is a link target without brackets, folder or .md, for comparing links.
func linkName(s string) string {
	s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "[["), "]]")
	if i := strings.IndexByte(s, '|'); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		s = s[i+1:]
	}
	return strings.TrimSuffix(s, ".md")
}

// Compare orders two values for < and for sorting: numbers and dates by value, the rest as
// text; null first. ok is false when they cannot be ordered (a number against a word).
func Compare(a, b Value) (int, bool) {
	switch {
	case a.Kind == KindNull && b.Kind == KindNull:
		return 0, true
	case a.Kind == KindNull:
		return -1, true
	case b.Kind == KindNull:
		return 1, true
	case a.Kind == KindDate && b.Kind == KindDate:
		return a.t.Compare(b.t), true
	}
	x, okx := a.Number()
	y, oky := b.Number()
	if okx && oky {
		switch {
		case x < y:
			return -1, true
		case x > y:
			return 1, true
		}
		return 0, true
	}
	if a.Kind == KindNumber || b.Kind == KindNumber {
		return 0, false
	}
	return strings.Compare(strings.ToLower(a.String()), strings.ToLower(b.String())), true
}
