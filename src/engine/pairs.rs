//! The pair index of a trie: which (first, second) character pairs start a
//! key, and the node each such pair leads to.
//!
//! Most positions of a text start no key longer than one character, and
//! finding that out is the hot path of a stage. A blocked Bloom filter
//! small enough to stay in the L1 cache rejects most pairs with one load;
//! an exact hash table then gives the pair's node directly, instead of a
//! binary search among the first character's children (hundreds, for the
//! common characters of STPhrases), which was a third of s2t's time.

use std::borrow::Cow;

/// log2 of the largest number of 64-bit words in the Bloom filter (32 KB,
/// for STPhrases' 33,000 pairs).
const BLOOM_WORD_BITS: u32 = 12;
/// The largest number of 64-bit words in the Bloom filter.
pub(crate) const MAX_BLOOM_WORDS: usize = 1 << BLOOM_WORD_BITS;
/// Filter bits per pair, below the largest size.
const BLOOM_BITS_PER_PAIR: usize = 8;
/// Position of the node in a slot; below it, the key: `c1 | c2 << 21`.
const NODE_SHIFT: u32 = 42;
/// Nodes at or past this index do not fit a slot; a trie that has them
/// gets no table (see [`Pairs::node`]).
const MAX_NODE: u32 = 1 << (64 - NODE_SHIFT);
const KEY_MASK: u64 = (1 << NODE_SHIFT) - 1;

/// The answer of [`Pairs::node`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pair {
    /// No key starts with the pair.
    None,
    /// The node of the pair's two-character prefix.
    Node(u32),
    /// The filter passed but the trie has no table: search the children.
    Search,
}

/// The pair filter and table; see the module documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pairs {
    /// A power of two of words, at most [`MAX_BLOOM_WORDS`]; borrowed from
    /// the binary for the built-in tries, as are the slots.
    bloom: Cow<'static, [u64]>,
    /// Open addressing with linear probing: `c1 | c2 << 21 | node << 42`,
    /// 0 when empty (node 0 is the root, never a pair's node). Empty when
    /// some node does not fit.
    slots: Cow<'static, [u64]>,
    /// `64 - log2(slots.len())`.
    shift: u32,
}

impl Pairs {
    /// The index of `pairs`: (first character, second character, node of
    /// the two-character prefix).
    pub(crate) fn new(pairs: &[(u32, u32, u32)]) -> Pairs {
        let words = (pairs.len() * BLOOM_BITS_PER_PAIR / 64).next_power_of_two().min(MAX_BLOOM_WORDS);
        let mut bloom = vec![0u64; words];
        for &(c1, c2, _) in pairs {
            let (word, bits) = bloom_bits(hash(c1, c2), words);
            if let Some(w) = bloom.get_mut(word) {
                *w |= bits;
            }
        }
        let fits = pairs.iter().all(|&(c1, c2, n)| c1 < 1 << 21 && c2 < 1 << 21 && n > 0 && n < MAX_NODE);
        if !fits {
            return Pairs { bloom: Cow::Owned(bloom), slots: Cow::Owned(Vec::new()), shift: 64 };
        }
        // At most three quarters full.
        let size = (pairs.len() + pairs.len() / 3 + 1).next_power_of_two().max(16);
        let shift = 64 - size.trailing_zeros();
        let mut slots = vec![0u64; size];
        for &(c1, c2, n) in pairs {
            let key = u64::from(c1) | u64::from(c2) << 21;
            let mut i = slot_index(hash(c1, c2), shift);
            while let Some(slot) = slots.get_mut(i) {
                if *slot == 0 || *slot & KEY_MASK == key {
                    *slot = key | u64::from(n) << NODE_SHIFT;
                    break;
                }
                i = (i + 1) & (size - 1);
            }
        }
        Pairs { bloom: Cow::Owned(bloom), slots: Cow::Owned(slots), shift }
    }

    /// The index of these arrays (see [`Pairs::bloom`], [`Pairs::slots`]),
    /// or `None` when their sizes are wrong. Their contents are not
    /// checked: a damaged table gives wrong matches, never a panic or an
    /// endless probe.
    pub(crate) fn from_parts(bloom: Cow<'static, [u64]>, slots: Cow<'static, [u64]>) -> Option<Pairs> {
        let bloom_ok = bloom.len().is_power_of_two() && bloom.len() <= MAX_BLOOM_WORDS;
        if !bloom_ok || !(slots.is_empty() || slots.len().is_power_of_two()) {
            return None;
        }
        let shift = if slots.is_empty() { 64 } else { 64 - slots.len().trailing_zeros() };
        Some(Pairs { bloom, slots, shift })
    }

    /// The Bloom filter's words.
    pub(crate) fn bloom(&self) -> &[u64] {
        &self.bloom
    }

