//! One conversion stage with its dispatch table: the hot loop.
//!
//! A stage replaces, left to right, the longest dictionary match at each
//! position and copies unmatched characters (an unmatched ideographic
//! description sequence is copied whole). Most characters either have no
//! key at all or convert to exactly one character with no longer key
//! starting with them; the dispatch table answers both cases with one
//! lookup and no further memory access. Everything else (keys with
//! continuations, multi-character values, IDS operators, characters that
//! need normalization first) goes through a `Special` entry.

use std::sync::{Arc, OnceLock};

use super::pairs::{FilterView, Pair, PairKey};
use super::trie::{CharSet, Match, RootTable, Trie};
use super::utf8::{
    char_word_at, decode, decode_word, ids_len, is_ids_operator, open_room, put_at, put_word, scan_back, word_at,
};

/// Entry flag: the rest of the entry indexes `special`.
const SPECIAL: u32 = 0x8000_0000;
/// Entry flag: longer keys start with this character; check the pair
/// filter with the next character before taking the entry's character.
const CONTINUES: u32 = 0x4000_0000;
/// Mask of the output character in a plain entry (0: the input character).
const CHAR: u32 = 0x001F_FFFF;

#[derive(Debug, Clone, Copy)]
enum Special {
    /// A key starts here whose first character alone does not convert to
    /// one character: match through the trie from this node.
    Node { node: u32 },
    /// An IDS operator that starts no key.
    Ids,
    /// A character the normalization step would change: the caller must
    /// normalize first.
    Normalize,
}

/// Why a stage stopped before the end of its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// The caller must run normalization on the text first.
    Normalize,
    /// A checked composed stage matched an entry it cannot vouch for: the
    /// caller must convert with the stages it was composed from (see
    /// `pipeline::compose_checked`).
    Unchecked,
}

/// The byte loop's entry for character `c` with dispatch entry `e`.
fn fast_entry(c: u32, e: u32) -> u32 {
    if e & SPECIAL != 0 {
        return FAST_SLOW;
    }
    let m = e & CHAR;
    let Some(ch) = char::from_u32(if m == 0 { c } else { m }) else { return FAST_SLOW };
    let mut buf = [0; 4];
    let len = ch.encode_utf8(&mut buf).len();
    if len > 3 {
        return FAST_SLOW;
    }
    let continues = if e & CONTINUES != 0 { FAST_CONTINUES } else { 0 };
    u32::from_le_bytes(buf) | (len as u32) << FAST_LEN_SHIFT | continues
}

/// Where a stage writes: a `String`, or a byte loop's `Vec<u8>` (which
/// only ever receives whole characters and is checked before it becomes
/// text).
pub(crate) trait Sink {
    /// Appends `s`.
    fn put_str(&mut self, s: &str);
    /// Appends `c`.
    fn put_char(&mut self, c: char);
    /// Appends the conversion of `text` by a lone `stage`, with `buf` as
    /// scratch: the byte loop, whichever the sink.
    fn put_stage(&mut self, stage: &Stage, text: &str, buf: &mut Vec<u8>) -> Result<(), Stop>;
}

impl Sink for String {
    #[inline(always)]
    fn put_str(&mut self, s: &str) {
        self.push_str(s);
    }
    #[inline(always)]
    fn put_char(&mut self, c: char) {
        self.push(c);
    }
    fn put_stage(&mut self, stage: &Stage, text: &str, buf: &mut Vec<u8>) -> Result<(), Stop> {
        stage.run_via_bytes(text, self, buf)
    }
}

impl Sink for Vec<u8> {
    #[inline(always)]
    fn put_str(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes());
    }
    #[inline(always)]
    fn put_char(&mut self, c: char) {
        let mut buf = [0; 4];
        self.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
    fn put_stage(&mut self, stage: &Stage, text: &str, _: &mut Vec<u8>) -> Result<(), Stop> {
        stage.run_bytes(text, self)
    }
}

