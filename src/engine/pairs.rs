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

/// A blocked Bloom filter over character pairs: false positives, never
/// false negatives. A power of two of 64-bit words, at most
/// [`MAX_BLOOM_WORDS`]; borrowed from the binary for the built-in tries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PairFilter {
    words: Cow<'static, [u64]>,
}

impl PairFilter {
    /// The filter of `pairs`, with `bits_per_pair` bits a pair below the
    /// largest size.
    pub(crate) fn new(pairs: impl ExactSizeIterator<Item = (u32, u32)>, bits_per_pair: usize) -> PairFilter {
        let len = (pairs.len() * bits_per_pair / 64).next_power_of_two().min(MAX_BLOOM_WORDS);
        let mut words = vec![0u64; len];
        for (c1, c2) in pairs {
            let key = PairKey::new(c1, c2);
            let word = (key.h >> (64 - BLOOM_WORD_BITS)) as usize & len.wrapping_sub(1);
            if let Some(w) = words.get_mut(word) {
                *w |= key.bits;
            }
        }
        PairFilter { words: Cow::Owned(words) }
    }

    /// The filter of these words, or `None` when their number is wrong.
    pub(crate) fn from_words(words: Cow<'static, [u64]>) -> Option<PairFilter> {
        (words.len().is_power_of_two() && words.len() <= MAX_BLOOM_WORDS).then_some(PairFilter { words })
    }

    /// The filter's words.
    pub(crate) fn words(&self) -> &[u64] {
        &self.words
    }

    /// Whether the words are borrowed. (Used by tests.)
    #[cfg(test)]
    pub(crate) fn is_borrowed(&self) -> bool {
        matches!(self.words, Cow::Borrowed(_))
    }

    /// Whether the pair may be in the filter.
    #[inline(always)]
    pub(crate) fn may_contain(&self, c1: u32, c2: u32) -> bool {
        self.passes(hash(c1, c2))
    }

    #[inline(always)]
    fn passes(&self, h: u64) -> bool {
        self.may_contain_key(PairKey::of_hash(h))
    }

    /// Whether the pair of `key` may be in the filter.
    #[inline(always)]
    pub(crate) fn may_contain_key(&self, key: PairKey) -> bool {
        self.view().may_contain_key(key)
    }

    /// The words as a plain slice, for a loop that reads the filter at
    /// every character.
    #[inline(always)]
    pub(crate) fn view(&self) -> FilterView<'_> {
        FilterView { words: &self.words, mask: self.words.len().wrapping_sub(1) }
    }
}

/// A [`PairFilter`]'s words, borrowed: a loop holds the slice and the
/// index mask in registers instead of reading them through the filter
/// (and its `Cow`) at every character.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FilterView<'a> {
    words: &'a [u64],
    mask: usize,
}

impl FilterView<'_> {
    /// Whether the pair of `key` may be in the filter.
    #[inline(always)]
    pub(crate) fn may_contain_key(self, key: PairKey) -> bool {
        let word = (key.h >> (64 - BLOOM_WORD_BITS)) as usize & self.mask;
        self.words.get(word).is_some_and(|w| w & key.bits == key.bits)
    }
}

/// A pair hashed for the filters: two filters of the same pair share it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PairKey {
    h: u64,
    bits: u64,
}

impl PairKey {
    /// The key of `c1` followed by `c2`.
    #[inline(always)]
    pub(crate) fn new(c1: u32, c2: u32) -> PairKey {
        PairKey::of_hash(hash(c1, c2))
    }

    /// Three bits of one word of a filter (with two, zuozhuan s2t walked
    /// the trie 13 % more often), as one of [`BIT_MASKS`]: one load
    /// instead of three shifts (the merged walk of tw2sp ran 8 fewer
    /// instructions a character).
    #[inline(always)]
    fn of_hash(h: u64) -> PairKey {
        let bits = BIT_MASKS.get((h >> 20) as usize & (BIT_MASKS.len() - 1)).copied().unwrap_or(u64::MAX);
        PairKey { h, bits }
    }
}

