package vaultgen

import (
	"math"
	"math/bits"
)

// rng is a splitmix64 generator. The package carries its own generator instead of math/rand so
// that a seed keeps producing the same vault across Go releases: the standard library does not
// promise that the bounded helpers of math/rand/v2 keep their exact output.
type rng struct{ s uint64 }

// newRNG returns a generator for one stream of a seed. Every note has its own stream, so a note's
// bytes depend only on the seed, the plan and its index, never on the order of generation.
func newRNG(seed int64, stream uint64) rng {
	r := rng{s: uint64(seed)*0x9E3779B97F4A7C15 ^ (stream+1)*0xD1B54A32D192ED03}
	r.next()
	return r
}

func (r *rng) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	z := r.s
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}

// intn returns a number in [0, n); n must be positive.
func (r *rng) intn(n int) int {
	hi, _ := bits.Mul64(r.next(), uint64(n))
	return int(hi)
}

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// per10k reports true with probability n/10,000; cheaper than chance for the many small odds
// of the text generator.
func (r *rng) per10k(n int) bool { return r.intn(10000) < n }

// normal returns a standard normal deviate (Box-Muller).
func (r *rng) normal() float64 {
	u := 1 - r.float()
	return math.Sqrt(-2*math.Log(u)) * math.Cos(2*math.Pi*r.float())
}

// zipf returns an index in [0, n) skewed towards 0: a larger a gives a heavier head.
func (r *rng) zipf(n int, a float64) int {
	i := int(float64(n) * math.Pow(r.float(), a))
	if i >= n {
		i = n - 1
	}
	return i
}

func pick(r *rng, xs []string) string { return xs[r.intn(len(xs))] }
