package text

// KeyFilter answers "certainly not in the set" for most keys that are not
// in a set of keys, at the cost of a few byte reads and no hashing of the
// whole key: a map lookup then decides the rest. It never answers no for
// a key of the set (TestKeyFilterHasEveryKey). A zero KeyFilter holds
// nothing.
type KeyFilter struct {
	bits [1 << (keyFilterBits - 6)]uint64
}

const keyFilterBits = 16

// Add puts k in the filter.
func (f *KeyFilter) Add(k string) {
	h := keyFilterHash(k)
	f.bits[h>>6] |= 1 << (h & 63)
}

// MayHave reports whether k may be in the set: false means it is not.
func (f *KeyFilter) MayHave(k string) bool {
	h := keyFilterHash(k)
	return f.bits[h>>6]&(1<<(h&63)) != 0
}

// keyFilterHash is the top keyFilterBits bits of KeyHash.
func keyFilterHash(k string) uint32 { return uint32(KeyHash(k) >> (64 - keyFilterBits)) }

// load64 reads the first eight bytes of s, little-endian (one load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// KeyHash is a cheap 64-bit hash of a key's length and its first and last
// eight bytes (all of a key of up to 16 bytes, which most words are), for
// the analysers' open-addressed indexes of lexicon keys.
func KeyHash(k string) uint64 {
	var a, b uint64
	if n := len(k); n >= 8 {
		a = load64(k)
		b = load64(k[n-8:])
	} else {
		for i := range n {
			a |= uint64(k[i]) << (8 * i)
		}
	}
	return (a*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F ^ uint64(len(k))) * 0x94D049BB133111EB
}