/// A stage compiled for the hot loop.
#[derive(Debug, Clone)]
pub(crate) struct Stage {
    trie: Arc<Trie>,
    /// Per character: `SPECIAL | index` into `special`, or the character
    /// it becomes (0: itself), with `CONTINUES` when longer keys start
    /// with it.
    table: RootTable,
    special: Vec<Special>,
    /// The same dispatch in the byte loop's encoding (see [`Stage::run_bytes`]):
    /// 0 to copy the character, `FAST_SLOW` for anything the byte loop
    /// leaves to [`Stage::step`], otherwise the output character's UTF-8
    /// bytes (little-endian in bits 0..24), its length in bytes at
    /// `FAST_LEN_SHIFT`, and `FAST_CONTINUES` as `CONTINUES`.
    ///
    /// Built on first use: the segmentation stage and the stages a
    /// composition replaced never need it, and loading stays cheaper.
    fast: OnceLock<RootTable>,
    /// Whether [`Stage::run_bytes`] writes characters alone until a pair
    /// that may start a differing match (see [`Trie::changing`]).
    lazy: bool,
}

/// Byte-loop entry flag: handled by [`Stage::step`].
pub(crate) const FAST_SLOW: u32 = 0x8000_0000;
/// Byte-loop entry flag: longer keys start with this character.
pub(crate) const FAST_CONTINUES: u32 = 0x4000_0000;
/// Byte-loop entry flag: no key contains this character (the entry holds
/// its own bytes).
pub(crate) const FAST_INERT: u32 = 0x2000_0000;
/// Position of the output length (1 to 3 bytes) in a byte-loop entry.
pub(crate) const FAST_LEN_SHIFT: u32 = 24;

/// Where [`Stage::run_bytes_lazy`] knows a match to start before `pos`
/// (the output is `at` bytes long there), with the output's length there:
/// after the last inert character since `left` (`left_out`), or else at
/// `left`; see [`scan_back`].
fn settled_before(fast: &RootTable, bytes: &[u8], left: (usize, usize), here: (usize, usize)) -> (usize, usize) {
    scan_back(bytes, left, here, |c, len| {
        let f = fast.get(c);
        match f {
            0 => Some(len),
            _ if f & FAST_INERT != 0 => None,
            _ => Some((f >> FAST_LEN_SHIFT & 3) as usize),
        }
    })
}

/// Whether match `m` at `pos` converts otherwise than the byte-loop
/// entries of its characters in `table` (a stage's fast table, or the
/// merged walk's), written one after the other: an entry holds the output
/// character's UTF-8 bytes in bits 0..24 and their length at
/// `FAST_LEN_SHIFT`, or is 0 to copy the character.
pub(crate) fn written_differs(table: &RootTable, bytes: &[u8], pos: usize, m: Match<'_>) -> bool {
    let mut value = m.value.as_bytes();
    let mut at = pos;
    while at < pos + m.len {
        let (ch, ch_len) = decode(bytes, at);
        let entry = table.get(ch);
        let entry_bytes = entry.to_le_bytes();
        let written = if entry == 0 {
            bytes.get(at..at + ch_len)
        } else {
            entry_bytes.get(..(entry >> FAST_LEN_SHIFT & 3) as usize)
        };
        match written.and_then(|w| value.strip_prefix(w)) {
            Some(rest) => value = rest,
            None => return true,
        }
        at += ch_len;
    }
    !value.is_empty()
}

