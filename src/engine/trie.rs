//! A dictionary group compiled into one character trie whose nodes carry
//! the resolved match.
//!
//! OpenCC matches a group of dictionaries recursively: a leaf dictionary
//! yields its longest key that prefixes the text; a `short_circuit` group
//! takes the first child with any match; a `union` group takes the longest
//! match among its children (earlier child on ties). All candidates for a
//! position are keys along one path of a trie built from every leaf, so the
//! result depends only on the deepest node the text reaches. We resolve the
//! group policy for every node once, at build time; matching is then a
//! plain walk to the deepest reachable node.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use super::pairs::{FilterView, Pair, PairFilter, Pairs};
use super::utf8::{decode, is_ids_operator};
use crate::dict::{DictSpec, MatchPolicy, TextDict};
use crate::error::Result;

#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// Index of the first child; children are contiguous (breadth-first
    /// layout) and sorted by character.
    first_child: u32,
    value_start: u32,
    children: u32,
    /// Byte length of the resolved match on this node's path; 0 = none.
    key_len: u16,
    value_len: u16,
}

/// A node as stored: `first_child`, `value_start`, `children`, and
/// `key_len | value_len << 16`. A plain array, so that the compiled tries
/// embedded in the binary can be borrowed as a slice of them.
type PackedNode = [u32; 4];

impl Node {
    #[inline(always)]
    fn unpack(p: PackedNode) -> Node {
        let [first_child, value_start, children, lens] = p;
        Node { first_child, value_start, children, key_len: lens as u16, value_len: (lens >> 16) as u16 }
    }

    fn pack(self) -> PackedNode {
        [self.first_child, self.value_start, self.children, u32::from(self.key_len) | u32::from(self.value_len) << 16]
    }
}

/// A compiled dictionary (or group of dictionaries).
///
/// Nodes are laid out breadth first, so the first-level nodes are dense
/// and each node's children are contiguous and sorted; the pair index
/// (see [`Pairs`]) rejects most two-character walks before they touch the
/// nodes and takes the others straight to their second level.
#[derive(Debug, Clone)]
pub(crate) struct Trie {
    /// Node index for each character; 0 = no key starts with it.
    roots: RootTable,
    /// Borrowed from the binary for the built-in tries, owned otherwise.
    nodes: Cow<'static, [PackedNode]>,
    /// The character on the edge into each node.
    node_char: Cow<'static, [u32]>,
    pairs: Pairs,
    /// The pairs that start a path whose match the character-by-character
    /// reading does not give (see [`Trie::changing_pairs`]).
    changing: PairFilter,
    /// How many pairs that filter holds.
    changing_count: u32,
    /// How many pairs start a key (the pair index's entries).
    pair_count: u32,
    /// Every character that occurs in a key.
    key_chars: CharSet,
    values: Cow<'static, str>,
    /// Values from this byte offset on belong to unchecked entries (see
    /// [`Match::unchecked`]); [`NO_UNCHECKED`] when there are none. (An
    /// empty checked value sits at 0, so never at this offset.)
    unchecked_from: u32,
    /// Longest key in characters.
    max_key_chars: usize,
}

const INDEX_LEN: usize = 0x2000;

/// A map from characters to `u32` in two levels: 256-character blocks,
/// with every empty block shared. Small enough to stay in cache for the
/// few blocks real text touches.
#[derive(Debug, Clone)]
pub(crate) struct RootTable {
    /// Block number for each `c >> 8`; block 0 is all zeros. Sized so that
    /// `(c >> 8) & (INDEX_LEN - 1)` needs no bounds check.
    index: Box<[u16; INDEX_LEN]>,
    blocks: Vec<u32>,
}

impl RootTable {
    pub(crate) fn new(entries: impl IntoIterator<Item = (u32, u32)>) -> RootTable {
        // Blocks numbered first, so that the array is allocated once.
        let entries: Vec<(u32, u32)> = entries.into_iter().collect();
        let mut index = Box::new([0u16; INDEX_LEN]);
        let mut n_blocks = 1u16;
        for &(c, _) in &entries {
            if let Some(slot) = index.get_mut((c >> 8) as usize).filter(|slot| **slot == 0) {
                *slot = n_blocks;
                n_blocks = n_blocks.saturating_add(1);
            }
        }
        let mut table = RootTable { index, blocks: vec![0; usize::from(n_blocks) * 256] };
        for (c, v) in entries {
            table.set(c, v);
        }
        table
    }

    /// The characters with a non-zero value.
    pub(crate) fn key_set(&self) -> CharSet {
        let mut set = CharSet { bmp: vec![0; BMP_WORDS], astral: Vec::new() };
        for (hi, &b) in self.index.iter().enumerate().filter(|(_, &b)| b != 0) {
            let start = usize::from(b) * 256;
            let Some(block) = self.blocks.get(start..start + 256) else { continue };
            for (w, chunk) in block.chunks_exact(64).enumerate() {
                let mask = chunk.iter().enumerate().fold(0u64, |m, (i, &v)| m | u64::from(v != 0) << i);
                match set.bmp.get_mut(hi * 4 + w) {
                    Some(word) => *word |= mask,
                    None => set.astral.extend(CharSet::bits(mask, (hi * 4 + w) as u32)),
                }
            }
        }
        set
    }

    pub(crate) fn set(&mut self, c: u32, v: u32) {
        let hi = (c >> 8) as usize;
        let Some(&block) = self.index.get(hi) else { return };
        let block = if block == 0 {
            let new = self.blocks.len() / 256;
            let Ok(new16) = u16::try_from(new) else { return };
            self.blocks.resize(self.blocks.len() + 256, 0);
            if let Some(slot) = self.index.get_mut(hi) {
                *slot = new16;
            }
            new
        } else {
            usize::from(block)
        };
        if let Some(slot) = self.blocks.get_mut(block * 256 + (c & 255) as usize) {
            *slot = v;
        }
    }

    #[inline(always)]
    pub(crate) fn get(&self, c: u32) -> u32 {
        // Characters are at most U+10FFFF, so the mask never aliases.
        let block = self.index.get(((c >> 8) as usize) & (INDEX_LEN - 1)).copied().unwrap_or(0);
        self.blocks.get(usize::from(block) * 256 + (c & 255) as usize).copied().unwrap_or(0)
    }

