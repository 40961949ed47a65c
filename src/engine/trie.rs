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

use std::collections::{BTreeMap, HashMap};

use super::utf8::decode;
use crate::dict::{DictSpec, MatchPolicy, TextDict};
use crate::error::Result;

const BMP: usize = 0x1_0000;

#[derive(Debug, Clone, Copy, Default)]
struct Node {
    edge_start: u32,
    edge_len: u32,
    /// Byte length of the resolved match on this node's path; 0 = none.
    key_len: u32,
    value_start: u32,
    value_len: u32,
}

/// A compiled dictionary (or group of dictionaries).
#[derive(Debug, Clone)]
pub(crate) struct Trie {
    /// Node index for each BMP character; 0 = no key starts with it.
    root_bmp: Box<[u32]>,
    root_astral: HashMap<u32, u32>,
    nodes: Vec<Node>,
    edge_chars: Vec<u32>,
    edge_nodes: Vec<u32>,
    values: String,
    /// Longest key in characters.
    max_key_chars: usize,
}

/// A match: how many input bytes it covers and the replacement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match<'t> {
    pub(crate) len: usize,
    pub(crate) value: &'t str,
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
            Resolver::Group(MatchPolicy::ShortCircuit, children) => {
                children.iter().find_map(|c| c.resolve(state))
            }
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
}

impl Trie {
    /// Compiles `spec`, loading file dictionaries with `load`.
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
                let mut node = 0;
                let mut chars = 0;
                for c in key.chars() {
                    chars += 1;
                    let next = build.len();
                    let child = *build.get_mut(node).map_or(&mut 0, |n| n.children.entry(u32::from(c)).or_insert(next));
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

        // Lay the nodes out in depth-first order with resolved matches.
        let mut trie = Trie {
            root_bmp: vec![0u32; BMP].into_boxed_slice(),
            root_astral: HashMap::new(),
            nodes: vec![Node::default()],
            edge_chars: Vec::new(),
            edge_nodes: Vec::new(),
            values: String::new(),
            max_key_chars,
        };
        let mut value_at: HashMap<u32, (u32, u32)> = HashMap::new();
        let mut state: Vec<Option<(u32, u32)>> = vec![None; leaves.len()];
        // Explicit stack: (build node, compact index, depth in bytes, saved state).
        let roots: Vec<(u32, usize)> = build.first().map(|r| r.children.iter().map(|(&c, &n)| (c, n)).collect()).unwrap_or_default();
        for (c, child) in roots {
            let index = trie.emit(&build, child, 0, &mut state, &resolver, &value_texts, &mut value_at, c);
            if let Some(slot) = usize::try_from(c).ok().and_then(|c| trie.root_bmp.get_mut(c)) {
                *slot = index;
            } else {
                trie.root_astral.insert(c, index);
            }
        }
        Ok(trie)
    }