impl Stage {
    /// Builds the dispatch table of `trie` for conversion, or for the
    /// segmentation walk when `segmentation` is set (then every key, even
    /// one that maps a character to itself, is a word boundary). Characters
    /// in `normalize` are marked so that the loops report them.
    pub(crate) fn new(trie: Arc<Trie>, normalize: &[u32], segmentation: bool) -> Stage {
        let mut special = Vec::new();
        let mut entries = Vec::new();
        for (c, n) in trie.roots().entries() {
            let plain = if segmentation { None } else { trie.alone(c).filter(|&m| m <= CHAR) };
            match plain {
                // Converts to one character unless a longer key matches.
                Some(m) => {
                    let continues = if trie.has_children(n) { CONTINUES } else { 0 };
                    let m = if m == c { 0 } else { m };
                    if m | continues != 0 {
                        entries.push((c, m | continues));
                    }
                }
                None if segmentation && trie.is_single_char_key(n) => {
                    // A one-character word: a segment of its own.
                    entries.push((c, c.max(1)));
                }
                None => {
                    entries.push((c, SPECIAL | special.len() as u32));
                    special.push(Special::Node { node: n });
                }
            }
        }
        let mut table = RootTable::new(entries);
        for c in 0x2FF0..=0x2FFF {
            if table.get(c) == 0 {
                table.set(c, SPECIAL | special.len() as u32);
                special.push(Special::Ids);
            }
        }
        for &c in normalize {
            table.set(c, SPECIAL | special.len() as u32);
            special.push(Special::Normalize);
        }
        let lazy = !segmentation && trie.changes_rarely();
        Stage { trie, table, special, fast: OnceLock::new(), lazy }
    }

    /// Converts `input`, appending to `out`. On `Err`, `out` holds a
    /// partial result the caller must discard.
    pub(crate) fn run<S: Sink>(&self, input: &str, out: &mut S) -> Result<(), Stop> {
        let bytes = input.as_bytes();
        let end = bytes.len();
        let mut pos = 0;
        // The character at `pos`, decoded one step ahead.
        let (mut c, mut len) = decode(bytes, 0);
        while pos < end {
            let next = pos + len;
            let (c2, len2) = decode(bytes, next);
            // The plain case of `step`, kept here: this loop is t2s's whole
            // time, and the shared version costs it 5% more instructions.
            let e = self.table.get(c);
            if e & (SPECIAL | CONTINUES) == 0 || e & SPECIAL == 0 && !(next < end && self.trie.may_continue(c, c2)) {
                let m = e & CHAR;
                out.put_char(char::from_u32(if m == 0 { c } else { m }).unwrap_or(char::REPLACEMENT_CHARACTER));
                pos = next;
                (c, len) = (c2, len2);
                continue;
            }
            pos = self.step(input, pos, (c, len), c2, out)?;
            (c, len) = decode(bytes, pos);
        }
        Ok(())
    }

    /// Converts `input` as [`Stage::run`] does, appending UTF-8 to `out`:
    /// the same dispatch, with each character read as one 32-bit word and
    /// written as one, its output bytes coming straight from the entry.
    /// On `Err`, `out` holds a partial result the caller must discard.
    ///
    /// Two loops: for a trie most of whose pairs start only matches that
    /// give what the characters alone give (STPhrases), one that writes
    /// characters alone until a pair of [`Trie::changing`]; otherwise
    /// one that takes each match in turn.
    pub(crate) fn run_bytes(&self, input: &str, out: &mut Vec<u8>) -> Result<(), Stop> {
        if self.lazy {
            self.run_bytes_lazy(input, out)
        } else {
            self.run_bytes_eager(input, out)
        }
    }

