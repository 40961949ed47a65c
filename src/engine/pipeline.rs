//! OpenCC's conversion pipeline over compiled tries.
//!
//! A configuration converts text in three steps, exactly as OpenCC 1.4.2:
//!
//! 1. **normalization**: each normalization dictionary converts the whole
//!    text (greedy longest match, no segmentation);
//! 2. **segmentation** (when the configuration has one): maximum matching
//!    with the segmentation dictionary splits the text into matched words
//!    and runs of unmatched characters;
//! 3. **conversion chain**: each segment goes through every stage in turn;
//!    a stage replaces, left to right, the longest match at each position
//!    and copies unmatched characters. Matches never cross a segment.
//!
//! Unmatched ideographic description sequences are copied as one unit at
//! every step.

use std::sync::Arc;

use super::trie::Trie;
use super::utf8::{char_len, decode, ids_len, is_ids_operator};

/// A compiled configuration.
#[derive(Debug)]
pub(crate) struct Pipeline {
    pub(crate) normalization: Vec<Arc<Trie>>,
    pub(crate) segmentation: Option<Arc<Trie>>,
    pub(crate) chain: Vec<Arc<Trie>>,
    /// User phrases that take precedence over everything else.
    pub(crate) overrides: Option<Arc<Trie>>,
    /// Characters that no dictionary of this pipeline mentions: matches
    /// never cross them and they are copied unchanged.
    inert: Inert,
    /// Whether a character is the first of a normalization key.
    normalizes: Vec<bool>,
}

/// A bitset over the BMP of characters that are inert; astral characters
/// are never treated as inert.
#[derive(Debug)]
struct Inert(Vec<u64>);

impl Inert {
    fn contains(&self, c: u32) -> bool {
        self.0.get((c >> 6) as usize).is_some_and(|w| w & (1 << (c & 63)) != 0)
    }
}

impl Pipeline {
    pub(crate) fn new(
        normalization: Vec<Arc<Trie>>,
        segmentation: Option<Arc<Trie>>,
        chain: Vec<Arc<Trie>>,
        overrides: Option<Arc<Trie>>,
    ) -> Pipeline {
        let mut bits = vec![u64::MAX; 0x1_0000 / 64];
        let mut normalizes = vec![false; 0x1_0000];
        let mut clear = |c: u32| {
            if let Some(w) = bits.get_mut((c >> 6) as usize) {
                *w &= !(1 << (c & 63));
            }
        };
        let tries = normalization.iter().chain(segmentation.iter()).chain(chain.iter());
        for trie in tries.chain(overrides.iter()) {
            trie.all_key_chars().for_each(&mut clear);
        }
        for c in 0x2FF0..=0x2FFF {
            clear(c);
        }
        for trie in &normalization {
            for c in trie.first_chars() {
                if let Some(slot) = normalizes.get_mut(c as usize) {
                    *slot = true;
                }
            }
        }
        Pipeline { normalization, segmentation, chain, overrides, inert: Inert(bits), normalizes }
    }

    /// Whether matches may never cross `c` and `c` is copied unchanged.
    pub(crate) fn is_inert(&self, c: u32) -> bool {
        self.inert.contains(c)
    }

    /// Converts `input`, appending to `out`.
    pub(crate) fn convert_into(&self, input: &str, out: &mut String) {
        match &self.overrides {
            None => self.convert_normalized(input, out),
            Some(overrides) => {
                // Override phrases are hard segments: their replacement is
                // final, the text between them converts as usual.
                let bytes = input.as_bytes();
                let (mut pos, mut start) = (0, 0);
                while pos < bytes.len() {
                    match overrides.match_at(bytes, pos) {
                        Some(m) => {
                            self.convert_normalized(input.get(start..pos).unwrap_or(""), out);
                            out.push_str(m.value);
                            pos += m.len;
                            start = pos;
                        }
                        None => pos += bytes.get(pos).map_or(1, |&b| char_len(b)),
                    }
                }
                self.convert_normalized(input.get(start..).unwrap_or(""), out);
            }
        }
    }