    /// Emits the subtree of build node `b` (reached by char `c` at byte
    /// depth `depth`) and returns its compact index.
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &mut self,
        build: &[BuildNode],
        b: usize,
        depth: u32,
        state: &mut Vec<Option<(u32, u32)>>,
        resolver: &Resolver,
        value_texts: &[&str],
        value_at: &mut HashMap<u32, (u32, u32)>,
        c: u32,
    ) -> u32 {
        let depth = depth + char::from_u32(c).map_or(1, |c| c.len_utf8() as u32);
        let Some(bn) = build.get(b) else { return 0 };
        let saved: Vec<(usize, Option<(u32, u32)>)> =
            bn.ends.iter().map(|&(leaf, _)| (leaf, state.get(leaf).copied().flatten())).collect();
        for &(leaf, value) in &bn.ends {
            if let Some(s) = state.get_mut(leaf) {
                *s = Some((depth, value));
            }
        }
        let index = self.nodes.len() as u32;
        self.nodes.push(Node::default());
        if let Some((key_len, value)) = resolver.resolve(state) {
            let (start, len) = *value_at.entry(value).or_insert_with(|| {
                let text = value_texts.get(value as usize).copied().unwrap_or("");
                let start = self.values.len() as u32;
                self.values.push_str(text);
                (start, text.len() as u32)
            });
            if let Some(node) = self.nodes.get_mut(index as usize) {
                node.key_len = key_len;
                node.value_start = start;
                node.value_len = len;
            }
        }
        // Children are laid out contiguously after their edges are known.
        let children: Vec<(u32, usize)> = bn.children.iter().map(|(&c, &n)| (c, n)).collect();
        let mut child_indices = Vec::with_capacity(children.len());
        for &(cc, child) in &children {
            child_indices.push((cc, self.emit(build, child, depth, state, resolver, value_texts, value_at, cc)));
        }
        let edge_start = self.edge_chars.len() as u32;
        for (cc, ci) in child_indices {
            self.edge_chars.push(cc);
            self.edge_nodes.push(ci);
        }
        if let Some(node) = self.nodes.get_mut(index as usize) {
            node.edge_start = edge_start;
            node.edge_len = children.len() as u32;
        }
        for (leaf, old) in saved {
            if let Some(s) = state.get_mut(leaf) {
                *s = old;
            }
        }
        index
    }

    /// The node a key starting with `c` begins at, or 0.
    #[inline(always)]
    pub(crate) fn root(&self, c: u32) -> u32 {
        match self.root_bmp.get(c as usize) {
            Some(&n) => n,
            None => self.root_astral.get(&c).copied().unwrap_or(0),
        }
    }

    #[inline(always)]
    fn node(&self, n: u32) -> Node {
        self.nodes.get(n as usize).copied().unwrap_or_default()
    }

    #[inline]
    fn child(&self, node: Node, c: u32) -> u32 {
        let start = node.edge_start as usize;
        let end = start + node.edge_len as usize;
        let Some(chars) = self.edge_chars.get(start..end) else { return 0 };
        match chars.binary_search(&c) {
            Ok(i) => self.edge_nodes.get(start + i).copied().unwrap_or(0),
            Err(_) => 0,
        }
    }

    /// Whether node `n` has a resolved match of its own path and no longer
    /// keys below it: the match at such a node needs no lookahead.
    #[inline(always)]
    pub(crate) fn is_final(&self, n: u32) -> bool {
        let node = self.node(n);
        node.edge_len == 0
    }

    /// The resolved match of node `n` (0 bytes = none).
    #[inline(always)]
    pub(crate) fn node_match(&self, n: u32) -> Option<Match<'_>> {
        let node = self.node(n);
        if node.key_len == 0 {
            return None;
        }
        let start = node.value_start as usize;
        let value = self.values.get(start..start + node.value_len as usize).unwrap_or("");
        Some(Match { len: node.key_len as usize, value })
    }

    /// The match at byte `pos` of `bytes` (valid UTF-8), if any.
    #[inline]
    pub(crate) fn match_at(&self, bytes: &[u8], pos: usize) -> Option<Match<'_>> {
        let (c, len) = decode(bytes, pos);
        let n = self.root(c);
        if n == 0 {
            return None;
        }
        self.walk(bytes, pos + len, n)
    }

    /// Continues a match whose first character led to node `n`, with the
    /// next character at `pos`.
    #[inline]
    pub(crate) fn walk(&self, bytes: &[u8], mut pos: usize, mut n: u32) -> Option<Match<'_>> {
        let mut node = self.node(n);
        while node.edge_len > 0 && pos < bytes.len() {
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

    /// The longest key in characters.
    pub(crate) fn max_key_chars(&self) -> usize {
        self.max_key_chars
    }

    /// Every first character of a key.
    pub(crate) fn first_chars(&self) -> impl Iterator<Item = u32> + '_ {
        self.root_bmp
            .iter()
            .enumerate()
            .filter(|(_, &n)| n != 0)
            .map(|(c, _)| c as u32)
            .chain(self.root_astral.keys().copied())
    }

    /// Calls `f` with every key character (anywhere in a key).
    pub(crate) fn all_key_chars(&self) -> impl Iterator<Item = u32> + '_ {
        self.first_chars().chain(self.edge_chars.iter().copied())
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