    /// [`Stage::run_bytes`] position by position: every position of the
    /// loop is where a match starts.
    #[inline(never)]
    fn run_bytes_eager(&self, input: &str, out: &mut Vec<u8>) -> Result<(), Stop> {
        let fast = self.fast_table();
        let bytes = input.as_bytes();
        let end = bytes.len();
        out.reserve(end + end / 8);
        let mut pos = 0;
        // The character at `pos` and its bytes, read one step ahead; the
        // loop stops where fewer than four bytes follow the next character.
        let (mut w, mut c, mut len) = char_word_at(bytes, 0);
        while let Some(w2) = word_at(bytes, pos + len) {
            let next = pos + len;
            let (c2, len2) = decode_word(w2);
            let f = fast.get(c);
            // A special entry, or a character that longer keys start with
            // and a pair that may start one. (Reading the pair index only
            // for those characters: computing its filter for every
            // character to save a branch costs t2s a third of its
            // throughput.)
            if f & (FAST_SLOW | FAST_CONTINUES) != 0 {
                let pair = if f & FAST_SLOW != 0 { Pair::Search } else { self.trie.pair(c, c2) };
                if pair != Pair::None {
                    pos = if f & FAST_SLOW != 0 {
                        self.step(input, pos, (c, len), c2, out)?
                    } else {
                        self.walk(input, pos, c, len, pair, out)?
                    };
                    (w, c, len) = char_word_at(bytes, pos);
                    continue;
                }
            }
            // The character's own bytes, or its entry's.
            let (bytes_out, n) = if f == 0 { (w, len) } else { (f, (f >> FAST_LEN_SHIFT & 3) as usize) };
            put_word(out, bytes_out, n);
            pos = next;
            (w, c, len) = (w2, c2, len2);
        }
        // The last few characters.
        while pos < end {
            let (c, len) = decode(bytes, pos);
            let (c2, _) = decode(bytes, pos + len);
            pos = self.step(input, pos, (c, len), c2, out)?;
        }
        Ok(())
    }

    /// [`Stage::run_bytes`] writing characters alone until a match that
    /// differs may start.
    #[inline(never)]
    fn run_bytes_lazy(&self, input: &str, out: &mut Vec<u8>) -> Result<(), Stop> {
        let (fast, changing) = (self.fast_table(), self.changing());
        let bytes = input.as_bytes();
        let end = bytes.len();
        out.reserve(end + end / 8);
        let mut pos = 0;
        // The output is written by index into `room` (see `open_room`):
        // `at` is its length.
        let mut at = out.len();
        let mut room = open_room(out, at);
        // Where the last replay left the loop, and the length of the
        // output there: a match starts there, and before it the output
        // holds the conversion. A match also starts after the last inert
        // character since (no key contains it), which a replay finds by
        // scanning back (see `settled_before`) rather than the loop
        // tracking it at every character.
        let (mut left, mut left_out) = (0, at);
        // The character at `pos` and its bytes, read one step ahead; the
        // loop stops where fewer than four bytes follow the next character.
        let (mut w, mut c, mut len) = char_word_at(bytes, 0);
        while let Some(w2) = word_at(bytes, pos + len) {
            let next = pos + len;
            let (c2, len2) = decode_word(w2);
            let f = fast.get(c);
            // Each character is written as it converts alone, which is what
            // the longest matches give too, unless a match that differs
            // from it may start here (or the entry is special): then the
            // matches are found again from where one is known to start, up
            // to and including the one that covers `pos`.
            #[allow(clippy::needless_bitwise_bool)] // on purpose: no branch
            let candidate =
                (f & FAST_SLOW != 0) | (f & FAST_CONTINUES != 0) & changing.may_contain_key(PairKey::new(c, c2));
            // Most pairs the filter passes start no match that changes
            // anything here (the text does not go on to one): the longest
            // match at `pos` settles it first. (If a match from an earlier
            // position covers `pos`, it either differs and was taken where
            // it starts, or comes out as written too.)
            if candidate && (f & FAST_SLOW != 0 || self.longest_differs(fast, bytes, pos)) {
                let (settled, settled_out) = settled_before(fast, bytes, (left, left_out), (pos, at));
                out.truncate(settled_out);
                let mut to = settled;
                while to <= pos {
                    let (c, len) = decode(bytes, to);
                    let (c2, _) = decode(bytes, to + len);
                    to = self.step(input, to, (c, len), c2, out)?;
                }
                (pos, left, at) = (to, to, out.len());
                left_out = at;
                room = open_room(out, at);
                (w, c, len) = char_word_at(bytes, pos);
                continue;
            }
            // The character's own bytes, or its entry's.
            let (bytes_out, n) = if f == 0 { (w, len) } else { (f, (f >> FAST_LEN_SHIFT & 3) as usize) };
            if !put_at(room, at, bytes_out) {
                room = open_room(out, at);
                put_at(room, at, bytes_out);
            }
            at += n;
            pos = next;
            (w, c, len) = (w2, c2, len2);
        }
        // The last few characters, from where a match is known to start.
        let (settled, settled_out) = settled_before(fast, bytes, (left, left_out), (pos, at));
        out.truncate(settled_out);
        pos = settled;
        while pos < end {
            let (c, len) = decode(bytes, pos);
            let (c2, _) = decode(bytes, pos + len);
            pos = self.step(input, pos, (c, len), c2, out)?;
        }
        Ok(())
    }