    /// The table's slots (empty when the trie has nodes past a slot's
    /// width).
    pub(crate) fn slots(&self) -> &[u64] {
        &self.slots
    }

    /// The same filter without the table: every pair it passes needs a
    /// search, as in a trie whose nodes do not fit a slot. (Used by tests.)
    #[cfg(test)]
    pub(crate) fn without_table(&self) -> Pairs {
        Pairs { bloom: self.bloom.clone(), slots: Cow::Owned(Vec::new()), shift: 64 }
    }

    /// Whether both arrays are borrowed. (Used by tests.)
    #[cfg(test)]
    pub(crate) fn is_borrowed(&self) -> bool {
        matches!((&self.bloom, &self.slots), (Cow::Borrowed(_), Cow::Borrowed(_)))
    }

    /// Whether some key may start with `c1` followed by `c2` (the filter
    /// alone: false positives, never false negatives).
    #[inline(always)]
    pub(crate) fn may_contain(&self, c1: u32, c2: u32) -> bool {
        let (word, bits) = bloom_bits(hash(c1, c2), self.bloom.len());
        self.bloom.get(word).is_some_and(|w| w & bits == bits)
    }

    /// The node that the key prefix `c1 c2` leads to.
    #[inline(always)]
    pub(crate) fn node(&self, c1: u32, c2: u32) -> Pair {
        let h = hash(c1, c2);
        let (word, bits) = bloom_bits(h, self.bloom.len());
        if self.bloom.get(word).is_none_or(|w| w & bits != bits) {
            return Pair::None;
        }
        self.probe(h, u64::from(c1) | u64::from(c2) << 21)
    }

    /// Looks `key` (of hash `h`) up in the table.
    #[inline]
    fn probe(&self, h: u64, key: u64) -> Pair {
        if self.slots.is_empty() {
            return Pair::Search;
        }
        let mask = self.slots.len() - 1;
        let mut i = slot_index(h, self.shift);
        // Bounded by the table's size (never full), so even a damaged
        // table ends.
        for _ in 0..self.slots.len() {
            let slot = self.slots.get(i).copied().unwrap_or(0);
            if slot == 0 {
                return Pair::None;
            }
            if slot & KEY_MASK == key {
                return Pair::Node((slot >> NODE_SHIFT) as u32);
            }
            i = (i + 1) & mask;
        }
        Pair::None
    }
}

#[inline(always)]
fn hash(c1: u32, c2: u32) -> u64 {
    (u64::from(c1) << 32 | u64::from(c2)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Three bits in one of `words` words (with two, zuozhuan s2t walked the
/// trie 13 % more often).
#[inline(always)]
fn bloom_bits(h: u64, words: usize) -> (usize, u64) {
    let word = (h >> (64 - BLOOM_WORD_BITS)) as usize & words.wrapping_sub(1);
    let bits = (1u64 << ((h >> 20) & 63)) | (1u64 << ((h >> 26) & 63)) | (1u64 << ((h >> 32) & 63));
    (word, bits)
}

/// The table slot for hash `h`: bits the filter's word index does not use.
#[inline(always)]
fn slot_index(h: u64, shift: u32) -> usize {
    (h.rotate_left(BLOOM_WORD_BITS).wrapping_mul(0xD6E8_FEB8_6659_FD93) >> shift) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_finds_every_pair_and_only_those() {
        let pairs: Vec<(u32, u32, u32)> =
            (0..5000u32).map(|i| (0x4E00 + i % 97, 0x4E00 + i / 97 * 13 + i % 7, i + 1)).collect();
        let mut unique = std::collections::HashMap::new();
        for &(c1, c2, n) in &pairs {
            unique.insert((c1, c2), n);
        }
        let index = Pairs::new(&pairs);
        for (&(c1, c2), &n) in &unique {
            assert_eq!(index.node(c1, c2), Pair::Node(n));
            assert!(index.may_contain(c1, c2));
        }
        for c1 in 0x4E00..0x4E80 {
            for c2 in 0x6000..0x6040 {
                assert_eq!(index.node(c1, c2), Pair::None, "{c1:x} {c2:x}");
            }
        }
    }

    #[test]
    fn nodes_past_the_slot_width_fall_back_to_searching() {
        let index = Pairs::new(&[(0x4E00, 0x4E01, MAX_NODE)]);
        assert_eq!(index.node(0x4E00, 0x4E01), Pair::Search);
        assert_eq!(index.node(0x4E00, 0x4E02), Pair::None);
        let astral = Pairs::new(&[(0x2_0000, 0x10_FFFF, 7)]);
        assert_eq!(astral.node(0x2_0000, 0x10_FFFF), Pair::Node(7));
    }

    #[test]
    fn an_empty_index_rejects_everything() {
        let index = Pairs::new(&[]);
        assert_eq!(index.node(0x4E00, 0x4E01), Pair::None);
        assert!(!index.may_contain(0, 0));
    }
}
