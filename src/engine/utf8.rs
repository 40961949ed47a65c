//! UTF-8 decoding on byte slices that are known to hold valid UTF-8, and
//! OpenCC's ideographic description sequence (IDS) rule.

/// Decodes the character starting at `pos`: its code point and length.
/// `bytes` must be valid UTF-8 and `pos` a character boundary; at the end
/// of input it returns `(0, 1)` so callers always advance.
#[inline(always)]
pub(crate) fn decode(bytes: &[u8], pos: usize) -> (u32, usize) {
    // Fast path: four bytes available, one bounds check.
    if let Some(w) = word_at(bytes, pos) {
        return decode_word(w);
    }
    let b0 = match bytes.get(pos) {
        Some(&b) => u32::from(b),
        None => return (0, 1),
    };
    let cont = |i: usize| bytes.get(pos + i).map_or(0, |&b| u32::from(b) & 0x3F);
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), 4)
    }
}

/// Decodes the character whose UTF-8 bytes start `w` (four bytes of valid
/// UTF-8 read little-endian, so the first byte is the lowest).
#[inline(always)]
pub(crate) fn decode_word(w: u32) -> (u32, usize) {
    let b0 = w & 0xFF;
    let (b1, b2, b3) = ((w >> 8) & 0x3F, (w >> 16) & 0x3F, (w >> 24) & 0x3F);
    // Three bytes first: the BMP's ideographs and CJK punctuation, most
    // of what Chinese text holds (one test instead of three).
    if b0 & 0xF0 == 0xE0 {
        return (((b0 & 0x0F) << 12) | (b1 << 6) | b2, 3);
    }
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | b1, 2)
    } else if b0 < 0xF0 {
        (((b0 & 0x0F) << 12) | (b1 << 6) | b2, 3)
    } else {
        (((b0 & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3, 4)
    }
}

/// The four bytes at `at` as a little-endian word, if there are four.
#[inline(always)]
pub(crate) fn word_at(bytes: &[u8], at: usize) -> Option<u32> {
    bytes.get(at..at + 4).and_then(|s| <&[u8; 4]>::try_from(s).ok()).map(|&w| u32::from_le_bytes(w))
}

/// For the byte loops: the four bytes at `pos` (valid UTF-8, a character
/// boundary) and the character they start with, its code point and length;
/// `(0, 0, 1)` where fewer than four bytes are left.
#[inline(always)]
pub(crate) fn char_word_at(bytes: &[u8], pos: usize) -> (u32, u32, usize) {
    let w = word_at(bytes, pos).unwrap_or(0);
    let (c, len) = decode_word(w);
    (w, c, len)
}

/// Zero-filled bytes that [`open_room`] puts past the output.
const ROOM: usize = 256;

/// `out` cut to `at` bytes and then zero-filled for [`ROOM`] bytes past
/// them, as a slice for [`put_at`]. A byte loop writes into it by index,
/// so that the output's length lives in a register, not in the `Vec`
/// (whose length a store of output bytes might change, for all the
/// compiler knows); the loop cuts `out` back to what it wrote when it
/// ends or hands `out` to a slower path.
#[inline]
pub(crate) fn open_room(out: &mut Vec<u8>, at: usize) -> &mut [u8] {
    out.truncate(at);
    out.resize(at + ROOM, 0);
    out
}

/// Writes the four bytes of `w`, little-endian, at `at` in `room` (of
/// which the loop then keeps the first few); `false` when they do not
/// fit.
#[inline(always)]
pub(crate) fn put_at(room: &mut [u8], at: usize, w: u32) -> bool {
    match room.get_mut(at..).and_then(<[u8]>::first_chunk_mut::<4>) {
        Some(dst) => {
            *dst = w.to_le_bytes();
            true
        }
        None => false,
    }
}

/// Scans back from `pos` (where a lazy byte loop's output is `at` bytes
/// long) over the characters the loop wrote since `left` (`left_out`
/// bytes), to just after the last one where a match is known to start
/// next; returns that position and the output's length there, or `left`
/// when there is none. `written` gives, for a character and its length in
/// bytes, `None` for such a character, else the bytes the loop wrote for
/// it.
pub(crate) fn scan_back(
    bytes: &[u8],
    (left, left_out): (usize, usize),
    (pos, at): (usize, usize),
    written: impl Fn(u32, usize) -> Option<usize>,
) -> (usize, usize) {
    let (mut here, mut here_out) = (pos, at);
    while here > left {
        // The character before `here`.
        let mut back = here - 1;
        while back > left && bytes.get(back).is_some_and(|&b| b & 0xC0 == 0x80) {
            back -= 1;
        }
        let (c, len) = decode(bytes, back);
        match written(c, len) {
            None => return (here, here_out),
            Some(n) => (here, here_out) = (back, here_out.saturating_sub(n)),
        }
    }
    (left, left_out)
}

/// Appends the first `n` (at most 4) bytes of `w`, read little-endian, to
/// `out`: one 4-byte write, then the length is cut back.
#[inline(always)]
pub(crate) fn put_word(out: &mut Vec<u8>, w: u32, n: usize) {
    let at = out.len();
    out.extend_from_slice(&w.to_le_bytes());
    out.truncate(at + n);
}

/// Appends to `out` what `write` appends to its buffer, which must be
/// UTF-8: the byte loops write into the string's own buffer, and only the
/// new bytes are checked (with simdutf8, a few percent of a conversion's
/// time; checking the whole string with std costs a third of t2s's).
/// Should `write` ever append bytes that are not UTF-8, they become U+FFFD
/// (and debug builds panic), so `out` is always a valid `String`.
#[allow(unsafe_code)]
pub(crate) fn extend_checked(out: &mut String, write: impl FnOnce(&mut Vec<u8>)) {
    let mut bytes = std::mem::take(out).into_bytes();
    let mark = bytes.len();
    write(&mut bytes);
    if simdutf8::basic::from_utf8(bytes.get(mark..).unwrap_or_default()).is_ok() {
        // SAFETY: `bytes[..mark]` was a `String` and `bytes[mark..]` has
        // just been checked to be UTF-8; each is a whole UTF-8 sequence,
        // so together they are one.
        *out = unsafe { String::from_utf8_unchecked(bytes) };
        return;
    }
    debug_assert!(false, "a byte loop wrote bytes that are not UTF-8");
    let tail = String::from_utf8_lossy(bytes.get(mark..).unwrap_or_default()).into_owned();
    bytes.truncate(mark);
    *out = String::from_utf8(bytes).unwrap_or_default();
    out.push_str(&tail);
}

/// Length in bytes of the UTF-8 character whose first byte is `b`.
#[inline(always)]
pub(crate) fn char_len(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Whether `cp` is an ideographic description operator (U+2FF0..=U+2FFF).
#[inline(always)]
pub(crate) fn is_ids_operator(cp: u32) -> bool {
    (0x2FF0..=0x2FFF).contains(&cp)
}

fn arity(cp: u32) -> usize {
    match cp {
        0x2FF2 | 0x2FF3 => 3,
        0x2FFE | 0x2FFF => 1,
        0x2FF0..=0x2FFD => 2,
        _ => 0,
    }
}

const MAX_DEPTH: usize = 16;
const MAX_CODE_POINTS: usize = 64;

enum Ids {
    Complete(usize),
    Incomplete,
    Invalid,
}

/// The length of the complete ideographic description sequence starting at
/// `pos`, or 0 when none starts there. An unmatched IDS is copied through
/// conversion as one unit (OpenCC 1.4.2's
/// `NextIdeographicDescriptionSequenceLength`): operators take 1 to 3
/// operands, nested at most 16 deep and 64 code points long.
pub(crate) fn ids_len(bytes: &[u8], pos: usize) -> usize {
    let (cp, _) = decode(bytes, pos);
    if pos >= bytes.len() || arity(cp) == 0 {
        return 0;
    }
    let mut code_points = 0;
    match consume(bytes, pos, MAX_DEPTH, &mut code_points) {
        Ids::Complete(len) => len,
        Ids::Incomplete | Ids::Invalid => 0,
    }
}

fn consume(bytes: &[u8], pos: usize, depth_left: usize, code_points: &mut usize) -> Ids {
    if pos >= bytes.len() {
        return Ids::Incomplete;
    }
    if depth_left == 0 || *code_points >= MAX_CODE_POINTS {
        return Ids::Invalid;
    }
    *code_points += 1;
    let (cp, len) = decode(bytes, pos);
    let n = arity(cp);
    let mut offset = len;
    for _ in 0..n {
        if pos + offset >= bytes.len() {
            return Ids::Incomplete;
        }
        match consume(bytes, pos + offset, depth_left - 1, code_points) {
            Ids::Complete(l) => offset += l,
            other => return other,
        }
    }
    Ids::Complete(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_by_index_keep_what_is_there_and_stop_at_the_room_end() {
        let mut out = b"ab".to_vec();
        let room = open_room(&mut out, 1);
        assert_eq!(room.len(), 1 + ROOM);
        assert!(put_at(room, 1, u32::from_le_bytes(*b"xyzw")));
        assert!(put_at(room, ROOM - 3, 0));
        assert!(!put_at(room, ROOM - 2, 0), "four bytes past the room's end");
        assert_eq!(&out[..5], b"axyzw");
    }

    #[test]
    fn extend_checked_appends_to_what_is_there() {
        let mut out = String::from("漢字 ");
        extend_checked(&mut out, |bytes| bytes.extend_from_slice("汉字𠀀".as_bytes()));
        assert_eq!(out, "漢字 汉字𠀀");
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "not UTF-8"))]
    fn extend_checked_never_lets_invalid_bytes_into_the_string() {
        let mut out = String::from("漢");
        extend_checked(&mut out, |bytes| bytes.extend_from_slice(&[b'a', 0xE6, 0xBC]));
        assert_eq!(out, "漢a\u{FFFD}");
    }

    #[test]
    fn ids_lengths() {
        assert_eq!(ids_len("⿰氵青x".as_bytes(), 0), "⿰氵青".len());
        assert_eq!(ids_len("⿱⿰木木木".as_bytes(), 0), "⿱⿰木木木".len());
        assert_eq!(ids_len("⿰氵".as_bytes(), 0), 0);
        assert_eq!(ids_len("氵青".as_bytes(), 0), 0);
        assert_eq!(ids_len("⿰\n发".as_bytes(), 0), "⿰\n发".len());
        // 17 nested operators exceed the depth limit.
        let deep = format!("{}木木", "⿱".repeat(17));
        assert_eq!(ids_len(deep.as_bytes(), 0), 0);
    }

    #[test]
    fn decode_matches_std() {
        for s in ["a", "é", "中", "𠀀", "\u{10FFFF}"] {
            let c = s.chars().next().map_or(0, u32::from);
            assert_eq!(decode(s.as_bytes(), 0), (c, s.len()));
        }
    }
}
