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

use std::collections::HashMap;
use std::sync::Arc;

use super::pairs::PairKey;
use super::stage::{
    written_differs, Lone, Sink, Stage, Stop, WordAlone, FAST_CONTINUES, FAST_INERT, FAST_LEN_SHIFT, FAST_SLOW,
};
use super::trie::{CharSet, RootTable, Trie};
use super::utf8::{
    char_len, char_word_at, decode, decode_word, extend_checked, ids_len, is_ids_operator, open_room, put_at,
    scan_back, word_at,
};
use crate::error::Result;

/// A configuration's segmentation dictionary.
#[derive(Debug, Clone)]
pub(crate) enum Segmentation {
    /// As compiled from the configuration. With a fused first stage its
    /// values are that stage's output for each word; otherwise they are
    /// not used.
    Dictionary(Arc<Trie>),
    /// Compiled by [`flatten`]: each word's value is its output through the
    /// whole conversion chain.
    Flattened(Arc<Trie>),
}

/// The compiled dictionaries of a configuration.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parts {
    pub(crate) normalization: Vec<Arc<Trie>>,
    pub(crate) segmentation: Option<Segmentation>,
    pub(crate) chain: Vec<Arc<Trie>>,
    /// Set when the first chain stage is `short_circuit(segmentation,
    /// rest...)` (see `ConfigSpec::first_stage_rest`): the trie of `rest`
    /// (`None` if empty). The segmentation trie then carries the values,
    /// and `chain` holds the stages after the first.
    pub(crate) first_stage_rest: Option<Option<Arc<Trie>>>,
    /// The stages that convert text between segmented words (all text
    /// without segmentation), as [`compose_runs`] makes them from
    /// `first_stage_rest` and `chain`; computed when `None`.
    pub(crate) runs: Option<Vec<Arc<Trie>>>,
    /// User phrases that take precedence over everything else.
    pub(crate) overrides: Option<Arc<Trie>>,
}

/// A compiled configuration.
#[derive(Debug)]
pub(crate) struct Pipeline {
    pub(crate) normalization: Vec<Arc<Trie>>,
    /// The segmentation dictionary, flattened: each word's value is its
    /// output through the whole chain.
    pub(crate) segmentation: Option<Arc<Trie>>,
    pub(crate) chain: Vec<Arc<Trie>>,
    pub(crate) overrides: Option<Arc<Trie>>,
    first_stage_rest: Option<Option<Arc<Trie>>>,
    normalization_stages: Vec<Stage>,
    /// The segmentation walk's dispatch table.
    seg: Option<Stage>,
    /// See [`Parts::runs`].
    runs: Vec<Arc<Trie>>,
    /// The stages of `runs`.
    run_stages: Vec<Stage>,
    /// When `runs` composes stages: the stages it was composed from, for
    /// runs with IDS operators.
    uncomposed: Option<Vec<Stage>>,
    /// For the segmentation walk, per character: whether a word may start
    /// with it, and what the whole chain makes of it alone between words
    /// (see [`WalkTable`]).
    walk: Option<WalkTable>,
    /// With one stage between words: the byte loop's table (see
    /// [`merged_table`]).
    merged: Option<RootTable>,
    /// Whether the first pass (segmentation, or the only stage) reports
    /// characters that need normalization, so that text without them is
    /// not scanned twice.
    fused_normalization: bool,
    /// Characters that no dictionary of this pipeline mentions: matches
    /// never cross them and they are copied unchanged.
    inert: Inert,
}

/// Per character, for the segmentation walk: `WALK_WORD` if a word of the
/// segmentation dictionary may start with it (or it needs normalization);
/// `WALK_COMPLEX` if the chain must see it in context; otherwise the one
/// character the chain turns it into between words (0: itself).
///
/// A run of characters between words is converted stage by stage; when no
/// stage has a longer key starting at any of its characters (and each
/// stage maps each to one character), the run converts character by
/// character. The walk emits such characters at once and hands the rest of
/// a run, from its first complex character, to the stages.
#[derive(Debug)]
struct WalkTable(RootTable);

const WALK_WORD: u32 = 0x8000_0000;
const WALK_COMPLEX: u32 = 0x4000_0000;
const WALK_CHAR: u32 = 0x001F_FFFF;

/// A bitset over the BMP of characters that are inert; astral characters
/// are never treated as inert.
#[derive(Debug)]
struct Inert(Vec<u64>);

impl Inert {
    fn contains(&self, c: u32) -> bool {
        self.0.get((c >> 6) as usize).is_some_and(|w| w & (1 << (c & 63)) != 0)
    }
}

/// The run of [`Pipeline::convert_merged`]: where it started, the output's
/// length there, whether all of it so far converted character by
/// character, and whether it has an IDS operator (then it is not split
/// after inert characters: a stage's output can complete an IDS that
/// spans one).
struct Run {
    start: usize,
    mark: usize,
    clean: bool,
    ids: bool,
}

impl Run {
    fn at(start: usize, mark: usize) -> Run {
        Run { start, mark, clean: true, ids: false }
    }
}

/// Reusable buffers for multi-stage chains.
#[derive(Default)]
struct Scratch {
    a: String,
    b: String,
    /// For [`Stage::run_via_bytes`].
    bytes: Vec<u8>,
}