    /// Every (character, value) with a non-zero value.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.index.iter().enumerate().filter(|(_, &b)| b != 0).flat_map(move |(hi, &b)| {
            let block = self.blocks.get(usize::from(b) * 256..usize::from(b) * 256 + 256).unwrap_or(&[]);
            block.iter().enumerate().filter(|(_, &v)| v != 0).map(move |(lo, &v)| (((hi as u32) << 8) | lo as u32, v))
        })
    }
}

/// A set of characters: a bitset over the BMP plus a sorted list of the
/// rest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CharSet {
    bmp: Vec<u64>,
    astral: Vec<u32>,
}

impl CharSet {
    pub(crate) fn from_chars(chars: impl IntoIterator<Item = u32>) -> CharSet {
        let mut set = CharSet { bmp: vec![0; BMP_WORDS], astral: Vec::new() };
        for c in chars {
            match set.bmp.get_mut((c >> 6) as usize) {
                Some(w) => *w |= 1 << (c & 63),
                None => set.astral.push(c),
            }
        }
        set.astral.sort_unstable();
        set.astral.dedup();
        set
    }

    /// Adds every character of `other`.
    pub(crate) fn union(&mut self, other: &CharSet) {
        for (w, o) in self.bmp.iter_mut().zip(&other.bmp) {
            *w |= o;
        }
        if self.bmp.len() < other.bmp.len() {
            self.bmp.extend(other.bmp.get(self.bmp.len()..).unwrap_or(&[]));
        }
        if !other.astral.is_empty() {
            self.astral.extend(&other.astral);
            self.astral.sort_unstable();
            self.astral.dedup();
        }
    }

    pub(crate) fn insert(&mut self, c: u32) {
        match self.bmp.get_mut((c >> 6) as usize) {
            Some(w) => *w |= 1 << (c & 63),
            None => {
                if let Err(at) = self.astral.binary_search(&c) {
                    self.astral.insert(at, c);
                }
            }
        }
    }

    pub(crate) fn contains(&self, c: u32) -> bool {
        match self.bmp.get((c >> 6) as usize) {
            Some(w) => w & (1 << (c & 63)) != 0,
            None => self.astral.binary_search(&c).is_ok(),
        }
    }

    /// The BMP bitset, 64 characters a word.
    pub(crate) fn bmp_words(&self) -> &[u64] {
        &self.bmp
    }

    /// The characters in ascending order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let bmp = self.bmp.iter().enumerate().flat_map(|(i, &word)| CharSet::bits(word, i as u32));
        bmp.chain(self.astral.iter().copied())
    }

    /// The characters of bitset word number `i` holding `word`.
    pub(crate) fn bits(mut word: u64, i: u32) -> impl Iterator<Item = u32> {
        std::iter::from_fn(move || {
            (word != 0).then(|| {
                let bit = word.trailing_zeros();
                word &= word - 1;
                i << 6 | bit
            })
        })
    }
}

/// A match: how many input bytes it covers and the replacement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match<'t> {
    pub(crate) len: usize,
    pub(crate) value: &'t str,
    /// The entry is one a checked composition cannot vouch for (see
    /// `pipeline::compose_checked`); always false in other tries.
    pub(crate) unchecked: bool,
}

/// The group structure over leaf indices, used to resolve matches.
enum Resolver {
    Leaf(usize),
    Group(MatchPolicy, Vec<Resolver>),
}

impl Resolver {
    /// `state[leaf]` is the longest match of that leaf on the current path:
    /// (key bytes, value id).
    fn resolve(&self, state: &[Option<(u32, u32)>]) -> Option<(u32, u32)> {
        match self {
            Resolver::Leaf(i) => state.get(*i).copied().flatten(),
            Resolver::Group(MatchPolicy::ShortCircuit, children) => children.iter().find_map(|c| c.resolve(state)),
            Resolver::Group(MatchPolicy::Union, children) => {
                let mut best: Option<(u32, u32)> = None;
                for found in children.iter().filter_map(|c| c.resolve(state)) {
                    if best.is_none_or(|b| found.0 > b.0) {
                        best = Some(found);
                    }
                }
                best
            }
        }
    }
}

#[derive(Default)]
struct BuildNode {
    children: BTreeMap<u32, usize>,
    /// (leaf, value id) for keys ending exactly here.
    ends: Vec<(usize, u32)>,
    /// Resolved match of the path to this node: (key bytes, value id).
    result: Option<(u32, u32)>,
}

