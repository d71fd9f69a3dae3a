package vault

import "sort"

// shardCount splits each map of the index into shards so that publishing a new snapshot
// copies only the shards an edit touches: a one-note update copies a few hundred entries
// instead of the whole vault, and readers of the old snapshot are never disturbed.
const shardCount = 64

// shardMap is a string-keyed map in shards. A published shardMap is never written to;
// shardEdit makes the copies.
type shardMap[V any] [shardCount]map[string]V

func shardOf(k string) int {
	h := uint32(2166136261)
	for i := 0; i < len(k); i++ {
		h ^= uint32(k[i])
		h *= 16777619
	}
	return int(h % shardCount)
}

func (m *shardMap[V]) get(k string) V { return m[shardOf(k)][k] }

func (m *shardMap[V]) lookup(k string) (V, bool) {
	v, ok := m[shardOf(k)][k]
	return v, ok
}

func (m *shardMap[V]) len() int {
	n := 0
	for _, s := range m {
		n += len(s)
	}
	return n
}

// keys returns every key, sorted.
func (m *shardMap[V]) keys() []string {
	out := make([]string, 0, m.len())
	for _, s := range m {
		for k := range s {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// shardEdit changes a shardMap that belongs to a snapshot under construction, copying each
// shard the first time it is written.
type shardEdit[V any] struct {
	m     *shardMap[V]
	owned uint64
}

func editOf[V any](m *shardMap[V], fresh bool) shardEdit[V] {
	e := shardEdit[V]{m: m}
	if fresh {
		e.owned = ^uint64(0)
	}
	return e
}

func (e *shardEdit[V]) shard(k string) map[string]V {
	i := shardOf(k)
	if e.owned&(1<<i) == 0 {
		old := e.m[i]
		s := make(map[string]V, len(old)+1)
		for kk, v := range old {
			s[kk] = v
		}
		e.m[i] = s
		e.owned |= 1 << i
	} else if e.m[i] == nil {
		e.m[i] = map[string]V{}
	}
	return e.m[i]
}

func (e *shardEdit[V]) set(k string, v V) { e.shard(k)[k] = v }

func (e *shardEdit[V]) del(k string) {
	if _, ok := e.m[shardOf(k)][k]; ok {
		delete(e.shard(k), k)
	}
}

// reserve makes room for about n keys in a map that is being built from nothing, so that a
// whole vault's names are not rehashed shard by shard as they arrive.
func (e *shardEdit[V]) reserve(n int) {
	for i := range e.m {
		if e.owned&(1<<i) != 0 && e.m[i] == nil {
			e.m[i] = make(map[string]V, n/shardCount+1)
		}
	}
}
