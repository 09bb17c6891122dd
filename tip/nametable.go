package tip

import "math/bits"

// A nameTable is a read-only map from strings to countries, for the
// lookups every place name makes ([LookupCountry], [SplitPlaces]): an
// open-addressed table probed linearly from a hash read a word at a time.
// A Go map hashes, probes and compares in general code that costs several
// times that for keys as short as names.
type nameTable struct {
	slots  []nameSlot // a power of two long, at most half full
	shift  uint       // 64 minus log2 of len(slots): a hash's top bits index the table
	maxLen int        // the longest key: a longer string is told at once
}

type nameSlot struct {
	key string
	c   Country // 0 for an empty slot
}

// newNameTable returns a table holding m, whose values are not 0.
func newNameTable(m map[string]Country) nameTable {
	n, shift := 2, uint(63)
	for n < 2*len(m) {
		n, shift = 2*n, shift-1
	}
	t := nameTable{slots: make([]nameSlot, n), shift: shift}
	mask := uint64(n - 1)
	for k, c := range m {
		i := nameHash(k) >> shift
		for t.slots[i].c != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = nameSlot{k, c}
		t.maxLen = max(t.maxLen, len(k))
	}
	return t
}

// get returns the country s maps to, as m[string(s)] would.
func get[S string | []byte](t *nameTable, s S) (Country, bool) {
	if len(s) > t.maxLen {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := nameHash(s) >> t.shift; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.c == 0 {
			return 0, false
		}
		if sl.key == string(s) {
			return sl.c, true
		}
	}
}

// nameHash hashes s eight bytes at a time, and what is left in loads that
// may overlap the bytes before. The table's keys are fixed,
// so it need not resist chosen inputs: a lookup costs at most the longest
// run of full slots, whatever it is given.
func nameHash[S string | []byte](s S) uint64 {
	const m = 0x9e3779b97f4a7c15
	n := len(s)
	h := uint64(n)
	for i := 0; i+8 < n; i += 8 {
		h = bits.RotateLeft64((h^load8(s[i:i+8]))*m, 29)
	}
	// The length is in h: the loads below may read a byte twice.
	var w uint64
	switch {
	case n >= 8:
		w = load8(s[n-8:])
	case n >= 4:
		w = load4(s[:4]) | load4(s[n-4:])<<32
	case n > 0:
		w = uint64(s[0]) | uint64(s[n>>1])<<8 | uint64(s[n-1])<<16
	}
	return (h ^ w) * m
}

// load8 returns the first eight bytes of b as a little-endian word, with
// one bounds check for the eight loads, which the compiler makes one.
func load8[S string | []byte](b S) uint64 {
	b = b[:8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// load4 is load8 for four bytes.
func load4[S string | []byte](b S) uint64 {
	b = b[:4]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24
}