impl Trie {
    /// Compiles `spec`, loading file dictionaries with `load`.
    ///
    /// # Errors
    ///
    /// Errors of `load`, and [`crate::ErrorKind::InvalidDictionary`] for a
    /// key or value longer than 65535 bytes.
    pub(crate) fn build(
        spec: &DictSpec,
        load: &mut dyn FnMut(&str) -> Result<std::sync::Arc<TextDict>>,
    ) -> Result<Trie> {
        let mut leaves: Vec<std::sync::Arc<TextDict>> = Vec::new();
        let resolver = collect(spec, load, &mut leaves)?;
        let mut build = vec![BuildNode::default()];
        let mut value_texts: Vec<&str> = Vec::new();
        let mut max_key_chars = 0;
        for (leaf, dict) in leaves.iter().enumerate() {
            for (key, value) in &dict.entries {
                if key.len() > usize::from(u16::MAX) || value.len() > usize::from(u16::MAX) {
                    return Err(crate::Error::invalid_dictionary(key, 0, "key or value longer than 65535 bytes"));
                }
                let mut node = 0;
                let mut chars = 0;
                for c in key.chars() {
                    chars += 1;
                    let next = build.len();
                    let child = match build.get_mut(node) {
                        Some(n) => *n.children.entry(u32::from(c)).or_insert(next),
                        None => 0,
                    };
                    if child == next {
                        build.push(BuildNode::default());
                    }
                    node = child;
                }
                max_key_chars = max_key_chars.max(chars);
                if let Some(n) = build.get_mut(node) {
                    if !n.ends.iter().any(|&(l, _)| l == leaf) {
                        n.ends.push((leaf, value_texts.len() as u32));
                        value_texts.push(value);
                    }
                }
            }
        }
        resolve_all(&mut build, &resolver, leaves.len());

        // Breadth-first layout: node 0 is a sentinel, first-level nodes
        // follow in character order, and every node's children are
        // contiguous.
        let mut trie = Trie {
            roots: RootTable::new([]),
            nodes: Cow::Owned(vec![Node::default().pack()]),
            node_char: Cow::Owned(vec![0]),
            pairs: Pairs::new(&[]),
            changing: PairFilter::new(std::iter::empty(), CHANGING_BITS_PER_PAIR),
            changing_count: 0,
            pair_count: 0,
            key_chars: CharSet::default(),
            values: Cow::Owned(String::new()),
            unchecked_from: NO_UNCHECKED,
            max_key_chars,
        };
        let mut value_at: HashMap<u32, (u32, u16)> = HashMap::new();
        let mut queue: std::collections::VecDeque<(usize, u32)> = std::collections::VecDeque::new();
        let mut order: Vec<usize> = Vec::new();
        if let Some(root) = build.first() {
            queue.extend(root.children.iter().map(|(&c, &b)| (b, c)));
        }
        // First pass: assign indices in BFS order.
        let mut index_of: Vec<u32> = vec![0; build.len()];
        let mut next_index = 1u32;
        while let Some((b, c)) = queue.pop_front() {
            if let Some(slot) = index_of.get_mut(b) {
                *slot = next_index;
            }
            next_index += 1;
            order.push(b);
            trie.node_char.to_mut().push(c);
            if let Some(bn) = build.get(b) {
                queue.extend(bn.children.iter().map(|(&c, &b)| (b, c)));
            }
        }
        for &b in &order {
            let Some(bn) = build.get(b) else { continue };
            let mut node = Node {
                children: bn.children.len() as u32,
                first_child: bn.children.values().next().and_then(|&f| index_of.get(f)).copied().unwrap_or(0),
                ..Node::default()
            };
            if let Some((key_len, value)) = bn.result {
                let (start, len) = *value_at.entry(value).or_insert_with(|| {
                    let text = value_texts.get(value as usize).copied().unwrap_or("");
                    let start = trie.values.len() as u32;
                    trie.values.to_mut().push_str(text);
                    (start, text.len() as u16)
                });
                node.key_len = key_len as u16;
                node.value_start = start;
                node.value_len = len;
            }
            trie.nodes.to_mut().push(node.pack());
        }
        if let Some(root) = build.first() {
            for (&c, &b) in &root.children {
                trie.roots.set(c, index_of.get(b).copied().unwrap_or(0));
            }
        }
        let pairs = trie.first_pairs();
        trie.pairs = Pairs::new(&pairs);
        trie.pair_count = pairs.len() as u32;
        (trie.changing, trie.changing_count) = trie.changing_filter();
        trie.key_chars = CharSet::from_chars(trie.node_char.iter().skip(1).copied());
        Ok(trie)
    }

    /// The node a key starting with `c` begins at, or 0.
    #[inline(always)]
    pub(crate) fn root(&self, c: u32) -> u32 {
        self.roots.get(c)
    }

    /// The first-character table.
    pub(crate) fn roots(&self) -> &RootTable {
        &self.roots
    }

    #[inline(always)]
    fn node(&self, n: u32) -> Node {
        self.nodes.get(n as usize).map_or_else(Node::default, |&p| Node::unpack(p))
    }

    #[inline(always)]
    fn value(&self, node: Node) -> &str {
        let start = node.value_start as usize;
        self.values.get(start..start + usize::from(node.value_len)).unwrap_or("")
    }

    #[inline]
    fn child(&self, node: Node, c: u32) -> u32 {
        let start = node.first_child as usize;
        let Some(chars) = self.node_char.get(start..start + node.children as usize) else { return 0 };
        match chars.binary_search(&c) {
            Ok(i) => (start + i) as u32,
            Err(_) => 0,
        }
    }

    /// Whether some key starts with `c1` followed by `c2` (with false
    /// positives, never false negatives).
    #[inline(always)]
    pub(crate) fn may_continue(&self, c1: u32, c2: u32) -> bool {
        self.pairs.may_contain(c1, c2)
    }