impl Pipeline {
    /// Compiles `parts`, flattening the segmentation dictionary if it is
    /// not flattened yet.
    ///
    /// # Errors
    ///
    /// Those of [`flatten`].
    pub(crate) fn new(parts: Parts) -> Result<Pipeline> {
        let Parts { normalization, segmentation, chain, first_stage_rest, runs, overrides } = parts;
        let flattened = matches!(segmentation, Some(Segmentation::Flattened(_)));
        let segmentation = match segmentation {
            None => None,
            Some(Segmentation::Flattened(trie)) => Some(trie),
            Some(Segmentation::Dictionary(trie)) => Some(Arc::new(flatten(&trie, first_stage_rest.is_some(), &chain)?)),
        };
        let mut bits = vec![u64::MAX; 0x1_0000 / 64];
        let rest_tries = first_stage_rest.iter().flatten();
        let tries = normalization.iter().chain(segmentation.iter()).chain(chain.iter()).chain(rest_tries);
        for trie in tries.chain(overrides.iter()) {
            for (w, k) in bits.iter_mut().zip(trie.key_chars().bmp_words()) {
                *w &= !k;
            }
        }
        for c in 0x2FF0u32..=0x2FFF {
            if let Some(w) = bits.get_mut((c >> 6) as usize) {
                *w &= !(1 << (c & 63));
            }
        }

        let inert = Inert(bits);

        let normalize: Vec<u32> = normalization.iter().flat_map(|t| t.first_chars().collect::<Vec<_>>()).collect();
        let first_stage_rest = first_stage_rest.filter(|_| segmentation.is_some());
        let runs = match runs {
            Some(runs) => runs,
            None => compose_runs(segmentation.as_deref(), first_stage_rest.as_ref(), &chain)?,
        };
        // A built-in flattened trie has its changing words marked already.
        let segmentation = match (segmentation, flattened) {
            (Some(seg), false) => Some(Arc::new(words_against_runs(&seg, &runs))),
            (seg, _) => seg,
        };
        // The first pass: segmentation, or the first stage.
        let entry = segmentation.as_ref().or(runs.first());
        let fused_normalization = match entry {
            Some(trie) => !normalize.iter().any(|&c| trie.key_chars().contains(c)),
            None => false,
        };
        let marks: &[u32] = if fused_normalization { &normalize } else { &[] };
        let normalization_stages = normalization.iter().map(|t| Stage::new(Arc::clone(t), &[], false)).collect();
        let seg = segmentation.as_ref().map(|t| Stage::new(Arc::clone(t), marks, true));
        // Stages of the text between words; without segmentation the first
        // one is the first pass and reports characters to normalize.
        let stages_of = |tries: &[&Arc<Trie>]| -> Vec<Stage> {
            let marks_at = |i: usize| if i == 0 && seg.is_none() { marks } else { &[] };
            tries.iter().enumerate().map(|(i, &t)| Stage::new(Arc::clone(t), marks_at(i), false)).collect()
        };
        let run_stages = stages_of(&runs.iter().collect::<Vec<_>>());
        let plain: Vec<&Arc<Trie>> = first_stage_rest.iter().flatten().chain(&chain).collect();
        let composed = plain.len() != runs.len() || plain.iter().zip(&runs).any(|(a, b)| !Arc::ptr_eq(a, b));
        let uncomposed = composed.then(|| stages_of(&plain));
        // From the stages themselves: with a checked composition, a
        // character may look alone to the composed stage while a later
        // stage has a longer key starting with it.
        let walk = seg.as_ref().map(|seg| walk_table(seg, uncomposed.as_deref().unwrap_or(&run_stages)));
        let merged = match (&seg, &walk, run_stages.as_slice()) {
            (Some(seg), Some(walk), [stage]) => Some(merged_table(seg, walk, stage, &inert)),
            _ => None,
        };
        Ok(Pipeline {
            normalization,
            segmentation,
            chain,
            overrides,
            first_stage_rest,
            normalization_stages,
            seg,
            runs,
            run_stages,
            uncomposed,
            walk,
            merged,
            fused_normalization,
            inert,
        })
    }

    /// The compiled dictionaries, to build a variant of this pipeline.
    pub(crate) fn parts(&self) -> Parts {
        Parts {
            normalization: self.normalization.clone(),
            segmentation: self.segmentation.clone().map(Segmentation::Flattened),
            chain: self.chain.clone(),
            first_stage_rest: self.first_stage_rest.clone(),
            runs: Some(self.runs.clone()),
            overrides: self.overrides.clone(),
        }
    }

    /// Whether the segmentation walk has the one stage between words
    /// folded in. (Used by tests.)
    #[cfg(test)]
    pub(crate) fn has_merged_walk(&self) -> bool {
        self.merged.is_some() && self.run_stages.len() == 1
    }

    /// Whether the stage between words is a checked composition. (Used by
    /// tests.)
    #[cfg(test)]
    pub(crate) fn has_checked_stage(&self) -> bool {
        matches!(self.run_stages.as_slice(), [stage] if stage.has_unchecked())
    }

    /// Whether matches may never cross `c` and `c` is copied unchanged.
    pub(crate) fn is_inert(&self, c: u32) -> bool {
        self.inert.contains(c)
    }

    /// Converts `input`, appending to `out`.
    pub(crate) fn convert_into(&self, input: &str, out: &mut String) {
        // The byte loops write straight into `out`'s buffer.
        extend_checked(out, |bytes| self.convert_bytes(input, bytes));
    }

    /// Converts `input`, appending UTF-8 to `out`.
    fn convert_bytes(&self, input: &str, out: &mut Vec<u8>) {
        let mut scratch = Scratch::default();
        match &self.overrides {
            None => self.convert_normalized(input, out, &mut scratch),
            Some(overrides) => {
                // Override phrases are hard segments: their replacement is
                // final, the text between them converts as usual.
                let bytes = input.as_bytes();
                let (mut pos, mut start) = (0, 0);
                while pos < bytes.len() {
                    match overrides.match_at(bytes, pos) {
                        Some(m) => {
                            self.convert_normalized(input.get(start..pos).unwrap_or(""), out, &mut scratch);
                            out.put_str(m.value);
                            pos += m.len;
                            start = pos;
                        }
                        None => pos += bytes.get(pos).map_or(1, |&b| char_len(b)),
                    }
                }
                self.convert_normalized(input.get(start..).unwrap_or(""), out, &mut scratch);
            }
        }
    }