    /// Whether the longest match at `pos` (whose character's entry is not
    /// `FAST_SLOW`) converts otherwise than `fast` writes its characters
    /// one by one, or is unchecked.
    #[inline(never)]
    fn longest_differs(&self, fast: &RootTable, bytes: &[u8], pos: usize) -> bool {
        self.trie.match_at(bytes, pos).is_some_and(|m| m.unchecked || written_differs(fast, bytes, pos, m))
    }

    /// [`Stage::run`] through [`Stage::run_bytes`], with `buf` as scratch.
    pub(crate) fn run_via_bytes(&self, input: &str, out: &mut String, buf: &mut Vec<u8>) -> Result<(), Stop> {
        buf.clear();
        self.run_bytes(input, buf)?;
        // The byte loop writes whole characters only, so this never fails;
        // checking costs a fraction of the conversion.
        match simdutf8::basic::from_utf8(buf) {
            Ok(text) => {
                out.push_str(text);
                Ok(())
            }
            Err(_) => self.run(input, out),
        }
    }

    /// Whether `f` holds for some match of a key starting at `pos` with
    /// the character `c` of `len` bytes, that a step there could take with
    /// the text cut short anywhere (see [`Trie::any_along`]).
    pub(crate) fn any_match_at(
        &self,
        input: &str,
        pos: usize,
        (c, len): (u32, usize),
        f: &mut dyn FnMut(Match<'_>) -> bool,
    ) -> bool {
        match self.trie.root(c) {
            0 => false,
            n => self.trie.any_along(input.as_bytes(), pos + len, n, f),
        }
    }

    /// Converts at `pos` (the character there is `c` of `len` bytes, the
    /// next one `c2`): the longest match, or the character alone. Returns
    /// the position after it.
    #[inline(always)]
    pub(crate) fn step<S: Sink>(
        &self,
        input: &str,
        pos: usize,
        (c, len): (u32, usize),
        c2: u32,
        out: &mut S,
    ) -> Result<usize, Stop> {
        let bytes = input.as_bytes();
        let next = pos + len;
        let e = self.table.get(c);
        if e & SPECIAL == 0 {
            // Only a pair that starts a key needs the trie.
            let pair = if e & CONTINUES != 0 && next < bytes.len() { self.trie.pair(c, c2) } else { Pair::None };
            if pair == Pair::None {
                let m = e & CHAR;
                let m = if m == 0 { c } else { m };
                out.put_char(char::from_u32(m).unwrap_or(char::REPLACEMENT_CHARACTER));
                return Ok(next);
            }
            return self.walk(input, pos, c, len, pair, out);
        }
        match self.special.get((e & !SPECIAL) as usize) {
            Some(&Special::Node { node }) => match self.trie.match_from(bytes, next, c, c2, node) {
                Some(m) if m.unchecked => Err(Stop::Unchecked),
                Some(m) => {
                    out.put_str(m.value);
                    Ok(pos + m.len)
                }
                None => self.special(input, pos, c, len, e, out),
            },
            _ => self.special(input, pos, c, len, e, out),
        }
    }

    /// A plain entry whose pair (looked up as `pair`) may start a key: walk
    /// the trie.
    #[inline(never)]
    fn walk<S: Sink>(
        &self,
        input: &str,
        pos: usize,
        c: u32,
        len: usize,
        pair: Pair,
        out: &mut S,
    ) -> Result<usize, Stop> {
        let bytes = input.as_bytes();
        let node = self.trie.root(c);
        match self.trie.walk_pair(bytes, pos + len, node, pair) {
            Some(m) if m.unchecked => Err(Stop::Unchecked),
            Some(m) => {
                out.put_str(m.value);
                Ok(pos + m.len)
            }
            None => {
                out.put_str(input.get(pos..pos + len).unwrap_or(""));
                Ok(pos + len)
            }
        }
    }

    /// Handles a special entry at `pos`; returns the next position.
    #[inline(never)]
    fn special<S: Sink>(
        &self,
        input: &str,
        pos: usize,
        c: u32,
        len: usize,
        e: u32,
        out: &mut S,
    ) -> Result<usize, Stop> {
        let bytes = input.as_bytes();
        match self.special.get((e & !SPECIAL) as usize) {
            Some(Special::Normalize) => return Err(Stop::Normalize),
            Some(Special::Node { .. } | Special::Ids) | None => {}
        }
        if is_ids_operator(c) {
            let ids = ids_len(bytes, pos);
            if ids > 0 {
                let unit = input.get(pos..pos + ids).unwrap_or("");
                if unit.chars().any(|c| self.is_normalize(u32::from(c))) {
                    return Err(Stop::Normalize);
                }
                out.put_str(unit);
                return Ok(pos + ids);
            }
        }
        out.put_str(input.get(pos..pos + len).unwrap_or(""));
        Ok(pos + len)
    }

    /// The same stage with the lazy byte loop on or off. (Used by tests.)
    #[cfg(test)]
    pub(crate) fn with_lazy(&self, lazy: bool) -> Stage {
        Stage { lazy, fast: OnceLock::new(), ..self.clone() }
    }

    /// Whether some entry of the trie is unchecked (a checked composition).
    pub(crate) fn has_unchecked(&self) -> bool {
        self.trie.has_unchecked()
    }

    /// Whether `c` is marked as needing normalization.
    pub(crate) fn is_normalize(&self, c: u32) -> bool {
        let e = self.table.get(c);
        e & SPECIAL != 0 && matches!(self.special.get((e & !SPECIAL) as usize), Some(Special::Normalize))
    }
}

impl Stage {
    /// For the segmentation walk: the dictionary word at `pos`, or `None`
    /// when the character there is unmatched. `c` (of `len` bytes) is the
    /// character at `pos`, `c2` the one after it (ignored at the end).
    #[inline(always)]
    pub(crate) fn segment_at(
        &self,
        input: &str,
        pos: usize,
        c: u32,
        len: usize,
        c2: u32,
    ) -> Result<Option<Match<'_>>, Stop> {
        let bytes = input.as_bytes();
        let e = self.table.get(c);
        if e == 0 {
            return Ok(None);
        }
        if e & SPECIAL == 0 {
            // A one-character word.
            return Ok(self.trie.node_match(self.trie.root(c)));
        }
        match self.special.get((e & !SPECIAL) as usize) {
            Some(Special::Normalize) => Err(Stop::Normalize),
            Some(&Special::Node { node: n }) => Ok(self.trie.match_from(bytes, pos + len, c, c2, n)),
            Some(Special::Ids) | None => {
                // The walk skips a complete IDS as one unit; check it for
                // characters that need normalization.
                let ids = ids_len(bytes, pos);
                let unit = input.get(pos..pos + ids).unwrap_or("");
                if unit.chars().any(|c| self.is_normalize(u32::from(c))) {
                    return Err(Stop::Normalize);
                }
                Ok(None)
            }
        }
    }
}