    /// The filter of the pairs that may start a match the
    /// character-by-character reading does not give (with false
    /// positives, never false negatives; see [`Trie::changing_pairs`]).
    #[inline(always)]
    pub(crate) fn changing(&self) -> FilterView<'_> {
        self.changing.view()
    }

    /// Where the key prefix `c1 c2` leads (see [`Trie::walk_pair`]).
    #[inline(always)]
    pub(crate) fn pair(&self, c1: u32, c2: u32) -> Pair {
        self.pairs.node(c1, c2)
    }

    /// For a first-level node `n` (of character `c`) whose own match is `c`
    /// alone converting to one character, that character.
    pub(crate) fn own_single_char_value(&self, n: u32, c: u32) -> Option<u32> {
        let node = self.node(n);
        if char::from_u32(c).map(char::len_utf8) != Some(usize::from(node.key_len)) {
            return None;
        }
        let mut chars = self.value(node).chars();
        match (chars.next(), chars.next()) {
            (Some(v), None) => Some(u32::from(v)),
            _ => None,
        }
    }

    /// Whether node `n` has no children and its match is its own single
    /// character.
    pub(crate) fn is_single_char_key(&self, n: u32) -> bool {
        let node = self.node(n);
        let c = self.node_char.get(n as usize).copied().and_then(char::from_u32);
        node.children == 0 && node.key_len > 0 && c.map(char::len_utf8) == Some(usize::from(node.key_len))
    }

    /// Whether longer keys continue from node `n`.
    pub(crate) fn has_children(&self, n: u32) -> bool {
        self.node(n).children > 0
    }

    #[inline(always)]
    fn node_match_of(&self, node: Node) -> Match<'_> {
        Match {
            len: usize::from(node.key_len),
            value: self.value(node),
            unchecked: node.value_start >= self.unchecked_from,
        }
    }

    /// The resolved match of node `n`, if its path has one.
    #[inline(always)]
    pub(crate) fn node_match(&self, n: u32) -> Option<Match<'_>> {
        let node = self.node(n);
        if node.key_len == 0 {
            return None;
        }
        Some(self.node_match_of(node))
    }

    /// The match of a key starting with `c1` (whose node is `n`) when the
    /// next character is `c2` at byte `pos` (`c2` is ignored at the end of
    /// input). The hot path of every stage: most first characters have no
    /// longer key continuing with `c2`, which the pair filter tells without
    /// touching the children.
    #[inline(always)]
    pub(crate) fn match_from(&self, bytes: &[u8], pos: usize, c1: u32, c2: u32, n: u32) -> Option<Match<'_>> {
        // The pair first: most pairs start no key, and the index is smaller
        // than the nodes (a node that has no children has no pairs either).
        let pair = if pos >= bytes.len() { Pair::None } else { self.pairs.node(c1, c2) };
        if pair == Pair::None {
            return self.node_match(n);
        }
        self.walk_pair(bytes, pos, n, pair)
    }

    /// The match of a key starting with the character of first-level node
    /// `n` whose next character, at `pos`, makes the pair looked up as
    /// `pair`.
    #[inline(never)]
    pub(crate) fn walk_pair(&self, bytes: &[u8], pos: usize, n: u32, pair: Pair) -> Option<Match<'_>> {
        match pair {
            Pair::Node(n2) => self.walk_deep(bytes, pos + decode(bytes, pos).1, n2),
            Pair::Search => self.walk_deep(bytes, pos, n),
            Pair::None => self.node_match(n),
        }
    }

    /// Walks from node `n` with the next character at `pos` and returns the
    /// match of the deepest node reached.
    #[inline(always)]
    pub(crate) fn walk_deep(&self, bytes: &[u8], mut pos: usize, mut n: u32) -> Option<Match<'_>> {
        let mut node = self.node(n);
        while node.children > 0 && pos < bytes.len() {
            let (c, len) = decode(bytes, pos);
            let next = self.child(node, c);
            if next == 0 {
                break;
            }
            n = next;
            node = self.node(n);
            pos += len;
        }
        self.node_match(n)
    }

    /// Whether `f` holds for some match along the text from node `n` (of
    /// a key's first character), with the next character at `pos`: the
    /// resolved match of each node the walk passes, shortest first (the
    /// same match again while no longer key ends). These are the matches a
    /// walk cut short anywhere may take.
    pub(crate) fn any_along(
        &self,
        bytes: &[u8],
        mut pos: usize,
        mut n: u32,
        f: &mut dyn FnMut(Match<'_>) -> bool,
    ) -> bool {
        let mut node = self.node(n);
        loop {
            if node.key_len > 0 && f(self.node_match_of(node)) {
                return true;
            }
            if node.children == 0 || pos >= bytes.len() {
                return false;
            }
            let (c, len) = decode(bytes, pos);
            n = self.child(node, c);
            if n == 0 {
                return false;
            }
            node = self.node(n);
            pos += len;
        }
    }

    /// The match at byte `pos` of `bytes` (valid UTF-8), if any.
    #[inline]
    pub(crate) fn match_at(&self, bytes: &[u8], pos: usize) -> Option<Match<'_>> {
        let (c, len) = decode(bytes, pos);
        let n = self.root(c);
        if n == 0 {
            return None;
        }
        self.walk(bytes, pos + len, c, n)
    }

    /// Continues a match whose first character `c1` led to node `n`, with
    /// the next character at `pos`.
    #[inline]
    pub(crate) fn walk(&self, bytes: &[u8], pos: usize, c1: u32, n: u32) -> Option<Match<'_>> {
        let (c2, _) = decode(bytes, pos);
        self.match_from(bytes, pos, c1, c2, n)
    }

    /// Every two-character key prefix with its node: (first character,
    /// second character, node), the contents of the pair index.
    fn first_pairs(&self) -> Vec<(u32, u32, u32)> {
        let mut pairs = Vec::new();
        for (c, n) in self.roots.entries() {
            let node = self.node(n);
            for child in node.first_child..node.first_child.saturating_add(node.children) {
                let c2 = self.node_char.get(child as usize).copied().unwrap_or(0);
                pairs.push((c, c2, child));
            }
        }
        pairs
    }

    /// What a stage makes of `c` when no key longer than `c` matches
    /// there: one character (itself when no key is `c` alone), or `None`
    /// when that is not one character (a longer value, an unchecked
    /// match, an IDS operator).
    pub(crate) fn alone(&self, c: u32) -> Option<u32> {
        if is_ids_operator(c) {
            return None;
        }
        let n = self.root(c);
        match self.node_match(n) {
            None => Some(c),
            Some(m) if m.unchecked => None,
            Some(_) => self.own_single_char_value(n, c).filter(|&m| m != 0),
        }
    }

    /// Every (first, second) character pair that starts a path whose match
    /// differs from the character-by-character reading: its value is not
    /// the [`Trie::alone`] values of its key's characters in turn, or it is
    /// unchecked.
    ///
    /// Elsewhere the longest match gives what converting each character
    /// alone gives (80 % of STPhrases' keys are such), so a stage may write
    /// characters alone until a pair of this filter, and only then find
    /// where the longest matches really fall (see [`super::stage::Stage::run_bytes`]).
    fn changing_pairs(&self, alone: &dyn Fn(u32) -> Option<u32>) -> Vec<(u32, u32)> {
        let alone = |key: &str| -> Option<String> {
            key.chars().map(|c| alone(u32::from(c)).and_then(char::from_u32)).collect()
        };
        let mut pairs = Vec::new();
        let mut path = String::new();
        for (c1, n1) in self.roots.entries() {
            let first = self.node(n1);
            for n2 in first.first_child..first.first_child.saturating_add(first.children) {
                let c2 = self.node_char.get(n2 as usize).copied().unwrap_or(0);
                // Depth first below the pair, with the path to each node.
                let mut stack: Vec<(u32, usize)> = vec![(n2, 0)];
                path.clear();
                path.extend([c1, c2].iter().filter_map(|&c| char::from_u32(c)));
                let base = path.len();
                let mut changes = false;
                while let Some((n, depth)) = stack.pop() {
                    path.truncate(base + depth);
                    if n != n2 {
                        path.push(self.node_char.get(n as usize).copied().and_then(char::from_u32).unwrap_or('\0'));
                    }
                    let node = self.node(n);
                    if let Some(key) = path.get(..usize::from(node.key_len)).filter(|_| node.key_len > 0) {
                        let m = self.node_match_of(node);
                        if m.unchecked || alone(key).as_deref() != Some(m.value) {
                            changes = true;
                            break;
                        }
                    }
                    let depth = path.len() - base;
                    stack.extend(
                        (node.first_child..node.first_child.saturating_add(node.children)).map(|child| (child, depth)),
                    );
                }
                if changes {
                    pairs.push((c1, c2));
                }
            }
        }
        pairs
    }

    fn changing_filter(&self) -> (PairFilter, u32) {
        let pairs = self.own_changing_pairs();
        let count = pairs.len() as u32;
        (PairFilter::new(pairs.into_iter(), CHANGING_BITS_PER_PAIR), count)
    }

    /// The same trie with the filter of changing pairs taken against
    /// `alone` instead of [`Trie::alone`]: what each character comes to
    /// where it is read alone (for a segmentation trie, the character as a
    /// one-character word or between words).
    /// The filter also holds `more` pairs (another trie's that the same
    /// loop must not miss).
    pub(crate) fn with_changing_by(&self, alone: &dyn Fn(u32) -> Option<u32>, more: &[(u32, u32)]) -> Trie {
        let mut pairs = self.changing_pairs(alone);
        pairs.extend_from_slice(more);
        pairs.sort_unstable();
        pairs.dedup();
        let changing_count = pairs.len() as u32;
        let changing = PairFilter::new(pairs.into_iter(), CHANGING_BITS_PER_PAIR);
        Trie { changing, changing_count, ..self.clone() }
    }

    /// The pairs of [`Trie::changing_pairs`] against [`Trie::alone`].
    pub(crate) fn own_changing_pairs(&self) -> Vec<(u32, u32)> {
        self.changing_pairs(&|c| self.alone(c))
    }

    /// Whether the one-character key `c` matches alone.
    pub(crate) fn is_word(&self, c: u32) -> bool {
        let n = self.root(c);
        n != 0 && char::from_u32(c).map(char::len_utf8) == Some(usize::from(self.node(n).key_len))
    }

    /// Whether few of the pairs that start a key start a match that
    /// differs from the characters alone (see [`Trie::changing_pairs`]):
    /// fewer than half of them.
    pub(crate) fn changes_rarely(&self) -> bool {
        self.changing_count * 2 < self.pair_count
    }

    /// The longest key in characters.
    pub(crate) fn max_key_chars(&self) -> usize {
        self.max_key_chars
    }

    /// Every first character of a key.
    pub(crate) fn first_chars(&self) -> impl Iterator<Item = u32> + '_ {
        self.roots.entries().map(|(c, _)| c)
    }

    /// Every character that occurs in a key.
    pub(crate) fn key_chars(&self) -> &CharSet {
        &self.key_chars
    }
}