    fn needs_normalization(&self, input: &str) -> bool {
        !self.normalization.is_empty()
            && input.chars().any(|c| {
                let c = u32::from(c);
                c >= 0x2000 && (c > 0xFFFF || self.normalizes.get(c as usize).copied().unwrap_or(false))
            })
    }

    fn convert_normalized(&self, input: &str, out: &mut String) {
        if input.is_empty() {
            return;
        }
        if self.needs_normalization(input) {
            let mut text = input.to_owned();
            let mut next = String::with_capacity(text.len());
            for trie in &self.normalization {
                next.clear();
                convert_stage(trie, &text, &mut next);
                std::mem::swap(&mut text, &mut next);
            }
            self.convert_main(&text, out);
        } else {
            self.convert_main(input, out);
        }
    }

    fn convert_main(&self, text: &str, out: &mut String) {
        match &self.segmentation {
            None => self.convert_segment(text, out),
            Some(seg) => {
                let bytes = text.as_bytes();
                let (mut pos, mut run) = (0, 0);
                while pos < bytes.len() {
                    match seg.match_at(bytes, pos) {
                        Some(m) => {
                            if run < pos {
                                self.convert_segment(text.get(run..pos).unwrap_or(""), out);
                            }
                            self.convert_segment(text.get(pos..pos + m.len).unwrap_or(""), out);
                            pos += m.len;
                            run = pos;
                        }
                        None => pos += unit_len(bytes, pos),
                    }
                }
                if run < bytes.len() {
                    self.convert_segment(text.get(run..).unwrap_or(""), out);
                }
            }
        }
    }

    /// Runs one segment through the conversion chain.
    fn convert_segment(&self, segment: &str, out: &mut String) {
        match self.chain.as_slice() {
            [] => out.push_str(segment),
            [only] => convert_stage(only, segment, out),
            [first, rest @ ..] => {
                let mut text = String::with_capacity(segment.len() + 8);
                convert_stage(first, segment, &mut text);
                let mut next = String::with_capacity(text.len() + 8);
                for (i, trie) in rest.iter().enumerate() {
                    if i + 1 == rest.len() {
                        convert_stage(trie, &text, out);
                    } else {
                        next.clear();
                        convert_stage(trie, &text, &mut next);
                        std::mem::swap(&mut text, &mut next);
                    }
                }
            }
        }
    }
}

/// The length of the unmatched unit at `pos`: a complete IDS or one char.
#[inline(always)]
fn unit_len(bytes: &[u8], pos: usize) -> usize {
    let b = bytes.get(pos).copied().unwrap_or(0);
    let len = char_len(b);
    // IDS operators are U+2FF0..=U+2FFF: E2 BF B0..=BF.
    if b == 0xE2 && is_ids_operator(decode(bytes, pos).0) {
        let ids = ids_len(bytes, pos);
        if ids > 0 {
            return ids;
        }
    }
    len
}

/// One stage: greedy longest match over `input`, appending to `out`.
pub(crate) fn convert_stage(trie: &Trie, input: &str, out: &mut String) {
    let bytes = input.as_bytes();
    let (mut pos, mut copied) = (0, 0);
    while pos < bytes.len() {
        let b = bytes.get(pos).copied().unwrap_or(0);
        let (c, len) = if b < 0x80 { (u32::from(b), 1) } else { decode(bytes, pos) };
        let n = trie.root(c);
        if n != 0 {
            let m = if trie.is_final(n) { trie.node_match(n) } else { trie.walk(bytes, pos + len, n) };
            if let Some(m) = m {
                out.push_str(input.get(copied..pos).unwrap_or(""));
                out.push_str(m.value);
                pos += m.len;
                copied = pos;
                continue;
            }
        }
        pos += if b == 0xE2 { unit_len(bytes, pos) } else { len };
    }
    out.push_str(input.get(copied..).unwrap_or(""));
}