/// What the segmentation walk finds at a character when no longer word
/// starts there (see [`Stage::word_alone`]).
pub(crate) enum WordAlone<'t> {
    /// No word starts with the character.
    NoWord,
    /// A word may start here: `own` is the value of the character as a
    /// one-character word, if it is one; `continues` says whether longer
    /// words start with it (then the pair filter decides).
    Word { own: Option<&'t str>, continues: bool },
    /// Anything else (normalization, IDS operators).
    Special,
}

/// What a stage does to a lone character, as far as its dispatch table
/// tells without looking at neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lone {
    /// Converts to this one character (possibly itself), and no longer key
    /// starts with it.
    Char(u32),
    /// Anything else: a longer key may start here, the value is not one
    /// character, or the character needs special handling.
    Complex,
}

impl Stage {
    /// What this stage does to `c` on its own.
    pub(crate) fn lone(&self, c: u32) -> Lone {
        let e = self.table.get(c);
        if e & (SPECIAL | CONTINUES) != 0 {
            return Lone::Complex;
        }
        let m = e & CHAR;
        Lone::Char(if m == 0 { c } else { m })
    }

    /// Whether this stage leaves `text` as it is because no key starts at
    /// any of its characters (a sufficient condition, checked with one
    /// table lookup per character).
    #[inline]
    pub(crate) fn leaves_unchanged(&self, text: &str) -> bool {
        text.chars().all(|c| self.table.get(u32::from(c)) == 0)
    }