/// Resolves the group policy for every node, depth first, tracking each
/// leaf's longest match along the path.
fn resolve_all(build: &mut [BuildNode], resolver: &Resolver, leaves: usize) {
    /// A leaf's longest match on the current path: (key bytes, value id).
    type LeafMatch = Option<(u32, u32)>;
    /// A node to enter or leave: (node, depth in bytes, leaf states to
    /// restore on leaving, entering?).
    type Frame = (usize, u32, Vec<(usize, LeafMatch)>, bool);
    let mut state: Vec<LeafMatch> = vec![None; leaves];
    let mut stack: Vec<Frame> = vec![(0, 0, Vec::new(), true)];
    while let Some((b, depth, saved, entering)) = stack.pop() {
        if !entering {
            for (leaf, old) in saved {
                if let Some(s) = state.get_mut(leaf) {
                    *s = old;
                }
            }
            continue;
        }
        let Some(bn) = build.get(b) else { continue };
        let mut saved = Vec::with_capacity(bn.ends.len());
        for &(leaf, value) in &bn.ends {
            if let Some(s) = state.get_mut(leaf) {
                saved.push((leaf, *s));
                *s = Some((depth, value));
            }
        }
        let children: Vec<(u32, usize)> = bn.children.iter().map(|(&c, &n)| (c, n)).collect();
        if let Some(bn) = build.get_mut(b) {
            bn.result = if b == 0 { None } else { resolver.resolve(&state) };
        }
        stack.push((b, depth, saved, false));
        for (c, child) in children {
            let len = char::from_u32(c).map_or(1, char::len_utf8) as u32;
            stack.push((child, depth + len, Vec::new(), true));
        }
    }
}

fn collect(
    spec: &DictSpec,
    load: &mut dyn FnMut(&str) -> Result<std::sync::Arc<TextDict>>,
    leaves: &mut Vec<std::sync::Arc<TextDict>>,
) -> Result<Resolver> {
    match spec {
        DictSpec::File { file } => {
            leaves.push(load(file)?);
            Ok(Resolver::Leaf(leaves.len() - 1))
        }
        DictSpec::Inline { entries } => {
            leaves.push(std::sync::Arc::new(TextDict { entries: entries.clone() }));
            Ok(Resolver::Leaf(leaves.len() - 1))
        }
        DictSpec::Group { policy, children } => {
            let mut resolvers = Vec::with_capacity(children.len());
            for child in children {
                resolvers.push(collect(child, load, leaves)?);
            }
            Ok(Resolver::Group(*policy, resolvers))
        }
    }
}

/// Bits a pair in the filter of [`Trie::changing_pairs`].
const CHANGING_BITS_PER_PAIR: usize = 32;

/// `Trie::unchecked_from` when no entry is unchecked.
const NO_UNCHECKED: u32 = u32::MAX;

/// The serialized form: this magic, a header of twelve `u32` (longest key in
/// characters, nodes, value bytes, first characters, `unchecked_from`,
/// astral key characters, pair-table slots, Bloom filter words, words of
/// the filter of changing pairs, the number of changing pairs, the number
/// of pairs, 0), then the nodes ([`PackedNode`]), the
/// pair index (the Bloom filter's words, the table's slots), the filter of
/// changing pairs, the nodes' characters, the key characters (the BMP
/// bitset as `u64` words, then the astral ones), the first-character table
/// as (character, node) pairs, and the values. All little-endian; the nodes
/// and the filters start at multiples of 8 bytes and every later array
/// before the values at a multiple of 4, so an 8-aligned blob can be
/// borrowed in place.
const MAGIC: &[u8; 8] = b"ZHTRIE\x06\x00";
const HEADER_LEN: usize = 56;
/// Words of the BMP bitset of [`CharSet`].
const BMP_WORDS: usize = 0x1_0000 / 64;

impl Trie {
    /// Every key whose node resolves to that key itself, with its value.
    ///
    /// A single dictionary of these entries matches exactly like this trie:
    /// the match at the deepest node a text reaches is the longest such key
    /// on its path, whatever the group policies (a group's resolved key at a
    /// node is never shorter than a self-resolved key above it).
    pub(crate) fn resolved_entries(&self) -> Vec<(String, String)> {
        let mut entries = Vec::new();
        let mut path = String::new();
        let mut stack: Vec<(u32, usize)> = self.roots.entries().map(|(_, n)| (n, 0)).collect();
        while let Some((n, depth)) = stack.pop() {
            path.truncate(depth);
            path.push(self.node_char.get(n as usize).copied().and_then(char::from_u32).unwrap_or('\0'));
            let node = self.node(n);
            if usize::from(node.key_len) == path.len() {
                entries.push((path.clone(), self.value(node).to_owned()));
            }
            let depth = path.len();
            stack.extend((node.first_child..node.first_child + node.children).map(|child| (child, depth)));
        }
        entries
    }