    fn convert_normalized(&self, input: &str, out: &mut Vec<u8>, scratch: &mut Scratch) {
        if input.is_empty() {
            return;
        }
        let mark = out.len();
        if self.normalization.is_empty() {
            self.convert_main_plain(input, out, scratch);
            return;
        }
        if self.fused_normalization && self.convert_main(input, out, scratch).is_ok() {
            return;
        }
        out.truncate(mark);
        let needs = !self.fused_normalization
            && input.chars().any(|c| self.normalization.iter().any(|t| t.root(u32::from(c)) != 0));
        if !self.fused_normalization && !needs {
            self.convert_main_plain(input, out, scratch);
            return;
        }
        let mut text = input.to_owned();
        let mut next = String::with_capacity(text.len());
        for stage in &self.normalization_stages {
            next.clear();
            let _ = stage.run(&text, &mut next);
            std::mem::swap(&mut text, &mut next);
        }
        self.convert_main_plain(&text, out, scratch);
    }

    /// The main conversion of text that is known to be normalized.
    fn convert_main_plain(&self, text: &str, out: &mut Vec<u8>, scratch: &mut Scratch) {
        // Normalized text has no character the marks report.
        let mark = out.len();
        if self.convert_main(text, out, scratch).is_err() {
            // Only reachable if normalization output still contains marked
            // characters; convert without the fused check.
            out.truncate(mark);
            self.convert_main_unchecked(text, out, scratch);
        }
    }

    fn convert_main_unchecked(&self, text: &str, out: &mut Vec<u8>, scratch: &mut Scratch) {
        // The segmentation is flattened already, so this cannot fail.
        if let Ok(plain) = Pipeline::new(Parts { normalization: Vec::new(), overrides: None, ..self.parts() }) {
            let _ = plain.convert_main(text, out, scratch);
        }
    }

    fn convert_main(&self, text: &str, out: &mut Vec<u8>, scratch: &mut Scratch) -> std::result::Result<(), Stop> {
        let (Some(seg), Some(walk)) = (&self.seg, &self.walk) else {
            let has_ids = self.uncomposed.is_some() && text.chars().any(|c| is_ids_operator(u32::from(c)));
            return self.convert_run(text, has_ids, out, scratch);
        };
        if let ([stage], Some(fast)) = (self.run_stages.as_slice(), &self.merged) {
            return if stage.has_unchecked() {
                self.convert_merged::<false>(text, seg, walk, stage, fast, out, scratch)
            } else {
                self.convert_merged::<true>(text, seg, walk, stage, fast, out, scratch)
            };
        }
        self.convert_walk(text, seg, walk, out, scratch)
    }

    /// The segmentation walk for more than one stage between words: words,
    /// characters the walk table converts alone, and runs through the
    /// stages.
    fn convert_walk(
        &self,
        text: &str,
        seg: &Stage,
        walk: &WalkTable,
        out: &mut Vec<u8>,
        scratch: &mut Scratch,
    ) -> std::result::Result<(), Stop> {
        let bytes = text.as_bytes();
        let end = bytes.len();
        let mut pos = 0;
        // Start of the part of the current run that goes through the stages.
        let mut pending: Option<usize> = None;
        // Whether the pending run has an IDS operator.
        let mut has_ids = false;
        // The character at `pos`, decoded one step ahead.
        let (mut c, mut len) = decode(bytes, 0);
        while pos < end {
            let next = pos + len;
            let (c2, len2) = decode(bytes, next);
            let e = walk.0.get(c);
            if e & WALK_WORD != 0 {
                if let Some(m) = seg.segment_at(text, pos, c, len, c2)? {
                    if let Some(start) = pending.take() {
                        self.convert_run(text.get(start..pos).unwrap_or(""), has_ids, out, scratch)?;
                        has_ids = false;
                    }
                    // A word is a segment of its own: its output is the
                    // flattened value.
                    out.put_str(m.value);
                    pos += m.len;
                    (c, len) = decode(bytes, pos);
                    continue;
                }
            }
            if pending.is_none() && e & WALK_COMPLEX == 0 {
                let m = e & WALK_CHAR;
                out.put_char(char::from_u32(if m == 0 { c } else { m }).unwrap_or(char::REPLACEMENT_CHARACTER));
                pos = next;
                (c, len) = (c2, len2);
                continue;
            }
            let start = *pending.get_or_insert(pos);
            if is_ids_operator(c) {
                has_ids = true;
                pos += unit_len(bytes, pos);
                (c, len) = decode(bytes, pos);
            } else {
                // No key contains an inert character, so the run splits
                // after it (which keeps a retried run short).
                if e == 0 && !has_ids && self.is_inert(c) {
                    self.convert_run(text.get(start..next).unwrap_or(""), has_ids, out, scratch)?;
                    (pending, has_ids) = (None, false);
                }
                pos = next;
                (c, len) = (c2, len2);
            }
        }
        if let Some(start) = pending {
            self.convert_run(text.get(start..).unwrap_or(""), has_ids, out, scratch)?;
        }
        Ok(())
    }

