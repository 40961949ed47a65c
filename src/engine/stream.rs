//! Streaming conversion in bounded memory.
//!
//! The stream is cut into pieces that convert independently: the output of
//! the whole equals the concatenated outputs of the pieces. Two kinds of
//! cut are exact:
//!
//! - **after an inert character**, one that no key of any dictionary of the
//!   pipeline contains (most punctuation, ASCII, line breaks), when no
//!   ideographic description operator occurs in the 64 characters before
//!   it (an IDS of at most 64 code points could otherwise span the cut).
//!   No match can cross an inert character and it is copied unchanged, so
//!   every stage splits there;
//! - **at a settled segment boundary**, for text without inert characters:
//!   where maximum matching ends or starts a dictionary word far enough
//!   (the longest key) from the end of the buffer that no lookahead was cut
//!   short (for a pipeline without segmentation and with one stage, any
//!   settled position of that stage's greedy walk).
//!
//! Pieces are converted as soon as a cut is found, so memory stays near
//! the read buffer size for any text with punctuation or dictionary words.

use std::io::{Read, Write};

use super::pipeline::Pipeline;
use super::utf8::{decode, is_ids_operator};
use crate::error::{Error, Result};

/// Bytes read per call to the reader.
const READ_SIZE: usize = 64 * 1024;
/// Pending text longer than this tries the segment-boundary cut.
const WALK_CUT_AFTER: usize = 256 * 1024;
/// IDS length limit in code points (OpenCC's).
const IDS_WINDOW: usize = 64;

/// Counts of a finished stream.
///
/// ```
/// use zhtext::{Config, Converter};
///
/// let mut out = Vec::new();
/// let stats = Converter::new(Config::T2s).convert_stream("漢字".as_bytes(), &mut out).expect("converts");
/// assert_eq!((stats.bytes_read, stats.bytes_written), (6, 6));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StreamStats {
    /// Bytes read from the input.
    pub bytes_read: u64,
    /// Bytes written to the output.
    pub bytes_written: u64,
}

pub(crate) fn convert_stream<R: Read, W: Write>(
    pipeline: &Pipeline,
    mut reader: R,
    mut writer: W,
) -> Result<StreamStats> {
    let mut pending: Vec<u8> = Vec::with_capacity(READ_SIZE * 2);
    let mut out = String::with_capacity(READ_SIZE * 2);
    // Stream offset of pending[0].
    let mut offset: u64 = 0;
    let mut stats = StreamStats::default();
    let mut eof = false;
    while !eof {
        let start = pending.len();
        pending.resize(start + READ_SIZE, 0);
        let n = loop {
            match reader.read(pending.get_mut(start..).unwrap_or_default()) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    pending.truncate(start);
                    return Err(Error::io(e));
                }
            }
        };
        pending.truncate(start + n);
        stats.bytes_read += n as u64;
        eof = n == 0;

        let (valid, invalid_at) = match simdutf8::compat::from_utf8(&pending) {
            Ok(text) => (text, None),
            Err(e) => {
                let valid =
                    simdutf8::compat::from_utf8(pending.get(..e.valid_up_to()).unwrap_or_default()).unwrap_or("");
                // An incomplete character at the end may be completed by the
                // next read; anything else is an error.
                let bad = e.error_len().is_some() || eof;
                (valid, bad.then_some(e.valid_up_to()))
            }
        };
        let cut = if eof || invalid_at.is_some() { valid.len() } else { find_cut(pipeline, valid) };
        if cut > 0 {
            out.clear();
            pipeline.convert_into(valid.get(..cut).unwrap_or(""), &mut out);
            writer.write_all(out.as_bytes()).map_err(Error::io)?;
            stats.bytes_written += out.len() as u64;
        }
        if let Some(at) = invalid_at {
            writer.flush().map_err(Error::io)?;
            return Err(Error::invalid_utf8(offset + at as u64));
        }
        pending.drain(..cut);
        offset += cut as u64;
    }
    writer.flush().map_err(Error::io)?;
    Ok(stats)
}

/// The largest exact cut in `text` (a prefix of the rest of the stream),
/// or 0 when there is none yet.
pub(crate) fn find_cut(pipeline: &Pipeline, text: &str) -> usize {
    let cut = inert_cut(pipeline, text);
    if cut > 0 || text.len() < WALK_CUT_AFTER {
        return cut;
    }
    walk_cut(pipeline, text)
}

/// The end of the last inert character not preceded within 64 characters
/// by an IDS operator; 0 if none.
fn inert_cut(pipeline: &Pipeline, text: &str) -> usize {
    let mut chars = text.char_indices().rev();
    while let Some((at, c)) = chars.next() {
        if !pipeline.is_inert(u32::from(c)) {
            continue;
        }
        let end = at + c.len_utf8();
        let before = text.get(..end).unwrap_or("");
        if before.chars().rev().take(IDS_WINDOW + 1).any(|c| is_ids_operator(u32::from(c))) {
            // Skip past the operator's window and keep looking.
            for _ in 0..IDS_WINDOW {
                chars.next();
            }
            continue;
        }
        return end;
    }
    0
}

/// A settled position of the segmentation walk (or of the single stage's
/// walk) at least the longest key away from the end of `text`; 0 if none.
fn walk_cut(pipeline: &Pipeline, text: &str) -> usize {
    let bytes = text.as_bytes();
    let needs_care = |c: u32| is_ids_operator(c) || pipeline.normalization.iter().any(|t| t.root(c) != 0);
    if pipeline.overrides.is_some() || text.chars().any(|c| needs_care(u32::from(c))) {
        return 0;
    }
    let (trie, boundary_on_match_only) = match (&pipeline.segmentation, pipeline.chain.as_slice()) {
        (Some(seg), _) => (seg, true),
        (None, [only]) => (only, false),
        _ => return 0,
    };
    let limit = bytes.len().saturating_sub(trie.max_key_chars().max(1) * 4);
    let (mut pos, mut last) = (0, 0);
    while pos < limit {
        if let Some(m) = trie.match_at(bytes, pos) {
            if boundary_on_match_only {
                last = pos;
            }
            pos += m.len;
            if pos <= limit {
                last = pos;
            }
        } else {
            pos += decode(bytes, pos).1;
            if !boundary_on_match_only && pos <= limit {
                last = pos;
            }
        }
    }
    last
}