    /// When every key is one character that converts to one character:
    /// those pairs.
    pub(crate) fn char_map(&self) -> Option<Vec<(u32, u32)>> {
        let mut pairs = Vec::new();
        for (c, n) in self.roots.entries() {
            let node = self.node(n);
            let mut value = self.value(node).chars();
            let one_char = char::from_u32(c).map(char::len_utf8) == Some(usize::from(node.key_len));
            match (value.next(), value.next()) {
                (Some(v), None) if node.children == 0 && one_char => pairs.push((c, u32::from(v))),
                _ => return None,
            }
        }
        Some(pairs)
    }

    /// Whether an IDS operator occurs in a key or a value (such a trie's
    /// output is not converted character by character by a later stage).
    pub(crate) fn mentions_ids_operators(&self) -> bool {
        (0x2FF0..=0x2FFF).any(|c| self.key_chars.contains(c))
            || self.values.chars().any(|c| super::utf8::is_ids_operator(u32::from(c)))
    }

    /// The same trie (same keys, same resolved match at every node) with
    /// each match's value replaced by `f` of the matched key.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidDictionary`] for a value longer than
    /// 65535 bytes.
    pub(crate) fn map_values(&self, f: &mut dyn FnMut(&str) -> String) -> Result<Trie> {
        self.rebuild_values(&mut |key, _| (f(key), false))
    }

    /// Whether some match is [`Match::unchecked`].
    pub(crate) fn has_unchecked(&self) -> bool {
        self.unchecked_from != NO_UNCHECKED
    }

    /// The same trie with the matches of the keys where `unchecked` holds
    /// marked [`Match::unchecked`].
    pub(crate) fn mark_unchecked(&self, unchecked: &dyn Fn(&str) -> bool) -> Result<Trie> {
        self.rebuild_values(&mut |key, value| (value.to_owned(), unchecked(key)))
    }

    /// Rebuilds the values: `f(key, value)` gives each match's new value
    /// and whether it is unchecked (those values are stored after the
    /// others).
    fn rebuild_values(&self, f: &mut dyn FnMut(&str, &str) -> (String, bool)) -> Result<Trie> {
        // Depth first with the path to each node: (node, path length).
        let mut path = String::new();
        let mut stack: Vec<(u32, usize)> = self.roots.entries().map(|(_, n)| (n, 0)).collect();
        let mut by_key: HashMap<String, (String, bool)> = HashMap::new();
        let mut node_key: Vec<(u32, String)> = Vec::new();
        while let Some((n, depth)) = stack.pop() {
            path.truncate(depth);
            path.push(self.node_char.get(n as usize).copied().and_then(char::from_u32).unwrap_or('\0'));
            let node = self.node(n);
            let key_len = usize::from(node.key_len);
            if let Some(key) = path.get(..key_len).filter(|_| key_len > 0) {
                if !by_key.contains_key(key) {
                    by_key.insert(key.to_owned(), f(key, self.value(node)));
                }
                node_key.push((n, key.to_owned()));
            }
            let depth = path.len();
            stack.extend((node.first_child..node.first_child + node.children).map(|child| (child, depth)));
        }
        // Checked values first, then unchecked ones, each stored once.
        let mut out = Trie { values: Cow::Owned(String::new()), ..self.clone() };
        let mut slots: HashMap<(&str, bool), (u32, u16)> = HashMap::new();
        out.unchecked_from = NO_UNCHECKED;
        for pass in [false, true] {
            if pass && by_key.values().any(|&(_, unchecked)| unchecked) {
                out.unchecked_from = out.values.len() as u32;
            }
            // In walk order, so that the layout is deterministic.
            for (key, (value, unchecked)) in node_key.iter().filter_map(|(_, k)| Some((k, by_key.get(k)?))) {
                if *unchecked != pass || slots.contains_key(&(value.as_str(), pass)) {
                    continue;
                }
                if value.is_empty() && !pass {
                    // Empty checked values at 0: never at `unchecked_from`.
                    slots.insert((value.as_str(), pass), (0, 0));
                    continue;
                }
                let len = u16::try_from(value.len())
                    .map_err(|_| crate::Error::invalid_dictionary(key, 0, "converted value longer than 65535 bytes"))?;
                slots.insert((value.as_str(), pass), (out.values.len() as u32, len));
                out.values.to_mut().push_str(value);
            }
        }
        for (n, key) in node_key {
            let slot = by_key.get(&key).and_then(|(value, unchecked)| slots.get(&(value.as_str(), *unchecked)));
            if let (Some(&slot), Some(target)) = (slot, out.nodes.to_mut().get_mut(n as usize)) {
                let mut node = Node::unpack(*target);
                (node.value_start, node.value_len) = slot;
                *target = node.pack();
            }
        }
        (out.changing, out.changing_count) = out.changing_filter();
        Ok(out)
    }

    /// Serializes the trie; [`Trie::from_bytes`] and [`Trie::from_static`]
    /// read it back. (Used by `build.rs` and tests.)
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let roots: Vec<(u32, u32)> = self.roots.entries().collect();
        let astral = &self.key_chars.astral;
        let (bloom, slots, changing) = (self.pairs.filter().words(), self.pairs.slots(), self.changing.words());
        let mut out = Vec::with_capacity(
            HEADER_LEN
                + self.nodes.len() * 20
                + (bloom.len() + slots.len() + changing.len() + BMP_WORDS) * 8
                + astral.len() * 4
                + roots.len() * 8
                + self.values.len(),
        );
        out.extend_from_slice(MAGIC);
        let header = [
            self.max_key_chars,
            self.nodes.len(),
            self.values.len(),
            roots.len(),
            self.unchecked_from as usize,
            astral.len(),
            slots.len(),
            bloom.len(),
            changing.len(),
            self.changing_count as usize,
            self.pair_count as usize,
            0,
        ];
        for n in header {
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
        for word in self.nodes.iter().flatten() {
            out.extend_from_slice(&word.to_le_bytes());
        }
        for word in bloom.iter().chain(slots).chain(changing) {
            out.extend_from_slice(&word.to_le_bytes());
        }
        for word in self.node_char.iter() {
            out.extend_from_slice(&word.to_le_bytes());
        }
        for word in &self.key_chars.bmp {
            out.extend_from_slice(&word.to_le_bytes());
        }
        for c in astral.iter().chain(roots.iter().flat_map(|(c, n)| [c, n])) {
            out.extend_from_slice(&c.to_le_bytes());
        }
        out.extend_from_slice(self.values.as_bytes());
        out
    }