/// The masks of [`PairKey::of_hash`]: each has three bits set, drawn by
/// `SplitMix64` from a fixed seed (a filter built with other masks is
/// another format: see the compiled tries' version).
static BIT_MASKS: [u64; 1024] = bit_masks();

const fn bit_masks() -> [u64; 1024] {
    let mut masks = [0u64; 1024];
    let mut state: u64 = 0x243F_6A88_85A3_08D3;
    let mut i = 0;
    while i < masks.len() {
        let mut mask = 0u64;
        while mask.count_ones() < 3 {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            mask |= 1 << (z >> 58);
        }
        #[allow(clippy::indexing_slicing)] // `i < masks.len()`; a const fn has no `get_mut`
        {
            masks[i] = mask;
        }
        i += 1;
    }
    masks
}

/// The pair filter and table; see the module documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pairs {
    filter: PairFilter,
    /// Open addressing with linear probing: `c1 | c2 << 21 | node << 42`,
    /// 0 when empty (node 0 is the root, never a pair's node). Empty when
    /// some node does not fit. Borrowed from the binary for the built-in
    /// tries.
    slots: Cow<'static, [u64]>,
    /// `64 - log2(slots.len())`.
    shift: u32,
}

impl Pairs {
    /// The index of `pairs`: (first character, second character, node of
    /// the two-character prefix).
    pub(crate) fn new(pairs: &[(u32, u32, u32)]) -> Pairs {
        let filter = PairFilter::new(pairs.iter().map(|&(c1, c2, _)| (c1, c2)), BLOOM_BITS_PER_PAIR);
        let fits = pairs.iter().all(|&(c1, c2, n)| c1 < 1 << 21 && c2 < 1 << 21 && n > 0 && n < MAX_NODE);
        if !fits {
            return Pairs { filter, slots: Cow::Owned(Vec::new()), shift: 64 };
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
        Pairs { filter, slots: Cow::Owned(slots), shift }
    }

    /// The index of this filter and these slots (see [`Pairs::slots`]), or
    /// `None` when the number of slots is wrong. Their contents are not
    /// checked: a damaged table gives wrong matches, never a panic or an
    /// endless probe.
    pub(crate) fn from_parts(filter: PairFilter, slots: Cow<'static, [u64]>) -> Option<Pairs> {
        if !(slots.is_empty() || slots.len().is_power_of_two()) {
            return None;
        }
        let shift = if slots.is_empty() { 64 } else { 64 - slots.len().trailing_zeros() };
        Some(Pairs { filter, slots, shift })
    }

    /// The filter.
    pub(crate) fn filter(&self) -> &PairFilter {
        &self.filter
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
        Pairs { filter: self.filter.clone(), slots: Cow::Owned(Vec::new()), shift: 64 }
    }

    /// Whether both arrays are borrowed. (Used by tests.)
    #[cfg(test)]
    pub(crate) fn is_borrowed(&self) -> bool {
        self.filter.is_borrowed() && matches!(self.slots, Cow::Borrowed(_))
    }

    /// Whether some key may start with `c1` followed by `c2` (the filter
    /// alone: false positives, never false negatives).
    #[inline(always)]
    pub(crate) fn may_contain(&self, c1: u32, c2: u32) -> bool {
        self.filter.may_contain(c1, c2)
    }

    /// The node that the key prefix `c1 c2` leads to.
    #[inline(always)]
    pub(crate) fn node(&self, c1: u32, c2: u32) -> Pair {
        let h = hash(c1, c2);
        if !self.filter.passes(h) {
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

/// The table slot for hash `h`: bits the filter's word index does not use.
#[inline(always)]
fn slot_index(h: u64, shift: u32) -> usize {
    (h.rotate_left(BLOOM_WORD_BITS).wrapping_mul(0xD6E8_FEB8_6659_FD93) >> shift) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_masks_have_three_bits_and_differ() {
        assert!(BIT_MASKS.iter().all(|m| m.count_ones() == 3));
        let distinct: std::collections::HashSet<u64> = BIT_MASKS.iter().copied().collect();
        assert!(distinct.len() > 1000, "{} distinct masks", distinct.len());
    }

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