    /// The segmentation walk with the one stage between words folded in
    /// (the same as segmenting first: at each position the word that
    /// starts there, or else one step of the stage, cut back where a word
    /// starts inside its match; see [`Pipeline::merged_position`]), written
    /// lazily: each character as it comes to alone (its entry in `fast`,
    /// see [`merged_table`]) until a word or a match of the stage that
    /// differs from that may start, or a value that holds in a clean run
    /// only. Then the walk goes again from the last position where it is
    /// known to be, with its run, through the position that covers the
    /// current one. (The lazy loop of `Stage::run_bytes`; see
    /// [`words_against_runs`] for the words.) A run with an IDS operator
    /// (when the stage is composed) or an unchecked match is converted
    /// again, whole, with the uncomposed stages, from its start, which is
    /// never after that position.
    ///
    /// Against taking every position in turn, this cut mispredicted
    /// branches by two thirds and gained 17-22 % on s2tw, s2twp, s2hk and
    /// tw2sp (checked stages also run fewer instructions).
    ///
    /// `EXACT` says whether the stage has no unchecked matches.
    #[allow(clippy::too_many_arguments)]
    fn convert_merged<const EXACT: bool>(
        &self,
        text: &str,
        seg: &Stage,
        walk: &WalkTable,
        stage: &Stage,
        fast: &RootTable,
        out: &mut Vec<u8>,
        scratch: &mut Scratch,
    ) -> std::result::Result<(), Stop> {
        let bytes = text.as_bytes();
        let end = bytes.len();
        out.reserve(end + end / 8);
        let (table, changing) = (fast, seg.changing());
        let mut pos = 0;
        // The output is written by index into `room` (see `open_room`):
        // `at` is its length.
        let mut at = out.len();
        let mut room = open_room(out, at);
        // Where the slower path last left the walk, the output's length
        // there, and the walk's run: before it, `out` holds the
        // conversion. Past it, the loop wrote every character as its entry
        // says; the walk is known to be after the last inert character
        // there too (no key contains it: a new run starts), which the
        // slower path finds when it needs it (see `restart_before`), so
        // that the loop's registers hold only what it updates at every
        // character.
        let (mut left, mut left_out) = (0, at);
        let mut run = Run::at(0, at);
        // The character at `pos` and its bytes, read one step ahead; the
        // loop stops where fewer than four bytes follow the next character.
        let (mut w, mut c, mut len) = char_word_at(bytes, 0);
        while let Some(w2) = word_at(bytes, pos + len) {
            let next = pos + len;
            let (c2, len2) = decode_word(w2);
            let f = table.get(c);
            // (The segmentation's filter holds the stage's changing pairs
            // too: see `words_against_runs`.)
            #[allow(clippy::needless_bitwise_bool)] // on purpose: no branch
            let candidate = (f & (MERGED_SLOW | MERGED_CLEAN_ONLY) != 0)
                | (f & (MERGED_NODE | MERGED_STAGE_CONTINUES) != 0) & changing.may_contain_key(PairKey::new(c, c2));
            // Most pairs the filter passes start no word or key that
            // changes anything here (the text does not go on to one):
            // what starts at `pos` settles it before the walk goes back.
            if candidate
                && (f & (MERGED_SLOW | MERGED_CLEAN_ONLY) != 0
                    || position_differs(table, seg, stage, text, pos, (c, len), c2))
            {
                let (resume, resume_out) = restart_before(table, bytes, (left, left_out), (pos, at));
                out.truncate(resume_out);
                if resume != left {
                    run = Run::at(resume, resume_out);
                }
                // Through the position that covers `pos`, and to the end
                // of a run with an IDS operator (whose inert characters do
                // not end it: the stage's output may complete an IDS that
                // spans one), so that inert characters always end runs
                // here.
                let mut to = resume;
                while to <= pos || run.ids && to < end {
                    to = self.merged_position(text, seg, walk, stage, to, EXACT, &mut run, out, scratch)?;
                }
                (pos, left, at) = (to, to, out.len());
                left_out = at;
                room = open_room(out, at);
                (w, c, len) = char_word_at(bytes, pos);
                continue;
            }
            // The entry's bytes, or the character's own (selected without
            // a branch).
            let own = u32::from(f == 0).wrapping_neg();
            let bytes_out = (w & own) | (f & !own);
            let n = (len as u32 & own) | ((f & MERGED_LEN) >> MERGED_LEN_SHIFT & !own);
            if !put_at(room, at, bytes_out) {
                room = open_room(out, at);
                put_at(room, at, bytes_out);
            }
            at += n as usize;
            pos = next;
            (w, c, len) = (w2, c2, len2);
        }
        // The last few characters, from where the walk is known to be.
        let (resume, resume_out) = restart_before(table, bytes, (left, left_out), (pos, at));
        out.truncate(resume_out);
        if resume != left {
            run = Run::at(resume, resume_out);
        }
        pos = resume;
        while pos < end {
            pos = self.merged_position(text, seg, walk, stage, pos, EXACT, &mut run, out, scratch)?;
        }
        Ok(())
    }

    /// One position of [`Pipeline::convert_merged`]: the word that starts
    /// at `pos`, or the character the walk table converts alone, or one
    /// step of the stage. Returns the position after it.
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn merged_position(
        &self,
        text: &str,
        seg: &Stage,
        walk: &WalkTable,
        stage: &Stage,
        pos: usize,
        exact: bool,
        run: &mut Run,
        out: &mut Vec<u8>,
        scratch: &mut Scratch,
    ) -> std::result::Result<usize, Stop> {
        let bytes = text.as_bytes();
        let (c, len) = decode(bytes, pos);
        let next = pos + len;
        let (c2, _) = decode(bytes, next);
        let e = walk.0.get(c);
        if e & WALK_WORD != 0 {
            if let Some(m) = seg.segment_at(text, pos, c, len, c2)? {
                // A word is a segment of its own: its output is the
                // flattened value.
                out.put_str(m.value);
                *run = Run::at(pos + m.len, out.len());
                return Ok(pos + m.len);
            }
        }
        if e & WALK_COMPLEX == 0 && (exact || run.clean) {
            let m = e & WALK_CHAR;
            out.put_char(char::from_u32(if m == 0 { c } else { m }).unwrap_or(char::REPLACEMENT_CHARACTER));
            // (A run of an exact stage is only ever converted again for
            // an IDS operator, which is rare: no need to split it.)
            if !exact && self.is_inert(c) {
                *run = Run::at(next, out.len());
            }
            return Ok(next);
        }
        self.merged_step(text, seg, stage, pos, (c, len), c2, run, out, scratch)
    }