    /// Reads a serialized trie into owned arrays, checking every invariant
    /// matching relies on: sizes, UTF-8 values on character boundaries,
    /// children after their parent and sorted, valid characters, consistent
    /// first-character table and key-character set. A corrupt input is an
    /// error, never a panic or a wrong match structure. (Used by tests.)
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Trie> {
        let s = Sections::parse(bytes)?;
        let nodes = s.nodes.chunks_exact(16).map(packed_node).collect();
        let node_char = s.node_char.chunks_exact(4).map(le32).collect();
        let bloom = s.bloom.chunks_exact(8).map(le64).collect();
        let slots = s.slots.chunks_exact(8).map(le64).collect();
        let pairs = PairFilter::from_words(Cow::Owned(bloom))
            .and_then(|filter| Pairs::from_parts(filter, Cow::Owned(slots)))
            .ok_or_else(|| bad_blob("pair index"))?;
        let changing = PairFilter::from_words(Cow::Owned(s.changing.chunks_exact(8).map(le64).collect()))
            .ok_or_else(|| bad_blob("changing pairs"))?;
        let values = simdutf8::basic::from_utf8(s.values).map_err(|_| bad_blob("values are not UTF-8"))?;
        let trie =
            s.assemble(Cow::Owned(nodes), Cow::Owned(node_char), (pairs, changing), Cow::Owned(values.to_owned()))?;
        trie.check()?;
        Ok(trie)
    }

    /// Reads a trie compiled into the binary by `build.rs`, borrowing its
    /// nodes, characters and values (copying them only on a big-endian
    /// target or a misaligned blob).
    ///
    /// Checks the framing (magic, sizes, UTF-8 values, the first-character
    /// table) but not the node invariants [`Trie::from_bytes`] checks: those
    /// would touch every node of every trie a configuration uses, which was
    /// half its first-use time, for data the same build produced from
    /// hash-checked dictionaries. The tests check every built-in trie in
    /// full and compare it with a fresh build; and every access to the
    /// arrays is bounds-checked, so even a damaged binary yields wrong
    /// conversions, not panics.
    pub(crate) fn from_static(bytes: &'static [u8]) -> Result<Trie> {
        let s = Sections::parse(bytes)?;
        let nodes = borrow_or_decode(s.nodes, packed_node);
        let node_char = borrow_or_decode(s.node_char, le32);
        let pairs = PairFilter::from_words(borrow_or_decode(s.bloom, le64))
            .and_then(|filter| Pairs::from_parts(filter, borrow_or_decode(s.slots, le64)))
            .ok_or_else(|| bad_blob("pair index"))?;
        let changing =
            PairFilter::from_words(borrow_or_decode(s.changing, le64)).ok_or_else(|| bad_blob("changing pairs"))?;
        let values = simdutf8::basic::from_utf8(s.values).map_err(|_| bad_blob("values are not UTF-8"))?;
        s.assemble(nodes, node_char, (pairs, changing), Cow::Borrowed(values))
    }

    /// Whether the arrays are borrowed from a blob. (Used by tests.)
    #[cfg(test)]
    pub(crate) fn is_borrowed(&self) -> bool {
        matches!((&self.nodes, &self.node_char, &self.values), (Cow::Borrowed(_), Cow::Borrowed(_), Cow::Borrowed(_)))
            && self.pairs.is_borrowed()
            && self.changing.is_borrowed()
    }

    /// The node invariants: valid characters, values in range and on
    /// character boundaries, children after their parent, in range and
    /// sorted, the key-character set that of the node characters, and the
    /// pair index that of the first two levels. (Not the filter of changing
    /// pairs: a flattened segmentation trie's is taken against its
    /// pipeline's stages; the tests compare every built-in trie with a
    /// fresh build instead.)
    #[cfg_attr(not(test), allow(dead_code))]
    fn check(&self) -> Result<()> {
        let n_nodes = self.nodes.len();
        for (i, &packed) in self.nodes.iter().enumerate() {
            let node = Node::unpack(packed);
            if i > 0 && char::from_u32(self.node_char.get(i).copied().unwrap_or(u32::MAX)).is_none() {
                return Err(bad_blob("invalid character"));
            }
            let start = node.value_start as usize;
            if self.values.get(start..start + usize::from(node.value_len)).is_none() {
                return Err(bad_blob("value out of range"));
            }
            if node.children > 0 {
                let first = node.first_child as usize;
                let end = first.checked_add(node.children as usize).filter(|&e| e <= n_nodes);
                let Some(end) = end.filter(|_| first > i) else {
                    return Err(bad_blob("children out of order"));
                };
                if self.node_char.get(first..end).is_none_or(|cs| cs.windows(2).any(|w| w.first() >= w.get(1))) {
                    return Err(bad_blob("children not sorted"));
                }
            }
        }
        if CharSet::from_chars(self.node_char.iter().skip(1).copied()) != self.key_chars {
            return Err(bad_blob("inconsistent key characters"));
        }
        let pairs = self.first_pairs();
        if Pairs::new(&pairs) != self.pairs || pairs.len() != self.pair_count as usize {
            return Err(bad_blob("inconsistent pair index"));
        }
        Ok(())
    }
}

fn bad_blob(reason: &str) -> crate::Error {
    crate::Error::invalid_dictionary("<compiled dictionary>", 0, reason)
}

fn le32(b: &[u8]) -> u32 {
    b.get(..4).and_then(|s| s.try_into().ok()).map_or(0, u32::from_le_bytes)
}

fn le64(b: &[u8]) -> u64 {
    b.get(..8).and_then(|s| s.try_into().ok()).map_or(0, u64::from_le_bytes)
}

fn packed_node(b: &[u8]) -> PackedNode {
    let word = |i: usize| b.get(i..).map_or(0, le32);
    [word(0), word(4), word(8), word(12)]
}

