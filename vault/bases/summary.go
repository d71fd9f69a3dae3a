package bases

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Summaries (a view's `summaries:`, one per column): what a column's values come to over the
// rows a view shows, in a row under the table. These are Obsidian's built-in summaries; a
// summary formula of the base's own is reported as not shown.
var summaries = map[string]func(vals []Value) Value{
	"Average": func(vals []Value) Value {
		sum, n := numbers(vals)
		if n == 0 {
			return Null
		}
		return Number(round(sum / float64(n)))
	},
	"Sum": func(vals []Value) Value { sum, _ := numbers(vals); return Number(round(sum)) },
	"Min": func(vals []Value) Value { return extreme(vals, -1) },
	"Max": func(vals []Value) Value { return extreme(vals, 1) },
	"Median": func(vals []Value) Value {
		ns := numberList(vals)
		if len(ns) == 0 {
			return Null
		}
		slices.Sort(ns)
		m := ns[len(ns)/2]
		if len(ns)%2 == 0 {
			m = (ns[len(ns)/2-1] + m) / 2
		}
		return Number(round(m))
	},
	"Stddev": func(vals []Value) Value {
		ns := numberList(vals)
		if len(ns) == 0 {
			return Null
		}
		mean := 0.0
		for _, f := range ns {
			mean += f
		}
		mean /= float64(len(ns))
		sq := 0.0
		for _, f := range ns {
			sq += (f - mean) * (f - mean)
		}
		return Number(round(math.Sqrt(sq / float64(len(ns)))))
	},
	"Range": func(vals []Value) Value {
		lo, hi := extreme(vals, -1), extreme(vals, 1)
		switch {
		case lo.Kind == KindNumber && hi.Kind == KindNumber:
			return Number(round(hi.n - lo.n))
		case lo.Kind == KindDate && hi.Kind == KindDate:
			return String(spanText(hi.t.Sub(lo.t)))
		}
		return Null
	},
	"Earliest": func(vals []Value) Value { return extremeDate(vals, -1) },
	"Latest":   func(vals []Value) Value { return extremeDate(vals, 1) },
	"Checked":  func(vals []Value) Value { return count(vals, func(v Value) bool { return v.Kind == KindBool && v.b }) },
	"Unchecked": func(vals []Value) Value {
		return count(vals, func(v Value) bool { return v.Kind == KindBool && !v.b })
	},
	"Empty":  func(vals []Value) Value { return count(vals, func(v Value) bool { return isEmpty(v) }) },
	"Filled": func(vals []Value) Value { return count(vals, func(v Value) bool { return !isEmpty(v) }) },
	"Unique": func(vals []Value) Value {
		seen := map[string]bool{}
		for _, v := range vals {
			if !isEmpty(v) {
				seen[v.String()] = true
			}
		}
		return Number(float64(len(seen)))
	},
}

// summaryNames lists the summaries, for messages.
func summaryNames() string {
	names := make([]string, 0, len(summaries))
	for n := range summaries {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

func isEmpty(v Value) bool { return !v.Truthy() && v.Kind != KindBool && v.Kind != KindNumber }

func numbers(vals []Value) (sum float64, n int) {
	for _, f := range numberList(vals) {
		sum += f
		n++
	}
	return sum, n
}

func numberList(vals []Value) []float64 {
	var out []float64
	for _, v := range vals {
		if v.Kind == KindNumber && !math.IsNaN(v.n) {
			out = append(out, v.n)
		}
	}
	return out
}

// extreme is the least (sign -1) or greatest (1) of the values that compare, ignoring empty
// ones.
func extreme(vals []Value, sign int) Value {
	best := Null
	for _, v := range vals {
		if isEmpty(v) && v.Kind != KindNumber {
			continue
		}
		if best.Kind == KindNull {
			best = v
			continue
		}
		if c, ok := Compare(v, best); ok && c*sign > 0 {
			best = v
		}
	}
	return best
}

func extremeDate(vals []Value, sign int) Value {
	var dates []Value
	for _, v := range vals {
		if v.Kind == KindDate {
			dates = append(dates, v)
		}
	}
	return extreme(dates, sign)
}

func count(vals []Value, pass func(Value) bool) Value {
	n := 0
	for _, v := range vals {
		if pass(v) {
			n++
		}
	}
	return Number(float64(n))
}

// round keeps two decimals: a summary is read, not computed with.
func round(f float64) float64 { return math.Round(f*100) / 100 }

// spanText writes a span of time in days, or hours under a day.
func spanText(d time.Duration) string {
	if d >= 24*time.Hour {
		days := int(d.Hours() / 24)
		if days == 1 {
			return "1 day"
		}
		return fmt.Sprintf("%d days", days)
	}
	return fmt.Sprintf("%d hours", int(d.Hours()))
}