    /// For a segmentation stage: what the walk finds at `c` when the pair
    /// filter rules out a longer word (see [`Stage::segment_at`]).
    pub(crate) fn word_alone(&self, c: u32) -> WordAlone<'_> {
        let e = self.table.get(c);
        let (node, continues) = if e == 0 {
            return WordAlone::NoWord;
        } else if e & SPECIAL == 0 {
            (self.trie.root(c), false)
        } else if let Some(&Special::Node { node }) = self.special.get((e & !SPECIAL) as usize) {
            (node, self.trie.has_children(node))
        } else {
            return WordAlone::Special;
        };
        match self.trie.node_match(node) {
            Some(m) if m.unchecked => WordAlone::Special,
            own => WordAlone::Word { own: own.map(|m| m.value), continues },
        }
    }

    /// The byte loop's table, built on first use.
    fn fast_table(&self) -> &RootTable {
        self.fast.get_or_init(|| {
            let entries = self.table.entries().map(|(c, e)| (c, fast_entry(c, e)));
            // For the lazy loop, inert characters in the blocks of
            // punctuation (ASCII, general and CJK punctuation, full-width
            // forms); elsewhere they are copied unmarked.
            let keys = self.trie.key_chars();
            let blocks: &[u32] = if self.lazy { &[0x00, 0x20, 0x30, 0xFF] } else { &[] };
            let inert = blocks.iter().flat_map(|&b| b << 8..(b + 1) << 8).filter_map(|c| {
                let ch = char::from_u32(c).filter(|_| self.table.get(c) == 0 && !keys.contains(c))?;
                let mut buf = [0; 4];
                let len = ch.encode_utf8(&mut buf).len() as u32;
                Some((c, u32::from_le_bytes(buf) | len << FAST_LEN_SHIFT | FAST_INERT))
            });
            RootTable::new(entries.chain(inert))
        })
    }

    /// The byte loop's entry for `c` (see [`Stage::run_bytes`]).
    #[inline(always)]
    pub(crate) fn fast_entry(&self, c: u32) -> u32 {
        self.fast_table().get(c)
    }

    /// The filter of the pairs that may start a match that differs from
    /// the characters alone (see [`Trie::changing`]).
    #[inline(always)]
    pub(crate) fn changing(&self) -> FilterView<'_> {
        self.trie.changing()
    }

    /// Whether this stage's table has an entry for `c`.
    pub(crate) fn table_chars_contains(&self, c: u32) -> bool {
        self.table.get(c) != 0
    }

    /// Every character this stage's table mentions.
    pub(crate) fn table_chars(&self) -> CharSet {
        self.table.key_set()
    }
}