/// `bytes` as a slice of `T` where the target's layout allows (little
/// endian, aligned), decoded into a vector otherwise.
fn borrow_or_decode<T: bytemuck::Pod>(bytes: &'static [u8], decode: fn(&[u8]) -> T) -> Cow<'static, [T]> {
    match bytemuck::try_cast_slice(bytes) {
        Ok(words) if cfg!(target_endian = "little") => Cow::Borrowed(words),
        _ => Cow::Owned(bytes.chunks_exact(std::mem::size_of::<T>()).map(decode).collect()),
    }
}

/// The parts of a serialized trie (see [`MAGIC`]).
struct Sections<'a> {
    max_key_chars: usize,
    unchecked_from: u32,
    changing_count: u32,
    pair_count: u32,
    nodes: &'a [u8],
    bloom: &'a [u8],
    slots: &'a [u8],
    changing: &'a [u8],
    node_char: &'a [u8],
    bmp: &'a [u8],
    astral: &'a [u8],
    roots: &'a [u8],
    values: &'a [u8],
}

impl<'a> Sections<'a> {
    fn parse(bytes: &'a [u8]) -> Result<Sections<'a>> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8) != Some(&MAGIC[..]) {
            return Err(bad_blob("not a compiled dictionary of this version"));
        }
        let mut header = [0usize; 12];
        for h in &mut header {
            *h = r.u32().ok_or_else(|| bad_blob("truncated header"))? as usize;
        }
        let [max_key_chars, n_nodes, n_values, n_roots, unchecked_from, n_astral, n_slots, n_bloom, n_changing, changing_count, pair_count, _] =
            header;
        let expected = n_nodes
            .checked_mul(20)
            .and_then(|n| n.checked_add(n_values))
            .and_then(|n| n.checked_add(n_slots.checked_add(n_bloom)?.checked_add(n_changing)?.checked_mul(8)?))
            .and_then(|n| n.checked_add(n_roots.checked_mul(8)?))
            .and_then(|n| n.checked_add(n_astral.checked_mul(4)?))
            .and_then(|n| n.checked_add(HEADER_LEN + BMP_WORDS * 8));
        let unchecked_ok = unchecked_from == NO_UNCHECKED as usize || unchecked_from <= n_values;
        if expected != Some(bytes.len()) || n_nodes == 0 || !unchecked_ok {
            return Err(bad_blob("size mismatch"));
        }
        let mut take = |n: usize| r.take(n).ok_or_else(|| bad_blob("truncated"));
        Ok(Sections {
            max_key_chars,
            unchecked_from: unchecked_from as u32,
            changing_count: changing_count as u32,
            pair_count: pair_count as u32,
            nodes: take(n_nodes * 16)?,
            bloom: take(n_bloom * 8)?,
            slots: take(n_slots * 8)?,
            changing: take(n_changing * 8)?,
            node_char: take(n_nodes * 4)?,
            bmp: take(BMP_WORDS * 8)?,
            astral: take(n_astral * 4)?,
            roots: take(n_roots * 8)?,
            values: take(n_values)?,
        })
    }

    /// The trie of these sections with the given arrays, after checking
    /// the first-character table and the key-character set's shape.
    fn assemble(
        &self,
        nodes: Cow<'static, [PackedNode]>,
        node_char: Cow<'static, [u32]>,
        (pairs, changing): (Pairs, PairFilter),
        values: Cow<'static, str>,
    ) -> Result<Trie> {
        let bmp = self.bmp.chunks_exact(8).map(le64).collect();
        let astral: Vec<u32> = self.astral.chunks_exact(4).map(le32).collect();
        if astral.first().is_some_and(|&c| c < 0x1_0000) || astral.windows(2).any(|w| w.first() >= w.get(1)) {
            return Err(bad_blob("invalid key characters"));
        }
        let mut trie = Trie {
            roots: RootTable::new([]),
            nodes,
            node_char,
            pairs,
            changing,
            changing_count: self.changing_count,
            pair_count: self.pair_count,
            key_chars: CharSet { bmp, astral },
            values,
            unchecked_from: self.unchecked_from,
            max_key_chars: self.max_key_chars,
        };
        for pair in self.roots.chunks_exact(8) {
            let (c, n) = (le32(pair), pair.get(4..).map_or(0, le32));
            if n == 0 || trie.node_char.get(n as usize) != Some(&c) || char::from_u32(c).is_none() {
                return Err(bad_blob("inconsistent first-character table"));
            }
            trie.roots.set(c, n);
        }
        Ok(trie)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let slice = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(slice)
    }

    fn u32(&mut self) -> Option<u32> {
        self.take(4).and_then(|b| b.try_into().ok()).map(u32::from_le_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_tables_list_their_keys_and_char_sets_stay_sorted() {
        let table = RootTable::new([(0x4E00, 1), (0x2_0000, 2), (0x41, 0), (0x10_FFFF, 3), (0x4E01, 4)]);
        let keys = table.key_set();
        assert_eq!(keys.iter().collect::<Vec<_>>(), [0x4E00, 0x4E01, 0x2_0000, 0x10_FFFF]);
        let mut set = CharSet::from_chars([0x2_0001, 0x41, 0x2_0000, 0x2_0001]);
        set.insert(0x1_F600);
        set.insert(0x2_0001);
        set.union(&keys);
        assert_eq!(set.iter().collect::<Vec<_>>(), [0x41, 0x4E00, 0x4E01, 0x1_F600, 0x2_0000, 0x2_0001, 0x10_FFFF]);
        assert!(set.contains(0x1_F600) && set.contains(0x10_FFFF) && !set.contains(0x1_F601));
    }

    #[test]
    fn walks_through_the_pair_table_equal_searching_the_children() {
        let words = ["中国", "中国人", "中国人民", "中间", "中", "国人", "人民币", "民", "币值", "值得", "得"];
        let entries = words.iter().enumerate().map(|(i, w)| ((*w).to_owned(), format!("<{i}>"))).collect();
        let spec = DictSpec::Inline { entries };
        let trie = Trie::build(&spec, &mut |f| Err(crate::Error::invalid_config(f, "none"))).expect("builds");
        let searching = Trie { pairs: trie.pairs.without_table(), ..trie.clone() };
        let text = "中国人民币值得中间国人中民中国人中。得值币民人国中";
        let bytes = text.as_bytes();
        let mut matched = 0;
        for (pos, _) in text.char_indices() {
            let m = trie.match_at(bytes, pos);
            assert_eq!(m, searching.match_at(bytes, pos), "at byte {pos}");
            matched += usize::from(m.is_some_and(|m| m.len > 3));
        }
        assert_eq!(matched, 9);
    }
}