    /// One step of the stage in [`Pipeline::convert_merged`] at `pos`, in
    /// `run`; returns the position after it.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn merged_step(
        &self,
        text: &str,
        seg: &Stage,
        stage: &Stage,
        pos: usize,
        (c, len): (u32, usize),
        c2: u32,
        run: &mut Run,
        out: &mut Vec<u8>,
        scratch: &mut Scratch,
    ) -> std::result::Result<usize, Stop> {
        let next = pos + len;
        run.clean = false;
        run.ids |= is_ids_operator(c);
        let stepped = if is_ids_operator(c) && self.uncomposed.is_some() {
            Err(Stop::Unchecked)
        } else {
            let mark = out.len();
            stage.step(text, pos, (c, len), c2, out).and_then(|stepped| {
                if stepped <= next {
                    return Ok(stepped);
                }
                // A word starting inside the match ends the run there.
                match Self::word_inside(text, seg, next, stepped)? {
                    None => Ok(stepped),
                    Some(cut) => {
                        out.truncate(mark);
                        let c2 = if next < cut { c2 } else { 0 };
                        stage.step(text.get(..cut).unwrap_or(""), pos, (c, len), c2, out)
                    }
                }
            })
        };
        match stepped {
            Ok(stepped) => {
                if stepped == next && !run.ids && self.is_inert(c) {
                    // No key contains an inert character: a run may be
                    // split after it.
                    *run = Run::at(stepped, out.len());
                }
                Ok(stepped)
            }
            Err(Stop::Unchecked) => {
                // The run again, whole, with the uncomposed stages.
                out.truncate(run.mark);
                let run_end = self.run_end(text, seg, pos, run.ids)?;
                let stages = self.uncomposed.as_deref().unwrap_or(&self.run_stages);
                run_chain(stages, text.get(run.start..run_end).unwrap_or(""), out, scratch)?;
                *run = Run::at(run_end, out.len());
                Ok(run_end)
            }
            Err(stop) => Err(stop),
        }
    }

    /// The first position in `from..to` where a word starts.
    fn word_inside(text: &str, seg: &Stage, from: usize, to: usize) -> std::result::Result<Option<usize>, Stop> {
        let bytes = text.as_bytes();
        let mut k = from;
        while k < to {
            let (c, len) = decode(bytes, k);
            let (c2, _) = decode(bytes, k + len);
            if seg.segment_at(text, k, c, len, c2)?.is_some() {
                return Ok(Some(k));
            }
            k += len;
        }
        Ok(None)
    }

    /// The end of the run that `pos` (where no word starts) is in: the next
    /// position where a word starts, or the position after an inert
    /// character (unless the run has an IDS operator: `ids`, or one from
    /// `pos` on), or the end. IDS units are walked over whole, as the
    /// segmentation walk does.
    fn run_end(&self, text: &str, seg: &Stage, mut pos: usize, mut ids: bool) -> std::result::Result<usize, Stop> {
        let bytes = text.as_bytes();
        loop {
            let (c, _) = decode(bytes, pos);
            ids |= is_ids_operator(c);
            pos += unit_len(bytes, pos);
            if pos >= bytes.len() || !ids && self.is_inert(c) {
                return Ok(pos.min(bytes.len()));
            }
            let (c, len) = decode(bytes, pos);
            let (c2, _) = decode(bytes, pos + len);
            if seg.segment_at(text, pos, c, len, c2)?.is_some() {
                return Ok(pos);
            }
        }
    }

    /// Converts text between segmented words, or all text of a pipeline
    /// without segmentation: no word of the segmentation dictionary starts
    /// anywhere in it, so a fused first stage reduces to its `rest`.
    /// `has_ids`: the run has an IDS operator, so composed stages do not
    /// apply (a stage's output may complete an IDS that a later stage then
    /// copies whole); an unchecked match also sends the run to the
    /// uncomposed stages.
    fn convert_run(
        &self,
        run: &str,
        has_ids: bool,
        out: &mut Vec<u8>,
        scratch: &mut Scratch,
    ) -> std::result::Result<(), Stop> {
        match &self.uncomposed {
            Some(stages) if has_ids => run_chain(stages, run, out, scratch),
            Some(stages) => {
                let mark = out.len();
                match run_chain(&self.run_stages, run, out, scratch) {
                    Err(Stop::Unchecked) => {
                        out.truncate(mark);
                        run_chain(stages, run, out, scratch)
                    }
                    done => done,
                }
            }
            None => run_chain(&self.run_stages, run, out, scratch),
        }
    }
}

/// Compiles each word of `segmentation` through the conversion chain
/// (`fused`: the first stage is fused into the segmentation, whose values
/// are its output, and `chain` holds the stages after it). A word is a
/// segment of its own, so its output depends on the word alone and the
/// segmentation walk can emit it directly.
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidDictionary`] for a word whose output is
/// longer than 65535 bytes.
pub(crate) fn flatten(segmentation: &Trie, fused: bool, chain: &[Arc<Trie>]) -> Result<Trie> {
    let stages: Vec<Stage> = chain.iter().map(|t| Stage::new(Arc::clone(t), &[], false)).collect();
    let mut scratch = Scratch::default();
    segmentation.map_values(&mut |word| {
        // The word is a key, so the longest match within it is itself.
        let input = if fused { segmentation.match_at(word.as_bytes(), 0).map_or(word, |m| m.value) } else { word };
        let mut out = String::new();
        // Stages without normalization marks never report them.
        let _ = run_chain(&stages, input, &mut out, &mut scratch);
        out
    })
}

/// The stages that convert text between segmented words (all text
/// without segmentation): with a fused first stage, its `rest` (if any)
/// and the stages after it, else the chain. Neighbours are composed into
/// one stage where [`compose`] can; the first two stages of a segmented
/// pipeline where [`compose_checked`] can.
///
/// # Errors
///
/// Those of [`compose`] and [`compose_checked`].
/// The flattened segmentation trie `flat` with its filter of changing
/// pairs (see `Trie::changing`) taken against what the walk writes for
/// a character read alone: its value as a one-character word, or else its
/// conversion by the stages between words, `runs`. A word whose value is
/// that of its characters in turn may then be written character by
/// character (see [`Pipeline::convert_merged`]). With one stage between
/// words, the filter also holds the stage's own changing pairs, so that
/// the walk reads one filter, not two.
pub(crate) fn words_against_runs(flat: &Trie, runs: &[Arc<Trie>]) -> Trie {
    let stages: Vec<Stage> = runs.iter().map(|t| Stage::new(Arc::clone(t), &[], false)).collect();
    let mut scratch = Scratch::default();
    let mut between: HashMap<u32, Option<u32>> = HashMap::new();
    for c in flat.key_chars().iter() {
        let lone = if flat.is_word(c) {
            flat.alone(c)
        } else {
            let mut out = String::new();
            let input = char::from_u32(c).map(String::from).unwrap_or_default();
            run_chain(&stages, &input, &mut out, &mut scratch).ok().and_then(|()| {
                let mut chars = out.chars();
                match (chars.next(), chars.next()) {
                    (Some(m), None) => Some(u32::from(m)),
                    _ => None,
                }
            })
        };
        between.insert(c, lone);
    }
    let more = match runs {
        [stage] => stage.own_changing_pairs(),
        _ => Vec::new(),
    };
    flat.with_changing_by(&|c| between.get(&c).copied().flatten(), &more)
}

pub(crate) fn compose_runs(
    segmentation: Option<&Trie>,
    first_stage_rest: Option<&Option<Arc<Trie>>>,
    chain: &[Arc<Trie>],
) -> Result<Vec<Arc<Trie>>> {
    let mut runs: Vec<Arc<Trie>> = Vec::new();
    // Whether `runs` holds one stage that gets the original text.
    let mut first_only = false;
    for trie in first_stage_rest.into_iter().flatten().chain(chain) {
        let mut both = match runs.last() {
            Some(last) => compose(last, trie)?,
            None => None,
        };
        if both.is_none() && first_only {
            if let (Some(seg), Some(last)) = (segmentation, runs.last()) {
                both = compose_checked(last, trie, seg)?;
            }
        }
        if let Some(both) = both {
            runs.pop();
            runs.push(Arc::new(both));
            // A checked composition does not compose further.
            first_only = first_only && !runs.last().is_some_and(|t| t.has_unchecked());
        } else {
            first_only = runs.is_empty();
            runs.push(Arc::clone(trie));
        }
    }
    Ok(runs)
}

/// For the text between segmented words: one trie that converts like
/// `first` followed by `second` as long as none of its *unchecked* entries
/// matches; a match of one stops the stage with [`Stop::Unchecked`], and
/// the caller converts the run with the two stages instead.
///
/// It applies when `first` gets the original text of the run, `second`
/// maps single characters to single characters apart from keys of two or
/// more characters, and each such key starts a word of `segmentation`.
/// No position of a run starts a word, so while `first` changes nothing
/// (the unchecked entries are exactly those where it would), `second`
/// never matches one of its longer keys in the run and acts as its
/// character map. OpenCC's tw2s, tw2sp, hk2s and hk2sp have this shape:
/// the regional stage, then `short_circuit(TSPhrases, TSCharacters...)`
/// with `TSPhrases` as the segmentation dictionary.
///
/// # Errors
///
/// Those of [`Trie::build`].
pub(crate) fn compose_checked(first: &Trie, second: &Trie, segmentation: &Trie) -> Result<Option<Trie>> {
    use std::collections::{HashMap, HashSet};
    if first.mentions_ids_operators() || second.mentions_ids_operators() || first.char_map().is_some() {
        return Ok(None);
    }
    let mut map: HashMap<char, char> = HashMap::new();
    for (key, value) in second.resolved_entries() {
        let mut k = key.chars();
        let mut v = value.chars();
        match (k.next(), k.next(), v.next(), v.next()) {
            (Some(k), None, Some(v), None) => {
                map.insert(k, v);
            }
            // A longer key must start a word wherever it occurs.
            (Some(_), Some(_), _, _) if segmentation.match_at(key.as_bytes(), 0).is_some() => {}
            _ => return Ok(None),
        }
    }
    let through = |text: &str| -> String { text.chars().map(|c| map.get(&c).copied().unwrap_or(c)).collect() };
    let mut changing: HashSet<String> = HashSet::new();
    let mut entries: Vec<(String, String)> = Vec::new();
    for (key, value) in first.resolved_entries() {
        if key != value {
            changing.insert(key.clone());
        }
        entries.push((key, through(&value)));
    }
    // Where `first` has no key, a character goes through the map; where it
    // has one, its entry (first) wins.
    let mut pairs: Vec<(char, char)> = map.iter().map(|(&c, &m)| (c, m)).collect();
    pairs.sort_unstable();
    entries.extend(pairs.into_iter().map(|(c, m)| (c.to_string(), m.to_string())));
    let spec = crate::dict::DictSpec::Inline { entries };
    let mut no_files = |file: &str| -> Result<Arc<crate::dict::TextDict>> {
        Err(crate::Error::invalid_dictionary(file, 0, "composition reads no files"))
    };
    let trie = Trie::build(&spec, &mut no_files)?;
    trie.mark_unchecked(&|key| changing.contains(key)).map(Some)
}

/// Most preimage keys a composed trie may have before composition is not
/// worth it.
const MAX_COMPOSED_KEYS: usize = 200_000;

/// One trie that converts text exactly as `first` followed by `second`,
/// when one of them maps single characters to single characters; `None`
/// when neither does (or the composition would be too large).
///
/// - `first` a character map `m`: `second` then sees `m(text)`, so its keys
///   become every preimage under `m` (a character `t` has the preimages
///   `s` with `m(s) = t`, and `t` itself unless `m` changes it); a
///   character that `second` leaves alone becomes `m(c)`.
/// - `second` a character map `m`: `first`'s values go through `m`, and a
///   character `first` leaves alone becomes `m(c)`.
///
/// Both use [`Trie::resolved_entries`], so group policies carry over.
///
/// # Errors
///
/// Those of [`Trie::build`] (a composed key or value over 65535 bytes).
pub(crate) fn compose(first: &Trie, second: &Trie) -> Result<Option<Trie>> {
    use std::collections::HashMap;
    if first.mentions_ids_operators() || second.mentions_ids_operators() {
        return Ok(None);
    }
    if first.has_unchecked() || second.has_unchecked() {
        return Ok(None);
    }
    let mut entries: Vec<(String, String)> = Vec::new();
    let to_string = |c: u32| char::from_u32(c).map(String::from).unwrap_or_default();
    let pairs = if let Some(map) = first.char_map() {
        let changed: HashMap<u32, u32> = map.iter().copied().collect();
        let mut preimages: HashMap<u32, Vec<char>> = HashMap::new();
        for &(s, t) in &map {
            preimages.entry(t).or_default().extend(char::from_u32(s));
        }
        for (key, value) in second.resolved_entries() {
            // Every string that `first` turns into `key`.
            let mut keys = vec![String::new()];
            for t in key.chars() {
                let mut options: Vec<char> = preimages.get(&u32::from(t)).cloned().unwrap_or_default();
                if !changed.contains_key(&u32::from(t)) {
                    options.push(t);
                }
                keys = keys.iter().flat_map(|k| options.iter().map(move |&o| format!("{k}{o}"))).collect();
                if keys.len() + entries.len() > MAX_COMPOSED_KEYS {
                    return Ok(None);
                }
            }
            entries.extend(keys.into_iter().map(|k| (k, value.clone())));
        }
        map
    } else if let Some(map) = second.char_map() {
        let changed: HashMap<u32, u32> = map.iter().copied().collect();
        let through = |text: &str| -> String {
            text.chars().map(|c| changed.get(&u32::from(c)).and_then(|&m| char::from_u32(m)).unwrap_or(c)).collect()
        };
        entries.extend(first.resolved_entries().into_iter().map(|(k, v)| (k, through(&v))));
        map
    } else {
        return Ok(None);
    };
    // A character neither stage matches otherwise converts through the
    // map; where a composed key already starts, the first entry wins.
    entries.extend(pairs.into_iter().map(|(c, m)| (to_string(c), to_string(m))));
    let spec = crate::dict::DictSpec::Inline { entries };
    let mut no_files = |file: &str| -> Result<Arc<crate::dict::TextDict>> {
        Err(crate::Error::invalid_dictionary(file, 0, "composition reads no files"))
    };
    Trie::build(&spec, &mut no_files).map(Some)
}

/// Runs `text` through `stages` in turn, appending the result to `out`.
fn run_chain<S: Sink>(
    stages: &[Stage],
    text: &str,
    out: &mut S,
    scratch: &mut Scratch,
) -> std::result::Result<(), Stop> {
    match stages {
        [] => {
            out.put_str(text);
            Ok(())
        }
        // Most words and runs have no key of a lone stage in them.
        [only] if only.leaves_unchanged(text) => {
            out.put_str(text);
            Ok(())
        }
        [only] => out.put_stage(only, text, &mut scratch.bytes),
        [first, rest @ ..] => {
            let Scratch { a, b, .. } = scratch;
            a.clear();
            first.run(text, a)?;
            for (i, stage) in rest.iter().enumerate() {
                if i + 1 == rest.len() {
                    stage.run(a, out)?;
                } else {
                    b.clear();
                    stage.run(a, b)?;
                    std::mem::swap(a, b);
                }
            }
            Ok(())
        }
    }
}

/// Where [`Pipeline::convert_merged`] is known to be before `pos`, with
/// the output's length there (`at` at `pos`): after the last inert
/// character in `left..pos` (a BMP character whose entry in `table` is 0),
/// or else at `left` (`left_out`); see [`scan_back`]. Scanning back costs a
/// few characters (to the last comma) where checking for inert characters
/// in the loop cost two conditional moves and two registers at every
/// character.
fn restart_before(table: &RootTable, bytes: &[u8], left: (usize, usize), here: (usize, usize)) -> (usize, usize) {
    scan_back(bytes, left, here, |c, len| {
        let f = table.get(c);
        match f {
            0 if c < 0x1_0000 => None,
            0 => Some(len),
            _ => Some(((f & MERGED_LEN) >> MERGED_LEN_SHIFT) as usize),
        }
    })
}

/// Whether what [`Pipeline::convert_merged`] must write for the position
/// `pos` (character `c` of `len` bytes, then `c2`; its entry in `table`
/// sends it nowhere else) may differ from the entries of the characters
/// it covers, written one by one: the longest word there, if one starts
/// there; else any match of the stage that a step could take there (cut
/// short by a later word or not), or an unchecked one.
///
/// A position that starts no such word or match needs no going back: if
/// the walk is at `pos`, its segment comes out as the loop writes it; if a
/// word or a match from an earlier position covers `pos`, that one either
/// differs and was taken where it starts, or comes out as written too. A
/// character covered whose entry sends it to the slower path goes back
/// itself, through `pos` (no inert character lies between), so its entry's
/// bytes need not be right here.
#[inline(never)]
fn position_differs(
    table: &RootTable,
    seg: &Stage,
    stage: &Stage,
    text: &str,
    pos: usize,
    (c, len): (u32, usize),
    c2: u32,
) -> bool {
    let bytes = text.as_bytes();
    match seg.segment_at(text, pos, c, len, c2) {
        // A word is a segment of its own, whatever the stage holds.
        Ok(Some(m)) => written_differs(table, bytes, pos, m),
        Ok(None) if table.get(c) & MERGED_STAGE_CONTINUES != 0 => {
            stage.any_match_at(text, pos, (c, len), &mut |m| m.unchecked || written_differs(table, bytes, pos, m))
        }
        Ok(None) => false,
        Err(_) => true,
    }
}

/// Byte-loop entry flag: the position goes through
/// [`Pipeline::merged_position`].
const MERGED_SLOW: u32 = 0x8000_0000;
/// Byte-loop entry flag: longer words start with the character; check the
/// segmentation's pair filter.
const MERGED_NODE: u32 = 0x4000_0000;
/// Byte-loop entry flag: the output is a step of the stage, and longer
/// keys of the stage start with the character.
const MERGED_STAGE_CONTINUES: u32 = 0x0800_0000;
/// Byte-loop entry flag (checked stages): the output holds in a clean run
/// only; a step of the stage may differ.
const MERGED_CLEAN_ONLY: u32 = 0x0400_0000;
/// Position of the output length (1 to 3 bytes) in a byte-loop entry.
const MERGED_LEN_SHIFT: u32 = FAST_LEN_SHIFT;
/// Mask of the output length.
const MERGED_LEN: u32 = 0x0300_0000;

/// The byte loop's table of [`Pipeline::convert_merged`], per character:
/// 0 to copy it; otherwise what the position comes to when no longer word
/// starts there, as UTF-8 bytes (little-endian in bits 0..24) with their
/// length: the character as a one-character word, its value alone between
/// words, or a step of the stage (for a character the walk table does not
/// convert alone); and flags: `MERGED_CLEAN_ONLY`, `MERGED_NODE` when
/// longer words start with it, `MERGED_STAGE_CONTINUES`; `MERGED_SLOW` for
/// everything else. A BMP character's entry is 0 exactly when it is
/// `inert` (others that convert to themselves get their own bytes), so
/// that the loop tells inert characters from the entry alone.
fn merged_table(seg: &Stage, walk: &WalkTable, stage: &Stage, inert: &Inert) -> RootTable {
    let encode = |s: &str| -> Option<u32> {
        let mut buf = [0u8; 4];
        buf.get_mut(..s.len())?.copy_from_slice(s.as_bytes());
        (1..=3).contains(&s.len()).then(|| u32::from_le_bytes(buf) | (s.len() as u32) << MERGED_LEN_SHIFT)
    };
    let encode_char = |c: u32| char::from_u32(c).and_then(|c| encode(c.encode_utf8(&mut [0; 4])));
    let exact = !stage.has_unchecked();
    let mut chars = walk.0.key_set();
    chars.union(&stage.table_chars());
    let entries = chars.iter().map(|c| {
        let e = walk.0.get(c);
        // A step of the stage: its byte-loop entry in this table's terms.
        let sf = stage.fast_entry(c);
        let step = if sf & FAST_SLOW != 0 {
            None
        } else {
            let bytes = if sf == 0 { encode_char(c) } else { Some(sf & !(FAST_CONTINUES | FAST_INERT)) };
            let continues = if sf & FAST_CONTINUES != 0 { MERGED_STAGE_CONTINUES } else { 0 };
            bytes.map(|b| (b, continues))
        };
        let between = if e & WALK_COMPLEX == 0 {
            // Alone between words (in a clean run, for a checked stage).
            let m = e & WALK_CHAR;
            let lone = encode_char(if m == 0 { c } else { m });
            let same_step = step.is_some_and(|(b, continues)| continues == 0 && Some(b) == lone);
            lone.map(|b| if exact || same_step { b } else { b | MERGED_CLEAN_ONLY })
        } else {
            step.map(|(b, continues)| b | continues)
        };
        let entry = if e & WALK_WORD == 0 {
            between
        } else {
            match seg.word_alone(c) {
                WordAlone::Word { own, continues } => {
                    let base = match own {
                        Some(value) => encode(value),
                        None => between,
                    };
                    base.map(|b| b | if continues { MERGED_NODE } else { 0 })
                }
                WordAlone::NoWord | WordAlone::Special => None,
            }
        };
        (c, entry.unwrap_or(MERGED_SLOW))
    });
    // Every entry above has a length, so is not 0; the other characters
    // that some key contains get their own bytes.
    let keyed = inert.0.iter().zip(chars.bmp_words()).enumerate();
    let own = keyed
        .flat_map(|(i, (&inert, &listed))| CharSet::bits(!inert & !listed, i as u32))
        .map(|c| (c, encode_char(c).unwrap_or(MERGED_SLOW)));
    RootTable::new(entries.chain(own))
}

/// Builds the walk table of a segmented pipeline from the stages that
/// convert text between words.
fn walk_table(seg: &Stage, stages: &[Stage]) -> WalkTable {
    let (first, later): (Option<&Stage>, &[Stage]) = match stages.split_first() {
        Some((first, later)) => (Some(first), later),
        None => (None, &[]),
    };
    let mut chars = seg.table_chars();
    for stage in first.into_iter().chain(later) {
        chars.union(&stage.table_chars());
    }
    for c in 0x2FF0..=0x2FFF {
        chars.insert(c);
    }
    let mut table = RootTable::new([]);
    for c in chars.iter() {
        let word = if seg.table_chars_contains(c) { WALK_WORD } else { 0 };
        let mut m = Some(c);
        for stage in first.into_iter().chain(later) {
            m = match m.map(|m| stage.lone(m)) {
                Some(Lone::Char(next)) => Some(next),
                _ => None,
            };
        }
        let e = match m {
            _ if super::utf8::is_ids_operator(c) => WALK_COMPLEX,
            Some(m) if m == c => 0,
            Some(m) => m,
            None => WALK_COMPLEX,
        };
        if word | e != 0 {
            table.set(c, word | e);
        }
    }
    WalkTable(table)
}

/// The length of the unmatched unit at `pos`: a complete IDS or one char.
#[inline(always)]
pub(crate) fn unit_len(bytes: &[u8], pos: usize) -> usize {
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

#[cfg(test)]
mod tests {
    /// The merged loop tells inert characters by their entry alone.
    #[test]
    fn merged_entries_are_zero_exactly_for_inert_characters() {
        let mut merged = 0;
        for config in crate::Config::ALL {
            let pipeline = super::super::builtin::pipeline(config, false).expect("loads");
            let Some(table) = &pipeline.merged else { continue };
            merged += 1;
            for c in 0..0x1_0000 {
                assert_eq!(table.get(c) == 0, pipeline.inert.contains(c), "{config} U+{c:04X}");
            }
        }
        assert!(merged >= 4, "{merged} configurations use the merged loop");
    }
}
